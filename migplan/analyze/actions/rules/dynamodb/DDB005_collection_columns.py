from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules.dynamodb._cql import column_line, dynamo_type, tree
from migplan.model.schema import Table


class CollectionColumns(Rule[Table]):
    """Collections become DynamoDB sets, lists and maps, which behave differently.

    What it detects:
        Columns of type ``set``, ``list``, ``map`` or ``tuple``, frozen or not.

    Why it matters:
        - ``set<text|uuid|...>`` becomes a string set (SS), numeric sets NS, ``set<blob>`` BS; sets of
          other types (boolean, tuples, UDTs, collections) have no DynamoDB set and become lists,
          so duplicates are no longer refused. DynamoDB sets cannot be empty: an empty set is no
          attribute (Cassandra also reads an empty collection as null).
        - ``list`` becomes L: append with ``SET l = list_append(l, :v)``, remove by index with
          ``REMOVE l[3]``; Cassandra's remove-by-value (``l = l - [v]``) must read the list first.
        - ``map`` becomes M, whose keys are strings: ``map<int, ...>`` keys are written as text.
          A single entry is set with ``SET m.#k = :v``.
        - A non-frozen collection lets Cassandra update one element without reading; the DynamoDB
          expressions above do the same for sets (``ADD``/``DELETE``), lists and maps. A frozen one is
          one value in both.
        - The whole item, collections included, must stay under 400 KB (DDB012).

    Example:
        CREATE TABLE videos (videoid uuid PRIMARY KEY, tags set<text>, ratings map<int, int>);

    Typical rewrite:
        UpdateItem: ``ADD tags :newtags`` (a string set) and ``SET ratings.#k = :v`` with the key as a
        string.

        UpdateExpression: "ADD tags :t SET ratings.#k = :v", ExpressionAttributeNames: {"#k": "5"}

    Effort:
        Medium: element updates rewritten as update expressions.

    References:
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html
        (sets, lists, maps),
        https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html
    """

    code = "DDB005"
    name = "collection-columns"
    category = "data types"
    severity = "low"
    effort = "medium"
    sources = ("cassandra",)
    targets = ("dynamodb",)
    kinds = ("table",)

    def check(self, obj, ctx):
        for col in obj.columns:
            t = tree(col).inner
            if t.udt or t.name not in ("SET", "LIST", "MAP", "TUPLE"):
                continue
            target = dynamo_type(col)
            notes = []
            if t.name == "SET" and target == "L":
                notes.append("DynamoDB sets hold only strings, numbers or binaries: a list, duplicates not refused")
            if t.name == "MAP" and t.args and dynamo_type_of_key(t) != "S":
                notes.append("map keys are written as strings")
            if t.name == "LIST":
                notes.append("append with list_append, remove by index")
            if t.name == "TUPLE":
                notes.append("a list of its fields in order")
            if not col.type.modifiers and t.name != "TUPLE":
                notes.append("element updates become update expressions")
            yield ctx.hit(self, obj, column_line(obj, col), f"{col.name} {col.type.raw} -> {target}"
                          + (f": {'; '.join(notes)}" if notes else ""), sub=col.name)


def dynamo_type_of_key(t) -> str:
    key = t.args[0].inner
    return "S" if key.name in ("TEXT", "VARCHAR", "ASCII") else key.name
