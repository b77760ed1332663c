import re
from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_TEXT = {"CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "TEXT", "NTEXT", "SYSNAME", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT",
         "ENUM", "SET", "CHARACTER", "CHARACTER VARYING", "NATIONAL CHAR", "NATIONAL VARCHAR"}
_SENSITIVE = re.compile(r"_bin|_cs(_|$)|bin2?$", re.IGNORECASE)


class CaseInsensitiveComparisons(Rule):
    """Text compared case-insensitively in SQL Server and MySQL, case-sensitively in PostgreSQL.

    What it detects:
        For a SQL Server or MySQL source and a PostgreSQL target: tables with a primary key, unique
        constraint, unique index or check constraint on character columns (one item per table), and
        views that compare text in a way the converter could not fold (one item per view). Columns
        and tables with an explicit binary or case-sensitive collation are left out (explicit
        collations are FDM002).

        In views, migplan folds what it can read: =, <>, <, >, IN (list), BETWEEN and joins on text
        become lower(a) = lower(b) (unaccent(lower(...)) where the source also ignores accents, as
        MySQL's utf8mb4_0900_ai_ci does, with the unaccent extension; rtrim() too for SQL Server,
        which ignores trailing blanks), LIKE becomes ILIKE, MySQL's REGEXP becomes ~*, COUNT(DISTINCT
        text), GROUP BY text, ORDER BY text and PARTITION BY text are folded. The item stays for what
        is not: SELECT DISTINCT, UNION, INTERSECT and EXCEPT on text, MIN/MAX of text, IN (subquery),
        a text column compared with an operand of unknown type, and a string compared with a column of
        a table the scripts do not define (its type is not known). A column known not to be text (a
        DATE compared with '2024-01-01') raises nothing.

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
        Folded comparisons cannot use a plain index on the column: index lower(col) where it matters.

        CREATE UNIQUE INDEX users_email_uq ON users (lower(email));
        SELECT DISTINCT ON (lower(name)) name FROM users;

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
    kinds = ("table",)  # views: the converter raises it for what it could not fold (convert/transforms/common.py)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        engine = "SQL Server" if ctx.source_family == "sqlserver" else "MySQL"
        keys, line = _text_keys(obj)
        if keys:
            yield hit(self, obj, ctx, line, f"{', '.join(keys)}: case-insensitive in {engine}, case-sensitive on "
                      "PostgreSQL (values differing only in case become distinct)", source=keys[0])


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

