"""Views and materialized views: the query goes through sqlglot (source -> target dialect) with
migplan's name mapping and function map; constructs that do not convert are flagged by the action
catalog, and the real engine confirms (verification)."""

from __future__ import annotations

from migplan.convert.context import ConvertContext
from migplan.model.conversion import ConvertedObject, TargetStatement
from migplan.model.schema import View


def convert_view(view: View, ctx: ConvertContext) -> ConvertedObject:
    schema, name = ctx.target_of(view)
    conv = ConvertedObject(view, schema, name)
    line = view.location.line
    expr = ctx.exprs.convert(view.query, context="query", columns=view_column_types(view, ctx),
                             texts=view_text_classes(view, ctx))
    if not expr.ok:
        ctx.finding(conv, ctx.failure_code(expr, "VEW011"), f"query not converted: {ctx.failure_message(expr)}",
                    line, source=view.query)
        conv.converted = False
        if expr.draft:  # never applied: 05_held_back.sql shows it with the items, for the one who finishes it
            conv.draft = _statements(view, expr.draft, conv, ctx, notes=False)
        return conv
    if ctx.profile.reparse_queries and not _reads_back(expr.sql or "", ctx.profile.sqlglot):
        # no local engine checks this target's own syntax: a query sqlglot cannot read back is wrong
        ctx.finding(conv, "VEW011", f"query not converted: the written query does not read back as "
                    f"{ctx.profile.display} SQL", line, source=view.query, converted=expr.sql)
        conv.converted = False
        conv.draft = _statements(view, expr.sql or "", conv, ctx, notes=False)
        return conv
    for code, msg in expr.problems:
        ctx.finding(conv, code, msg, line, source=view.query, converted=expr.sql)
    for missing in _missing_relations(view, ctx):
        ctx.finding(conv, "VEW012", f"reads {missing}, which is not in the scripts: the view fails on the target "
                    "unless it exists there first", line, source=missing)
    conv.statements = _statements(view, expr.sql, conv, ctx, notes=True)
    return conv


def _statements(view: View, query: str, conv: ConvertedObject, ctx: ConvertContext,
                notes: bool) -> list[TargetStatement]:
    """CREATE [MATERIALIZED] VIEW for the converted query, and its comment. ``notes``: raise the items
    about the view's options (not for a draft, whose items are already said)."""
    p = ctx.profile
    schema, name = conv.target_schema, conv.target_name
    line = view.location.line

    def note(code: str, message: str) -> None:
        if notes:
            ctx.finding(conv, code, message, line)

    cols = ""
    if view.column_names:
        cols = " (" + ", ".join(p.ident(ctx.names.base(c)) for c in view.column_names) + ")"
    qname = p.qualified(schema, name)
    materialized = view.kind == "materialized view"
    if materialized and not p.has_materialized_views:
        note("VEW006", "MySQL has no materialized views: written as a table filled by the query; schedule a refresh "
                       "(event or job) to replace REFRESH")
        sql = f"CREATE TABLE {qname} AS {query}"
        kind = "materialized view"
    elif materialized:
        sql = f"CREATE MATERIALIZED VIEW {qname}{cols} AS {query}"
        if "WITH NO DATA" in view.options and p.matview_with_no_data:
            sql += " WITH NO DATA"
        refresh = [k for k in view.options if k.startswith("REFRESH") or "QUERY REWRITE" in k or k.startswith("BUILD")]
        if p.has_distribution:  # Redshift: REFRESH MATERIALIZED VIEW or AUTO REFRESH, no query rewrite
            note("RSH015", "materialized view" + (f" ({', '.join(sorted(refresh))})" if refresh else "") +
                 ": Redshift refreshes it with REFRESH MATERIALIZED VIEW or AUTO REFRESH YES; no ON COMMIT "
                 "refresh and no query rewrite; schedule the refresh after each load")
        elif refresh:
            note("VEW006", f"materialized view options {', '.join(sorted(refresh))}: PostgreSQL refreshes only on "
                           "demand (REFRESH MATERIALIZED VIEW); schedule it and drop fast refresh logs")
        kind = "materialized view"
    else:
        sql = f"CREATE VIEW {qname}{cols} AS {query}"
        if "WITH CHECK OPTION" in view.options or "WITH CASCADED CHECK OPTION" in view.options:
            sql += " WITH CHECK OPTION"
        if "WITH LOCAL CHECK OPTION" in view.options:
            sql += " WITH LOCAL CHECK OPTION"
        kind = "view"
    if "WITH READ ONLY" in view.options:
        note("VEW005", "WITH READ ONLY: the target has no read-only views; grant only SELECT on it to keep it "
                       "read-only")
    out = [TargetStatement(kind, sql, name, None, line, {"view": (schema, name), "materialized": materialized})]
    if view.comment and p.has_view_comments:
        word = "MATERIALIZED VIEW" if materialized else "VIEW"
        out.append(TargetStatement("comment", f"COMMENT ON {word} {qname} IS {p.string(view.comment)}",
                                   name, qname, line, {"comment": view.comment, "table": (schema, name)}))
    return out


