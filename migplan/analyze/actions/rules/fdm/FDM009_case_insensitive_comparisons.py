import re
from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import column_base, hit, node_line, tables_in
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_TEXT = {"CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "TEXT", "NTEXT", "SYSNAME", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT",
         "ENUM", "SET", "CHARACTER", "CHARACTER VARYING", "NATIONAL CHAR", "NATIONAL VARCHAR"}
_SENSITIVE = re.compile(r"_bin|_cs(_|$)|bin2?$", re.IGNORECASE)
_COMPARISONS = (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE, exp.In, exp.Like)


class CaseInsensitiveComparisons(Rule):
    """Text compared case-insensitively in SQL Server and MySQL, case-sensitively in PostgreSQL.

    What it detects:
        For a SQL Server or MySQL source and a PostgreSQL target: tables with a primary key, unique
        constraint, unique index or check constraint on character columns (one item per table), and
        views that compare text with a literal or another text column (one item per view). Columns
        and tables with an explicit binary or case-sensitive collation are left out (explicit
        collations are FDM002).

    Why it matters:
        The default collations of SQL Server (SQL_Latin1_General_CP1_CI_AS) and MySQL
        (utf8mb4_0900_ai_ci) ignore case, and MySQL's ignore accents too: 'Smith' = 'SMITH', and a
        unique key rejects the second. PostgreSQL compares bytes-by-collation, case-sensitively:
        lookups by code or e-mail miss rows, unique keys accept values the source rejected (and the
        data loaded by DMS may then collide with new rows only in case), CHECK (code IN ('A', 'B'))
        rejects 'a'.

    Example:
        CREATE TABLE users (id int PRIMARY KEY, email varchar(200) NOT NULL UNIQUE);
        CREATE VIEW admins AS SELECT * FROM users WHERE role = 'admin';

    Typical rewrite:
        Decide per column: citext, a nondeterministic ICU collation, or lower() in both the unique
        index and the queries; normalise the data (lower-case codes) where the application allows.

        CREATE UNIQUE INDEX users_email_uq ON users (lower(email));

    Effort:
        Simple per table or view once the approach is chosen; test with mixed-case data.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (collations, SQL Server to PostgreSQL: no automation),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.DataValidation.html
        (DMS
        validation setting HandleCollationDiff).
    """

    code = "FDM009"
    name = "case-insensitive-comparisons"
    category = "functional differences"
    severity = "medium"
    effort = "simple"
    sources = ("sqlserver", "mysql")
    targets = ("postgresql",)
    kinds = ("table", "view", "materialized view")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        engine = "SQL Server" if ctx.source_family == "sqlserver" else "MySQL"
        if obj.kind == "table":
            keys, line = _text_keys(obj)
            if keys:
                yield hit(self, obj, ctx, line, f"{', '.join(keys)}: case-insensitive in {engine}, case-sensitive on "
                          "PostgreSQL (values differing only in case become distinct)", source=keys[0])
            return
        tree = ctx.tree(obj)
        if tree is None:
            return
        tables = tables_in(tree, ctx)
        for node in tree.find_all(*_COMPARISONS):
            sides = [node.this] + (node.expressions if isinstance(node, exp.In) else [node.expression])
            text = [s for s in sides if (isinstance(s, exp.Literal) and s.is_string)
                    or (isinstance(s, exp.Column) and column_base(s, tables) in _TEXT and _ci_column(s, tables))]
            if text and any(isinstance(s, exp.Column) for s in sides):
                yield hit(self, obj, ctx, node_line(obj, node), f"text comparison {node.sql()[:60]}: case-insensitive "
                          f"in {engine}, case-sensitive on PostgreSQL", source=node.sql()[:200])
                return  # one item per view


def _text_keys(table):
    if _SENSITIVE.search(table.options.get("COLLATE", "") or table.options.get("DEFAULT COLLATE", "")):
        return [], None
    out, line = [], None

    def text_cols(names):
        cols = [table.column(n) for n in names]
        return [c.name for c in cols if c is not None and c.type.base in _TEXT and not c.collation]

    for con in table.constraints:
        if con.kind in ("primary key", "unique"):
            cols = text_cols(con.columns)
        elif con.kind == "check" and con.expression and "'" in con.expression:
            cols = [c.name for c in table.columns if c.type.base in _TEXT and not c.collation
                    and re.search(rf"\b{re.escape(c.name)}\b", con.expression, re.IGNORECASE)]
        else:
            continue
        if cols:
            label = {"primary key": "PRIMARY KEY", "unique": "UNIQUE", "check": "CHECK"}[con.kind]
            out.append(f"{label} {con.name + ' ' if con.name else ''}({', '.join(cols)})")
            line = line or (con.location.line if con.location else None)
    for idx in table.indexes:
        cols = text_cols([c.expression for c in idx.columns if not c.is_expression]) if idx.unique else []
        if cols:
            out.append(f"unique index {idx.name} ({', '.join(cols)})")
            line = line or idx.location.line
    return out, line or table.location.line


def _ci_column(col, tables) -> bool:
    table = tables.get(col.table.upper()) if col.table else None
    c = table.column(col.name) if table else None
    return c is None or not c.collation
