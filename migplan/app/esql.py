"""Embedded SQL (``EXEC SQL ... ;`` in Pro*C/C++, ESQL/C, ECPG): which blocks are statements the
database runs, and the SQL inside the ones that wrap it.

Precompiler directives (``INCLUDE``, ``BEGIN/END DECLARE SECTION``, ``WHENEVER``, ``VAR``, ``TYPE``,
``EXEC ORACLE OPTION`` ...) are not statements and are left out. ``DECLARE c CURSOR FOR <query>``
is reported with its query; ``EXECUTE BEGIN ... END; END-EXEC`` with its PL/SQL block; cursor
verbs (``OPEN``, ``FETCH``, ``CLOSE``), ``CONNECT``, ``PREPARE`` and ``EXECUTE IMMEDIATE`` are
embedded-SQL statements with no SQL of their own to read (status ``partial``).
"""

from __future__ import annotations

import re

from migplan.model.app import PARTIAL

DIRECTIVES = frozenset({"INCLUDE", "WHENEVER", "VAR", "TYPE", "ORACLE", "TOOLS", "IAF", "ENABLE", "CONTEXT",
                        "ALLOCATE", "FREE"})
_SECTION = re.compile(r"(?:BEGIN|END)\s+DECLARE\s+SECTION\b", re.I)
_DECLARE_CURSOR = re.compile(r"DECLARE\s+\w+\s+(?:SCROLL\s+|SENSITIVE\s+|INSENSITIVE\s+)*CURSOR\s+"
                             r"(?:WITH\s+HOLD\s+)?FOR\s+(.*)$", re.I | re.S)
_DECLARE_OTHER = re.compile(r"DECLARE\s+\w+\s+(?:STATEMENT|TABLE|DATABASE)\b", re.I)
_PREFIX = re.compile(r"(?:AT\s+(?::\w+|\w+)\s+|FOR\s+(?::\w+|\d+)\s+)+", re.I)
_COMMIT = re.compile(r"(COMMIT|ROLLBACK)(\s+WORK)?(\s+RELEASE)?\s*$", re.I)
_OPAQUE_VERBS = {"OPEN": "cursor", "FETCH": "cursor", "CLOSE": "cursor", "CONNECT": "session",
                 "PREPARE": "other", "DESCRIBE": "other"}


def classify(sql: str, word: str) -> tuple[str, str, str | None] | None:
    """(what to read, kind, note) for an EXEC SQL block, or None for a precompiler directive.

    "what to read" is the SQL to judge (empty for a statement with no SQL of its own)."""
    if word in DIRECTIVES or _SECTION.match(sql) or _DECLARE_OTHER.match(sql):
        return None
    body = _PREFIX.sub("", sql, count=1) if re.match(r"(AT|FOR)\b", sql, re.I) else sql
    head = re.match(r"\w+", body)
    word = head.group().upper() if head else ""
    m = _DECLARE_CURSOR.match(body)
    if m:
        return m.group(1).strip(), "cursor", None
    if word == "EXECUTE":
        rest = body[len(word):].strip()
        if re.match(r"(BEGIN|DECLARE)\b", rest, re.I):
            return rest, "block", None
        return "", "other", "dynamic SQL: the statement text comes from a host variable"
    if word in _OPAQUE_VERBS:
        return "", _OPAQUE_VERBS[word], "embedded-SQL statement (precompiler), no SQL text of its own"
    m = _COMMIT.match(body)
    if m:
        return m.group(1), "transaction", "RELEASE disconnects (precompiler option)" if m.group(3) else None
    return body, "", None


STATUS_OPAQUE = PARTIAL
