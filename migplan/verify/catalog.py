"""Reading a real engine's catalog back: tables, columns with their types, constraints, indexes,
sequences, views and comments, in one shape for PostgreSQL and MySQL/MariaDB."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class CatalogColumn:
    name: str
    type: str  # canonical spelling, e.g. "varchar(40)", "numeric(12,2)", "timestamp(0)", "integer"
    nullable: bool
    identity: bool


@dataclass
class Catalog:
    tables: dict[tuple[str, str], dict[str, CatalogColumn]] = field(default_factory=dict)
    constraints: dict[tuple[str, str], dict] = field(default_factory=dict)  # (schema, name) -> {kind, table, columns}
    indexes: dict[tuple[str, str], dict] = field(default_factory=dict)  # (schema, name) -> {table, columns, unique}
    sequences: set[tuple[str, str]] = field(default_factory=set)
    views: set[tuple[str, str]] = field(default_factory=set)
    types: set[tuple[str, str]] = field(default_factory=set)
    comments: dict[tuple, str] = field(default_factory=dict)  # (schema, table[, column]) -> text
    routines: set[tuple[str, str]] = field(default_factory=set)  # functions, procedures, triggers, events


_PG_SKIP = ("pg_catalog", "information_schema", "pg_toast")


def read_postgres(conn) -> Catalog:
    cat = Catalog()
    cols = conn.execute("""
        SELECT c.table_schema, c.table_name, c.column_name, c.is_nullable, c.is_identity,
               format_type(a.atttypid, a.atttypmod)
        FROM information_schema.columns c
        JOIN pg_catalog.pg_attribute a
          ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND t.table_type = 'BASE TABLE'
        ORDER BY c.table_schema, c.table_name, c.ordinal_position""").fetchall()
    for schema, table, col, nullable, identity, typ in cols:
        cat.tables.setdefault((schema, table), {})[col] = CatalogColumn(col, canonical_pg(typ), nullable == "YES",
                                                                         identity == "YES")
    for schema, name, kind, table, cols_ in conn.execute("""
        SELECT n.nspname, con.conname, con.contype, cl.relname,
               array(SELECT att.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, ord)
                     JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = k.n ORDER BY k.ord)
        FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')""").fetchall():
        cat.constraints[(schema, name)] = {"kind": {"p": "primary key", "u": "unique", "f": "foreign key",
                                                    "c": "check", "x": "exclude"}.get(kind, kind),
                                           "table": table, "columns": list(cols_ or [])}
    for schema, name, table, unique, cols_ in conn.execute("""
        SELECT n.nspname, ic.relname, tc.relname, ix.indisunique,
               array(SELECT pg_get_indexdef(ix.indexrelid, k, true) FROM generate_series(1, ix.indnkeyatts) k)
        FROM pg_index ix JOIN pg_class ic ON ic.oid = ix.indexrelid JOIN pg_class tc ON tc.oid = ix.indrelid
        JOIN pg_namespace n ON n.oid = ic.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')""").fetchall():
        cat.indexes[(schema, name)] = {"table": table, "unique": unique, "columns": [c.strip('"') for c in cols_]}
    cat.sequences = {(s, n) for s, n in conn.execute(
        "SELECT sequence_schema, sequence_name FROM information_schema.sequences").fetchall()}
    cat.views = {(s, n) for s, n in conn.execute("""
        SELECT table_schema, table_name FROM information_schema.views
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
        UNION SELECT schemaname, matviewname FROM pg_matviews""").fetchall()}
    cat.types = {(s, n) for s, n in conn.execute("""
        SELECT n.nspname, t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE t.typtype IN ('e', 'd', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema')""").fetchall()}
    for schema, table, col, text in conn.execute("""
        SELECT n.nspname, c.relname, a.attname, d.description
        FROM pg_description d JOIN pg_class c ON c.oid = d.objoid JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0
        WHERE d.classoid = 'pg_class'::regclass""").fetchall():
        cat.comments[(schema, table, col) if col else (schema, table)] = text
    cat.routines = {(s, n) for s, n in conn.execute("""
        SELECT n.nspname, p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
        UNION SELECT n.nspname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal""").fetchall()}
    return cat


