"""C#: regular strings with escapes, verbatim ``@"..."`` (``""`` is a quote), raw ``\"\"\"...\"\"\"``
(C# 11, indentation of the closing line removed), and interpolated ``$"..."``, ``$@"..."``,
``$\"\"\"...\"\"\"`` whose ``{holes}`` become splices (``{{`` is a literal brace; ``$$\"\"\"`` needs ``{{hole}}``).
"""

from __future__ import annotations

import re

from migplan.app.lexers.base import OPS, Interp, LexResult, Scanner, Token, hole_end, unescape

_PATTERN = re.compile(
    r"(?P<c>//[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|(?P<pp>^[ \t]*\#[^\n]*)"
    r'|(?P<raw>(?P<dollars>\$*)(?P<rq>"{3,}))'
    r'|(?P<interp>\$@"|@\$"|\$")'
    r'|(?P<verb>@"(?:[^"]|"")*")'
    r'|(?P<s>"(?:[^"\\\n]|\\.)*")'
    r"|(?P<ch>'(?:[^'\\\n]|\\.)+')"
    r"|(?P<id>@?[^\W\d]\w*)"
    r"|(?P<num>\.?\d[\w.]*(?:[eE][+-]\d+)?)"
    r'|(?P<bad>")'
    rf"|(?P<op>{OPS})",
    re.S | re.M,
)


def tokenize(text: str) -> LexResult:
    out: list[Token] = []
    problems: list[tuple[int, str]] = []
    sc = Scanner(_PATTERN, text)
    for m in sc:
        kind = m.lastgroup
        start, end = m.span()
        if kind == "c" or kind == "pp":
            continue
        if kind == "id" or kind == "op":
            out.append((kind, start, end, m.group(), None))
        elif kind == "s":
            out.append(("str", start, end, unescape(text[start + 1:end - 1]), None))
        elif kind == "verb":
            out.append(("str", start, end, text[start + 2:end - 1].replace('""', '"'), None))
        elif kind == "raw":
            tok, pos = _raw(text, start, len(m.group("dollars")), len(m.group("rq")), problems)
            out.append(tok)
            sc.seek(pos)
        elif kind == "dollars":  # pragma: no cover - a group of raw, never the last one
            pass
        elif kind == "interp":
            tok, pos = _interpolated(text, start, end, "@" in m.group(), problems)
            out.append(tok)
            sc.seek(pos)
        elif kind == "bad":
            problems.append((start, "unterminated string literal"))
        else:
            out.append(("num", start, end, m.group(), None))
    return LexResult(out, problems)


def _raw(text: str, start: int, dollars: int, quotes: int, problems) -> tuple[Token, int]:
    body_start = start + dollars + quotes
    close = text.find('"' * quotes, body_start)
    if close < 0:
        problems.append((start, "unterminated raw string literal"))
        close = len(text)
    end = min(len(text), close + quotes)
    body = text[body_start:close]
    if "\n" in body:  # multi-line: drop the first and last lines, and the closing line's indentation
        first_nl = body.index("\n")
        last_nl = body.rindex("\n")
        indent = body[last_nl + 1:]
        lines = body[first_nl + 1:last_nl].split("\n") if last_nl > first_nl else []
        body = "\n".join(ln[len(indent):] if ln.startswith(indent) else ln.lstrip() for ln in lines)
    if not dollars:
        return ("str", start, end, body, None), end
    return ("str", start, end, "", Interp(tuple(_holes(body, dollars)))), end


def _holes(body: str, braces: int) -> list[str | tuple[str, str]]:
    """Split an interpolated raw string body: ``braces`` braces open a hole, fewer are text."""
    parts: list[str | tuple[str, str]] = []
    opener = "{" * braces
    i = 0
    lit: list[str] = []
    while i < len(body):
        if body.startswith(opener, i) and not body.startswith(opener + "{", i):
            close = hole_end(body, i + braces)
            expr = body[i + braces:close]
            parts.append("".join(lit))
            lit = []
            parts.append((expr, "{" + expr + "}"))
            i = close + braces
        else:
            lit.append(body[i])
            i += 1
    parts.append("".join(lit))
    return [p for p in parts if p != ""]


def _interpolated(text: str, start: int, body_start: int, verbatim: bool, problems) -> tuple[Token, int]:
    parts: list[str | tuple[str, str]] = []
    lit: list[str] = []
    i = body_start
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"':
            if verbatim and text.startswith('""', i):
                lit.append('"')
                i += 2
                continue
            break
        if c == "\\" and not verbatim:
            lit.append(unescape(text[i:i + 2]))
            i += 2
            continue
        if c == "\n" and not verbatim:
            break
        if c in "{}" and text.startswith(c * 2, i):
            lit.append(c)
            i += 2
            continue
        if c == "{":
            close = hole_end(text, i + 1)
            expr = text[i + 1:close]
            expr = expr.split(":", 1)[0] if ":" in expr and "?" not in expr else expr  # {x:N2} format
            if lit:
                parts.append("".join(lit))
                lit = []
            parts.append((expr.strip(), "{" + expr.strip() + "}"))
            i = close + 1
            continue
        lit.append(c)
        i += 1
    if i >= n or text[i] != '"':
        problems.append((start, "unterminated interpolated string"))
        end = i
    else:
        end = i + 1
    if lit:
        parts.append("".join(lit))
    return ("str", start, end, "", Interp(tuple(parts))), end
