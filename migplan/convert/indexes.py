"""Indexes: unique, composite, descending and function-based ones convert; bitmap, clustered,
INCLUDE, filtered and other kinds are converted where the target has an equivalent and flagged."""

from __future__ import annotations

import re

from migplan.convert.context import ConvertContext
from migplan.convert.profiles import non_deterministic_calls
from migplan.convert.tables import native_partition_parent, period_columns
from migplan.model.conversion import ConvertedObject, TargetStatement
from migplan.model.schema import Index, IndexColumn, Table

_MYSQL_KEY_BYTES = 3072  # InnoDB index key prefix limit (DYNAMIC/COMPRESSED row formats)


def convert_index(idx: Index, ctx: ConvertContext) -> ConvertedObject:
    p = ctx.profile
    if not p.has_indexes:  # nothing to write: sort keys and zone maps do the index's work
        conv = ConvertedObject(idx, None, idx.name or "")
        kind = " ".join(filter(None, [idx.method or "", "unique" if idx.unique else "", "index"]))
        ctx.finding(conv, "RSH007", f"{kind} on {idx.table_qname} ({', '.join(c.expression for c in idx.columns)}): "
                    f"{p.display} has no indexes; not created (sort keys and zone maps serve range filters)")
        return conv
    table = ctx.inventory.lookup("table", idx.table_schema, idx.table_name)
    if table is None and p.indexes_materialized_views:
        mv = ctx.inventory.lookup("materialized view", idx.table_schema, idx.table_name)
        if mv is not None and id(mv) in ctx.targets:
            return _matview_index(idx, mv, ctx)
    tschema, tname = ctx.target_of(table) if isinstance(table, Table) and id(table) in ctx.targets else \
        (ctx.names.schema(idx.table_schema), ctx.names.base(idx.table_name))
    scope = ("index", tschema) if p.index_names_per_schema else ("index", tname)
    base = idx.name or f"{idx.table_name}_{'_'.join(c.expression for c in idx.columns) or (idx.method or 'ix')}_idx"
    name = ctx.names.name("index", scope, base, idx.quoted, owner=id(idx), obj=idx, line=idx.location.line)
    conv = ConvertedObject(idx, tschema if p.index_names_per_schema else None, name)
    line = idx.location.line
    if not isinstance(table, Table):
        ctx.finding(conv, "IDX012", f"index on {idx.table_qname}, which is not a table in the scripts "
                    "(a view, or a table created elsewhere): not converted")
        conv.converted = False
        return conv
    if idx.attrs.get("without_overlaps"):
        idx = _without_overlaps(idx, table, conv, ctx)
    if table.created_from and not table.columns:
        ctx.finding(conv, "TBL014", f"index on {table.qname}, a table created from a query or another table whose "
                    "columns migplan cannot list (not converted): create the index with the table", line)
        conv.converted = False
        return conv
    if table.partition_of:
        if _parent_has_same_index(idx, table, ctx):
            # a partition's copy of its parent's index: natively partitioned, the parent's index cascades
            # to every partition (pg_dump writes it ON ONLY + ATTACH); otherwise the partition's rows
            # live in the unpartitioned parent, indexed by the parent's own index
            return conv
        if native_partition_parent(table, ctx) is None:
            ctx.finding(conv, "TBL003", f"index on partition {table.qname}, which is not created on the target (its "
                        "rows live in the parent): create the index on the parent if it is still needed", line)
            conv.converted = False
            return conv
    method = (idx.method or "").lower()
    same_family = ctx.source.family == p.family
    # same family: every access method the source names exists there too (extensions' hnsw, ivfflat,
    # bloom... come with CREATE EXTENSION), so it is kept as written
    if same_family and method and ("fulltext" in method or "spatial" in method or method == "hash" or
                                   (p.extension_index_methods and method != "btree")):
        return _same_family_index(idx, table, method, conv, ctx, tschema, tname, name)
    if "fulltext" in method or method in ("domain", "gin", "gist", "spatial", "hash", "brin", "spgist", "columnstore",
                                          "clustered columnstore", "nonclustered columnstore", "primary xml", "xml") \
            or "hash" in method:
        if not _special_method(idx, method, conv, ctx, tschema, tname, name):
            return conv
    if "bitmap" in method:
        ctx.finding(conv, "IDX001", "bitmap index: written as a b-tree index (PostgreSQL builds bitmaps at query "
                    "time; MySQL has none); check that it still pays for its write cost", line)
    if method in ("clustered",) or (method.startswith("clustered") and "columnstore" not in method):
        ctx.finding(conv, "IDX003", "clustered index: the target keeps rows in insertion order (PostgreSQL: CLUSTER "
                    "once; InnoDB clusters only on the primary key); written as a plain index", line)
    keys = []
    for col in idx.columns:
        if col.is_expression:
            if not p.supports_functional_index:
                continue
            expr = ctx.exprs.convert(col.expression, columns={c.name.upper(): c.type for c in table.columns})
            for code, msg in expr.problems:
                ctx.finding(conv, code, f"index expression {col.expression}: {msg}", line, source=col.expression)
            if not expr.ok:
                ctx.finding(conv, "IDX002", f"index expression {col.expression} not converted", line,
                            source=col.expression)
                conv.converted = False
                return conv
            lossy = ctx.lossy_reads(table, expr.tree)
            if lossy:
                ctx.finding(conv, "IDX002", f"index expression {col.expression} reads {lossy}, which has no "
                            f"{p.family} equivalent: not created", line, source=col.expression, converted=expr.sql)
                conv.converted = False
                return conv
            refused = non_deterministic_calls(expr.tree, p)
            if refused:
                ctx.finding(conv, "IDX002", f"index expression {col.expression} uses {', '.join(refused)}, which "
                            f"{p.family} does not allow in an index (not immutable/deterministic): not created; "
                            "index a column filled by a trigger instead", line, source=col.expression,
                            converted=expr.sql)
                conv.converted = False
                return conv
            key = f"({expr.sql})"
            if p.functional_index_caveat:
                ctx.finding(conv, "IDX002", f"function-based index on {col.expression}: {p.functional_index_caveat}",
                            line, source=col.expression)
        else:
            key = p.ident(ctx.column_name(table, col.expression))
            if col.prefix_length and p.prefix_indexes:
                key += f"({col.prefix_length})"
            elif col.prefix_length:
                ctx.finding(conv, "IDX010", f"prefix index on {col.expression}({col.prefix_length}): written on the "
                            "whole column", line)
            elif p.prefix_indexes:
                key += _text_key_prefix(table, col.expression, conv, ctx, line)
        keys.append(key + _key_tail(col, conv, ctx, line))
    if not keys:
        ctx.finding(conv, "IDX012", "no key columns could be written for this index", line)
        conv.converted = False
        return conv
    unique = "UNIQUE " if idx.unique else ""
    qtable = p.qualified(tschema, tname)
    sql = f"CREATE {unique}INDEX {p.ident(name)} ON {qtable} ({', '.join(keys)})"
    if idx.include:
        if p.supports_include:
            sql += f" INCLUDE ({', '.join(p.ident(ctx.column_name(table, c)) for c in idx.include)})"
        else:
            ctx.finding(conv, "IDX004", f"INCLUDE ({', '.join(idx.include)}): {p.family} has no included columns; "
                        "written without them (add them to the key if the index must cover the query)", line)
    if idx.where:
        if p.supports_partial_index:
            expr = ctx.exprs.convert(idx.where, columns={c.name.upper(): c.type for c in table.columns})
            for code, msg in expr.problems:
                ctx.finding(conv, code, f"index filter {idx.where}: {msg}", line, source=idx.where)
            if expr.ok:
                sql += f" WHERE {expr.sql}"
            else:
                ctx.finding(conv, "IDX005", f"filter {idx.where} not converted; written unfiltered", line)
        else:
            ctx.finding(
                conv,
                "IDX005",
                f"filtered index (WHERE {idx.where}): {p.family} has no partial indexes; "
                "written on all rows" + ("; a UNIQUE filtered index now applies to every row" if idx.unique else ""),
                line,
            )
    physical = [k for k in idx.options if k not in ("USING",)]
    if physical:
        ctx.finding(conv, "TBL009", f"index storage options not carried over: {', '.join(sorted(physical))}", line)
    conv.statements.append(TargetStatement("index", sql, name, qtable, line, {
        "index": name, "schema": tschema, "table": (tschema, tname), "unique": idx.unique,
        "columns": [k.split(" ")[0].strip('"`') for k in keys]}))
    return conv


