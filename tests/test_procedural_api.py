"""The procedural layer's API: entry points, dialect names, lines, Unknown nodes, sqlglot trees of
expressions and statements, and sqlglot-style tree walking and rewriting."""

from __future__ import annotations

import pytest
from sqlglot import exp

from migplan.errors import UnknownEngineError
from migplan.model.schema import Location, Routine
from migplan.parse import procedural as pp


def test_dialect_names_and_aliases():
    assert pp.flavor("oracle").grammar == "plsql"
    assert pp.flavor("mssql").grammar == pp.flavor("tsql").grammar == "tsql"
    assert pp.flavor("pg").language == "plpgsql"
    assert pp.flavor("db2-luw").language == "sqlpl"
    assert pp.flavor("mariadb").grammar == "psm"
    with pytest.raises(UnknownEngineError):
        pp.flavor("no-such-engine")


def test_lines_are_lines_of_the_input_file():
    unit = pp.parse_block("BEGIN\n  x := 1;\n\n  y := 2;\nEND;", "oracle", line=40)
    a, b = unit.find_all(pp.Assignment)
    assert (a.line, b.line) == (41, 43)
    assert (unit.block.line, unit.block.end_line) == (40, 44)
    assert unit.text_of(b) == "y := 2;"


def test_unknown_statements_keep_text_line_and_reason():
    unit = pp.parse_block("BEGIN\n  SET x = 1;\n  WHATEVER this is;\n  x := 2;\nEND;", "mysql")
    unknown = unit.find(pp.Unknown)
    assert unknown.text == "WHATEVER this is"
    assert unknown.line == 3
    assert "WHATEVER" in unknown.message
    assert [u.text for u in unit.find_all(pp.Unknown)] == ["WHATEVER this is", "x := 2"]  # := is not MySQL
    assert pp.statement_stats(unit)["unknown"] == 2
    assert pp.lost_tokens(unit) == []


def test_structural_errors_carry_lines():
    unit = pp.parse_block("BEGIN\n  LOOP\n    NULL;\nEND;", "oracle")
    assert unit.errors == ["line 2: LOOP has no END LOOP"]


def test_comments_are_kept_in_node_text():
    unit = pp.parse_block("BEGIN\n  x := 1 -- why\n    + 2;\nEND;", "oracle")
    assign = unit.find(pp.Assignment)
    assert assign.value.text == "1 -- why\n    + 2"
    assert (assign.line, assign.end_line) == (2, 3)


def test_expressions_and_statements_are_read_by_sqlglot():
    text = "DECLARE v NUMBER;\nBEGIN\n  v := NVL(a, 0) + 1;\n  SELECT b INTO v FROM t WHERE c = v;\nEND;"
    unit = pp.parse_block(text, "oracle")
    assign = unit.find(pp.Assignment)
    assert isinstance(assign.value.tree, exp.Add)
    assert assign.value.error is None
    select = unit.find(pp.SqlStatement)
    assert isinstance(select.tree, exp.Select)
    assert select.tree.args.get("into") is None  # the INTO variables are on the node, not in the tree
    assert [e.text for e in select.into] == ["v"] and select.binds == ["v"]
    assert select.tree.find(exp.Identifier).meta.get("line") == 1  # sqlglot's lines: 1 = the statement's line


def test_sqlglot_failures_are_reported_not_raised():
    unit = pp.parse_block("BEGIN\n  UPDATE t SET a = 1 WHERE CURRENT OF c1;\nEND", "db2")
    stmt = unit.find(pp.SqlStatement)
    assert stmt.tree is None and stmt.error and not stmt.parsed


def test_empty_and_comment_only_bodies():
    for dialect in ("oracle", "tsql", "mysql", "postgres", "db2"):
        for text in ("", "   \n", "-- nothing\n"):
            unit = pp.parse_block(text, dialect)
            assert unit.block is not None and unit.block.statements == []
            assert pp.lost_tokens(unit) == []


def test_routine_without_body_line():
    r = Routine(kind="procedure", schema=None, name="p", location=Location("x.sql", 7), body="BEGIN NULL; END;")
    unit = pp.parse_routine_body(r, "oracle")
    assert unit.name == "p" and unit.find(pp.Null).line == 7


def test_routine_in_another_language_is_one_unknown():
    r = Routine(kind="function", schema=None, name="f", location=Location("x.sql", 1), body="return 1\n",
                body_line=2, language="plpython3u")
    unit = pp.parse_routine_body(r, "postgresql")
    assert [s.key for s in unit.block.statements] == ["Unknown"]
    assert "plpython3u" in unit.block.statements[0].message


def test_postgres_do_block():
    unit = pp.parse_block("DO $$\nBEGIN\n  PERFORM f(1);\nEND\n$$;", "postgres", line=10)
    call = unit.find(pp.Call)
    assert call.keyword == "PERFORM" and call.line == 12


def test_walk_find_parent():
    unit = pp.parse_block("BEGIN IF a THEN NULL; ELSE x := 1; END IF; END;", "oracle")
    kinds = [n.key for n in unit.block.walk() if isinstance(n, pp.Statement)]
    assert kinds == ["Block", "If", "Null", "Assignment"]
    null = unit.find(pp.Null)
    assert isinstance(null.parent, pp.IfBranch) and isinstance(null.parent.parent, pp.If)
    assert [b.key for b in unit.find_all(pp.IfBranch)] == ["IfBranch"]
    assert unit.find(pp.Loop) is None


def test_replace_and_transform():
    unit = pp.parse_block("BEGIN NULL; x := 1; NULL; END;", "oracle")
    first = unit.find(pp.Null)
    first.replace(pp.Raise(keyword="RAISE", reraise=True))
    assert [s.key for s in unit.block.statements] == ["Raise", "Assignment", "Null"]
    unit.find(pp.Assignment).replace(None)
    assert [s.key for s in unit.block.statements] == ["Raise", "Null"]

    def drop_nulls(node):
        return None if isinstance(node, pp.Null) else node

    copy = unit.transform(drop_nulls)
    assert [s.key for s in copy.block.statements] == ["Raise"]
    assert [s.key for s in unit.block.statements] == ["Raise", "Null"]  # the original is untouched
    assert all(c.parent is copy.block for c in copy.block.statements)


def test_package_visibility():
    spec_r = Routine(kind="package", schema=None, name="pkg", location=Location("p.sql", 1),
                     body="PROCEDURE a;\nEND pkg;", body_line=1)
    body_r = Routine(kind="package body", schema=None, name="pkg", location=Location("p.sql", 5),
                     body="g NUMBER;\nPROCEDURE a IS BEGIN NULL; END;\nPROCEDURE b IS BEGIN NULL; END;\nEND pkg;",
                     body_line=5)
    spec = pp.parse_routine_body(spec_r, "oracle")
    body = pp.parse_routine_body(body_r, "oracle", spec=spec)
    assert {d.name: d.public for d in body.block.declarations} == {"g": False, "a": True, "b": False}
    unlinked = pp.parse_routine_body(body_r, "oracle")
    assert {d.public for d in unlinked.block.declarations} == {None}
    pp.mark_public(spec, unlinked)
    assert {d.name: d.public for d in unlinked.block.declarations} == {"g": False, "a": True, "b": False}
