from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class SetTableDuplicates(Rule[Table]):
    """A Teradata SET table rejects duplicate rows; Redshift tables keep them.

    What it detects:
        Each Teradata table created with an explicit SET (in Teradata session mode a table written without
        SET or MULTISET is SET too: check those by hand).

    Why it matters:
        Teradata silently discards (INSERT ... SELECT) or rejects (INSERT) a row that duplicates an
        existing row of a SET table. Redshift keeps every row, so a load that relied on it now doubles data.

    Example:
        CREATE SET TABLE region_dim (...)

    Typical rewrite:
        Deduplicate in the load (SELECT DISTINCT from the stage, or insert only rows not yet present).

            INSERT INTO region_dim SELECT DISTINCT * FROM stage_region s
            WHERE NOT EXISTS (SELECT 1 FROM region_dim r WHERE r.region_id = s.region_id);

    Effort:
        Simple per load job.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/t_Defining_constraints.html
    """

    code = "RSH013"
    name = "set-table-duplicates"
    category = "functional differences"
    severity = "medium"
    effort = "simple"
    targets = ("redshift",)
    sources = ("teradata",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.attrs.get("set_table"):
            yield ctx.hit(self, obj, obj.location.line, "SET table: Teradata discards duplicate rows, Redshift "
                          "keeps them; deduplicate in the load")