def _special_method(idx, method, conv, ctx, tschema, tname, name) -> bool:
    """Kinds with no plain equivalent. Return True to go on and write a plain index."""
    p = ctx.profile
    line = idx.location.line
    if "fulltext" in method or method == "domain":
        code = "IDX008" if "fulltext" in method else "IDX012"
        what = "full-text index" if "fulltext" in method else "domain (Oracle Text / spatial) index"
        hint = p.full_text_hint
        ctx.finding(conv, code, f"{what}: not converted; {hint} and rewrite the CONTAINS/MATCH queries", line)
        conv.converted = False
        return False
    if method == "brin" and method not in p.index_methods:
        # BRIN trades precision for size on naturally ordered columns; a b-tree answers the same queries
        ctx.finding(conv, "IDX013", "BRIN index: MySQL has no block-range indexes; written as a b-tree index "
                    "(larger, same lookups)", line)
        return True
    if method in ("gin", "gist", "spgist") and method not in p.index_methods:
        ctx.finding(conv, "IDX013", f"{method.upper()} index: MySQL has no such access method; not converted", line)
        conv.converted = False
        return False
    if "columnstore" in method:
        ctx.finding(conv, "IDX013", "columnstore index: no row-store target equivalent; not converted "
                    "(consider Amazon Redshift for analytic workloads)", line)
        conv.converted = False
        return False
    if "xml" in method:
        ctx.finding(conv, "IDX013", "XML index: not converted (PostgreSQL: expression indexes on xpath())", line)
        conv.converted = False
        return False
    if "spatial" in method:
        hint = p.spatial_hint
        ctx.finding(conv, "TYP009", f"spatial index: {hint}; not converted", line)
        conv.converted = False
        return False
    if "hash" in method:
        what = "hash index of a memory-optimized table" if ctx.source.family == "sqlserver" else "hash index"
        ctx.finding(conv, "IDX013", f"{what}: written as a b-tree index", line)
        return True
    return True


