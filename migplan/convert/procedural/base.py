"""What every procedural writer shares: the reason an object is not written, and source-text helpers."""

from __future__ import annotations

import re
from collections.abc import Callable


class NotConverted(Exception):
    """A construct without a faithful rewrite: the object is not written (held back, COD002)."""

    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.line = line
        self.reason = reason


_STRING = re.compile(r"'(?:[^']|'')*'")


def outside_strings(text: str, fn: Callable[[str], str]) -> str:
    """Apply ``fn`` to the parts of ``text`` that are not single-quoted string literals."""
    out: list[str] = []
    pos = 0
    for m in _STRING.finditer(text):
        out.append(fn(text[pos:m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(fn(text[pos:]))
    return "".join(out)



def sub_outside_strings(pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str], text: str) -> str:
    """``pattern.sub`` for matches that start outside string literals (a match may hold a string)."""
    spans = [m.span() for m in _STRING.finditer(text)]

    def keep_or_replace(m: re.Match[str]) -> str:
        inside = any(a <= m.start() < b for a, b in spans)
        return m.group() if inside else repl(m)
    return pattern.sub(keep_or_replace, text)
