"""Cassandra CQL scripts as cqlsh runs them: ``;`` ends a statement, except inside
``BEGIN [UNLOGGED | COUNTER] BATCH ... APPLY BATCH;`` (one statement); shell commands are recorded."""

from __future__ import annotations

import re

from migplan.ingest.files import SourceFile
from migplan.ingest.split import Splitter

_CQLSH = re.compile(
    r"[ \t]*(CONSISTENCY|SERIAL[ \t]+CONSISTENCY|COPY|SOURCE|CAPTURE|TRACING|PAGING|EXPAND|SHOW|DESCRIBE|DESC|"
    r"LOGIN|CLEAR|CLS|EXIT|QUIT)\b", re.I)
_BATCH = re.compile(r"BEGIN\s+(?:(?:UNLOGGED|COUNTER)\s+)?BATCH\b", re.I)
_APPLY = re.compile(r"APPLY\s+BATCH\s*$", re.I)


class CqlSplitter(Splitter):
    dialect = "cql"

    def client_command(self, src: SourceFile, pos: int) -> tuple[str, int] | None:
        m = _CQLSH.match(src.text, pos)
        if m:
            return m.group(1).upper(), self.line_end(src.text, pos)
        return None

    def scan(self, src: SourceFile, pos: int) -> tuple[int, int, str, list[str]]:
        found = self.scan_to_semicolon(src, pos)
        if not _BATCH.match(src.text, pos):
            return found
        while True:  # the batch's statements end with ';' too: go on to APPLY BATCH
            text_end, span_end, term, _notes = found
            if term != ";" or _APPLY.search(src.text, pos, text_end):
                return found
            found = self.scan_to_semicolon(src, span_end)
