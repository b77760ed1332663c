"""Query rewrites whose shape the semantic harness (tests/semantic) does not pin down: what is held
back instead of written, which target gets which form, and the SQL each form takes. The harness
checks the rows on the real engines; these check the conversion only (no engine)."""

from __future__ import annotations

import pytest

import migplan

TABLES = {
    "sqlserver": "CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20), dept VARCHAR(5), sal DECIMAL(8,2), "
                 "qty INT, job VARCHAR(10));\nGO\n",
    "oracle": "CREATE TABLE emp (id NUMBER(4) PRIMARY KEY, name VARCHAR2(20), dept VARCHAR2(5), sal NUMBER(8,2), "
              "qty NUMBER(4), job VARCHAR2(10));\n",
    "postgresql": "CREATE TABLE emp (id integer PRIMARY KEY, name varchar(20), dept varchar(5), sal numeric(8,2), "
                  "qty integer, job varchar(10));\n",
    "mysql": "CREATE TABLE emp (id INT PRIMARY KEY, name VARCHAR(20), dept VARCHAR(5), sal DECIMAL(8,2), "
             "qty INT, job VARCHAR(10));\n",
}
TARGETS = {"postgresql": "aurora-postgresql", "mysql": "aurora-mysql"}


def convert(source: str, view: str, target: str) -> tuple[str | None, dict[str, str]]:
    """The converted CREATE VIEW (None when held back) and the view's items (code -> message)."""
    end = "\nGO\n" if source == "sqlserver" else ";\n"
    a = migplan.assess_text(TABLES[source] + view + end, source, TARGETS[target], path="v.sql")
    obj = a.inventory.get("v", "view")
    conv = a.conversion.by_source(obj)
    items = {i.code: i.message for i in a.action_items.active() if i.object == obj.qname}
    return (conv.statements[0].sql if conv.statements else None), items


# -- paging -----------------------------------------------------------------------------------------
def test_top_with_ties_is_fetch_first_with_ties_on_postgresql():
    sql, _ = convert("sqlserver", "CREATE VIEW v AS SELECT TOP 2 WITH TIES name FROM emp ORDER BY sal", "postgresql")
    assert "FETCH FIRST 2 ROWS WITH TIES" in sql and "LIMIT" not in sql


@pytest.mark.parametrize("target", ["postgresql", "mysql"])
def test_percent_numbers_the_rows_and_keeps_the_with_clause_outside(target):
    sql, _ = convert("sqlserver", "CREATE VIEW v AS WITH x AS (SELECT * FROM emp WHERE qty > 0) "
                                  "SELECT TOP 25 PERCENT name, sal * 2 FROM x ORDER BY sal DESC", target)
    assert sql is not None and "PERCENT" not in sql
    assert sql.startswith("CREATE VIEW v AS WITH x AS")  # the CTE stays visible to the numbered query
    assert "ROW_NUMBER() OVER (ORDER BY sal DESC" in sql and "COUNT(*) OVER ()" in sql
    assert "CEIL(25 * mig_cnt / 100.0)" in sql
    assert "sal * 2 AS mig_c2" in sql  # an unnamed item gets a name the outer query can select


@pytest.mark.parametrize("target", ["postgresql", "mysql"])
@pytest.mark.parametrize("query", ["SELECT TOP 10 PERCENT * FROM emp ORDER BY sal",
                                   "SELECT DISTINCT TOP 10 PERCENT dept FROM emp ORDER BY dept"])
def test_percent_that_cannot_be_numbered_holds_the_view_back(target, query):
    sql, items = convert("sqlserver", f"CREATE VIEW v AS {query}", target)
    assert sql is None
    assert "PERCENT" in items["VEW011"]


def test_limit_inside_in_gets_a_derived_table_on_mysql_only():
    view = "CREATE VIEW v AS SELECT name FROM emp WHERE id IN (SELECT TOP 2 id FROM emp ORDER BY sal DESC)"
    mysql, _ = convert("sqlserver", view, "mysql")
    pg, _ = convert("sqlserver", view, "postgresql")
    assert "IN (SELECT * FROM (SELECT id FROM emp ORDER BY sal DESC LIMIT 2) AS mig_in)" in mysql
    assert "mig_in" not in pg


def test_oracle_fetch_with_ties_on_mysql_ranks_with_oracles_null_order():
    sql, _ = convert("oracle", "CREATE VIEW v AS SELECT name FROM emp ORDER BY sal FETCH FIRST 3 ROWS WITH TIES",
                     "mysql")
    assert "RANK() OVER (ORDER BY sal IS NULL ASC, sal)" in sql  # NULLs last, as Oracle
    assert "mig_top.mig_rk <= 3" in sql and "LIMIT" not in sql


# -- grouping ---------------------------------------------------------------------------------------
def test_rollup_alone_is_with_rollup_on_mysql():
    sql, _ = convert("oracle", "CREATE VIEW v AS SELECT dept, job, SUM(sal) AS s FROM emp GROUP BY ROLLUP (dept, job)",
                     "mysql")
    assert sql.endswith("GROUP BY dept, job WITH ROLLUP") and "UNION" not in sql


