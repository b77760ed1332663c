"""The warehouses to Amazon Redshift, end to end (issue 12, part 2): each sample is assessed, its
Redshift DDL re-parses in sqlglot's Redshift dialect, the PostgreSQL-compatible subset applies on the
real embedded PostgreSQL, and the plan takes the path the matrix gives it (SCT agents, or DMS where
DMS reads the source). Then one small fixture per class of construct: the source clauses the
distribution and sort keys come from, and what Redshift lacks."""

import re

import pytest
import sqlglot

import migplan
from benchmarks import corpus_parse
from migplan.assessment import assess_text
from migplan.convert import ConvertOptions
from migplan.verify.redshift import postgres_subset, reparse
from tests.conftest import SAMPLES, WAREHOUSE_PAIRS

# DMS reads Oracle and SQL Server (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.Sources.html);
# the other warehouses move with SCT's data extraction agents
DMS_SOURCES = {"oracle-dw", "sqlserver-dw"}
_REDSHIFT_ONLY = re.compile(r"\b(DISTSTYLE|DISTKEY|SORTKEY|ENCODE)\b")


@pytest.fixture(scope="module", params=WAREHOUSE_PAIRS, ids=[f"{s}->{t}" for _, s, t in WAREHOUSE_PAIRS])
def assessed(request):
    folder, source, target = request.param
    return migplan.assess(SAMPLES / folder, source, target, progress=False)


def _statements(a):
    return [st for c in a.conversion.objects for st in c.statements]


def test_every_statement_is_accounted_for(assessed):
    inv = assessed.inventory
    assert len(inv.records) == len(inv.statements)
    assert all(r.disposition for r in inv.records)
    ddl = [r for r in inv.records if corpus_parse.is_ddl(r.kind)]  # the bar counts non-procedural DDL
    parsed = [r for r in ddl if (r.status or ("unparsed" if r.disposition == "unparsed" else "parsed"))
              in ("parsed", "orphan")]
    assert len(parsed) >= 0.95 * len(ddl), [(r.line, r.kind, r.message) for r in ddl if r not in parsed]


def test_redshift_ddl_reparses_and_its_subset_has_no_redshift_clause(assessed):
    statements = _statements(assessed)
    assert statements
    failed = [(st.sql, reparse(st.sql).error) for st in statements if not reparse(st.sql).ok]
    assert not failed, failed
    tables = [st for st in statements if st.kind == "table"]
    assert tables and all(" DISTSTYLE " in st.sql for st in tables)
    _sub, findings, counts = postgres_subset(assessed.conversion)
    assert counts["reparsed"] == counts["statements"] and not findings
    for c in _sub.objects:
        for st in c.statements:
            assert not _REDSHIFT_ONLY.search(st.sql), st.sql
            sqlglot.parse_one(st.sql, read="postgres")


@pytest.mark.engine
def test_postgres_subset_applies_on_the_real_postgresql(assessed, pg_dsn):
    v = assessed.verify(dsn=pg_dsn)
    assert v.unpredicted == 0
    failed = v.frame().query("not ok")
    assert failed.empty, failed.to_string()
    assert not [i for i in assessed.action_items.items if i.code in ("VER004", "VER001")]


def test_every_table_gets_its_distribution_reason(assessed):
    tables = [c for c in assessed.conversion.objects if c.statements and c.statements[0].kind == "table"]
    reasons = [i for i in assessed.action_items.items if i.code == "RSH010"]
    assert len(reasons) == len(tables)
    assert all(re.match(r"DISTSTYLE (ALL|KEY|EVEN|AUTO)", i.message) and "SORTKEY" in i.message for i in reasons)


def test_plan_takes_the_path_the_matrix_gives(assessed):
    source = assessed.inventory.engine.name
    steps = assessed.plan.steps
    if source in DMS_SOURCES:
        assert assessed.compatibility.path == "sct-dms"
        assert assessed.dms.create_replication_task_requests()
    else:
        assert assessed.compatibility.path == "sct-agents"
        assert any("data extraction agents" in s.title for s in steps)
        assert list(assessed.dms.files()) == ["README.md"]
    ddl_steps = [s for s in steps if s.sql]
    assert any("DISTSTYLE" in sql for s in ddl_steps for sql in s.sql)


def test_report_shows_the_recommendations(assessed, tmp_path):
    out = assessed.write(tmp_path / "out")
    html = (out / "report.html").read_text("utf-8")
    assert "RSH010" in html and "DISTSTYLE" in html


