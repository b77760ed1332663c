"""Oracle CONNECT BY views rewritten as WITH RECURSIVE return Oracle's rows, in Oracle's order, on
both real targets. The expected rows are what Oracle returns for this tree (depth first, siblings
by name; LEVEL, SYS_CONNECT_BY_PATH, CONNECT_BY_ISLEAF, CONNECT_BY_ROOT)."""

import pytest

import migplan
from migplan.verify.engines import for_mariadb, mysql_session, postgres_session

SOURCE = """
CREATE TABLE emp (id NUMBER(6) PRIMARY KEY, boss NUMBER(6), name VARCHAR2(20));
CREATE VIEW org AS
  SELECT id, LEVEL AS depth, SYS_CONNECT_BY_PATH(name, '/') AS path,
         CONNECT_BY_ISLEAF AS leaf, CONNECT_BY_ROOT name AS top
  FROM emp
  START WITH boss IS NULL
  CONNECT BY NOCYCLE PRIOR id = boss
  ORDER SIBLINGS BY name;
"""
ROWS = [(1, None, "Ada"), (2, 1, "Turing"), (3, 1, "Babbage"), (4, 3, "Lovelace"), (5, 2, "Hopper"),
        (6, None, "Zuse"), (7, 6, "Knuth")]
ORACLE = [  # id, LEVEL, path, leaf, root
    (1, 1, "/Ada", 0, "Ada"), (3, 2, "/Ada/Babbage", 0, "Ada"), (4, 3, "/Ada/Babbage/Lovelace", 1, "Ada"),
    (2, 2, "/Ada/Turing", 0, "Ada"), (5, 3, "/Ada/Turing/Hopper", 1, "Ada"),
    (6, 1, "/Zuse", 0, "Zuse"), (7, 2, "/Zuse/Knuth", 1, "Zuse"),
]


@pytest.mark.engine
@pytest.mark.parametrize("target", ["aurora-postgresql", "aurora-mysql"])
def test_connect_by_view_gives_oracles_rows(target, pg_dsn, request):
    a = migplan.assess_text(SOURCE, "oracle", target)
    codes = {i.code for i in a.action_items.items if i.object == "ORG"}
    assert "SQL020" in codes and "VEW011" not in codes
    ddl = [st.sql for c in a.conversion.objects for st in c.statements]
    if target == "aurora-postgresql":
        session = postgres_session(pg_dsn)
        run = session.conn.execute
    else:
        session = mysql_session(request.getfixturevalue("mariadb_dsn"))
        cur = session.conn.cursor()
        cur.execute(f"CREATE DATABASE `{session.database}`")
        cur.execute(f"USE `{session.database}`")

        def run(sql, params=None):
            cur.execute(for_mariadb(sql), params)  # MySQL 8.0's collation names as MariaDB spells them
            return cur
    try:
        for sql in ddl:
            run(sql)
        for row in ROWS:
            run("INSERT INTO emp (id, boss, name) VALUES (%s, %s, %s)", row)
        got = [tuple(r) for r in run("SELECT id, depth, path, leaf, top FROM org").fetchall()]
        assert [(int(i), int(d), p, int(leaf), t) for i, d, p, leaf, t in got] == ORACLE
    finally:
        session.close()
