"""Is this string SQL? And what does it read, write and call?

A string is SQL when it reads as SQL of the source dialect: sqlglot parses it (placeholders and
splices masked, see ``sqltext``), or it is a procedural block (``BEGIN ... END``, ``CREATE
PROCEDURE ...``), a JDBC call escape (``{call p(?)}``, ``{? = call f(?)}``) or a ``CALL``/``EXEC`` of a
routine. Prose that happens to parse ("Select an option" is ``SELECT an AS option``; "Delete from
the list" is ``DELETE FROM the AS list``) is kept out by a few structural checks, which apply only
to strings that are *not* handed to a SQL API: what an application passes to ``execute`` is SQL it
runs, so it is reported even when sqlglot cannot read it (status ``unparsed``), as long as it
starts the way a statement does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sqlglot import exp
from sqlglot.errors import ErrorLevel
from sqlglot.tokens import TokenType

from migplan.app.sqltext import without_splices
from migplan.model.app import CALL, PARSED, PARTIAL, READ, UNPARSED, WRITE
from migplan.parse.sqlglot_bridge import dialect, lost_tokens

# A name part as written: (text, quoted). A raw reference: (parts outermost first, mode, what the use says).
Part = tuple[str, bool]
RawRef = tuple[tuple[Part, ...], str, str]
# hints: "relation" (a table or view), "routine", "function?" (a call that may be a built-in: kept only
# when the schema defines it), "sequence"

# First words that start a statement on their own.
STRONG = frozenset({"SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "ALTER", "DROP",
                    "TRUNCATE", "CALL", "EXEC", "EXECUTE", "BEGIN", "DECLARE", "GRANT", "REVOKE", "UPSERT",
                    "REPLACE", "DO"})
# First words that are SQL only when the application hands the string to a SQL API ("Commit changes?").
# (Not TABLE, GET, FOR: "table.sortable", "Get started" reach generic method names too often.)
WEAK = frozenset({"COMMIT", "ROLLBACK", "SAVEPOINT", "SET", "USE", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "LOCK",
                  "UNLOCK", "VALUES", "ANALYZE", "VACUUM", "COPY", "COMMENT", "RENAME", "PRAGMA", "LISTEN",
                  "NOTIFY", "REFRESH", "START", "PREPARE", "DEALLOCATE", "OPEN", "FETCH", "CLOSE", "RELEASE",
                  "FLUSH", "OPTIMIZE", "REINDEX", "CLUSTER", "KILL", "PRINT", "RAISERROR", "THROW", "WAITFOR",
                  "IF", "WHILE", "LOAD", "HANDLER", "CHECKPOINT", "DBCC", "BULK", "RESET", "DISCARD", "ABORT",
                  "SAVE", "CONNECT", "DISCONNECT", "AUDIT", "NOAUDIT", "PURGE"})
STARTS = STRONG | WEAK

# Words no table of a real statement is called: a sign of prose that parsed by accident.
_PROSE = frozenset({"the", "an", "this", "that", "these", "those", "your", "my", "our", "their", "his", "her",
                    "please", "here", "there", "you", "we", "it", "is", "are", "was", "were", "will", "be", "to",
                    "of", "and", "not", "now", "again", "yet", "me", "us", "them", "if", "so", "too", "very",
                    "which", "what", "who", "why", "how", "when", "where"})

_HEAD = re.compile(r"(?:\s+|--[^\n]*|/\*.*?\*/|\()*", re.S)
_WORD = re.compile(r"[A-Za-z_]+")
_NAME = r'(?:"[^"]+"|\[[^\]]+\]|`[^`]+`|[A-Za-z_][\w$#]*)'
_QNAME = rf"{_NAME}(?:\s*\.\s*{_NAME}){{0,3}}"
_JDBC_CALL = re.compile(rf"\{{\s*(?::__mp\d+\s*=\s*)?call\s+({_QNAME})\s*(\(.*\))?\s*\}}\s*;?\s*$", re.I | re.S)
_CALL = re.compile(rf"(?:CALL|EXEC(?:UTE)?)\s+(?::__mp\d+\s*=\s*|@\w+\s*=\s*)?({_QNAME})\s*(\(.*\)|[^;]*)?;?\s*$",
                   re.I | re.S)
_ROUTINE_NAME = re.compile(rf"\s*({_QNAME})\s*;?\s*$", re.S)
_PROC_KINDS = ("PROCEDURE", "FUNCTION", "PACKAGE", "TRIGGER", "TYPE", "PROC")
_CREATE_ROUTINE = re.compile(
    rf"CREATE\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?(?:(?:NON)?EDITIONABLE\s+)?(?:DEFINER\s*=\s*\S+\s+)?"
    rf"(PROCEDURE|PROC|FUNCTION|PACKAGE(?:\s+BODY)?|TRIGGER|TYPE(?:\s+BODY)?)\s+({_QNAME})", re.I | re.S)
_DO_BODY = re.compile(r"DO\s+(?:LANGUAGE\s+\w+\s+)?(?:\$\w*\$|')", re.I)
_BLOCK_END = re.compile(r"\bEND\b\s*[\w$#\"]*\s*;?\s*(?:/\s*)?$", re.I)
_DUAL = frozenset({"dual", "sysibm.sysdummy1"})


# What sqlglot reads as a statement; anything else is an expression it accepted on its own
# ("Exec summary" is the column Exec aliased summary in Oracle).
_STATEMENTS = tuple(getattr(exp, name) for name in (
    "Query", "Insert", "Update", "Delete", "Merge", "Create", "Drop", "Alter", "TruncateTable", "Execute", "Command",
    "Grant", "Revoke", "Transaction", "Commit", "Rollback", "Set", "Use", "Comment", "Analyze", "Copy", "Describe",
    "Pragma", "Show", "Declare", "Cache", "Uncache", "Refresh", "Kill", "LoadData", "Summarize", "Lock")
    if hasattr(exp, name))


@dataclass(frozen=True)
class Verdict:
    is_sql: bool
    kind: str = ""
    status: str = ""
    message: str | None = None
    refs: tuple[RawRef, ...] = ()


NOT_SQL = Verdict(False)


def _head_end(text: str) -> int:
    """Where the statement's first word starts (past blanks, comments and opening parentheses)."""
    m = _HEAD.match(text)
    return m.end() if m else 0


