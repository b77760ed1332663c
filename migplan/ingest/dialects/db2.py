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
from migplan.model.statement import Statement

_SET_TERMINATOR = re.compile(r"[ \t]*--#SET[ \t]+TERMINATOR[ \t]+(\S+)", re.I)
_SET_TERMINATOR_ANYWHERE = re.compile(r"^[ \t]*--#SET[ \t]+TERMINATOR[ \t]+\S", re.I | re.M)
_DB2_WORD = re.compile(r"\bdb2\b", re.I)
_TD = re.compile(r"-td(\S)", re.I)
_AT_LINE_END = re.compile(r"@[ \t]*$", re.M)
_CLP = re.compile(
    r"[ \t]*(CONNECT|TERMINATE|QUIT|ECHO|UPDATE[ \t]+(?:DB|DATABASE|DBM)[ \t]+(?:CFG|CONFIGURATION)|"
    r"GET|LIST|RUNSTATS|REORG|BACKUP|RESTORE|EXPORT|IMPORT|LOAD|BIND|REBIND|ACTIVATE|DEACTIVATE|"
    r"FORCE|ATTACH|DETACH|CATALOG|UNCATALOG|DESCRIBE|!)\b",
    re.I,
)


def _td_hint(text: str) -> str | None:
    """The X of the first comment line naming ``db2 ... -tdX``. One pass over each line: a search of
    '--.*?db2...-td' from every '--' is quadratic on a line of dashes. Only the first '--', the first
    'db2' after it and the first '-td' after that can match (a later one is in reach of the first)."""
    for line in text.splitlines():
        start = line.find("--")
        if start < 0:
            continue
        word = _DB2_WORD.search(line, start + 2)
        if word is None:
            continue
        td = _TD.search(line, word.end())
        if td is not None:
            return td.group(1)
    return None


class Db2Splitter(Splitter):
    dialect = "db2"

    def reset(self) -> None:
        self.terminator = self.options.get("terminator") or ";"

    def prepare(self, src: SourceFile) -> None:
        if not self.options.get("terminator"):
            hint = _td_hint(src.text)
            if hint:
                self.terminator = hint
            elif _SET_TERMINATOR_ANYWHERE.search(src.text):
                pass  # the script switches terminators itself: ';' until its first --#SET TERMINATOR
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

    def on_client(self, src: SourceFile, stmt: Statement) -> None:
        m = _SET_TERMINATOR.match(stmt.text)
        if m:
            self.terminator = m.group(1)

    def scan(self, src: SourceFile, pos: int) -> tuple[int, int, str, list[str]]:
        return self.scan_to_semicolon(src, pos, delimiter=self.terminator)
