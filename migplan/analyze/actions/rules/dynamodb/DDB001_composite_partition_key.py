from migplan.analyze.actions.base import Rule


class CompositePartitionKey(Rule):
    """A composite partition key becomes one concatenated key attribute.

    What it detects:
        A CQL table (or materialized view) whose partition key has several columns:
        ``PRIMARY KEY ((a, b), c)``.

    Why it matters:
        A DynamoDB partition key is one attribute of type S, N or B. migplan writes the table with a
        string partition key named after the columns (``a#b``); every write must set it to the
        columns' values joined with ``#``, and every query must build the same value. The columns
        are kept as attributes of their own too, so they can still be read and filtered.

    Example:
        CREATE TABLE user_activity (userid uuid, day date, ts timestamp, kind text,
                                    PRIMARY KEY ((userid, day), ts));

    Typical rewrite:
        Write the concatenated key with each item and query on it: a DynamoDB ``PutItem`` with
        ``"userid#day": "<userid>#<day>"`` beside ``userid`` and ``day``; ``Query`` with
        ``KeyConditionExpression "#pk = :pk"``. Values containing ``#`` must be escaped the same way
        everywhere.

        {"userid#day": {"S": "6b1f...#2024-05-01"}, "userid": {"S": "6b1f..."}, "day": {"S": "2024-05-01"}}

    Effort:
        Medium: every read and write of the table builds the key.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.CoreComponents.html
        (primary key: one partition key attribute, optional sort key),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html
    """

    code = "DDB001"
    name = "composite-partition-key"
    category = "tables"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table", "materialized view")

    def check(self, obj, ctx):
        key = getattr(obj, "partition_key", [])
        if len(key) < 2:
            return
        line = ctx.line_of(obj, r"PRIMARY\s+KEY") or obj.location.line
        yield ctx.hit(self, obj, line, f"composite partition key ({', '.join(key)}): DynamoDB's partition key is one "
                      f"attribute; write {'#'.join(key)} = the values joined with '#' with every item and query on it",
                      sub="#".join(key))
