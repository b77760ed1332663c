"""Property tests over the splitters, the parsers and the converters (hypothesis).

Inputs: SQL-ish token soup, arbitrary Unicode text, and real scripts of ../shared/corpus cut into
windows and mutated (spans deleted, duplicated, moved, truncated, tokens inserted); the corpus part
is skipped when the corpus is absent. Properties:

- no exception escapes ``split_source``, ``load_text`` or ``assess_text``;
- nothing is lost: every code character of the input lies in exactly one statement span (no gap
  holds code, no two spans overlap), and every statement has exactly one inventory record;
- a table or view that parsed yields converted DDL or an action item that names it.

The default run is short (``HYPOTHESIS_PROFILE`` unset: a few hundred examples in all); ``make fuzz``
runs the long campaign (``HYPOTHESIS_PROFILE=fuzz``) and prints hypothesis' statistics.
"""

from __future__ import annotations

import functools
import os
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import migplan
from migplan import engines
from migplan.assessment import EmptyInputWarning
from migplan.ingest.files import UnreadableFile, read_source, source_from_text
from migplan.ingest.split import split_source, uncovered_code
from tests.conftest import CORPUS, corpus_files

# Settings per test, not a global profile (other property tests keep theirs). The default run is
# derandomized and keeps no example database, so CI sees the same examples every time; the campaign
# is random and remembers its failures in .hypothesis/.
if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz":
    FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "4000")), deadline=None,
                    suppress_health_check=list(HealthCheck))
else:
    FUZZ = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                    suppress_health_check=list(HealthCheck))

# one engine per splitter dialect, and the pairs migplan converts
SPLITTING = ["oracle", "sqlserver", "mysql", "postgresql", "db2-luw", "teradata", "redshift", "snowflake", "bigquery",
             "cassandra"]
CONVERTING = [("oracle", "aurora-postgresql"), ("oracle", "aurora-mysql"), ("sqlserver", "aurora-postgresql"),
              ("sqlserver", "aurora-mysql"), ("mysql", "aurora-postgresql"), ("postgresql", "aurora-mysql"),
              ("postgresql", "aurora-postgresql"), ("mysql", "aurora-mysql")]

TOKENS = [
    # statements and clauses
    "CREATE", "OR REPLACE", "TABLE", "GLOBAL TEMPORARY", "VIEW", "MATERIALIZED VIEW", "INDEX", "UNIQUE", "SEQUENCE",
    "PROCEDURE", "FUNCTION", "TRIGGER", "PACKAGE", "PACKAGE BODY", "TYPE", "SYNONYM", "SCHEMA", "ALTER", "ADD",
    "DROP", "CONSTRAINT", "PRIMARY KEY", "FOREIGN KEY", "REFERENCES", "CHECK", "DEFAULT", "NOT NULL", "NULL", "AS",
    "SELECT", "*", "FROM", "WHERE", "JOIN", "ON", "GROUP BY", "UNION ALL", "WITH", "CONNECT BY", "PRIOR", "START WITH",
    "BEGIN", "END", "IS", "DECLARE", "RETURN", "RETURNS", "LANGUAGE plpgsql", "IF", "THEN", "ELSE", "CASE", "WHEN",
    "COMMENT ON", "COLUMN", "INSERT INTO", "VALUES", "UPDATE", "SET", "GRANT", "TO", "USE", "EXEC", "PARTITION BY",
    "RANGE", "GENERATED ALWAYS AS IDENTITY", "IDENTITY(1,1)", "AUTO_INCREMENT", "UNSIGNED", "ENGINE=InnoDB",
    "TABLESPACE users", "STORAGE (INITIAL 64K)", "COLLATE", "CHARACTER SET utf8mb4",
    # client commands and script conventions
    "GO", "GO 2", "/", "DELIMITER $$", "DELIMITER //", "DELIMITER ;", "$$", "$body$", "//", "@@", "@x.sql", "&v", "&&v",
    "PROMPT hi", "REM note", "SET DEFINE OFF", "WHENEVER SQLERROR EXIT", ":setvar v 1", ":r x.sql", "$(v)",
    "\\connect db", "\\set ON_ERROR_STOP on", "COPY t FROM stdin;", "\\.", "--#SET TERMINATOR @", "@", ".logon x",
    "/*!40101 SET x=1 */", "/*", "*/", "--", "#", "-- c", "/* c */",
    # literals, names, types
    "'", "''", "'s'", "'it''s'", "N'n'", "q'[x]'", "E'\\n'", '"', '"Mixed Case"', "`", "`q`", "[", "]", "[dbo].[t]",
    "t", "x", "a.b", "s.t", "dbo.t", "42", "-1", "3.14", "1e5", "0x1F", "X'AB'", "NUMBER(10)", "NUMBER(10,2)",
    "VARCHAR2(20)", "NVARCHAR(MAX)", "INT", "TEXT", "DATE", "CLOB", "SERIAL", "ENUM('a','b')", "BIT", "MONEY",
    "SYSDATE", "GETDATE()", "NOW()", "NEXTVAL('s')", "s.NEXTVAL", "NVL(a, 0)", "DECODE(a, 1, 2)", "(+)",
    # punctuation and odd characters
    "(", ")", ",", ";", ".", "=", "+", "-", "||", ":=", "::", "\\", "{", "}", "$", "%", "?",
    "\x00", "\ufeff", "é", "中", "\u2028", "\t", "\r\n",
]
SEPARATORS = ["", " ", " ", "\n", "\n\n", "\t"]

