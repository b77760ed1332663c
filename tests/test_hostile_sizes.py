"""One statement cannot end the run, and nothing on the path of a name or a statement is quadratic.

Deep nesting used to raise RecursionError out of sqlglot (no output at all); now the object gets a
PRS008 item and every other object and output is there. The sizes below (100k parentheses, a
200k-character name, a 200k-character run of dashes) finish in seconds when the helpers are linear
and would take hours when quadratic: no timed assertion, the run's own duration shows it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import migplan
from migplan.parse.depth import MAX_NESTING, nesting
from tests.conftest import ROOT

HUGE = 200_000


def _check(levels: int) -> str:
    return "CREATE TABLE t (a NUMBER(10), CONSTRAINT t_c CHECK (" + "(" * levels + "a > 0" + ")" * levels + "));\n"


def _view(levels: int) -> str:
    return ("CREATE VIEW v AS " + "SELECT * FROM (" * levels + "SELECT x FROM base" + ") s" * levels + ";\n")


@pytest.mark.parametrize("target", ["aurora-postgresql", "aurora-mysql"])
@pytest.mark.parametrize("sql,obj", [(_check(500), "T"), (_view(400), "V"), (_check(100_000), "T"),
                                     ("CREATE TABLE t (a INT DEFAULT " + "CASE WHEN 1 = 1 THEN " * 300 + "1"
                                      + " END" * 300 + ");\n", "T")])
def test_deep_statement_is_an_item_and_the_run_goes_on(sql, obj, target):
    script = "CREATE TABLE base (x NUMBER(10) PRIMARY KEY);\n" + sql + "CREATE TABLE after_it (b NUMBER(10));\n"
    a = migplan.assess_text(script, "oracle", target)
    deep = [i for i in a.action_items.items if i.code == "PRS008"]
    assert [i.object for i in deep] == [obj] and deep[0].line == 2, [(i.code, i.message) for i in deep]
    assert "levels deep" in deep[0].message
    for name in ("BASE", "AFTER_IT"):
        assert a.converted_sql(name), name


def test_within_the_bound_converts():
    a = migplan.assess_text(_check(MAX_NESTING - 1) + _view(MAX_NESTING - 2).replace("base", "t"), "oracle",
                            "aurora-postgresql")
    assert not [i for i in a.action_items.items if i.code == "PRS008"]
    assert "CHECK" in a.converted_sql("T") and "CREATE VIEW" in a.converted_sql("V")


def test_cli_writes_every_output_for_a_deep_script(tmp_path):
    script = tmp_path / "deep.sql"
    script.write_text("CREATE TABLE base (x NUMBER(10) PRIMARY KEY);\n" + _check(500) + _view(400))
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, "-m", "migplan.cli", "assess", str(script), "-s", "oracle", "-t",
                           "aurora-postgresql", "-o", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    data = json.loads((out / "assessment.json").read_text())
    assert sorted(i["object"] for i in data["action_items"] if i["code"] == "PRS008") == ["T", "V"]
    for name in ("report.html", "report.md", "action_items.csv", "ddl/converted.sql"):
        assert (out / name).stat().st_size > 0, name


def test_nesting_counts_parentheses_and_case_not_strings():
    assert nesting("((a))", "oracle") == 2
    assert nesting("'((((' || \"((\" -- ((((\n", "oracle") == 0
    assert nesting("CASE WHEN (a) THEN CASE WHEN b THEN 1 END END", "oracle") == 2
    assert nesting("(" * HUGE, "oracle") == HUGE


# -- sizes that are hopeless for a quadratic helper -------------------------------------------------
def test_long_name_through_every_output(tmp_path):
    name = "N" * HUGE
    sql = (f'CREATE TABLE "{name}" (id NUMBER(10) PRIMARY KEY, "{name}C" VARCHAR2(10));\n'
           f'CREATE INDEX "{name}I" ON "{name}" ("{name}C");\n'
           f"COMMENT ON TABLE \"{name}\" IS '{name}';\n"
           f'CREATE VIEW "{name}V" AS SELECT "{name}C" FROM "{name}";\n'
           f'CREATE TABLE child (id NUMBER(10), CONSTRAINT "{name}F" FOREIGN KEY (id) REFERENCES "{name}" (id));\n')
    a = migplan.assess_text(sql, "oracle", "aurora-postgresql")
    path = a.write(tmp_path / "out")
    assert (path / "report.html").stat().st_size > HUGE  # the name is in the report, clipped in the graph


def test_graph_label_clipping_is_linear():
    from migplan.report import depgraph

    clipped = depgraph._clip("W" * HUGE, 150)
    assert clipped.endswith("…") and 1 < len(clipped) < 30


def test_long_string_with_sequence_like_text():
    # the plan scans defaults and queries for SEQ.NEXTVAL: a long word must not be tried from each position
    sql = f"CREATE TABLE t (a VARCHAR2(4000) DEFAULT '{'x' * HUGE}', b NUMBER DEFAULT s.NEXTVAL);\n" \
          "CREATE SEQUENCE s;\n"
    a = migplan.assess_text(sql, "oracle", "aurora-postgresql")
    assert a.graph is not None and a.plan is not None


def test_db2_line_of_dashes():
    inv = migplan.load_text("-" * HUGE + "\nCREATE TABLE t (a INT);\n", "db2-luw")
    assert [o.name for o in inv.objects] == ["T"]


def test_many_clashing_target_names():
    from migplan import engines
    from migplan.convert.names import NameMapper
    from migplan.convert.profiles import profile_for

    mapper = NameMapper(engines.get("oracle"), profile_for(engines.get("aurora-postgresql")))
    names = [mapper.name("constraint", ("constraint", "s"), "T_CHECK", owner=i) for i in range(50_000)]
    assert names[0] == "t_check" and names[1] == "t_check_2" and names[-1] == "t_check_50000"
    assert len(set(names)) == len(names)
