"""PostgreSQL scripts as psql runs them (pg_dump output included); also Redshift, Greenplum,
Netezza and Vertica, whose scripts follow the same conventions.

- ``;`` ends a statement, outside strings, ``$tag$`` bodies, comments and parentheses.
- psql meta-commands (a line starting with ``\\``: ``\\connect``, ``\\set``, ``\\i`` ...) are recorded.
- ``COPY ... FROM stdin;`` is followed by data rows up to a ``\\.`` line; they belong to the COPY.
"""

from __future__ import annotations

import re

from migplan.ingest.files import SourceFile
from migplan.ingest.split import Splitter
from migplan.model.statement import Statement

_META = re.compile(r"[ \t]*(\\[A-Za-z!?;.]+)")
_COPY_STDIN = re.compile(r"COPY\b.*\bFROM\s+STDIN\b", re.I | re.S)
_END_OF_DATA = re.compile(r"^\\\.[ \t]*$", re.M)


class PostgresSplitter(Splitter):
    dialect = "postgres"
    paren_aware = True

    def client_command(self, src: SourceFile, pos: int) -> tuple[str, int] | None:
        m = _META.match(src.text, pos)
        if m:
            return m.group(1), self.line_end(src.text, pos)
        return None

    def on_client(self, src: SourceFile, stmt: Statement) -> None:
        if stmt.client in ("\\i", "\\ir", "\\include", "\\include_relative"):
            parts = stmt.text.split(None, 1)
            if len(parts) == 2:
                stmt.include = parts[1].strip().strip("'\"")

    def after_statement(self, src: SourceFile, stmt: Statement) -> None:
        if stmt.terminator == ";" and _COPY_STDIN.match(stmt.text):
            text = src.text
            data_start = self.line_end(text, stmt.end)
            m = _END_OF_DATA.search(text, data_start)
            if m is None:
                stmt.end = len(text)
                stmt.notes.append("COPY data block has no closing '\\.' line: the script looks truncated")
            else:
                stmt.end = self.line_end(text, m.start())
            stmt.data_lines = text.count("\n", data_start, m.start() if m else len(text))
            stmt.end_line = src.line_of(max(stmt.start, stmt.end - 1))


class RedshiftSplitter(PostgresSplitter):
    dialect = "redshift"


class SnowflakeSplitter(Splitter):
    dialect = "snowflake"
