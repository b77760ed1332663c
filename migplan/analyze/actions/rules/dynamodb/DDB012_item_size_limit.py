from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules.dynamodb._cql import tree
from migplan.model.schema import Table


class ItemSizeLimit(Rule[Table]):
    """A DynamoDB item is at most 400 KB: rows with blobs, long text or growing collections may not fit.

    What it detects:
        Tables with ``blob`` columns or non-frozen collections (which grow element by element), and
        tables with ``text`` columns beside them.

    Why it matters:
        A Cassandra row can hold cells of many megabytes and collections of thousands of elements.
        A DynamoDB item, attribute names and values together, is at most 400 KB; a write over it
        fails (``ValidationException``), and the SCT agent cannot load such a row either. Store large
        values in Amazon S3 and keep their key in the item, compress them, or split a growing
        collection into items of its own (one per element, under the same partition key).

    Example:
        CREATE TABLE attachments (id uuid PRIMARY KEY, name text, content blob);

    Typical rewrite:
        Measure the largest row on the source, then move large values out:

        {"id": {"S": "..."}, "name": {"S": "a.pdf"}, "content_s3": {"S": "s3://bucket/attachments/..."}}

    Effort:
        Medium: storage and reads of large values change.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html
        (item size 400 KB, names included),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-use-s3-too.html
    """

    code = "DDB012"
    name = "item-size-limit"
    category = "tables"
    severity = "low"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table",)

    def check(self, obj, ctx):
        big = []
        for col in obj.columns:
            t = tree(col)
            if t.name == "BLOB" or (not t.frozen and t.name in ("SET", "LIST", "MAP")):
                big.append(f"{col.name} {col.type.raw}")
        if not big:
            return
        yield ctx.hit(self, obj, obj.location.line, f"{', '.join(big)}: a DynamoDB item is at most 400 KB (names "
                      "included); check the largest rows, move big values to Amazon S3 or split collections into items")
