from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class TemporaryTableNotMigrated(Rule[Table]):
    """Oracle global temporary tables: DMS neither loads nor captures them.

    What it detects:
        Each Oracle global temporary table (``CREATE GLOBAL TEMPORARY TABLE``).

    Why it matters:
        Their rows are private to a session and transient, so there is nothing to move, and DMS skips
        them: the table definition must come from the schema conversion, not from a DMS task, and a
        task that expects to create it (DROP_AND_CREATE) will not. Code that relies on the table's
        per-session behaviour is reported separately by the conversion.

    Example:
        CREATE GLOBAL TEMPORARY TABLE gtt_order_ids (id NUMBER) ON COMMIT DELETE ROWS;

    Typical rewrite:
        Create the table (or its emulation) on the target from the converted DDL; leave it out of the
        DMS table mappings.

        CREATE TEMPORARY TABLE gtt_order_ids (id numeric) ON COMMIT DELETE ROWS;  -- per session

    Effort:
        None for the data; the definition comes with the schema conversion.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html
        (global temporary tables are neither loaded nor captured),
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT codes
        5198, 5620 for the conversion).
    """

    code = "DMS009"
    name = "temporary-table-not-migrated"
    category = "DMS readiness"
    severity = "info"
    effort = "none"
    sources = ("oracle",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.temporary != "global":
            return
        yield ctx.hit(self, obj, obj.location.line, "global temporary table: DMS neither loads nor captures "
                      "it; create it from the converted DDL")
