"""How text compares in the source (convert/collation.py), the MySQL 8.0 collations a converted table
gets for it (convert/tables.py), and the names the MariaDB stand-in reads them by (verify/engines.py)."""

from __future__ import annotations

import pytest

import migplan
from migplan import engines
from migplan.convert import collation
from migplan.model.schema import Column, TypeSpec
from migplan.verify.engines import for_mariadb


@pytest.mark.parametrize("name,family,cls", [
    ("utf8mb4_0900_ai_ci", "mysql", collation.ACCENT_INSENSITIVE),
    ("utf8mb4_general_ci", "mysql", collation.ACCENT_INSENSITIVE),  # MySQL's _ci collations ignore accents too
    ("utf8mb4_0900_as_ci", "mysql", collation.CASE_INSENSITIVE),
    ("utf8mb4_bin", "mysql", collation.BINARY),
    ("SQL_Latin1_General_CP1_CI_AS", "sqlserver", collation.CASE_INSENSITIVE),
    ("Latin1_General_CI_AI", "sqlserver", collation.ACCENT_INSENSITIVE),
    ("Latin1_General_BIN2", "sqlserver", collation.BINARY),
    ('"C"', "postgresql", collation.BINARY),
])
def test_classify(name, family, cls):
    assert collation.classify(name, family) == cls


def test_column_class_from_type_collation_and_engine():
    pg, mysql = engines.get("postgresql"), engines.get("mysql")
    assert collation.column_class(Column("e", TypeSpec("CITEXT"), 1), None, pg) == collation.CASE_INSENSITIVE
    assert collation.column_class(Column("s", TypeSpec("TEXT"), 1), None, pg) == collation.BINARY
    assert collation.column_class(Column("s", TypeSpec("VARCHAR", ("10",)), 1), None, mysql) == \
        collation.ACCENT_INSENSITIVE
    assert collation.column_class(Column("s", TypeSpec("VARCHAR", ("10",), ("BINARY",)), 1), None, mysql) == \
        collation.BINARY
    assert collation.column_class(Column("n", TypeSpec("INT"), 1), None, mysql) is None


@pytest.mark.parametrize("source,script,table,column", [
    ("oracle", "CREATE TABLE t (s VARCHAR2(10));", "COLLATE=utf8mb4_0900_bin", None),
    ("postgresql", "CREATE TABLE t (s text, e citext);", "COLLATE=utf8mb4_0900_bin", "COLLATE utf8mb4_0900_as_ci"),
    ("sqlserver", "CREATE TABLE t (s varchar(10), b varchar(10) COLLATE Latin1_General_BIN2);",
     "COLLATE=utf8mb4_0900_as_ci", "COLLATE utf8mb4_0900_bin"),
])
def test_mysql_tables_keep_the_source_comparison(source, script, table, column):
    a = migplan.assess_text(script, source, "aurora-mysql")
    ddl = "\n".join(st.sql for obj in a.conversion.objects for st in obj.statements)
    assert table in ddl
    assert (column in ddl) if column else ("COLLATE utf8mb4" not in ddl)


def test_mysql_source_keeps_the_target_default():
    a = migplan.assess_text("CREATE TABLE t (s varchar(10));", "mysql", "aurora-mysql")
    ddl = "\n".join(st.sql for obj in a.conversion.objects for st in obj.statements)
    assert "CREATE TABLE" in ddl and "COLLATE" not in ddl


def test_mariadb_reads_mysql_collation_names():
    sql = "CREATE TABLE t (a varchar(5) COLLATE utf8mb4_0900_as_ci) COLLATE=utf8mb4_0900_bin"
    assert for_mariadb(sql) == ("CREATE TABLE t (a varchar(5) COLLATE utf8mb4_uca1400_nopad_as_ci) "
                                "COLLATE=utf8mb4_nopad_bin")
    assert for_mariadb("SELECT 'utf8mb4_0900_binary'") == "SELECT 'utf8mb4_0900_binary'"


def test_sqlserver_padded_comparisons_on_mysql():
    # SQL Server ignores trailing blanks in = / <> / IN; MySQL 8.0's NO PAD collations do not, but MySQL
    # strips a CHAR value's trailing blanks itself: only the varchar side is rtrim()med
    a = migplan.assess_text("CREATE TABLE c (id nchar(5) PRIMARY KEY, n varchar(10));\nGO\n"
                            "CREATE VIEW w AS SELECT c.id FROM c WHERE c.id = N'X  ' OR n IN (N'a ', 'b');\nGO",
                            "sqlserver", "aurora-mysql")
    view = [st.sql for obj in a.conversion.objects for st in obj.statements if "VIEW" in st.sql]
    assert view == ["CREATE VIEW w AS SELECT c.id FROM c WHERE c.id = 'X' OR RTRIM(n) IN ('a', 'b')"]