token_soup = st.lists(st.tuples(st.sampled_from(TOKENS), st.sampled_from(SEPARATORS)), max_size=60).map(
    lambda parts: "".join(tok + sep for tok, sep in parts))
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)


# -- the properties ----------------------------------------------------------------------------------
def check_split(text: str, engine: str) -> None:
    src = source_from_text(text, "fuzz.sql")
    dialect = engines.get(engine).splitter
    stmts = split_source(src, dialect)
    assert uncovered_code(src, stmts, dialect) == [], (engine, text)
    pos = 0
    for s in stmts:
        assert pos <= s.start <= s.end <= len(src.text), (engine, text)
        assert s.text.strip() == "" or s.text.strip() in src.text[s.start:s.end], (engine, text)
        pos = s.end


# what migplan's safety nets say when they catch one of its own bugs: a crash all the same
OWN_BUGS = ("migplan could not read this statement (", "could not check this object (")


def check_load(text: str, engine: str) -> None:
    inv = migplan.load_text(text, engine, path="fuzz.sql")
    assert len(inv.records) == len(inv.statements)
    assert [r.index for r in inv.records] == list(range(len(inv.statements)))
    for o in inv.objects:
        if o.status != "parsed":
            assert o.message, o
            assert not o.message.startswith(OWN_BUGS), (engine, o.message, text)


