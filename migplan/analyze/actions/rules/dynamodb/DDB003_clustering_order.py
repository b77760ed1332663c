from migplan.analyze.actions.base import Rule


class ClusteringOrder(Rule):
    """``CLUSTERING ORDER BY ... DESC``: DynamoDB stores sort keys ascending; reverse per query.

    What it detects:
        A table or materialized view with a descending clustering column.

    Why it matters:
        Cassandra stores the rows of a partition in the declared order, so a plain ``SELECT`` returns
        the newest first. DynamoDB keeps items in ascending sort key order; a ``Query`` returns them
        in that order unless it sets ``ScanIndexForward`` to false. Every query that relied on the
        table's order must ask for it (with a mixed order such as ``(a ASC, b DESC)`` the composite
        sort key must invert the descending part, e.g. store a reversed timestamp).

    Example:
        CREATE TABLE comments (videoid uuid, commentid timeuuid, comment text,
                               PRIMARY KEY (videoid, commentid)) WITH CLUSTERING ORDER BY (commentid DESC);

    Typical rewrite:
        Query with ``ScanIndexForward=False`` (and ``Limit`` for the newest N).

        table.query(KeyConditionExpression=Key("videoid").eq(v), ScanIndexForward=False, Limit=20)

    Effort:
        Simple: one parameter per query; more for mixed orders.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html (ScanIndexForward),
        https://cassandra.apache.org/doc/latest/cassandra/developing/cql/ddl.html (clustering order)
    """

    code = "DDB003"
    name = "clustering-order"
    category = "functional differences"
    severity = "low"
    effort = "simple"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table", "materialized view")

    def check(self, obj, ctx):
        clustering = getattr(obj, "clustering", [])
        desc = [c.expression for c in clustering if c.descending]
        if not desc:
            return
        mixed = len(desc) < len(clustering) and len(clustering) > 1
        line = ctx.line_of(obj, r"CLUSTERING\s+ORDER") or obj.location.line
        msg = (f"CLUSTERING ORDER BY ({', '.join(desc)} DESC): DynamoDB returns items in ascending sort key order; "
               "query with ScanIndexForward=false")
        if mixed:
            msg += "; the order is mixed, so the composite sort key must store the descending parts inverted"
        yield ctx.hit(self, obj, line, msg)