# -- the classes of construct ------------------------------------------------------------------------
def _rs(sql: str, source: str, **kw):
    return assess_text(sql, source, "redshift", force=True, **kw)


def _table_sql(a, name: str) -> str:
    return next(st.sql for c in a.conversion.objects for st in c.statements
                if st.kind == "table" and st.name == name)


def _reason(a, obj: str) -> str:
    return next(i.message for i in a.action_items.items if i.code == "RSH010" and i.object.lower() == obj)


STAR = """
CREATE TABLE region (region_id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40));
CREATE TABLE customer (customer_id INTEGER NOT NULL PRIMARY KEY, region_id INTEGER REFERENCES region (region_id),
                       since DATE);
CREATE TABLE orders (order_id BIGINT NOT NULL, order_date DATE NOT NULL, loaded_at TIMESTAMP,
                     customer_id INTEGER NOT NULL REFERENCES customer (customer_id),
                     region_id INTEGER REFERENCES region (region_id));
"""


def test_dominant_join_column_and_co_located_dimension():
    a = _rs(STAR, "greenplum")
    assert "DISTSTYLE KEY DISTKEY (customer_id)" in _table_sql(a, "orders")
    assert "dominant join column customer_id" in _reason(a, "orders")  # region is a leaf: it is copied
    # the fact is distributed on customer_id: the customer dimension on the same key (local join)
    assert "DISTSTYLE KEY DISTKEY (customer_id)" in _table_sql(a, "customer")
    # a dimension no fact is distributed on: copied to every node
    assert "DISTSTYLE ALL" in _table_sql(a, "region")


def test_known_sizes_decide_all_or_auto():
    big = _rs(STAR, "greenplum", options=ConvertOptions(table_rows={"region": 50_000_000}))
    assert "DISTSTYLE AUTO" in _table_sql(big, "region") and "too large" in _reason(big, "region")
    small = _rs(STAR, "greenplum", options=ConvertOptions(table_rows={"region": 200}))
    assert "DISTSTYLE ALL" in _table_sql(small, "region") and "200 rows" in _reason(small, "region")


def test_table_stats_of_the_plan_give_the_sizes(tmp_path):
    stats = tmp_path / "stats.csv"
    stats.write_text("schema,table,rows,bytes\n,region,90000000,9000000000\n", encoding="utf-8")
    a = _rs(STAR, "greenplum", table_stats=str(stats))
    assert "DISTSTYLE AUTO" in _table_sql(a, "region") and "90,000,000 rows" in _reason(a, "region")


def test_sort_key_prefers_a_business_date_to_an_audit_timestamp():
    a = _rs(STAR, "greenplum")
    assert "SORTKEY (order_date)" in _table_sql(a, "orders")


@pytest.mark.parametrize("source,ddl,dist,sort", [
    ("greenplum", "CREATE TABLE t (a INT, b DATE) DISTRIBUTED BY (a)", "DISTSTYLE KEY DISTKEY (a)", "SORTKEY (b)"),
    ("greenplum", "CREATE TABLE t (a INT, b INT) DISTRIBUTED RANDOMLY", "DISTSTYLE AUTO", None),
    ("greenplum", "CREATE TABLE t (a INT) DISTRIBUTED REPLICATED", "DISTSTYLE ALL", None),
    ("netezza", "CREATE TABLE t (a INT, b DATE, c INT) DISTRIBUTE ON (c) ORGANIZE ON (b, a)",
     "DISTSTYLE KEY DISTKEY (c)", "COMPOUND SORTKEY (b, a)"),
    ("netezza", "CREATE TABLE t (a INT) DISTRIBUTE ON RANDOM", "DISTSTYLE AUTO", None),
    ("vertica", "CREATE TABLE t (a INT, b INT) ORDER BY b SEGMENTED BY HASH(a) ALL NODES",
     "DISTSTYLE KEY DISTKEY (a)", "SORTKEY (b)"),
    ("vertica", "CREATE TABLE t (a INT) UNSEGMENTED ALL NODES", "DISTSTYLE ALL", None),
    ("teradata", "CREATE MULTISET TABLE t, NO FALLBACK (a INTEGER, d DATE) PRIMARY INDEX (a) "
                 "PARTITION BY RANGE_N(d BETWEEN DATE '2020-01-01' AND DATE '2030-12-31' EACH INTERVAL '1' MONTH)",
     "DISTSTYLE KEY DISTKEY (a)", "SORTKEY (d)"),
    ("sqlserver-dw", "CREATE TABLE t (a INT, b INT) WITH (DISTRIBUTION = HASH(b), CLUSTERED COLUMNSTORE INDEX)",
     "DISTSTYLE KEY DISTKEY (b)", "SORTKEY (b)"),
    ("sqlserver-dw", "CREATE TABLE t (a INT) WITH (DISTRIBUTION = REPLICATE)", "DISTSTYLE ALL", None),
    ("oracle-dw", "CREATE TABLE t (a NUMBER(5), d DATE) PARTITION BY RANGE (d) "
                  "(PARTITION p1 VALUES LESS THAN (MAXVALUE))", "DISTSTYLE AUTO", "SORTKEY (d)"),
])
def test_source_distribution_clauses(source, ddl, dist, sort):
    a = _rs(ddl + ";", source)
    sql = _table_sql(a, "t")
    assert dist in sql, sql
    if sort:
        assert sort in sql, sql
    else:
        assert "SORTKEY" not in sql, sql
    assert reparse(sql).postgres is not None


