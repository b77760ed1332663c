from migplan.analyze.actions.base import Rule


class AllowFiltering(Rule):
    """``ALLOW FILTERING`` queries become scans or filtered queries that read every item they examine.

    What it detects:
        A ``SELECT ... ALLOW FILTERING`` in the scripts.

    Why it matters:
        The query filters on columns that are not the key. In DynamoDB it becomes a ``Scan`` (or a
        ``Query`` on the partition key) with a ``FilterExpression``: the filter runs after the read,
        so the request reads, and is billed for, every item it examines, 1 MB per page. For a
        frequent query add a global secondary index on the filtered attribute instead.

    Example:
        SELECT * FROM videos WHERE content_rating = 'PG' ALLOW FILTERING;

    Typical rewrite:
        A GSI on ``content_rating`` and a ``Query`` on it; or, for a rare report, a ``Scan`` with
        ``FilterExpression`` (or an export to Amazon S3).

        table.query(IndexName="videos_by_rating", KeyConditionExpression=Key("content_rating").eq("PG"))

    Effort:
        Medium: a new index or an accepted full scan per query.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html
        (FilterExpression is applied after the scan),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.FilterExpression.html
    """

    code = "DDB008"
    name = "allow-filtering"
    category = "views and SQL"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    raised_by = "converter"
