from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import CHAR_TYPES, column_types
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import View

_NUMBER_TYPES = frozenset({"INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "DECIMAL", "NUMERIC", "FLOAT", "REAL"})
_STRING_FUNCS = {"LEFT", "RIGHT", "SUBSTRING", "UPPER", "LOWER", "LTRIM", "RTRIM", "TRIM", "REPLACE",
                 "CONCAT", "CONCAT_WS", "STUFF", "FORMAT", "QUOTENAME", "REPLICATE", "SPACE", "CHAR", "NCHAR",
                 "STR", "REVERSE", "DATENAME", "STRING_AGG", "TRANSLATE"}


class StringConcatenationPlus(Rule[View]):
    """'+' concatenating strings in a view: || on PostgreSQL, CONCAT() on MySQL, with other NULL rules.

    What it detects:
        Each ``+`` in a T-SQL view with a string operand: a string literal, a character column of the
        tables the view reads, a string function (LEFT, SUBSTRING, UPPER, REPLACE ...) or a
        CAST/CONVERT to a character type.

    Why it matters:
        T-SQL overloads ``+`` for strings. PostgreSQL needs ``||`` (``+`` on text is an error) and MySQL
        needs ``CONCAT()`` (its ``+`` converts both sides to numbers: ``'a' + 'b'`` is 0). NULL handling
        also differs: with CONCAT_NULL_YIELDS_NULL ON (the default) ``NULL + 'x'`` is NULL as is
        ``NULL || 'x'``, but MySQL's and PostgreSQL's ``concat()`` differ (MySQL CONCAT returns NULL,
        PostgreSQL concat() skips NULLs). Text meeting a number is not concatenated: T-SQL converts
        the text to the number's type and adds (``'5' + 1`` is 6, ``'No ' + 5`` fails); the
        converter writes that as a cast and +, and such a ``+`` (with a number literal or a number
        column) is not reported.

    Example:
        CREATE VIEW customer_names AS SELECT first_name + ' ' + last_name AS full_name FROM customers;

    Typical rewrite:
        PostgreSQL: || (or concat() / concat_ws() where NULLs must be skipped); MySQL: CONCAT() or
        CONCAT_WS() (CONCAT_WS skips NULLs).

        CREATE VIEW customer_names AS SELECT first_name || ' ' || last_name AS full_name FROM customers;

    Effort:
        Simple per expression; decide the NULL behaviour once.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (no SCT action code listed).
    """

    code = "TSQ022"
    name = "string-concatenation-plus"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    sources = ("sqlserver",)
    kinds = ("view",)

    def check(self, obj: View, ctx: AnalysisContext) -> Iterable[Finding]:
        types = column_types(ctx, obj.references)
        cols = {name for name, t in types.items() if t & CHAR_TYPES}
        numbers = {name for name, t in types.items() if t and t <= _NUMBER_TYPES}
        ws = ctx.words(obj)
        mysql = ctx.target_family == "mysql"
        how = "CONCAT() (MySQL's + adds numbers)" if mysql else "|| (NULL || 'x' is NULL)"
        for i, w in enumerate(ws):
            if w.up != "+" or w.kind != "punct" or i == 0 or i + 1 >= len(ws):
                continue
            if _number(ws[i - 1], numbers) or _number(ws[i + 1], numbers):
                continue  # text + number adds in SQL Server (the text is converted)
            if _left(ws, i - 1, cols) or _right(ws, i + 1, cols):
                yield ctx.hit(self, obj, w.line, f"string concatenation with +: becomes {how}", source="+")


def _number(w, numbers) -> bool:
    return w.kind == "number" or (w.kind in ("word", "qident") and _bare(w.text) in numbers)


def _left(ws, k, cols) -> bool:
    w = ws[k]
    if w.kind == "string":
        return True
    if w.kind in ("word", "qident"):
        return _bare(w.text) in cols
    if w.up == ")":
        depth, p = 0, k
        while p >= 0:
            depth += ws[p].up == ")"
            depth -= ws[p].up == "("
            if depth == 0:
                break
            p -= 1
        return p > 0 and _stringy_call(ws, p - 1, k)
    return False


def _right(ws, k, cols) -> bool:
    w = ws[k]
    if w.kind == "string" or (w.up == "N" and k + 1 < len(ws) and ws[k + 1].kind == "string"):
        return True
    if w.kind not in ("word", "qident"):
        return False
    if k + 1 < len(ws) and ws[k + 1].up == "(":
        depth, p = 0, k + 1
        while p < len(ws):
            depth += ws[p].up == "("
            depth -= ws[p].up == ")"
            if depth == 0:
                break
            p += 1
        return _stringy_call(ws, k, p)
    while k + 2 < len(ws) and ws[k + 1].up == "." and ws[k + 2].kind in ("word", "qident"):  # alias.column
        k += 2
    return _bare(ws[k].text) in cols


def _stringy_call(ws, name_at, close_at) -> bool:
    name = ws[name_at].up
    if name in _STRING_FUNCS:
        return True
    if name in ("CAST", "CONVERT", "TRY_CAST", "TRY_CONVERT"):
        return any(x.up in CHAR_TYPES for x in ws[name_at + 1:close_at])
    return False


def _bare(text: str) -> str:
    return text.strip("[]\"").upper()
