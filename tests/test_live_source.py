"""A live source read instead of scripts (migplan.ingest.live), on the real embedded PostgreSQL and a
real MariaDB loaded with our sample schemas, their rows and generated ones:

- the live assessment equals the script assessment of the same schema (objects and items), apart from
  the differences listed here with their reason (what only the server or its dump tool writes);
- the plan uses the real sizes (load order, LobMaxSize, parallel-load ranges, instance sizing);
- the CDC settings are checked passed/failed;
- read-only, missing privileges listed before anything is read, no password in any message or output.
"""

from __future__ import annotations

import collections
import json
import math

import pytest

import migplan
from migplan.cli import main
from migplan.dsn import ConnectError
from migplan.ingest.live import LiveSourceError, MissingPrivilegesError, looks_like_dsn, read_source
from migplan.plan.load import read_table_stats_checked
from tests.conftest import SAMPLES
from tests.live_samples import bookstore_script, load_bookstore, load_clinic, mariadb_client

ROWS = 3000  # generated rows on top of the samples' own
PG_LOB = 3_000_000  # one jsonb value of this size in clinic.audit_log
MY_LOB = 60_000  # one TEXT value of this size in bookstore.reviews (TEXT holds 64 KB)


@pytest.fixture(scope="module")
def clinic(pg_dsn):
    return load_clinic(pg_dsn, "clinic_live", rows=ROWS, lob=PG_LOB)


@pytest.fixture(scope="module")
def bookstore(mariadb_dsn):
    return load_bookstore(mariadb_dsn, "bookstore_live", rows=ROWS, lob=MY_LOB)


@pytest.fixture(scope="module")
def clinic_live(clinic):
    return migplan.assess(clinic, "postgresql", "aurora-mysql")


@pytest.fixture(scope="module")
def bookstore_live(bookstore):
    return migplan.assess(bookstore, "mysql", "aurora-postgresql")


def _objects(a) -> collections.Counter:
    return collections.Counter((o.kind, o.qname.lower()) for o in a.inventory.objects)


def _items(a) -> collections.Counter:
    return collections.Counter((i.code, (i.object or "").lower()) for i in a.action_items.items)


# -- the live assessment equals the script assessment ------------------------------------------------------
def test_postgresql_live_equals_scripts(clinic_live):
    script = migplan.assess(SAMPLES / "postgresql/clinic", "postgresql", "aurora-mysql")
    live_o, script_o = _objects(clinic_live), _objects(script)
    # roles are the cluster's, not the database's: pg_dump does not write them (roles.sql does)
    roles = {name for kind, name in script_o if kind == "role"}
    cluster = {("role", r) for r in roles} | {("grant", r) for r in roles if ("grant", r) in script_o}
    # a `serial` column of the script is written by pg_dump as a sequence OWNED BY the column
    serials = {(t.qname.lower(), c.name.lower()) for t in script.inventory.tables for c in t.columns
               if c.identity and c.identity.kind == "serial"}
    expanded = {("sequence", f"{t.rsplit('.', 1)[0]}.{t.rsplit('.', 1)[1]}_{c}_seq") for t, c in serials}
    assert set(script_o - live_o) == cluster
    assert set(live_o - script_o) == expanded
    assert sum(live_o.values()) - len(expanded) == sum(script_o.values()) - len(cluster) == 78
    # items: DMS005 (identity not carried) names the script's serial columns; pg_dump's sequence form is
    # re-seeded through source_sequence_values.sql instead. A partition the script declares `PARTITION
    # OF` has no columns of its own, while pg_dump 14+ writes them out: its LOB columns get DMS004.
    no_columns = {t.qname.lower() for t in script.inventory.tables if t.partition_of and not t.columns}
    live_i, script_i = _items(clinic_live), _items(script)
    assert set(script_i - live_i) == {("DMS005", t) for t, _c in serials}
    lob_partitions = {("DMS004", t.qname.lower()) for t in clinic_live.inventory.tables
                      if t.qname.lower() in no_columns and any(c.is_lob for c in t.columns)}
    assert set(live_i - script_i) == lob_partitions
    common = sum((live_i & script_i).values())
    assert common == sum(script_i.values()) - len(serials) == 107