def test_grouping_call_makes_mysql_take_the_union():
    sql, _ = convert("postgresql", "CREATE VIEW v AS SELECT dept, grouping(dept) AS g, count(*) AS n FROM emp "
                                   "GROUP BY ROLLUP (dept)", "mysql")
    assert sql == ("CREATE VIEW v AS SELECT dept, 0 AS g, COUNT(*) AS n FROM emp GROUP BY dept "
                   "UNION ALL SELECT NULL AS dept, 1 AS g, COUNT(*) AS n FROM emp")


def test_select_distinct_over_grouping_sets_is_a_union_distinct():
    sql, _ = convert("sqlserver", "CREATE VIEW v AS SELECT DISTINCT dept, job FROM emp "
                                  "GROUP BY GROUPING SETS ((dept), (job), ()) HAVING COUNT(*) > 0", "mysql")
    assert sql.count(" UNION ") == 2 and "UNION ALL" not in sql and "DISTINCT" not in sql


@pytest.mark.parametrize("query", [
    "SELECT dept, SUM(sal) AS s, RANK() OVER (ORDER BY SUM(sal)) AS r FROM emp GROUP BY CUBE (dept, job)",
    "SELECT dept, (SELECT MAX(name) FROM emp x WHERE x.dept = emp.dept) AS m FROM emp GROUP BY ROLLUP (dept), job",
    "SELECT dept, job FROM emp GROUP BY GROUPING SETS ((dept), ())",
])
def test_grouping_sets_mysql_cannot_union_faithfully_hold_the_view_back(query):
    sql, items = convert("sqlserver", f"CREATE VIEW v AS {query}", "mysql")
    assert sql is None
    assert "WITH ROLLUP" in items["VEW011"]


def test_group_by_all_without_where_is_a_plain_group_by():
    for target in ("postgresql", "mysql"):
        sql, _ = convert("sqlserver", "CREATE VIEW v AS SELECT dept, COUNT(*) AS n FROM emp GROUP BY ALL dept", target)
        # SQL Server compares text without case: PostgreSQL groups lower(dept) (the collation rewrite)
        assert sql.endswith("FROM emp GROUP BY dept" if target == "mysql" else "FROM emp GROUP BY LOWER(dept)"), sql
        assert "CASE" not in sql and "WHERE" not in sql


def test_group_by_all_keeps_window_functions_over_the_groups():
    sql, _ = convert("sqlserver", "CREATE VIEW v AS SELECT dept, SUM(qty) AS q, SUM(SUM(qty)) OVER () AS t "
                                  "FROM emp WHERE sal > 0 GROUP BY ALL dept", "postgresql")
    assert "SUM(CASE WHEN sal > 0 THEN qty END) AS q" in sql
    assert "SUM(SUM(CASE WHEN sal > 0 THEN qty END)) OVER () AS t" in sql and "WHERE" not in sql


# -- integer arithmetic -----------------------------------------------------------------------------
def test_integer_division_is_div_on_mysql_only_when_both_sides_are_integers():
    sql, _ = convert("sqlserver", "CREATE VIEW v AS SELECT qty / 2 AS a, sal / 2 AS b, COUNT(*) / qty AS c, "
                                  "qty / LEN(name) AS d FROM emp GROUP BY qty, sal, name", "mysql")
    assert "qty DIV 2 AS a" in sql and "sal / 2 AS b" in sql and "COUNT(*) DIV qty AS c" in sql
    assert "qty DIV CHAR_LENGTH(" in sql
    pg, _ = convert("sqlserver", "CREATE VIEW v AS SELECT qty / 2 AS a FROM emp", "postgresql")
    assert "qty / 2 AS a" in pg  # PostgreSQL truncates like SQL Server


def test_oracle_and_mysql_division_stays_exact():
    sql, _ = convert("mysql", "CREATE VIEW v AS SELECT qty / 2 AS a FROM emp", "postgresql")
    assert "DIV" not in sql and "/" in sql
    sql, _ = convert("oracle", "CREATE VIEW v AS SELECT qty / 2 AS a FROM emp", "mysql")
    assert "DIV" not in sql


def test_avg_of_an_integer_from_sql_server_is_sum_over_count():
    sql, _ = convert("sqlserver", "CREATE VIEW v AS SELECT AVG(DISTINCT qty) AS a, AVG(sal) AS b FROM emp",
                     "postgresql")
    assert "(SUM(DISTINCT qty) / COUNT(DISTINCT qty)) AS a" in sql and "AVG(sal) AS b" in sql
    sql, _ = convert("postgresql", "CREATE VIEW v AS SELECT avg(qty) AS a FROM emp", "mysql")
    assert "AVG(qty)" in sql  # PostgreSQL's avg(integer) is numeric


def test_cast_of_a_decimal_to_int_truncates_only_from_sql_server():
    sql, _ = convert("sqlserver", "CREATE VIEW v AS SELECT CAST(sal AS INT) AS a, CAST(qty AS BIGINT) AS b FROM emp",
                     "postgresql")
    assert "CAST(TRUNC(sal) AS INT) AS a" in sql and "CAST(qty AS BIGINT) AS b" in sql
    sql, _ = convert("oracle", "CREATE VIEW v AS SELECT CAST(sal AS INTEGER) AS a FROM emp", "postgresql")
    assert "TRUNC" not in sql  # Oracle rounds, like the targets
