import re
from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class Events(Rule):
    """CREATE EVENT: scheduled jobs inside MySQL need a scheduler on the target.

    What it detects:
        Each MySQL event (``CREATE EVENT ... ON SCHEDULE ... DO ...``).

    Why it matters:
        PostgreSQL has no event scheduler: the job must run from the ``pg_cron`` extension (where the
        target offers it) or from a scheduler outside the database (Amazon EventBridge with Lambda, cron,
        the application). On a MySQL target the event can be re-created, but DMS moves tables only, not
        events, and the event scheduler must be switched on (``event_scheduler`` parameter) on the target.
        Either way the job must not run on both sides during the migration.

    Example:
        CREATE EVENT purge_audit ON SCHEDULE EVERY 1 DAY
        DO DELETE FROM audit_log WHERE created < NOW() - INTERVAL 90 DAY;

    Typical rewrite:
        Put the body in a procedure and schedule the call (pg_cron, EventBridge, cron); disable the source
        event at cutover.

        SELECT cron.schedule('purge_audit', '0 3 * * *',
          $$DELETE FROM audit_log WHERE created < now() - interval '90 days'$$);

    Effort:
        Medium per event: scheduling, monitoring and the cutover switch.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (no SCT action codes published for MySQL to PostgreSQL),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html (DMS does not
        create code objects).
    """

    code = "MYS006"
    name = "events"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("mysql",)
    kinds = ("event",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        m = re.search(r"ON\s+SCHEDULE\s+(.*?)\s+DO\b", obj.source, re.IGNORECASE | re.DOTALL)
        when = " ".join(m.group(1).split()) if m else "a schedule"
        if ctx.target_family == "mysql":
            msg = f"event {obj.name} ({when}): re-create it on the target and turn on event_scheduler there"
        else:
            msg = f"event {obj.name} ({when}): no event scheduler; use pg_cron or an external scheduler"
        yield ctx.hit(self, obj, obj.location.line, msg, source="CREATE EVENT")