def _parent_has_same_index(idx: Index, table: Table, ctx: ConvertContext) -> bool:
    schema, _, name = table.partition_of.rpartition(".")
    parent = ctx.inventory.lookup("table", schema or None, name)
    if not isinstance(parent, Table):
        return False
    keys = [(c.expression.upper(), c.descending) for c in idx.columns]
    return any([(c.expression.upper(), c.descending) for c in other.columns] == keys and other.unique == idx.unique
               for other in parent.indexes)


def _text_key_prefix(table: Table, colname: str, conv, ctx, line) -> str:
    typ = ctx.column_types.get((id(table), colname.upper()), "")
    m = re.match(r"(?:var)?char\((\d+)\)", typ)
    if typ in ("text", "mediumtext", "longtext", "tinytext", "blob", "mediumblob", "longblob"):
        ctx.finding(conv, "IDX011", f"index on {typ} column {colname}: MySQL indexes only a prefix; written with "
                    "a 255-character prefix", line)
        return "(255)"
    if m and int(m.group(1)) * 4 > _MYSQL_KEY_BYTES:
        ctx.finding(conv, "IDX011", f"index on {colname} {typ}: over InnoDB's 3,072-byte key limit with utf8mb4; "
                    "written with a 768-character prefix (a UNIQUE index then checks only the prefix)", line)
        return "(768)"
    return ""


