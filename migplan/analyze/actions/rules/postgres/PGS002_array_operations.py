from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import header_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_FUNCTIONS = {"ARRAY_AGG", "UNNEST", "ARRAY_LENGTH", "ARRAY_APPEND", "ARRAY_PREPEND", "ARRAY_CAT",
              "ARRAY_POSITION", "ARRAY_POSITIONS", "ARRAY_REMOVE", "ARRAY_REPLACE", "ARRAY_TO_STRING",
              "STRING_TO_ARRAY", "CARDINALITY", "ARRAY_UPPER", "ARRAY_LOWER", "ARRAY_DIMS", "ARRAY_FILL",
              "GENERATE_SUBSCRIPTS", "REGEXP_SPLIT_TO_ARRAY"}


class ArrayOperations(Rule):
    """Arrays in queries and code (ARRAY[], = ANY(array), array_agg, unnest, x[i]): MySQL has no arrays.

    What it detects:
        In PostgreSQL views, functions and procedures: array constructors (``ARRAY[...]``,
        ``ARRAY(SELECT ...)``), ``= ANY(array)`` / ``ALL(array)``, array functions (array_agg, unnest,
        array_length, string_to_array ...), subscripts (``tags[1]``) and array types (``int[]``) in code
        and in routine signatures. In views, ``x = ANY (ARRAY[...])`` and ``x <> ALL (ARRAY[...])`` are
        left out: migplan writes them as ``x IN (...)`` / ``NOT x IN (...)`` (other comparisons with an
        array hold the view back with VEW011).

    Why it matters:
        MySQL has no array type or array functions. Arrays become JSON arrays (``JSON_ARRAYAGG``,
        ``JSON_TABLE`` to unnest, ``MEMBER OF`` for membership, MySQL 8.0.17+) or child tables; the
        query's shape changes, and indexes on array columns (GIN) have no direct counterpart. Array
        columns themselves are reported by the type conversion.

    Example:
        SELECT o.id, array_agg(l.sku ORDER BY l.sku) AS skus FROM orders o JOIN lines l ON l.order_id = o.id
        WHERE 'gift' = ANY (o.tags) GROUP BY o.id;

    Typical rewrite:
        JSON arrays with JSON_ARRAYAGG / JSON_TABLE / MEMBER OF, or a child table joined in; GROUP_CONCAT
        when the array was only turned into text.

        SELECT o.id, JSON_ARRAYAGG(l.sku) AS skus FROM orders o JOIN lines l ON l.order_id = o.id
        WHERE 'gift' MEMBER OF (o.tags) GROUP BY o.id;

    Effort:
        Medium per query or routine using arrays.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html (SCT PostgreSQL to MySQL),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (DMS moves ARRAY columns as NCLOB); no SCT
        action code published for this pair.
    """

    code = "PGS002"
    name = "array-operations"
    category = "views and SQL"
    severity = "medium"
    effort = "medium"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("view", "materialized view", "function", "procedure")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.kind in ("function", "procedure"):  # array parameters and return types in the signature
            hw = header_words(obj, ctx)
            for i, w in enumerate(hw[1:-1], start=1):
                if w.up == "[" and hw[i + 1].up == "]" and hw[i - 1].kind in ("word", "qident"):
                    typ = hw[i - 1].text
                    msg = f"array type {typ}[] in the signature: pass a JSON array on MySQL"
                    yield ctx.hit(self, obj, w.line, msg, source=f"{typ}[]")
        ws = ctx.words(obj)
        n = len(ws)
        view = obj.kind in ("view", "materialized view")
        for i, w in enumerate(ws):
            nxt = ws[i + 1].up if i + 1 < n else ""
            if view and _listed_membership(ws, i):
                continue  # converted to IN / NOT IN (convert/transforms/common.py), or held back with VEW011
            if w.kind == "word" and w.up == "ARRAY" and nxt in ("[", "("):
                what = "ARRAY constructor: a JSON array (JSON_ARRAY) or rows"
            elif w.kind == "word" and w.up in ("ANY", "ALL", "SOME") and nxt == "(" and \
                    (i + 2 >= n or ws[i + 2].up not in ("SELECT", "WITH", "VALUES")):
                what = f"{w.up}(array): MEMBER OF (JSON array) or IN (...)"
            elif w.kind == "word" and w.up in _FUNCTIONS and nxt == "(" and (i == 0 or ws[i - 1].up != "."):
                what = f"{w.up.lower()}(): no array functions; JSON_ARRAYAGG / JSON_TABLE or a child table"
            elif w.up == "[" and w.kind == "punct" and i > 0 and ws[i - 1].up != "ARRAY":
                if nxt == "]":
                    what = "array type: no arrays; a JSON column or a child table"
                elif ws[i - 1].kind in ("word", "qident") or ws[i - 1].up == ")":
                    what = "array subscript: JSON_EXTRACT(col, '$[i]') (0-based) or a child table"
                else:
                    continue
            else:
                continue
            yield ctx.hit(self, obj, w.line, what, source=w.text)


def _listed_membership(ws, i: int) -> bool:
    """x = ANY (ARRAY[...]) / x <> ALL (ARRAY[...]): the quantifier or the array of that form."""
    def up(k: int) -> str:
        return ws[k].up if 0 <= k < len(ws) else ""
    if up(i) in ("ANY", "ALL", "SOME") and up(i + 1) == "(" and up(i + 2) == "ARRAY" and up(i + 3) == "[":
        return True
    return up(i) == "ARRAY" and up(i + 1) == "[" and up(i - 1) == "(" and up(i - 2) in ("ANY", "ALL", "SOME")
