from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, VIEWS, hit, node_line
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class Rownum(Rule):
    """ROWNUM: Oracle's row counter has no target equivalent.

    What it detects:
        The ``ROWNUM`` pseudo-column in views, materialized views and code (``WHERE ROWNUM <= 10``,
        ``SELECT ROWNUM AS rn``).

    Why it matters:
        Neither PostgreSQL nor MySQL has ROWNUM; sqlglot leaves it in the converted query, which then
        fails. The usual rewrites are not mechanical: Oracle numbers rows before ORDER BY of the same
        query block, so ``WHERE ROWNUM <= 10 ORDER BY x`` returns 10 arbitrary rows, sorted, while
        ``ORDER BY x LIMIT 10`` returns the first 10 by x.

    Example:
        SELECT * FROM (SELECT * FROM orders ORDER BY created DESC) WHERE ROWNUM <= 10;

    Typical rewrite:
        LIMIT / FETCH FIRST n ROWS ONLY for a top-n filter, row_number() OVER (...) for a row number
        column; keep the ORDER BY where Oracle had it (in the inner query).

        SELECT * FROM orders ORDER BY created DESC LIMIT 10;

    Effort:
        Simple per occurrence.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (ROWNUM becomes LIMIT / ROW_NUMBER()),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.MySQL.html
        (no SCT action code found).
    """

    code = "SQL011"
    name = "rownum"
    category = "views and SQL"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = VIEWS + CODE

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind in VIEWS and ctx.converted(obj):
            return  # the converter wrote LIMIT / row_number() (a ROWNUM it cannot write holds the view back)
        tree = ctx.tree(obj)
        if tree is not None:
            for col in tree.find_all(exp.Column):
                if not col.table and col.name.upper() == "ROWNUM":
                    where = col.find_ancestor(exp.Where, exp.Select)
                    yield self._hit(obj, ctx, node_line(obj, col), isinstance(where, exp.Where))
            return
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind == "word" and w.up == "ROWNUM" and not (i > 0 and ws[i - 1].up == "."):
                in_where = any(ws[j].up in ("WHERE", "AND", "OR") for j in range(max(0, i - 2), i))
                yield self._hit(obj, ctx, w.line, in_where)

    def _hit(self, obj, ctx, line, in_where):
        if in_where:
            msg = "ROWNUM filter: use LIMIT / FETCH FIRST n ROWS (ROWNUM is applied before ORDER BY of the same query)"
        else:
            msg = "ROWNUM: use row_number() OVER (...)"
        return hit(self, obj, ctx, line, msg, source="ROWNUM")
