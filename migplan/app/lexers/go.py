"""Go: interpreted strings with escapes, raw backtick strings (no escapes, may span lines; carriage
returns dropped as the compiler does), rune literals, comments."""

from __future__ import annotations

import re

from migplan.app.lexers.base import OPS, LexResult, Token, unescape

_PATTERN = re.compile(
    r"(?P<c>//[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|(?P<raw>`[^`]*`)"
    r'|(?P<s>"(?:[^"\\\n]|\\.)*")'
    r"|(?P<ch>'(?:[^'\\\n]|\\.)+')"
    r"|(?P<id>[^\W\d]\w*)"
    r"|(?P<num>\.?\d[\w.]*(?:[eEpP][+-]\d+)?)"
    r'|(?P<bad>["`])'
    rf"|(?P<op>{OPS})",
    re.S,
)


def tokenize(text: str) -> LexResult:
    out: list[Token] = []
    problems: list[tuple[int, str]] = []
    append = out.append
    for m in _PATTERN.finditer(text):
        kind = m.lastgroup
        if kind == "c":
            continue
        start, end = m.span()
        if kind == "id" or kind == "op":
            append((kind, start, end, m.group(), None))
        elif kind == "s":
            append(("str", start, end, unescape(text[start + 1:end - 1]), None))
        elif kind == "raw":
            append(("str", start, end, text[start + 1:end - 1].replace("\r", ""), None))
        elif kind == "bad":
            problems.append((start, "unterminated string literal"))
        else:
            append(("num", start, end, m.group(), None))
    return LexResult(out, problems)