def _reads_back(sql: str, dialect: str) -> bool:
    import sqlglot
    from sqlglot import exp

    try:
        trees = sqlglot.parse(sql, read=dialect)
    except Exception:  # ParseError, TokenError
        return False
    return len(trees) == 1 and trees[0] is not None and not isinstance(trees[0], exp.Command)


def _missing_relations(view, ctx: ConvertContext) -> list[str]:
    from sqlglot import exp

    from migplan.parse.sqlglot_bridge import read_tree, table_references

    tree = read_tree(view.query, ctx.source.sqlglot)
    if tree is None:
        return []
    ctes = {str(c.alias_or_name).upper() for c in tree.find_all(exp.CTE)}
    out = []
    for ref in table_references(tree):
        name = str(ref.name)
        if not name or name.upper() in ctes or name.upper() == "DUAL" or ref.catalog:
            continue
        found = ctx.exprs.resolve(name, ref.db or None) is not None
        qname = f"{ref.db}.{name}" if ref.db else name
        if not found and qname not in out:
            out.append(qname)
    return out


def _view_columns(view, ctx: ConvertContext) -> list:
    """(column, table) for the tables a view reads, directly or through other views."""
    from migplan.model.schema import Table, View
    from migplan.parse.sqlglot_bridge import read_tree, table_references

    out: list = []
    seen: set = set()
    tables: set = set()
    todo = [view]
    while todo:
        v = todo.pop()
        if id(v) in seen:
            continue
        seen.add(id(v))
        tree = read_tree(v.query, ctx.source.sqlglot)
        if tree is None:
            continue
        for ref in table_references(tree):
            obj = ctx.exprs.resolve(ref.name, ref.db or v.schema) or ctx.exprs.resolve(ref.name)
            if isinstance(obj, Table) and id(obj) not in tables:
                tables.add(id(obj))
                out += [(c, obj) for c in obj.columns]
            elif isinstance(obj, View):
                todo.append(obj)
    return out


def view_column_types(view, ctx: ConvertContext) -> dict:
    """Source column name -> type for the tables a view reads, directly or through other views; a
    name two tables give different types is left out (the rewrite would be a guess)."""
    out: dict = {}
    clashes: set = set()
    for c, _table in _view_columns(view, ctx):
        key = c.name.upper()
        if key in out and (out[key].base, out[key].params) != (c.type.base, c.type.params):
            clashes.add(key)
        out.setdefault(key, c.type)
    return {k: v for k, v in out.items() if k not in clashes}


def view_text_classes(view, ctx: ConvertContext) -> dict[str, str]:
    """Source column name -> collation class (convert/collation.py) of the text columns a view reads;
    a name two tables give different classes is left out."""
    from migplan.convert.collation import column_class

    out: dict[str, str] = {}
    clashes: set = set()
    for c, table in _view_columns(view, ctx):
        cls = column_class(c, table, ctx.source)
        if cls is None:
            continue
        key = c.name.upper()
        if out.get(key, cls) != cls:
            clashes.add(key)
        out.setdefault(key, cls)
    return {k: v for k, v in out.items() if k not in clashes}
