"""Embedded SQL: what sqlglot reads, and the procedural parts it must not see.

A ``SELECT ... INTO v`` in PL/SQL, PSM or PL/pgSQL stores into variables, which sqlglot would
read as a new table (or not at all: ``INTO STRICT``). So the INTO clause is cut out here, its
targets kept on the SqlStatement, and sqlglot reads the rest with the clause blanked to spaces
(line breaks kept, so the lines sqlglot records still match). T-SQL's ``SELECT @v = e`` is the
same thing written differently. Every sqlglot call goes through migplan's bridge, which reports
Command fallbacks and lost tokens as failures, and is guarded so that nothing escapes from it.
"""

from __future__ import annotations

from collections.abc import Callable

from migplan.parse.sqlglot_bridge import Parsed, parse_expression, parse_statement

# Words that end a SELECT's INTO target list.
INTO_END = frozenset({"FROM", "WHERE", "GROUP", "HAVING", "ORDER", "UNION", "INTERSECT", "EXCEPT", "MINUS",
                      "LIMIT", "FOR", "WINDOW", "FETCH", "OFFSET", "CONNECT", "START", "LOCK", "INTO"})
# First words of statements handed to sqlglot as embedded SQL.
SQL_VERBS = frozenset({
    "SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "CREATE", "DROP", "ALTER", "TRUNCATE",
    "GRANT", "REVOKE", "DENY", "LOCK", "UNLOCK", "ANALYZE", "COMMENT", "REFRESH", "UPSERT", "REPLACE", "USE",
    "WAITFOR", "DBCC", "BULK", "LOAD", "EXPLAIN", "VACUUM", "REINDEX", "CLUSTER", "NOTIFY", "LISTEN",
    "UNLISTEN", "COPY", "SHOW", "FLUSH", "OPTIMIZE", "RENAME", "KILL", "CHECKPOINT", "RECONFIGURE", "REVERT",
    "SHUTDOWN", "DISCARD", "RESET", "INSTALL", "UNINSTALL", "HANDLER", "ALLOCATE", "ASSOCIATE", "DESCRIBE",
    "DESC", "CHECK", "REPAIR", "CACHE", "PURGE", "AUDIT", "NOAUDIT", "SECURITY", "READTEXT", "WRITETEXT",
    "UPDATETEXT", "SETUSER", "TABLE", "IMPORT", "EXPORT", "RUNSTATS", "REORG", "ENABLE", "DISABLE", "DO",
    "PIVOT", "UNPIVOT", "SUMMARIZE", "ATTACH", "DETACH", "CHECKSUM", "XA", "BINLOG", "CALLPROC",
})


def _guard(fn: Callable[[str, str | None], Parsed], text: str, dialect: str) -> Parsed:
    try:
        return fn(text, dialect or None)
    except RecursionError:
        return Parsed(None, "too deeply nested for sqlglot")
    except Exception as err:
        msg = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return Parsed(None, f"sqlglot failed: {type(err).__name__}: {msg[:200]}")


def parse_statement_safe(text: str, dialect: str) -> Parsed:
    return _guard(parse_statement, text, dialect)


def parse_expression_safe(text: str, dialect: str) -> Parsed:
    return _guard(parse_expression, text, dialect)
