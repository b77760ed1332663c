"""Python: every string prefix (r, b, u, f and their pairs, any case), single and triple quotes,
f-strings whose ``{holes}`` become splices, comments, and logical line ends (``nl`` tokens, not
inside brackets or after a backslash) so that a string standing alone as a statement — a
docstring — can be told from one that is used.
"""

from __future__ import annotations

import re

from migplan.app.lexers.base import OPS, Interp, LexResult, Scanner, Token, hole_end

_PATTERN = re.compile(
    r"(?P<c>\#[^\n]*)"
    r"|(?P<cont>\\\n)"
    r"|(?P<nl>\n)"
    r"|(?P<f>(?i:fr|rf|f)(?:'''|\"\"\"|'|\"))"
    r"|(?P<s>(?i:rb|br|r|b|u)?(?:'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^\"\\]|\\.|\"(?!\"\"))*\"\"\""
    r"|'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"))"
    r"|(?P<id>[^\W\d]\w*)"
    r"|(?P<num>\.?\d[\w.]*(?:[eE][+-]\d+)?)"
    r"|(?P<bad>'''|\"\"\"|'|\")"
    rf"|(?P<op>{OPS})",
    re.S,
)
_ESC = re.compile(r"\\(\n|[\\'\"abfnrtv]|[0-7]{1,3}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\})")
_SIMPLE = {"\n": "", "\\": "\\", "'": "'", '"': '"', "a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
           "t": "\t", "v": "\v"}


def unescape(body: str) -> str:
    if "\\" not in body:
        return body

    def one(m: re.Match[str]) -> str:
        e = m.group(1)
        if e in _SIMPLE:
            return _SIMPLE[e]
        if e[0] in "xuU":
            return chr(int(e[1:], 16))
        if e[0] == "N":
            import unicodedata

            try:
                return unicodedata.lookup(e[2:-1])
            except KeyError:
                return m.group(0)
        return chr(int(e, 8))

    return _ESC.sub(one, body)


def _string_value(raw: str) -> str:
    i = 0
    while raw[i] not in "'\"":
        i += 1
    prefix = raw[:i].lower()
    q = 3 if raw[i:i + 3] in ("'''", '"""') else 1
    body = raw[i + q:len(raw) - q]
    return body if "r" in prefix else unescape(body)


def tokenize(text: str) -> LexResult:
    out: list[Token] = []
    problems: list[tuple[int, str]] = []
    depth = 0
    sc = Scanner(_PATTERN, text)
    for m in sc:
        kind = m.lastgroup
        start, end = m.span()
        if kind == "c" or kind == "cont":
            continue
        if kind == "nl":
            if depth == 0 and out and out[-1][0] != "nl":
                out.append(("nl", start, end, "\n", None))
        elif kind == "id":
            out.append(("id", start, end, m.group(), None))
        elif kind == "op":
            op = m.group()
            if op in "([{":
                depth += 1
            elif op in ")]}":
                depth = max(0, depth - 1)
            out.append(("op", start, end, op, None))
        elif kind == "s":
            out.append(("str", start, end, _string_value(m.group()), None))
        elif kind == "f":
            tok, pos = _fstring(text, start, m.group(), problems)
            out.append(tok)
            sc.seek(pos)
        elif kind == "bad":
            problems.append((start, "unterminated string literal"))
        else:
            out.append(("num", start, end, m.group(), None))
    return LexResult(out, problems)


def _fstring(text: str, start: int, opener: str, problems) -> tuple[Token, int]:
    raw = "r" in opener.lower()
    quote = opener.lstrip("fFrR")
    i = start + len(opener)
    n = len(text)
    parts: list[str | tuple[str, str]] = []
    lit: list[str] = []
    while i < n:
        if text.startswith(quote, i):
            break
        c = text[i]
        if c == "\n" and len(quote) == 1:
            break
        if c == "\\" and not raw:
            lit.append(unescape(text[i:i + 2]))
            i += 2
            continue
        if c in "{}" and text.startswith(c * 2, i):
            lit.append(c)
            i += 2
            continue
        if c == "{":
            close = hole_end(text, i + 1)
            expr = text[i + 1:close]
            expr = re.split(r"(?<![=!<>])(?:![rsa])?:(?![=])|![rsa]$", expr, maxsplit=1)[0].rstrip("=").strip()
            if lit:
                parts.append("".join(lit))
                lit = []
            parts.append((expr, "{" + expr + "}"))
            i = close + 1
            continue
        lit.append(c)
        i += 1
    if i >= n or not text.startswith(quote, i):
        problems.append((start, "unterminated f-string"))
        end = i
    else:
        end = i + len(quote)
    if lit:
        parts.append("".join(lit))
    return ("str", start, end, "", Interp(tuple(parts))), end
