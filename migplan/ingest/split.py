"""The statement splitter: cuts a script into statements and client commands, dialect by dialect.

sqlglot cannot do this (a whole-file ``sqlglot.parse`` merges statements, ``GO`` is unknown,
SQL*Plus ``/`` and MySQL ``DELIMITER`` are client conventions), so each script dialect has its own
rules in ``migplan/ingest/dialects/``; this module holds what they share: walking tokens, finding
line starts, and emitting :class:`Statement` spans that cover every non-comment character once.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from migplan.ingest.files import SourceFile
from migplan.ingest.lexer import Lexer, Token, lexer_for
from migplan.model.statement import Statement

_LINE_END = re.compile(r"[^\n]*")


class Splitter:
    """Base splitter: ``;`` ends a statement. Dialects override the hooks below."""

    dialect = "generic"
    # Stop at ';' only at parenthesis depth 0 (PostgreSQL rules hold ';' inside parentheses).
    paren_aware = False

    def __init__(self, options: dict | None = None):
        self.options = dict(options or {})
        self.lexer: Lexer = lexer_for(self.dialect)

    # -- hooks -----------------------------------------------------------------------------
    def client_command(self, src: SourceFile, pos: int) -> tuple[str, int] | None:
        """If a client command starts at ``pos`` (a line start), return (name, end offset)."""
        return None

    def scan(self, src: SourceFile, pos: int) -> tuple[int, int, str, list[str]]:
        """Find the end of the statement starting at ``pos``.

        Return (text_end, span_end, terminator, notes): the statement text is ``[pos, text_end)``
        and its span, terminator included, is ``[pos, span_end)``.
        """
        return self.scan_to_semicolon(src, pos)

    def after_statement(self, src: SourceFile, stmt: Statement) -> None:
        """Let a dialect react to a finished statement (e.g. COPY data blocks, DELIMITER)."""

    # -- the walk --------------------------------------------------------------------------
    def split(self, src: SourceFile) -> list[Statement]:
        self.reset()
        self.prepare(src)
        text = src.text
        n = len(text)
        out: list[Statement] = []
        pos = 0
        while True:
            pos = self.skip_blank(src, pos)
            if pos >= n:
                break
            if self.at_line_start(text, pos):
                cmd = self.client_command(src, pos)
                if cmd is not None:
                    name, end = cmd
                    stmt = self.make(src, pos, end, end, "", kind="client")
                    stmt.client = name
                    self.on_client(src, stmt)
                    out.append(stmt)
                    pos = end
                    continue
            text_end, span_end, term, notes = self.scan(src, pos)
            if span_end <= pos:  # defensive: never loop forever
                span_end = text_end = self.line_end(text, pos)
                notes = notes + ["could not find the end of this statement; cut at end of line"]
            stmt = self.make(src, pos, text_end, span_end, term, notes=notes)
            out.append(stmt)
            self.after_statement(src, stmt)
            pos = stmt.end
        return out

    def reset(self) -> None:
        """Forget state from a previous file (delimiters, variables)."""

    def prepare(self, src: SourceFile) -> None:
        """Look at the whole file before the walk (e.g. a terminator named in its comments)."""

    def on_client(self, src: SourceFile, stmt: Statement) -> None:
        pass

    def make(self, src: SourceFile, start: int, text_end: int, span_end: int, term: str,
             kind: str = "sql", notes: list[str] | None = None) -> Statement:
        return Statement(
            file=src.path, start=start, end=span_end, line=src.line_of(start),
            end_line=src.line_of(max(start, span_end - 1)), text=src.text[start:text_end].rstrip(),
            kind=kind, terminator=term, notes=list(notes or []),
        )

    # -- helpers shared by dialects --------------------------------------------------------
    def skip_blank(self, src: SourceFile, pos: int) -> int:
        """Skip white space and comments; return the offset of the next code character."""
        text = src.text
        n = len(text)
        while pos < n:
            if text[pos] in " \t\n\r\f\v":
                pos += 1
                continue
            if self.at_line_start(text, pos) and self.client_command(src, pos) is not None:
                return pos
            tok = next(self.lexer.tokens(text, pos), None)
            if tok is None:
                return n
            if tok[0] == "comment":
                pos = tok[2]
                continue
            return pos
        return n

    @staticmethod
    def at_line_start(text: str, pos: int) -> bool:
        i = pos - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        return i < 0 or text[i] == "\n"

    @staticmethod
    def line_end(text: str, pos: int) -> int:
        """Offset just past the end of the line holding ``pos`` (past its newline, if any)."""
        nl = text.find("\n", pos)
        return len(text) if nl < 0 else nl + 1

    @staticmethod
    def line_content_end(text: str, pos: int) -> int:
        nl = text.find("\n", pos)
        return len(text) if nl < 0 else nl

    def tokens(self, src: SourceFile, pos: int) -> Iterator[Token]:
        return self.lexer.tokens(src.text, pos)

    def scan_to_semicolon(self, src: SourceFile, pos: int, delimiter: str = ";",
                          line_terminator: re.Pattern[str] | None = None) -> tuple[int, int, str, list[str]]:
        """Scan code tokens to ``delimiter`` (outside strings/comments), or to a line matching
        ``line_terminator`` (e.g. SQL*Plus ``/``)."""
        text = src.text
        depth = 0
        single = len(delimiter) == 1
        for kind, start, end in self.tokens(src, pos):
            if kind == "error":
                return self._unterminated(src, start)
            if kind == "nl" and line_terminator is not None:
                m = line_terminator.match(text, end)
                if m:
                    return start, self.line_end(text, m.start()), m.group(0).strip() or "/", []
            elif kind == "punct":
                ch = text[start]
                if self.paren_aware:
                    if ch == "(":
                        depth += 1
                        continue
                    if ch == ")":
                        depth = max(0, depth - 1)
                        continue
                if depth == 0:
                    if single and ch == delimiter:
                        return start, end, delimiter, []
                    if not single and text.startswith(delimiter, start):
                        return start, start + len(delimiter), delimiter, []
            elif not single and kind in ("word", "number"):
                # a custom delimiter sticks to words: MySQL's "END$$" ends at "$$"
                at = text.find(delimiter, start, end)
                if at >= 0:
                    return at, at + len(delimiter), delimiter, []
        n = len(text)
        return n, n, "eof", []

    def _unterminated(self, src: SourceFile, start: int) -> tuple[int, int, str, list[str]]:
        line = src.line_of(start)
        what = {"'": "string", '"': "quoted name", "`": "quoted name", "[": "quoted name",
                "$": "dollar-quoted string", "/": "comment"}.get(src.text[start], "literal")
        n = len(src.text)
        return n, n, "eof", [f"unterminated {what} starting at line {line}: the script looks truncated"]


def split_source(src: SourceFile, dialect: str, options: dict | None = None) -> list[Statement]:
    from migplan.ingest.dialects import splitter_for

    return splitter_for(dialect, options).split(src)


def uncovered_code(src: SourceFile, statements: list[Statement], dialect: str) -> list[str]:
    """Problems with the nothing-lost invariant: overlapping spans, or code outside every span.

    Text between statements may hold only white space and comments; anything else was dropped.
    """
    problems: list[str] = []
    lexer = lexer_for(dialect)
    pos = 0
    for stmt in sorted(statements, key=lambda s: s.start):
        if stmt.start < pos:
            problems.append(f"{src.path}:{stmt.line}: statement overlaps the previous one")
        elif stmt.start > pos:
            problems.extend(_gap_problems(src, lexer, pos, stmt.start))
        pos = max(pos, stmt.end)
    if pos < len(src.text):
        problems.extend(_gap_problems(src, lexer, pos, len(src.text)))
    return problems


def _gap_problems(src: SourceFile, lexer: Lexer, start: int, end: int) -> list[str]:
    for kind, s, e in lexer.tokens(src.text, start, end):
        if kind not in ("ws", "nl", "comment"):
            return [f"{src.path}:{src.line_of(s)}: code outside any statement: {src.text[s:min(e, s + 40)]!r}"]
    return []
