"""What kind of statement is this? Read from its first words, before any parser runs.

The answer routes the statement to a parser (CREATE TABLE, CREATE INDEX ...), to a merge into an
existing object (ALTER TABLE, COMMENT ON ...), or to one of the non-object dispositions (data,
session, drop, block) so that every statement lands somewhere in the inventory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from migplan.parse.tokens import TokenStream

# CREATE <modifiers> <object>: multi-word object names first.
OBJECT_WORDS: list[tuple[tuple[str, ...], str]] = [
    (("MATERIALIZED", "VIEW"), "materialized view"),
    (("PACKAGE", "BODY"), "package body"),
    (("TYPE", "BODY"), "type body"),
    (("DATABASE", "LINK"), "database link"),
    (("XML", "SCHEMA", "COLLECTION"), "xml schema collection"),
    (("XML", "INDEX"), "index"),
    (("SELECTIVE", "XML", "INDEX"), "index"),
    (("FULLTEXT", "CATALOG"), "fulltext catalog"),
    (("FULLTEXT", "INDEX"), "index"),
    (("SEARCH", "INDEX"), "index"),
    (("PARTITION", "FUNCTION"), "partition function"),
    (("PARTITION", "SCHEME"), "partition scheme"),
    (("EVENT", "TRIGGER"), "trigger"),
    (("FOREIGN", "TABLE"), "table"),
    (("FOREIGN", "DATA", "WRAPPER"), "foreign data wrapper"),
    (("JAVA", "SOURCE"), "java"),
    (("JAVA", "CLASS"), "java"),
    (("JAVA", "RESOURCE"), "java"),
    (("MATERIALIZED", "VIEW", "LOG"), "materialized view log"),
    (("TEXT", "SEARCH"), "text search"),
    (("MASTER", "KEY"), "master key"),
    (("SECURITY", "POLICY"), "security policy"),
    (("ROW", "PERMISSION"), "row permission"),
    (("COLUMN", "MASK"), "column mask"),
    (("DISTINCT", "TYPE"), "type"),
    (("SQL", "SECURITY"), ""),  # MySQL view modifier, skipped below
    (("PROPERTY", "GRAPH"), "property graph"),
    (("EXTERNAL", "DATA", "SOURCE"), "external data source"),
    (("EXTERNAL", "FILE", "FORMAT"), "external file format"),
    (("DATABASE", "SCOPED", "CREDENTIAL"), "credential"),
]
SINGLE_OBJECTS = {
    "TABLE": "table", "INDEX": "index", "VIEW": "view", "SEQUENCE": "sequence", "SYNONYM": "synonym",
    "PROCEDURE": "procedure", "PROC": "procedure", "FUNCTION": "function", "PACKAGE": "package",
    "TRIGGER": "trigger", "TYPE": "type", "SCHEMA": "schema", "USER": "user", "ROLE": "role",
    "DATABASE": "database", "DIRECTORY": "directory", "TABLESPACE": "tablespace", "EXTENSION": "extension",
    "DOMAIN": "domain", "AGGREGATE": "aggregate", "OPERATOR": "operator", "RULE": "rule", "POLICY": "policy",
    "EVENT": "event", "DIMENSION": "dimension", "CONTEXT": "context", "LIBRARY": "library", "CLUSTER": "cluster",
    "STATISTICS": "statistics", "LOGIN": "login", "SERVER": "server", "KEYSPACE": "keyspace", "MODULE": "module",
    "VARIABLE": "variable", "ALIAS": "alias", "NICKNAME": "nickname", "PROFILE": "profile", "CAST": "cast",
    "COLLATION": "collation", "CONVERSION": "conversion", "PUBLICATION": "publication",
    "SUBSCRIPTION": "subscription", "ACCESS": "access method", "LANGUAGE": "language", "MACRO": "macro",
    "ASSEMBLY": "assembly", "CERTIFICATE": "certificate", "QUEUE": "queue", "ROUTE": "route",
    "SERVICE": "service", "CONTRACT": "contract", "ENDPOINT": "endpoint", "DEFAULT": "default",
    "MASK": "column mask", "PERMISSION": "row permission", "STAGE": "stage", "WAREHOUSE": "warehouse",
    "EDITION": "edition", "OUTLINE": "outline", "CONTROLFILE": "controlfile", "PFILE": "pfile",
    "SPFILE": "spfile", "RESTORE": "restore point", "AUDIT": "audit policy", "BUFFERPOOL": "bufferpool",
    "STOGROUP": "stogroup", "WORKLOAD": "workload", "THRESHOLD": "threshold", "MASTER": "master key",
    "CREDENTIAL": "credential", "PROJECTION": "projection",
}
CREATE_MODIFIERS = frozenset([
    "OR", "REPLACE", "ALTER", "EDITIONABLE", "NONEDITIONABLE", "EDITIONING", "FORCE", "NOFORCE", "NO", "GLOBAL",
    "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED", "PRIVATE", "UNIQUE", "BITMAP", "CLUSTERED", "NONCLUSTERED",
    "COLUMNSTORE", "FULLTEXT", "SPATIAL", "PRIMARY", "PUBLIC", "RECURSIVE", "MULTISET", "SET", "VOLATILE", "SECURE",
    "TRANSIENT", "EXTERNAL", "AND", "COMPILE", "RESOLVE", "NOLOGGING", "ONLINE", "IF", "NOT", "EXISTS", "LARGE",
    "BIGFILE", "SMALLFILE", "UNDO", "BLOCKCHAIN", "IMMUTABLE", "SHARDED", "DUPLICATED", "CONSTRAINT", "HASH",
    "DEFERRED", "AUTO", "IMMEDIATE", "INVISIBLE", "VISIBLE", "MATERIALIZED_VIEW", "DIRECT_LOAD", "CREATED",
    "REGULAR", "USER", "SYSTEM", "TRUSTED", "PROCEDURAL", "CUSTOM",
])
_MYSQL_ATTR = re.compile(r"(ALGORITHM|DEFINER|SQL\s+SECURITY)\s*=?\s*", re.I)

DATA_VERBS = {"INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "BULK", "LOAD", "REPLACE", "TRUNCATE", "UPSERT"}
SESSION_VERBS = {
    "SET",
    "COLLECT",  # Teradata COLLECT STATISTICS
    "USE",
    "COMMIT",
    "ROLLBACK",
    "SAVEPOINT",
    "START",
    "LOCK",
    "UNLOCK",
    "PRINT",
    "RAISERROR",
    "DBCC",
    "CHECKPOINT",
    "ANALYZE",
    "VACUUM",
    "REINDEX",
    "CLUSTER",
    "SELECT",
    "WITH",
    "VALUES",
    "SHOW",
    "EXPLAIN",
    "FLUSH",
    "OPTIMIZE",
    "RESET",
    "DISCARD",
    "NOTIFY",
    "LISTEN",
    "CALL",
    "EXEC",
    "EXECUTE",
    "RECONFIGURE",
    "WAITFOR",
    "FETCH",
    "OPEN",
    "CLOSE",
    "DEALLOCATE",
    "DECLARE",
    "PREPARE",
    "PURGE",
    "AUDIT",
    "NOAUDIT",
    "ASSOCIATE",
    "DISASSOCIATE",
    "SECURITY",
    "REFRESH",
    "BACKUP",
    "RESTORE",
    "ENABLE",
    "DISABLE",
    "KILL",
    "SHUTDOWN",
    "REVERT",
    "SETUSER",
    "THROW",
    "RETURN",
    "GOTO",
    "DO",
    "RENAME",
    "LABEL",
    "DESCRIBE",
    "HANDLER",
    "INSTALL",
    "UNINSTALL",
    "CACHE",
    "ABORT",
    "END",
    "RELEASE",
    "IMPORT",
    "SIGNAL",
    "RESIGNAL",
    "GET",
    "ITERATE",
    "LEAVE",
    "REPEAT",
    "LOOP",
    "WHILE",
}


@dataclass
class Kind:
    verb: str  # create | alter | drop | comment | grant | revoke | data | session | block | exec | unknown
    obj: str = ""  # table, index, view, ... for create/alter/drop/comment
    flags: set[str] = field(default_factory=set)  # modifiers seen: UNIQUE, BITMAP, GLOBAL, TEMPORARY, OR REPLACE...
    word_index: int = 0  # token index of the object word (after modifiers)
    words: int = 1  # how many tokens name the object kind (MATERIALIZED VIEW = 2)

    def __str__(self) -> str:
        return f"{self.verb} {self.obj}".strip()


def classify(ts: TokenStream, splitter_dialect: str) -> Kind:
    first = ts.up()
    if not first:
        return Kind("unknown")
    if first in ("CREATE", "REPLACE") and not (first == "REPLACE" and splitter_dialect == "mysql"
                                             and ts.up(1) in ("INTO", "LOW_PRIORITY", "DELAYED")):
        return _create(ts, 1)
    if first == "ALTER":
        return _alter(ts)
    if first == "DROP":
        return Kind("drop", _object_at(ts, 1)[0])
    if first == "COMMENT" and ts.up(1) == "ON":
        obj, _ = _object_at(ts, 2)
        return Kind("comment", obj or ts.up(2).lower())
    if first in ("GRANT", "REVOKE", "DENY"):
        return Kind("grant" if first != "REVOKE" else "revoke")
    if first in ("EXEC", "EXECUTE") and splitter_dialect == "tsql":
        proc = ts.up(1)
        if proc in ("SYS", "[SYS]") and ts.up(2) == ".":
            proc = ts.up(3)
        proc = proc.strip("[]").upper()
        if proc in ("SP_ADDEXTENDEDPROPERTY", "SP_UPDATEEXTENDEDPROPERTY"):
            return Kind("comment", "extended property")
        if proc == "SP_ADDTYPE":
            return Kind("create", "type", {"SP_ADDTYPE"})
        if proc == "SP_BINDRULE" or proc == "SP_BINDEFAULT":
            return Kind("alter", "column")
        return Kind("session", "exec")
    if first in ("DECLARE", "BEGIN") and splitter_dialect in ("oracle",):
        return Kind("block")
    if first == "BEGIN" and splitter_dialect == "tsql" and ts.up(1) not in ("TRAN", "TRANSACTION", "DISTRIBUTED"):
        return Kind("block")
    if first in ("IF", "WHILE") and splitter_dialect == "tsql":
        return Kind("block")
    if first == "DO" and splitter_dialect in ("postgres", "redshift"):
        return Kind("block")
    if first == "BEGIN" and splitter_dialect == "cql":  # BEGIN [UNLOGGED | COUNTER] BATCH ... APPLY BATCH
        return Kind("data", "batch")
    if first == "BEGIN" and splitter_dialect in ("postgres", "mysql", "redshift", "db2"):
        return Kind("session", "transaction")
    if first == "DECLARE" and splitter_dialect == "db2" and ts.up(1) == "GLOBAL":
        return Kind("create", "table", {"GLOBAL", "TEMPORARY", "DECLARE"}, 3)
    if first in DATA_VERBS:
        return Kind("data", first.lower())
    if first in SESSION_VERBS:
        return Kind("session", first.lower())
    return Kind("unknown", first.lower())


def _create(ts: TokenStream, j: int) -> Kind:
    flags: set[str] = set()
    n = len(ts.toks)
    while j < n:
        word = ts.up(j)
        # MySQL view/routine attributes: ALGORITHM=x DEFINER=`u`@`h` SQL SECURITY x
        if word == "ALGORITHM" and ts.up(j + 1) == "=":
            j += 3
            continue
        if word == "DEFINER" and ts.up(j + 1) == "=":
            j += 3  # DEFINER = user [@ host] | CURRENT_USER [()]
            if ts.up(j) == "@" or (ts.up(j) == "(" and ts.up(j + 1) == ")"):
                j += 2
            continue
        if word == "SQL" and ts.up(j + 1) == "SECURITY":
            j += 3
            continue
        if word in ("SHARING",) and ts.up(j + 1) == "=":
            j += 3
            continue
        for words, obj in OBJECT_WORDS:
            if obj and all(ts.up(j + k) == w for k, w in enumerate(words)):
                return Kind("create", obj, flags, j, len(words))
        if word in SINGLE_OBJECTS and not (word == "SET" and ts.up(j + 1) == "TABLE"):
            return Kind("create", SINGLE_OBJECTS[word], flags, j, 1)
        if word in CREATE_MODIFIERS:
            flags.add(word)
            j += 1
            continue
        if word == "XML" and ts.up(j + 1) == "INDEX":
            return Kind("create", "index", flags | {"XML"}, j + 1, 1)
        return Kind("create", "", flags, j)
    return Kind("create", "", flags, j)


def _alter(ts: TokenStream) -> Kind:
    if ts.up(1) in ("SESSION", "SYSTEM", "SERVER", "INSTANCE", "DATABASE"):
        return Kind("alter", ts.up(1).lower(), set(), 1, 1)
    k = _create(ts, 1)
    return Kind("alter", k.obj, set(), k.word_index, k.words)


def _object_at(ts: TokenStream, j: int) -> tuple[str, int]:
    # skip PUBLIC (synonym), MATERIALIZED etc. through the same tables as CREATE
    k = _create(ts, j)
    return k.obj, k.word_index


def object_word_count(obj: str) -> int:
    for words, name in OBJECT_WORDS:
        if name == obj:
            return len(words)
    return 1