def first_word(text: str) -> str:
    m = _WORD.match(text, _head_end(text))
    return m.group().upper() if m else ""


@lru_cache(maxsize=1 << 16)
def judge(masked: str, sqlglot_dialect: str, at_api: bool, routine_name: bool = False) -> Verdict:
    """Read ``masked`` (see ``sqltext.mark``). ``at_api``: the code hands it to a SQL API;
    ``routine_name``: that API takes a routine name (``callproc``, ``CommandType.StoredProcedure``)."""
    text = masked.strip()
    if not text:
        return NOT_SQL
    m = _JDBC_CALL.match(text)
    if m:
        return Verdict(True, "call", PARSED, None, ((_parts(m.group(1)), CALL, "routine"),))
    if routine_name:
        m = _ROUTINE_NAME.fullmatch(text)
        if m and first_word(text) not in STARTS:
            return Verdict(True, "call", PARSED, None, ((_parts(m.group(1)), CALL, "routine"),))
    word = first_word(text)
    if word not in STARTS or (word in WEAK and not at_api):
        return NOT_SQL
    if not at_api and (text.endswith(("!", ".", ":")) or _sentence_case(text, word)):
        return NOT_SQL
    block = _block(text, word, sqlglot_dialect)
    if block is not None:
        return block if block.is_sql or at_api else NOT_SQL
    if word in ("CALL", "EXEC", "EXECUTE") and sqlglot_dialect != "tsql":
        m = _CALL.match(text)
        if m and (at_api or "(" in (m.group(2) or "") or "." in m.group(1) or "_" in m.group(1)):
            return Verdict(True, "call", PARSED, None, ((_parts(m.group(1)), CALL, "routine"),))
    trees, error = _parse(text, sqlglot_dialect)
    if error and "__mps" in text:
        trees, error = _parse(without_splices(text), sqlglot_dialect)
    if not error and not all(isinstance(t, _STATEMENTS) for t in trees):
        error = f"sqlglot read an expression ({type(trees[0]).__name__}), not a statement"
    if error:
        return Verdict(True, _kind_of_word(word), UNPARSED, error, tuple(_scan_refs(text, sqlglot_dialect))) \
            if at_api else NOT_SQL
    if not at_api and not _plausible(trees, text, word):
        return NOT_SQL
    status, message = PARSED, None
    commands = [t for t in trees if isinstance(t, exp.Command)]
    refs: list[RawRef] = []
    for t in trees:
        refs.extend(_scan_refs(t.sql(dialect=sqlglot_dialect), sqlglot_dialect) if isinstance(t, exp.Command)
                    else refs_of(t))
    if commands:
        status, message = PARTIAL, "sqlglot keeps this statement as an opaque command"
    else:
        # the tree is not used after this check: write it back without copying it (the costly part)
        lost = [w for w in (lost_tokens(text, trees[0], sqlglot_dialect, copy=False) if len(trees) == 1 else [])
                if "__mp" not in w]  # our own masks may be written back differently
        if lost and not at_api:
            return NOT_SQL  # sqlglot skipped words: read by accident ("select order {}" in a log call)
        if lost:
            status, message = PARTIAL, "sqlglot did not keep: " + ", ".join(lost[:8])
    return Verdict(True, kind_of(trees[0], word), status, message, tuple(_dedupe(refs)))


