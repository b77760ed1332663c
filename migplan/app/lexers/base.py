"""What every language lexer shares: the token shape, escape decoding and the balanced-hole scan.

A lexer turns a source file into the tokens the extractor needs and nothing more. Comments are
dropped here, so no comment can ever become a statement. Tokens are tuples, for speed on big
code bases::

    (kind, start, end, text, extra)

``kind`` is one of ``id`` (identifier or keyword), ``str`` (a string literal: ``text`` is its
decoded value), ``num`` (a number or a character literal: opaque), ``op`` (punctuation and
operators), ``nl`` (a logical line end, Python only) and ``esql`` (an ``EXEC SQL ... ;`` block of
embedded SQL in C: ``text`` is the SQL after ``EXEC SQL``). For an interpolated string (f-string,
``$"..."``, template literal, PHP ``"...$x..."``) ``extra`` is a :class:`Interp`; for a tagged
JavaScript template it also names the tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Token = tuple[str, int, int, str, object]


@dataclass(frozen=True)
class Interp:
    """The pieces of an interpolated string: literal text and holes, in order.

    A hole is ``(expression source, how it reads in the SQL text)``, e.g. ``("name", "{name}")``."""

    parts: tuple[str | tuple[str, str], ...]
    tag: str | None = None  # JavaScript tagged template: sql`...`, Prisma.sql`...`

    @property
    def holes(self) -> int:
        return sum(1 for p in self.parts if not isinstance(p, str))


@dataclass
class LexResult:
    tokens: list[Token]
    problems: list[tuple[int, str]]  # (offset, message)


# Operators the extractor tells apart; any other punctuation is one character.
OPS = r"===|!==|\?\?=|<<=|>>=|\.\.\.|==|!=|<=|>=|\+=|-=|\*=|/=|%=|\.=|:=|=>|->|::|\+\+|--|&&|\|\||\?\?|\?\.|[^\s\w]"

# C-family escapes (Java, C#, JavaScript, Go, C); each language adds its own.
_C_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "a": "\a", "0": "\0",
              "\\": "\\", "'": "'", '"': '"', "?": "?", "`": "`", "$": "$", "e": "\x1b", "s": " "}
_ESCAPE = re.compile(r"\\(u+[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{1,4}|[0-7]{1,3}|u\{[0-9a-fA-F]+\}|\n|.)",
                     re.S)


def unescape(body: str, keep: str = "") -> str:
    """Decode backslash escapes the way C-family languages do. ``keep``: escape letters the
    language does not know, kept as written (e.g. PHP's single quotes know only \\' and \\\\)."""
    if "\\" not in body:
        return body

    def one(m: re.Match[str]) -> str:
        e = m.group(1)
        c = e[0]
        if c in keep:
            return m.group(0)
        if c == "\n":
            return ""  # line continuation
        if c == "u" and e.startswith("u{"):
            return _chr(int(e[2:-1], 16))
        if c == "u":
            return _chr(int(e.lstrip("u"), 16))
        if c == "U" or c == "x":
            return _chr(int(e[1:], 16))
        if c in "01234567" and (len(e) > 1 or c != "0"):
            return _chr(int(e, 8))
        return _C_ESCAPES.get(e, e)

    return _ESCAPE.sub(one, body)


def _chr(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"


def skip_quoted(text: str, pos: int, quote: str, escapes: bool = True) -> int:
    """Offset just past the string starting at ``pos`` (on its opening quote); len(text) if open."""
    n = len(text)
    i = pos + 1
    while i < n:
        c = text[i]
        if c == "\\" and escapes:
            i += 2
            continue
        if c == quote:
            return i + 1
        i += 1
    return n


def hole_end(text: str, pos: int, open_: str = "{", close: str = "}") -> int:
    """Offset of the ``close`` that ends the hole whose body starts at ``pos``, skipping nested
    brackets and quoted strings of the host language; len(text) if there is none."""
    depth = 0
    n = len(text)
    i = pos
    while i < n:
        c = text[i]
        if c in "'\"`":
            i = skip_quoted(text, i, c)
            continue
        if c == open_:
            depth += 1
        elif c == close:
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return n


class Scanner:
    """``pattern.finditer`` over ``text`` that a lexer can move forward (``seek``) after it read a
    construct by hand (a heredoc, a template literal): the speed of finditer, the freedom of search."""

    __slots__ = ("_next", "pattern", "pos", "stop", "text")

    def __init__(self, pattern: re.Pattern[str], text: str, pos: int = 0, stop: int | None = None):
        self.pattern = pattern
        self.text = text
        self.pos = pos
        self.stop = len(text) if stop is None else stop
        self._next: int | None = None

    def seek(self, pos: int) -> None:
        self._next = pos

    def __iter__(self):
        while self.pos < self.stop:
            self._next = None
            for m in self.pattern.finditer(self.text, self.pos, self.stop):
                yield m
                if self._next is not None:
                    break
            else:
                return
            self.pos = self._next


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
