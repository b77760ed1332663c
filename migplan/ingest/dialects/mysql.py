"""MySQL/MariaDB scripts as the mysql client runs them (mysqldump output included).

- Statements end at the current delimiter, ``;`` unless a ``DELIMITER xx`` line changed it
  (routines and triggers in dumps sit between ``DELIMITER ;;`` and ``DELIMITER ;``).
- ``/*! ... */`` version comments are code and are kept; ``#`` and ``-- `` start comments.
- Client commands (``DELIMITER``, ``source``/``\\.``, ``\\d``, mariadb-dump's sandbox line
  ``/*M!999999\\- enable the sandbox mode */``...) are recorded, not parsed.
"""

from __future__ import annotations

import re

from migplan.ingest.files import SourceFile
from migplan.ingest.split import Splitter
from migplan.model.statement import Statement

# mariadb-dump (10.5.25, 10.6.18, 10.11.8, 11.x and later) starts every dump with this line: the
# client's \- (sandbox mode) command inside a version comment no server runs
_SANDBOX = re.compile(r"[ \t]*/\*M!999999\\- [^\n]*?\*/")
_DELIMITER = re.compile(r"[ \t]*(?:DELIMITER|\\d)[ \t]+(\S+)", re.I)
_CLIENT = re.compile(
    r"[ \t]*(source|\\\.|charset|warnings|nowarning|tee|notee|rehash|status|\\[gGcrqpWwTtu#])(?=[ \t\n]|$)",
    re.I,
)


class MysqlSplitter(Splitter):
    dialect = "mysql"

    def reset(self) -> None:
        self.delimiter = ";"

    def client_command(self, src: SourceFile, pos: int) -> tuple[str, int] | None:
        text = src.text
        if _SANDBOX.match(text, pos):
            return "sandbox", self.line_end(text, pos)
        if _DELIMITER.match(text, pos):
            return "DELIMITER", self.line_end(text, pos)
        m = _CLIENT.match(text, pos)
        if m:
            word = m.group(1)
            name = "source" if word in ("\\.",) else word.lower()
            return name, self.line_end(text, pos)
        return None

    def on_client(self, src: SourceFile, stmt: Statement) -> None:
        if stmt.client == "DELIMITER":
            m = _DELIMITER.match(stmt.text)
            if m:
                self.delimiter = m.group(1)
        elif stmt.client == "source":
            parts = stmt.text.split(None, 1)
            if len(parts) == 2:
                stmt.include = parts[1].strip().rstrip(";").strip("'\"")

    def scan(self, src: SourceFile, pos: int) -> tuple[int, int, str, list[str]]:
        text_end, span_end, term, notes = self.scan_to_semicolon(src, pos, delimiter=self.delimiter)
        if term == "eof" and not notes and self.delimiter != ";":
            notes = [f"no closing delimiter {self.delimiter!r} before the end of the file"]
        return text_end, span_end, term, notes


class BigQuerySplitter(Splitter):
    dialect = "bigquery"
