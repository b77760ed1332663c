"""Physical and storage options as data: the clauses DDL carries that do not change the logical
schema (tablespaces, storage, engine, compression, distribution ...).

Each table maps an option's first word(s) to the shape of what follows it:

    flag        nothing                      LOGGING, NOCOMPRESS
    word        one token                    TABLESPACE users, PCTFREE 10
    eq          optional '=' then one token   ENGINE=InnoDB, AUTO_INCREMENT = 5
    group       a parenthesised group         STORAGE (INITIAL 64K)
    opt_group   an optional group             COMPRESS [ (...) ], PARALLEL [n]
    rest        the rest of the clause        PARTITION BY ... (kept as text)

We record every option we read (name -> text); the conversion stage decides what each means on
the target. An option missing from these tables leaves the statement ``partial``, never silently
dropped.
"""

from __future__ import annotations

from migplan.parse.tokens import TokenStream

Shape = str

# Options after a table's column list, and after index definitions (Oracle, shared).
ORACLE_PHYSICAL: dict[str, Shape] = {
    "TABLESPACE": "word", "PCTFREE": "word", "PCTUSED": "word", "INITRANS": "word", "MAXTRANS": "word",
    "STORAGE": "group", "LOGGING": "flag", "NOLOGGING": "flag", "COMPRESS": "compress", "NOCOMPRESS": "flag",
    "CACHE": "flag", "NOCACHE": "flag", "PARALLEL": "opt_num", "NOPARALLEL": "flag", "MONITORING": "flag",
    "NOMONITORING": "flag", "ROWDEPENDENCIES": "flag", "NOROWDEPENDENCIES": "flag",
    "SEGMENT CREATION": "word", "ENABLE ROW MOVEMENT": "flag", "DISABLE ROW MOVEMENT": "flag",
    "ORGANIZATION INDEX": "flag", "ORGANIZATION HEAP": "flag", "ORGANIZATION EXTERNAL": "group",
    "OVERFLOW": "flag", "INCLUDING": "word", "MAPPING TABLE": "flag", "PCTTHRESHOLD": "word",
    "RESULT_CACHE": "group", "INMEMORY": "flag", "NO INMEMORY": "flag", "ROW STORE COMPRESS": "opt_word",
    "COLUMN STORE COMPRESS": "opt_word", "FLASHBACK ARCHIVE": "opt_word", "NO FLASHBACK ARCHIVE": "flag",
    "COMPUTE STATISTICS": "flag", "LOCAL": "opt_group", "GLOBAL": "flag", "REVERSE": "flag",
    "VISIBLE": "flag", "INVISIBLE": "flag", "ONLINE": "flag", "SORT": "flag", "NOSORT": "flag",
    "ON COMMIT DELETE ROWS": "flag", "ON COMMIT PRESERVE ROWS": "flag", "ON COMMIT DROP DEFINITION": "flag",
    "ON COMMIT PRESERVE DEFINITION": "flag", "FREELISTS": "word", "FREELIST GROUPS": "word",
    "BUFFER_POOL": "word", "BLOCKSIZE": "word", "DEFAULT COLLATION": "word", "MEMOPTIMIZE FOR READ": "flag",
    "MEMOPTIMIZE FOR WRITE": "flag", "ILM": "rest", "CLUSTER": "cluster", "PARTITION BY": "rest",
    "LOB": "lob", "XMLTYPE": "lob", "XMLTYPE COLUMN": "lob", "NESTED TABLE": "lob", "VARRAY": "lob",
    "SUPPLEMENTAL LOG": "rest", "INDEXTYPE IS": "rest", "PARAMETERS": "group", "UNUSABLE": "flag",
    "SHARING": "eq", "DEFERRED INVALIDATION": "flag", "IMMEDIATE INVALIDATION": "flag",
}
TSQL_PHYSICAL: dict[str, Shape] = {
    "ON": "filegroup", "TEXTIMAGE_ON": "word", "FILESTREAM_ON": "word", "WITH": "group",
    "LOCK": "group",
}
MYSQL_TABLE: dict[str, Shape] = {
    "ENGINE": "eq", "TYPE": "eq", "AUTO_INCREMENT": "eq", "DEFAULT CHARSET": "eq", "CHARSET": "eq",
    "DEFAULT CHARACTER SET": "eq", "CHARACTER SET": "eq", "DEFAULT COLLATE": "eq", "COLLATE": "eq",
    "COMMENT": "eq", "ROW_FORMAT": "eq", "STATS_PERSISTENT": "eq", "STATS_AUTO_RECALC": "eq",
    "STATS_SAMPLE_PAGES": "eq", "AVG_ROW_LENGTH": "eq", "CHECKSUM": "eq", "MAX_ROWS": "eq",
    "MIN_ROWS": "eq", "PACK_KEYS": "eq", "DELAY_KEY_WRITE": "eq", "KEY_BLOCK_SIZE": "eq",
    "TABLESPACE": "word", "STORAGE": "word", "COMPRESSION": "eq", "ENCRYPTION": "eq",
    "INSERT_METHOD": "eq", "UNION": "eq_group", "DATA DIRECTORY": "eq", "INDEX DIRECTORY": "eq",
    "PARTITION BY": "rest", "PAGE_CHECKSUM": "eq", "TRANSACTIONAL": "eq", "SECONDARY_ENGINE": "eq",
    "AUTOEXTEND_SIZE": "eq", "START TRANSACTION": "flag", "PAGE_COMPRESSED": "eq",
    "PAGE_COMPRESSION_LEVEL": "eq",
    "WITH SYSTEM VERSIONING": "flag", "SEQUENCE": "eq",  # MariaDB: system-versioned tables, sequence tables
}
POSTGRES_TABLE: dict[str, Shape] = {
    "INHERITS": "group", "PARTITION BY": "rest", "USING": "word", "WITH": "group", "WITHOUT OIDS": "flag",
    "WITH OIDS": "flag", "TABLESPACE": "word", "ON COMMIT": "on_commit", "SERVER": "word", "OPTIONS": "group",
    "DISTRIBUTED BY": "group", "DISTRIBUTED RANDOMLY": "flag", "DISTRIBUTED REPLICATED": "flag",
}
REDSHIFT_TABLE: dict[str, Shape] = {
    "DISTSTYLE": "word", "DISTKEY": "group", "SORTKEY": "sortkey", "COMPOUND SORTKEY": "group",
    "INTERLEAVED SORTKEY": "group", "BACKUP": "word", "ENCODE": "word",
}
NETEZZA_TABLE: dict[str, Shape] = {"DISTRIBUTE ON": "dist", "ORGANIZE ON": "group"}
# Vertica: the table's super projection (ORDER BY, SEGMENTED BY expr ALL NODES | UNSEGMENTED ALL NODES),
# partitioning (PARTITION BY expr [GROUP BY expr]), K-safety and privilege inheritance
VERTICA_TABLE: dict[str, Shape] = {
    "ORDER BY": "vertica", "SEGMENTED BY": "vertica", "UNSEGMENTED": "vertica", "PARTITION BY": "vertica",
    "KSAFE": "opt_num", "INCLUDE SCHEMA PRIVILEGES": "flag", "EXCLUDE SCHEMA PRIVILEGES": "flag",
    "INCLUDE PRIVILEGES": "flag", "EXCLUDE PRIVILEGES": "flag",
}
_VERTICA_STOP = frozenset({"ORDER", "SEGMENTED", "UNSEGMENTED", "PARTITION", "KSAFE", "INCLUDE", "EXCLUDE"})
DB2_TABLE: dict[str, Shape] = {
    "IN": "word", "INDEX IN": "word", "LONG IN": "word", "ORGANIZE BY ROW": "flag", "ORGANIZE BY COLUMN": "flag",
    "ORGANIZE BY": "rest", "DATA CAPTURE CHANGES": "flag", "DATA CAPTURE NONE": "flag", "COMPRESS": "word",
    "VALUE COMPRESSION": "flag", "APPEND": "word", "NOT LOGGED INITIALLY": "flag", "CCSID": "word",
    "DISTRIBUTE BY": "rest", "PARTITION BY": "rest", "ON COMMIT": "on_commit", "WITH REPLACE": "flag",
    "NOT LOGGED": "flag", "LOGGED": "flag", "WITH RESTRICT ON DROP": "flag", "VOLATILE": "flag",
    "PCTFREE": "word", "CARDINALITY": "flag", "NOT VOLATILE": "flag", "AUDIT": "word",
    # materialized query tables: CREATE TABLE t AS (query) DATA INITIALLY DEFERRED REFRESH DEFERRED ...
    "DATA INITIALLY DEFERRED": "flag", "REFRESH DEFERRED": "flag", "REFRESH IMMEDIATE": "flag",
    "ENABLE QUERY OPTIMIZATION": "flag", "DISABLE QUERY OPTIMIZATION": "flag", "MAINTAINED BY SYSTEM": "flag",
    "MAINTAINED BY USER": "flag", "MAINTAINED BY FEDERATED_TOOL": "flag", "MAINTAINED BY REPLICATION": "flag",
}
TERADATA_TABLE: dict[str, Shape] = {
    "PRIMARY INDEX": "opt_word_group", "UNIQUE PRIMARY INDEX": "opt_word_group", "NO PRIMARY INDEX": "flag",
    "PRIMARY AMP INDEX": "opt_word_group", "PARTITION BY": "rest", "INDEX": "opt_word_group",
    "UNIQUE INDEX": "opt_word_group", "ON COMMIT": "on_commit", "WITH DATA": "flag", "WITH NO DATA": "flag",
}
CQL_TABLE: dict[str, Shape] = {"WITH": "rest"}

