"""Bad input gives a clear message with file and line, and the rest of the run goes on."""

import pytest

import migplan


def test_binary_file_is_skipped_and_reported(tmp_path):
    (tmp_path / "good.sql").write_text("CREATE TABLE t (a INT);\n")
    (tmp_path / "junk.sql").write_bytes(bytes(range(256)) * 20)
    inv = migplan.load_schema(tmp_path, "postgresql")
    assert inv.get("t") is not None
    problem = next(p for p in inv.problems if p.file == "junk.sql")
    assert problem.code == "INPUT-UNREADABLE" and "binary" in problem.message


def test_truncated_script_is_reported_with_line(tmp_path):
    (tmp_path / "cut.sql").write_text("CREATE TABLE a (x INT);\nCREATE TABLE b (y VARCHAR(10) DEFAULT 'oops\n")
    inv = migplan.load_schema(tmp_path, "postgresql")
    assert inv.get("a") is not None
    p = next(p for p in inv.problems if p.code == "INPUT-TRUNCATED")
    assert (p.file, p.line) == ("cut.sql", 2) and "truncated" in p.message


def test_truncated_plsql_without_slash(tmp_path):
    (tmp_path / "p.sql").write_text("CREATE PROCEDURE p IS BEGIN NULL; END;\n")
    inv = migplan.load_schema(tmp_path, "oracle")
    assert any("without a '/' line" in p.message for p in inv.problems)
    assert inv.get("P", kind="procedure") is not None


def test_wrong_dialect_is_recognised_and_nothing_is_lost(tmp_path):
    (tmp_path / "tsql.sql").write_text(
        "CREATE TABLE [dbo].[t] ([id] [int] IDENTITY(1,1) NOT NULL)\nGO\nSELECT TOP 1 * FROM t\nGO\n")
    inv = migplan.load_schema(tmp_path, "oracle")
    assert len(inv.records) == len(inv.statements) >= 1
    from migplan.ingest import sniff

    guess = sniff.mismatch([s.text for s in inv.statements], "oracle")
    assert guess is not None and guess.family == "sqlserver"


def test_missing_include_is_reported(tmp_path):
    (tmp_path / "install.sql").write_text("@@missing.sql\nCREATE TABLE t (a NUMBER);\n")
    inv = migplan.load_schema(tmp_path / "install.sql", "oracle")
    p = next(p for p in inv.problems if p.code == "INPUT-INCLUDE")
    assert p.line == 1 and "missing.sql" in p.message
    assert inv.get("T") is not None


def test_includes_are_followed_in_order(tmp_path):
    (tmp_path / "install.sql").write_text("@@tables.sql\n@@constraints.sql\n")
    (tmp_path / "constraints.sql").write_text("ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY (a);\n")
    (tmp_path / "tables.sql").write_text("CREATE TABLE t (a NUMBER);\n")
    inv = migplan.load_schema(tmp_path, "oracle")
    assert [f.path for f in inv.files] == ["install.sql", "tables.sql", "constraints.sql"]
    assert inv["T"].primary_key.name == "T_PK"
    assert inv.files[1].included_by == "install.sql:1"


def test_pair_without_a_converter_says_so():
    """Teradata scripts can be inventoried and checked in the matrix, not converted to PostgreSQL (an
    unsupported pair, forced): a clear error."""
    import migplan
    from migplan.errors import MigplanError

    with pytest.raises(MigplanError, match="does not convert teradata scripts"):
        migplan.assess_text("CREATE TABLE t (id INTEGER NOT NULL PRIMARY KEY);", "teradata", "aurora-postgresql",
                            force=True)
