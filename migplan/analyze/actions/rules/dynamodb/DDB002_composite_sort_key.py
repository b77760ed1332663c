from migplan.analyze.actions.base import Rule


class CompositeSortKey(Rule):
    """Several clustering columns become one composite string sort key.

    What it detects:
        A CQL table (or materialized view) with more than one clustering column:
        ``PRIMARY KEY (a, c1, c2)``.

    Why it matters:
        DynamoDB has one sort key attribute. migplan writes a string sort key named after the
        clustering columns (``c1#c2``) whose value the application composes. DynamoDB compares it
        byte by byte, so it sorts like Cassandra only if each part has a fixed width or a sortable
        form: zero-padded numbers (negative numbers need an offset), ISO 8601 UTC timestamps with a
        fixed number of digits, text without the separator. A range on the first clustering column
        becomes ``begins_with`` or ``BETWEEN`` on the prefix; a range on a later column needs the
        earlier ones fixed, as in CQL.

    Example:
        CREATE TABLE user_videos (userid uuid, added_date timestamp, videoid uuid, name text,
                                  PRIMARY KEY (userid, added_date, videoid));

    Typical rewrite:
        Write ``"added_date#videoid": "2024-05-01T12:00:00.000Z#9a3c..."`` with each item and query
        ``userid = :u AND begins_with(#sk, :day)`` or ``#sk BETWEEN :from AND :to``.

        KeyConditionExpression: "userid = :u AND #sk BETWEEN :from AND :to"

    Effort:
        Medium: key composition in every write, range conditions rewritten.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-sort-keys.html
        (composite sort keys, hierarchical ordering),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html
    """

    code = "DDB002"
    name = "composite-sort-key"
    category = "tables"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table", "materialized view")

    def check(self, obj, ctx):
        cols = [c.expression for c in getattr(obj, "clustering", [])]
        if len(cols) < 2:
            return
        line = ctx.line_of(obj, r"PRIMARY\s+KEY") or obj.location.line
        yield ctx.hit(self, obj, line, f"clustering columns {', '.join(cols)}: one string sort key "
                      f"{'#'.join(cols)}; compose each value so that string order is the clustering order "
                      "(fixed-width numbers, ISO 8601 UTC timestamps)", sub="#".join(cols))