TABLE_OPTIONS: dict[str, list[dict[str, Shape]]] = {
    "oracle": [ORACLE_PHYSICAL],
    "tsql": [TSQL_PHYSICAL],
    "mysql": [MYSQL_TABLE],
    "postgres": [POSTGRES_TABLE],
    "redshift": [REDSHIFT_TABLE, POSTGRES_TABLE],
    "db2": [DB2_TABLE],
    "teradata": [TERADATA_TABLE],
    "netezza": [NETEZZA_TABLE, POSTGRES_TABLE],
    "vertica": [VERTICA_TABLE, POSTGRES_TABLE],
    "cql": [CQL_TABLE],
    "snowflake": [{"CLUSTER BY": "group", "COMMENT": "eq", "DATA_RETENTION_TIME_IN_DAYS": "eq",
                   "CHANGE_TRACKING": "eq", "COPY GRANTS": "flag", "STAGE_FILE_FORMAT": "eq_group"}],
    "bigquery": [{"PARTITION BY": "rest", "CLUSTER BY": "rest", "OPTIONS": "group"}],
}

# Options on constraints and their indexes.
CONSTRAINT_OPTIONS: dict[str, Shape] = {
    "ENABLE": "flag", "DISABLE": "flag", "VALIDATE": "flag", "NOVALIDATE": "flag", "RELY": "flag",
    "NORELY": "flag", "DEFERRABLE": "flag", "NOT DEFERRABLE": "flag", "INITIALLY DEFERRED": "flag",
    "INITIALLY IMMEDIATE": "flag", "USING INDEX": "using_index", "EXCEPTIONS INTO": "word",
    "NOT FOR REPLICATION": "flag", "WITH": "with_options", "ON": "filegroup", "NOT VALID": "flag",
    "NO INHERIT": "flag", "ENFORCED": "flag", "NOT ENFORCED": "flag", "USING": "word", "COMMENT": "word",
    "KEY_BLOCK_SIZE": "eq", "VISIBLE": "flag", "INVISIBLE": "flag", "INCLUDE": "group",
    "DISABLE NOVALIDATE": "flag", "ENABLE NOVALIDATE": "flag", "MATCH FULL": "flag", "MATCH PARTIAL": "flag",
    "MATCH SIMPLE": "flag", "ENABLE QUERY OPTIMIZATION": "flag", "DISABLE QUERY OPTIMIZATION": "flag",
    "NOT ENFORCED TRUSTED": "flag", "ENABLED": "flag", "DISABLED": "flag",
}
# After a constraint written inside a column definition these words belong to the column (MySQL
# `id INT PRIMARY KEY COMMENT 'x' INVISIBLE`): a constraint reading them would drop them.
COLUMN_CONSTRAINT_OPTIONS: dict[str, Shape] = {
    k: v for k, v in CONSTRAINT_OPTIONS.items() if k not in ("COMMENT", "VISIBLE", "INVISIBLE")
}


