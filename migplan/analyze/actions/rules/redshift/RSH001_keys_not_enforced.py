from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class KeysNotEnforced(Rule[Table]):
    """Primary, unique and foreign keys on Redshift are informational: declared, not enforced.

    What it detects:
        Each table of the scripts with a PRIMARY KEY, UNIQUE or FOREIGN KEY constraint, converted for
        Amazon Redshift.

    Why it matters:
        Redshift accepts these constraints but does not check them: duplicate keys and orphan rows load
        without an error, and the query planner trusts the declarations (a wrong one can give wrong
        results, for example with SELECT DISTINCT). A source that relied on the engine to reject bad rows
        (a Teradata UNIQUE PRIMARY INDEX, an enforced Oracle key) now needs the load to do it.

    Example:
        CREATE TABLE customer_dim (customer_id INTEGER NOT NULL, CONSTRAINT pk PRIMARY KEY (customer_id));

    Typical rewrite:
        Keep the constraints (the planner uses them) and deduplicate in the load: stage, then insert the
        rows whose key is not yet in the table, or MERGE.

            MERGE INTO customer_dim USING stage_customer s ON customer_dim.customer_id = s.customer_id
            WHEN MATCHED THEN UPDATE SET customer_name = s.customer_name
            WHEN NOT MATCHED THEN INSERT VALUES (s.customer_id, s.customer_name);

    Effort:
        Simple: one deduplicating step per load.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/t_Defining_constraints.html
    """

    code = "RSH001"
    name = "keys-not-enforced"
    category = "constraints"
    severity = "low"
    effort = "simple"
    targets = ("redshift",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        kinds = sorted({c.kind for c in obj.constraints if c.kind in ("primary key", "unique", "foreign key")})
        if not kinds:
            return
        yield ctx.hit(self, obj, obj.location.line, f"{', '.join(kinds)} declared but not enforced on Redshift: "
                      "duplicates and orphan rows load without an error; deduplicate in the load")
