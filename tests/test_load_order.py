"""Proof that the plan's order is right, with data: the sample's DDL is applied to a real target
with foreign keys created BEFORE the load, the sample's rows are loaded wave by wave in the plan's
order without a single foreign-key violation, then the later phases run and the catalog is checked."""

from collections import defaultdict

import pytest

import migplan
from migplan.ingest.files import read_source
from migplan.verify.catalog import read_postgres
from migplan.verify.engines import postgres_session
from tests.conftest import SAMPLES

CASES = [("postgresql/clinic", "postgresql", "aurora-postgresql"),
         ("mysql/bookstore", "mysql", "aurora-postgresql")]


def _data_statements(a, folder, mariadb_dsn=None):
    """Target-side data statements per source table key, in file order.

    PostgreSQL source: the rows load as written (COPY / INSERT). MySQL source: DMS reads typed values
    from the source engine, so each VALUES row is evaluated on a real MariaDB (UNHEX, INET6_ATON,
    ST_GeomFromText... run where they exist) and the values are bound into the target's INSERT."""
    inv = a.inventory
    texts: dict[str, str] = {}
    by_table = defaultdict(list)
    source_conn = _mariadb(mariadb_dsn) if inv.engine.family == "mysql" else None
    try:
        for index, table_key, verb in inv.data:
            stmt = inv.statements[index]
            if verb == "copy":
                src = texts.setdefault(stmt.file, read_source(SAMPLES / folder / stmt.file, stmt.file).text)
                span = src[stmt.start:stmt.end]
                _head, _, rest = span.partition("\n")
                by_table[table_key].append(("copy", stmt.text, rest[: rest.rfind("\\.")]))
            elif source_conn is None:
                by_table[table_key].append(("sql", stmt.text, None))
            else:
                by_table[table_key].extend(_evaluated_rows(stmt.text, a, source_conn))
    finally:
        if source_conn is not None:
            source_conn.close()
    return by_table


def _mariadb(dsn):
    from urllib.parse import urlparse

    import pymysql

    u = urlparse(dsn)
    return pymysql.connect(host=u.hostname, port=u.port, user=u.username, password=u.password or "",
                           charset="utf8mb4")


def _evaluated_rows(text, a, source_conn):
    """INSERT ... VALUES (...), (...) -> one parameterised target INSERT per row, values computed by
    the source engine and adapted the way DMS lands them (BIT -> boolean/bit(n), BLOB -> bytea)."""
    import sqlglot
    from sqlglot import exp

    tree = sqlglot.parse_one(text, read="mysql")
    if not isinstance(tree, exp.Insert):  # e.g. the UPDATE that closes a foreign-key cycle
        return [("sql", tree.sql(dialect="postgres"), None)]
    assert isinstance(tree.this, exp.Schema), text[:80]
    table = tree.this.this.name.lower()
    conv = next(c for c in a.conversion.objects if c.statements and c.statements[0].kind == "table"
                and c.statements[0].expect["table"][1] == table)
    types = {col["name"]: col["type"] for col in conv.statements[0].expect["columns"]}
    cols = [c.name.lower() for c in tree.this.expressions]
    marks = ", ".join(f"%s::{types[c]}" if types[c].startswith("bit") else "%s" for c in cols)
    sql = f"INSERT INTO {conv.statements[0].table} ({', '.join(cols)}) VALUES ({marks})"
    out = []
    with source_conn.cursor() as cur:
        for row in tree.expression.expressions:
            cur.execute("SELECT " + ", ".join(v.sql(dialect="mysql") for v in row.expressions))
            values = [_land(v, types[c]) for c, v in zip(cols, cur.fetchone())]
            out.append(("params", sql, values))
    return out


def _land(value, target_type):
    if value is None:
        return None
    if target_type == "boolean":
        return bool(int.from_bytes(value, "big") if isinstance(value, bytes) else int(value))
    if target_type.startswith("bit") and isinstance(value, bytes):
        n = int(target_type[4:-1] or 1) if "(" in target_type else 1
        return format(int.from_bytes(value, "big"), f"0{n}b")
    return value


@pytest.mark.engine
@pytest.mark.parametrize("folder,source,target", CASES, ids=[c[0] for c in CASES])
def test_waves_load_without_foreign_key_violations(folder, source, target, pg_dsn, request):
    import psycopg

    a = migplan.assess(SAMPLES / folder, source, target, fks_during_load=True)
    plan = a.plan
    assert len(plan.waves) > 1
    data = _data_statements(a, folder, request.getfixturevalue("mariadb_dsn") if source == "mysql" else None)
    session = postgres_session(pg_dsn)
    conn = session.conn
    try:
        for _, st in plan.ddl["before full load"]:
            conn.execute(st.sql)
        fk_before = sum(1 for _, st in plan.ddl["before full load"] if st.kind == "foreign key")
        assert fk_before > 0, "the foreign keys must be present during this load"
        loaded = 0
        # PostgreSQL -> PostgreSQL: DMS reads the partitions, not the parent (aws_dms_sct.md §7.4); the
        # sample's rows are written through the parent, so they load with its first partition
        parent_of = {t.qname: t.partition_of for t in a.inventory.tables if t.partition_of}
        done = set()
        for wave in plan.waves:
            for t in wave.tables:
                keys = [t.qname, parent_of.get(t.qname)]
                keys = [k.upper() if a.inventory.engine.case_insensitive else k for k in keys if k and k not in done]
                done.update(keys)
                for kind, sql, payload in [row for k in keys for row in data.get(k, [])]:
                    try:
                        if kind == "copy":
                            with conn.cursor().copy(sql) as cp:
                                cp.write(payload)
                        else:
                            conn.execute(sql, payload)
                    except psycopg.errors.ForeignKeyViolation as err:
                        pytest.fail(f"wave {wave.number} table {t.qname}: foreign-key violation: {err}")
                    loaded += 1
        assert loaded > 20
        for phase in ("before cached changes", "after cached changes", "cutover"):
            for _, st in plan.ddl[phase]:
                conn.execute(st.sql)
        for stmt in plan.reseed_sql():
            if not stmt.startswith("--"):
                conn.execute(stmt)
        cat = read_postgres(conn)
        expected_fks = {st.name for c in a.conversion.objects for st in c.statements if st.kind == "foreign key"}
        present = {name for (_, name), v in cat.constraints.items() if v["kind"] == "foreign key"}
        assert expected_fks <= present
        for c in a.conversion.objects:
            if c.statements and c.statements[0].kind == "table" and data.get(
                    c.source.qname.upper() if a.inventory.engine.case_insensitive else c.source.qname):
                n = conn.execute(f"SELECT count(*) FROM {c.statements[0].table}").fetchone()[0]
                assert n > 0, c.target_qname
    finally:
        session.close()
