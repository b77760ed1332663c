from migplan.analyze.actions.base import Rule
from migplan.convert.dynamodb import ttl_attribute
from migplan.model.schema import Table


class TimeToLive(Rule[Table]):
    """TTL: Cassandra expires cells at a time; DynamoDB deletes whole items, some time after expiry.

    What it detects:
        A table with ``default_time_to_live`` above 0, and writes with ``USING TTL``.

    Why it matters:
        Cassandra's TTL is per cell: a write's columns expire, the rest of the row stays, and
        ``default_time_to_live`` applies to every write without the application knowing. DynamoDB TTL
        is per item: the application writes an expiry time in epoch seconds (a Number attribute,
        ``expires_at`` here; migplan enables TTL on it with ``UpdateTimeToLive``) and DynamoDB deletes
        the whole item, typically within a few days after that time. Expired items can still be read
        until then: filter them out on reads. A per-column TTL has no equivalent: keep such columns in
        an item of their own.

    Example:
        CREATE TABLE sessions (id uuid PRIMARY KEY, data text) WITH default_time_to_live = 86400;
        INSERT INTO sessions (id, data) VALUES (?, ?) USING TTL 3600;

    Typical rewrite:
        Write ``expires_at = now + ttl`` with every item and filter on reads:

        FilterExpression: "expires_at > :now"

    Effort:
        Simple for a table default; medium where columns expire separately.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html,
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/howitworks-ttl.html
        (deletion within a few days; epoch seconds)
    """

    code = "DDB010"
    name = "time-to-live"
    category = "functional differences"
    severity = "medium"
    effort = "simple"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table",)

    def check(self, obj, ctx):
        raw = obj.options.get("default_time_to_live", "0").strip("'")
        if not raw.isdigit() or int(raw) == 0:
            return
        line = ctx.line_of(obj, r"default_time_to_live") or obj.location.line
        yield ctx.hit(self, obj, line, f"default_time_to_live = {raw}: the application writes {ttl_attribute(obj)} "
                      f"(epoch seconds, now + {raw}) with every item; DynamoDB deletes expired items within days, "
                      "so filter them out on reads")
