"""A cursor over a statement's code tokens, for migplan's own structure parsers.

The parsers in this package read DDL structure (names, column lists, options) with it and hand
embedded expressions and queries to sqlglot. A parser is done with a statement when the cursor
is at the end: anything left over is reported, never ignored.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import NamedTuple

from migplan.ingest.lexer import code_tokens, unquote


class Tok(NamedTuple):
    kind: str  # word | qident | string | number | punct
    text: str
    start: int
    end: int

    @property
    def up(self) -> str:
        return self.text.upper() if self.kind == "word" else self.text


@dataclass
class Name:
    """A possibly qualified name: parts as written (unquoted) and whether each was quoted."""

    parts: list[str]
    quoted: list[bool]
    dblink: str | None = None

    @property
    def last(self) -> str:
        return self.parts[-1]

    def __str__(self) -> str:
        return ".".join(self.parts) + (f"@{self.dblink}" if self.dblink else "")


class ParseError(Exception):
    def __init__(self, message: str, offset: int | None = None):
        super().__init__(message)
        self.offset = offset


class TokenStream:
    def __init__(self, text: str, dialect: str, start: int = 0, end: int | None = None):
        self.text = text
        self.dialect = dialect
        sub = text[start:end] if (start or end is not None) else text
        self.toks = [Tok(k, sub[s:e], s + start, e + start) for k, s, e in code_tokens(sub, dialect)]
        self.i = 0

    # -- looking ------------------------------------------------------------------------
    def peek(self, k: int = 0) -> Tok | None:
        j = self.i + k
        return self.toks[j] if 0 <= j < len(self.toks) else None

    def up(self, k: int = 0) -> str:
        t = self.peek(k)
        return t.up if t else ""

    def current(self) -> Tok:
        """The token at the cursor, for callers that checked ``at_end`` (IndexError past it)."""
        return self.toks[self.i]

    def kind(self, k: int = 0) -> str:
        """The kind of the token k ahead ("" past the end, like ``up``)."""
        t = self.peek(k)
        return t.kind if t else ""

    def peek_text(self, k: int = 0) -> str:
        t = self.peek(k)
        return t.text if t else ""

    @property
    def at_end(self) -> bool:
        return self.i >= len(self.toks)

    def at(self, *words: str) -> bool:
        """Do the next tokens read ``words`` (upper-case words or punctuation)?"""
        for k, w in enumerate(words):
            t = self.peek(k)
            if t is None or t.up != w or t.kind not in ("word", "punct"):
                return False
        return True

    def at_any(self, *words: str) -> bool:
        t = self.peek()
        return t is not None and t.kind in ("word", "punct") and t.up in words

    # -- consuming ------------------------------------------------------------------------
    def next(self) -> Tok:
        if self.i >= len(self.toks):
            raise ParseError("unexpected end of statement", len(self.text))
        t = self.toks[self.i]
        self.i += 1
        return t

    def accept(self, *words: str) -> bool:
        if self.at(*words):
            self.i += len(words)
            return True
        return False

    def accept_any(self, *words: str) -> str | None:
        if self.at_any(*words):
            return self.next().up
        return None

    def expect(self, *words: str) -> None:
        if not self.accept(*words):
            t = self.peek()
            got = t.text if t else "end of statement"
            raise ParseError(f"expected {' '.join(words)}, found {got!r}", t.start if t else None)

    def name(self, allow_dblink: bool = False) -> Name:
        """Read ``part(.part)*``; each part a word or quoted identifier (``a..b`` keeps an empty part)."""
        parts: list[str] = []
        quoted: list[bool] = []
        while True:
            t = self.peek()
            if t is not None and t.text == "&" and self.peek(1) is not None and self.kind(1) == "word":
                # SQL*Plus substitution variable left undefined by the script: keep it as written
                self.next()  # the &
                word = self.next()
                parts.append("&" + word.text)
                quoted.append(True)
                if self.at("."):
                    self.i += 1
                    continue
                break
            if t is None or t.kind not in ("word", "qident"):
                if parts and self.toks[self.i - 1].text == ".":
                    parts.append("")
                    quoted.append(False)
                    break
                raise ParseError(f"expected a name, found {t.text if t else 'end of statement'!r}",
                                 t.start if t else None)
            self.i += 1
            value, q = unquote(t.text)
            parts.append(value)
            quoted.append(q)
            if self.at("."):
                self.i += 1
                while self.at("."):  # SQL Server db..table
                    self.i += 1
                    parts.append("")
                    quoted.append(False)
                continue
            break
        dblink = None
        if allow_dblink and self.at("@"):
            self.i += 1
            link = self.name()
            dblink = ".".join(link.parts)
        return Name(parts, quoted, dblink)

    def group(self) -> tuple[int, int]:
        """Consume a balanced ``( ... )``; return token indexes of its inside ``[first, last)``."""
        if not self.at("("):
            t = self.peek()
            raise ParseError(f"expected '(', found {t.text if t else 'end of statement'!r}", t.start if t else None)
        depth = 0
        first = self.i + 1
        while self.i < len(self.toks):
            t = self.toks[self.i]
            self.i += 1
            if t.kind == "punct":
                if t.text == "(":
                    depth += 1
                elif t.text == ")":
                    depth -= 1
                    if depth == 0:
                        return first, self.i - 1
        raise ParseError("unbalanced parentheses", self.toks[first - 1].start)

    def skip_group_if(self) -> tuple[int, int] | None:
        return self.group() if self.at("(") else None

    def until(self, stop_words: Set[str], stop_punct: str = ",") -> tuple[int, int]:
        """Consume tokens up to (not including) a depth-0 stop word/punct; return the index range."""
        first = self.i
        depth = 0
        while self.i < len(self.toks):
            t = self.toks[self.i]
            if t.kind == "punct":
                if t.text in "([":
                    depth += 1
                elif t.text in ")]":
                    if depth == 0:
                        break
                    depth -= 1
                elif depth == 0 and t.text in stop_punct:
                    break
            elif depth == 0 and t.kind == "word" and t.up in stop_words:
                break
            self.i += 1
        return first, self.i

    # -- text of token ranges --------------------------------------------------------------
    def span_text(self, first: int, last: int) -> str:
        """Original text from token ``first`` to token ``last - 1`` (comments inside kept)."""
        if first >= last:
            return ""
        return self.text[self.toks[first].start:self.toks[last - 1].end]

    def offset(self, index: int) -> int:
        if index < len(self.toks):
            return self.toks[index].start
        return self.toks[-1].end if self.toks else 0

    def rest_text(self) -> str:
        return self.span_text(self.i, len(self.toks))

    def split_commas(self, first: int, last: int) -> list[tuple[int, int]]:
        """Split token range at depth-0 commas."""
        items: list[tuple[int, int]] = []
        depth = 0
        start = first
        for j in range(first, last):
            t = self.toks[j]
            if t.kind != "punct":
                continue
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth -= 1
            elif t.text == "," and depth == 0:
                items.append((start, j))
                start = j + 1
        if start < last:
            items.append((start, last))
        return items

    def sub(self, first: int, last: int) -> TokenStream:
        """A stream over a token range of this one (same text, same offsets)."""
        s = TokenStream.__new__(TokenStream)
        s.text = self.text
        s.dialect = self.dialect
        s.toks = self.toks[first:last]
        s.i = 0
        return s

    def leftover(self) -> str | None:
        """Text of unconsumed tokens, or None when the stream is fully read."""
        if self.at_end:
            return None
        return self.rest_text()