def read_mysql(conn, databases: list[str]) -> Catalog:
    cat = Catalog()
    if not databases:
        return cat
    marks = ", ".join(["%s"] * len(databases))
    with conn.cursor() as cur:
        cur.execute(f"""SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, c.IS_NULLABLE, c.EXTRA, c.COLUMN_TYPE,
                               c.COLUMN_COMMENT
                        FROM information_schema.COLUMNS c JOIN information_schema.TABLES t
                          ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
                        WHERE c.TABLE_SCHEMA IN ({marks}) AND t.TABLE_TYPE = 'BASE TABLE'
                        ORDER BY c.TABLE_SCHEMA, c.TABLE_NAME, c.ORDINAL_POSITION""", databases)
        for schema, table, col, nullable, extra, typ, comment in cur.fetchall():
            cat.tables.setdefault((schema, table), {})[col] = CatalogColumn(
                col, canonical_mysql(typ), nullable == "YES", "auto_increment" in (extra or "").lower())
            if comment:
                cat.comments[(schema, table, col)] = comment
        cur.execute(f"""SELECT tc.CONSTRAINT_SCHEMA, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, tc.TABLE_NAME
                        FROM information_schema.TABLE_CONSTRAINTS tc WHERE tc.CONSTRAINT_SCHEMA IN ({marks})""",
                    databases)
        rows = cur.fetchall()
        cur.execute(f"""SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME
                        FROM information_schema.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA IN ({marks})
                        ORDER BY ORDINAL_POSITION""", databases)
        keycols: dict[tuple, list[str]] = {}
        for schema, name, table, col in cur.fetchall():
            keycols.setdefault((schema, table, name), []).append(col)
        for schema, name, kind, table in rows:
            key = (schema, name) if kind != "PRIMARY KEY" else (schema, f"{table}.PRIMARY")
            cat.constraints[key] = {"kind": kind.lower(), "table": table,
                                    "columns": keycols.get((schema, table, name), [])}
        expr_col = "EXPRESSION" if _has_expression_column(cur) else "NULL"  # MySQL 8 only
        cur.execute(f"""SELECT TABLE_SCHEMA, INDEX_NAME, TABLE_NAME, NON_UNIQUE, COLUMN_NAME, {expr_col}
                        FROM information_schema.STATISTICS WHERE TABLE_SCHEMA IN ({marks})
                        ORDER BY TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX""", databases)
        for schema, name, table, non_unique, col, expr in cur.fetchall():
            # MySQL index names are per table: keyed by table too, so two tables' idx_fk_x stay apart
            entry = cat.indexes.setdefault((schema, f"{table}.{name}"),
                                           {"table": table, "unique": not int(non_unique), "columns": []})
            entry["columns"].append(col or expr or "")
        cur.execute(f"SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA IN ({marks})",
                    databases)
        cat.views = {(s, n) for s, n in cur.fetchall()}
        cur.execute(f"""SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES
                        WHERE TABLE_SCHEMA IN ({marks}) AND TABLE_COMMENT <> ''""", databases)
        for schema, table, comment in cur.fetchall():
            cat.comments[(schema, table)] = comment
        cur.execute(f"""SELECT ROUTINE_SCHEMA, ROUTINE_NAME FROM information_schema.ROUTINES
                        WHERE ROUTINE_SCHEMA IN ({marks})
                        UNION SELECT TRIGGER_SCHEMA, TRIGGER_NAME FROM information_schema.TRIGGERS
                        WHERE TRIGGER_SCHEMA IN ({marks})
                        UNION SELECT EVENT_SCHEMA, EVENT_NAME FROM information_schema.EVENTS
                        WHERE EVENT_SCHEMA IN ({marks})""", databases * 3)
        cat.routines = {(s, n) for s, n in cur.fetchall()}
        # MariaDB lists its sequences as tables of type SEQUENCE; MySQL has none, and the query is valid there
        cur.execute(f"""SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES
                        WHERE TABLE_SCHEMA IN ({marks}) AND TABLE_TYPE = 'SEQUENCE'""", databases)
        cat.sequences = {(s, n) for s, n in cur.fetchall()}
    return cat


