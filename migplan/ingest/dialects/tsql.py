"""SQL Server scripts as sqlcmd/SSMS run them.

- ``GO`` (or ``GO n``) alone on a line ends a batch; it is a client command, not T-SQL.
- A batch may hold several statements, with or without ``;``. Without semicolons we start a new
  statement at a line that begins with a statement keyword, outside parentheses, BEGIN...END and
  CASE...END, once the current statement can end there (IF/WHILE/ELSE still wait for their body).
- CREATE/ALTER PROCEDURE, FUNCTION, TRIGGER and VIEW must be alone in their batch: their body runs
  to the ``GO``.
- sqlcmd commands (``:setvar``, ``:r file``, ``:on error`` ...) are recorded as client commands.
"""

from __future__ import annotations

import re

from migplan.ingest.files import SourceFile
from migplan.ingest.split import Splitter
from migplan.model.statement import Statement

GO_LINE = re.compile(r"[ \t]*GO(?:[ \t]+(\d+))?[ \t]*;?[ \t]*(?:--[^\n]*)?(?=\n|$)", re.I)
_SQLCMD = re.compile(
    r"[ \t]*(:(?:setvar|r|on|connect|out|error|exit|quit|listvar|help|reset|ed|serverlist|xml|perftrace)\b|!!)",
    re.I,
)

STATEMENT_START = frozenset([
    "CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE", "MERGE", "SELECT", "WITH", "SET", "DECLARE", "EXEC",
    "EXECUTE", "PRINT", "IF", "WHILE", "BEGIN", "RETURN", "USE", "GRANT", "REVOKE", "DENY", "TRUNCATE", "RAISERROR",
    "THROW", "DBCC", "BACKUP", "RESTORE", "CHECKPOINT", "WAITFOR", "OPEN", "FETCH", "CLOSE", "DEALLOCATE", "GOTO",
    "BREAK", "CONTINUE", "COMMIT", "ROLLBACK", "SAVE", "BULK", "ENABLE", "DISABLE", "RECONFIGURE", "KILL",
    "READTEXT", "WRITETEXT", "UPDATETEXT", "SETUSER", "REVERT",
])
# Words after which a line-start keyword continues the statement (INSERT ... SELECT, UNION ...).
_CONTINUES = frozenset([
    "UNION", "ALL", "EXCEPT", "INTERSECT", "AS", "FOR", "THEN", "ELSE", "AND", "OR", "NOT", "IN", "EXISTS", "BY",
    "INTO", "FROM", "WHERE", "JOIN", "VALUES", "OUTPUT", "IS", "LIKE", "BETWEEN", "WITH", "RETURNS",
])
_CONTINUE_PUNCT = set("(,=+-*/<>%&|^~")
_WHOLE_BATCH = frozenset({"PROC", "PROCEDURE", "FUNCTION", "TRIGGER", "VIEW"})
_NOT_BLOCK = frozenset({"TRAN", "TRANSACTION", "DISTRIBUTED", "DIALOG", "CONVERSATION"})
_STARTS_SUBSTATEMENT = frozenset({"ELSE", "BEGIN", "TRY", "CATCH", "END"})


