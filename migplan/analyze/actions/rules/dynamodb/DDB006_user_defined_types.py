from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules.dynamodb._cql import column_line, tree
from migplan.model.schema import Table


class UserDefinedTypes(Rule[Table]):
    """User-defined types become DynamoDB maps; their field list is no longer enforced.

    What it detects:
        Columns whose type is a user-defined type (``frozen<address>`` or a non-frozen UDT), alone or
        inside a collection.

    Why it matters:
        A UDT value becomes a map (M) of its fields, nested maps and lists for nested types. Cassandra
        refuses fields the type does not declare and values of the wrong type; DynamoDB stores any
        map. A frozen UDT is rewritten whole in Cassandra; in DynamoDB one field can be set with a
        document path (``SET addr.city = :c``). The application (or a validation layer) now owns the
        type's shape.

    Example:
        CREATE TYPE address (street text, city text, zip text);
        CREATE TABLE users (id uuid PRIMARY KEY, home frozen<address>);

    Typical rewrite:
        Write the value as a map and validate its fields in the application:

        {"home": {"M": {"street": {"S": "1 Main St"}, "city": {"S": "Springfield"}, "zip": {"S": "12345"}}}}

    Effort:
        Simple: the SDKs map objects to maps; validation is the application's.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
        (document types: map, list),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.Attributes.html
        (document paths)
    """

    code = "DDB006"
    name = "user-defined-types"
    category = "data types"
    severity = "low"
    effort = "simple"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table",)

    def check(self, obj, ctx):
        for col in obj.columns:
            udts = sorted({t.name for t in tree(col).walk() if t.udt})
            if udts:
                yield ctx.hit(self, obj, column_line(obj, col), f"{col.name} {col.type.raw}: user-defined type "
                              f"{', '.join(udts)} stored as a DynamoDB map; its fields are no longer enforced",
                              sub=col.name)
