from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# SQL Server Agent's job procedures in msdb
_AGENT = ("SP_ADD_JOB", "SP_ADD_JOBSTEP", "SP_ADD_JOBSCHEDULE", "SP_ADD_SCHEDULE", "SP_ATTACH_SCHEDULE",
          "SP_ADD_JOBSERVER", "SP_START_JOB", "SP_STOP_JOB", "SP_UPDATE_JOB", "SP_DELETE_JOB", "SP_ADD_ALERT",
          "SP_ADD_OPERATOR", "SP_ADD_NOTIFICATION")


class AzureNoSqlAgent(Rule):
    """SQL Server Agent jobs in scripts of an Azure SQL Database, which has no SQL Server Agent.

    What it detects:
        Calls of SQL Server Agent's procedures in ``msdb`` (``sp_add_job``, ``sp_add_jobstep``,
        ``sp_add_schedule``, ``sp_start_job``...) in the scripts of an Azure SQL Database source, in
        procedures or as statements of their own.

    Why it matters:
        Azure SQL Database has no SQL Server Agent and no ``msdb`` jobs (it schedules work with elastic
        jobs or outside the database), so these scripts do not run on the source as it is: they are left
        over from an on-premises server or describe jobs that live elsewhere. Neither SCT nor DMS moves
        scheduled jobs; on Aurora the schedule is rebuilt with pg_cron (Aurora PostgreSQL), MySQL events
        (Aurora MySQL) or Amazon EventBridge with AWS Lambda.

    Example:
        EXEC msdb.dbo.sp_add_job @job_name = N'ticketing nightly cleanup';

    Typical rewrite:
        Find where the job really runs (elastic job agent, Azure Automation, a scheduler), then schedule
        its statements on the target with pg_cron, a MySQL event or EventBridge + Lambda.

        SELECT cron.schedule('ticketing nightly cleanup', '0 2 * * *', $$DELETE FROM sales.tickets WHERE ...$$);

    Effort:
        Medium per job: the schedule and the step's statements are rewritten and tested.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "AZS002"
    name = "azure-no-sql-agent"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("sqlserver",)
    engines = ("azure-sql",)
    kinds = ("procedure", "function", "trigger")
    statements = ("session exec", "block")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterator[Finding]:
        for w in ctx.words(obj):
            if w.kind == "word" and w.up.rsplit(".", 1)[-1].strip("[]") in _AGENT:
                proc = w.text.rsplit(".", 1)[-1].strip("[]")
                where = "pg_cron" if ctx.target_family == "postgresql" else "a MySQL event"
                yield ctx.hit(self, obj, w.line, f"{proc}: SQL Server Agent job procedure; Azure SQL Database has "
                              f"no SQL Server Agent: schedule the work on the target ({where}, or EventBridge "
                              "with Lambda)", source=w.text)