_CLAUSE_WORDS = re.compile(r"\b(from|where|into|values|set|join|order|group|by|and|or|as|on)\b", re.I)


def _sentence_case(text: str, word: str) -> bool:
    """'Select rows from {name}': a capital first word, then SQL's words in lower case. Code writes
    SQL in one case (SELECT ... FROM, select ... from); prose starts with a capital."""
    first = text[_head_end(text):][:len(word)]
    if not (first[:1].isupper() and first[1:].islower()):
        return False
    return any(m.group().islower() for m in _CLAUSE_WORDS.finditer(text))


def _parse(text: str, sqlglot_dialect: str) -> tuple[list[exp.Expr], str | None]:
    try:
        trees = [t for t in dialect(sqlglot_dialect).parse(text, error_level=ErrorLevel.RAISE) if t is not None]
    except Exception as err:  # sqlglot raises ParseError/TokenError, and on odd input other errors too
        return [], _message(err)
    if not trees:
        return [], "empty statement"
    return trees, None


def _message(err: Exception) -> str:
    """The first line of sqlglot's message, without terminal colours (stable whatever the hash seed)."""
    msg = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return re.sub(r"\x1b\[\d+m", "", msg)[:300]


def _block(text: str, word: str, sqlglot_dialect: str) -> Verdict | None:
    """Procedural code sqlglot does not read: blocks and CREATE of routines."""
    if word in ("BEGIN", "DECLARE"):
        rest = text[_head_end(text) + len(word):]
        if word == "BEGIN" and (first_word(rest) in ("TRAN", "TRANSACTION", "WORK", "DISTRIBUTED", "ISOLATION",
                                                     "READ") or rest.strip() in ("", ";")):
            return None  # a transaction start
        if word == "DECLARE" and sqlglot_dialect == "tsql" and "@" in text[:40] and "BEGIN" not in text.upper():
            return None  # T-SQL variable declarations: sqlglot reads them
        if not _BLOCK_END.search(text):
            return NOT_SQL
        return Verdict(True, "block", PARTIAL, "procedural block: not read by sqlglot",
                       tuple(_scan_refs(text, sqlglot_dialect)))
    if word == "DO":
        if sqlglot_dialect != "postgres" or not _DO_BODY.match(text, _head_end(text)):
            return NOT_SQL  # DO INSTEAD (a rule's action), MySQL's DO expr, the word itself
        return Verdict(True, "block", PARTIAL, "procedural block: not read by sqlglot",
                       tuple(_scan_refs(text, sqlglot_dialect)))
    if word in ("CREATE", "ALTER"):
        m = _CREATE_ROUTINE.match(text, _head_end(text))
        if m:
            created = (_parts(m.group(2)), WRITE, "routine")
            body = text[m.end():]
            return Verdict(True, "ddl", PARTIAL, f"CREATE {m.group(1).upper()}: procedural code, not read by sqlglot",
                           tuple(_dedupe([created, *_scan_refs(body, sqlglot_dialect)])))
    return None


