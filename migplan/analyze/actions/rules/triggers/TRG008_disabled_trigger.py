from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, line_of_words, statement_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine


class DisabledTrigger(Rule[Routine]):
    """A trigger disabled in the source: decide whether it exists (disabled) on the target.

    What it detects:
        Triggers created ``DISABLE`` or disabled later (``ALTER TRIGGER ... DISABLE``, ``ALTER TABLE
        ... DISABLE TRIGGER``) in the scripts.

    Why it matters:
        A disabled trigger is usually dead code or a switch someone flips during maintenance. SCT can
        skip disabled triggers (a conversion setting); PostgreSQL can create the trigger and disable it
        (ALTER TABLE ... DISABLE TRIGGER); MySQL cannot disable a trigger at all, so creating it makes
        it active. Converting it by mistake changes behaviour; dropping it loses the switch.

    Example:
        CREATE TRIGGER orders_bu_check BEFORE UPDATE ON orders FOR EACH ROW BEGIN ... END;
        ALTER TRIGGER orders_bu_check DISABLE;

    Typical rewrite:
        Ask whether it is still needed; if so, PostgreSQL: create it, then ALTER TABLE orders DISABLE
        TRIGGER orders_bu_check; MySQL: keep the code out of the schema (or behind a flag it checks).

    Effort:
        Simple per trigger.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT setting to ignore disabled triggers and constraints),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (triggers are
        enabled on the target right before cutover: a disabled one must stay out of that step).
    """

    code = "TRG008"
    targets = ("postgresql", "mysql")  # Redshift has no triggers at all: RSH002
    name = "disabled-trigger"
    category = "triggers"
    severity = "low"
    effort = "simple"
    kinds = ("trigger",)
    rewritten_when_converted = True

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.enabled or ctx.source_family == ctx.target_family:
            return
        parts = [p for p in obj.parts if p.action == "disable trigger"]
        line = parts[-1].location.line if parts else line_of_words(statement_words(ctx, obj), "DISABLE")
        if line is None and obj.table_name:
            table = ctx.inventory.lookup("table", obj.table_schema, obj.table_name)
            tparts = [p for p in getattr(table, "parts", []) if p.action == "disable trigger"]
            line = tparts[-1].location.line if tparts else None
        fix = "MySQL cannot disable a trigger: leave it out or guard its body with a flag" \
            if ctx.target_family == "mysql" else "create it and ALTER TABLE ... DISABLE TRIGGER, or leave it out"
        yield hit(self, obj, ctx, line or obj.location.line, f"trigger {obj.qname} is disabled in the source: {fix}",
                  source="DISABLE")
