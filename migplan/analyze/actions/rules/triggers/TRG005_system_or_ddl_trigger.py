from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import DML_EVENTS, hit, is_word, statement_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine

_SYSTEM = {"LOGON", "LOGOFF", "STARTUP", "SHUTDOWN", "SERVERERROR", "SUSPEND", "DB_ROLE_CHANGE"}


class SystemOrDdlTrigger(Rule[Routine]):
    """System and DDL triggers (ON DATABASE / ON SCHEMA / ALL SERVER, LOGON, DDL events).

    What it detects:
        Triggers that fire on database or server events rather than on DML of a table: Oracle
        ``AFTER LOGON ON DATABASE``, ``BEFORE DDL ON SCHEMA``, ``AFTER SERVERERROR``; SQL Server
        ``ON DATABASE`` / ``ON ALL SERVER`` DDL and LOGON triggers; PostgreSQL event triggers.

    Why it matters:
        MySQL has no system or DDL triggers. PostgreSQL has event triggers for DDL
        (ddl_command_start, ddl_command_end, sql_drop, table_rewrite) and, from PostgreSQL 17, for
        login; there is nothing for startup, shutdown or server errors, and on Aurora/RDS creating
        event triggers needs the rds_superuser role. Auditing and session set-up done this way usually
        moves to database activity streams, pgAudit, parameter groups or the application's connection
        set-up.

    Example:
        CREATE TRIGGER set_app_context AFTER LOGON ON DATABASE
        BEGIN DBMS_SESSION.SET_IDENTIFIER(SYS_CONTEXT('USERENV', 'OS_USER')); END;

    Typical rewrite:
        DDL auditing: an event trigger (PostgreSQL) or pgAudit / database activity streams; logon
        logic: role settings (ALTER ROLE ... SET), the login event trigger of PostgreSQL 17, or the
        application's connection initialisation.

    Effort:
        Significant: a design decision per trigger.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        (the Triggers rows list system/DDL triggers, with codes not mapped
        one to one).
    """

    code = "TRG005"
    targets = ("postgresql", "mysql")  # Redshift has no triggers at all: RSH002
    name = "system-or-ddl-trigger"
    category = "triggers"
    severity = "high"
    effort = "significant"
    kinds = ("trigger",)

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.source_family == ctx.target_family:
            return
        scope = obj.attrs.get("scope")
        events = [e for e in obj.events if e not in DML_EVENTS]
        if not scope and not (events and not obj.table_name):
            return
        ws = statement_words(ctx, obj)
        line = next((w.line for i, w in enumerate(ws) if is_word(ws, i, "ON")
                     and is_word(ws, i + 1, "DATABASE", "SCHEMA", "ALL")), obj.location.line)
        what = " OR ".join(events) or "DDL"
        where = f" ON {scope}" if scope else ""
        if ctx.target_family == "mysql":
            fix = "MySQL has no system or DDL triggers"
        elif set(events) & _SYSTEM - {"LOGON"}:
            fix = "PostgreSQL has no trigger for this event"
        elif "LOGON" in events:
            fix = "PostgreSQL 17+ has a login event trigger; otherwise role settings or the application"
        else:
            fix = "PostgreSQL event trigger (ddl_command_start/end, sql_drop), created by rds_superuser"
        yield hit(self, obj, ctx, line, f"system/DDL trigger ({what}{where}): {fix}", source=f"{what}{where}")
