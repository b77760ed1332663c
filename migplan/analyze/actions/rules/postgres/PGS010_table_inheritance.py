from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class TableInheritance(Rule[Table]):
    """INHERITS: MySQL has no table inheritance.

    What it detects:
        Each PostgreSQL table created with ``INHERITS (parent)`` when the target is MySQL.

    Why it matters:
        A child table carries its parent's columns and its rows appear in queries on the parent (unless
        ``ONLY`` is used). On MySQL the child becomes a standalone table: the inherited columns must be
        written out, queries on the parent that expect the children's rows need a UNION ALL view, and
        constraints declared on the parent are not shared. Old-style partitioning built on inheritance
        and triggers must be redesigned.

    Example:
        CREATE TABLE events (id bigint, created timestamptz, payload jsonb);
        CREATE TABLE events_2024 (CHECK (created >= '2024-01-01')) INHERITS (events);

    Typical rewrite:
        Standalone tables with all columns plus a UNION ALL view for parent queries; or one table (with
        native partitioning) when the children were partitions.

        CREATE VIEW all_events AS SELECT id, created, payload FROM events
        UNION ALL SELECT id, created, payload FROM events_2024;

    Effort:
        Medium per inheritance tree.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html
        (SCT PostgreSQL to MySQL); no SCT action code published for this pair.
    """

    code = "PGS010"
    name = "table-inheritance"
    category = "tables"
    severity = "high"
    effort = "medium"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        parents = obj.options.get("INHERITS")
        if not parents:
            return
        line = ctx.line_of(obj, r"\bINHERITS\b") or obj.location.line
        msg = (f"INHERITS {parents.strip()}: no inheritance on MySQL; write the parent's columns out and use "
               "a UNION ALL view for parent queries")
        yield ctx.hit(self, obj, line, msg, source="INHERITS")