def _key_tail(col, conv: ConvertedObject, ctx: ConvertContext, line: int) -> str:
    """Operator class, DESC and NULLS ordering after a key, where the target can say them."""
    tail = ""
    if col.opclass:
        if ctx.profile.has_operator_classes and ctx.source.family == ctx.profile.family:
            tail += " " + col.opclass  # same engine: the operator class (and its extension) exists there too
        else:
            ctx.finding(conv, "IDX013", f"operator class {col.opclass} on {col.expression}: the target has no "
                        "operator classes; the key is indexed with its default ordering", line)
    if col.descending:
        tail += " DESC"
    if col.nulls:
        if ctx.profile.has_nulls_ordering:
            tail += " " + col.nulls
        else:
            ctx.finding(conv, "IDX013", f"{col.nulls} on {col.expression}: MySQL sorts NULLs first ascending and "
                        "last descending, and cannot be told otherwise", line)
    return tail


def _same_family_index(idx, table, method, conv, ctx, tschema, tname, name) -> ConvertedObject:
    """Same engine family: keep the access method (FULLTEXT/SPATIAL on MySQL, USING gin/gist ... on PostgreSQL)."""
    p = ctx.profile
    keys = []
    for col in idx.columns:
        key = f"({col.expression})" if col.is_expression else p.ident(ctx.column_name(table, col.expression))
        keys.append(key + _key_tail(col, conv, ctx, idx.location.line))
    qtable = p.qualified(tschema, tname)
    if p.index_method_as_prefix:
        kind = "FULLTEXT " if "fulltext" in method else ("SPATIAL " if "spatial" in method else "")
        sql = f"CREATE {kind}INDEX {p.ident(name)} ON {qtable} ({', '.join(keys)})"
    else:
        unique = "UNIQUE " if idx.unique else ""
        sql = f"CREATE {unique}INDEX {p.ident(name)} ON {qtable} USING {method} ({', '.join(keys)})"
        if idx.where:
            expr = ctx.exprs.convert(idx.where)
            if expr.ok:
                sql += f" WHERE {expr.sql}"
    conv.statements.append(TargetStatement("index", sql, name, qtable, idx.location.line, {
        "index": name, "schema": tschema, "table": (tschema, tname), "unique": idx.unique, "columns": keys}))
    return conv


def _matview_index(idx: Index, mv, ctx: ConvertContext) -> ConvertedObject:
    p = ctx.profile
    tschema, tname = ctx.target_of(mv)
    name = ctx.names.name("index", ("index", tschema), idx.name or f"{mv.name}_idx", idx.quoted, owner=id(idx),
                          obj=idx, line=idx.location.line)
    conv = ConvertedObject(idx, tschema, name)
    keys = []
    for col in idx.columns:
        if col.is_expression:
            expr = ctx.exprs.convert(col.expression)
            if not expr.ok:
                ctx.finding(conv, "IDX002", f"index expression {col.expression} not converted", idx.location.line)
                conv.converted = False
                return conv
            keys.append(f"({expr.sql})")
        else:
            keys.append(p.ident(ctx.names.base(col.expression)))
        if col.descending:
            keys[-1] += " DESC"
    qtable = p.qualified(tschema, tname)
    sql = f"CREATE {'UNIQUE ' if idx.unique else ''}INDEX {p.ident(name)} ON {qtable} ({', '.join(keys)})"
    conv.statements.append(TargetStatement("index", sql, name, None, idx.location.line, {
        "index": name, "schema": tschema, "table": (tschema, tname), "unique": idx.unique,
        "columns": [k.split(" ")[0] for k in keys]}))
    return conv


def _without_overlaps(idx: Index, table: Table, conv: ConvertedObject, ctx: ConvertContext) -> Index:
    """A unique index (..., BUSINESS_TIME WITHOUT OVERLAPS) keeps the period's begin column instead: unique,
    but overlapping periods are no longer refused (TBL016)."""
    from dataclasses import replace

    period = str(idx.attrs["without_overlaps"]).upper()
    begin = period_columns(table).get(period, (None, None))[0]
    if begin is None:
        return idx
    keys = [*idx.columns, IndexColumn(ctx.source.fold(begin))]
    ctx.finding(conv, "TBL016", f"index key ({', '.join(c.expression for c in idx.columns)}, {period} WITHOUT "
                f"OVERLAPS) written with {begin}: unique, but overlapping periods are no longer refused (an "
                "exclusion constraint or a trigger can check them)", idx.location.line)
    return replace(idx, columns=keys)
