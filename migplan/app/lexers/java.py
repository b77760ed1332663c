"""Java: string literals with their escapes, text blocks (``\"\"\"``), char literals, comments.

A text block loses its incidental indentation and trailing spaces the way ``javac`` does (JLS
§3.10.6): the smallest indentation of its non-blank lines and of the closing delimiter's line.
"""

from __future__ import annotations

import re

from migplan.app.lexers.base import OPS, LexResult, Token, unescape

_PATTERN = re.compile(
    r"(?P<c>//[^\n]*|/\*.*?(?:\*/|\Z))"
    r'|(?P<tb>"""[ \t\f]*\n(?:[^"\\]|\\.|"(?!""))*""")'
    r'|(?P<s>"(?:[^"\\\n]|\\.)*")'
    r"|(?P<ch>'(?:[^'\\\n]|\\.)+')"
    r"|(?P<id>[^\W\d][\w$]*|\$[\w$]*)"
    r"|(?P<num>\.?\d[\w.]*(?:[eEpP][+-]\d+)?)"
    r'|(?P<bad>"|""")'
    rf"|(?P<op>{OPS})",
    re.S,
)


def text_block(raw: str) -> str:
    """The value of a text block, from its source between the opening line and the closing quotes."""
    body = raw[raw.index("\n") + 1:-3]
    lines = body.split("\n")
    significant = [ln for ln in lines[:-1] if ln.strip()] + [lines[-1]]
    indent = min((len(ln) - len(ln.lstrip(" \t\f")) for ln in significant), default=0)
    out = [ln[indent:].rstrip(" \t\f") for ln in lines]
    return unescape("\n".join(out))


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
        elif kind == "tb":
            append(("str", start, end, text_block(m.group()), None))
        elif kind == "bad":
            problems.append((start, "unterminated string literal"))
        else:
            append(("num", start, end, m.group(), None))
    return LexResult(out, problems)
