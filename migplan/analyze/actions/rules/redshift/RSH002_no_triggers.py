from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine


class NoTriggers(Rule[Routine]):
    """Redshift has no triggers.

    What it detects:
        Every trigger of the scripts when the target is Amazon Redshift.

    Why it matters:
        The trigger's work (auditing, derived columns, checks, cascades) no longer happens when rows
        change. On a warehouse it usually belongs in the load (ETL/ELT step) or in a stored procedure the
        load calls.

    Example:
        CREATE TRIGGER trg_sales_audit AFTER INSERT ON sales FOR EACH ROW ...

    Typical rewrite:
        Move the logic into the load: compute derived values in the INSERT ... SELECT, write audit rows
        from the same job, or call a stored procedure after each batch.

            CALL etl.after_sales_load();

    Effort:
        Significant: each trigger's logic is re-homed in the load.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/c_unsupported-postgresql-features.html
    """

    code = "RSH002"
    name = "no-triggers"
    category = "triggers"
    severity = "high"
    effort = "significant"
    targets = ("redshift",)
    kinds = ("trigger",)

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        yield ctx.hit(self, obj, obj.location.line, "Redshift has no triggers: move this logic into the load "
                      "(ETL step or a stored procedure the load calls)")
