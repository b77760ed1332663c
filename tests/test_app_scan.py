"""scan_app: one small fixture per class of construct (string syntax of each language, what is and
is not SQL, placeholders), the outputs (frame, JSON against its schema, CSV, CLI), determinism,
and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import migplan
from migplan.app.sqlcheck import judge
from migplan.app.sqltext import FORMAT_PERCENT, mark, restore
from migplan.cli import main
from migplan.errors import InputError
from tests.conftest import ROOT

SCHEMA = json.loads((ROOT / "migplan" / "data" / "app_scan.schema.json").read_text("utf-8"))


def scan(tmp_path: Path, name: str, code: str, source: str = "oracle", **kw):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    return migplan.scan_app(tmp_path, source, **kw)


def rows(app) -> list[tuple[int, str, str]]:
    return [(s.line, s.construction, " ".join(s.sql.split())) for s in app.statements]


# -- string syntax, one language at a time -----------------------------------------------------


def test_java_literals_escapes_text_blocks_and_comments(tmp_path):
    app = scan(tmp_path, "A.java", r'''
        class A {
          // stmt.executeQuery("SELECT 1 FROM dual");
          /* c.prepareStatement("DELETE FROM t") */
          static final String COLS = "a, b";
          void f() {
            c.prepareStatement("SELECT \"A\", 'x\ty' FROM t WHERE n = ?");
            String q = """
                SELECT a,
                  b \
                FROM t""";
            jdbc.query(q);
            jdbc.update("UPDATE t SET " + COLS.trim() + " = ?");
          }
        }
        ''')
    assert rows(app) == [(7, "literal", "SELECT \"A\", 'x y' FROM t WHERE n = ?"),
                         (8, "literal", "SELECT a, b FROM t"),
                         (13, "concatenation", "UPDATE t SET a, b = ?")]
    assert app.statements[0].sql == "SELECT \"A\", 'x\ty' FROM t WHERE n = ?"
    assert app.statements[1].sql == "SELECT a,\n  b FROM t"  # indentation stripped, \<newline> joins


def test_jpql_is_not_sql_unless_the_file_uses_jdbi(tmp_path):
    code = '''
        {imports}
        class A {{ void f() {{ handle.createQuery("SELECT * FROM orders WHERE id = :id"); }} }}
        '''
    jpa = scan(tmp_path / "jpa", "A.java", code.format(imports="import jakarta.persistence.EntityManager;"))
    jdbi = scan(tmp_path / "jdbi", "A.java", code.format(imports="import org.jdbi.v3.core.Handle;"))
    assert len(jpa) == 0
    assert [(s.api, s.kind) for s in jdbi.statements] == [("handle.createQuery", "select")]


def test_csharp_verbatim_raw_and_interpolated_strings(tmp_path):
    app = scan(tmp_path, "A.cs", '''
        class A {
            void F(string t) {
                new SqlCommand(@"SELECT ""Id""
                FROM Orders", c);
                var raw = """
                    SELECT Name FROM Customers WHERE Id = @id
                    """;
                conn.Query<Customer>(raw, new { id = 1 });
                new SqlCommand($"DELETE FROM {t} WHERE Id = {{1}}", c);
            }
        }
        ''', source="sqlserver")
    assert [(s.line, s.construction, s.sql) for s in app.statements] == [
        (4, "literal", 'SELECT "Id"\n        FROM Orders'),
        (6, "literal", "SELECT Name FROM Customers WHERE Id = @id"),
        (10, "format string", "DELETE FROM {t} WHERE Id = {1}"),
    ]
    assert [p.text for p in app.statements[1].placeholders] == ["@id"]
    assert [x.expression for x in app.statements[2].splices] == ["t"]


def test_python_prefixes_fstrings_docstrings_and_formats(tmp_path):
    app = scan(tmp_path, "a.py", '''
        """SELECT * FROM t WHERE id = %s"""
        # cur.execute("DELETE FROM t")

        def f(cur, table, ids):
            """Select rows from the table."""
            cur.execute(r"SELECT a FROM t WHERE b LIKE '\\d%'")
            cur.execute(f"SELECT * FROM {table} WHERE id = %s", (1,))
            cur.execute(u"SELECT 1 FROM t " "WHERE x = %(x)s", {"x": 1})
            cur.execute("SELECT * FROM t WHERE id IN (%s)" % ", ".join(ids))
            "SELECT * FROM standalone_string_statement"
        ''', source="postgresql")
    assert rows(app) == [
        (7, "literal", "SELECT a FROM t WHERE b LIKE '\\d%'"),
        (8, "format string", "SELECT * FROM {table} WHERE id = %s"),
        (9, "concatenation", "SELECT 1 FROM t WHERE x = %(x)s"),
        (10, "format string", "SELECT * FROM t WHERE id IN (%s)"),
    ]
    by_line = {s.line: s for s in app.statements}
    assert [p.text for p in by_line[8].placeholders] == ["%s"]  # a DB-API placeholder next to a splice
    assert [x.text for x in by_line[10].splices] == ["%s"] and not by_line[10].placeholders


def test_php_quotes_heredoc_nowdoc_and_interpolation(tmp_path):
    app = scan(tmp_path, "a.php", '''
        <h1>SELECT * FROM html_is_not_code</h1>
        <?php
        // $pdo->query("SELECT 1 FROM commented"); ?>
        <?php
        $pdo->query('SELECT \\'a\\' FROM t');
        $sql = <<<SQL
            SELECT * FROM t WHERE id = $id AND x = {$row['x']}
            SQL;
        $pdo->query($sql);
        $pdo->prepare(<<<'SQL'
          SELECT $literal FROM t
          SQL);
        ''', source="mysql")
    assert rows(app) == [(6, "literal", "SELECT 'a' FROM t"),
                         (7, "format string", "SELECT * FROM t WHERE id = $id AND x = {$row['x']}"),
                         (11, "literal", "SELECT $literal FROM t")]


def test_javascript_templates_tags_and_regex_literals(tmp_path):
    app = scan(tmp_path, "a.ts", '''
        const re = /'select'/g;  // a regular expression, not a string
        const x = a / b / c;
        pool.query(`SELECT * FROM t WHERE id = $1`, [id]);
        pool.query(`SELECT * FROM t ORDER BY ${col} ${dir === "a" ? `ASC` : "DESC"}`);
        const row = await sql`SELECT * FROM t WHERE id = ${id}`;
        ''', source="postgresql")
    assert rows(app) == [(4, "literal", "SELECT * FROM t WHERE id = $1"),
                         (5, "format string", 'SELECT * FROM t ORDER BY ${col} ${dir === "a" ? `ASC` : "DESC"}'),
                         (6, "literal", "SELECT * FROM t WHERE id = ${id}")]
    assert [p.style for p in app.statements[2].placeholders] == ["${}"]


def test_go_raw_and_interpreted_strings(tmp_path):
    app = scan(tmp_path, "a.go", '''
        package a
        // db.Query("SELECT 1 FROM commented")
        const q = `SELECT "a"
        FROM t WHERE x = ?`
        type R struct { ID int `db:"id"` }
        func f() {
            db.QueryContext(ctx, q, 1)
            db.Exec("DELETE FROM t WHERE name = \\"x\\"")
            db.Exec(fmt.Sprintf("DELETE FROM %s", name))
            conn.Query(ctx, "SELECT id FROM t WHERE x = $1", 1)
        }
        ''', source="mysql")
    assert rows(app) == [(4, "literal", 'SELECT "a" FROM t WHERE x = ?'),
                         (9, "literal", 'DELETE FROM t WHERE name = "x"'),
                         (10, "format string", "DELETE FROM %s"),
                         (11, "literal", "SELECT id FROM t WHERE x = $1")]
    assert app.statements[0].api == "db.QueryContext"
    assert app.statements[3].api == "conn.Query"  # pgx: the context comes first


def test_c_strings_macros_and_embedded_sql(tmp_path):
    app = scan(tmp_path, "a.pc", r'''
        /* EXEC SQL DELETE FROM commented; */
        EXEC SQL INCLUDE SQLCA;
        #define COLS "a, b"
        #include "sql.h"
        void f(void) {
            EXEC SQL BEGIN DECLARE SECTION; int n; EXEC SQL END DECLARE SECTION;
            EXEC SQL SELECT COUNT(*) INTO :n FROM t WHERE x = 'a;b';
            SQLExecDirect(h, (SQLCHAR *) "SELECT " COLS " FROM t", SQL_NTS);
            const char *raw = R"x(SELECT ")" FROM t)x";
            EXEC SQL WHENEVER SQLERROR CONTINUE;
        }
        ''')
    assert rows(app) == [(8, "literal", "SELECT COUNT(*) INTO :n FROM t WHERE x = 'a;b'"),
                         (9, "concatenation", "SELECT a, b FROM t"),
                         (10, "literal", 'SELECT ")" FROM t')]
    assert app.statements[0].language == "proc" and app.statements[0].api == "EXEC SQL"
    assert app.statements[1].api == "SQLExecDirect"


def test_mybatis_mapper_and_sql_file(tmp_path):
    (tmp_path / "m.xml").write_text(textwrap.dedent('''\
        <?xml version="1.0"?>
        <mapper namespace="x.M">
          <!-- <select id="old">SELECT 1 FROM commented</select> -->
          <select id="a">SELECT * FROM t <where><if test="x">AND x = #{x}</if></where> ORDER BY ${c}</select>
        </mapper>
        '''), encoding="utf-8")
    (tmp_path / "other.xml").write_text("<beans><value>SELECT * FROM not_a_mapper</value></beans>", "utf-8")
    (tmp_path / "run.sql").write_text("-- nightly\nDELETE FROM t WHERE d < SYSDATE;\n\nPROMPT done\n", "utf-8")
    app = migplan.scan_app(tmp_path, "oracle")
    assert [(s.file, s.line, s.construction, s.sql) for s in app.statements] == [
        ("m.xml", 4, "dynamic", "SELECT * FROM t WHERE x = #{x} ORDER BY ${c}"),
        ("run.sql", 2, "literal", "DELETE FROM t WHERE d < SYSDATE"),
    ]
    assert [f.path for f in app.files] == ["m.xml", "run.sql"]  # other.xml is no mapper


# -- is it SQL? ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Select an option", "Delete from the list", "Update available", "Insert coin",
                                  "Select rows from __mps0", "select order {}", "Commit changes", "Show details",
                                  "Begin the game", "Drop files here", "Truncate text", "With love", "Exec summary",
                                  "SELECT failed: check the log.", "https://x/y?select=1&from=2",
                                  "drop column", "DO INSTEAD NOTHING", "do", "create table"])
def test_prose_is_not_sql(text):
    for dialect in ("oracle", "tsql", "postgres", "mysql"):
        assert not judge(text, dialect, False).is_sql, dialect


@pytest.mark.parametrize("text, kind, status", [
    ("SELECT * FROM t", "select", "parsed"),
    ("select a from t", "select", "parsed"),
    ("{call pkg.p(:__mp0, :__mp1)}", "call", "parsed"),
    ("{:__mp0 = call f(:__mp1)}", "call", "parsed"),
    ("BEGIN pkg.p(:__mp0); END;", "block", "partial"),
    ("CREATE OR REPLACE PROCEDURE p IS BEGIN NULL; END;", "ddl", "partial"),
])
def test_sql_is_sql_without_an_api(text, kind, status):
    v = judge(text, "oracle", False)
    assert (v.is_sql, v.kind, v.status) == (True, kind, status)


def test_what_an_api_receives_is_reported_even_unparsed():
    v = judge("SELECT FROM WHERE", "oracle", True)
    assert (v.is_sql, v.status) == (True, "unparsed") and v.message
    assert not judge("SELECT FROM WHERE", "oracle", False).is_sql
    assert not judge("hello", "oracle", True).is_sql  # an API string that does not start like SQL
    assert judge("COMMIT", "oracle", True).kind == "transaction"
    assert judge("dbo.usp_Log", "tsql", True, routine_name=True).kind == "call"


def test_placeholders_are_kept_masked_and_restored():
    m = mark("SELECT a::int, ':x' FROM t WHERE a = :a AND b = ? AND c = $1 AND d = #{d} -- :no", "java", [],
             set())
    assert [p.text for p in m.placeholders] == [":a", "?", "$1", "#{d}"]
    assert m.masked == "SELECT a::int, ':x' FROM t WHERE a = :__mp0 AND b = :__mp1 AND c = :__mp2 AND d = :__mp3 -- :no"
    assert restore(m.masked, m.masks) == m.sql
    f = mark("UPDATE t SET a = '%s' WHERE id = %d AND p = 100%%", "java", [], {FORMAT_PERCENT})
    assert [x.text for x in f.splices] == ["%s", "%d"] and not f.placeholders


def test_at_names_depend_on_language_and_dialect():
    assert [p.text for p in mark("SELECT @x, @@ROWCOUNT", "csharp", [], set()).placeholders] == ["@x"]
    assert mark("SELECT @x", "go", [], set(), dialect="mysql").placeholders == []
    assert [p.text for p in mark("SELECT @x", "go", [], set(), dialect="tsql").placeholders] == ["@x"]
    assert mark("DECLARE @x int; SELECT @x", "csharp", [], set()).placeholders == []
    assert mark("EXEC p @a = 1", "csharp", [], set()).placeholders == []


# -- linking ---------------------------------------------------------------------------------


def test_names_resolve_with_the_engine_rules(tmp_path):
    app = scan(tmp_path, "A.java", '''
        class A { void f() {
          q("SELECT * FROM cust c JOIN Retail.Orders o ON o.customer_id = c.customer_id");
          q("SELECT * FROM retail.order_archive");
          q("SELECT retail.orders_seq.NEXTVAL, retail.get_customer_tier(1), upper('x') FROM dual");
          q("BEGIN pkg_order_mgmt.cancel_order(1, 'x'); dbms_output.put_line('x'); END;");
          q("SELECT * FROM user_tables");
        } }
        ''', schema=ROOT / "sample_schemas" / "oracle" / "retail")
    got = [[(o.mode, o.name, o.resolved) for o in s.objects] for s in app.statements]
    assert got == [
        [("read", "CUST", "RETAIL.CUSTOMERS"), ("read", "RETAIL.ORDERS", "RETAIL.ORDERS")],  # synonym, folded
        [("read", "RETAIL.ORDER_ARCHIVE", None)],  # not in the scripts
        [("call", "RETAIL.GET_CUSTOMER_TIER", "RETAIL.GET_CUSTOMER_TIER"),
         ("read", "RETAIL.ORDERS_SEQ", "RETAIL.ORDERS_SEQ")],
        [("call", "PKG_ORDER_MGMT.CANCEL_ORDER", "RETAIL.PKG_ORDER_MGMT")],
        [("read", "USER_TABLES", None)],
    ]
    assert app.statements[-1].objects[0].kind == "system"
    assert list(app.unknown_references()["object"]) == ["RETAIL.ORDER_ARCHIVE"]
    by = app.by_object().set_index("object")
    assert by.loc["RETAIL.CUSTOMERS", "read_by"] == ["A.java"]
    assert "RETAIL.CUSTOMERS" not in set(app.unreferenced_objects()["object"])
    assert "RETAIL.STORES" in set(app.unreferenced_objects()["object"])


def test_schema_from_assessment_json_and_errors(tmp_path):
    a = migplan.assess(ROOT / "sample_schemas" / "mysql" / "bookstore", "mysql", "aurora-postgresql")
    path = a.write(tmp_path / "out") / "assessment.json"
    app_dir = ROOT / "sample_apps" / "go"
    from_json = migplan.scan_app(app_dir, "mysql", schema=path)
    from_assessment = migplan.scan_app(app_dir, "mysql", schema=a)
    assert from_json.frame().equals(from_assessment.frame())
    assert from_json.unreferenced_objects().equals(from_assessment.unreferenced_objects())
    with pytest.raises(InputError, match="same source engine"):
        migplan.scan_app(app_dir, "oracle", schema=path)
    with pytest.raises(InputError, match="needs the schema"):
        migplan.scan_app(app_dir, "mysql").unknown_references()
    (tmp_path / "bad.json").write_text("{}", "utf-8")
    with pytest.raises(InputError, match=r"not an assessment\.json"):
        migplan.scan_app(app_dir, "mysql", schema=tmp_path / "bad.json")


# -- outputs ---------------------------------------------------------------------------------


def test_json_matches_its_schema_and_csv_is_spreadsheet_safe(tmp_path):
    app = scan(tmp_path, "a.py", '''
        cur.execute("-- =HYPERLINK(\\"http://x\\")\\nSELECT 1 FROM t")
        ''', source="postgresql", schema=ROOT / "sample_schemas" / "postgresql" / "clinic")
    out = app.write(tmp_path / "out")
    doc = json.loads((out / "scan.json").read_text("utf-8"))
    errors = list(Draft202012Validator(SCHEMA).iter_errors(doc))
    assert not errors, errors[0].message
    assert list(doc) == SCHEMA["required"]
    assert list(doc["statements"][0]) == SCHEMA["$defs"]["statement"]["required"]
    import csv

    with open(out / "statements.csv", encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert list(table[0]) == list(app.frame().columns)
    assert table[0]["sql"].startswith("'-- =HYPERLINK")  # shown as text, never evaluated
    assert table[0]["reads"] == "t" and table[0]["unresolved"] == "t"


def test_output_is_the_same_whatever_workers_hash_seed_or_file_order(tmp_path):
    code = ("import sys, migplan; sys.stdout.write(migplan.scan_app('sample_apps', 'oracle', "
            "workers=int(sys.argv[1])).to_json())")
    outs = []
    for seed, workers in (("1", "1"), ("2", "2"), ("3", "1")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run([sys.executable, "-c", code, workers], cwd=ROOT, env=env, capture_output=True, text=True)
        assert r.returncode == 0, r.stderr[-2000:]
        outs.append(r.stdout)
    assert outs[0] == outs[1] == outs[2]
    assert json.loads(outs[0])["summary"]["statements"] > 80


def test_cli_writes_both_files(tmp_path, capsys):
    rc = main(["scan-app", str(ROOT / "sample_apps" / "php"), "-s", "mysql", "-t", "aurora-postgresql",
               "--schema", str(ROOT / "sample_schemas" / "mysql" / "bookstore"), "-o", str(tmp_path)])
    assert rc == 0
    out = capsys.readouterr().out
    assert "11 statements in 2 of 3 files" in out and "unknown references: 0" in out
    assert (tmp_path / "statements.csv").exists()
    doc = json.loads((tmp_path / "scan.json").read_text("utf-8"))
    assert doc["target"] == "aurora-postgresql" and doc["schema"]["source"] == "mysql"
    assert main(["scan-app", str(tmp_path / "missing"), "-s", "mysql"]) == 2
    (tmp_path / "theirs").mkdir()
    (tmp_path / "theirs" / "notes.txt").write_text("mine", "utf-8")
    assert main(["scan-app", str(ROOT / "sample_apps" / "php"), "-s", "mysql", "-o", str(tmp_path / "theirs")]) == 2
    assert "not written by migplan" in capsys.readouterr().err


# -- bad input -------------------------------------------------------------------------------


def test_bad_files_are_reported_and_the_scan_goes_on(tmp_path):
    (tmp_path / "bin.java").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "open.java").write_text('class A { String s = "SELECT 1 FROM t;\n void f() { q("DELETE FROM t"); } }',
                                        "utf-8")
    (tmp_path / "bad.xml").write_text('<mapper namespace="x"><select id="a">SELECT 1 FROM t</mapper>', "utf-8")
    (tmp_path / "latin.py").write_bytes("cur.execute('SELECT nom FROM t WHERE v = \xe9t\xe9')\n".encode("cp1252"))
    app = migplan.scan_app(tmp_path, "oracle")
    problems = dict(app.problems)
    assert "binary" in problems["bin.java"]
    assert problems["open.java"].startswith("line 1: unterminated")
    assert "not well-formed" in problems["bad.xml"]
    assert "latin.py" in problems
    assert [(s.file, s.sql) for s in app.statements] == [("latin.py", "SELECT nom FROM t WHERE v = été"),
                                                          ("open.java", "DELETE FROM t")]
