"""IBM Db2 LUW as a source: CLP scripts split as the CLP runs them, Db2's types, identity, temporal
and storage clauses read, its SQL rewritten for PostgreSQL and MySQL, and the bank sample end to end
(assess -> converted DDL -> verification on the real engine -> plan -> DMS artifacts) per target."""

from __future__ import annotations

import json

import botocore.session
import pytest
from botocore.validate import ParamValidator

import migplan
from migplan.assessment import assess_text
from migplan.dms import cloudformation
from tests.conftest import SAMPLES

BANK = SAMPLES / "db2" / "bank"
TARGETS = ("aurora-postgresql", "aurora-mysql", "postgresql", "mysql")


def _kinds(text: str) -> list[tuple[int, str, str | None]]:
    inv = migplan.load_text(text, "db2-luw")
    return [(r.line, r.kind, r.object) for r in inv.records]


def _sql(text: str, target: str) -> str:
    a = assess_text(text, "db2-luw", target, force=True)
    return "\n".join(s.sql for o in a.conversion.objects for s in o.statements)


# -- reading: the CLP's terminators and commands -----------------------------------------------------


def test_set_terminator_switches_between_semicolon_and_at():
    script = ("CONNECT TO bank;\nSET SCHEMA app;\n--#SET TERMINATOR @\n"
              "CREATE PROCEDURE app.p () LANGUAGE SQL BEGIN DECLARE v INT; SET v = 1; END\n@\n"
              "--#SET TERMINATOR ;\nCREATE TABLE app.t (a INT);\n")
    kinds = _kinds(script)
    assert (4, "create procedure", "APP.P") in kinds  # the body's ';' did not end it
    assert (6, "client --#SET TERMINATOR", None) in kinds and (7, "create table", "APP.T") in kinds
    assert (2, "session set", None) in kinds  # the statement before the first switch ends at ';'


def test_at_terminated_scripts_without_set_terminator():
    script = "CREATE TABLE t (a INT)@\nCREATE PROCEDURE p () BEGIN DECLARE v INT; SET v = 1; END@\n"
    assert [k for _, k, _ in _kinds(script)] == ["create table", "create procedure"]


def test_connect_to_sets_the_schema_only_from_its_user_and_hides_the_password():
    inv = migplan.load_text("CONNECT TO sample USER bob USING s3cret;\nCREATE TABLE t (a INT);\nCONNECT RESET;\n"
                            "CONNECT TO other;\nCREATE TABLE u (a INT);\n", "db2-luw")
    assert [o.qname for o in inv.objects] == ["BOB.T", "BOB.U"]
    assert "s3cret" not in json.dumps([s.text for s in inv.statements])


# -- reading: Db2 table clauses ---------------------------------------------------------------------


def test_db2_table_clauses_are_read_in_full():
    inv = migplan.load_text("""
CREATE TABLE bank.t (
  id      BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY (START WITH 100, INCREMENT BY 1, CACHE 10),
  code    CHAR(8) FOR BIT DATA NOT NULL,
  doc     BLOB(2G) NOT LOGGED COMPACT,
  body    CLOB(1M) INLINE LENGTH 1000,
  changed TIMESTAMP NOT NULL GENERATED ALWAYS FOR EACH ROW ON UPDATE AS ROW CHANGE TIMESTAMP,
  sys_start TIMESTAMP(12) NOT NULL GENERATED ALWAYS AS ROW BEGIN,
  sys_end   TIMESTAMP(12) NOT NULL GENERATED ALWAYS AS ROW END,
  PERIOD SYSTEM_TIME (sys_start, sys_end),
  PRIMARY KEY (id)
) IN ts_data INDEX IN ts_idx LONG IN ts_lob ORGANIZE BY ROW DATA CAPTURE CHANGES;
CREATE TABLE bank.mqt AS (SELECT id FROM bank.t) DATA INITIALLY DEFERRED REFRESH DEFERRED
  ENABLE QUERY OPTIMIZATION MAINTAINED BY SYSTEM;
""", "db2-luw")
    t = inv.lookup("table", "BANK", "T")
    assert t.status == "parsed", t.message
    assert t.options["IN"] == "ts_data" and "DATA CAPTURE CHANGES" in t.options
    assert t.column("ID").identity.start == "100"
    assert t.column("CODE").type.modifiers == ("FOR BIT DATA",)
    assert t.column("CHANGED").on_update == "CURRENT TIMESTAMP"
    assert t.column("SYS_START").attrs["period_column"] == "BEGIN"
    assert inv.lookup("table", "BANK", "MQT").status == "parsed"


