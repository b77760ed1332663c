"""Convert stage: inventory objects -> target DDL, one ConvertedObject per source object.

    convert(inventory, "aurora-postgresql") -> Conversion

Storage objects (tables, keys, constraints, indexes, sequences), views, synonyms and types are
converted. Procedural code moves as written between engines of one family (convert.routines);
across families it is assessed by the action catalog and not converted in this version.
"""

from __future__ import annotations

from migplan import engines
from migplan.convert import types as typemaps
from migplan.convert.context import ConvertContext, ConvertOptions
from migplan.convert.dynamodb import convert_dynamodb
from migplan.convert.evidence import number_key_evidence
from migplan.convert.expressions import ExpressionConverter
from migplan.convert.indexes import convert_index
from migplan.convert.names import NameMapper
from migplan.convert.other import (
    convert_extension,
    convert_synonym,
    convert_user_type,
    not_converted,
    schema_statement,
)
from migplan.convert.procedural import convert_procedural
from migplan.convert.profiles import profile_for
from migplan.convert.routines import convert_as_written, convert_routine
from migplan.convert.sequences import convert_sequence
from migplan.convert.tables import align_foreign_keys, convert_table
from migplan.convert.views import convert_view
from migplan.inventory.inventory import Inventory
from migplan.model.conversion import Conversion, ConvertedObject, Finding, TargetStatement
from migplan.model.schema import Index, Routine, SchemaObject, Sequence, Synonym, Table, UserType, View
from migplan.progress import bar

__all__ = ["Conversion", "ConvertOptions", "ConvertedObject", "Finding", "TargetStatement", "convert"]

# relation-like objects share one namespace per schema on the target
_RELATIONS = (Table, View, Sequence, Synonym)


def convert(inv: Inventory, target, options: ConvertOptions | None = None, progress: bool | None = None) -> Conversion:
    options = options or ConvertOptions()
    target = engines.get(target)
    if target.family == "dynamodb":  # no DDL: CreateTable requests (convert/dynamodb.py)
        return convert_dynamodb(inv, target)
    profile = profile_for(target)
    names = NameMapper(inv.engine, profile, options.identifier_case, dict(options.schema_map))
    types = typemaps.load(_family(inv.engine), profile.family)
    seq_targets: dict[str, str] = {}
    exprs = ExpressionConverter(inv.engine, profile, names, seq_targets)
    ctx = ConvertContext(inv, inv.engine, target, profile, names, types, exprs, options)
    if options.number_keys == "evidence" and types is not None:
        ctx.number_keys = number_key_evidence(inv)
    if types is not None:
        exprs.map_type = ctx.map_type  # casts in expressions map their types like columns do
    exprs.routines = {o.name.upper() for o in inv.objects
                      if o.kind in ("function", "procedure", "package", "aggregate")}
    exprs.resolve = _resolver(inv)
    out = Conversion(inv.engine.name, target.name)

    # 1. names first, so foreign keys and views can point at any table whatever the order
    for obj in inv.objects:
        if isinstance(obj, (*_RELATIONS, UserType, Routine)):
            schema = names.schema(obj.schema) if obj.schema else options.default_schema
            scope = ("relation", schema) if isinstance(obj, _RELATIONS) else (obj.kind, schema)
            ctx.targets[id(obj)] = (schema, names.name(obj.kind, scope, obj.name, obj.quoted, owner=id(obj), obj=obj))
            if isinstance(obj, Sequence):
                seq_targets[obj.name.upper()] = profile.qualified(*ctx.targets[id(obj)])
    # 2. schemas
    schemas = sorted({s for s, _ in ctx.targets.values() if s and s.lower() not in ("public",)})
    out.prelude = [schema_statement(s, ctx) for s in schemas]
    # 3. objects, in dependency-friendly order (the plan orders them properly later)
    for obj in inv.objects:  # extensions: only between PostgreSQL engines, where they mean the same thing
        if obj.kind == "extension" and profile.family == "postgresql" and inv.engine.family == "postgresql":
            out.objects.append(convert_extension(obj, ctx))
    order = (UserType, Sequence, Table, Index, View, Synonym, Routine, SchemaObject)
    done: set[int] = {id(c.source) for c in out.objects}
    progress_bar = bar(len(inv.objects), "convert", progress)
    for cls in order:
        for obj in inv.objects:
            if (type(obj) is not cls and not (cls is View and isinstance(obj, View))) or id(obj) in done:
                continue
            progress_bar.update()
            conv = _convert_one(obj, ctx)
            if conv is not None:
                out.objects.append(conv)
                done.add(id(obj))
    progress_bar.close()
    for ext in sorted(exprs.extensions):  # what the rewritten expressions call (unaccent)
        out.prelude.append(TargetStatement("extension", f"CREATE EXTENSION IF NOT EXISTS {profile.ident(ext)}", ext,
                                           None, None, {}))
    align_foreign_keys(out.objects, ctx)
    for obj in inv.objects:
        if id(obj) not in done:
            out.objects.append(not_converted(obj, ctx))
    if profile.has_distribution and inv.engine.splitter == "teradata":
        out.findings.extend(_bteq_scripts(inv))
    for ev in names.events:
        obj = ev.obj
        if obj is not None:
            out.findings.append(Finding(ev.code, obj.qname, obj.kind, obj.location.file, ev.line or obj.location.line,
                                        _name_message(ev, profile.family), sub=ev.sub))
        else:  # pragma: no cover - every name belongs to an object
            out.findings.append(Finding(ev.code, ev.source, ev.what, "", 0, _name_message(ev, profile.family)))
    return out


