from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import (
    CODE,
    VIEWS,
    date_names,
    hit,
    is_date,
    is_number,
    is_punct,
    is_word,
    node_line,
    operand_before,
    tables_in,
)
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_DATE_CALLS = {"TO_DATE", "LAST_DAY", "ADD_MONTHS", "NEXT_DAY", "TO_TIMESTAMP"}


class OracleDateArithmetic(Rule):
    """Oracle date arithmetic (SYSDATE + 1, date column - 7, date - date): days as plain numbers.

    What it detects:
        ``+`` or ``-`` between an Oracle DATE/TIMESTAMP value (SYSDATE, SYSTIMESTAMP, a column whose
        inventory type is DATE or TIMESTAMP, TO_DATE/TRUNC/ADD_MONTHS/LAST_DAY results, DATE
        variables and :NEW/:OLD columns in code) and a number, and the difference of two dates.

    Why it matters:
        Oracle counts in days: ``SYSDATE + 1/24`` is one hour later and ``d1 - d2`` a number of days.
        migplan writes DATE columns as timestamp(0)/datetime; PostgreSQL rejects ``timestamp + integer``
        (an error when the view is created, at run time in functions) and returns an interval for
        ``timestamp - timestamp``; MySQL silently turns a DATETIME plus a number into a number
        (20240131120000 + 1), a wrong result without an error.

    Example:
        CREATE VIEW recent_orders AS SELECT * FROM orders WHERE order_date > SYSDATE - 7;

    Typical rewrite:
        Use intervals: PostgreSQL LOCALTIMESTAMP - interval '7 days' (n * interval '1 day' for
        a variable n), MySQL NOW() - INTERVAL 7 DAY / DATE_ADD; for a difference in days,
        EXTRACT(epoch FROM d1 - d2) / 86400 (PostgreSQL) or TIMESTAMPDIFF (MySQL).

        CREATE VIEW recent_orders AS SELECT * FROM orders WHERE order_date > LOCALTIMESTAMP - interval '7 days';

    Effort:
        Simple per expression.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (the Date/time semantics row has codes not mapped one to one),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (DMS maps
        Oracle DATE to a date-and-time type).
    """

    code = "SQL014"
    name = "oracle-date-arithmetic"
    category = "views and SQL"
    severity = "high"
    effort = "simple"
    sources = ("oracle",)
    kinds = VIEWS + CODE
    rewritten_when_converted = True

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind in VIEWS and ctx.converted(obj):
            return  # the converter rewrote the view (its own items say how)
        tree = ctx.tree(obj)
        if tree is not None:
            tables = tables_in(tree, ctx)
            for node in tree.find_all(exp.Add, exp.Sub):
                left, right = node.this, node.expression
                if is_date(left, tables) and is_date(right, tables) and isinstance(node, exp.Sub):
                    yield self._hit(obj, ctx, node_line(obj, node), node.sql(dialect="oracle"), True)
                elif (is_date(left, tables) and is_number(right)) or (
                        isinstance(node, exp.Add) and is_number(left) and is_date(right, tables)):
                    yield self._hit(obj, ctx, node_line(obj, node), node.sql(dialect="oracle"), False)
            return
        ws, names = ctx.words(obj), date_names(ctx, obj)
        for i, w in enumerate(ws):
            if not (is_punct(ws, i, "+") or is_punct(ws, i, "-")) or i == 0:
                continue
            left, a = operand_before(ws, i)
            right = _operand_after(ws, i)
            date_left = left in names or left.removesuffix("(...)") in _DATE_CALLS or (
                left in ("TRUNC(...)", "ROUND(...)") and _operand_after(ws, a + 1) in names)
            number_right = i + 1 < len(ws) and (ws[i + 1].kind == "number" or (
                is_punct(ws, i + 1, "(") and i + 2 < len(ws) and ws[i + 2].kind == "number"))
            text = f"{left.lower()} {w.up} {right.lower() or ws[i + 1].text if i + 1 < len(ws) else ''}"
            if date_left and right in names and w.up == "-":
                yield self._hit(obj, ctx, w.line, text, True)
            elif (date_left and number_right) or (w.up == "+" and ws[i - 1].kind == "number" and right in names):
                yield self._hit(obj, ctx, w.line, text, False)

    def _hit(self, obj, ctx, line, text, difference):
        mysql = ctx.target_family == "mysql"
        if difference:
            fix = "use TIMESTAMPDIFF / DATEDIFF on MySQL" if mysql else \
                "PostgreSQL returns an interval: EXTRACT(epoch FROM a - b) / 86400 for days"
            msg = f"date difference {text} is a number of days in Oracle: {fix}"
        else:
            fix = "MySQL turns DATETIME + number into a number silently: use + INTERVAL n DAY" if mysql else \
                "timestamp +/- number is an error on PostgreSQL: use n * interval '1 day'"
            msg = f"date arithmetic {text} counts days in Oracle: {fix}"
        return hit(self, obj, ctx, line, msg, source=text)


def _operand_after(ws, i) -> str:
    """Upper text of the name right after token ``i`` (``:NEW.col`` as 'NEW.COL')."""
    j = i + 1
    if is_punct(ws, j, ":"):
        j += 1
    if is_word(ws, j) and is_punct(ws, j + 1, ".") and is_word(ws, j + 2):
        return f"{ws[j].up}.{ws[j + 2].up}"
    return ws[j].up if is_word(ws, j) else ""