def test_mariadb_live_equals_scripts(bookstore_live):
    script = migplan.assess_text(bookstore_script(), "mysql", "aurora-postgresql", default_schema="bookstore_live",
                                 path="schema.sql")
    live_o, script_o = _objects(bookstore_live), _objects(script)
    # mariadb-dump --databases writes the CREATE DATABASE the sample leaves to whoever loads it
    assert set(live_o - script_o) == {("database", "bookstore_live")}
    assert not script_o - live_o
    assert sum(script_o.values()) == 57
    # MariaDB stores a JSON column as LONGTEXT with CHECK (json_valid(col)): migplan reads that back as
    # the JSON column it is, so the live items are the script's
    json_cols = collections.Counter(t.qname.lower() for t in script.inventory.tables for c in t.columns
                                    if c.type.base == "JSON")
    live_i, script_i = _items(bookstore_live), _items(script)
    assert live_i == script_i
    assert sum((live_i & script_i).values()) == sum(script_i.values())
    assert json_cols


# -- the plan uses the real sizes ----------------------------------------------------------------------------
def test_plan_uses_the_live_sizes(clinic_live):
    plan = clinic_live.plan
    facts = clinic_live.source_facts
    assert facts.tool.startswith("pg_dump ") and facts.server.startswith("PostgreSQL ")
    for t in plan.tables:
        assert t.stats.bytes == facts.stats[t.qname.upper()].bytes and t.stats.bytes > 0, t.qname
    order = sorted(plan.tables, key=lambda t: -t.load_order)
    assert order[0].qname == "clinic.audit_log"  # the generated rows made it the biggest
    assert [t.stats.bytes for t in order] == sorted((t.stats.bytes for t in order), reverse=True)
    assert facts.stats["CLINIC.AUDIT_LOG"].rows == 9 + ROWS + 1
    assert facts.stats["CLINIC.AUDIT_LOG"].max_lob_bytes["row_data"] >= PG_LOB
    step = next(s for s in plan.steps if s.number == "3.1")
    assert "table sizes from the live source: the biggest tables start first" in " ".join(step.notes)
    # LobMaxSize: 3 x the largest LOB value measured (DMS's binary form)
    want = math.ceil(facts.stats["CLINIC.AUDIT_LOG"].max_lob_bytes["row_data"] * 3 / 1024)
    assert clinic_live.dms.task_settings()["TargetMetadata"]["LobMaxSize"] == want
    assert "largest LOB value measured on the source" in clinic_live.cdc.markdown()
    sizing = plan.instance_sizing(True)
    assert sizing.instance_class == "dms.r5.large"
    assert any("GB to load in 18 of 18 tables" in r for r in sizing.reasons)
    assert "Replication instance: `dms.r5.large`" in clinic_live.dms.files()["README.md"]


def test_parallel_load_ranges_from_the_live_key_range(bookstore):
    a = migplan.assess(bookstore, "mysql", "aurora-postgresql", parallel_threshold_gb=0.0001)
    reviews = next(t for t in a.plan.tables if t.qname == "bookstore_live.reviews")
    st = a.source_facts.stats["BOOKSTORE_LIVE.REVIEWS"]
    assert st.min_key == 1 and st.max_key >= ROWS
    assert reviews.parallel["type"] == "ranges" and reviews.parallel["columns"] == ["id"]
    bounds = [int(b[0]) for b in reviews.parallel["boundaries"]]
    assert bounds == sorted(bounds) and st.min_key < bounds[0] and bounds[-1] < st.max_key
    # the LOB setting follows the real largest value, above the 32 KB default
    row = next(r for r in a.cdc.tables if r.table == "bookstore_live.reviews")
    assert row.lob_max_kb == math.ceil(MY_LOB * 3 / 1024)


