from migplan.analyze.actions.base import Rule
from migplan.model.schema import Table


class CounterColumns(Rule[Table]):
    """Counter columns become numbers changed with atomic ``ADD`` updates.

    What it detects:
        Columns of type ``counter``.

    Why it matters:
        Cassandra counters only change by ``SET c = c + n``. In DynamoDB a counter is a number
        attribute; ``UpdateItem`` with ``ADD c :n`` (or ``SET c = if_not_exists(c, :zero) + :n``)
        changes it atomically and creates it at 0 when missing. Like Cassandra's, a retried increment
        counts twice: where that matters, make the update conditional on a request id, or use a
        transaction with a client token. Counter tables in Cassandra hold only counters; the
        DynamoDB table can hold other attributes too.

    Example:
        CREATE TABLE video_playback_stats (videoid uuid PRIMARY KEY, views counter);
        UPDATE video_playback_stats SET views = views + 1 WHERE videoid = ?;

    Typical rewrite:
        An ``UpdateItem`` with an ADD action:

        UpdateExpression: "ADD #views :one", ExpressionAttributeValues: {":one": {"N": "1"}}

    Effort:
        Medium: each increment rewritten; idempotence decided per counter.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
        (ADD, atomic counters),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithItems.html
    """

    code = "DDB004"
    name = "counter-columns"
    category = "functional differences"
    severity = "medium"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table",)

    def check(self, obj, ctx):
        counters = [c for c in obj.columns if c.type.base == "COUNTER"]
        if not counters:
            return
        names = ", ".join(c.name for c in counters)
        yield ctx.hit(self, obj, counters[0].line or obj.location.line,
                      f"counter columns ({names}): number attributes changed with UpdateItem ADD (atomic); a retried "
                      "increment counts twice", sub=names)
