from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import (
    CODE,
    VIEWS,
    call_args,
    date_names,
    hit,
    is_date,
    is_punct,
    is_word,
    node_line,
    tables_in,
)
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class TruncOnDate(Rule):
    """TRUNC(date) with one argument: midnight of the day; the targets spell it differently.

    What it detects:
        Oracle ``TRUNC(x)`` with a single argument where x is SYSDATE/SYSTIMESTAMP, a column whose
        inventory type is DATE or TIMESTAMP, or (in code) a DATE variable or :NEW/:OLD date column.
        In views, the forms sqlglot already rewrites correctly for PostgreSQL (``TRUNC(SYSDATE)``
        becomes date_trunc('day', ...)) are not reported.

    Why it matters:
        PostgreSQL's ``trunc`` only takes numbers, so ``TRUNC(order_date)`` fails on the converted
        timestamp(0) column; MySQL has no TRUNC for dates. The result type matters too: Oracle keeps a
        DATE (with time 00:00:00), ``date_trunc`` returns a timestamp, a cast to date drops the time
        part.

    Example:
        SELECT TRUNC(order_date) AS order_day, COUNT(*) FROM orders GROUP BY TRUNC(order_date);

    Typical rewrite:
        PostgreSQL date_trunc('day', x) (or x::date where a date is wanted); MySQL DATE(x)
        (or CAST(DATE(x) AS DATETIME) to keep the type).

        SELECT date_trunc('day', order_date) AS order_day, COUNT(*) FROM orders GROUP BY 1;

    Effort:
        Simple per call.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (Date/time semantics row),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (Oracle DATE carries a time).
    """

    code = "SQL015"
    name = "trunc-on-date"
    category = "views and SQL"
    severity = "medium"
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
            for node in tree.find_all(exp.Anonymous, exp.DateTrunc):
                if isinstance(node, exp.Anonymous):
                    args = node.expressions
                    if str(node.this).upper() == "TRUNC" and len(args) == 1 and is_date(args[0], tables):
                        yield self._hit(obj, ctx, node_line(obj, node), node.sql(dialect="oracle"))
                elif (ctx.target_family == "mysql" and str(node.text("unit")).upper() in ("DD", "DDD", "J")
                      and is_date(node.this, tables)):
                    yield self._hit(obj, ctx, node_line(obj, node), "TRUNC(" + node.this.sql(dialect="oracle") + ")")
            return
        ws, names = ctx.words(obj), date_names(ctx, obj)
        for i, w in enumerate(ws):
            if not (is_word(ws, i, "TRUNC") and is_punct(ws, i + 1, "(")):
                continue
            args = call_args(ws, i + 1)
            if len(args) == 1:
                arg = "".join(t.up for t in args[0] if t.up != ":")
                if arg in names:
                    yield self._hit(obj, ctx, w.line, "TRUNC(" + "".join(t.text for t in args[0]) + ")")

    def _hit(self, obj, ctx, line, text):
        fix = "DATE(x) on MySQL (no TRUNC for dates)" if ctx.target_family == "mysql" else \
            "date_trunc('day', x) on PostgreSQL (trunc takes numbers only)"
        return hit(self, obj, ctx, line, f"{text} truncates a date to midnight: use {fix}", source=text)
