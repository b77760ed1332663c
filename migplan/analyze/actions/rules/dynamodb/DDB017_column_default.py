from migplan.analyze.actions.base import Rule
from migplan.model.schema import Table


class ColumnDefault(Rule[Table]):
    """Column defaults: DynamoDB writes only the attributes the application sends.

    What it detects:
        A column with ``DEFAULT`` in a CQL table (not part of Apache Cassandra's CQL grammar; some
        schemas carry it, and some Cassandra-compatible databases accept it).

    Why it matters:
        DynamoDB has no defaults: an attribute the write does not set is absent. The application
        (or the load) must write the value, e.g. the current time for ``currentTimestamp()``.

    Example:
        CREATE TABLE users (userid uuid PRIMARY KEY, created_date timestamp DEFAULT currentTimestamp());

    Typical rewrite:
        Set the value in every PutItem, and only when absent on updates:

        UpdateExpression: "SET created_date = if_not_exists(created_date, :now)"

    Effort:
        Simple: one attribute per write.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
        (if_not_exists)
    """

    code = "DDB017"
    name = "column-default"
    category = "tables"
    severity = "low"
    effort = "simple"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table",)

    def check(self, obj, ctx):
        for col in obj.columns:
            if col.default is not None:
                yield ctx.hit(self, obj, col.line or obj.location.line, f"{col.name} DEFAULT {col.default}: DynamoDB "
                              "has no defaults; the application writes the value", sub=col.name)
