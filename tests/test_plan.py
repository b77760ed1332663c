"""The dependency graph and the DMS phase plan."""


import networkx as nx
import pytest

import migplan
from migplan.plan.graph import break_cycles, build_graph, cycles
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def oracle_pg():
    return migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql")


def test_graph_edges_and_how_they_were_found(oracle_pg):
    g = oracle_pg.graph
    e = g.get_edge_data("table:RETAIL.ORDER_ITEMS", "table:RETAIL.ORDERS")
    assert e["kind"] == "foreign key" and e["how"] == "catalog"
    assert g.get_edge_data("view:RETAIL.V_ACTIVE_PRODUCTS", "view:RETAIL.V_PRODUCT_CATALOG")["how"] == "ast"
    trg = [(b, d) for _, b, d in g.out_edges("trigger:RETAIL.ORDERS_BIR", data=True)]
    assert ("table:RETAIL.ORDERS", "trigger on") in [(b, d["kind"]) for b, d in trg]
    assert any(d["kind"] == "uses sequence" and d["how"] == "body scan" for _, d in trg)
    assert g.get_edge_data("index:RETAIL.ORDERS_STATUS_BIX", "table:RETAIL.ORDERS")["kind"] == "index on"


def test_cte_names_are_not_tables():
    inv = migplan.load_text("""
        CREATE TABLE t (a NUMBER);
        CREATE VIEW v AS WITH t2 AS (SELECT a FROM t) SELECT a FROM t2;
    """, "oracle")
    g = build_graph(inv)
    assert list(g.successors("view:V")) == ["table:T"]


def test_cycles_are_reported_and_broken(oracle_pg):
    cyc = cycles(oracle_pg.graph)
    kinds = sorted((c.kind, tuple(c.nodes)) for c in cyc)
    assert ("foreign key", ("table:RETAIL.DEPARTMENTS", "table:RETAIL.EMPLOYEES")) in kinds
    assert ("foreign key", ("table:RETAIL.EMPLOYEES",)) in kinds  # self-reference
    deferred = break_cycles(oracle_pg.graph)
    g = nx.DiGraph([(a, b) for a, b, d in oracle_pg.graph.edges(data=True)
                    if d["kind"] == "foreign key" and (a, b) not in {(x, y) for x, y, _ in deferred}])
    assert nx.is_directed_acyclic_graph(g)


def test_phases_put_each_statement_in_its_place(oracle_pg):
    files = oracle_pg.plan.ddl_files()
    first, second, third, cut = (files[k] for k in ("01_before_full_load.sql", "02_before_cached_changes.sql",
                                                   "03_after_cached_changes.sql", "04_cutover.sql"))
    assert "CREATE TABLE retail.orders" in first and "FOREIGN KEY" not in first
    assert "CREATE INDEX orders_status_bix" in second and "CREATE TABLE" not in second
    assert "FOREIGN KEY" in third and "CHECK (" in third
    assert "CREATE VIEW retail.v_active_products" in cut
    assert cut.index("CREATE VIEW retail.v_product_catalog") < cut.index("CREATE VIEW retail.v_active_products")
    assert "setval(pg_get_serial_sequence('retail.customers', 'customer_id')" in cut
    assert "all_sequences" in files["source_sequence_values.sql"]


def test_plan_steps_follow_dms_phases(oracle_pg):
    steps = oracle_pg.plan.steps
    phases = [s.phase for s in steps]
    order = ["prerequisites", "before full load", "full load", "before cached changes", "apply cached changes",
             "after cached changes", "ongoing replication", "cutover", "rollback"]
    assert [p for p in order if p in phases] == sorted(set(phases), key=order.index)
    assert all(s.why for s in steps)
    md = oracle_pg.plan.runbook()
    assert "StopTaskCachedChangesNotApplied" in md and "StopTaskCachedChangesApplied" in md
    df = oracle_pg.plan.frame()
    assert list(df.columns) == ["phase", "step", "title", "object", "action", "ddl", "why"]


def test_full_load_only_and_homogeneous_plans():
    a = migplan.assess(SAMPLES / "mysql/bookstore", "mysql", "aurora-postgresql", migration_type="full-load")
    phases = {s.phase for s in a.plan.steps}
    assert "apply cached changes" not in phases and "ongoing replication" not in phases
    h = migplan.assess(SAMPLES / "postgresql/clinic", "postgresql", "aurora-postgresql")
    assert h.compatibility.verdict == "homogeneous"
    assert any("native" in s.title.lower() for s in h.plan.steps)


def test_waves_respect_foreign_keys(oracle_pg):
    try:
        plan = oracle_pg.replan(fks_during_load=True)
        wave_of = {t.key: t.wave for w in plan.waves for t in w.tables}
        deferred = {(a, b) for a, b, _ in plan.deferred}
        for a, b, d in oracle_pg.graph.edges(data=True):
            if d["kind"] == "foreign key" and a != b and (a, b) not in deferred and a in wave_of and b in wave_of:
                assert wave_of[b] < wave_of[a], (a, b)
        assert len(plan.waves) > 1
    finally:  # the assessment is shared by the module's tests
        oracle_pg.replan(fks_during_load=False)


def test_table_stats_order_and_parallel_load(tmp_path):
    stats = tmp_path / "stats.csv"
    stats.write_text("schema,table,rows,bytes,min_key,max_key\n"
                     "RETAIL,ORDERS,90000000,64424509440,1,90000000\n"
                     "RETAIL,CUSTOMERS,30000000,32212254720,1,30000000\n"
                     "RETAIL,PAYMENTS,1000000,1073741824,,\n")
    a = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql", table_stats=str(stats))
    tables = {t.qname: t for w in a.plan.waves for t in w.tables}
    assert tables["RETAIL.ORDERS"].load_order > tables["RETAIL.CUSTOMERS"].load_order > \
        tables["RETAIL.PAYMENTS"].load_order > tables["RETAIL.REGIONS"].load_order
    # ORDERS is range-partitioned in the source: one segment per partition (aws_dms_sct.md §5.4)
    assert tables["RETAIL.ORDERS"].parallel == {"type": "partitions-auto"}
    par = tables["RETAIL.CUSTOMERS"].parallel  # big, not partitioned, numeric key with known bounds
    assert par["type"] == "ranges" and par["columns"] == ["CUSTOMER_ID"] and len(par["boundaries"]) >= 1
    assert tables["RETAIL.PAYMENTS"].parallel is None  # 1 GB: under the threshold
    assert a.plan.waves[0].minutes is not None