# -- types -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("db2", "pg", "my"), [
    ("DECFLOAT(34)", "numeric", "decimal(65,30)"),
    ("DECIMAL", "numeric(5,0)", "decimal(5,0)"),
    ("GRAPHIC(10)", "char(10)", "char(10)"),
    ("VARGRAPHIC(200)", "varchar(200)", "varchar(200)"),
    ("DBCLOB(64K)", "text", "longtext"),
    ("CLOB(1M)", "text", "longtext"),
    ("BLOB(2G)", "bytea", "longblob"),
    ("CHAR(16) FOR BIT DATA", "bytea", "binary(16)"),
    ("VARCHAR(64) FOR BIT DATA", "bytea", "varbinary(64)"),
    ("XML", "xml", "longtext"),
    ("TIMESTAMP", "timestamp(6)", "datetime(6)"),
    ("TIMESTAMP(12)", "timestamp(6)", "datetime(6)"),
    ("TIME", "time(0)", "time"),
    ("DATE", "date", "date"),
])
def test_types(db2, pg, my):
    ddl = f"CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY, c {db2});"
    assert f"c {pg}" in _sql(ddl, "aurora-postgresql")
    assert f"c {my}" in _sql(ddl, "aurora-mysql")


# -- expressions -----------------------------------------------------------------------------------

_TABLES = """CREATE TABLE loans (id INTEGER NOT NULL PRIMARY KEY, starts DATE NOT NULL, months SMALLINT,
  amount DECIMAL(15,2), paid DECIMAL(15,2), created TIMESTAMP NOT NULL DEFAULT CURRENT TIMESTAMP,
  who VARCHAR(128) NOT NULL WITH DEFAULT USER);
"""


def test_labeled_durations_registers_and_value():
    view = _TABLES + """CREATE VIEW v AS SELECT id, starts + months MONTHS AS ends, CURRENT DATE - 30 DAYS AS since,
  DAYS(CURRENT DATE) - DAYS(starts) AS age, VALUE(paid, 0) AS paid FROM loans WITH UR;"""
    pg = _sql(view, "aurora-postgresql")
    assert "(months) * INTERVAL '1 MONTH'" in pg and "CURRENT_DATE - INTERVAL '30 DAY'" in pg
    assert "- CAST('0001-01-01' AS DATE) + 1" in pg and "COALESCE(paid, 0)" in pg and "WITH UR" not in pg
    assert "DEFAULT CURRENT_USER" in pg
    my = _sql(view, "aurora-mysql")
    assert "INTERVAL (months) MONTH" in my and "- 365)" in my and "COALESCE(paid, 0)" in my


def test_descending_order_keeps_db2_nulls_first_on_mysql():
    # Db2 sorts NULLs high: DESC puts them first, as PostgreSQL does; MySQL needs it written out
    view = _TABLES + "CREATE VIEW top AS SELECT id, paid FROM loans ORDER BY paid DESC FETCH FIRST 5 ROWS ONLY;"
    assert "ORDER BY paid DESC FETCH FIRST 5 ROWS ONLY" in _sql(view, "aurora-postgresql")
    assert "CASE WHEN paid IS NULL THEN 1 ELSE 0 END DESC, paid DESC LIMIT 5" in _sql(view, "aurora-mysql")


@pytest.mark.parametrize("query", [
    "SELECT tabname FROM syscat.tables",
    "SELECT id FROM loans FOR SYSTEM_TIME AS OF TIMESTAMP('2024-01-01-00.00.00')",
    "SELECT member FROM TABLE(MON_GET_DATABASE(-2)) AS m",
    "SELECT CURRENT LOCK TIMEOUT AS t FROM loans",
])
def test_what_the_targets_cannot_read_is_held_back(query):
    for target in ("aurora-postgresql", "aurora-mysql"):
        a = assess_text(_TABLES + f"CREATE VIEW v AS {query};", "db2-luw", target, force=True)
        view = next(o for o in a.conversion.objects if o.source.name == "V")
        assert not view.converted
        assert any(i.code == "VEW011" and i.object == "V" for i in a.action_items.items)


def test_recursive_common_table_expression_gets_recursive():
    view = "CREATE VIEW n AS WITH t (i) AS (VALUES (1) UNION ALL SELECT i + 1 FROM t WHERE i < 9) SELECT i FROM t;"
    assert "WITH RECURSIVE t" in _sql(view, "aurora-postgresql")