def _plausible(trees: list[exp.Expr], text: str, word: str) -> bool:
    """Structural checks that keep prose out (only for strings no SQL API receives)."""
    if len(text.split()) < 2:
        return False
    for t in trees:
        if isinstance(t, exp.Command):
            upper = text.upper()
            if word in ("GRANT", "REVOKE") and " ON " in upper:
                continue
            return False
        names = [n.name.lower() for n in t.find_all(exp.Table)] + \
                [a.name.lower() for a in t.find_all(exp.TableAlias)]
        if any(n in _PROSE for n in names):
            return False
        if _incomplete(t, text):
            return False
    return True


_DDL_OBJECTS = frozenset({"TABLE", "VIEW", "INDEX", "SEQUENCE", "PROCEDURE", "FUNCTION", "SCHEMA", "DATABASE",
                          "TRIGGER", "TYPE", "MATERIALIZED VIEW", "PACKAGE", "PACKAGE BODY", "SYNONYM", "USER", "ROLE",
                          "EXTENSION", "DOMAIN", "TABLESPACE", "STAGE", "WAREHOUSE", "MODEL", "COLLATION",
                          "TEMPORARY TABLE"})


def _incomplete(t: exp.Expr, text: str) -> bool:
    """A statement missing what any real one of its kind has (sqlglot is lenient about these)."""
    if isinstance(t, exp.Select) and not t.args.get("from_"):
        return not t.expressions or any(_bare(e) for e in t.expressions)
    if isinstance(t, exp.Update):
        return not t.expressions
    if isinstance(t, exp.Delete):
        return not (t.args.get("where") or re.search(r"\bFROM\b", text, re.I))
    if isinstance(t, exp.Insert):
        return t.args.get("expression") is None
    if isinstance(t, exp.TruncateTable):
        return not re.search(r"\bTABLE\b", text, re.I)
    if isinstance(t, (exp.Create, exp.Drop)):  # "drop column" is a clause of ALTER TABLE, not a statement
        named = t.this is not None or bool(t.args.get("tables"))
        return str(t.args.get("kind") or "").upper() not in _DDL_OBJECTS or not named
    if isinstance(t, exp.Execute):
        name = t.this.sql()
        return not (t.expressions or "." in name or "_" in name)
    return False


def _bare(e: exp.Expr) -> bool:
    """A select item that is only a name (prose reads like that: SELECT an AS option)."""
    inner = e.this if isinstance(e, exp.Alias) else e
    return isinstance(inner, (exp.Column, exp.Identifier, exp.Star)) and not isinstance(inner, exp.Dot)


def kind_of(tree: exp.Expr, word: str = "") -> str:
    if isinstance(tree, exp.Query):
        return "select"
    for cls, kind in ((exp.Insert, "insert"), (exp.Update, "update"), (exp.Delete, "delete"), (exp.Merge, "merge"),
                      (exp.Execute, "call"), (exp.Create, "ddl"), (exp.Drop, "ddl"), (exp.Alter, "ddl"),
                      (exp.TruncateTable, "ddl"), (exp.Comment, "ddl"), (exp.Grant, "ddl"),
                      (exp.Commit, "transaction"), (exp.Rollback, "transaction"), (exp.Transaction, "transaction"),
                      (exp.Set, "session"), (exp.Use, "session")):
        if isinstance(tree, cls):
            return kind
    return _kind_of_word(word)