class TsqlSplitter(Splitter):
    dialect = "tsql"

    def client_command(self, src: SourceFile, pos: int) -> tuple[str, int] | None:
        text = src.text
        m = GO_LINE.match(text, pos)
        if m:
            return "GO", self.line_end(text, pos)
        m = _SQLCMD.match(text, pos)
        if m:
            return m.group(1).lower(), self.line_end(text, pos)
        return None

    def on_client(self, src: SourceFile, stmt: Statement) -> None:
        text = stmt.text.strip()
        if stmt.client == ":r":
            arg = text[2:].strip().strip('"')
            stmt.include = arg or None

    def scan(self, src: SourceFile, pos: int) -> tuple[int, int, str, list[str]]:
        text = src.text
        words: list[str] = []  # first code words of the statement
        whole_batch = False
        paren = 0
        block = 0
        pending = 0  # IF/WHILE/ELSE bodies not started yet
        prev = ""  # previous code token, upper-cased
        line_start = False
        head = ""
        seen_set = False
        for kind, start, end in self.tokens(src, pos):
            if kind == "error":
                return self._unterminated(src, start)
            if kind == "nl":
                m = GO_LINE.match(text, end)
                if m:
                    count = m.group(1)
                    return start, self.line_end(text, end), "GO" + (f" {count}" if count else ""), []
                line_start = True
                continue
            if kind in ("ws", "comment"):
                continue
            tok = text[start:end]
            up = tok.upper() if kind == "word" else tok
            at_line_start = line_start
            line_start = False
            if len(words) < 4 and kind == "word":
                words.append(up)
                if len(words) == 1:
                    head = up
                    if up in ("IF", "WHILE"):
                        pending = 1
                        prev = up
                        continue
                if not whole_batch and words[0] in ("CREATE", "ALTER") and (
                    up in _WHOLE_BATCH and (len(words) == 2 or words[1:3] == ["OR", "ALTER"])
                ):
                    whole_batch = True
            if whole_batch:
                continue
            if kind == "punct":
                if tok == "(":
                    paren += 1
                elif tok == ")":
                    paren = max(0, paren - 1)
                elif tok == ";" and paren == 0 and block == 0 and pending == 0:
                    if self._next_word(src, end) != "ELSE":
                        return start, end, ";", []
                prev = tok
                continue
            if kind != "word" or paren:
                prev = up
                continue
            # words at parenthesis depth 0
            if (block == 0 and pending == 0 and at_line_start and up in STATEMENT_START and start != pos
                    and self._can_split(src, end, head, up, prev, seen_set)):
                return start, start, "", []
            if up in ("BEGIN", "CASE"):
                if up == "CASE" or self._next_word(src, end) not in _NOT_BLOCK:
                    if block == 0 and pending and up == "BEGIN":
                        pending -= 1
                    block += 1
                    prev = up
                    continue
            elif up == "END" and block:
                block -= 1
                prev = up
                continue
            if block:
                prev = up
                continue
            if up == "ELSE":
                pending += 1
            elif pending and up in STATEMENT_START:
                pending -= 1
                if up in ("IF", "WHILE"):
                    pending += 1  # a nested IF is the body and waits for its own
            if up == "SET":
                seen_set = True
            prev = up
        n = len(text)
        return n, n, "eof", []

    def _can_split(self, src: SourceFile, end: int, head: str, word: str, prev: str, seen_set: bool) -> bool:
        """May a statement keyword at a line start begin a new statement here?"""
        if prev in _CONTINUES or prev in _CONTINUE_PUNCT:
            return False
        if word == "BEGIN" and self._next_word(src, end) == "CATCH":
            return False
        if word == "WITH" and not self._cte_follows(src, end):
            return False  # WITH (index options), WITH CHECK ...: part of the statement
        if head == "MERGE":
            return False  # MERGE's WHEN clauses hold INSERT/UPDATE/DELETE; it must end with ';'
        if head == "INSERT" and word in ("SELECT", "WITH", "EXEC", "EXECUTE", "VALUES"):
            return False
        if head == "WITH" and word in ("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"):
            return False
        if head == "UPDATE" and word == "SET" and not seen_set:
            return False
        if head == "DECLARE" and word == "SELECT" and prev == "FOR":
            return False
        return True

    def _cte_follows(self, src: SourceFile, pos: int) -> bool:
        """``WITH name AS (`` / ``WITH name (cols) AS`` / ``WITH XMLNAMESPACES``: a CTE starts here."""
        toks = []
        for kind, start, end in self.tokens(src, pos):
            if kind in ("ws", "nl", "comment"):
                continue
            toks.append((kind, src.text[start:end].upper()))
            if len(toks) == 2:
                break
        if not toks or toks[0][0] not in ("word", "qident"):
            return False
        if toks[0][1] == "XMLNAMESPACES":
            return True
        return len(toks) == 2 and toks[1][1] in ("AS", "(")

    def _next_word(self, src: SourceFile, pos: int) -> str:
        for kind, start, end in self.tokens(src, pos):
            if kind in ("ws", "nl", "comment"):
                continue
            return src.text[start:end].upper() if kind == "word" else ""
        return ""
