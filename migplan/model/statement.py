"""A statement: the unit every later stage works on, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Statement:
    """One SQL statement or client command cut from a script.

    ``start``/``end`` are character offsets of the statement's whole span in its file, terminator
    included (``;``, a ``/`` or ``GO`` line, a delimiter, a COPY data block), so that every
    non-blank, non-comment character of a file lies in exactly one span. ``text`` is the statement
    itself without its terminator.
    """

    file: str
    start: int
    end: int
    line: int
    end_line: int
    text: str
    kind: str = "sql"  # "sql" | "client"
    terminator: str = ""  # ";", "/", "GO", a custom delimiter, "eof", "batch"
    client: str | None = None  # client command name, e.g. PROMPT, DELIMITER, \connect, :setvar
    notes: list[str] = field(default_factory=list)
    data_lines: int = 0  # rows of a COPY ... FROM stdin block carried by this statement
    repeat: int = 1  # "GO n" runs a batch n times
    index: int = 0  # position in the whole run, set by the loader
    include: str | None = None  # file named by an include command (@file, :r, \i, source)
    include_args: list[str] = field(default_factory=list)  # SQL*Plus @file arg1 arg2: &1, &2 there
    parent: int | None = None  # a DDL statement found inside a block: the block's index
    guard: str | None = None  # ... and the condition it runs under ("OBJECT_ID('t') IS NULL")

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        head = " ".join(self.text.split())[:60]
        return f"Statement({self.kind} {self.location} {head!r})"