def test_postgresql_partitions_load_by_ranges_only(clinic):
    """DMS reads a PostgreSQL source in parallel by ranges, not partitions (the table-settings page):
    a big partitioned table without a single-column numeric key gets the note, never partitions-auto."""
    a = migplan.assess(clinic, "postgresql", "aurora-mysql", parallel_threshold_gb=0.000001)
    parted = [t for t in a.plan.tables if t.stats.partitions or t.qname == "clinic.lab_results"]
    assert parted and all(t.parallel and t.parallel["type"] == "ranges" for t in parted)


def test_change_rate_sizes_the_storage(clinic):
    a = migplan.assess(clinic, "postgresql", "aurora-mysql", change_gb_per_hour=50.0, throughput_mb_s=0.0001)
    sizing = a.plan.instance_sizing(True)
    assert sizing.storage_gb > 100 and sizing.storage_gb % 50 == 0
    assert any("GB/h of changes" in r for r in sizing.reasons)
    assert a.dms.cloudformation()["Parameters"]["AllocatedStorage"]["Default"] == sizing.storage_gb


# -- CDC readiness from the live settings ---------------------------------------------------------------
def test_postgresql_cdc_checks(clinic_live, pg_dsn):
    checks = {c["name"]: c for c in clinic_live.cdc.live_checks}
    wal = checks["Logical decoding: wal_level is logical"]
    assert wal["status"] == "failed" and wal["found"] == "wal_level = replica"  # the embedded server's setting
    assert checks["A replication slot free for the DMS task"]["status"] == "passed"
    keyless = next(c for n, c in checks.items() if n.startswith("Tables without a primary key"))
    assert keyless["status"] == "failed" and "clinic.audit_log" in keyless["found"]
    md = clinic_live.cdc.markdown()
    assert "### Checked on the live source (PostgreSQL" in md and "| failed |" in md
    # after the fix, the same check passes (a database of its own)
    dsn = load_clinic(pg_dsn, "clinic_identity")
    import psycopg

    with psycopg.connect(**migplan.dsn.parse(dsn).psycopg_kwargs(), autocommit=True) as conn:
        conn.execute("ALTER TABLE clinic.audit_log REPLICA IDENTITY FULL")
    a = migplan.assess(dsn, "postgresql", "aurora-mysql")
    keyless = next(c for c in a.cdc.live_checks if c["name"].startswith("Tables without a primary key"))
    assert keyless["status"] == "passed"


def test_mariadb_cdc_checks(bookstore_live):
    checks = {c["name"]: c["status"] for c in bookstore_live.cdc.live_checks}
    assert checks == {"Binary log on": "failed", "Binary log format ROW": "failed", "Full row image": "passed",
                      "Server id set": "passed", "Binary logs kept at least 24 hours": "passed",
                      "This user can read the binary log (REPLICATION SLAVE and REPLICATION CLIENT or BINLOG "
                      "MONITOR)": "passed"}


