"""A live PostgreSQL source: its schema (pg_dump --schema-only, or the catalog where no pg_dump can
read this server), its table statistics and its logical-replication settings.

Every read runs in a read-only transaction; pg_dump runs its own read-only snapshot in a session
whose default is read-only too. Names reach SQL as bound parameters or through migplan.quoting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from migplan import quoting
from migplan.dsn import DSN
from migplan.ingest.live.connect import (
    LiveSourceError,
    MissingPrivilegesError,
    one_line,
    pg_connect,
    pg_dump_binaries,
    pg_dump_env,
    run_dump,
)
from migplan.model.schema import LOB_BASES
from migplan.model.stats import SourceFacts, TableStats

# schemas of the server itself, never the user's
_SYSTEM = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' " \
          "AND n.nspname NOT LIKE 'pg\\_temp\\_%'"
# objects that belong to an extension are the extension's (pg_dump leaves them out too)
_NOT_EXTENSION = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass " \
                 "AND d.objid = c.oid AND d.deptype = 'e')"
EXACT_COUNT_BYTES = 64 * 1024 ** 2  # below this a table's rows are counted; above, the planner's estimate
SETTINGS = ("wal_level", "max_replication_slots", "max_wal_senders", "wal_sender_timeout",
            "rds.logical_replication", "max_slot_wal_keep_size", "shared_preload_libraries")


def read(target: DSN, connect_timeout: float | None, database_label: str) -> SourceFacts:
    conn = pg_connect(target, connect_timeout)
    try:
        version_num = int(_one(conn, "SELECT current_setting('server_version_num')"))
        version = _one(conn, "SHOW server_version")
        _check_privileges(conn)
        dump = _dump_tool(version_num)
        if dump is not None:
            major, binary = dump
            ddl = _pg_dump(binary, target, connect_timeout)
            tool = f"pg_dump {major}"
            notes = []
        else:
            ddl = catalog_ddl(conn)
            tool = "catalog queries"
            notes = [f"no pg_dump of version {version_num // 10000} or later was found: the DDL was read from "
                     "the catalog (tables, columns, constraints, indexes, views, sequences, types, routines, "
                     "triggers, comments); install the PostgreSQL client of the server's version for pg_dump's "
                     "complete output"]
        stats = table_stats(conn)
        settings, identity = cdc_settings(conn)
        conn.commit()
    except Exception as err:
        import psycopg

        if isinstance(err, psycopg.Error):
            raise LiveSourceError(f"reading {target} failed: {one_line(target.mask(str(err)))}") from None
        raise
    finally:
        conn.close()
    return SourceFacts("postgresql", f"PostgreSQL {version}", tool, ddl,
                       f"source_ddl/postgresql-{database_label}.sql", stats, settings, identity, notes)


def _one(conn: Any, sql: str, params: tuple = ()) -> Any:
    row = conn.execute(sql, params).fetchone()
    return row[0] if row else None


# -- privileges ----------------------------------------------------------------------------------------
def _check_privileges(conn: Any) -> None:
    """USAGE on every user schema and SELECT on every table: pg_dump locks each table it dumps (which
    needs SELECT) and the statistics read them. All that is missing is listed at once."""
    user = _one(conn, "SELECT current_user")
    missing = [f"USAGE ON SCHEMA {quoting.quote(s, 'postgresql')}" for (s,) in conn.execute(
        f"SELECT n.nspname FROM pg_namespace n WHERE {_SYSTEM} "
        "AND NOT has_schema_privilege(n.oid, 'USAGE') ORDER BY 1")]
    missing += [f"SELECT ON {quoting.qualified([s, t], 'postgresql')}" for s, t in conn.execute(
        f"SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE c.relkind IN ('r', 'p', 'm', 'S') AND {_SYSTEM} AND {_NOT_EXTENSION} "
        "AND NOT has_table_privilege(c.oid, 'SELECT') ORDER BY 1, 2")]
    if missing:
        raise MissingPrivilegesError(user, missing, "Grant them (GRANT USAGE ON SCHEMA ..., GRANT SELECT ON ALL "
                                     "TABLES IN SCHEMA ... TO the user; the pg_read_all_data role covers both) and "
                                     "run again; nothing was read.")


# -- DDL -----------------------------------------------------------------------------------------------
def _dump_tool(server_version_num: int) -> tuple[int, Path] | None:
    major = server_version_num // 10000
    usable = [(v, p) for v, p in pg_dump_binaries() if v >= major]
    return usable[-1] if usable else None  # the oldest one that can read the server: closest to it


def _pg_dump(binary: Path, target: DSN, connect_timeout: float | None) -> str:
    conn_args, env = pg_dump_env(target, connect_timeout)
    argv = [str(binary), "--schema-only", "--no-password", *conn_args]
    if "--restrict-key" in run_dump([str(binary), "--help"], target, env, "pg_dump --help"):
        argv.append("--restrict-key=migplan")  # a fixed key: the same database dumps to the same text
    return run_dump(argv, target, env, "pg_dump")


def catalog_ddl(conn: Any) -> str:
    """The schema rebuilt from the catalog's own deparsers (pg_get_*def, format_type), in pg_dump's
    order: schemas, types, sequences, tables, constraints, indexes, views, routines, triggers,
    comments. A fallback: pg_dump's output is complete, this covers what migplan reads."""
    q = lambda *parts: quoting.qualified(list(parts), "postgresql")  # noqa: E731
    out = ["-- DDL read from the PostgreSQL catalog by migplan", "SET check_function_bodies = false;", ""]
    for (schema,) in conn.execute(f"SELECT n.nspname FROM pg_namespace n WHERE {_SYSTEM} AND n.nspname <> "
                                  "'public' ORDER BY 1"):
        out.append(f"CREATE SCHEMA {q(schema)};")
    for (ext, schema) in conn.execute("SELECT e.extname, n.nspname FROM pg_extension e JOIN pg_namespace n "
                                      "ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1"):
        out.append(f"CREATE EXTENSION IF NOT EXISTS {q(ext)} WITH SCHEMA {q(schema)};")
    for schema, name, labels in conn.execute(
            f"SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_type t "
            f"JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid "
            f"WHERE {_SYSTEM} GROUP BY 1, 2 ORDER BY 1, 2"):
        values = ", ".join(quoting.string(v, "postgresql") for v in labels)
        out.append(f"CREATE TYPE {q(schema, name)} AS ENUM ({values});")
    for schema, name, base, notnull, default, checks in conn.execute(
            f"SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault, "
            f"(SELECT array_agg(pg_get_constraintdef(c.oid) ORDER BY c.conname) FROM pg_constraint c "
            f" WHERE c.contypid = t.oid) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
            f"WHERE t.typtype = 'd' AND {_SYSTEM} ORDER BY 1, 2"):
        extra = (" NOT NULL" if notnull else "") + (f" DEFAULT {default}" if default else "")
        extra += "".join(f" {c}" for c in checks or [])
        out.append(f"CREATE DOMAIN {q(schema, name)} AS {base}{extra};")
    for schema, name, attrs in conn.execute(
            f"SELECT n.nspname, t.typname, array_agg(quote_ident(a.attname) || ' ' || "
            f"format_type(a.atttypid, a.atttypmod) ORDER BY a.attnum) FROM pg_type t "
            f"JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid "
            f"JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
            f"WHERE t.typtype = 'c' AND c.relkind = 'c' AND {_SYSTEM} GROUP BY 1, 2 ORDER BY 1, 2"):
        out.append(f"CREATE TYPE {q(schema, name)} AS ({', '.join(attrs)});")
    for schema, name, typ, start, inc, minv, maxv, cache, cycle in conn.execute(
            f"SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, "
            f"s.seqmax, s.seqcache, s.seqcycle FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid "
            f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {_SYSTEM} AND {_NOT_EXTENSION} "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i') ORDER BY 1, 2"):
        out.append(f"CREATE SEQUENCE {q(schema, name)} AS {typ} START WITH {start} INCREMENT BY {inc} "
                   f"MINVALUE {minv} MAXVALUE {maxv} CACHE {cache}{' CYCLE' if cycle else ''};")
    tables = conn.execute(
        f"SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition, "
        f"pg_get_partkeydef(c.oid), pg_get_expr(c.relpartbound, c.oid), "
        f"(SELECT quote_ident(pn.nspname) || '.' || quote_ident(p.relname) FROM pg_inherits i "
        f" JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace "
        f" WHERE i.inhrelid = c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE c.relkind IN ('r', 'p') AND {_SYSTEM} AND {_NOT_EXTENSION} ORDER BY c.relispartition, 2, 3").fetchall()
    for oid, schema, name, _kind, is_part, partkey, bound, parent in tables:
        if is_part and parent:
            out.append(f"CREATE TABLE {q(schema, name)} PARTITION OF {parent} {bound};")
            continue
        cols = []
        for col, typ, notnull, default, ident, gen in conn.execute(
                "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                "pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated FROM pg_attribute a "
                "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                "WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", (oid,)):
            text = f"    {quoting.quote(col, 'postgresql')} {typ}"
            if gen == "s":
                text += f" GENERATED ALWAYS AS ({default}) STORED"
            elif default is not None:
                text += f" DEFAULT {default}"
            if ident in ("a", "d"):
                text += f" GENERATED {'ALWAYS' if ident == 'a' else 'BY DEFAULT'} AS IDENTITY"
            if notnull:
                text += " NOT NULL"
            cols.append(text)
        tail = f" PARTITION BY {partkey}" if partkey else ""
        out.append(f"CREATE TABLE {q(schema, name)} (\n" + ",\n".join(cols) + f"\n){tail};")
    # constraints: keys and checks first, foreign keys after every table exists
    for schema, table, con, _kind, definition in conn.execute(
            f"SELECT n.nspname, c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid) FROM pg_constraint k "
            f"JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"WHERE k.contype IN ('p', 'u', 'c', 'x', 'f') AND k.conislocal AND {_SYSTEM} AND {_NOT_EXTENSION} "
            "ORDER BY k.contype = 'f', 1, 2, 3"):
        out.append(f"ALTER TABLE ONLY {q(schema, table)} ADD CONSTRAINT {quoting.quote(con, 'postgresql')} "
                   f"{definition};")
    for (definition,) in conn.execute(
            f"SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE {_SYSTEM} AND {_NOT_EXTENSION} "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
            "ORDER BY n.nspname, c.relname"):
        out.append(f"{definition};")
    for schema, name, kind, definition in conn.execute(
            f"SELECT n.nspname, c.relname, c.relkind, pg_get_viewdef(c.oid) FROM pg_class c "
            f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND {_SYSTEM} "
            f"AND {_NOT_EXTENSION} ORDER BY c.oid"):
        what = "MATERIALIZED VIEW" if kind == "m" else "VIEW"
        out.append(f"CREATE {what} {q(schema, name)} AS\n{definition.rstrip().rstrip(';')};")
    for (definition,) in conn.execute(
            f"SELECT pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            f"WHERE p.prokind IN ('f', 'p') AND {_SYSTEM} AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE "
            "d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e') ORDER BY n.nspname, "
            "p.proname, p.oid"):
        out.append(definition.rstrip() + ";")
    for (definition,) in conn.execute(
            f"SELECT pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal AND {_SYSTEM} "
            "ORDER BY n.nspname, c.relname, t.tgname"):
        out.append(f"{definition};")
    for kind, schema, name, column, text in conn.execute(
            f"SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, "
            f"n.nspname, c.relname, a.attname, d.description FROM pg_description d "
            f"JOIN pg_class c ON c.oid = d.objoid AND d.classoid = 'pg_class'::regclass "
            f"JOIN pg_namespace n ON n.oid = c.relnamespace "
            f"LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND d.objsubid > 0 "
            f"WHERE c.relkind IN ('r', 'p', 'v', 'm') AND {_SYSTEM} ORDER BY 2, 3, d.objsubid"):
        literal = quoting.string(text, "postgresql")
        if column is not None:
            out.append(f"COMMENT ON COLUMN {q(schema, name, column)} IS {literal};")
        else:
            out.append(f"COMMENT ON {kind} {q(schema, name)} IS {literal};")
    return "\n".join(out) + "\n"


# -- statistics ----------------------------------------------------------------------------------------
def table_stats(conn: Any) -> dict[str, TableStats]:
    """Rows, bytes (table with its TOAST), LOB bytes and the largest value of each LOB column, the
    range of a single-column numeric primary key, and partition sizes (leaf partitions)."""
    out: dict[str, TableStats] = {}
    rows = conn.execute(
        f"SELECT c.oid, n.nspname, c.relname, c.relkind, c.reltuples::bigint, pg_table_size(c.oid) "
        f"FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE c.relkind IN ('r', 'p', 'm') AND {_SYSTEM} AND {_NOT_EXTENSION} ORDER BY 2, 3").fetchall()
    for oid, schema, name, kind, estimate, size in rows:
        table = quoting.qualified([schema, name], "postgresql")
        st = TableStats(bytes=int(size))
        if kind == "p":
            parts = conn.execute(
                "SELECT c.relname, pg_table_size(t.relid) FROM pg_partition_tree(%s) t "
                "JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf ORDER BY 1", (oid,)).fetchall()
            st.partitions = {p: int(b) for p, b in parts}
            st.bytes = sum(st.partitions.values())
        exact = estimate < 0 or (st.bytes or 0) <= EXACT_COUNT_BYTES
        st.rows = int(_one(conn, f"SELECT count(*) FROM {table}")) if exact else int(estimate)
        lobs = [(c, t) for c, t in conn.execute(
            "SELECT a.attname, upper(t.typname) FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
            "WHERE a.attrelid = %s AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", (oid,))
            if t in LOB_BASES]
        if lobs:
            # the value's bytes as DMS reads it: bytea as is, text in the database encoding, json/xml as text
            exprs = ", ".join(f"max(octet_length({quoting.quote(c, 'postgresql')}{'' if t == 'BYTEA' else '::text'})), "
                              f"sum(pg_column_size({quoting.quote(c, 'postgresql')}))" for c, t in lobs)
            values = conn.execute(f"SELECT {exprs} FROM {table}").fetchone()
            st.max_lob_bytes = {c: int(values[2 * i] or 0) for i, (c, _t) in enumerate(lobs)}
            st.lob_bytes = sum(int(values[2 * i + 1] or 0) for i in range(len(lobs)))
        key = conn.execute(
            "SELECT a.attname FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid "
            "AND a.attnum = k.conkey[1] JOIN pg_type t ON t.oid = a.atttypid WHERE k.conrelid = %s "
            "AND k.contype = 'p' AND cardinality(k.conkey) = 1 "
            "AND t.typname IN ('int2', 'int4', 'int8', 'numeric')", (oid,)).fetchone()
        if key:
            lo, hi = conn.execute(f"SELECT min({quoting.quote(key[0], 'postgresql')}), "
                                  f"max({quoting.quote(key[0], 'postgresql')}) FROM {table}").fetchone()
            st.min_key, st.max_key = (float(lo), float(hi)) if lo is not None else (None, None)
        out[f"{schema}.{name}".upper()] = st
    return out


# -- CDC -----------------------------------------------------------------------------------------------
def cdc_settings(conn: Any) -> tuple[dict[str, str], dict[str, str]]:
    """The settings DMS's PostgreSQL source page asks for, the replication slots in use, the user's
    replication rights, and the REPLICA IDENTITY of every table without a primary key."""
    settings = {name: value for name, value in conn.execute(
        "SELECT name, setting FROM pg_settings WHERE name = ANY(%s) ORDER BY 1", (list(SETTINGS),))}
    settings["replication_slots_used"] = str(_one(conn, "SELECT count(*) FROM pg_replication_slots"))
    role = conn.execute("SELECT rolsuper, rolreplication FROM pg_roles WHERE rolname = current_user").fetchone()
    settings["user_superuser"] = "on" if role and role[0] else "off"
    settings["user_replication"] = "on" if role and role[1] else "off"
    rds_roles = [r for (r,) in conn.execute(
        "SELECT b.rolname FROM pg_roles b WHERE b.rolname IN ('rds_superuser', 'rds_replication') "
        "AND pg_has_role(current_user, b.oid, 'MEMBER') ORDER BY 1")]
    settings["user_rds_roles"] = ",".join(rds_roles)
    # derived values the CDC checks read (migplan/data/cdc.toml [[postgresql.live]])
    try:
        free = int(settings.get("max_replication_slots", "0")) - int(settings["replication_slots_used"])
        settings["replication_slots_free"] = str(max(free, 0))
    except ValueError:
        pass
    can = (role is not None and (role[0] or role[1])) or set(rds_roles) == {"rds_replication", "rds_superuser"}
    settings["user_can_replicate"] = "yes" if can else "no"
    rate = _wal_rate(conn)
    if rate is not None:
        settings["wal_gb_per_hour"] = f"{rate:.4f}"
    identity = {f"{s}.{t}".upper(): r for s, t, r in conn.execute(
        f"SELECT n.nspname, c.relname, c.relreplident FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        f"WHERE c.relkind IN ('r', 'p') AND {_SYSTEM} AND {_NOT_EXTENSION} AND NOT EXISTS (SELECT 1 FROM "
        "pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p') ORDER BY 1, 2")}
    return settings, identity


def _wal_rate(conn: Any) -> float | None:
    """WAL written per hour since the statistics were reset (pg_stat_wal, PostgreSQL 14+): the
    source's change rate, which sizes the changes DMS caches during the full load."""
    try:
        with conn.transaction():
            row = conn.execute("SELECT wal_bytes, extract(epoch FROM now() - stats_reset) FROM pg_stat_wal").fetchone()
    except Exception:  # older server, or no access to the statistics view
        return None
    if not row or row[0] is None or not row[1] or float(row[1]) < 60:
        return None
    return float(row[0]) / 1024 ** 3 / (float(row[1]) / 3600)