def _keys_by_length(table: dict[str, Shape]) -> list[tuple[list[str], str, Shape]]:
    rows = [(k.split(), k, v) for k, v in table.items()]
    rows.sort(key=lambda r: -len(r[0]))
    return rows


_CACHE: dict[int, list] = {}


def read_options(ts: TokenStream, tables: list[dict[str, Shape]], into: dict[str, str],
                 stop: set[str] | None = None) -> None:
    """Consume known options at the cursor into ``into`` (name -> text); stop at anything else."""
    rows = []
    for t in tables:
        key = id(t)
        if key not in _CACHE:
            _CACHE[key] = _keys_by_length(t)
        rows.extend(_CACHE[key])
    rows.sort(key=lambda r: -len(r[0]))
    while not ts.at_end:
        comma = ts.at(",")  # some dialects separate options with commas (MySQL, Teradata)
        if comma:
            ts.i += 1
        if stop and ts.up() in stop:
            ts.i -= comma
            return
        for words, name, shape in rows:
            if ts.at(*words):
                start = ts.i
                ts.i += len(words)
                if not _read_shape(ts, shape, words):
                    ts.i = start
                    continue
                value = _collapsed(ts, start + len(words), ts.i)
                if shape in ("eq", "eq_group") and value.startswith("="):
                    value = value[1:].lstrip()
                into[name] = value or "true"
                break
        else:
            ts.i -= comma  # the comma separates something else (the next ADD item, a column)
            return