# -- read-only, privileges, secrets --------------------------------------------------------------------------
def test_postgresql_missing_privileges_listed_then_read_only_user_reads(clinic, pg_dsn):
    import psycopg

    target = migplan.dsn.parse(clinic)
    with psycopg.connect(**target.psycopg_kwargs(), autocommit=True) as conn:
        for role in ("migplan_nobody", "migplan_reader"):
            conn.execute(f"DROP OWNED BY {role}" if conn.execute(
                "SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone() else "SELECT 1")
            conn.execute(f"DROP ROLE IF EXISTS {role}")
            conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute("GRANT USAGE ON SCHEMA clinic TO migplan_reader")
        conn.execute("GRANT SELECT ON ALL TABLES IN SCHEMA clinic TO migplan_reader")
        conn.execute("GRANT SELECT ON ALL SEQUENCES IN SCHEMA clinic TO migplan_reader")
        # no temporary objects: the reader could not create one anyway
        conn.execute('REVOKE TEMPORARY ON DATABASE "clinic_live" FROM PUBLIC')
    nobody = migplan.dsn.DSN("postgresql", target.host, target.port, "migplan_nobody", None, "clinic_live")
    with pytest.raises(MissingPrivilegesError) as err:
        read_source(nobody, "postgresql")
    assert 'USAGE ON SCHEMA "clinic"' in str(err.value)
    assert 'SELECT ON "clinic"."audit_log"' in str(err.value) and "nothing was read" in str(err.value)
    reader = migplan.dsn.DSN("postgresql", target.host, target.port, "migplan_reader", None, "clinic_live")
    facts = read_source(reader, "postgresql")
    assert facts.stats["CLINIC.AUDIT_LOG"].rows == 9 + ROWS + 1
    assert facts.settings["user_can_replicate"] == "no"


def test_mariadb_missing_privileges_and_no_password_anywhere(bookstore, mariadb_dsn, tmp_path):
    secret = "Pa55-w0rd-not-to-see"
    mariadb_client(mariadb_dsn, None, "DROP USER IF EXISTS 'mp_reader'@'%'; "
                   f"CREATE USER 'mp_reader'@'%' IDENTIFIED BY '{secret}'; "
                   "GRANT SELECT ON bookstore_live.* TO 'mp_reader'@'%';")
    server = migplan.dsn.parse(mariadb_dsn)
    dsn = f"mysql://mp_reader:{secret}@{server.host}:{server.port}/bookstore_live"
    with pytest.raises(MissingPrivilegesError) as err:
        read_source(dsn, "mysql")
    text = str(err.value)
    assert "SELECT ON" not in text.split("missing:")[1].split(".")[0]  # SELECT was granted
    for priv in ("SHOW VIEW", "TRIGGER", "EVENT", "EXECUTE"):
        assert f"{priv} ON `bookstore_live`.*" in text
    assert "the routines of `bookstore_live`" in text and secret not in text
    with pytest.raises(ConnectError) as err:
        read_source(dsn.replace(secret, secret + "x"), "mysql")
    assert secret not in str(err.value)
    mariadb_client(mariadb_dsn, None, "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT, EXECUTE ON bookstore_live.* TO "
                   "'mp_reader'@'%'; GRANT SELECT ON mysql.proc TO 'mp_reader'@'%';")
    a = migplan.assess(dsn, "mysql", "aurora-postgresql")
    assert a.source_facts.settings["user_can_replicate"] == "no"
    out = a.write(tmp_path / "out")
    for f in out.rglob("*"):
        if f.is_file():
            assert secret not in f.read_text("utf-8", "replace"), f
    assert secret not in repr(a) and "mp_reader" not in json.dumps(a.to_dict())


def test_cli_reads_the_dsn_from_the_environment(clinic, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MIGPLAN_SOURCE_DSN", clinic)
    out = tmp_path / "out"
    assert main(["assess", "-s", "postgresql", "-t", "aurora-mysql", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "read from the live source: PostgreSQL" in printed and "source_ddl/postgresql-clinic_live.sql" in printed
    assert (out / "source_ddl" / "postgresql-clinic_live.sql").read_text().count("CREATE TABLE") >= 18
    doc = json.loads((out / "assessment.json").read_text())
    assert doc["live_source"]["ddl_file"] == "source_ddl/postgresql-clinic_live.sql"
    from tests.test_assessment_schema import SCHEMA, _validate

    _validate(doc)
    assert list(doc) == [*SCHEMA["required"], "live_source"]  # the optional key comes last
    assert main(["assess", "scripts/", "-s", "postgresql", "-t", "aurora-mysql"]) == 2  # paths and a DSN


def test_same_database_same_assessment(bookstore, bookstore_live):
    """Reading the same database twice gives the same document byte for byte (the dump's date is off)."""
    again = migplan.assess(bookstore, "mysql", "aurora-postgresql")
    assert again.source_facts.ddl == bookstore_live.source_facts.ddl
    assert json.dumps(again.to_dict()) == json.dumps(bookstore_live.to_dict())


def test_offline_rerun_from_the_written_files(clinic_live, tmp_path):
    """source_ddl/ holds what the run read: the same plan without the server."""
    out = clinic_live.write(tmp_path / "out")
    ddl = out / clinic_live.source_facts.ddl_file
    offline = migplan.assess(ddl, "postgresql", "aurora-mysql", table_stats=ddl.parent / "table_stats.csv")
    assert offline.plan.stats_problems == []
    assert _items(offline) == _items(clinic_live) and _objects(offline) == _objects(clinic_live)
    assert [(t.qname, t.load_order, t.stats.bytes) for t in offline.plan.tables] == \
        [(t.qname, t.load_order, t.stats.bytes) for t in clinic_live.plan.tables]
    assert offline.dms.task_settings() == clinic_live.dms.task_settings()
    assert offline.cdc.live_checks == []  # settings are what only the live source knows


# -- the catalog path where no dump tool can read the server --------------------------------------------------
def test_postgresql_catalog_ddl_reads_the_same_storage_objects(clinic_live, clinic):
    from migplan.ingest.live import postgresql
    from migplan.ingest.live.connect import pg_connect

    conn = pg_connect(migplan.dsn.parse(clinic), 10)
    try:
        ddl = postgresql.catalog_ddl(conn)
    finally:
        conn.close()
    a = migplan.assess_text(ddl, "postgresql", "aurora-mysql", path="catalog.sql")
    kinds = ("table", "view", "materialized view", "sequence", "index", "type", "domain", "routine", "trigger")
    dump = {k for k in _objects(clinic_live) if k[0] in kinds}
    catalog = {k for k in _objects(a) if k[0] in kinds}
    assert dump == catalog
    assert not [p for p in a.inventory.problems]


def test_mariadb_show_create_reads_the_same_objects(bookstore_live, bookstore):
    from migplan.ingest.live import mysql
    from migplan.ingest.live.connect import mysql_connect

    conn = mysql_connect(migplan.dsn.parse(bookstore), 10)
    try:
        with conn.cursor() as cur:
            ddl = mysql.catalog_ddl(cur, ["bookstore_live"])
    finally:
        conn.close()
    a = migplan.assess_text(ddl, "mysql", "aurora-postgresql", path="catalog.sql")
    assert _objects(a) == _objects(bookstore_live)


# -- the statistics CSV and the queries that write it -----------------------------------------------------------
def test_stats_query_output_reads_back_as_the_live_statistics(bookstore, bookstore_live, tmp_path):
    """migplan stats-query -s mysql, run on the real server as a DBA would: its CSV gives the plan the
    same LOB maxima and key ranges as the live read."""
    from migplan.plan.statsquery import entry_for

    _key, q = entry_for("mariadb")
    import pymysql

    kw = migplan.dsn.parse(bookstore).pymysql_kwargs()
    rows = []
    with pymysql.connect(**kw) as conn, conn.cursor() as cur:
        cur.execute(q["sizes"])
        rows += [r for r in cur.fetchall() if r[0] == "bookstore_live"]
        for generator in ("lobs", "keys"):
            cur.execute(q[generator])
            for (select,) in cur.fetchall():
                if "bookstore_live" in select:
                    cur.execute(select)
                    rows += cur.fetchall()
    path = tmp_path / "stats.csv"
    lines = ["schema,table,partition,column,rows,bytes,lob_bytes,max_lob_bytes,min_key,max_key"]
    lines += [",".join("" if v is None else str(v) for v in r) for r in rows]
    path.write_text("\n".join(lines) + "\n")
    stats, problems = read_table_stats_checked(path)
    assert problems == []
    live = bookstore_live.source_facts.stats
    assert set(stats) == set(live)
    for key, st in live.items():
        assert stats[key].max_lob_bytes == st.max_lob_bytes, key
        assert (stats[key].min_key, stats[key].max_key) == (st.min_key, st.max_key), key


def test_stats_csv_bad_rows_are_messages_with_file_and_line(tmp_path):
    path = tmp_path / "stats.csv"
    path.write_text("schema,table,rows,bytes,colour\n"
                    "RETAIL,ORDERS,10,2048,red\n"
                    "RETAIL,CUSTOMERS,ten,2048,\n"
                    "RETAIL,PAYMENTS,5,-1,\n"
                    ",,1,1,\n"
                    "RETAIL,ORDERS,11,,\n")
    stats, problems = read_table_stats_checked(path)
    assert list(stats) == ["RETAIL.ORDERS"] and stats["RETAIL.ORDERS"].rows == 10
    assert [(p.line, p.message.split(";")[0]) for p in problems] == [
        (1, "unknown column(s) colour ignored"),
        (3, "rows 'ten' is not a number"),
        (4, "bytes '-1' is not a whole number of zero or more"),
        (5, "no table name"),
        (6, "RETAIL.ORDERS: rows given twice (the first is kept)"),
    ]
    assert all(p.file == str(path) for p in problems)
    a = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql", table_stats=path)
    notes = " ".join(next(s for s in a.plan.steps if s.number == "3.1").notes)
    assert f"table statistics: {path}:3: rows 'ten' is not a number; row left out" in notes


def test_stats_query_for_engines_migplan_cannot_reach():
    from migplan.plan.statsquery import stats_query

    for engine, marker in (("oracle", "DBMS_LOB.GETLENGTH"), ("sqlserver", "DATALENGTH"), ("db2-luw", "db2look"),
                           ("teradata", "DBC.TableSizeV")):
        text = stats_query(engine)
        assert marker in text and "schema,table,partition,column,rows,bytes" in text
        assert not [w for w in ("INSERT ", "UPDATE ", "DELETE ", "CREATE TABLE", "DROP ") if w in text.upper()]
    with pytest.raises(migplan.errors.MigplanError, match="no statistics query for Apache Cassandra"):
        stats_query("cassandra")


def test_what_looks_like_a_dsn(tmp_path):
    assert looks_like_dsn("postgresql://u@h/db") and looks_like_dsn("host=db user=app dbname=x")
    assert not looks_like_dsn(str(tmp_path)) and not looks_like_dsn("scripts/") and not looks_like_dsn(["a"])
    with pytest.raises(LiveSourceError, match="for MySQL/MariaDB, but the source engine is PostgreSQL"):
        read_source("mysql://u@127.0.0.1:1/x", "postgresql")
    with pytest.raises(LiveSourceError, match="extract the DDL with the engine's tools"):
        read_source("postgresql://u@h/x", "oracle")


def test_dump_tool_read_lines():
    """What pg_dump and mariadb-dump write is read without an item: pg_dump's ALTER SEQUENCE ... OWNER
    TO, mariadb-dump's first line (the client's sandbox command in a version comment)."""
    from migplan.inventory import load_text

    inv = load_text("CREATE SEQUENCE app.s;\nALTER SEQUENCE app.s OWNER TO app_owner;\n", "postgresql")
    assert inv["app.s"].attrs["owner"] == "app_owner" and not inv.problems
    a = migplan.assess_text("CREATE SEQUENCE app.s;\nALTER SEQUENCE app.s OWNER TO app_owner;\n", "postgresql",
                            "aurora-mysql")
    assert "PRS001" not in {i.code for i in a.action_items.items}
    text = "/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19\nCREATE TABLE t (a int);\n"
    a = migplan.assess_text(text, "mysql", "aurora-postgresql")
    assert "PRS001" not in {i.code for i in a.action_items.items}
    assert next(s.client for s in a.inventory.statements) == "sandbox"


def test_pg_dump_too_old_for_the_server_falls_back_to_the_catalog(clinic, monkeypatch):
    """Debian's pg_dump 15 refuses a PostgreSQL 18 server: with no pg_dump new enough the catalog is read."""
    from migplan.ingest.live import postgresql

    monkeypatch.setattr(postgresql, "pg_dump_binaries", lambda: [(15, "/usr/bin/pg_dump")])
    facts = read_source(clinic, "postgresql")
    assert facts.tool == "catalog queries" and "no pg_dump of version" in facts.notes[0]
    assert facts.ddl.count("CREATE TABLE") >= 18
