from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class TopClause(Rule):
    """TOP n PERCENT, TOP ... WITH TIES, TOP in UPDATE/DELETE/INSERT: no direct LIMIT form.

    What it detects:
        In T-SQL procedures, functions and triggers: each ``TOP`` with ``PERCENT`` or ``WITH TIES``,
        and each ``TOP`` in an UPDATE, DELETE or INSERT. A plain ``SELECT TOP n`` converts to LIMIT and
        is not reported. In views only ``TOP 100 PERCENT``: the converter writes a view's other
        PERCENT and WITH TIES limits itself (FETCH FIRST n ROWS WITH TIES on PostgreSQL, rows numbered
        by ROW_NUMBER()/RANK() over the ORDER BY otherwise), or holds the view back with SQL001.

    Why it matters:
        ``TOP (n) PERCENT`` has no LIMIT form on either target (compute the row count first);
        ``WITH TIES`` exists on PostgreSQL 13+ as ``FETCH FIRST n ROWS WITH TIES`` but not on MySQL.
        PostgreSQL has no LIMIT in UPDATE/DELETE (MySQL has, for single-table statements), and TOP
        without ORDER BY picks arbitrary rows on every engine. ``SELECT TOP 100 PERCENT ... ORDER BY``
        in a view is a no-op idiom: views have no order.

    Example:
        SELECT TOP 10 PERCENT id FROM orders ORDER BY total DESC;
        DELETE TOP (1000) FROM audit_log WHERE created < @cutoff;

    Typical rewrite:
        PERCENT: compute the count (window function or subquery) and LIMIT it; WITH TIES: FETCH FIRST n
        ROWS WITH TIES (PostgreSQL) or a RANK() filter (MySQL); TOP in DML: a key subquery with LIMIT
        (PostgreSQL) or DELETE ... ORDER BY ... LIMIT (MySQL); drop TOP 100 PERCENT and the view's
        ORDER BY.

        DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE created < p_cutoff LIMIT 1000);

    Effort:
        Simple per statement.

    References:
        SCT action codes 7605, 7796, 7798, 7799 (SQL Server to PostgreSQL: WITH TIES, TOP in
        UPDATE/DELETE/INSERT), 604, 605 (SQL Server to MySQL: PERCENT, WITH TIES);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ017"
    name = "top-clause"
    category = "views and SQL"
    severity = "medium"
    effort = "simple"
    sources = ("sqlserver",)
    kinds = ("view", "procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7605", "SQL Server->PostgreSQL 7796", "SQL Server->PostgreSQL 7798",
           "SQL Server->PostgreSQL 7799", "SQL Server->MySQL 604", "SQL Server->MySQL 605")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        ws = ctx.words(obj)
        n = len(ws)
        for i, w in enumerate(ws):
            if w.up != "TOP" or w.kind != "word":
                continue
            j = i + 1  # skip the count: a number, a variable or a parenthesised expression
            if j < n and ws[j].up == "(":
                depth = 0
                while j < n:
                    depth += ws[j].up == "("
                    depth -= ws[j].up == ")"
                    j += 1
                    if depth == 0:
                        break
            else:
                j += 1
            count = " ".join(x.text for x in ws[i + 1:j])
            after = [x.up for x in ws[j:j + 2]]
            prev = ws[i - 1].up if i > 0 else ""
            converted = obj.kind == "view"  # the converter writes PERCENT and WITH TIES in a view's query
            if after[:1] == ["PERCENT"]:
                if count.strip("() ") == "100":
                    msg = "TOP 100 PERCENT: a no-op; drop it (and the ORDER BY of a view)"
                elif converted:
                    continue
                else:
                    msg = f"TOP {count} PERCENT: no LIMIT form; compute the row count first"
            elif after == ["WITH", "TIES"] and converted:
                continue
            elif after == ["WITH", "TIES"]:
                msg = "TOP ... WITH TIES: use a RANK() filter (MySQL has no WITH TIES)" if mysql \
                    else "TOP ... WITH TIES: FETCH FIRST n ROWS WITH TIES (PostgreSQL 13+)"
            elif prev == "INSERT":
                msg = "INSERT TOP: put the LIMIT on the SELECT that feeds the INSERT"
            elif prev in ("UPDATE", "DELETE"):
                msg = f"{prev} TOP: single-table {prev} ... LIMIT on MySQL" if mysql \
                    else f"{prev} TOP: no LIMIT in {prev} on PostgreSQL; restrict a key subquery with LIMIT"
            else:
                continue
            yield ctx.hit(self, obj, w.line, msg, source=" ".join(x.text for x in ws[i:j + len(after)]))
