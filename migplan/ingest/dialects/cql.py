"""Cassandra CQL scripts as cqlsh runs them: ``;`` ends a statement; shell commands are recorded."""

from __future__ import annotations

import re

from migplan.ingest.files import SourceFile
from migplan.ingest.split import Splitter

_CQLSH = re.compile(
    r"[ \t]*(CONSISTENCY|SERIAL[ \t]+CONSISTENCY|COPY|SOURCE|CAPTURE|TRACING|PAGING|EXPAND|SHOW|DESCRIBE|DESC|"
    r"LOGIN|CLEAR|CLS|EXIT|QUIT)\b", re.I)


class CqlSplitter(Splitter):
    dialect = "cql"

    def client_command(self, src: SourceFile, pos: int) -> tuple[str, int] | None:
        m = _CQLSH.match(src.text, pos)
        if m:
            return m.group(1).upper(), self.line_end(src.text, pos)
        return None
