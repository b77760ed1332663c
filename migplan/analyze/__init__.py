"""Analyze stage: findings from the input, the converter and the rule catalog become action items
with severity and effort; each object gets an SCT-style verdict.

    items = analyze(inventory, conversion, config)
"""

from __future__ import annotations

from migplan.analyze import actions
from migplan.analyze.config import Config
from migplan.analyze.context import AnalysisContext
from migplan.analyze.items import ActionItem, ActionItems
from migplan.inventory.inventory import Inventory
from migplan.model.conversion import Conversion, Finding
from migplan.model.schema import DEFINITION_KINDS, UNPARSED, Location, Routine, SchemaObject
from migplan.parse.sqlglot_bridge import error_text
from migplan.progress import bar

__all__ = ["ActionItem", "ActionItems", "Config", "analyze", "to_item"]


_STRUCTURED = ("table", "index", "sequence", "view", "materialized view", "synonym")


def analyze(inv: Inventory, conversion: Conversion, config: Config | None = None,
            progress: bool | None = None) -> ActionItems:
    config = config or Config()
    from migplan import engines

    ctx = AnalysisContext(inv, conversion, inv.engine, engines.get(conversion.target_engine))
    findings: list[Finding] = []
    converted = {id(c.source) for c in conversion.objects if c.written}
    findings.extend(_input_findings(inv, converted))
    findings.extend(conversion.all_findings())
    heterogeneous = inv.engine.family != ctx.target.family
    rules = [r() for r in actions.applicable(_family(inv.engine.family), ctx.target.family, inv.engine.name)]
    rules = [r for r in rules if r.raised_by == "rule"]
    progress_bar = bar(len(inv.objects), "analyze", progress)
    for obj in inv.objects:  # object by object, so the bar moves evenly
        progress_bar.update()
        if type(obj) is SchemaObject and (obj.kind in _STRUCTURED or obj.status == UNPARSED):
            continue  # a statement that was not understood: PRS001 says so, rules need its parts
        written_code = isinstance(obj, Routine) and heterogeneous and _written(conversion, obj)
        for rule in rules:
            if (rule.kinds and obj.kind not in rule.kinds) or not isinstance(obj, rule.object_type):
                continue
            try:
                found = list(rule.check(obj, ctx))
                if written_code:
                    for f in found:
                        if rule.rewritten(f):  # the conversion rewrote it: what is left is testing
                            f.severity, f.effort = "info", "none"
                            f.message += " (migplan's conversion rewrote it)"
                findings.extend(found)
            except Exception as err:  # a rule's bug must not end the run or hide the object: say so
                findings.append(Finding("MIG001", obj.qname, obj.kind, obj.location.file, obj.location.line,
                                        f"rule {rule.code} could not check this object ({type(err).__name__}: "
                                        f"{error_text(err)}); please report it with the statement",
                                        obj.source[:2000]))
    progress_bar.close()
    findings.extend(_statement_findings(inv, rules, ctx))
    seen = set()
    items = []
    for f in findings:
        key = (f.code, f.object, f.kind, f.line, f.message)
        if key in seen:
            continue
        seen.add(key)
        items.append(to_item(f, config))
    items.sort(key=lambda i: (i.file, i.line, i.code, i.object))
    return ActionItems(items)


def _written(conversion: Conversion, obj: SchemaObject) -> bool:
    conv = conversion.by_source(obj)
    return conv is not None and conv.converted and bool(conv.statements)


def _statement_findings(inv: Inventory, rules: list, ctx: AnalysisContext) -> list[Finding]:
    """Rules about statements that make no object (USE, a top-level EXEC): each such statement as an
    object of its record's kind, named by its place."""
    wanted = [r for r in rules if r.statements]
    out: list[Finding] = []
    if not wanted:
        return out
    for stmt, rec in zip(inv.statements, inv.records):
        if rec.disposition == "object":
            continue
        for rule in wanted:
            if rec.kind not in rule.statements:
                continue
            where = Location(stmt.file, stmt.line, stmt.end_line)
            obj = SchemaObject(rec.kind, None, f"{stmt.file}:{stmt.line}", where, source=stmt.text)
            try:
                out.extend(rule.check(obj, ctx))
            except Exception as err:  # as for objects: a rule's bug is an item, not the end of the run
                out.append(Finding("MIG001", obj.qname, obj.kind, stmt.file, stmt.line,
                                   f"rule {rule.code} could not check this statement ({type(err).__name__}: "
                                   f"{error_text(err)}); please report it with the statement", stmt.text[:2000]))
    return out


