"""Objects that install scripts create from inside blocks, and SQL Server's stub-then-ALTER idiom:
they are schema objects, with their guard noted and the real definition kept."""

from textwrap import dedent

import migplan


def inv_of(text, source):
    return migplan.load_text(dedent(text).strip() + "\n", source, path="install.sql")


def record_of(inv, obj):
    return next(r for r in inv.records if r.object == obj.qname and r.index == obj.statement)


class TestStubThenAlter:
    STUB = "IF OBJECT_ID('dbo.usp_report') IS NULL EXEC ('CREATE PROCEDURE dbo.usp_report AS RETURN 0')\nGO\n"
    REAL = dedent("""
        ALTER PROCEDURE dbo.usp_report @days int = 7 AS
        BEGIN
          SET NOCOUNT ON;
          SELECT COUNT(*) FROM dbo.orders WHERE created > DATEADD(day, -@days, GETDATE());
        END
        GO
    """).lstrip()

    def test_the_alter_with_a_body_defines_the_procedure(self):
        inv = migplan.load_text(self.STUB + self.REAL, "sqlserver", path="install.sql")
        proc = inv.get("dbo.usp_report", kind="procedure")
        assert proc is not None and [r for r in inv.routines] == [proc]
        assert "SELECT COUNT(*)" in proc.body and [p.name for p in proc.parameters] == ["@days"]
        assert proc.location.line == 3 and proc.attrs["defined_by_alter"]
        assert not [p for p in inv.problems if p.code == "INPUT-ORPHAN"]
        assert record_of(inv, proc).kind == "alter procedure" and record_of(inv, proc).disposition == "object"

    def test_the_stub_does_not_win_when_it_comes_second(self, tmp_path):
        (tmp_path / "a_procs.sql").write_text(self.REAL)
        (tmp_path / "b_stubs.sql").write_text(self.STUB + "CREATE PROCEDURE dbo.usp_report AS RETURN 0\nGO\n")
        inv = migplan.load_schema(tmp_path, "sqlserver")
        proc = inv.get("dbo.usp_report", kind="procedure")
        assert "SELECT COUNT(*)" in proc.body and proc.location.file == "a_procs.sql"
        stubs = [r for r in inv.records if r.file == "b_stubs.sql" and r.kind == "create procedure"]
        assert len(stubs) == 2 and all(r.object == "dbo.usp_report" and "already defined" in r.message
                                       for r in stubs)

    def test_stub_by_sp_executesql_with_a_named_parameter(self):
        inv = inv_of("""
            IF NOT EXISTS (SELECT * FROM sys.objects WHERE object_id = OBJECT_ID(N'[dbo].[CommandExecute]'))
            BEGIN
            EXEC dbo.sp_executesql @statement = N'CREATE PROCEDURE [dbo].[CommandExecute] AS'
            END
            GO
            ALTER PROCEDURE [dbo].[CommandExecute] @Command nvarchar(max) AS
            BEGIN
              EXECUTE sp_executesql @Command
            END
            GO
        """, "sqlserver")
        proc = inv.get("dbo.CommandExecute", kind="procedure")
        assert proc.location.line == 6 and "sp_executesql @Command" in proc.body
        assert [p.name for p in proc.parameters] == ["@Command"] and not inv.problems

    def test_create_or_alter_of_each_kind(self):
        inv = inv_of("""
            CREATE OR ALTER PROCEDURE dbo.p AS SELECT 1
            GO
            CREATE OR ALTER FUNCTION dbo.f (@x int) RETURNS int AS BEGIN RETURN @x END
            GO
            CREATE OR ALTER VIEW dbo.v AS SELECT 1 AS a
            GO
            CREATE OR ALTER TRIGGER dbo.tr ON dbo.t AFTER INSERT AS SELECT 1
            GO
            ALTER VIEW dbo.v AS SELECT 2 AS b
            GO
            CREATE OR ALTER VIEW dbo.v AS SELECT 3 AS c
            GO
        """, "sqlserver")
        assert sorted((o.kind, o.qname) for o in inv.objects) == [
            ("function", "dbo.f"), ("procedure", "dbo.p"), ("trigger", "dbo.tr"), ("view", "dbo.v")]
        assert inv.get("dbo.v", kind="view").column_names == [] and "3 AS c" in inv.get("dbo.v", kind="view").query

    def test_mysql_alter_view_restates_the_view(self):
        inv = inv_of("""
            CREATE VIEW v AS SELECT 1 AS a;
            ALTER ALGORITHM=MERGE VIEW v AS SELECT 2 AS b;
        """, "mysql")
        assert "2 AS b" in inv["v"].query and not inv.problems


