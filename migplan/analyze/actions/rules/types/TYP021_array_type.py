from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class ArrayType(Rule):
    """A PostgreSQL array column going to MySQL, which has no arrays: store it as JSON.

    What it detects:
        A table column declared as an array (``text[]``, ``integer ARRAY``, ``varchar(20)[][]``) in a
        PostgreSQL script going to MySQL. Found by looking at the column declarations: the type map
        only sees the element type, so the column is written with that type until it is changed by
        hand (an ``integer[]`` column as ``int`` cannot hold its values).

    Why it matters:
        MySQL has no array type. DMS moves ARRAY columns as NCLOB text ('{a,b}') and needs a primary
        key for them; array operators and functions (ANY(), @>, &&, unnest(), array_agg()) and GIN
        indexes have no direct MySQL form. A JSON array keeps the values and can be queried with
        JSON_CONTAINS / MEMBER OF and indexed with a multi-valued index (MySQL 8.0.17+).

    Example:
        CREATE TABLE patients (id bigint PRIMARY KEY, allergies text[] DEFAULT '{}' NOT NULL);

    Typical rewrite:
        Write the column as json and convert the values during or after the load (array_to_json() on
        the source, or a transformation of the '{a,b}' text); rewrite the queries with JSON_CONTAINS,
        MEMBER OF or JSON_TABLE. A child table is the relational alternative.

        CREATE TABLE patients (id bigint PRIMARY KEY, allergies json NOT NULL DEFAULT (JSON_ARRAY()));

    Effort:
        Medium per column: a data conversion plus the queries that use array operators.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (ARRAY -> NCLOB; ARRAY columns need a primary key).
    """

    code = "TYP021"
    name = "array-type"
    category = "data types"
    severity = "high"
    effort = "medium"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("table",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        for col in getattr(obj, "columns", ()):
            if col.type.array:
                dims = "[]" * col.type.array
                yield ctx.hit(self, obj, col.line, f"column {col.name} is an array ({col.type.base.lower()}{dims}): "
                              "MySQL has no arrays; write it as json and convert the values",
                              source=f"{col.name} {col.source_type}", sub=col.name)