def _kind_of_word(word: str) -> str:
    return {"SELECT": "select", "WITH": "select", "VALUES": "select", "INSERT": "insert", "UPSERT": "insert",
            "REPLACE": "insert", "UPDATE": "update", "DELETE": "delete", "MERGE": "merge", "CALL": "call",
            "EXEC": "call", "EXECUTE": "call", "CREATE": "ddl", "ALTER": "ddl", "DROP": "ddl", "TRUNCATE": "ddl",
            "GRANT": "ddl", "REVOKE": "ddl", "COMMENT": "ddl", "RENAME": "ddl", "BEGIN": "block", "DECLARE": "block",
            "DO": "block", "COMMIT": "transaction", "ROLLBACK": "transaction", "SAVEPOINT": "transaction",
            "START": "transaction", "RELEASE": "transaction", "SET": "session", "USE": "session",
            "OPEN": "cursor", "FETCH": "cursor", "CLOSE": "cursor", "CONNECT": "session",
            "DISCONNECT": "session"}.get(word, "other")


# -- references from a tree ------------------------------------------------------------------


def _table_parts(t: exp.Table) -> tuple[Part, ...]:
    out: list[Part] = []
    for key in ("catalog", "db", "this"):
        node = t.args.get(key)
        if isinstance(node, exp.Identifier):
            out.append((node.this, bool(node.quoted)))
        elif isinstance(node, exp.Expr) and key != "this":
            out.append((node.name, False))
    return tuple(out)


def _skip(parts: tuple[Part, ...]) -> bool:
    if not parts or any(p[0].startswith("__mp") or not p[0] for p in parts):
        return True
    last = parts[-1][0]
    return last.startswith("#") or ".".join(p[0] for p in parts).lower() in _DUAL


_INTERESTING = (exp.Table, exp.CTE, exp.Insert, exp.Update, exp.Merge, exp.Alter, exp.Delete, exp.Create, exp.Drop,
                exp.TruncateTable, exp.Into, exp.Execute, exp.NextValueFor, exp.Column, exp.Anonymous)


