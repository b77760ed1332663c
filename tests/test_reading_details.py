"""Reading details that used to lose input silently: a stray NUL byte, MySQL column options in any
order, comments kept exactly."""

from textwrap import dedent

import migplan


def inv_of(text, source, **kw):
    return migplan.load_text(dedent(text).strip() + "\n", source, **kw)


def test_a_nul_byte_is_reported_by_line_and_the_rest_of_the_file_is_read(tmp_path):
    script = b"CREATE TABLE a (x INT);\nCREATE TABLE b (y INT\x00);\nCREATE TABLE c (z INT);\n"
    (tmp_path / "nul.sql").write_bytes(script)
    inv = migplan.load_schema(tmp_path, "postgresql")
    assert sorted(t.name for t in inv.tables) == ["a", "b", "c"]
    assert inv["b"].status == "parsed" and inv["b"].columns[0].name == "y"
    problem = next(p for p in inv.problems if p.file == "nul.sql")
    assert problem.line == 2 and "NUL" in problem.message
    assert inv.files[0].encoding == "utf-8" and inv["c"].location.line == 3


def test_binary_data_is_still_refused(tmp_path):
    (tmp_path / "junk.sql").write_bytes(b"\x00\x01\x02\x03" * 500)
    inv = migplan.load_schema(tmp_path, "postgresql")
    assert [p.code for p in inv.problems] == ["INPUT-UNREADABLE"]


def test_the_line_of_the_first_bad_byte_is_the_problem_line(tmp_path):
    (tmp_path / "legacy.sql").write_bytes("SELECT 1;\nCOMMENT ON TABLE t IS 'Caf\xe9';\n".encode("cp1252"))
    inv = migplan.load_schema(tmp_path, "postgresql")
    assert inv.problems[0].line == 2


class TestMysqlColumnOptionsInAnyOrder:
    def test_comment_after_primary_key_and_unique_is_kept(self):
        inv = inv_of("""
            CREATE TABLE t (
              id INT PRIMARY KEY COMMENT 'the key',
              code VARCHAR(5) UNIQUE KEY COMMENT 'business code' NOT NULL DEFAULT 'x',
              ref INT UNIQUE INVISIBLE COMMENT 'r'
            );
        """, "mysql")
        t = inv["t"]
        assert t.status == "parsed", t.message
        ident, code, ref = t.columns
        assert ident.comment == "the key" and not ident.nullable
        assert code.comment == "business code" and not code.nullable and code.default == "'x'"
        assert ref.comment == "r" and ref.attrs.get("invisible")
        assert [c.kind for c in t.constraints] == ["primary key", "unique", "unique"]
        assert all("COMMENT" not in c.attrs.get("options", {}) for c in t.constraints)

    def test_an_option_nobody_reads_leaves_the_table_partial(self):
        inv = inv_of("CREATE TABLE t (id INT PRIMARY KEY FROBNICATE 3);", "mysql")
        assert inv["t"].status == "partial" and "FROBNICATE" in inv["t"].message

    def test_index_comment_at_table_level_stays_with_the_index(self):
        inv = inv_of("CREATE TABLE t (id INT, PRIMARY KEY (id) COMMENT 'pk');", "mysql")
        t = inv["t"]
        assert t.status == "parsed" and t.columns[0].comment is None
        assert t.primary_key.attrs["options"]["COMMENT"] == "'pk'"


class TestCommentsKeptExactly:
    def test_table_comment_keeps_its_line_breaks(self):
        inv = inv_of("CREATE TABLE t (id INT) COMMENT='first line\nsecond   line';", "mysql")
        assert inv["t"].comment == "first line\nsecond   line"

    def test_mysql_escapes_in_comments_are_decoded(self):
        inv = inv_of(r"CREATE TABLE t (id INT COMMENT 'a\nb') COMMENT 'it\'s';", "mysql")
        assert inv["t"].columns[0].comment == "a\nb" and inv["t"].comment == "it's"

    def test_other_options_are_still_written_on_one_line(self):
        inv = inv_of("CREATE TABLE t (a NUMBER) STORAGE (INITIAL 64K\n   NEXT 1M);", "oracle")
        assert inv["T"].options["STORAGE"] == "(INITIAL 64K NEXT 1M)"


def test_a_column_primary_key_with_its_own_column_list_keys_those_columns():
    """SQL Server accepts a PRIMARY KEY with a column list right after the last column, without a
    comma (Microsoft's own in-memory OLTP sample): the list is the key, not the column before it."""
    import migplan

    inv = migplan.load_text(
        "CREATE TABLE [dbo].[DimDate](\n [DateKey] [int] NOT NULL,\n [Year] [smallint] NULL\n"
        " CONSTRAINT [PK_DimDate] PRIMARY KEY CLUSTERED\n(\n [DateKey] ASC\n) WITH (PAD_INDEX = OFF)\n)\nGO\n",
        "sqlserver")
    t = inv.get("dbo.DimDate")
    assert t.primary_key.columns == ["DateKey"]
    assert t.column("Year").nullable