def test_like_table_takes_the_columns_of_the_other_table():
    ddl = ("CREATE TABLE a (id INTEGER NOT NULL GENERATED ALWAYS AS IDENTITY, v DECIMAL(9,2) DEFAULT 0);\n"
           "CREATE TABLE a_hist LIKE a;\n")
    pg = _sql(ddl, "aurora-postgresql")
    assert "CREATE TABLE a_hist (\n    id integer NOT NULL,\n    v numeric(9,2)\n)" in pg


# -- CDC readiness --------------------------------------------------------------------------------


def test_cdc_source_sql_quotes_names_and_skips_tables_already_capturing():
    a = assess_text('CREATE TABLE "Odd name" (id INTEGER NOT NULL PRIMARY KEY, r DECFLOAT(34));\n'
                    "CREATE TABLE captured (id INTEGER NOT NULL PRIMARY KEY) DATA CAPTURE CHANGES;",
                    "db2-luw", "aurora-postgresql", force=True)
    rows = {r.table: r for r in a.cdc.tables}
    assert rows["Odd name"].statement == 'ALTER TABLE "Odd name" DATA CAPTURE CHANGES;'
    assert rows["Odd name"].unsupported == ["R DECFLOAT(34)"]
    assert rows["CAPTURED"].statement == ""
    assert any("DATAACCESS" in c["name"] for c in a.cdc.checks)


# -- the bank sample, end to end per target --------------------------------------------------------


@pytest.fixture(scope="module")
def dms_model():
    return botocore.session.get_session().get_service_model("dms")


@pytest.mark.engine
@pytest.mark.parametrize("target", TARGETS)
def test_bank_end_to_end(target, request, tmp_path, dms_model):
    dsn = request.getfixturevalue("pg_dsn" if "postgresql" in target else "mariadb_dsn")
    a = migplan.assess(BANK, "db2-luw", target)
    # nothing lost: every statement has a disposition, and the tables are read in full
    assert all(r.disposition for r in a.inventory.records)
    assert all(t.status == "parsed" for t in a.inventory.tables if t.name != "MQT_DAILY_BALANCES")
    # converted output
    out = a.write(tmp_path / "out")
    ddl = (out / "ddl" / "converted.sql").read_text("utf-8")
    assert "accounts_history" in ddl and "DATA CAPTURE" not in ddl and "ORGANIZE BY" not in ddl
    codes = {i.code for i in a.action_items.items}
    assert {"TBL016", "UDB001", "UDB002", "TYP024", "COD001"} <= codes
    # verification on the real engine: every rejection was predicted, and storage is there
    v = a.verify(dsn=dsn)
    assert not [i for i in a.action_items.items if i.code == "VER004"]
    f = v.fidelity(a)
    storage = [e for e in f.elements if e.kind != "view"]
    assert not f.silent
    assert sum(e.status in ("present", "folded") for e in storage) >= 0.97 * len(storage)
    # plan and DMS artifacts
    assert a.plan.waves and "BANK.ACCOUNTS" in {t.qname for w in a.plan.waves for t in w.tables}
    shape = dms_model.operation_model("CreateReplicationTask").input_shape
    for req in a.dms.create_replication_task_requests():
        report = ParamValidator().validate(req, shape)
        assert not report.has_errors(), report.generate_report()
    doc = a.dms.cloudformation()
    endpoints = [r["Properties"] for r in doc["Resources"].values() if r["Type"] == "AWS::DMS::Endpoint"]
    assert any(e.get("EngineName") == "db2" for e in endpoints)
    assert cloudformation.to_yaml(doc)
    assert (out / "cdc_source.sql").read_text("utf-8").count('ALTER TABLE "BANK".') >= 10


def test_without_overlaps_names_a_period_only_in_db2():
    db2 = migplan.load_text("CREATE TABLE r (p VARCHAR(9) NOT NULL, f DATE NOT NULL, t DATE NOT NULL, "
                            "PERIOD BUSINESS_TIME (f, t), PRIMARY KEY (p, BUSINESS_TIME WITHOUT OVERLAPS));", "db2-luw")
    assert db2.tables[0].primary_key.columns == ["P"]
    pg = migplan.load_text("CREATE TABLE r (p int NOT NULL, valid daterange NOT NULL, "
                           "PRIMARY KEY (p, valid WITHOUT OVERLAPS));", "postgresql")
    assert pg.tables[0].primary_key.columns == ["p", "valid"]
