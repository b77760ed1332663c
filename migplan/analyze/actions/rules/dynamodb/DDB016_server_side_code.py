from migplan.analyze.actions.base import Rule


class ServerSideCode(Rule):
    """User-defined functions, aggregates and triggers have no DynamoDB equivalent.

    What it detects:
        ``CREATE FUNCTION``, ``CREATE AGGREGATE`` and ``CREATE TRIGGER`` in CQL scripts.

    Why it matters:
        DynamoDB runs no code of yours inside the database. A function used in ``SELECT`` is computed
        by the application after the read; an aggregate by the application over the items it reads
        (or kept up to date at write time, e.g. with atomic counters); a trigger becomes an AWS Lambda
        function reading the table's DynamoDB stream (after the write, asynchronously, not inside it).

    Example:
        CREATE FUNCTION avg_rating(total counter, n counter) RETURNS NULL ON NULL INPUT RETURNS float
            LANGUAGE java AS 'return n > 0 ? (float) total / n : 0f;';

    Typical rewrite:
        Compute in the application, or maintain the result at write time:

        UpdateExpression: "ADD rating_total :r, rating_counter :one"

    Effort:
        Medium per object: code moves to the application or to Lambda.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.Lambda.html
        (DynamoDB Streams and AWS Lambda triggers)
    """

    code = "DDB016"
    name = "server-side-code"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("function", "aggregate", "trigger")

    def check(self, obj, ctx):
        what = {"function": "user-defined function: compute it in the application",
                "aggregate": "user-defined aggregate: compute it in the application or keep it up to date at "
                             "write time",
                "trigger": "trigger: an AWS Lambda function on the table's DynamoDB stream (runs after the write)"}
        yield ctx.hit(self, obj, obj.location.line, f"{obj.kind} {obj.qname}: {what[obj.kind]}")
