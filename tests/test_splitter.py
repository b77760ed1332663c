"""The statement splitter, rule by rule and dialect by dialect."""

from textwrap import dedent

import pytest

from migplan.ingest.files import source_from_text
from migplan.ingest.split import split_source, uncovered_code


def split(text, dialect, **options):
    src = source_from_text(dedent(text).lstrip("\n"))
    stmts = split_source(src, dialect, options)
    assert uncovered_code(src, stmts, dialect) == []  # nothing lost, whatever the rule
    return stmts


def sql(stmts):
    return [s.text for s in stmts if s.kind == "sql"]


def clients(stmts):
    return [s.client for s in stmts if s.kind == "client"]


class TestCommonRules:
    @pytest.mark.parametrize("dialect", ["oracle", "tsql", "mysql", "postgres", "teradata", "db2", "cql"])
    def test_semicolons_in_strings_and_comments_never_split(self, dialect):
        stmts = split("""
            COMMENT ON TABLE t IS 'a; b';
            /* c; d */ SELECT 1 -- e; f
            ;
        """, dialect)
        assert len(sql(stmts)) == 2
        assert sql(stmts)[0] == "COMMENT ON TABLE t IS 'a; b'"

    @pytest.mark.parametrize("dialect", ["oracle", "postgres", "db2"])
    def test_quoted_identifier_with_semicolon(self, dialect):
        assert len(sql(split('CREATE TABLE "a;b" (x INT); SELECT 1;', dialect))) == 2

    def test_escaped_quotes_in_strings(self):
        assert len(sql(split("INSERT INTO t VALUES ('it''s; fine'); SELECT 2;", "oracle"))) == 2

    def test_line_numbers(self):
        stmts = split("\n\nSELECT 1;\n\nSELECT\n2;\n", "postgres")
        assert [(s.line, s.end_line) for s in stmts] == [(1, 1), (3, 4)]  # dedent/lstrip removed the first blank

    def test_unterminated_string_is_reported_as_truncated(self):
        stmts = split("SELECT 1;\nINSERT INTO t VALUES ('oops;\n", "oracle")
        assert "unterminated string starting at line 2" in stmts[-1].notes[0]

    def test_last_statement_without_terminator(self):
        stmts = split("SELECT 1;\nSELECT 2\n", "postgres")
        assert sql(stmts) == ["SELECT 1", "SELECT 2"] and stmts[-1].terminator == "eof"


class TestOracle:
    def test_plsql_unit_ends_at_slash_not_semicolon(self):
        stmts = split("""
            CREATE OR REPLACE PROCEDURE p IS
            BEGIN
              UPDATE t SET x = 1;
              COMMIT;
            END;
            /
            SELECT 1 FROM dual;
        """, "oracle")
        assert len(sql(stmts)) == 2
        assert "UPDATE t SET x = 1;" in sql(stmts)[0] and sql(stmts)[0].endswith("END;")
        assert stmts[0].terminator == "/"

    @pytest.mark.parametrize("head", [
        "CREATE FUNCTION f RETURN NUMBER IS BEGIN RETURN 1; END;",
        "CREATE OR REPLACE EDITIONABLE PACKAGE pk AS x NUMBER; END;",
        "CREATE OR REPLACE PACKAGE BODY pk AS PROCEDURE a IS BEGIN NULL; END; END;",
        "CREATE OR REPLACE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN :NEW.id := 1; END;",
        "CREATE TYPE ty AS OBJECT (a NUMBER, b VARCHAR2(10));",
        "CREATE OR REPLACE TYPE BODY ty AS MEMBER FUNCTION m RETURN NUMBER IS BEGIN RETURN 1; END; END;",
        "DECLARE v NUMBER; BEGIN v := 1; END;",
        "BEGIN dbms_output.put_line('x;y'); END;",
    ])
    def test_every_plsql_unit_kind(self, head):
        stmts = split(head + "\n/\nSELECT 1 FROM dual;\n", "oracle")
        assert sql(stmts) == [head, "SELECT 1 FROM dual"]

    def test_sql_statement_may_end_with_slash_line(self):
        stmts = split("CREATE TABLE t (a NUMBER)\n/\nSELECT 1 FROM dual;", "oracle")
        assert sql(stmts) == ["CREATE TABLE t (a NUMBER)", "SELECT 1 FROM dual"]

    def test_slash_after_semicolon_is_recorded_as_rerun(self):
        stmts = split("INSERT INTO t VALUES (1);\n/\n", "oracle")
        assert clients(stmts) == ["/"] and "runs again" in stmts[1].notes[0]

    @pytest.mark.parametrize("line,name", [
        ("SET ECHO OFF", "SET"), ("set define off", "SET"), ("PROMPT Creating tables; please wait", "PROMPT"),
        ("PRO It's here", "PROMPT"), ("REM a 'quote", "REMARK"), ("SPOOL install.log", "SPOOL"),
        ("WHENEVER SQLERROR EXIT SQL.SQLCODE", "WHENEVER"), ("EXIT", "EXIT"), ("CONNECT hr/secret@db", "CONNECT"),
        ("DEFINE pass = 'x'", "DEFINE"), ("@@child.sql", "@@"), ("@other", "@"), ("COLUMN a FORMAT a20", "COLUMN"),
        ("EXEC dbms_stats.gather_schema_stats('HR')", "EXECUTE"), ("SHOW ERRORS", "SHOW"),
    ])
    def test_sqlplus_commands_are_recorded_not_parsed(self, line, name):
        stmts = split(f"{line}\nSELECT 1 FROM dual;\n", "oracle")
        assert clients(stmts) == [name]
        assert sql(stmts) == ["SELECT 1 FROM dual"]

    def test_set_transaction_is_sql_not_sqlplus(self):
        assert clients(split("SET TRANSACTION READ ONLY;\n", "oracle")) == []

    def test_sqlplus_continuation_dash(self):
        stmts = split("PROMPT a long -\nprompt text\nSELECT 1 FROM dual;", "oracle")
        assert clients(stmts) == ["PROMPT"] and stmts[0].end_line == 2

    def test_include_and_define(self):
        stmts = split("DEFINE tbs = users\n@@tables a 'b c'\nCREATE TABLE t (a NUMBER) TABLESPACE &tbs;\n", "oracle")
        assert stmts[1].include == "tables.sql" and stmts[1].include_args == ["a", "'b c'"]
        assert clients(stmts) == ["DEFINE", "@@"]  # the inventory follows the variables (test_variables.py)

    def test_missing_slash_before_next_unit_is_reported(self):
        stmts = split("""
            CREATE PROCEDURE a IS BEGIN NULL; END;
            CREATE PROCEDURE b IS BEGIN NULL; END;
            /
        """, "oracle")
        assert len(sql(stmts)) == 2
        assert "no '/' line" in stmts[0].notes[0]

    def test_q_quote(self):
        assert len(sql(split("SELECT q'[it's; here]' FROM dual; SELECT 2 FROM dual;", "oracle"))) == 2