class TestGuardedDdl:
    def test_sql_server_if_blocks(self):
        inv = inv_of("""
            IF OBJECT_ID(N'dbo.t', N'U') IS NULL
            BEGIN
                CREATE TABLE dbo.t (id int NOT NULL PRIMARY KEY, name nvarchar(10))
                CREATE INDEX ix_t_name ON dbo.t (name);
            END
            GO
            IF NOT EXISTS (SELECT * FROM sys.tables WHERE name = 'u')
                CREATE TABLE dbo.u (id int)
            ELSE
                PRINT 'u exists'
            GO
        """, "sqlserver")
        t, u = inv["dbo.t"], inv["dbo.u"]
        assert t.status == "parsed" and [c.name for c in t.columns] == ["id", "name"] and t.location.line == 3
        assert [i.name for i in t.indexes] == ["ix_t_name"]
        assert any("OBJECT_ID(N'dbo.t', N'U') IS NULL" in n and "install.sql:1" in n for n in t.notes)
        assert u.status == "parsed" and u.location.line == 8 and any("NOT EXISTS" in n for n in u.notes)
        block = inv.records[0]
        assert block.disposition == "block" and "2 DDL statements" in block.message

    def test_sql_server_dynamic_sql_literals(self):
        inv = inv_of("""
            EXEC sp_executesql N'CREATE VIEW dbo.v AS SELECT ''it''''s'' AS label'
            GO
            EXEC (N'CREATE SCHEMA app')
            GO
            DECLARE @s nvarchar(100) = N'x'
            EXEC (N'CREATE TABLE dbo.' + @s + N' (a int)')
            GO
        """, "sqlserver")
        assert inv["dbo.v"].status == "parsed" and "'it''s'" in inv["dbo.v"].query
        assert inv.get("app", kind="schema") is not None
        assert not inv.tables  # a name built at run time is not a literal: nothing to read

    def test_oracle_execute_immediate_in_blocks(self):
        inv = inv_of("""
            BEGIN
              EXECUTE IMMEDIATE 'CREATE TABLE t1 (id NUMBER PRIMARY KEY, note VARCHAR2(10) DEFAULT ''x'')';
              EXECUTE IMMEDIATE 'CREATE INDEX t1_note ON t1 (note)';
            EXCEPTION WHEN OTHERS THEN
              IF SQLCODE != -955 THEN RAISE; END IF;
            END;
            /
            DECLARE
              n NUMBER;
            BEGIN
              SELECT COUNT(*) INTO n FROM user_tables WHERE table_name = 'T2';
              IF n = 0 THEN
                EXECUTE IMMEDIATE q'[
                  CREATE TABLE t2 (
                    id NUMBER,
                    txt VARCHAR2(10) DEFAULT 'it''s')]';
              END IF;
            END;
            /
        """, "oracle")
        t1, t2 = inv["T1"], inv["T2"]
        assert t1.status == "parsed" and t1.columns[1].default == "'x'" and t1.location.line == 2
        assert inv.get("T1_NOTE", kind="index").location.line == 3
        assert any("EXCEPTION WHEN OTHERS" in n for n in t1.notes)
        assert t2.status == "parsed" and t2.location.line == 14 and t2.columns[1].default == "'it''s'"
        assert t2.checks == [] and any("n = 0" in n for n in t2.notes)

    def test_postgres_do_block(self):
        inv = inv_of("""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
                CREATE TYPE mood AS ENUM ('sad', 'ok');
                CREATE TABLE person (id int, m mood);
              END IF;
              EXECUTE 'CREATE INDEX person_m ON person (m)';
            END $$;
        """, "postgresql")
        mood = inv.get("mood", kind="type")
        assert mood.values == ["sad", "ok"] and mood.location.line == 4
        assert any("typname = 'mood'" in n for n in mood.notes)
        assert inv["person"].location.line == 5
        index = inv.get("person_m", kind="index")
        assert index.location.line == 7 and not any("guard" in n for n in index.notes)

    def test_a_guarded_create_does_not_replace_an_existing_object(self):
        inv = inv_of("""
            CREATE TABLE dbo.t (id int, name nvarchar(10))
            GO
            IF OBJECT_ID('dbo.t') IS NULL CREATE TABLE dbo.t (id int)
            GO
        """, "sqlserver")
        assert [c.name for c in inv["dbo.t"].columns] == ["id", "name"]
        assert "already defined" in inv.records[2].message