def to_item(f: Finding, config: Config) -> ActionItem:
    rule = actions.get(f.code)
    override = config.codes.get(f.code)
    severity = (override and override.severity) or f.severity or rule.severity
    effort = (override and override.effort) or f.effort or rule.effort
    low, high = config.effort[effort]["per"]
    if override and override.hours:
        low, high = override.hours
    sup = config.suppression(f.code, f.object)
    return ActionItem(
        code=f.code, name=rule.name, severity=severity, category=rule.category, object=f.object, kind=f.kind,
        file=f.file, line=f.line, message=f.message, fix=rule.fix(), effort=effort, hours_low=low, hours_high=high,
        source=f.source, converted=f.converted, sub=f.sub, sct=rule.sct, dms=rule.dms,
        suppressed=sup is not None, suppression=(sup.reason or "suppressed by configuration") if sup else None,
    )


def _family(family: str) -> str:
    return {"sap-ase": "sqlserver", "greenplum": "postgresql"}.get(family, family)


def _input_findings(inv: Inventory, converted: set[int] | frozenset[int] = frozenset()) -> list[Finding]:
    """Problems of the input itself: every one is an action item with its file and line. ``converted``:
    ids of the objects the conversion wrote (a same-family target takes an aggregate as written)."""
    out: list[Finding] = []
    codes = {"INPUT-UNREADABLE": "PRS003", "INPUT-ENCODING": "PRS003", "INPUT-TRUNCATED": "PRS004",
             "INPUT-ORPHAN": "PRS005", "INPUT-INCLUDE": "PRS006", "INPUT-VARIABLE": "PRS009", "INPUT": "PRS003"}
    for p in inv.problems:
        out.append(Finding(codes.get(p.code, "PRS003"), p.file, "file", p.file, p.line or 1, p.message))
    for r in inv.records:
        if r.disposition == "unparsed":
            out.append(Finding("PRS001", r.object or f"{r.file}:{r.line}", "statement", r.file, r.line,
                               f"statement not understood ({r.kind}): {r.message}"))
    procedural = ("procedure", "function", "package", "package body", "trigger", "type body", "java", "library")
    for o in inv.objects:
        if o.status == "unparsed":
            out.append(Finding("PRS001", o.qname, o.kind, o.location.file, o.location.line,
                               f"{o.kind} not understood: {o.message}"))
        elif o.status == "parsed" and o.kind in DEFINITION_KINDS:
            if id(o) not in converted:
                out.append(Finding("PRS007", o.qname, o.kind, o.location.file, o.location.line,
                                   f"{o.kind} read in full (its definition is in the inventory) but not converted"))
        elif o.status == "partial" and o.kind not in procedural:
            if (o.message or "").startswith("migplan records"):
                if id(o) in converted:
                    continue
                out.append(Finding("PRS007", o.qname, o.kind, o.location.file, o.location.line,
                                   f"{o.kind} kept as text: {o.message}"))
            elif o.lost or not _reported_by_converter(o.message or ""):
                out.append(Finding("PRS002", o.qname, o.kind, o.location.file, o.location.line,
                                   f"{o.kind} only partly understood: {o.message}"))
    return out


# Expression problems the converter reports itself, with a precise code (SQL002, CON003, VEW011, IDX002 ...).
_CONVERTER_REPORTS = ("default", "check constraint", "query:", "index expression", "index filter", "computed column")


def _reported_by_converter(message: str) -> bool:
    parts = [p.strip() for p in message.split(";") if p.strip()]
    return bool(parts) and all(p.startswith(_CONVERTER_REPORTS) for p in parts)
