"""The semantic harness: does a converted view return the rows the source engine would?

A case (tests/semantic/cases/<source>/<area>.yml) gives source DDL for a table or two, their rows,
a source ``CREATE VIEW v AS ...`` and the rows the SOURCE engine returns for ``SELECT * FROM v``,
written by hand from that engine's documented semantics. ``check`` converts tables and view with
the public API (``migplan.assess_text``), creates the tables on a real target engine, loads the
rows with parameters (DMS moves data, the converter does not: rows are data, not INSERTs), creates
the converted view, selects from it and compares. Cases whose meaning the target cannot keep give
``expect_item: CODE`` instead: the item must be raised and the view kept out of the runnable phase
files (01..04).

A failure is one of the ``SemanticFailure`` classes below, so an ``xfail`` marker can say which
kind it expects: a case marked ``silent`` must fail with different rows (the view runs), and a view
that returns different rows with no action item at all must carry the ``silent`` marker.

tests/test_semantic.py runs every case; scripts/semantic_status.py writes STATUS.md and
docs/semantics.md from the cases and their markers.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

CASES_DIR = Path(__file__).resolve().parent / "cases"

# case target name -> migplan target engine
TARGETS = {"postgresql": "aurora-postgresql", "mysql": "aurora-mysql"}
# source -> the targets migplan converts it to (same-family pairs are moved as written)
PAIRS = {"oracle": ("postgresql", "mysql"), "sqlserver": ("postgresql", "mysql"),
         "mysql": ("postgresql",), "postgresql": ("mysql",)}
RUNNABLE = ("01_before_full_load.sql", "02_before_cached_changes.sql", "03_after_cached_changes.sql",
            "04_cutover.sql")

# Rewrite classes, in the order docs/semantics.md lists them: id -> (title, what the cases check).
CLASSES: dict[str, tuple[str, str]] = {
    "functions": ("Function map", "calls translated by sqlglot or by migplan/data/functions/*.toml: string, "
                                  "numeric and conversion functions keep their results"),
    "nulls": ("NULL handling functions", "NVL, NVL2, ISNULL, IFNULL, COALESCE and NULLIF"),
    "conditional": ("CASE, DECODE, IIF, IF", "conditional expressions, DECODE's NULL = NULL match"),
    "empty-string": ("Empty string and NULL", "Oracle stores '' as NULL: comparisons, lengths and "
                                              "concatenation of empty strings"),
    "concat": ("String concatenation", "T-SQL +, ||, CONCAT and CONCAT_WS, with NULL operands"),
    "date-arithmetic": ("Day arithmetic", "Oracle date +/- n and date - date, DATEADD, DATE_ADD, DATEDIFF, "
                                          "intervals"),
    "date-parts": ("Date parts", "DATEPART, EXTRACT, YEAR/MONTH/DAY, DAYOFWEEK, WEEKDAY and their unit names "
                                 "(DAYOFYEAR/doy, week, quarter)"),
    "date-functions": ("Date functions", "ADD_MONTHS, LAST_DAY, EOMONTH, MONTHS_BETWEEN, TRUNC and "
                                         "date_trunc of dates"),
    "date-formats": ("Date and number formats", "TO_CHAR pictures, DATE_FORMAT, CONVERT styles, FORMAT, "
                                                "TO_DATE/STR_TO_DATE"),
    "outer-joins": ("Outer joins", "Oracle (+) joins and ANSI outer joins, filters in ON versus WHERE"),
    "hierarchical": ("Hierarchical queries", "CONNECT BY, LEVEL, SYS_CONNECT_BY_PATH, CONNECT_BY_ROOT, "
                                             "CONNECT BY LEVEL <= n row generators"),
    "recursive-cte": ("Recursive CTEs", "T-SQL and Oracle recursive WITH (PostgreSQL and MySQL need "
                                        "RECURSIVE), MySQL/PostgreSQL WITH RECURSIVE"),
    "paging": ("Paging", "ROWNUM filters and ROWNUM in select lists, TOP n, TOP n PERCENT, TOP n WITH TIES, "
                         "OFFSET/FETCH, LIMIT"),
    "grouping": ("Grouping extensions", "ROLLUP, CUBE, GROUPING SETS, GROUP BY ALL, WITH ROLLUP/WITH CUBE, "
                                        "GROUPING/GROUPING_ID"),
    "pivot": ("PIVOT and UNPIVOT", "T-SQL and Oracle PIVOT/UNPIVOT"),
    "analytic": ("Analytic functions", "ROW_NUMBER, RANK, DENSE_RANK, NTILE, LAG/LEAD defaults, "
                                       "FIRST_VALUE/LAST_VALUE frames, running sums, RATIO_TO_REPORT"),
    "string-agg": ("String aggregation", "LISTAGG, STRING_AGG, GROUP_CONCAT: order and separators"),
    "implicit-conversion": ("Implicit conversions", "text compared with numbers, numbers concatenated with "
                                                    "text, casts"),
    "integer-division": ("Integer division", "int/int truncates in T-SQL and PostgreSQL, is exact in "
                                             "Oracle and MySQL"),
    "collation": ("Collation", "case-insensitive comparisons (SQL Server and MySQL defaults) versus "
                               "PostgreSQL's case-sensitive ones; sort order of mixed case"),
    "null-order": ("NULL ordering", "NULLs sort first (SQL Server, MySQL) or last (Oracle, PostgreSQL) in "
                                    "ascending order"),
    "boolean": ("Boolean and bit", "bit columns, boolean expressions, TRUE/FALSE"),
    "set-ops": ("Set operations", "MINUS/EXCEPT, INTERSECT, UNION"),
    "pattern": ("Pattern matching", "LIKE, ILIKE, REGEXP_LIKE, REGEXP, ~"),
    "mysql-specific": ("MySQL constructs", "IF(), IFNULL, || as OR, implicit casts, MySQL functions"),
    "postgres-specific": ("PostgreSQL constructs", "FILTER, = ANY(ARRAY[...]), ::casts, ILIKE, DISTINCT ON, "
                                                   "generate_series"),
    "tsql-specific": ("SQL Server constructs", "money literals, bit comparisons, hierarchyid methods, "
                                               "CROSS/OUTER APPLY"),
    "xml": ("SQL Server xml methods", "value(), nodes() and exist() written with XMLTABLE and xpath() "
                                      "(migplan/convert/xmlquery.py)"),
    "identifiers": ("Names", "identifier case, quoted names and reserved words in view queries"),
    "view-kinds": ("View kinds and options", "materialized views, WITH READ ONLY, WITH CHECK OPTION"),
}

_CASE_KEYS = {"id", "about", "classes", "tables", "rows", "view", "expect", "expect_item", "ordered",
              "bool_as_int", "char_trim", "tolerance", "targets", "xfail", "silent", "xml"}
_FILE_KEYS = {"tables", "rows", "cases", "classes"}


class CaseError(ValueError):
    """A case file that does not say what a case must (the message names the file and case)."""


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    file: str  # path relative to tests/semantic
    about: str
    classes: tuple[str, ...]
    tables: str
    rows: dict
    view: str
    expect: dict  # target -> list of rows (rows cases)
    expect_item: dict  # target -> action item code (item cases)
    targets: tuple[str, ...]
    ordered: bool = False
    bool_as_int: bool = False
    char_trim: bool = False
    tolerance: float = 1e-6
    xfail: dict = field(default_factory=dict)  # target -> reason
    silent: frozenset = frozenset()  # targets where the converted view silently returns other rows
    xml: bool = False  # needs a PostgreSQL built with libxml (the Debian server; the embedded wheel has none)

    def status(self, target: str) -> str:
        """pass | xfail | silent, as the markers say."""
        if target in self.silent:
            return "silent"
        return "xfail" if target in self.xfail else "pass"

    def kind(self, target: str) -> str:
        return "item" if target in self.expect_item else "rows"

    def script(self) -> str:
        """Tables and view as one source script."""
        sep = "\nGO\n" if self.source == "sqlserver" else "\n"
        tables = self.tables.strip()
        if self.source != "sqlserver" and not tables.endswith(";"):
            tables += ";"
        view = self.view.strip().rstrip(";")
        end = "\nGO\n" if self.source == "sqlserver" else ";\n"
        return f"{tables}{sep}{view}{end}"


def load_cases(root: Path = CASES_DIR) -> list[Case]:
    cases: list[Case] = []
    seen: dict[str, str] = {}
    for path in sorted(root.glob("*/*.yml")):
        source = path.parent.name
        rel = str(path.relative_to(root.parent))
        if source not in PAIRS:
            raise CaseError(f"{rel}: folder {source!r} is not a source ({', '.join(PAIRS)})")
        try:
            data = yaml.safe_load(path.read_text("utf-8")) or {}
        except yaml.YAMLError as err:
            raise CaseError(f"{rel}: not valid YAML: {err}") from None
        unknown = set(data) - _FILE_KEYS
        if unknown:
            raise CaseError(f"{rel}: unknown keys {sorted(unknown)}")
        for raw in data.get("cases") or []:
            case = _case(raw, data, source, rel)
            if case.id in seen:
                raise CaseError(f"{rel}: case id {case.id!r} already used in {seen[case.id]}")
            seen[case.id] = rel
            cases.append(case)
    return cases


def _case(raw: dict, defaults: dict, source: str, rel: str) -> Case:
    cid = raw.get("id")
    where = f"{rel}: case {cid!r}"
    if not isinstance(cid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", cid or ""):
        raise CaseError(f"{where}: id must be lower-case letters, digits and dashes")
    unknown = set(raw) - _CASE_KEYS
    if unknown:
        raise CaseError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("about", "view"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise CaseError(f"{where}: {key} is required")
    if not re.match(r"\s*CREATE\s+(MATERIALIZED\s+)?VIEW\s+v\s+AS\b", raw["view"], re.I):
        raise CaseError(f"{where}: view must start with CREATE VIEW v AS (or CREATE MATERIALIZED VIEW v AS)")
    classes = tuple(raw.get("classes") or defaults.get("classes") or ())
    bad = [c for c in classes if c not in CLASSES]
    if not classes or bad:
        raise CaseError(f"{where}: classes must be some of {sorted(CLASSES)} (got {list(classes)})")
    tables = raw.get("tables", defaults.get("tables"))
    if not isinstance(tables, str) or not tables.strip():
        raise CaseError(f"{where}: tables (source DDL) is required, in the case or the file")
    rows = raw.get("rows", defaults.get("rows")) or {}
    targets = tuple(raw.get("targets") or PAIRS[source])
    if any(t not in PAIRS[source] for t in targets):
        raise CaseError(f"{where}: targets must be some of {PAIRS[source]}")
    expect_item = _per_target(raw.get("expect_item"), targets, where, "expect_item")
    expect: dict = {}
    if "expect" in raw:
        if not isinstance(raw["expect"], list) or any(not isinstance(r, list) for r in raw["expect"]):
            raise CaseError(f"{where}: expect is a list of rows, each a list of values")
        expect = {t: raw["expect"] for t in targets if t not in expect_item}
    missing = [t for t in targets if t not in expect and t not in expect_item]
    if missing:
        raise CaseError(f"{where}: no expect rows or expect_item for {missing}")
    xfail = _per_target(raw.get("xfail"), targets, where, "xfail")
    silent_raw = raw.get("silent", False)
    silent = frozenset(targets if silent_raw is True else (silent_raw or ()))
    if not silent <= set(xfail):
        raise CaseError(f"{where}: silent needs an xfail reason for {sorted(silent - set(xfail))}")
    if any(t in expect_item for t in silent):
        raise CaseError(f"{where}: silent applies to rows, not to expect_item targets")
    return Case(id=cid, source=source, file=rel, about=" ".join(raw["about"].split()), classes=classes,
                tables=tables, rows=rows, view=raw["view"], expect=expect, expect_item=expect_item,
                targets=targets, ordered=bool(raw.get("ordered", False)),
                bool_as_int=bool(raw.get("bool_as_int", False)), char_trim=bool(raw.get("char_trim", False)),
                tolerance=float(raw.get("tolerance", 1e-6)), xfail=xfail, silent=silent, xml=bool(raw.get("xml")))


def _per_target(value, targets: tuple[str, ...], where: str, key: str) -> dict:
    """A string for every target, or a mapping target -> string."""
    if value is None:
        return {}
    if isinstance(value, str):
        return {t: value for t in targets}
    if isinstance(value, dict) and all(t in targets and isinstance(v, str) for t, v in value.items()):
        return dict(value)
    raise CaseError(f"{where}: {key} is a string or a mapping of {list(targets)} to strings")


# -- outcomes ---------------------------------------------------------------------------------------
class SemanticFailure(AssertionError):
    """The converted view does not do what the source does."""


class NotConverted(SemanticFailure):
    """No runnable DDL for the view (not converted, or held back) where the case expects rows."""


class Rejected(SemanticFailure):
    """The target engine refused the converted view or failed selecting from it."""


class WrongRows(SemanticFailure):
    """The view runs and returns other rows; an action item on the view warns."""


class SilentWrong(SemanticFailure):
    """The view runs and returns other rows, and nothing on the view says so: the worst class."""


class ItemMissing(SemanticFailure):
    """The case expects an action item the conversion does not raise."""


class WrittenAnyway(SemanticFailure):
    """The expected item is raised, but the view is still in the runnable phase files."""


class TypeDiffers(SemanticFailure):
    """The values are right but of another type (a timestamp at midnight where the source returns a date)."""


class FixtureError(Exception):
    """The case's tables or rows could not be set up: the case itself must change."""


