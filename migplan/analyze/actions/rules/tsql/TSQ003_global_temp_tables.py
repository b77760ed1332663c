from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class GlobalTempTables(Rule):
    """##global temp tables in code: shared between sessions, no equivalent on the target.

    What it detects:
        Each global temporary table (``##name``) a T-SQL procedure, function or trigger creates or
        uses; reported once per table and routine, at its first occurrence.

    Why it matters:
        A ``##table`` is visible to every session until the last session using it ends. PostgreSQL and
        MySQL temporary tables are private to one session, so code that hands data from one connection
        to another through a ``##table`` breaks. SCT does not convert them.

    Example:
        CREATE TABLE ##batch_status (batch_id INT, status VARCHAR(10));
        INSERT INTO ##batch_status VALUES (@id, 'RUNNING');

    Typical rewrite:
        A regular (unlogged, on PostgreSQL) table with a session or batch key column, cleaned up by the
        code; or a session-private temporary table when only one session really uses it.

        CREATE UNLOGGED TABLE batch_status (batch_id int PRIMARY KEY, status varchar(10));

    Effort:
        Medium: the sharing between sessions must be understood and replaced.

    References:
        SCT action codes 7680 (SQL Server to PostgreSQL), 680 (SQL Server to MySQL: no global temporary
        tables);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ003"
    name = "global-temp-tables"
    category = "procedural code"
    severity = "high"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7680", "SQL Server->MySQL 680")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        seen = set()
        for w in ctx.words(obj):
            if w.kind != "word" or not w.up.startswith("##") or w.up in seen:
                continue
            seen.add(w.up)
            yield ctx.hit(self, obj, w.line, f"global temporary table {w.text}: shared between sessions in "
                          "SQL Server; the target's temporary tables are private to one session",
                          source=w.text)
