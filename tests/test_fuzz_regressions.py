"""Crashes the property tests (tests/test_fuzz.py) found, one class of input each, kept as plain tests.
A crash here is an exception escaping assess_text, or one of migplan's own bugs caught by a safety net
(MIG001: a rule that raised; "migplan could not read this statement (IndexError...)")."""

from __future__ import annotations

import pytest

import migplan
from tests.test_fuzz import check_assess, check_load


@pytest.mark.parametrize("source,target,sql", [
    # an unparsed trigger or procedure reached rules written for parsed ones (MIG001 x6)
    ("mysql", "aurora-postgresql", "CREATE TRIGGER x BEFORE INSERT ON @t FOR EACH ROW BEGIN NULL; END;\n"),
    ("oracle", "aurora-postgresql", "CREATE OR REPLACE PROCEDURE @p AS BEGIN NULL; END;\n/\n"),
    # MySQL key part 'word(number)' read as a prefix length whatever the number (int('2.5'))
    ("mysql", "aurora-mysql", "CREATE TABLE t (a INT);\nCREATE INDEX i ON t (NOT (2.5));\n"),
    # sqlglot's own AttributeError on brackets in Oracle ('[dbo].[x]' is not a quoted name there)
    ("oracle", "aurora-postgresql", "CREATE TABLE t (t NUMBER, CONSTRAINT t PRIMARY KEY ([dbo].[Sales Order]));\n"),
    ("oracle", "aurora-postgresql", "CREATE TABLE t (a NUMBER);\nCREATE VIEW v AS SELECT [dbo].[x] FROM t;\n"),
    # COMMENT ON COLUMN without its table: IndexError out of assess_text
    ("oracle", "aurora-postgresql", "CREATE TABLE t (a NUMBER);\nCOMMENT ON COLUMN a IS 'x';\n"),
])
def test_found_by_fuzzing(source, target, sql):
    check_load(sql, source)
    check_assess(sql, source, target)


def test_comment_on_column_without_table_is_an_item():
    a = migplan.assess_text("COMMENT ON COLUMN a IS 'x';\n", "oracle", "aurora-postgresql")
    assert [(i.code, i.line) for i in a.action_items.items] == [("PRS001", 1)]


def test_sqlglot_failing_to_write_what_it_read():
    # sqlglot reads T-SQL DATEDIFF() without arguments and raises TypeError writing it for PostgreSQL
    sql = "CREATE TABLE t (a INT)\nGO\nCREATE VIEW v AS SELECT 1 AS one FROM t WHERE NOT DATEDIFF()\nGO\n"
    check_assess(sql, "sqlserver", "aurora-postgresql")
    a = migplan.assess_text(sql, "sqlserver", "aurora-postgresql")
    items = {i.code: i.message for i in a.action_items.items if i.object == "v"}
    assert "sqlglot failed writing this query" in items["VEW011"]