NOT_SILENT = (NotConverted, Rejected, WrongRows, ItemMissing, WrittenAnyway, TypeDiffers)
SILENT = (WrongRows, SilentWrong)


# -- conversion -------------------------------------------------------------------------------------
def convert(case: Case, target: str):
    import migplan

    a = migplan.assess_text(case.script(), case.source, TARGETS[target], path=f"{case.id}.sql")
    view = a.inventory.get("v", "view") or a.inventory.get("v", "materialized view")
    if view is None:
        raise FixtureError(f"{case.id}: the source script has no view v (problems: {a.inventory.problems})")
    return a, view


def view_items(a, view) -> list:
    return sorted((i for i in a.action_items.active() if i.object == view.qname and i.kind == view.kind),
                  key=lambda i: (i.code, i.message))


def _items_text(items) -> str:
    return "; ".join(f"{i.code} {i.message}" for i in items) or "no action item"


def check(case: Case, target: str, engines) -> None:
    """Raise a SemanticFailure unless the converted view keeps the case's meaning on ``target``.
    ``engines(target, xml)`` gives the engine to run on (only asked for when the case has rows)."""
    a, view = convert(case, target)
    items = view_items(a, view)
    conv = a.conversion.by_source(view)
    files = a.plan.ddl_files()
    runnable = "\n".join(files.get(name, "") for name in RUNNABLE)
    written = bool(conv and conv.statements) and all(st.sql + ";" in runnable for st in conv.statements)
    if case.kind(target) == "item":
        code = case.expect_item[target]
        if code not in {i.code for i in items}:
            raise ItemMissing(f"{case.id} -> {target}: expected {code}, got: {_items_text(items)}")
        if conv and any(st.sql + ";" in runnable for st in conv.statements):
            raise WrittenAnyway(f"{case.id} -> {target}: {code} raised, yet the view is in the runnable phase "
                                f"files:\n{conv.sql()}")
        return
    if not written:
        what = "held back" if conv and conv.statements else "not converted"
        raise NotConverted(f"{case.id} -> {target}: view {what} ({_items_text(items)})")
    got = engines(target, case.xml).run(a, view, case)
    expected = case.expect[target]
    diff = compare(expected, got, case)
    if diff:
        cls = TypeDiffers if type_only(diff) else WrongRows if items else SilentWrong
        raise cls(f"{case.id} -> {target}: {diff}\nconverted: {conv.sql()}\nitems: {_items_text(items)}")


