"""DDL inside blocks: guarded creation and dynamic SQL with a literal string.

Install scripts often create objects from inside a block so that they can run twice:

    IF OBJECT_ID('dbo.t') IS NULL BEGIN CREATE TABLE dbo.t (...) END             -- SQL Server
    IF OBJECT_ID('dbo.p') IS NULL EXEC ('CREATE PROCEDURE dbo.p AS RETURN 0')
    BEGIN EXECUTE IMMEDIATE 'CREATE TABLE t (...)'; EXCEPTION WHEN OTHERS THEN NULL; END;   -- Oracle
    DO $$ BEGIN IF NOT EXISTS (...) THEN CREATE TYPE mood AS ENUM (...); END IF; END $$;    -- PostgreSQL

The object inside is a schema object all the same. This module finds each DDL statement (CREATE,
ALTER, COMMENT ON) written directly in a block, or as the one literal string of ``EXEC (...)``,
``sp_executesql``, ``EXECUTE IMMEDIATE`` or PL/pgSQL ``EXECUTE``, and returns it as a statement of
its own, with the line where it is written and the guard it runs under. A string built at run time
(``'CREATE TABLE ' || name``) is not SQL we can read and is left in the block.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from migplan.ingest.files import source_from_text
from migplan.ingest.lexer import Token, code_tokens
from migplan.ingest.split import split_source
from migplan.model.statement import Statement

DDL_VERBS = frozenset({"CREATE", "ALTER", "COMMENT"})
# A DDL verb after one of these is part of another statement (GRANT CREATE TABLE TO ..., ALTER ANY).
_NOT_A_START = frozenset({"GRANT", "REVOKE", "DENY", ",", ".", "ON", "WITH", "OR", "ANY"})
_TSQL_ENDS = frozenset({"ELSE", "END"})
_TSQL_BLOCK_OPEN = frozenset({"BEGIN", "CASE"})
_TSQL_STATEMENTS = frozenset({
    "CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE", "MERGE", "SELECT", "SET", "DECLARE", "EXEC", "EXECUTE",
    "PRINT", "IF", "WHILE", "BEGIN", "RETURN", "USE", "GRANT", "REVOKE", "DENY", "TRUNCATE", "RAISERROR", "THROW",
})
_CONTINUES = frozenset({"AS", "FOR", "AND", "OR", "NOT", "IN", "BY", "ON", "=", ",", "(", "+", "-"})
MAX_DEPTH = 4  # blocks inside dynamic SQL inside blocks ...: enough for real scripts, bounded for hostile ones


@dataclass
class _Piece:
    text: str  # SQL to split into statements
    offset: int  # where ``text`` starts in the block's code (for line numbers)
    literal: bool  # came from a string literal (dynamic SQL)
    scope: str  # the code its guard is read from (the block, or a PL/pgSQL body)
    anchor: int  # offset of the DDL or of the literal in ``scope``


def embedded_statements(stmt: Statement, code: str, dialect: str) -> list[Statement]:
    """DDL statements inside the block ``stmt`` (``code`` is its text, comments blanked)."""
    if dialect in ("postgres", "redshift"):
        pieces = _postgres_pieces(code, dialect)
        body_dialect = dialect
    elif dialect in ("tsql", "oracle"):
        pieces = _pieces(code, dialect)
        body_dialect = dialect
    else:
        return []
    out: list[Statement] = []
    guards: dict[int, _Guards] = {}
    for piece in pieces:
        scope = guards.get(id(piece.scope))
        if scope is None:
            scope = guards[id(piece.scope)] = _Guards(piece.scope, dialect)
        guard = scope.at(piece.anchor)
        how = "by dynamic SQL (a string literal the block runs)" if piece.literal else "inside a block"
        note = f"created {how} at {stmt.file}:{stmt.line}" + (f"; guard: {guard}" if guard else "")
        base_line = stmt.line + code.count("\n", 0, piece.offset)
        for inner in split_source(source_from_text(piece.text, stmt.file), body_dialect):
            if inner.kind != "sql" or not _is_ddl(inner.text, body_dialect):
                continue
            child = Statement(
                file=stmt.file, start=stmt.start, end=stmt.end, line=base_line + inner.line - 1,
                end_line=base_line + inner.end_line - 1, text=inner.text, terminator=inner.terminator,
                notes=[note], parent=stmt.index, guard=guard or "inside a block",
            )
            out.append(child)
    return out


# ALTERs of the server or database, not of a schema object: a block's business, like its other statements
_ENVIRONMENT = frozenset({"DATABASE", "SYSTEM", "SERVER", "INSTANCE", "AUTHORIZATION", "AVAILABILITY", "ENDPOINT",
                          "RESOURCE", "DISKGROUP", "PLUGGABLE"})


def _is_ddl(text: str, dialect: str) -> bool:
    toks = code_tokens(text, dialect)
    if not toks or toks[0][0] != "word":
        return False
    first = text[toks[0][1]:toks[0][2]].upper()
    second = text[toks[1][1]:toks[1][2]].upper() if len(toks) > 1 else ""
    if first == "COMMENT":
        return second == "ON"
    return first == "CREATE" or (first == "ALTER" and second not in _ENVIRONMENT)


def _word(code: str, tok: Token) -> str:
    return code[tok[1]:tok[2]].upper() if tok[0] in ("word", "punct") else ""


def _pieces(code: str, dialect: str) -> list[_Piece]:
    toks = code_tokens(code, dialect)
    out: list[_Piece] = []
    i = 0
    while i < len(toks):
        word = _word(code, toks[i])
        prev = _word(code, toks[i - 1]) if i else ""
        if toks[i][0] == "string" and _runs_literal(code, toks, i, dialect):
            text, offset = literal_text(code[toks[i][1]:toks[i][2]])
            if text is not None and _literal_alone(code, toks, i, dialect):
                out.append(_Piece(text, toks[i][1] + offset, True, code, toks[i][1]))
            i += 1
            continue
        if dialect == "tsql" and word in DDL_VERBS and prev not in _NOT_A_START:
            end = _tsql_statement_end(code, toks, i)
            start = toks[i][1]
            out.append(_Piece(code[start:toks[end - 1][2]], start, False, code, start))
            i = end
            continue
        i += 1
    return out


def _runs_literal(code: str, toks: list[Token], i: int, dialect: str) -> bool:
    """Is the string at ``i`` the statement text of EXEC(...) / sp_executesql / EXECUTE IMMEDIATE?"""
    back = [_word(code, t) for t in toks[max(0, i - 4):i]]
    if dialect == "tsql" and back and back[-1] == "N" and toks[i - 1][2] == toks[i][1]:
        back = back[:-1]  # N'...' is one literal
    if not back:
        return False
    if dialect == "oracle":
        return back[-2:] == ["EXECUTE", "IMMEDIATE"]
    if dialect in ("postgres", "redshift"):
        return back[-1] == "EXECUTE"
    if back[-1] == "(" and len(back) >= 2 and back[-2] in ("EXEC", "EXECUTE"):
        return True
    if back[-1] == "=" and len(back) >= 2 and back[-2].startswith("@"):  # sp_executesql @stmt = N'...'
        back = back[:-2]
    return bool(back) and back[-1] == "SP_EXECUTESQL"


def _literal_alone(code: str, toks: list[Token], i: int, dialect: str) -> bool:
    """Not part of a concatenation: what follows the literal ends the call."""
    if i + 1 >= len(toks):
        return True
    nxt = _word(code, toks[i + 1])
    return nxt not in ("+", "||", "|") and not (nxt == "(" and dialect == "tsql")


def literal_text(token: str) -> tuple[str | None, int]:
    """(value, offset of the value in the token) of a string literal: 'it''s', N'..', q'[..]', $$..$$."""
    body = token
    lead = 0
    if body[:1] in "Nn" and body[1:2] in ("'", "q", "Q"):
        body, lead = body[1:], 1
    if body[:2] in ("q'", "Q'") and len(body) >= 5:
        return body[3:-2], lead + 3
    if body[:1] == "$":
        tag_end = body.find("$", 1)
        tag = body[:tag_end + 1]
        return body[len(tag):len(body) - len(tag)], lead + len(tag)
    if body[:1] in "eE" and body[1:2] == "'":
        return None, 0  # backslash escapes: rare in DDL, and offsets would drift
    if len(body) >= 2 and body[0] == "'" and body[-1] == "'":
        return body[1:-1].replace("''", "'"), lead + 1
    return None, 0


def _tsql_statement_end(code: str, toks: list[Token], i: int) -> int:
    """Index just past the last token of the T-SQL statement starting at ``i`` inside a block."""
    paren = depth = 0
    j = i + 1
    while j < len(toks):
        w = _word(code, toks[j])
        if w == "(":
            paren += 1
        elif w == ")":
            if paren == 0:
                return j
            paren -= 1
        elif paren == 0:
            if w == ";" and depth == 0:
                return j + 1
            if w in _TSQL_BLOCK_OPEN and toks[j][0] == "word":
                depth += 1
            elif w == "END" and toks[j][0] == "word":
                if depth == 0:
                    return j
                depth -= 1
            elif depth == 0 and toks[j][0] == "word" and (w in _TSQL_ENDS or (
                    w in _TSQL_STATEMENTS and _line_start(code, toks[j][1])
                    and _word(code, toks[j - 1]) not in _CONTINUES and not _with_options(code, toks, j))):
                return j
        j += 1
    return j


def _with_options(code: str, toks: list[Token], j: int) -> bool:
    return _word(code, toks[j]) == "WITH" and j + 1 < len(toks) and _word(code, toks[j + 1]) == "("


def _line_start(code: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and code[k] in " \t":
        k -= 1
    return k < 0 or code[k] == "\n"


def _postgres_pieces(code: str, dialect: str) -> list[_Piece]:
    """DO [LANGUAGE x] '<body>': DDL statements of the PL/pgSQL body, and its EXECUTE 'literal's."""
    toks = code_tokens(code, dialect)
    if not toks or _word(code, toks[0]) != "DO":
        return []
    body = next((t for t in toks[1:] if t[0] == "string"), None)
    if body is None:
        return []
    text, offset = literal_text(code[body[1]:body[2]])
    if text is None:
        return []
    base = body[1] + offset
    inner = code_tokens(text, dialect)
    out: list[_Piece] = []
    for i, tok in enumerate(inner):
        word = _word(text, tok)
        prev = _word(text, inner[i - 1]) if i else ";"
        if tok[0] == "string" and prev == "EXECUTE" and _literal_alone(text, inner, i, dialect):
            value, off = literal_text(text[tok[1]:tok[2]])
            if value is not None:
                out.append(_Piece(value, base + tok[1] + off, True, text, tok[1]))
            continue
        if word in DDL_VERBS and prev in (";", "BEGIN", "THEN", "ELSE", "LOOP"):
            end = next((j for j in range(i, len(inner)) if _word(text, inner[j]) == ";"), len(inner) - 1)
            out.append(_Piece(text[tok[1]:inner[end][2]], base + tok[1], False, text, tok[1]))
    return out


class _Guards:
    """The condition of the innermost IF at each point of a block, and whether an exception handler
    hides errors, as the script writes them (one line, clipped). Read once per block: a block with
    thousands of statements stays linear."""

    def __init__(self, code: str, dialect: str):
        toks = code_tokens(code, dialect)
        words = [_word(code, t) for t in toks]
        stop = ("THEN",) if dialect != "tsql" else ("BEGIN", *_TSQL_STATEMENTS)
        self.offsets: list[int] = []
        self.conditions: list[str | None] = []
        stack: list[str] = []
        i = 0
        while i < len(toks):
            self.offsets.append(toks[i][1])
            self.conditions.append(stack[-1] if stack else None)
            if words[i] == "IF" and not (i and words[i - 1] == "END") and i + 1 < len(toks):
                j, paren = i + 1, 0
                while j < len(toks) and not (paren == 0 and words[j] in stop):
                    paren += (words[j] == "(") - (words[j] == ")")
                    j += 1
                cond = " ".join(code[toks[i + 1][1]:toks[j - 1][2]].split())
                stack.append(cond if len(cond) <= 120 else cond[:117] + "...")
                i = j
                continue
            if words[i] == "IF" and i and words[i - 1] == "END" and stack:
                stack.pop()
            i += 1
        self.handler = dialect == "oracle" and "EXCEPTION" in words and "OTHERS" in words

    def at(self, anchor: int) -> str | None:
        k = bisect_right(self.offsets, anchor) - 1
        cond = self.conditions[k] if k >= 0 else None
        parts = [cond] if cond else []
        if self.handler:
            parts.append("errors ignored by EXCEPTION WHEN OTHERS")
        return "; ".join(parts) or None
