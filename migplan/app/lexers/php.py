"""PHP: only the code between ``<?php``/``<?=`` and ``?>``; single quotes (``\\'`` and ``\\\\`` only),
double quotes and heredoc with interpolation (``$var``, ``$var[...]``, ``$var->prop``, ``{$expr}``,
``${name}`` become splices), nowdoc (no interpolation), closing markers indented as PHP 7.3 allows,
``//``, ``#`` and ``/* */`` comments (a line comment ends at ``?>``), ``#[...]`` attributes.
"""

from __future__ import annotations

import re

from migplan.app.lexers.base import OPS, Interp, LexResult, Scanner, Token, hole_end, unescape

_OPEN = re.compile(r"<\?(?:php\b|=)?", re.I)
_PATTERN = re.compile(
    r"(?P<close>\?>)"
    r"|(?P<c>(?://|\#(?!\[))(?:[^\n?]|\?(?!>))*|/\*.*?(?:\*/|\Z))"
    r"|(?P<here><<<[ \t]*(?P<hq>[\"']?)(?P<hid>[A-Za-z_]\w*)(?P=hq)[ \t]*\n)"
    r"|(?P<sq>'(?:[^'\\]|\\.)*')"
    r"|(?P<dq>\"(?:[^\"\\]|\\.)*\")"
    r"|(?P<bt>`(?:[^`\\]|\\.)*`)"
    r"|(?P<var>\$+[^\W\d]\w*)"
    r"|(?P<id>\\?[^\W\d][\w\\]*)"
    r"|(?P<num>\.?\d[\w.]*(?:[eE][+-]\d+)?)"
    r"|(?P<bad>['\"`])"
    rf"|(?P<op>{OPS})",
    re.S,
)
_VAR = re.compile(r"\$([^\W\d]\w*)((?:\[[^\]\n]*\]|->[^\W\d]\w*)?)")


def tokenize(text: str) -> LexResult:
    out: list[Token] = []
    problems: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _OPEN.search(text, pos)
        if m is None:
            break
        pos = _code(text, m.end(), out, problems)
    return LexResult(out, problems)


def _code(text: str, pos: int, out: list[Token], problems) -> int:
    sc = Scanner(_PATTERN, text, pos)
    for m in sc:
        kind = m.lastgroup
        start, end = m.span()
        if kind == "close":
            out.append(("op", start, end, ";", None))  # ?> ends a statement
            return end
        if kind == "c" or kind == "bt":
            continue
        if kind in ("id", "op", "var"):
            out.append(("op" if kind == "op" else "id", start, end, m.group(), None))
        elif kind == "sq":
            body = text[start + 1:end - 1]
            out.append(("str", start, end, body.replace("\\\\", "\\").replace("\\'", "'"), None))
        elif kind == "dq":
            out.append(_interpolated(text[start + 1:end - 1], start, end))
        elif kind == "here":
            tok, pos = _heredoc(text, m, problems)
            out.append(tok)
            sc.seek(pos)
        elif kind == "bad":
            problems.append((start, "unterminated string literal"))
        elif kind in ("hq", "hid"):  # pragma: no cover - groups inside 'here'
            pass
        else:
            out.append(("num", start, end, m.group(), None))
    return len(text)


def _heredoc(text: str, m: re.Match[str], problems) -> tuple[Token, int]:
    ident = m.group("hid")
    closing = re.compile(rf"^([ \t]*){re.escape(ident)}\b", re.M)
    c = closing.search(text, m.end())
    if c is None:
        problems.append((m.start(), f"unterminated heredoc <<<{ident}"))
        body, end = text[m.end():], len(text)
    else:
        body, end = text[m.end():max(m.end(), c.start() - 1)], c.end()
        indent = c.group(1)
        if indent:
            body = "\n".join(ln[len(indent):] if ln.startswith(indent) else ln.lstrip(" \t")
                             for ln in body.split("\n"))
    if m.group("hq") == "'":  # nowdoc
        return ("str", m.start(), end, body, None), end
    return _interpolated(body, m.start(), end, heredoc=True), end


def _interpolated(body: str, start: int, end: int, heredoc: bool = False) -> Token:
    if "$" not in body:
        return ("str", start, end, _unescape(body, heredoc), None)
    parts: list[str | tuple[str, str]] = []
    lit: list[str] = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c == "\\" and i + 1 < n:
            lit.append(body[i:i + 2])
            i += 2
            continue
        if c == "{" and body.startswith("{$", i):
            close = hole_end(body, i + 1)
            expr = body[i + 1:close]
            _flush(parts, lit, heredoc)
            parts.append((expr, "{" + expr + "}"))
            i = close + 1
            continue
        if c == "$" and body.startswith("${", i):
            close = hole_end(body, i + 2)
            expr = "$" + body[i + 2:close]
            _flush(parts, lit, heredoc)
            parts.append((expr, "${" + body[i + 2:close] + "}"))
            i = close + 1
            continue
        if c == "$":
            vm = _VAR.match(body, i)
            if vm:
                _flush(parts, lit, heredoc)
                parts.append((vm.group(), vm.group()))
                i = vm.end()
                continue
        lit.append(c)
        i += 1
    _flush(parts, lit, heredoc)
    if not any(isinstance(p, tuple) for p in parts):
        return ("str", start, end, "".join(p for p in parts if isinstance(p, str)), None)
    return ("str", start, end, "", Interp(tuple(parts)))


def _flush(parts: list, lit: list[str], heredoc: bool) -> None:
    if lit:
        parts.append(_unescape("".join(lit), heredoc))
        lit.clear()


def _unescape(body: str, heredoc: bool) -> str:
    # PHP keeps an unknown escape as written (backslash included); \' is not an escape in double quotes
    keep = "'?abs`" + ('"' if heredoc else "")
    return unescape(body, keep=keep)
