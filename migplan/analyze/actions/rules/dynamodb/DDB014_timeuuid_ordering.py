from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules.dynamodb._cql import tree


class TimeuuidOrdering(Rule):
    """A ``timeuuid`` clustering column sorts by time in Cassandra, not as a DynamoDB string.

    What it detects:
        A table or materialized view whose clustering columns include a ``timeuuid``.

    Why it matters:
        Cassandra orders timeuuid clustering columns by the time inside the UUID, so ``ORDER BY``,
        ``minTimeuuid``/``maxTimeuuid`` ranges and "newest first" work on them. As a DynamoDB string
        the UUID sorts byte by byte: its text begins with the low bits of the timestamp, so the order
        is not time order and time ranges on it return the wrong items.

    Example:
        CREATE TABLE comments (videoid uuid, commentid timeuuid, comment text,
                               PRIMARY KEY (videoid, commentid)) WITH CLUSTERING ORDER BY (commentid DESC);

    Typical rewrite:
        Make the sort key the time first and the UUID second, both as text:

        {"commentid": {"S": "2024-05-01T12:00:00.000Z#1f2e3d4c-..."}}

    Effort:
        Medium: the key is composed on writes and time ranges rewritten.

    References:
        https://cassandra.apache.org/doc/latest/cassandra/developing/cql/types.html (timeuuid),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-sort-keys.html
    """

    code = "DDB014"
    name = "timeuuid-ordering"
    category = "data types"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table", "materialized view")

    def check(self, obj, ctx):
        table = obj
        if obj.kind == "materialized view":
            base = obj.references[0] if obj.references else ""
            table = ctx.inventory.get(base, "table")
            if table is None:
                return
        for c in getattr(obj, "clustering", []):
            col = table.column(c.expression)
            if col is not None and tree(col).inner.name == "TIMEUUID":
                line = col.line if table is obj and col.line else obj.location.line
                yield ctx.hit(self, obj, line, f"{col.name} timeuuid is a clustering column: Cassandra sorts it by "
                              "time, DynamoDB sorts its text byte by byte; put the time first in the sort key",
                              sub=col.name)
