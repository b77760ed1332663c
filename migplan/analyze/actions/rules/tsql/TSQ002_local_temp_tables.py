from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class LocalTempTables(Rule):
    """#temp tables created or used in code: their scope and lifetime differ on the target.

    What it detects:
        Each local temporary table (``#name``) a T-SQL procedure, function or trigger creates (``CREATE
        TABLE #t``, ``SELECT ... INTO #t``) or uses; reported once per table and routine, at its first
        occurrence.

    Why it matters:
        SQL Server drops a ``#temp`` table when the procedure that created it ends, and a nested
        procedure sees its caller's ``#temp`` tables. PostgreSQL temporary tables live until the end of
        the session (or transaction with ON COMMIT DROP): a second call fails with "relation already
        exists" unless the code drops it, and each CREATE adds catalog churn. MySQL temporary tables
        also live for the session, and one cannot be opened twice in the same query (no self-join).

    Example:
        SELECT id, total INTO #big FROM orders WHERE total > 1000;
        SELECT * FROM #big;

    Typical rewrite:
        Create the table with CREATE TEMPORARY TABLE IF NOT EXISTS (or DROP TABLE IF EXISTS first), and
        drop it at the end of the routine; on PostgreSQL consider ON COMMIT DROP, or a CTE when the
        table is only read once.

        DROP TABLE IF EXISTS big;
        CREATE TEMPORARY TABLE big ON COMMIT DROP AS SELECT id, total FROM orders WHERE total > 1000;

    Effort:
        Simple per table; more when nested procedures share the table.

    References:
        SCT action codes 7659, 7812, 7802 (SQL Server to PostgreSQL: temp table scope, drop before the
        end), 659 (SQL Server to MySQL);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ002"
    name = "local-temp-tables"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7659", "SQL Server->PostgreSQL 7812", "SQL Server->PostgreSQL 7802",
           "SQL Server->MySQL 659")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        seen = set()
        for w in ctx.words(obj):
            if w.kind != "word" or not w.up.startswith("#") or w.up.startswith("##") or w.up in seen:
                continue
            seen.add(w.up)
            yield ctx.hit(self, obj, w.line, f"local temporary table {w.text}: dropped at the end of the "
                          "procedure in SQL Server, kept for the session on the target", source=w.text)