def _convert_one(obj: SchemaObject, ctx: ConvertContext) -> ConvertedObject | None:
    if obj.status == "unparsed":
        conv = ConvertedObject(obj, *ctx.targets.get(id(obj), (None, obj.name)), converted=False)
        ctx.finding(conv, "PRS001", f"not converted: the statement was not understood ({obj.message})")
        return conv
    if isinstance(obj, Table):
        return convert_table(obj, ctx)
    if isinstance(obj, Index):
        return convert_index(obj, ctx)
    if isinstance(obj, Sequence):
        return convert_sequence(obj, ctx)
    if isinstance(obj, View):
        return convert_view(obj, ctx)
    if isinstance(obj, Synonym):
        return convert_synonym(obj, ctx)
    if isinstance(obj, UserType):
        return convert_user_type(obj, ctx)
    if isinstance(obj, Routine):
        return convert_routine(obj, ctx) or convert_procedural(obj, ctx)
    return convert_as_written(obj, ctx)


def _resolver(inv: Inventory):
    """The table, view or synonym of the scripts a name in a query means, if any."""
    def resolve(name: str, schema: str | None = None):
        for kind in ("table", "view", "materialized view", "synonym"):
            obj = inv.lookup(kind, schema, name) or inv.lookup(kind, schema, inv.engine.fold(name))
            if obj is None and schema is not None:
                obj = inv.lookup(kind, inv.engine.fold(schema), inv.engine.fold(name))
            if obj is not None:
                return obj
        return None
    return resolve


def _bteq_scripts(inv: Inventory) -> list[Finding]:
    """One item per script holding BTEQ dot-commands: they move to Redshift RSQL or an orchestrator."""
    by_file: dict[str, list] = {}
    for r in inv.records:
        if r.disposition == "client" and r.kind.startswith("client ."):
            by_file.setdefault(r.file, []).append(r)
    out = []
    for file, recs in sorted(by_file.items()):
        commands = sorted({r.kind.split(" ", 1)[1] for r in recs})
        out.append(Finding("RSH014", file, "script", file, recs[0].line,
                           f"BTEQ script with {len(recs)} dot-command(s) ({', '.join(commands)}): convert it to "
                           "Amazon Redshift RSQL (SCT converts BTEQ scripts) or move its control flow to the "
                           "load orchestration"))
    return out


def _family(engine) -> str:
    return {"sap-ase": "sqlserver", "greenplum": "postgresql"}.get(engine.family, engine.family)


def _name_message(ev, family: str) -> str:
    if ev.code == "NAM001":
        return f"{ev.what} {ev.source} -> {ev.target}: a reserved word in {family}; quote it in every query"
    if ev.code == "NAM002":
        return f"{ev.what} {ev.source} is longer than {family} allows: shortened to {ev.target}"
    if ev.code == "NAM003":
        return f"{ev.what} {ev.source} keeps its mixed case: every query must quote it as \"{ev.target}\""
    return f"{ev.what} {ev.source} renamed {ev.target} to stay unique in its scope on {family}"
