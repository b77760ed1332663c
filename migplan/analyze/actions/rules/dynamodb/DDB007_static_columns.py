from migplan.analyze.actions.base import Rule
from migplan.model.schema import Table


class StaticColumns(Rule[Table]):
    """``STATIC`` columns: one value per partition, which DynamoDB does not have.

    What it detects:
        Columns declared ``STATIC`` in a table with clustering columns.

    Why it matters:
        A static column holds one value shared by every row of a partition: writing it once changes
        what every row reads. DynamoDB items share nothing. Either keep the shared values in one item
        of the partition (a reserved sort key value such as ``#static``, read with the others by the
        same ``Query``), or copy them into each item and update every item of the partition when
        they change (not atomic beyond 100 items in a transaction).

    Example:
        CREATE TABLE video_recommendations_by_video (videoid uuid, userid uuid, rating float,
            name text STATIC, PRIMARY KEY (videoid, userid));

    Typical rewrite:
        One extra item per partition holding the static values:

        {"videoid": {"S": "9a3c..."}, "userid": {"S": "#static"}, "name": {"S": "Intro"}}

    Effort:
        Medium: reads and writes of the shared values change.

    References:
        https://cassandra.apache.org/doc/latest/cassandra/developing/cql/ddl.html (static columns),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-sort-keys.html
        (several item types in one partition)
    """

    code = "DDB007"
    name = "static-columns"
    category = "tables"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table",)

    def check(self, obj, ctx):
        static = [c for c in obj.columns if c.static]
        if not static:
            return
        names = ", ".join(c.name for c in static)
        yield ctx.hit(self, obj, static[0].line or obj.location.line,
                      f"static columns ({names}) hold one value per partition: keep them in one item of the partition "
                      "or copy them to every item", sub=names)
