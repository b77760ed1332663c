from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class ConnectBy(Rule):
    """CONNECT BY hierarchical query: rewrite as a recursive common table expression.

    What it detects:
        ``START WITH ... CONNECT BY [NOCYCLE] PRIOR ...`` in a view or materialized view, with the
        pseudo-columns LEVEL, CONNECT_BY_ISLEAF, SYS_CONNECT_BY_PATH that come with it.

    Why it matters:
        Neither PostgreSQL nor MySQL has CONNECT BY; sqlglot passes it through unchanged, so the view
        fails on the target. Ordering (ORDER SIBLINGS BY) and cycle handling (NOCYCLE) need explicit
        code in the rewrite.

    Example:
        SELECT employee_id, LEVEL FROM employees
        START WITH manager_id IS NULL CONNECT BY PRIOR employee_id = manager_id;

    Typical rewrite:
        A WITH RECURSIVE query: the START WITH rows are the anchor, the CONNECT BY condition joins the
        recursive part; carry depth and path as columns (PostgreSQL 14+: SEARCH and CYCLE clauses).

        WITH RECURSIVE t AS (
          SELECT employee_id, 1 AS level FROM employees WHERE manager_id IS NULL
          UNION ALL
          SELECT e.employee_id, t.level + 1 FROM employees e JOIN t ON e.manager_id = t.employee_id)
        SELECT * FROM t;

    Effort:
        Medium per query; more with NOCYCLE, ORDER SIBLINGS BY or SYS_CONNECT_BY_PATH.

    References:
        SCT action code 122 (Oracle to MySQL 5.7);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT rewrites to WITH RECURSIVE).
    """

    code = "SQL010"
    name = "connect-by"
    category = "views and SQL"
    severity = "high"
    effort = "medium"
    sources = ("oracle",)
    kinds = ("view", "materialized view")
    sct = ("Oracle->MySQL 122",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.converted(obj):
            return  # the converter wrote it as WITH RECURSIVE (SQL020)
        tree = ctx.tree(obj)
        if tree is None or tree.find(exp.Connect) is None:
            return
        line = ctx.line_of(obj, r"\bCONNECT\s+BY\b") or ctx.line_of(obj, r"\bSTART\s+WITH\b")
        yield ctx.hit(self, obj, line, "hierarchical query (CONNECT BY): no equivalent on the target",
                      source="CONNECT BY")