def test_teradata_unique_primary_index_is_a_key_foreign_keys_can_reference():
    a = _rs("CREATE SET TABLE d (k INTEGER NOT NULL, v VARCHAR(10) CHARACTER SET UNICODE) UNIQUE PRIMARY INDEX (k);\n"
            "CREATE MULTISET TABLE f (k INTEGER, CONSTRAINT fk FOREIGN KEY (k) REFERENCES d (k)) PRIMARY INDEX (k);",
            "teradata")
    assert "PRIMARY KEY (k)" in _table_sql(a, "d")
    assert "v varchar(40)" in _table_sql(a, "d")  # 10 UNICODE characters, up to 4 bytes each
    codes = {i.code for i in a.action_items.items}
    assert {"RSH001", "RSH006", "RSH013"} <= codes


def test_what_redshift_lacks_is_an_item_not_a_statement():
    a = _rs("CREATE TABLE t (id SERIAL PRIMARY KEY, q INT CHECK (q > 0), total INT GENERATED ALWAYS AS (q * 2) "
            "STORED, p INT REFERENCES t (id) ON DELETE CASCADE);\nCREATE INDEX t_q ON t (q);\n"
            "CREATE SEQUENCE s;\n", "greenplum")
    sql = "\n".join(st.sql for st in _statements(a))
    assert "CHECK" not in sql and "CREATE INDEX" not in sql and "CREATE SEQUENCE" not in sql
    assert "ON DELETE" not in sql and "GENERATED ALWAYS AS (" not in sql
    assert "GENERATED BY DEFAULT AS IDENTITY(1, 1)" in sql
    codes = {i.code for i in a.action_items.items}
    assert {"RSH005", "RSH007", "RSH008", "RSH009", "RSH016"} <= codes
    assert all(reparse(st.sql).postgres is not None for st in _statements(a))


def test_teradata_functions_and_locking_modifier():
    a = _rs("CREATE TABLE t (a INTEGER);\nREPLACE VIEW v AS LOCKING ROW FOR ACCESS "
            "SELECT ZEROIFNULL(a) AS z, NULLIFZERO(a) AS n FROM t;", "teradata")
    view = next(st.sql for c in a.conversion.objects for st in c.statements if st.kind == "view")
    assert "COALESCE(a, 0)" in view and "NULLIF(a, 0)" in view and "LOCKING" not in view


def test_a_statement_that_does_not_reparse_is_reported():
    r = reparse("CREATE TABLE t (a INT) SORTKEY AUTO ENCODE")
    assert r.postgres is None and r.error and not r.ok


def test_a_view_over_redshift_system_tables_reads_back_but_is_not_applied():
    r = reparse("CREATE VIEW v AS SELECT tbl, COUNT(*) AS blocks FROM stv_blocklist GROUP BY tbl")
    assert r.ok and r.postgres is None and r.system == ["stv_blocklist"]


def test_cli_assess_for_redshift_writes_the_ddl(tmp_path, capsys):
    """`assess ... -t redshift` was a traceback: it now writes the DDL and the report."""
    from migplan.cli import main as cli_main

    out = tmp_path / "out"
    rc = cli_main(["assess", str(SAMPLES / "teradata/sales_dw"), "-s", "teradata", "-t", "redshift", "-o", str(out)])
    err = capsys.readouterr().err
    assert rc == 0 and "Traceback" not in err, err
    ddl = "\n".join(p.read_text("utf-8") for p in out.rglob("*.sql"))
    assert "DISTSTYLE" in ddl and "CREATE TABLE" in ddl
