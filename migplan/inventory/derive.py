"""Columns of tables created from a query (CREATE TABLE ... AS SELECT), derived from the query.

A select-list item that is a column of a table of the scripts (``t.col``, ``*``, ``t.*``) gives that
column's type; ``CAST(x AS type)`` gives its type. Anything else (an expression, a literal, a table
the scripts do not create) cannot be typed without the source catalog: then the table stays without
columns, ``partial``, and the message names what could not be derived.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sqlglot import exp

from migplan.inventory.inventory import Inventory
from migplan.model.schema import PARSED, PARTIAL, Column, Table, TypeSpec
from migplan.parse import sqlglot_bridge
from migplan.parse.tokens import ParseError, TokenStream
from migplan.parse.types import read_type


def derive_query_columns(inv: Inventory) -> list[Table]:
    """Give every CREATE TABLE ... AS SELECT table of ``inv`` its columns, in inventory order (a
    table made from another such table sees the columns derived for it); return the tables whose
    status changed."""
    changed: list[Table] = []
    if inv.engine.sqlglot is None:
        return changed
    for table in inv.tables:
        if table.created_from != "AS" or not table.query:
            continue
        if table.columns and all(c.type.base for c in table.columns):
            continue
        before = table.status
        _derive(table, inv)
        if table.status != before and table.statement is not None:
            changed.append(table)
    return changed


# engine families whose CREATE TABLE ... LIKE copies column names, types and nullability only
_LIKE_COPIES_COLUMNS = frozenset({"db2", "postgresql", "greenplum", "redshift"})


def derive_like_columns(inv: Inventory) -> list[Table]:
    """``CREATE TABLE t LIKE other`` (Db2, PostgreSQL's ``(LIKE other)``, MySQL) has the other table's
    columns as they stand at that point of the scripts (call it before the ALTERs are applied): names,
    types and nullability; defaults, identity and generated attributes are not copied unless asked for
    (INCLUDING ..., which migplan does not read: an item says so). Return the tables that got columns."""
    changed: list[Table] = []
    if inv.engine.family not in _LIKE_COPIES_COLUMNS:
        return changed  # MySQL's LIKE also copies defaults, keys and indexes: left to TBL014
    for table in inv.tables:
        like = table.attrs.get("like")
        if table.created_from != "LIKE" or not like or table.columns:
            continue
        parts = str(like).split(".")
        ref = exp.Table(this=exp.to_identifier(parts[-1]), db=exp.to_identifier(parts[-2]) if len(parts) > 1 else None)
        base = _lookup(ref, inv) if len(parts) > 1 else (
            _lookup(exp.Table(this=exp.to_identifier(parts[-1]), db=exp.to_identifier(table.schema)), inv)
            if table.schema else None) or _lookup(ref, inv)
        if base is None or base is table:
            continue
        table.columns = [replace(c, position=i + 1, identity=None, default=None, computed=None, comment=None,
                                 on_update=None, attrs={"from_like": True})
                         for i, c in enumerate(base.columns)]
        table.notes.append(f"columns copied from {base.qname} (CREATE TABLE ... LIKE): names, types and nullability")
        changed.append(table)
    return changed


def derive_object_table_columns(inv: Inventory) -> list[Table]:
    """An Oracle object table (CREATE TABLE t OF type) has the type's attributes as its columns; give
    them to the table (from the type of the scripts); return the tables that got columns."""
    from migplan.model.schema import UserType

    changed: list[Table] = []
    for table in inv.tables:
        of = table.of_type
        if not of or table.columns:
            continue
        parts = of.split(".")
        ut = inv.lookup("type", parts[0] if len(parts) > 1 else table.schema, parts[-1]) or \
            inv.lookup("type", parts[0] if len(parts) > 1 else table.schema, inv.engine.fold(parts[-1]))
        if not isinstance(ut, UserType) or not ut.columns:
            continue
        table.columns = [replace(c, position=i + 1, attrs=dict(c.attrs)) for i, c in enumerate(ut.columns)]
        table.notes.append(f"object table: its columns are the attributes of {ut.qname}")
        changed.append(table)
    return changed


def _derive(table: Table, inv: Inventory) -> None:
    parsed = sqlglot_bridge.parse_query(table.query or "", inv.engine.sqlglot, inv.engine.splitter)
    select = _first_select(parsed.tree) if parsed.tree is not None and not parsed.error else None
    if select is None:
        return  # the query itself was not read: the table is already partial with sqlglot's message
    derived: list[tuple[str | None, Column | None, str]] = []
    sources = _sources(select, inv)
    for item in select.expressions:
        derived.extend(_item_columns(item, sources, inv))
    names = [c.name for c in table.columns]  # CREATE TABLE t (a, b) AS SELECT ...
    if names and len(names) != len(derived):
        _unknown(table, names, [f"{len(names)} column names for {len(derived)} query columns"])
        return
    columns: list[Column] = []
    missing: list[str] = []
    for i, (name, source, why) in enumerate(derived):
        name = names[i] if names else name
        if source is None or name is None:
            missing.append(f"{name or f'column {i + 1}'} ({why})")
            continue
        columns.append(replace(source, name=name, position=i + 1, identity=None, default=None, computed=None,
                               comment=None, attrs={"from_query": True},
                               nullable=source.nullable or inv.engine.family == "postgresql"))
    if missing:
        _unknown(table, names or [name or "?" for name, _c, _w in derived], missing)
        return
    table.columns = columns
    table.attrs.pop("query_columns", None)
    table.notes.append("columns and types derived from the query (CREATE TABLE ... AS SELECT)")


def _unknown(table: Table, names: list[str], missing: list[str]) -> None:
    table.attrs["query_columns"] = names  # what is known: the names, "?" where the query does not say
    table.columns = []
    table.status = PARTIAL if table.status == PARSED else table.status
    message = ("query: the columns of CREATE TABLE ... AS SELECT come from the query, and migplan cannot derive "
               f"the type of {', '.join(missing[:10])}{' ...' if len(missing) > 10 else ''}")
    table.message = "; ".join(filter(None, [table.message, message]))


def _first_select(tree: exp.Expr) -> exp.Select | None:
    while isinstance(tree, (exp.Union, exp.Intersect, exp.Except, exp.Subquery)):
        tree = tree.this if isinstance(tree, exp.Subquery) else tree.left
    return tree if isinstance(tree, exp.Select) else None


def _sources(select: exp.Select, inv: Inventory) -> list[tuple[str, Table | None]]:
    """(alias or name, upper-cased; the table of the scripts it is) for each FROM/JOIN table."""
    out: list[tuple[str, Table | None]] = []
    from_ = select.args.get("from") or select.args.get("from_")
    items = ([from_.this] if from_ is not None else []) + [j.this for j in select.args.get("joins") or []]
    for item in items:
        if isinstance(item, exp.Table):
            table = _lookup(item, inv)
            out.append(((item.alias or item.name).upper(), table))
        else:
            out.append(((item.alias or "").upper(), None))
    return out


def _lookup(ref: exp.Table, inv: Inventory) -> Table | None:
    schema = ref.db or None
    name = ref.name
    for s, n in ((schema, name), (schema and inv.engine.fold(schema), inv.engine.fold(name))):
        obj = inv.lookup("table", s, n)
        if isinstance(obj, Table) and obj.columns:
            return obj
    return None


def _item_columns(item: exp.Expr, sources: list[tuple[str, Table | None]],
                  inv: Inventory) -> list[tuple[str | None, Column | None, str]]:
    inner = item.unalias() if isinstance(item, exp.Alias) else item
    if isinstance(inner, exp.Star) or (isinstance(inner, exp.Column) and isinstance(inner.this, exp.Star)):
        qualifier = inner.table.upper() if isinstance(inner, exp.Column) else ""
        picked = [t for alias, t in sources if not qualifier or alias == qualifier]
        known = [t for t in picked if t is not None]
        if not picked or len(known) < len(picked):
            return [(None, None, "* of a table or subquery the scripts do not define")]
        return [(c.name, c, "") for t in known for c in t.columns]
    name = _stored_name(item, inv)
    if isinstance(inner, exp.Column):
        column = _column(inner, sources)
        return [(name, column, "" if column else "a column of a table the scripts do not define")]
    if isinstance(inner, exp.Cast):
        spec = _type_of(re.sub(r",\s+", ",", inner.to.sql(dialect=inv.engine.sqlglot)), inv)  # NUMBER(10,2)
        if spec is not None:
            return [(name, Column(name=name or "", type=spec, position=0), "")]
        return [(name, None, "a CAST to a type migplan cannot read")]
    return [(name, None, "an expression")]


def _stored_name(item: exp.Expr, inv: Inventory) -> str | None:
    ident = item.args.get("alias") if isinstance(item, exp.Alias) else (
        item.this if isinstance(item, exp.Column) else None)
    if isinstance(ident, exp.TableAlias):
        ident = ident.this
    if not isinstance(ident, exp.Identifier):
        return None
    return ident.name if ident.quoted else inv.engine.fold(ident.name)


def _column(ref: exp.Column, sources: list[tuple[str, Table | None]]) -> Column | None:
    qualifier = ref.table.upper()
    candidates = [t for alias, t in sources if t is not None and (not qualifier or alias == qualifier)]
    found = [c for t in candidates if (c := t.column(ref.name)) is not None]
    return found[0] if len(found) == 1 else None


def _type_of(text: str, inv: Inventory) -> TypeSpec | None:
    try:
        ts = TokenStream(text, inv.engine.splitter or "generic")
        spec = read_type(ts)
    except ParseError:
        return None
    return spec if ts.at_end and spec.base else None
