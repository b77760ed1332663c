"""Db2 scripts as the CLP runs them (``db2 -tvf`` / ``db2 -td@ -vf``).

- The terminator is ``;`` unless changed by a ``--#SET TERMINATOR x`` line, or named by the
  ``-tdX`` option the script's comments tell the user to run it with (IBM's samples do), or
  ``@`` when lines end with it (SQL PL scripts written for ``db2 -td@``).
- CLP commands (CONNECT, TERMINATE, UPDATE DB CFG ...) are recorded as client commands.
"""

from __future__ import annotations

import re

from migplan.ingest.files import SourceFile
from migplan.ingest.split import Splitter

_SET_TERMINATOR = re.compile(r"[ \t]*--#SET[ \t]+TERMINATOR[ \t]+(\S+)", re.I)
_TD_HINT = re.compile(r"--.*?\bdb2\b[^\n]*?-td(\S)", re.I)
_AT_LINE_END = re.compile(r"@[ \t]*$", re.M)
_CLP = re.compile(
    r"[ \t]*(CONNECT|TERMINATE|QUIT|ECHO|UPDATE[ \t]+(?:DB|DATABASE|DBM)[ \t]+(?:CFG|CONFIGURATION)|"
    r"GET|LIST|RUNSTATS|REORG|BACKUP|RESTORE|EXPORT|IMPORT|LOAD|BIND|REBIND|ACTIVATE|DEACTIVATE|"
    r"FORCE|ATTACH|DETACH|CATALOG|UNCATALOG|DESCRIBE|!)\b",
    re.I,
)


class Db2Splitter(Splitter):
    dialect = "db2"

    def reset(self) -> None:
        self.terminator = self.options.get("terminator") or ";"

    def prepare(self, src: SourceFile) -> None:
        if not self.options.get("terminator"):
            hint = _TD_HINT.search(src.text)
            if hint:
                self.terminator = hint.group(1)
            elif len(_AT_LINE_END.findall(src.text)) >= 2:
                self.terminator = "@"  # SQL PL scripts meant for `db2 -td@`

    def client_command(self, src: SourceFile, pos: int) -> tuple[str, int] | None:
        text = src.text
        m = _SET_TERMINATOR.match(text, pos)
        if m:
            return "--#SET TERMINATOR", self.line_end(text, pos)
        m = _CLP.match(text, pos)
        if m:
            if m.group(1).upper() == "GET" and re.match(r"[ \t]*GET[ \t]+DIAGNOSTICS", text[pos:pos + 40], re.I):
                return None
            _text_end, span_end, _term, _notes = self.scan_to_semicolon(src, pos, delimiter=self.terminator)
            return m.group(1).upper().split()[0], span_end
        return None

    def on_client(self, src: SourceFile, stmt) -> None:
        m = _SET_TERMINATOR.match(stmt.text)
        if m:
            self.terminator = m.group(1)

    def scan(self, src: SourceFile, pos: int):
        return self.scan_to_semicolon(src, pos, delimiter=self.terminator)
