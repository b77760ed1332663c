"""Schemas, synonyms and user-defined types; procedural code is assessed, not converted, here."""

from __future__ import annotations

from migplan.convert.context import ConvertContext
from migplan.model.conversion import ConvertedObject, TargetStatement
from migplan.model.schema import SchemaObject, Synonym, UserType


def convert_synonym(syn: Synonym, ctx: ConvertContext) -> ConvertedObject:
    """Synonyms become views on their target (PostgreSQL and MySQL have no synonyms)."""
    schema, name = ctx.target_of(syn)
    conv = ConvertedObject(syn, schema, name)
    p = ctx.profile
    line = syn.location.line
    if syn.dblink or syn.attrs.get("target_server") or syn.attrs.get("target_database"):
        where = syn.dblink or syn.attrs.get("target_server") or syn.attrs.get("target_database")
        ctx.finding(conv, "NAM006", f"synonym for a remote object ({syn.target_qname}, over {where}): needs a "
                    "foreign table (postgres_fdw) or an application change", line)
        conv.converted = False
        return conv
    target = None
    for kind in ("table", "view", "sequence", "procedure", "function", "package"):
        target = ctx.inventory.lookup(kind, syn.target_schema, syn.target_name)
        if target is not None:
            break
    if target is None or target.kind not in ("table", "view", "materialized view") or id(target) not in ctx.targets:
        what = target.kind if target is not None else "object not in the scripts"
        ctx.finding(conv, "NAM005", f"synonym for {syn.target_qname} ({what}): replace references by the qualified "
                    "name; not converted", line)
        conv.converted = False
        return conv
    ts, tn = ctx.target_of(target)
    hint = ("public synonyms resolve from every schema: put the view's schema on the search path" if syn.public
            else "references may also be rewritten to the qualified name")
    ctx.finding(conv, "NAM005", f"synonym written as a view on {p.qualified(ts, tn)}: DML through it works for a "
                f"simple view; {hint}", line)
    sql = f"CREATE VIEW {p.qualified(schema, name)} AS SELECT * FROM {p.qualified(ts, tn)}"
    conv.statements.append(TargetStatement("synonym", sql, name, None, line, {"view": (schema, name)}))
    return conv


def convert_user_type(ut: UserType, ctx: ConvertContext) -> ConvertedObject:
    schema, name = ctx.target_of(ut)
    conv = ConvertedObject(ut, schema, name)
    p = ctx.profile
    line = ut.location.line
    qname = p.qualified(schema, name)
    if ut.type_kind == "enum" and p.has_user_types:
        values = ", ".join(p.string(v) for v in ut.values)
        conv.statements.append(TargetStatement("type", f"CREATE TYPE {qname} AS ENUM ({values})",
                                               name, None, line, {"type": (schema, name)}))
        return conv
    if p.has_user_types and ut.type_kind in ("domain", "alias") and ut.base_type:
        return _domain(ut, conv, ctx, qname, schema, name, line)
    if p.has_user_types and ut.type_kind in ("composite", "object") and ut.columns \
            and not ut.attrs.get("methods"):
        attrs = ", ".join(f"{p.ident(ctx.names.base(c.name))} {ctx.map_type(c.type).sql}" for c in ut.columns)
        conv.statements.append(TargetStatement("type", f"CREATE TYPE {qname} AS ({attrs})", name, None, line,
                                               {"type": (schema, name)}))
        if ut.type_kind == "object":
            ctx.finding(conv, "TYP017", f"object type {ut.qname} written as a composite type (attributes only)", line)
        return conv
    if p.has_user_types and ut.type_kind == "range" and ctx.source.family == p.family:
        conv.statements.append(
            TargetStatement(
                "type",
                f"CREATE TYPE {qname} AS RANGE ({ut.attrs.get('definition', '')})",
                name,
                None,
                line,
                {"type": (schema, name)},
            )
        )
        return conv
    if ut.type_kind in ("enum", "domain", "alias"):
        conv.converted = True  # used inline: each column that uses it gets the base type (and its check)
        return conv
    ctx.finding(conv, "TYP017", f"{ut.type_kind or 'user-defined'} type {ut.qname}: no direct {p.family} form; "
                "columns using it are written as text", line)
    conv.converted = False
    return conv


def _domain(ut: UserType, conv, ctx: ConvertContext, qname, schema, name, line) -> ConvertedObject:
    """A domain (or SQL Server alias type) becomes a PostgreSQL domain: base type, NOT NULL, default, check."""
    from migplan.parse.types import parse_type_text

    base = ctx.map_type(parse_type_text(ut.base_type, ctx.source.splitter))
    sql = f"CREATE DOMAIN {qname} AS {base.sql}"
    if ut.attrs.get("default"):
        d = ctx.exprs.convert(ut.attrs["default"])
        if d.ok:
            sql += f" DEFAULT {d.sql}"
    if ut.attrs.get("nullable") is False:
        sql += " NOT NULL"
    if ut.check:
        c = ctx.exprs.convert(ut.check)
        if c.ok:
            sql += f" CHECK ({c.sql})"
        else:
            ctx.finding(conv, ctx.failure_code(c, "CON003"), f"domain check {ut.check}: {ctx.failure_message(c)}",
                        line)
    conv.statements.append(TargetStatement("type", sql, name, None, line, {"type": (schema, name)}))
    return conv


def not_converted(obj: SchemaObject, ctx: ConvertContext) -> ConvertedObject:
    """Procedural objects: assessed by the action catalog, converted by a later version."""
    schema, name = ctx.targets.get(id(obj), (None, obj.name))
    conv = ConvertedObject(obj, schema, name, converted=False)
    return conv


def convert_extension(obj: SchemaObject, ctx: ConvertContext) -> ConvertedObject:
    """CREATE EXTENSION between PostgreSQL engines; whether the target offers it is PGS012's question."""
    conv = ConvertedObject(obj, None, obj.name)
    opts = obj.attrs.get("options", "")
    import re

    m = re.search(r"\bSCHEMA\s+(\S+)", opts, re.I)
    sql = f"CREATE EXTENSION IF NOT EXISTS {ctx.profile.ident(obj.name.lower())}"
    if m:
        sql += f" WITH SCHEMA {ctx.profile.ident(ctx.names.schema(m.group(1).strip(chr(34))) or 'public')}"
    conv.statements.append(TargetStatement("extension", sql, obj.name.lower(), None, obj.location.line, {}))
    return conv


def schema_statement(schema: str, ctx: ConvertContext) -> TargetStatement:
    return TargetStatement("schema", ctx.profile.create_schema.format(name=ctx.profile.ident(schema)), schema, None,
                           None, {"schema": schema})