def refs_of(tree: exp.Expr) -> list[RawRef]:
    nodes = [n for n in tree.walk() if isinstance(n, _INTERESTING)]  # one pass over the tree
    tables = [n for n in nodes if isinstance(n, exp.Table)]
    ctes = {c.alias_or_name.lower() for c in nodes if isinstance(c, exp.CTE)}
    aliases: dict[str, exp.Table] = {}
    for t in tables:
        if t.alias:
            aliases[t.alias.lower()] = t
    out: list[RawRef] = []
    handled: set[int] = set()

    def table_ref(t: exp.Table, mode: str) -> None:
        handled.add(id(t))
        if isinstance(t.this, exp.Anonymous):  # a table function: FROM fn(...)
            parts = (*_table_parts(t)[:-1], (t.this.name, False))
            if not _skip(parts):
                out.append((parts, CALL, "function?"))
            return
        parts = _table_parts(t)
        alias = parts[0][0].lower() if len(parts) == 1 and not parts[0][1] else None
        if alias in aliases and aliases[alias] is not t:
            real = aliases[alias]  # UPDATE e ... FROM Employees e
            handled.add(id(real))
            parts = _table_parts(real)
        if len(parts) == 1 and parts[0][0].lower() in ctes:
            return
        if not _skip(parts):
            out.append((parts, mode, "relation"))

    def target(node: exp.Expr | None, mode: str = WRITE) -> None:
        if isinstance(node, exp.Schema):
            node = node.this
        if isinstance(node, exp.Table):
            table_ref(node, mode)

    for node in nodes:
        if isinstance(node, (exp.Table, exp.CTE)):
            continue
        if isinstance(node, (exp.Insert, exp.Update, exp.Merge, exp.Alter)):
            target(node.this)
        elif isinstance(node, exp.Delete):
            target(node.this)
            for t in node.args.get("tables") or []:
                handled.add(id(t))
        elif isinstance(node, exp.Create):
            kind = str(node.args.get("kind") or "").upper()
            if kind in _PROC_KINDS or kind.startswith("PACKAGE"):
                inner = node.this.this if isinstance(node.this, exp.Schema) else node.this
                if isinstance(inner, exp.Table):
                    handled.add(id(inner))
                    out.append((_table_parts(inner), WRITE, "routine"))
            else:
                target(node.this)
        elif isinstance(node, exp.Drop):
            kind = str(node.args.get("kind") or "").upper()
            for t in node.args.get("tables") or ([node.this] if node.this is not None else []):
                if isinstance(t, exp.Table):
                    if kind in _PROC_KINDS:
                        handled.add(id(t))
                        out.append((_table_parts(t), WRITE, "routine"))
                    else:
                        table_ref(t, WRITE)
        elif isinstance(node, exp.TruncateTable):
            for t in node.expressions:
                target(t)
        elif isinstance(node, exp.Into):
            if not node.args.get("temporary"):
                target(node.this)
            elif isinstance(node.this, exp.Table):
                handled.add(id(node.this))
        elif isinstance(node, exp.Execute):
            if isinstance(node.this, exp.Table):
                handled.add(id(node.this))
                parts = _table_parts(node.this)
                if not _skip(parts):
                    out.append((parts, CALL, "routine"))
        elif isinstance(node, exp.NextValueFor):
            col = node.this
            if isinstance(col, exp.Column):
                out.append((_column_parts(col), READ, "sequence"))
        elif isinstance(node, exp.Column) and node.name.lower() in ("nextval", "currval") and node.table:
            parts = _column_parts(node)[:-1]
            if not _skip(parts):
                out.append((parts, READ, "sequence"))
        elif isinstance(node, exp.Anonymous):
            name = node.name
            if name.lower() in ("nextval", "currval", "setval") and node.expressions \
                    and isinstance(node.expressions[0], exp.Literal) and node.expressions[0].is_string:
                out.append((_parts(node.expressions[0].this), READ, "sequence"))
                continue
            parent = node.parent
            if isinstance(parent, exp.Table) and parent.this is node:
                continue
            parts = ((name, False),)
            if isinstance(parent, exp.Dot) and parent.expression is node:
                parts = (*_dot_parts(parent.this), (name, False))
            if not _skip(parts):
                out.append((parts, CALL, "function?"))
    for t in tables:
        if id(t) not in handled:
            table_ref(t, READ)
    return out


def _column_parts(col: exp.Column) -> tuple[Part, ...]:
    out: list[Part] = []
    for key in ("catalog", "db", "table", "this"):
        node = col.args.get(key)
        if isinstance(node, exp.Identifier):
            out.append((node.this, bool(node.quoted)))
    return tuple(out)


def _dot_parts(node: exp.Expr) -> tuple[Part, ...]:
    if isinstance(node, exp.Identifier):
        return ((node.this, bool(node.quoted)),)
    if isinstance(node, exp.Column):
        return _column_parts(node)
    if isinstance(node, exp.Dot):
        return (*_dot_parts(node.this), *_dot_parts(node.expression))
    return ((node.name, False),)


def _parts(name: str) -> tuple[Part, ...]:
    out: list[Part] = []
    for m in re.finditer(rf"({_NAME})", name):
        p = m.group(1)
        if p[0] in "\"[`":
            out.append((p[1:-1], True))
        else:
            out.append((p, False))
    return tuple(out)


# -- references from tokens (procedural code and opaque commands) -----------------------------

