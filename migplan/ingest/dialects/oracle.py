"""Oracle scripts as SQL*Plus runs them.

- ``;`` ends a SQL statement; a line holding only ``/`` ends one too.
- PL/SQL units (CREATE PROCEDURE/FUNCTION/PACKAGE [BODY]/TRIGGER/TYPE [BODY]/LIBRARY/JAVA, and
  anonymous DECLARE/BEGIN blocks) contain ``;`` and end only at a ``/`` line.
- SQL*Plus commands (SET, PROMPT, REM, SPOOL, @/@@ includes, DEFINE, WHENEVER, EXIT, CONNECT...)
  take one line (``-`` at the end continues it) and are recorded, not parsed as SQL; the
  substitution variables they set are followed in run order by ``migplan/ingest/variables.py``.
"""

from __future__ import annotations

import re

from migplan.ingest.files import SourceFile
from migplan.ingest.split import Splitter
from migplan.model.statement import Statement

# command -> shortest abbreviation SQL*Plus accepts (SQL*Plus User's Guide, command reference)
SQLPLUS_COMMANDS = {
    "ACCEPT": 3, "APPEND": 6, "ARCHIVE": 7, "ATTRIBUTE": 9, "BREAK": 3, "BTITLE": 3, "CHANGE": 6,
    "CLEAR": 2, "COLUMN": 3, "COMPUTE": 4, "CONNECT": 4, "COPY": 4, "DEFINE": 3, "DEL": 3,
    "DESCRIBE": 4, "DISCONNECT": 4, "EDIT": 2, "EXECUTE": 4, "EXIT": 4, "GET": 3, "HOST": 2,
    "INPUT": 5, "LIST": 4, "PASSWORD": 5, "PAUSE": 3, "PRINT": 3, "PROMPT": 3, "QUIT": 4,
    "RECOVER": 7, "REMARK": 3, "REPFOOTER": 4, "REPHEADER": 4, "RUN": 3, "SAVE": 3, "SET": 3,
    "SHOW": 3, "SHUTDOWN": 8, "SPOOL": 3, "START": 3, "STARTUP": 7, "STORE": 5, "TIMING": 4,
    "TTITLE": 3, "UNDEFINE": 5, "VARIABLE": 3, "WHENEVER": 8, "XQUERY": 6,
    # SQLcl additions seen in Oracle's own sample scripts
    "LOAD": 4, "SCRIPT": 6, "ALIAS": 5, "CTAS": 4, "HISTORY": 7, "INFORMATION": 4, "LIQUIBASE": 9,
    "SODA": 4, "TNSPING": 7, "OERR": 4,
}
# SQL statements that begin with a word SQL*Plus would otherwise take as its own command.
_SQL_AFTER_SET = {"TRANSACTION", "ROLE", "CONSTRAINT", "CONSTRAINTS"}

_CLIENT_HEAD = re.compile(r"[ \t]*(@@?|[!$]|[A-Za-z]+)")
_SLASH_LINE = re.compile(r"[ \t]*[/.][ \t]*(?=\n|$)")
_ONLY_SLASH = re.compile(r"[ \t]*/[ \t]*(?=\n|$)")
_CREATE_LINE = re.compile(r"[ \t]*CREATE\b", re.I)

PLSQL_KINDS = {"PROCEDURE", "FUNCTION", "PACKAGE", "TRIGGER", "TYPE", "LIBRARY", "JAVA"}
_CREATE_MODIFIERS = {"OR", "REPLACE", "EDITIONABLE", "NONEDITIONABLE", "EDITIONING", "AND", "COMPILE",
                     "RESOLVE", "NOFORCE", "FORCE", "NO", "SHARING", "METADATA", "DATA", "NONE", "="}


def sqlplus_command(word: str) -> str | None:
    """Full SQL*Plus command name for a (possibly abbreviated) first word, else None."""
    word = word.upper()
    for full, shortest in SQLPLUS_COMMANDS.items():
        if len(word) >= shortest and full.startswith(word):
            return full
    return None


class OracleSplitter(Splitter):
    dialect = "oracle"

    def client_command(self, src: SourceFile, pos: int) -> tuple[str, int] | None:
        text = src.text
        if _ONLY_SLASH.match(text, pos):
            return "/", self.line_end(text, pos)
        m = _CLIENT_HEAD.match(text, pos)
        if not m:
            return None
        word = m.group(1)
        if word in ("@", "@@"):
            name = word
        elif word in ("!", "$"):
            name = "HOST"
        else:
            name = sqlplus_command(word)
            if name is None:
                return None
            if name == "SET":
                nxt = re.match(r"[ \t]+([A-Za-z]+)", text[m.end():m.end() + 40])
                if nxt and nxt.group(1).upper() in _SQL_AFTER_SET:
                    return None
        end = self.line_end(text, pos)
        if name != "REMARK":  # a trailing '-' continues a SQL*Plus command on the next line
            while end < len(text) and text[pos:end].rstrip("\n").rstrip().endswith("-"):
                end = self.line_end(text, end)
        return name, end

    def on_client(self, src: SourceFile, stmt: Statement) -> None:
        text = stmt.text.strip()
        if stmt.client in ("@", "@@", "START"):
            arg = re.findall(r"'[^']*'|\"[^\"]*\"|\S+", re.sub(r"^(@@?|\S+)\s*", "", text, count=1))
            if arg:
                target = arg[0].strip("'\"")
                stmt.include = target if "." in target.rsplit("/", 1)[-1] else target + ".sql"
                stmt.include_args = arg[1:]
        elif stmt.client == "/":
            stmt.notes.append("'/' re-runs the SQL buffer in SQL*Plus: the previous statement runs again")

    def head_words(self, src: SourceFile, pos: int, limit: int = 8) -> list[str]:
        words: list[str] = []
        text = src.text
        for kind, start, end in self.tokens(src, pos):
            if kind in ("ws", "nl", "comment"):
                continue
            if kind not in ("word", "punct") or len(words) >= limit:
                break
            words.append(text[start:end].upper())
        return words

    def is_plsql(self, words: list[str]) -> bool:
        if not words:
            return False
        if words[0] in ("DECLARE", "BEGIN"):
            return True
        if words[0] != "CREATE":
            return False
        for w in words[1:]:
            if w in PLSQL_KINDS:
                return True
            if w not in _CREATE_MODIFIERS:
                return False
        return False

    def scan(self, src: SourceFile, pos: int) -> tuple[int, int, str, list[str]]:
        if not self.is_plsql(self.head_words(src, pos)):
            return self.scan_to_semicolon(src, pos, line_terminator=_ONLY_SLASH)
        text = src.text
        last_code = ""
        for kind, start, end in self.tokens(src, pos):
            if kind == "error":
                return self._unterminated(src, start)
            if kind == "nl":
                m = _SLASH_LINE.match(text, end)
                if m:
                    term = m.group(0).strip()
                    notes = (
                        [] if term == "/" else ["PL/SQL unit ended with '.': SQL*Plus stores it but does not run it"]
                    )
                    return start, self.line_end(text, m.start()), term, notes
                if last_code == ";" and _CREATE_LINE.match(text, end):
                    line = src.line_of(start)
                    return start, start, "missing /", [
                        f"no '/' line after this PL/SQL unit (before line {line + 1}); SQL*Plus would not run it"]
            elif kind not in ("ws", "comment"):
                last_code = text[start:end]
        n = len(text)
        return n, n, "eof", ["PL/SQL unit runs to the end of the file without a '/' line: the script looks truncated"]