class TestSqlServer:
    def test_go_ends_a_batch_and_is_not_sql(self):
        stmts = split("CREATE TABLE a (x INT)\nGO\nCREATE TABLE b (x INT)\ngo\n", "tsql")
        assert sql(stmts) == ["CREATE TABLE a (x INT)", "CREATE TABLE b (x INT)"]
        assert all(s.terminator == "GO" for s in stmts)

    def test_go_with_count(self):
        stmts = split("INSERT INTO t DEFAULT VALUES\nGO 5\n", "tsql")
        assert stmts[0].terminator == "GO 5"

    def test_batch_with_several_statements_without_semicolons(self):
        stmts = split("""
            SET ANSI_NULLS ON
            SET QUOTED_IDENTIFIER ON
            CREATE TABLE [dbo].[a] (x INT)
            ALTER TABLE [dbo].[a] ADD CONSTRAINT [PK_a] PRIMARY KEY CLUSTERED (x)
            WITH (PAD_INDEX = OFF) ON [PRIMARY]
            GO
        """, "tsql")
        assert len(sql(stmts)) == 4
        assert sql(stmts)[3].endswith("ON [PRIMARY]")

    def test_procedure_body_runs_to_end_of_batch(self):
        stmts = split("""
            CREATE PROCEDURE dbo.p AS
            BEGIN
              SET NOCOUNT ON;
              SELECT 1;
              IF @@ROWCOUNT = 0
                 RETURN
              UPDATE t SET x = 1
            END
            GO
            SELECT 2
        """, "tsql")
        assert len(sql(stmts)) == 2 and "UPDATE t SET x = 1" in sql(stmts)[0]

    @pytest.mark.parametrize("kind", ["VIEW v AS SELECT 1 AS a\nSELECT 2 AS b",
                                      "FUNCTION f() RETURNS INT AS BEGIN RETURN 1 END",
                                      "TRIGGER trg ON t AFTER INSERT AS\nINSERT INTO log SELECT * FROM inserted",
                                      "OR ALTER PROCEDURE p AS\nSELECT 1\nSELECT 2"])
    def test_create_routine_or_view_takes_the_whole_batch(self, kind):
        stmts = split(f"CREATE {kind}\nGO\n", "tsql")
        assert len(sql(stmts)) == 1

    def test_if_statement_keeps_its_body(self):
        stmts = split("""
            IF OBJECT_ID('t') IS NOT NULL
                DROP TABLE t
            ELSE
                PRINT 'none'
            CREATE TABLE t (x INT)
            GO
        """, "tsql")
        assert len(sql(stmts)) == 2 and sql(stmts)[0].startswith("IF") and "PRINT" in sql(stmts)[0]

    def test_insert_select_and_update_set_not_split(self):
        stmts = split("INSERT INTO t (a)\nSELECT a FROM s\nUPDATE t\nSET a = 1\nGO\n", "tsql")
        assert len(sql(stmts)) == 2

    def test_sqlcmd_commands(self):
        stmts = split(":setvar DatabaseName \"Shop\"\n:r .\\tables.sql\nUSE $(DatabaseName)\nGO\n", "tsql")
        assert clients(stmts) == [":setvar", ":r"]
        assert stmts[2].text == "USE $(DatabaseName)"

    def test_brackets_and_nested_comments(self):
        stmts = split("CREATE TABLE [a;b] (x INT) /* one /* two; */ still */\nGO\n", "tsql")
        assert len(sql(stmts)) == 1