def _collapsed(ts: TokenStream, first: int, last: int) -> str:
    """Text of tokens ``[first, last)`` with each run of white space between them made one space;
    string literals keep theirs (a COMMENT's line breaks are part of the comment)."""
    parts: list[str] = []
    for j in range(first, last):
        tok = ts.toks[j]
        if j > first:
            gap = ts.text[ts.toks[j - 1].end:tok.start]
            if gap:
                parts.append(" ")
        parts.append(tok.text)
    return "".join(parts)


def _read_shape(ts: TokenStream, shape: Shape, words: list[str]) -> bool:
    if shape == "flag":
        return True
    if shape == "word":
        if ts.at_end:
            return False
        ts.next()
        while ts.at("."):
            ts.i += 1
            ts.next()
        return True
    if shape == "opt_word":
        if not ts.at_end and ts.kind() in ("word", "number") and ts.up() not in ("FOR",):
            ts.next()
        return True
    if shape == "eq":
        ts.accept("=")
        if ts.at_end:
            return False
        if ts.at("("):
            ts.group()
            return True
        ts.next()
        return True
    if shape == "eq_group":
        ts.accept("=")
        ts.group()
        return True
    if shape == "group":
        if not ts.at("("):
            return False
        ts.group()
        return True
    if shape in ("opt_group", "opt_word_group"):
        if shape == "opt_word_group" and not ts.at_end and ts.kind() in ("word", "qident") and ts.up(1) == "(":
            ts.next()
        if ts.at("("):
            ts.group()
        return True
    if shape == "opt_num":
        if not ts.at_end and ts.kind() == "number":
            ts.next()
        elif ts.at("("):
            ts.group()
        return True
    if shape == "compress":
        if not ts.at_end and ts.kind() == "number":
            ts.next()
        elif ts.at("FOR"):
            ts.i += 1
            while (
                not ts.at_end
                and ts.kind() == "word"
                and ts.up() in ("OLTP", "ALL", "DIRECT_LOAD", "OPERATIONS", "QUERY", "ARCHIVE", "LOW", "HIGH")
            ):
                ts.next()
        elif ts.at_any("BASIC", "ADVANCED", "YES", "NO"):
            ts.next()
        return True
    if shape == "filegroup":  # ON [PRIMARY] | ON ps_name (col) | ON "default"
        if ts.at_end or ts.kind() not in ("word", "qident", "string"):
            return False
        if ts.up() in ("UPDATE", "DELETE", "COMMIT"):
            return False
        ts.next()
        if ts.at("("):
            ts.group()
        return True
    if shape == "on_commit":
        while not ts.at_end and ts.up() in ("DELETE", "PRESERVE", "DROP", "ROWS"):
            ts.next()
        return True
    if shape == "rest":
        depth = 0
        while not ts.at_end:
            t = ts.current()
            if t.kind == "punct" and t.text == "(":
                depth += 1
            elif t.kind == "punct" and t.text == ")":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and t.kind == "word" and t.up in _AFTER_PARTITIONING and ts.i > 0:
                break
            ts.next()
        return True
    if shape == "lob":  # LOB (col) STORE AS [SECUREFILE|BASICFILE] [name] [(opts)]
        if ts.at("("):
            ts.group()
        elif not ts.at_end:
            ts.next()
        if ts.accept("STORE", "AS"):
            while ts.at_any("SECUREFILE", "BASICFILE", "CLOB", "BINARY", "XML", "OBJECT", "RELATIONAL", "LOB"):
                ts.next()
            if not ts.at_end and ts.kind() in ("word", "qident") and not ts.at("("):
                if ts.up() not in _AFTER_PARTITIONING:
                    ts.next()
            if ts.at("("):
                ts.group()
        if ts.accept("RETURN", "AS"):  # nested tables: RETURN AS LOCATOR | VALUE
            ts.next()
        return True
    if shape == "cluster":  # CLUSTER name (cols)
        if ts.at_end:
            return False
        ts.name()
        if ts.at("("):
            ts.group()
        return True
    if shape == "using_index":  # USING INDEX [name | (CREATE INDEX ...) | physical options]
        if ts.at("("):
            ts.group()
            return True
        opts: dict[str, str] = {}
        read_options(ts, [ORACLE_PHYSICAL, POSTGRES_TABLE], opts)
        if not opts and not ts.at_end and ts.kind() in ("word", "qident") and ts.up() not in CONSTRAINT_OPTIONS:
            ts.name()
        return True
    if shape == "with_options":  # WITH (PAD_INDEX = OFF, ...) | WITH FILLFACTOR = 90 | WITH CHECK OPTION
        if ts.at("("):
            ts.group()
            return True
        if ts.at("FILLFACTOR"):
            ts.i += 1
            ts.accept("=")
            ts.next()
            return True
        return False
    if shape == "sortkey":
        if ts.at("("):
            ts.group()
        else:
            ts.next()
        return True
    if shape == "dist":  # DISTRIBUTE ON (cols) | ON HASH (cols) | ON RANDOM
        ts.accept("HASH")
        if ts.at("("):
            ts.group()
        else:
            ts.next()
        return True
    if shape == "vertica":  # up to the next Vertica table clause
        while not ts.at_end and ts.up() not in _VERTICA_STOP:
            if ts.at("("):
                ts.group()
            else:
                ts.next()
        return True
    if shape == "refresh":  # Oracle REFRESH [FAST|COMPLETE|FORCE] [ON DEMAND|COMMIT] [START WITH x] [NEXT y]
        while not ts.at_end:
            if ts.at_any(*_REFRESH_WORDS):
                ts.next()
            elif ts.at_any("START", "NEXT"):
                ts.next()
                ts.accept("WITH")
                depth = 0
                while not ts.at_end:
                    t = ts.current()
                    if t.kind == "punct" and t.text == "(":
                        depth += 1
                    elif t.kind == "punct" and t.text == ")":
                        depth -= 1
                    elif (
                        depth == 0 and t.kind == "word" and t.up in ("NEXT", "AS", "ENABLE", "DISABLE", "USING", "WITH")
                    ):
                        break
                    ts.next()
            else:
                break
        return True
    raise ValueError(f"unknown option shape {shape!r}")


_REFRESH_WORDS = frozenset({"FAST", "COMPLETE", "FORCE", "ON", "DEMAND", "COMMIT", "STATEMENT", "PRIMARY", "KEY",
                            "ROWID"})


# Words that end a PARTITION BY clause (options that may follow it).
_AFTER_PARTITIONING = frozenset({
    "ENABLE", "DISABLE", "CACHE", "NOCACHE", "PARALLEL", "NOPARALLEL", "COMPRESS", "NOCOMPRESS",
    "RESULT_CACHE", "ROWDEPENDENCIES", "NOROWDEPENDENCIES", "MONITORING", "LOGGING", "NOLOGGING",
    "FLASHBACK", "ENGINE", "COMMENT", "TABLESPACE", "ON", "WITH", "USING", "INMEMORY",
})