# -- comparing rows ---------------------------------------------------------------------------------
def normalise(value, case: Case, loose: bool = False) -> tuple:
    """A value as (kind, canonical value): numbers as Decimal, dates and times as ISO text.
    ``loose``: a timestamp at midnight reads as its date (to tell a type difference from a wrong value)."""
    if value is None:
        return ("null", "")
    if isinstance(value, bool):
        return ("num", Decimal(int(value))) if case.bool_as_int else ("bool", value)
    if isinstance(value, (int, Decimal)):
        return ("num", Decimal(value))
    if isinstance(value, float):
        return ("num", Decimal(repr(value)))
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        if loose and value.time() == dt.time(0):
            return ("text", value.date().isoformat())
        text = value.isoformat(sep=" ")
        return ("text", text.rstrip("0").rstrip(".") if "." in text else text)
    if isinstance(value, (dt.date, dt.time)):
        return ("text", value.isoformat())
    if isinstance(value, dt.timedelta):  # MySQL TIME
        seconds = int(value.total_seconds())
        return ("text", f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return ("bytes", bytes(value).hex())
    text = str(value)
    if loose and re.fullmatch(r"\d{4}-\d\d-\d\d 00:00:00", text):
        text = text[:10]
    return ("text", text.rstrip(" ") if case.char_trim else text)


def _sort_key(row: list[tuple]) -> tuple:
    out = []
    for kind, value in row:
        if kind == "num":
            out.append((kind, f"{float(value):+.6e}"))
        else:
            out.append((kind, str(value)))
    return tuple(out)


def _same(a: tuple, b: tuple, tolerance: float) -> bool:
    if a[0] != b[0]:
        return False
    if a[0] == "num":
        try:
            return abs(a[1] - b[1]) <= Decimal(tolerance) * max(Decimal(1), abs(b[1]))
        except InvalidOperation:
            return False
    return a[1] == b[1]


def _match(expected: list[list], got: list[tuple], case: Case, loose: bool) -> tuple[bool, list, list]:
    exp_rows = [[normalise(v, case, loose) for v in row] for row in expected]
    got_rows = [[normalise(v, case, loose) for v in row] for row in got]
    if not case.ordered:
        exp_rows.sort(key=_sort_key)
        got_rows.sort(key=_sort_key)
    ok = len(exp_rows) == len(got_rows) and all(
        len(e) == len(g) and all(_same(x, y, case.tolerance) for x, y in zip(e, g))
        for e, g in zip(exp_rows, got_rows))
    return ok, exp_rows, got_rows


def type_only(diff: str | None) -> bool:
    return bool(diff) and diff.startswith("types differ")


def compare(expected: list[list], got: list[tuple], case: Case) -> str | None:
    """None when the rows match (as a multiset, or in order when the case says ordered); otherwise
    what differs, starting "types differ" when only dates came back as timestamps at midnight."""
    ok, exp_rows, got_rows = _match(expected, got, case, loose=False)
    if ok:
        return None
    lead = "types differ (a date comes back as a timestamp at midnight)" \
        if _match(expected, got, case, loose=True)[0] else "rows differ"

    def show(rows):
        return "\n".join("    " + repr([v[1] if v[0] != "null" else None for v in r]) for r in rows) or "    (none)"

    order = "in this order" if case.ordered else "as a multiset"
    return f"{lead} ({order})\n  expected:\n{show(exp_rows)}\n  got:\n{show(got_rows)}"


# -- engines ----------------------------------------------------------------------------------------
def _param(value):
    """Row values go to the engine as text (PostgreSQL casts an untyped parameter to the column's type),
    booleans as 1/0 (a bit column is boolean on PostgreSQL and tinyint on MySQL)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return str(value)


class _Engine:
    family = ""
    dialect = ""

    def run(self, a, view, case: Case) -> list[tuple]:
        from migplan.quoting import qualified

        self.begin()
        try:
            view_conv = a.conversion.by_source(view)
            statements = [st.sql for st in a.conversion.prelude]
            for c in a.conversion.objects:
                if c is not view_conv:
                    statements += [st.sql for st in c.statements]
            for sql in statements:
                self.execute(sql, fixture=True)
            for table, rows in case.rows.items():
                self.insert(a, table, rows, case)
            for st in view_conv.statements:
                self.execute(st.sql)
            name = qualified([view_conv.target_schema, view_conv.target_name], self.family)
            return self.execute(f"SELECT * FROM {name}", fetch=True)
        finally:
            self.end()

    def insert(self, a, table: str, rows: list, case: Case) -> None:
        from migplan.quoting import qualified, quote

        obj = a.inventory.get(table, "table")
        conv = a.conversion.by_source(obj) if obj is not None else None
        if conv is None or not conv.statements:
            raise FixtureError(f"{case.id}: no converted table {table!r} to load rows into")
        columns = [c["name"] for st in conv.statements if st.kind == "table" for c in st.expect.get("columns", [])]
        name = qualified([conv.target_schema, conv.target_name], self.family)
        cols = ", ".join(quote(c, self.family) for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        for row in rows:
            if len(row) != len(columns):
                raise FixtureError(f"{case.id}: row {row} of {table} has {len(row)} values for {len(columns)} "
                                   f"columns {columns}")
            self.execute(f"INSERT INTO {name} ({cols}) VALUES ({marks})", [_param(v) for v in row], fixture=True)


class PostgresEngine(_Engine):
    """One connection for the session; each case runs in a transaction in a scratch schema, rolled back."""

    family = "postgresql"

    def __init__(self, dsn: str):
        import psycopg

        self.psycopg = psycopg
        # no prepared statements: SELECT * FROM v reads a different view in every case
        self.conn = psycopg.connect(dsn, autocommit=True, prepare_threshold=None)
        self.conn.execute("SET TIME ZONE 'UTC'")

    def begin(self) -> None:
        self.conn.execute("BEGIN")
        schema = f"sem_{secrets.token_hex(4)}"
        self.conn.execute(f"CREATE SCHEMA {schema}")
        self.conn.execute(f"SET LOCAL search_path = {schema}, public")
        self.conn.execute("SET LOCAL statement_timeout = '20s'")

    def end(self) -> None:
        self.conn.execute("ROLLBACK")

    def execute(self, sql: str, params=None, fetch: bool = False, fixture: bool = False):
        try:
            cur = self.conn.execute("SAVEPOINT s")
            cur = self.conn.execute(sql, params)
            rows = cur.fetchall() if fetch else None
            self.conn.execute("RELEASE SAVEPOINT s")
            return rows
        except self.psycopg.Error as err:
            self.conn.execute("ROLLBACK TO SAVEPOINT s")
            raise (FixtureError if fixture else Rejected)(f"PostgreSQL: {str(err).strip()}\n  in: {sql}") from None

    def close(self) -> None:
        self.conn.close()


# MySQL 8.0's default sql_mode (Aurora MySQL 3 keeps it), set on MariaDB too
MYSQL_MODE = ("ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
              "NO_ENGINE_SUBSTITUTION")


class MySQLEngine(_Engine):
    """One connection for the session; each case gets a scratch database, dropped afterwards with any
    database its DDL created."""

    family = "mysql"

    def __init__(self, dsn: str):
        from urllib.parse import unquote, urlparse

        import pymysql

        self.pymysql = pymysql
        url = urlparse(dsn)
        self.conn = pymysql.connect(host=url.hostname or "127.0.0.1", port=url.port or 3306,
                                    user=unquote(url.username or "root"), password=unquote(url.password or ""),
                                    autocommit=True, charset="utf8mb4")
        self.cur = self.conn.cursor()
        self.cur.execute(f"SET SESSION sql_mode = '{MYSQL_MODE}'")
        self.cur.execute("SET SESSION time_zone = '+00:00'")
        self.cur.execute("SET SESSION max_recursive_iterations = 100000")  # MariaDB's name for it
        self.cur.execute("SET SESSION max_statement_time = 20")
        self.cur.execute("SELECT VERSION()")
        self.mariadb = "mariadb" in str(self.cur.fetchone()[0]).lower()

    def _databases(self) -> set[str]:
        self.cur.execute("SHOW DATABASES")
        return {r[0] for r in self.cur.fetchall()}

    def begin(self) -> None:
        self.before = self._databases()
        self.db = f"sem_{secrets.token_hex(4)}"
        self.cur.execute(f"CREATE DATABASE `{self.db}`")
        self.cur.execute(f"USE `{self.db}`")

    def end(self) -> None:
        self.cur.execute("SET FOREIGN_KEY_CHECKS = 0")
        for db in sorted(self._databases() - self.before):
            self.cur.execute(f"DROP DATABASE `{db}`")
        self.cur.execute("SET FOREIGN_KEY_CHECKS = 1")

    def execute(self, sql: str, params=None, fetch: bool = False, fixture: bool = False):
        from migplan.verify.engines import for_mariadb

        try:
            # no parameters: pymysql leaves % alone; MySQL 8.0's collation names as MariaDB spells them
            self.cur.execute(for_mariadb(sql) if self.mariadb else sql, params)
            return list(self.cur.fetchall()) if fetch else None
        except self.pymysql.Error as err:
            raise (FixtureError if fixture else Rejected)(f"MariaDB: {err}\n  in: {sql}") from None

    def close(self) -> None:
        self.conn.close()