def check_assess(text: str, source: str, target: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", EmptyInputWarning)
        # force: the dialect check would refuse some random scripts (that refusal is tested elsewhere)
        a = migplan.assess_text(text, source, target, path="fuzz.sql", force=True)
    bugs = [i.message for i in a.action_items.items if i.code == "MIG001" or OWN_BUGS[0] in i.message]
    assert not bugs, (source, target, bugs, text)
    converted = {id(c.source): c for c in a.conversion.objects}
    named = {i.object for i in a.action_items.items}
    for obj in a.inventory.objects:
        if obj.status == "parsed" and obj.kind in ("table", "view", "materialized view"):
            conv = converted.get(id(obj))
            assert (conv is not None and conv.statements) or obj.qname in named, (source, target, obj.qname, text)


# -- random text ---------------------------------------------------------------------------------------
@FUZZ
@given(text=token_soup | any_text, engine=st.sampled_from(SPLITTING))
def test_split_random(text, engine):
    check_split(text, engine)


@FUZZ
@given(text=token_soup | any_text, engine=st.sampled_from(SPLITTING))
def test_load_random(text, engine):
    check_load(text, engine)


@FUZZ
@given(text=token_soup, pair=st.sampled_from(CONVERTING))
def test_assess_random(text, pair):
    check_assess(text, *pair)


# -- DDL-shaped scripts: deep enough to reach the structure parsers and the converters ------------
NAMES = ["t", "u", "orders", "order_items", '"Mixed Case"', '"x""y"', "[dbo].[Sales Order]", "`b`", "s.t", "dbo.t",
         "sales.orders", "n" * 70, "é_名前", "select", "from", "x1", "#tmp", "@v", "t$1",
         '"x\nDROP TABLE users; --"', '"a;b"', '"--c"', "[a]]b]", "`a``b`", '"=HYPERLINK(1)"', '"<b>"']
TYPES = ["NUMBER", "NUMBER(10)", "NUMBER(10,2)", "NUMBER(*,0)", "NUMBER(5,-2)", "VARCHAR2(20)", "VARCHAR2(20 CHAR)",
         "VARCHAR(MAX)", "NVARCHAR(50)", "INT", "INTEGER", "BIGINT UNSIGNED", "SMALLINT", "TINYINT(1)",
         "DECIMAL(38,10)", "DECIMAL(65,30)", "TEXT", "CLOB", "NCLOB", "BLOB", "LONG", "LONG RAW", "RAW(16)", "DATE",
         "TIMESTAMP(6)", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE", "INTERVAL DAY TO SECOND",
         "DATETIME", "DATETIME2(7)", "DATETIMEOFFSET", "SMALLDATETIME", "TIME", "YEAR", "BIT", "BIT(8)", "MONEY",
         "UNIQUEIDENTIFIER", "XMLTYPE", "XML", "JSON", "JSONB", "INT[]", "TEXT[][]", "ENUM('a','b')", "SET('x','y')",
         "SERIAL", "BIGSERIAL", "GEOMETRY", "SDO_GEOMETRY", "HIERARCHYID", "SQL_VARIANT", "ROWID", "BOOLEAN",
         "FLOAT(53)", "REAL", "DOUBLE PRECISION", "BINARY_DOUBLE", "CHAR(1)", "NCHAR(10)", "SYSNAME", "MEDIUMTEXT",
         "VARBINARY(MAX)", "IMAGE", "UUID", "CITEXT", "TSVECTOR", "BYTEA", "INET", "INT4RANGE", "my_domain",
         "t%ROWTYPE", "VARCHAR(100000)", "NUMERIC", "CHAR(2000)", "NVARCHAR(4001)", "VARCHAR2(4000 BYTE)"]
ATOMS = ["1", "0", "-1", "2.5", "'a'", "''", "'it''s'", "N'n'", "NULL", "a", "b", "t.a", '"Mixed Case"', "SYSDATE",
         "SYSTIMESTAMP", "CURRENT_TIMESTAMP", "CURRENT_DATE", "GETDATE()", "NOW()", "s.NEXTVAL", "NEXTVAL('s')",
         "NEXT VALUE FOR s", "USER", "SYS_GUID()", "NEWID()", "UUID()", "ROWNUM", "LEVEL", "@@IDENTITY", "$1",
         "DATE '2020-01-01'", "INTERVAL '1' DAY", "TRUE", "b'1'", "0x1F", "1e308", "(SELECT MAX(a) FROM t)"]
FUNCTIONS = ["NVL", "NVL2", "COALESCE", "UPPER", "SUBSTR", "SUBSTRING", "DECODE", "TO_CHAR", "TO_DATE", "TO_NUMBER",
             "ISNULL", "IIF", "CONCAT", "LEN", "LENGTH", "TRUNC", "ROUND", "INSTR", "CHARINDEX", "DATEADD", "DATEDIFF",
             "ADD_MONTHS", "MONTHS_BETWEEN", "LPAD", "REGEXP_LIKE", "REGEXP_REPLACE", "JSON_VALUE", "XMLTYPE",
             "GREATEST", "LEAST", "ABS", "MOD", "POWER", "STUFF", "FORMAT", "CONVERT", "DATE_FORMAT", "IFNULL",
             "STR_TO_DATE", "my_func", "pkg.fn", "dbo.fn"]
OPERATORS = [" + ", " - ", " * ", " / ", " || ", " = ", " <> ", " != ", " > ", " <= ", " AND ", " OR ", " LIKE ",
             " IS NOT ", " IN ", " BETWEEN 1 AND ", " % ", " & ", " ^ ", "::"]

expressions = st.recursive(
    st.sampled_from(ATOMS),
    lambda e: st.one_of(
        st.tuples(e, st.sampled_from(OPERATORS), e).map(lambda t: f"({t[0]}{t[1]}{t[2]})"),
        st.tuples(st.sampled_from(FUNCTIONS), st.lists(e, max_size=3)).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
        st.tuples(e, e, e).map(lambda t: f"CASE WHEN {t[0]} THEN {t[1]} ELSE {t[2]} END"),
        st.tuples(e, st.sampled_from(TYPES)).map(lambda t: f"CAST({t[0]} AS {t[1]})"),
        e.map(lambda x: f"NOT {x}"), e.map(lambda x: f"({x})"),
    ),
    max_leaves=10,
)
names = st.sampled_from(NAMES)
column = st.tuples(
    names, st.sampled_from(TYPES),
    st.lists(st.one_of(st.sampled_from(["NOT NULL", "NULL", "PRIMARY KEY", "UNIQUE", "IDENTITY(1,1)", "AUTO_INCREMENT",
                                        "GENERATED ALWAYS AS IDENTITY", "COLLATE Latin1_General_CI_AS",
                                        "COMMENT 'c'", "REFERENCES t(a)", "REFERENCES u ON DELETE CASCADE"]),
                       expressions.map(lambda x: f"DEFAULT {x}"), expressions.map(lambda x: f"CHECK ({x})"),
                       expressions.map(lambda x: f"AS ({x})"), expressions.map(lambda x: f"GENERATED ALWAYS AS ({x})")),
             max_size=3),
).map(lambda c: " ".join([c[0], c[1], *c[2]]))
table_constraint = st.one_of(
    st.tuples(names, names).map(lambda t: f"CONSTRAINT {t[0]} PRIMARY KEY ({t[1]})"),
    st.tuples(names, names, names).map(lambda t: f"CONSTRAINT {t[0]} FOREIGN KEY ({t[1]}) REFERENCES {t[2]} (a)"),
    st.tuples(names, expressions).map(lambda t: f"CONSTRAINT {t[0]} CHECK ({t[1]})"),
    names.map(lambda n: f"UNIQUE ({n})"),
)
statement = st.one_of(
    st.tuples(names, st.lists(column, min_size=1, max_size=6), st.lists(table_constraint, max_size=2),
              st.sampled_from(["", " TABLESPACE users", " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", " ON [PRIMARY]",
                               " PARTITION BY RANGE (a) (PARTITION p1 VALUES LESS THAN (10))", " WITH (OIDS=FALSE)"]))
    .map(lambda t: f"CREATE TABLE {t[0]} ({', '.join(t[1] + t[2])}){t[3]}"),
    st.tuples(names, st.lists(expressions, min_size=1, max_size=4), names, expressions,
              st.sampled_from(["", " GROUP BY a", " ORDER BY 1", " UNION ALL SELECT 1 FROM dual",
                               " CONNECT BY PRIOR a = b START WITH a IS NULL", " WITH CHECK OPTION",
                               " WITH READ ONLY"]))
    .map(lambda t: f"CREATE OR REPLACE VIEW {t[0]} AS SELECT {', '.join(t[1])} FROM {t[2]} WHERE {t[3]}{t[4]}"),
    st.tuples(st.sampled_from(["", "UNIQUE ", "BITMAP "]), names, names, st.lists(expressions, min_size=1, max_size=3))
    .map(lambda t: f"CREATE {t[0]}INDEX {t[1]} ON {t[2]} ({', '.join(t[3])})"),
    st.tuples(names, st.integers(-5, 10**20), st.integers(-3, 3))
    .map(lambda t: f"CREATE SEQUENCE {t[0]} START WITH {t[1]} INCREMENT BY {t[2]}"),
    st.tuples(names, names).map(lambda t: f"COMMENT ON TABLE {t[0]} IS 'about {t[1]}'"),
    st.tuples(names, names, names).map(lambda t: f"ALTER TABLE {t[0]} ADD CONSTRAINT {t[1]} FOREIGN KEY (a) "
                                                 f"REFERENCES {t[2]} (a)"),
    st.tuples(names, names).map(lambda t: f"CREATE SYNONYM {t[0]} FOR {t[1]}"),
    st.tuples(names, expressions).map(lambda t: f"CREATE PROCEDURE {t[0]} AS BEGIN SELECT {t[1]}; END"),
    st.tuples(names, names).map(lambda t: f"CREATE TRIGGER {t[0]} BEFORE INSERT ON {t[1]} FOR EACH ROW BEGIN "
                                          f"NULL; END"),
)
TERMINATORS = {"oracle": ";\n", "sqlserver": "\nGO\n", "mysql": ";\n", "postgresql": ";\n"}


@st.composite
def ddl_scripts(draw) -> tuple[str, str, str]:
    source, target = draw(st.sampled_from(CONVERTING))
    stmts = draw(st.lists(statement, min_size=1, max_size=6))
    text = TERMINATORS[source].join(stmts) + TERMINATORS[source]
    for _ in range(draw(st.integers(0, 2))):  # a little noise on top
        i = draw(st.integers(0, len(text)))
        text = text[:i] + draw(st.sampled_from(TOKENS)) + " " + text[i:]
    return source, target, text


@FUZZ
@given(case=ddl_scripts())
def test_assess_ddl_shaped(case):
    source, target, text = case
    check_split(text, source)
    check_assess(text, source, target)


# -- mutated real scripts ----------------------------------------------------------------------------
@functools.cache
def corpus_windows() -> tuple[tuple[str, str], ...]:
    """(engine, text) windows of 1 to 4 consecutive statements of every corpus script."""
    out = []
    for engine, path in corpus_files():
        if path.suffix.lower() in (".java", ".cs", ".php", ".py") or path.stat().st_size > 3_000_000:
            continue
        try:
            src = read_source(path, path.name)
        except UnreadableFile:
            continue
        stmts = split_source(src, engines.get(engine).splitter)
        for i in range(0, len(stmts), 3):
            window = stmts[i:i + 1 + i % 4]
            text = src.text[window[0].start:window[-1].end]
            if 0 < len(text) <= 4000:
                out.append((engine, text))
    return tuple(out)


needs_windows = pytest.mark.skipif(not CORPUS.exists(), reason=f"public corpus not found at {CORPUS}")


@st.composite
def mutated(draw) -> tuple[str, str]:
    engine, text = draw(st.sampled_from(corpus_windows()))
    for _ in range(draw(st.integers(0, 4))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 200)))
        op = draw(st.sampled_from(["delete", "duplicate", "move", "insert", "truncate", "swap_case"]))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif op == "move":
            k = draw(st.integers(0, n))
            piece, rest = text[i:j], text[:i] + text[j:]
            k = min(k, len(rest))
            text = rest[:k] + piece + rest[k:]
        elif op == "insert":
            text = text[:i] + draw(st.sampled_from(TOKENS)) + draw(st.sampled_from(SEPARATORS)) + text[i:]
        elif op == "truncate":
            text = text[:i]
        else:
            text = text[:i] + text[i:j].swapcase() + text[j:]
    return engine, text


@needs_windows
@FUZZ
@given(case=mutated())
def test_split_and_load_mutated_corpus(case):
    engine, text = case
    check_split(text, engine)
    check_load(text, engine)


TARGETS = {"oracle": "aurora-postgresql", "sqlserver": "aurora-mysql", "mysql": "aurora-postgresql",
           "postgresql": "aurora-mysql"}


@needs_windows
@FUZZ
@given(case=mutated(), other_target=st.booleans())
def test_assess_mutated_corpus(case, other_target):
    engine, text = case
    if engine not in TARGETS:
        check_load(text, engine)
        return
    target = TARGETS[engine]
    if other_target:
        target = "aurora-mysql" if target == "aurora-postgresql" else "aurora-postgresql"
    check_assess(text, engine, target)
