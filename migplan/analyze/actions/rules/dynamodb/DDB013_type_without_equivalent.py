from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules.dynamodb._cql import column_line, tree
from migplan.model.schema import Table

# CQL types whose values a DynamoDB number or string does not keep as Cassandra does
_WHY = {
    "VARINT": "arbitrary-precision integer: a DynamoDB number keeps 38 digits; longer values need a string",
    "DECIMAL": "arbitrary-precision decimal: a DynamoDB number keeps 38 digits (exponent -130..+125); wider "
               "values need a string",
    "FLOAT": "binary floating point: a DynamoDB number is decimal and has no NaN or Infinity",
    "DOUBLE": "binary floating point: a DynamoDB number is decimal and has no NaN or Infinity",
    "DURATION": "no duration type: an ISO 8601 duration string, which DynamoDB cannot compare or add to a date",
}


class TypeWithoutEquivalent(Rule[Table]):
    """Types DynamoDB cannot hold exactly: varint and decimal beyond 38 digits, float NaN/Infinity, duration.

    What it detects:
        Columns (also inside collections and UDT fields of a table) of type ``varint``, ``decimal``,
        ``float``, ``double``, ``duration``, or a custom type (``'org.apache...'``).

    Why it matters:
        A DynamoDB number has 38 digits of precision and exponents from -130 to +125: a ``varint`` or
        ``decimal`` beyond that fails to write (or must be stored as a string, losing numeric order
        and arithmetic). ``float`` and ``double`` are binary; DynamoDB numbers are decimal, written from
        their text, and NaN or Infinity cannot be written at all. ``duration`` has no DynamoDB type.

    Example:
        CREATE TABLE ledger (id uuid PRIMARY KEY, amount decimal, big varint, ratio double);

    Typical rewrite:
        Check the widest values on the source; keep numbers within 38 digits as N, store wider ones
        as strings, map NaN/Infinity to a missing attribute or a sentinel.

        SELECT max(amount), min(amount) FROM ledger;  -- on a copy, per partition

    Effort:
        Simple: a data check, and a string type where the values are wider.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
        (number: 38 digits of precision, range)
    """

    code = "DDB013"
    name = "type-without-equivalent"
    category = "data types"
    severity = "low"
    effort = "simple"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table",)

    def check(self, obj, ctx):
        for col in obj.columns:
            names = sorted({t.name for t in tree(col).walk() if t.name in _WHY or t.custom})
            for name in names:
                why = _WHY.get(name, "a custom Cassandra type: stored as its text, check what the values are")
                yield ctx.hit(self, obj, column_line(obj, col), f"{col.name} {col.type.raw}: {why}",
                              sub=col.name)
