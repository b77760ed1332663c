"""Procedural code between engines of one family (PostgreSQL -> Aurora PostgreSQL / RDS, MySQL ->
Aurora MySQL): the definition is applied as written, the way DMS homogeneous migrations and the
native dump tools move it. Across families the body needs SCT or a person (COD001 and the
construct rules measure that work); nothing is written for it here."""

from __future__ import annotations

import re

from migplan.convert.context import ConvertContext
from migplan.model.conversion import ConvertedObject, TargetStatement
from migplan.model.schema import Routine, SchemaObject

# what a same-family target can take as written; packages and type bodies are Oracle's
_PASSTHROUGH = {"postgresql": ("function", "procedure", "trigger", "aggregate"),
                "mysql": ("function", "procedure", "trigger", "event")}
# other objects a same-family target takes as written (pg_dump and mysqldump move them this way);
# security objects (roles, users, grants) and cluster-level ones are not here: they need accounts
_AS_WRITTEN = {"postgresql": ("aggregate", "rule", "language", "operator", "operator class", "operator family",
                              "cast", "collation", "conversion", "text search", "statistics", "event trigger"),
               "mysql": ("event",)}
_DEFINER = re.compile(r"\bDEFINER\s*=\s*(?:`[^`]*`|'[^']*'|\w+)(?:@(?:`[^`]*`|'[^']*'|[\w.%]+))?\s*", re.I)


def passthrough_possible(obj: Routine, ctx: ConvertContext) -> bool:
    fam = ctx.profile.family
    return (ctx.source.family == fam and obj.kind in _PASSTHROUGH.get(fam, ()) and obj.status != "unparsed"
            and bool(obj.source.strip()) and not _names_mapped_schema(obj, ctx))


def _names_mapped_schema(obj: Routine, ctx: ConvertContext) -> bool:
    """The text is applied unchanged, so a schema renamed on the target must not appear in it."""
    mapped = {k for k, v in ctx.options.schema_map.items() if k != v}
    if not mapped:
        return False
    if obj.schema and obj.schema in mapped:
        return True
    pattern = r"(?<![\w$])[`\"\[]?(" + "|".join(re.escape(k) for k in mapped) + r")[`\"\]]?\s*\."
    return re.search(pattern, obj.source, re.I) is not None


def convert_routine(obj: Routine, ctx: ConvertContext) -> ConvertedObject | None:
    if not passthrough_possible(obj, ctx):
        return None
    schema, name = ctx.target_of(obj)
    if name.lower() != obj.name.lower():
        return None  # renamed on the target (reserved word, length): the text would still say the old name
    conv = ConvertedObject(obj, schema, name)
    sql = obj.source.strip().rstrip(";").rstrip()
    if ctx.profile.has_definer and _DEFINER.search(sql):
        # the source account rarely exists on the target; SQL SECURITY DEFINER then runs as the creator
        sql = _DEFINER.sub("", sql, count=1)
        ctx.finding(conv, "MYS007", "DEFINER removed: the routine runs as the account that creates it on the "
                    "target; re-grant or set DEFINER to an account that exists there", obj.location.line)
    kind = "trigger" if obj.kind == "trigger" else "routine"
    table_schema = ctx.names.schema(obj.table_schema) if obj.table_schema else schema
    # a PostgreSQL trigger is not a schema object: the catalog files it under its table's schema
    where = table_schema if kind == "trigger" and ctx.profile.triggers_in_table_schema else schema
    conv.statements.append(TargetStatement(kind, sql, name, obj.table_name and ctx.profile.qualified(
        table_schema, ctx.names.base(obj.table_name)), obj.location.line,
        {"routine": (where, name), "routine_kind": obj.kind}))
    return conv


def convert_as_written(obj: SchemaObject, ctx: ConvertContext) -> ConvertedObject | None:
    """Same family: an object migplan has no structure for (an aggregate, a rule, a language...) is
    applied as the source wrote it, as the native dump tools do; its catalog check is that the engine
    accepts it."""
    fam = ctx.profile.family
    if ctx.source.family != fam or obj.kind not in _AS_WRITTEN.get(fam, ()) or obj.status == "unparsed" \
            or not obj.source.strip() or _names_mapped_schema(obj, ctx):
        return None
    schema = ctx.names.schema(obj.schema) if obj.schema else ctx.options.default_schema
    conv = ConvertedObject(obj, schema, obj.name)
    sql = obj.source.strip().rstrip(";").rstrip()
    conv.statements.append(TargetStatement("routine", sql, obj.name, None, obj.location.line, {}))
    return conv
