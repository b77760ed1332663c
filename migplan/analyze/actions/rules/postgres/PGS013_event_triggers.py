import re
from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_EVENT_TRIGGER = re.compile(r"\s*CREATE\s+EVENT\s+TRIGGER\b", re.IGNORECASE)


class EventTriggers(Rule):
    """CREATE EVENT TRIGGER: DDL triggers; none on MySQL, privileged and DMS-sensitive on PostgreSQL.

    What it detects:
        Each PostgreSQL event trigger (``CREATE EVENT TRIGGER name ON ddl_command_start |
        ddl_command_end | sql_drop | table_rewrite ...``).

    Why it matters:
        Event triggers fire on DDL (auditing schema changes, blocking drops). MySQL has no DDL triggers:
        the audit moves to the audit log or to the deployment process. On a PostgreSQL target the event
        trigger and its function must be re-created after the load (DMS moves no code), by a user with
        the needed privileges on the managed service. On the source, DMS installs its own event trigger
        (``awsdms_intercept_ddl``) to capture DDL during CDC: an event trigger that blocks or rewrites DDL
        interferes with it.

    Example:
        CREATE EVENT TRIGGER no_drops ON sql_drop EXECUTE FUNCTION forbid_drops();

    Typical rewrite:
        PostgreSQL: re-create it at cutover and test it alongside DMS's DDL capture. MySQL: enable the
        audit log or enforce the rule in the deployment pipeline.

        CREATE EVENT TRIGGER no_drops ON sql_drop EXECUTE FUNCTION forbid_drops();

    Effort:
        Medium per event trigger.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (DMS DDL capture through the awsdms_intercept_ddl event trigger).
    """

    code = "PGS013"
    name = "event-triggers"
    category = "triggers"
    severity = "medium"
    effort = "medium"
    sources = ("postgresql",)
    kinds = ("trigger", "event trigger")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind == "trigger" and not _EVENT_TRIGGER.match(obj.source):
            return
        if ctx.target_family == "mysql":
            msg = (f"event trigger {obj.name}: MySQL has no DDL triggers; use the audit log or the "
                   "deployment process")
        else:
            msg = (f"event trigger {obj.name}: re-create it after the load; DMS adds its own event trigger "
                   "on the source for DDL capture")
        yield ctx.hit(self, obj, obj.location.line, msg, source="CREATE EVENT TRIGGER")
