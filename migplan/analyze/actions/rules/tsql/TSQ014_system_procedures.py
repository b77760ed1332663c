from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import bare, dotted_name
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# system procedure (or name prefix ending in '*') -> (what it is, what to do, effort)
_MAIL = "send mail from the application or an AWS service (e.g. Amazon SES)"
_JOBS = "schedule with an external scheduler (or MySQL events, pg_cron where supported)"
_KNOWN = {
    "SP_SEND_DBMAIL": ("Database Mail", _MAIL, "significant"),
    "SP_ADD_JOB*": ("SQL Server Agent", _JOBS, "significant"),
    "SP_START_JOB": ("SQL Server Agent", _JOBS, "significant"),
    "SP_UPDATE_JOB*": ("SQL Server Agent", _JOBS, "significant"),
    "SP_DELETE_JOB*": ("SQL Server Agent", _JOBS, "significant"),
    "SP_ADD_SCHEDULE": ("SQL Server Agent", _JOBS, "significant"),
    "SP_ATTACH_SCHEDULE": ("SQL Server Agent", _JOBS, "significant"),
    "XP_CMDSHELL": ("an operating-system shell", "no shell on RDS/Aurora: move the work outside the database",
                    "significant"),
    "SP_GETAPPLOCK": ("an application lock", "pg_advisory_xact_lock(hash of name) / GET_LOCK()", "simple"),
    "SP_RELEASEAPPLOCK": ("an application lock", "pg_advisory_unlock() / RELEASE_LOCK()", "simple"),
    "SP_RENAME": ("a rename", "ALTER TABLE ... RENAME", "simple"),
    "SP_OA*": ("OLE Automation", "no equivalent: move the work to the application", "significant"),
    "XP_*": ("an extended stored procedure", "no equivalent on RDS/Aurora", "significant"),
    "SP_HELP*": ("a catalog procedure", "query information_schema or the target's catalog", "simple"),
    "SP_WHO*": ("a session listing", "pg_stat_activity / performance_schema / SHOW PROCESSLIST", "simple"),
    "SP_LOCK": ("a lock listing", "pg_locks / performance_schema.data_locks", "simple"),
    "SP_SET_SESSION_CONTEXT": ("session context", "set_config() / a user variable (MySQL)", "simple"),
    "SP_REFRESHVIEW": ("view metadata refresh", "not needed (or re-create the view)", "simple"),
    "SP_RECOMPILE": ("a plan recompile", "not needed", "simple"),
}
_ELSEWHERE = {"SP_EXECUTESQL", "SP_XML_PREPAREDOCUMENT", "SP_XML_REMOVEDOCUMENT"}  # TSQ006, TSQ015


def _lookup(name: str):
    if name in _KNOWN:
        return _KNOWN[name]
    for key, value in sorted(_KNOWN.items(), key=lambda kv: -len(kv[0])):
        if key.endswith("*") and name.startswith(key[:-1]):
            return value
    return "a system procedure", "no equivalent: use the target's catalog and functions", "medium"


class SystemProcedures(Rule):
    """sp_* / xp_* system procedures (Database Mail, Agent jobs, xp_cmdshell, app locks ...): no equivalent.

    What it detects:
        Each ``EXEC`` of a SQL Server system or extended procedure (a name starting with ``sp_`` or
        ``xp_``, bare or qualified as ``msdb.dbo.sp_send_dbmail``) in a T-SQL procedure, function or
        trigger, unless the scripts define a procedure of that name. ``sp_executesql`` and the XML
        procedures have their own items.

    Why it matters:
        These procedures are SQL Server services, not SQL: Database Mail, SQL Server Agent jobs,
        operating-system access (``xp_cmdshell``), OLE Automation and catalog helpers do not exist on
        PostgreSQL or MySQL, and RDS/Aurora give no shell access. Some have close equivalents
        (application locks become advisory locks or ``GET_LOCK``); the rest move to the application or
        to AWS services.

    Example:
        EXEC msdb.dbo.sp_send_dbmail @recipients = 'ops@example.com', @subject = 'Load failed';
        EXEC sp_getapplock @Resource = 'nightly_load', @LockMode = 'Exclusive';

    Typical rewrite:
        Move mail, jobs and shell calls out of the database (application, scheduler, Lambda + SES); map
        the helpers that have an equivalent (advisory locks, catalog views).

        PERFORM pg_advisory_xact_lock(hashtext('nightly_load'));

    Effort:
        Significant for mail, jobs, shell and OLE calls; simple for locks and catalog helpers.

    References:
        SCT action codes 7900 (Database Mail), 7901 (Service Broker), 7902 (SQL Server Agent), 7903
        (backup) for SQL Server to PostgreSQL; 900, 902, 903 for SQL Server to MySQL;
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ014"
    name = "system-procedures"
    category = "procedural code"
    severity = "high"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7900", "SQL Server->PostgreSQL 7901", "SQL Server->PostgreSQL 7902",
           "SQL Server->PostgreSQL 7903", "SQL Server->MySQL 900", "SQL Server->MySQL 902",
           "SQL Server->MySQL 903")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.up not in ("EXEC", "EXECUTE") or w.kind != "word":
                continue
            j = i + 1
            if j + 1 < len(ws) and ws[j].up.startswith("@") and ws[j + 1].up == "=":  # EXEC @rc = proc
                j += 2
            parts, _ = dotted_name(ws, j)
            if not parts:
                continue
            name = bare(parts[-1])
            if not name.startswith(("SP_", "XP_")) or name in _ELSEWHERE:
                continue
            if ctx.inventory.get(".".join(p for p in parts[-2:] if p), "procedure") is not None:
                continue
            what, how, effort = _lookup(name)
            f = ctx.hit(self, obj, ws[j].line, f"{parts[-1]}: {what}; {how}", source=".".join(parts))
            f.effort = effort
            yield f
