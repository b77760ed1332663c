"""Teradata scripts as BTEQ runs them.

- ``;`` ends a statement; BTEQ dot-commands (``.LOGON``, ``.SET``, ``.IF ERRORCODE ...``) are
  recorded as client commands.
- Stored procedure bodies (``BEGIN ... END;``) and macros (``AS ( ...; ...; );``) hold ``;``: we
  follow BEGIN/END and parenthesis depth for those.
"""

from __future__ import annotations

import re

from migplan.ingest.files import SourceFile
from migplan.ingest.split import Splitter

_DOT = re.compile(r"[ \t]*\.([A-Za-z]+)")
_ROUTINE = re.compile(r"\s*(?:CREATE|REPLACE)\s+(?:PROCEDURE|MACRO|FUNCTION|TRIGGER)\b", re.I)


class TeradataSplitter(Splitter):
    dialect = "teradata"

    def client_command(self, src: SourceFile, pos: int) -> tuple[str, int] | None:
        m = _DOT.match(src.text, pos)
        if m:
            return "." + m.group(1).upper(), self.line_end(src.text, pos)
        return None

    def scan(self, src: SourceFile, pos: int) -> tuple[int, int, str, list[str]]:
        text = src.text
        if not _ROUTINE.match(text, pos):
            return self.scan_to_semicolon(src, pos)
        block = paren = 0
        for kind, start, end in self.tokens(src, pos):
            if kind == "error":
                return self._unterminated(src, start)
            if kind == "word":
                w = text[start:end].upper()
                if w in ("BEGIN", "CASE"):
                    block += 1
                elif w == "END" and block:
                    block -= 1
            elif kind == "punct":
                ch = text[start]
                if ch == "(":
                    paren += 1
                elif ch == ")":
                    paren = max(0, paren - 1)
                elif ch == ";" and block == 0 and paren == 0:
                    return start, end, ";", []
        return len(text), len(text), "eof", []
