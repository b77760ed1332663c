from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, VIEWS, hit, is_punct, node_line, operand_before
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class OracleOuterJoinPlus(Rule):
    """Oracle (+) outer joins: rewrite as ANSI LEFT/RIGHT JOIN.

    What it detects:
        Join conditions marked with Oracle's ``(+)`` operator in views, materialized views and code
        (one item per marked column).

    Why it matters:
        Neither target understands ``(+)``. The conversion is mechanical for simple cases (the table
        whose columns carry (+) is the optional side of a LEFT/RIGHT JOIN) but not always: filters on
        the optional table must move into the ON clause (a (+) on a constant comparison), and
        some (+) forms, such as a table outer-joined to several others, have no single ANSI form.
        sqlglot cannot write the marker for the targets; written without it, the outer join
        silently becomes an inner join.

    Example:
        SELECT c.name, o.order_id FROM customers c, orders o
        WHERE o.customer_id(+) = c.customer_id AND o.status(+) = 'OPEN';

    Typical rewrite:
        An explicit LEFT JOIN, with every condition on the optional table in its ON clause.

        SELECT c.name, o.order_id FROM customers c
        LEFT JOIN orders o ON o.customer_id = c.customer_id AND o.status = 'OPEN';

    Effort:
        Simple per join; review queries where one table is outer-joined to several others.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        (SCT converts (+) joins; the Oracle to MySQL SQL row lists outer
        joins in correlated queries, with codes not mapped one to one).
    """

    code = "SQL012"
    name = "oracle-outer-join-plus"
    category = "views and SQL"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = VIEWS + CODE

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind in VIEWS and ctx.converted(obj):
            return  # the converter rewrote the view (its own items say how)
        tree = ctx.tree(obj)
        if tree is not None:
            for col in tree.find_all(exp.Column):
                if col.args.get("join_mark"):
                    yield self._hit(obj, ctx, node_line(obj, col), col.sql(dialect="oracle"))
            return
        ws = ctx.words(obj)
        for i in range(1, len(ws) - 2):
            if is_punct(ws, i, "(") and is_punct(ws, i + 1, "+") and is_punct(ws, i + 2, ")"):
                yield self._hit(obj, ctx, ws[i].line, f"{operand_before(ws, i)[0].lower()}(+)")

    def _hit(self, obj, ctx, line, col):
        return hit(self, obj, ctx, line, f"outer join marker {col}: rewrite the join as LEFT/RIGHT JOIN ... ON",
                   source=col)
