from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class ExclusionConstraints(Rule[Table]):
    """EXCLUDE constraints (no overlapping ranges ...): MySQL has no exclusion constraints.

    What it detects:
        Each ``EXCLUDE USING gist (...)`` constraint of a PostgreSQL table when the target is MySQL.

    Why it matters:
        Exclusion constraints guarantee that no two rows conflict on an operator, typically "no
        overlapping bookings for the same room" with range types and a GiST index. MySQL has neither
        the constraint nor range types: the rule is lost unless it is enforced by a trigger (with a
        locking read, to be safe under concurrency) or by the application.

    Example:
        CREATE TABLE bookings (room int, during tsrange,
          EXCLUDE USING gist (room WITH =, during WITH &&));

    Typical rewrite:
        Two columns (start, end) and a BEFORE INSERT/UPDATE trigger that looks for an overlapping row
        with SELECT ... FOR UPDATE and SIGNALs; or serialise the bookings in the application.

        IF EXISTS (SELECT 1 FROM bookings WHERE room = NEW.room
                   AND starts_at < NEW.ends_at AND NEW.starts_at < ends_at FOR UPDATE) THEN
          SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'overlapping booking';
        END IF;

    Effort:
        Medium per constraint: trigger plus concurrency tests.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html
        (SCT PostgreSQL to MySQL); no SCT action code published for this pair.
    """

    code = "PGS009"
    name = "exclusion-constraints"
    category = "constraints"
    severity = "high"
    effort = "medium"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        for con in obj.constraints:
            if con.kind != "exclude":
                continue
            line = con.location.line if con.location else ctx.line_of(obj, r"\bEXCLUDE\b")
            name = f"exclusion constraint {con.name}" if con.name else "exclusion constraint"
            yield ctx.hit(self, obj, line, f"{name}: MySQL has none; enforce it with a trigger or the "
                          "application", source="EXCLUDE", sub=con.name)