class TestMySQL:
    def test_delimiter_changes(self):
        stmts = split("""
            DELIMITER ;;
            CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END ;;
            DELIMITER ;
            SELECT 1;
        """, "mysql")
        assert clients(stmts) == ["DELIMITER", "DELIMITER"]
        assert len(sql(stmts)) == 2 and "SET NEW.b = 2;" in sql(stmts)[0]

    def test_delimiter_glued_to_end(self):
        stmts = split("DELIMITER $$\nCREATE FUNCTION f() RETURNS INT BEGIN RETURN 1; END$$\nDELIMITER ;\n", "mysql")
        assert sql(stmts) == ["CREATE FUNCTION f() RETURNS INT BEGIN RETURN 1; END"]

    def test_version_comments_are_code(self):
        stmts = split("/*!40101 SET NAMES utf8 */;\n/*!50001 CREATE VIEW v AS SELECT 1 */;\n", "mysql")
        assert len(sql(stmts)) == 2

    def test_hash_and_dashdash_comments(self):
        stmts = split("# a; b\nSELECT 1 -- c; d\n;\nSELECT 2--3;\n", "mysql")
        assert len(sql(stmts)) == 2

    def test_backslash_escapes_in_strings(self):
        assert len(sql(split("INSERT INTO t VALUES ('a\\';b'); SELECT 1;", "mysql"))) == 2


class TestPostgres:
    def test_dollar_quoted_bodies(self):
        stmts = split("""
            CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
            CREATE FUNCTION g() RETURNS text AS $_$ SELECT '$$;'::text $_$ LANGUAGE sql;
        """, "postgres")
        assert len(sql(stmts)) == 2

    def test_psql_meta_commands(self):
        stmts = split("\\connect shop\n\\set ON_ERROR_STOP on\nSELECT 1;\n", "postgres")
        assert clients(stmts) == ["\\connect", "\\set"]

    def test_copy_from_stdin_data_is_skipped(self):
        stmts = split("COPY t (a, b) FROM stdin;\n1\tx;y\n2\t'z\n\\.\nSELECT 1;\n", "postgres")
        assert sql(stmts) == ["COPY t (a, b) FROM stdin", "SELECT 1"]
        assert stmts[0].data_lines == 2

    def test_nested_comments_and_e_strings(self):
        stmts = split("/* a /* b; */ c; */ SELECT E'x\\';y';\nSELECT 2;", "postgres")
        assert len(sql(stmts)) == 2


class TestOtherDialects:
    def test_teradata_bteq_dot_commands_and_procedures(self):
        stmts = split("""
            .LOGON tdpid/user,pw;
            .SET WIDTH 200
            REPLACE PROCEDURE p() BEGIN DELETE FROM t; INSERT INTO t VALUES (1); END;
            SELECT 1;
            .QUIT
        """, "teradata")
        assert clients(stmts) == [".LOGON", ".SET", ".QUIT"]
        assert len(sql(stmts)) == 2

    def test_db2_terminator_from_hint_and_directive(self):
        stmts = split("""
            -- run with: db2 -td@ -vf this.db2
            CREATE PROCEDURE p() BEGIN DECLARE x INT; SET x = 1; END@
            --#SET TERMINATOR ;
            SELECT 1 FROM sysibm.sysdummy1;
        """, "db2")
        assert len(sql(stmts)) == 2 and clients(stmts) == ["--#SET TERMINATOR"]

    def test_cql(self):
        stmts = split("// comment; here\nCREATE TABLE ks.t (a int PRIMARY KEY);\nCONSISTENCY ONE\n", "cql")
        assert len(sql(stmts)) == 1 and clients(stmts) == ["CONSISTENCY"]
