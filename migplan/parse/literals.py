"""String literals as values: quotes and escapes removed, per the way the source wrote them."""

from __future__ import annotations

import re

_Q_QUOTE = re.compile(r"^[nN]?[qQ]'(.)(.*)(.)'$", re.S)
_MYSQL_ESCAPES = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a", "\\": "\\",
                  "'": "'", '"': '"', "%": "\\%", "_": "\\_"}


def string_value(text: str, backslash: bool = False) -> str:
    """The value of a string literal token ('it''s', N'x', E'a\\nb', q'[x]', "x" in MySQL)."""
    t = text.strip()
    m = _Q_QUOTE.match(t)
    if m:
        return m.group(2)
    escape = backslash
    if t[:1] in "eE" and t[1:2] == "'":
        t = t[1:]
        escape = True
    elif t[:1] in "nN" and t[1:2] == "'":
        t = t[1:]
    if t.startswith("$"):
        tag_end = t.find("$", 1)
        tag = t[: tag_end + 1]
        return t[len(tag): len(t) - len(tag)]
    if len(t) < 2 or t[0] not in "'\"" or t[-1] != t[0]:
        return text
    quote = t[0]
    body = t[1:-1]
    if escape:
        body = re.sub(r"\\(.)", lambda m: _MYSQL_ESCAPES.get(m.group(1), m.group(1)), body)
    return body.replace(quote * 2, quote)
