from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import column_types
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# operator -> MySQL rewrite
_OPERATORS = {
    "->": "JSON_EXTRACT(doc, '$.key') (MySQL's -> takes a JSON path, not a key)",
    "->>": "doc->>'$.key' / JSON_UNQUOTE(JSON_EXTRACT(...)) (a JSON path, not a key)",
    "#>": "JSON_EXTRACT(doc, '$.a.b')",
    "#>>": "JSON_UNQUOTE(JSON_EXTRACT(doc, '$.a.b'))",
    "#-": "JSON_REMOVE(doc, '$.a.b')",
    "@>": "JSON_CONTAINS(doc, '{...}')",
    "<@": "JSON_CONTAINS(other, doc)",
    "?": "JSON_CONTAINS_PATH(doc, 'one', '$.key')",
    "?|": "JSON_CONTAINS_PATH(doc, 'one', '$.k1', '$.k2')",
    "?&": "JSON_CONTAINS_PATH(doc, 'all', '$.k1', '$.k2')",
    "@?": "JSON_CONTAINS_PATH with a MySQL path",
}
_JSON_TYPES = {"JSON", "JSONB"}


class JsonOperators(Rule):
    """json/jsonb operators (-> ->> #> #>> @> <@ ? ?| ?& #- @?): rewrite with MySQL JSON functions and paths.

    What it detects:
        In PostgreSQL views, functions and procedures, each JSON operator: ``->``, ``->>``, ``#>``,
        ``#>>``, ``#-``, ``?``, ``?|``, ``?&``, ``@?``, and the containment operators ``@>``/``<@`` when an
        operand is a json/jsonb column of the scripts or a JSON literal.

    Why it matters:
        MySQL has a JSON type but addresses values with JSON paths: its ``->``/``->>`` take ``'$.key'``,
        not a bare key or an array index, so ``doc->>'name'`` returns NULL there instead of failing.
        Containment and key-existence operators become ``JSON_CONTAINS`` / ``JSON_CONTAINS_PATH``, and
        jsonb GIN indexes have no equivalent (MySQL indexes JSON through generated columns or
        multi-valued indexes).

    Example:
        SELECT id, doc->>'name' AS name FROM events WHERE doc @> '{"type": "click"}' AND doc ? 'user';

    Typical rewrite:
        MySQL JSON functions with '$'-paths; generated columns to index the keys that are searched.

        SELECT id, doc->>'$.name' AS name FROM events
        WHERE JSON_CONTAINS(doc, '{"type": "click"}') AND JSON_CONTAINS_PATH(doc, 'one', '$.user');

    Effort:
        Simple per expression; medium where GIN-indexed searches need a new index design.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html (SCT PostgreSQL to MySQL),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (DMS moves JSON/JSONB as NCLOB); no SCT
        action code published for this pair.
    """

    code = "PGS003"
    name = "json-operators"
    category = "views and SQL"
    severity = "medium"
    effort = "simple"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("view", "materialized view", "function", "procedure")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        json_cols = {name for name, types in column_types(ctx).items() if types & _JSON_TYPES}
        ws = ctx.words(obj)
        n = len(ws)
        i = 0
        while i < n:
            op, width = _operator(ws, i)
            if op is None:
                i += 1
                continue
            if op in ("@>", "<@") and not (_jsonish(ws, i - 1, json_cols, left=True) or
                                           _jsonish(ws, i + width, json_cols, left=False)):
                i += width
                continue
            yield ctx.hit(self, obj, ws[i].line, f"json operator {op}: {_OPERATORS[op]}", source=op)
            i += width


def _operator(ws, i):
    """The JSON operator starting at token i (the lexer gives one token per punctuation character)."""
    a = ws[i].up if ws[i].kind == "punct" else ""
    b = ws[i + 1].up if i + 1 < len(ws) and ws[i + 1].kind == "punct" else ""
    c = ws[i + 2].up if i + 2 < len(ws) and ws[i + 2].kind == "punct" else ""
    prev = ws[i - 1].up if i > 0 and ws[i - 1].kind == "punct" else ""
    if a == "-" and b == ">" and prev != "<":  # not the <-> distance operator
        return ("->>", 3) if c == ">" else ("->", 2)
    if a == "#" and b == ">":
        return ("#>>", 3) if c == ">" else ("#>", 2)
    if a == "#" and b == "-":
        return "#-", 2
    if a == "@" and b == ">":
        return "@>", 2
    if a == "<" and b == "@":
        return "<@", 2
    if a == "@" and b == "?":
        return "@?", 2
    if a == "?":
        return ("?" + b, 2) if b in ("|", "&") else ("?", 1)
    return None, 0


def _jsonish(ws, k, json_cols, left) -> bool:
    if k < 0 or k >= len(ws):
        return False
    w = ws[k]
    if w.kind == "string":
        text = w.text.strip("'").strip()
        if text.startswith("[") or (text.startswith("{") and ":" in text):
            return True
        return k + 2 < len(ws) and ws[k + 1].up == ":" and ws[k + 2].up == ":" and \
            k + 3 < len(ws) and ws[k + 3].up in ("JSON", "JSONB")
    if w.kind in ("word", "qident"):
        if left and w.up in _JSON_TYPES and k > 0 and ws[k - 1].up == ":":  # '...'::jsonb @> ...
            return True
        if not left and k + 2 < len(ws) and ws[k + 1].up == ".":
            w = ws[k + 2]
        return w.text.strip('"').upper() in json_cols
    return False
