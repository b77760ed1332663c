"""CREATE VIEW and CREATE MATERIALIZED VIEW: the header is ours, the query is sqlglot's."""

from __future__ import annotations

from migplan.model.schema import View
from migplan.parse import sqlglot_bridge
from migplan.parse.context import ParseContext
from migplan.parse.options import ORACLE_PHYSICAL, POSTGRES_TABLE, read_options
from migplan.parse.tokens import TokenStream

MATVIEW_OPTIONS: dict[str, str] = {
    **ORACLE_PHYSICAL, **POSTGRES_TABLE,
    "BUILD IMMEDIATE": "flag", "BUILD DEFERRED": "flag", "REFRESH": "refresh", "NEVER REFRESH": "flag",
    "ENABLE QUERY REWRITE": "flag", "DISABLE QUERY REWRITE": "flag", "ON PREBUILT TABLE": "flag",
    "WITH REDUCED PRECISION": "flag", "WITHOUT REDUCED PRECISION": "flag", "USING INDEX": "using_index",
    "USING NO INDEX": "flag", "FOR UPDATE": "flag", "ENABLE ON QUERY COMPUTATION": "flag",
    "DISABLE ON QUERY COMPUTATION": "flag", "CLUSTER BY": "group", "AUTO REFRESH": "word", "BACKUP": "word",
    "DISTSTYLE": "word", "DISTKEY": "group", "SORTKEY": "group",
}
_REFRESH_WORDS = {"FAST", "COMPLETE", "FORCE", "ON", "DEMAND", "COMMIT", "STATEMENT", "WITH", "PRIMARY", "KEY",
                  "ROWID", "USING", "DEFAULT", "LOCAL", "MASTER", "ROLLBACK", "SEGMENT", "ENFORCED",
                  "TRUSTED", "CONSTRAINTS"}
VIEW_TAIL = (("WITH", "CASCADED", "CHECK", "OPTION"), ("WITH", "LOCAL", "CHECK", "OPTION"),
             ("WITH", "CHECK", "OPTION"), ("WITH", "READ", "ONLY"), ("WITH", "NO", "DATA"), ("WITH", "DATA"))


def parse_create_view(ts: TokenStream, word_index: int, flags: set[str], ctx: ParseContext,
                      materialized: bool) -> View:
    ts.i = word_index + (2 if materialized else 1)
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    schema, obj, quoted, extra = ctx.qualify(name)
    view = View(kind="materialized view" if materialized else "view", schema=schema, name=obj,
                location=ctx.location(), quoted=quoted)
    view.attrs.update(extra)
    if ts.at("("):
        first, last = ts.group()
        for a, b in ts.split_commas(first, last):
            sub = ts.sub(a, b)
            if sub.up() in ("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK"):
                view.attrs.setdefault("view_constraints", []).append(sub.rest_text())
                continue
            view.column_names.append(ctx.column_name(sub.name()))
            if not sub.at_end:  # Oracle: (col [VISIBLE|INVISIBLE] [inline constraint])
                view.attrs.setdefault("column_options", []).append(sub.rest_text())
    if ts.accept("OF"):
        view.of_type = str(ts.name())
        first, _ = ts.until({"AS"}, stop_punct="")
        view.attrs["object_view"] = ts.span_text(first, ts.i)
    # T-SQL view attributes: WITH SCHEMABINDING, ENCRYPTION, VIEW_METADATA
    if ts.at("WITH") and ts.up(1) in ("SCHEMABINDING", "ENCRYPTION", "VIEW_METADATA"):
        ts.i += 1
        while ts.at_any("SCHEMABINDING", "ENCRYPTION", "VIEW_METADATA", ","):
            w = ts.next().up
            if w != ",":
                view.options[w] = "true"
    if ts.at("WITH") and ts.up(1) == "(":  # PostgreSQL view options
        ts.i += 1
        first, last = ts.group()
        view.options["WITH"] = ts.span_text(first, last)
    if materialized:
        read_options(ts, [MATVIEW_OPTIONS], view.options)
    if ts.accept("BEQUEATH"):
        view.options["BEQUEATH"] = ts.next().up
    ts.expect("AS")
    first = ts.i
    last = len(ts.toks)
    # strip a trailing WITH CHECK OPTION / WITH READ ONLY [CONSTRAINT x] / WITH [NO] DATA
    for phrase in VIEW_TAIL:
        k = _find_tail(ts, first, phrase)
        if k is not None:
            view.options[" ".join(phrase)] = "true"
            last = min(last, k)
    query_text = ts.span_text(first, last)
    ts.i = len(ts.toks)
    view.query = query_text
    if ctx.sqlglot is not None:
        parsed = sqlglot_bridge.parse_query(query_text, ctx.sqlglot, ctx.splitter)
        if parsed.error:
            ctx.problems.append(f"query: {parsed.error}")
        ctx.lost.extend(parsed.lost)
        if parsed.tree is not None and not parsed.error:
            refs = []
            for t in sqlglot_bridge.table_references(parsed.tree):
                parts = [p for p in (t.catalog, t.db, t.name) if p]
                refs.append(".".join(parts))
            view.references = sorted(set(refs))
            view.attrs["_tree"] = parsed.tree
    return view


def _find_tail(ts: TokenStream, first: int, phrase: tuple[str, ...]) -> int | None:
    """Index where ``phrase`` starts at parenthesis depth 0 after ``first`` (last occurrence)."""
    depth = 0
    found = None
    n = len(ts.toks)
    for j in range(first, n):
        t = ts.toks[j]
        if t.kind == "punct":
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth -= 1
            continue
        if depth == 0 and t.kind == "word" and t.up == phrase[0]:
            if all(j + k < n and ts.toks[j + k].up == w for k, w in enumerate(phrase)):
                found = j
    return found
