from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, VIEWS, hit, is_punct, is_word
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class PivotUnpivot(Rule):
    """PIVOT / UNPIVOT: no such clause on PostgreSQL or MySQL.

    What it detects:
        ``PIVOT (...)`` and ``UNPIVOT (...)`` clauses (Oracle, SQL Server) in views, materialized
        views and code.

    Why it matters:
        Neither target has PIVOT or UNPIVOT, and sqlglot cannot write them: the view's query has to
        be rewritten by hand (written without the clause, it would return the rows before pivoting).
        PIVOT becomes conditional aggregation (or crosstab() from the tablefunc extension on
        PostgreSQL); UNPIVOT a UNION ALL or a LATERAL VALUES list.

    Example:
        SELECT * FROM (SELECT region, amount FROM sales)
        PIVOT (SUM(amount) FOR region IN ('EU' AS eu, 'US' AS us));

    Typical rewrite:
        One aggregate per pivoted value (FILTER on PostgreSQL, CASE on MySQL); for UNPIVOT, a
        CROSS JOIN LATERAL (VALUES ...) on PostgreSQL or UNION ALL.

        SELECT SUM(amount) FILTER (WHERE region = 'EU') AS eu,
               SUM(amount) FILTER (WHERE region = 'US') AS us FROM sales;

    Effort:
        Medium per clause.

    References:
        SCT action codes 7905, 7906 (SQL Server to PostgreSQL), 905, 906 (SQL Server to MySQL);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (Oracle lists PIVOT in its Views and SQL rows,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html).
    """

    code = "SQL013"
    name = "pivot-unpivot"
    category = "views and SQL"
    severity = "high"
    effort = "medium"
    kinds = VIEWS + CODE
    sct = ("SQL Server->PostgreSQL 7905", "SQL Server->PostgreSQL 7906", "SQL Server->MySQL 905",
           "SQL Server->MySQL 906")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.source_family == ctx.target_family:
            return
        if obj.kind in VIEWS and ctx.converted(obj):
            return  # the converter wrote the conditional aggregation / the unpivot
        tree = ctx.tree(obj)
        if tree is not None and tree.find(exp.Pivot) is None:
            return
        # the tree knows whether there is a pivot; the clause keyword gives the line
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if is_word(ws, i, "PIVOT", "UNPIVOT") and (is_punct(ws, i + 1, "(") or is_word(ws, i + 1, "XML")
                                                       or is_word(ws, i + 1, "INCLUDE", "EXCLUDE")):
                fix = "conditional aggregation (one aggregate per value)" if w.up == "PIVOT" else \
                    "UNION ALL or a LATERAL VALUES list"
                yield hit(self, obj, ctx, w.line, f"{w.up}: no {w.up} clause on the target; rewrite as {fix}",
                          source=w.up)