def _has_expression_column(cur) -> bool:
    cur.execute("SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'information_schema' "
                "AND TABLE_NAME = 'STATISTICS' AND COLUMN_NAME = 'EXPRESSION'")
    return bool(cur.fetchone()[0])


# -- canonical type spellings -----------------------------------------------------------------------
_PG_ALIASES = {
    "character varying": "varchar", "character": "char", "timestamp without time zone": "timestamp",
    "timestamp with time zone": "timestamptz", "time without time zone": "time", "time with time zone": "timetz",
    "double precision": "double precision", "int": "integer", "int4": "integer", "int8": "bigint", "int2": "smallint",
    "float8": "double precision", "float4": "real", "bool": "boolean", "decimal": "numeric",
}


_PG_SEARCH_PATH = ("public.", "pg_catalog.", '"public".', '"pg_catalog".')


def canonical_pg(text: str) -> str:
    """'character varying(40)' -> 'varchar(40)'; 'timestamp(0) without time zone' -> 'timestamp(0)'."""
    t = " ".join(text.lower().split())
    for schema in _PG_SEARCH_PATH:  # format_type() drops the schema of a type on the search path
        if t.startswith(schema):
            t = t[len(schema):]
    params = ""
    if "(" in t:
        head, _, rest = t.partition("(")
        inner, _, tail = rest.partition(")")
        params = "(" + inner.replace(" ", "") + ")"
        t = (head.strip() + " " + tail.strip()).strip()
    arr = ""
    while t.endswith("[]"):
        arr += "[]"
        t = t[:-2].strip()
    base = _PG_ALIASES.get(t, t)
    if base == "numeric" and params and "," not in params:
        params = params[:-1] + ",0)"
    if base == "timestamp" and not params:
        params = "(6)"
    if base == "timestamptz" and not params:
        params = "(6)"
    return base + params + arr


_MYSQL_ALIASES = {"integer": "int", "bool": "tinyint(1)", "boolean": "tinyint(1)", "numeric": "decimal",
                  "dec": "decimal", "double precision": "double", "real": "double", "character varying": "varchar"}


def canonical_mysql(text: str) -> str:
    """'int(11)' -> 'int'; 'varchar(40)' stays; 'decimal(10,2) unsigned' stays."""
    t = " ".join(text.lower().split())
    if t.endswith(" binary") and t.startswith(("char", "varchar", "tinytext", "text", "mediumtext", "longtext")):
        t = t[:-len(" binary")]  # the BINARY attribute is a _bin collation, not part of the type
    for width_free in ("tinyint", "smallint", "mediumint", "int", "bigint"):
        if t.startswith(width_free + "(") and not t.startswith("tinyint(1)"):
            inner = t[len(width_free) + 1:]
            t = width_free + inner[inner.index(")") + 1:]
            break
    head, sep, rest = t.partition("(")
    head = _MYSQL_ALIASES.get(head.strip(), head.strip())
    if head in ("datetime", "time", "timestamp") and (not sep or rest.strip() == "0)"):
        return head  # fractional precision 0 is the default, and the catalog does not spell it
    if head == "year" and rest.strip() in ("", "4)"):
        return "year"  # MariaDB spells YEAR as year(4), MySQL 8 as year: one type
    return (head + sep + rest).replace(", ", ",")


def canonical_expected(type_sql: str, family: str) -> str:
    if family == "postgresql":
        return canonical_pg(type_sql)
    return canonical_mysql(type_sql)