_KEYWORD_TYPES = frozenset({TokenType.VAR, TokenType.IDENTIFIER})
_STATEMENT_START = frozenset({"BEGIN", ";", "THEN", "ELSE", "LOOP", "IS", "AS"})


def _scan_refs(text: str, sqlglot_dialect: str) -> list[RawRef]:
    """Tables after FROM/JOIN (read) and INSERT INTO/UPDATE/DELETE FROM/MERGE INTO (write), routine
    calls: enough to link procedural code, which sqlglot does not read."""
    try:
        toks = dialect(sqlglot_dialect).tokenize(text)
    except Exception:
        return []
    out: list[RawRef] = []
    n = len(toks)

    def name_at(i: int) -> tuple[tuple[Part, ...], int]:
        parts: list[Part] = []
        while i < n and (toks[i].token_type in _KEYWORD_TYPES or (parts == [] and toks[i].text.isidentifier())):
            parts.append((toks[i].text, toks[i].token_type == TokenType.IDENTIFIER))
            if i + 2 < n and toks[i + 1].token_type == TokenType.DOT:
                i += 2
                continue
            i += 1
            break
        return tuple(parts), i

    prev = ""
    for i, tok in enumerate(toks):
        word = tok.text.upper()
        mode = None
        if word in ("FROM", "JOIN") and prev != "DELETE":
            mode = READ
        elif (word == "INTO" and prev in ("INSERT", "MERGE")) or (word == "UPDATE" and prev not in ("FOR", "ON")) or \
                (word == "FROM" and prev == "DELETE") or (word == "TABLE" and prev == "TRUNCATE"):
            mode = WRITE
        elif word in ("CALL", "EXEC", "EXECUTE") and i + 1 < n and toks[i + 1].token_type in _KEYWORD_TYPES:
            parts, _ = name_at(i + 1)
            if parts and parts[0][0].upper() not in ("IMMEDIATE", "SQL") and not _skip(parts):
                out.append((parts, CALL, "routine"))
        if prev in _STATEMENT_START and tok.token_type in _KEYWORD_TYPES and mode is None:
            parts, j = name_at(i)
            if parts and j < n and toks[j].token_type == TokenType.SEMICOLON and not _skip(parts):
                out.append((parts, CALL, "function?"))  # a PL/SQL call statement: proc;
        if mode and i + 1 < n and toks[i + 1].token_type in _KEYWORD_TYPES:
            parts, j = name_at(i + 1)
            function = mode == READ and j < n and toks[j].token_type == TokenType.L_PAREN
            if parts and not _skip(parts):
                out.append((parts, CALL, "function?") if function else (parts, mode, "relation"))
        elif tok.token_type in _KEYWORD_TYPES and i + 1 < n and toks[i + 1].token_type == TokenType.L_PAREN \
                and prev not in ("FROM", "JOIN", "INTO", "TABLE", "INDEX", "ON", "PROCEDURE", "FUNCTION") \
                and (i == 0 or toks[i - 1].token_type != TokenType.DOT):
            out.append((((tok.text, tok.token_type == TokenType.IDENTIFIER),), CALL, "function?"))
        elif tok.token_type in _KEYWORD_TYPES and i + 3 < n and toks[i + 1].token_type == TokenType.DOT \
                and (i == 0 or toks[i - 1].token_type != TokenType.DOT):
            parts, j = name_at(i)
            if parts and parts[-1][0].lower() in ("nextval", "currval") and len(parts) > 1:
                out.append((parts[:-1], READ, "sequence"))
            elif parts and j < n and toks[j].token_type == TokenType.L_PAREN and len(parts) > 1:
                out.append((parts, CALL, "function?"))
        prev = word
    return out


def _dedupe(refs: list[RawRef]) -> list[RawRef]:
    seen: set[RawRef] = set()
    out = []
    for r in refs:
        if r not in seen:
            seen.add(r)
            out.append(r)
    return out
