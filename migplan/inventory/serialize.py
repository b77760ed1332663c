"""The inventory as plain data for JSON output (schema: migplan/data/inventory.schema.json).

Keys and list order are fixed so the same input gives byte-identical JSON.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from migplan.model.schema import Column, Constraint, Index, IndexColumn, Location, Part, SchemaObject, TypeSpec

INVENTORY_FORMAT = 1


def _value(v: Any) -> Any:
    if isinstance(v, TypeSpec):
        return {"raw": v.raw or v.base, "base": v.base, "params": list(v.params), "modifiers": list(v.modifiers),
                "array": v.array, "user_defined": v.user_defined}
    if isinstance(v, Location):
        return {"file": v.file, "line": v.line, "end_line": v.end_line}
    if isinstance(v, (IndexColumn, Part, Column, Constraint)) or (is_dataclass(v) and not isinstance(v, type)):
        return {f.name: _value(getattr(v, f.name)) for f in fields(v) if not f.name.startswith("_")}
    if isinstance(v, dict):
        return {str(k): _value(x) for k, x in v.items() if not str(k).startswith("_")}
    if isinstance(v, (list, tuple, set)):
        items = [_value(x) for x in v]
        return sorted(items) if isinstance(v, set) else items
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return str(v)


_SKIP = {"source", "indexes", "triggers", "statement"}


def object_to_dict(o: SchemaObject, with_source: bool = True) -> dict:
    out: dict[str, Any] = {"kind": o.kind, "schema": o.schema, "name": o.name, "qualified_name": o.qname,
                           "file": o.location.file, "line": o.location.line, "end_line": o.location.end_line,
                           "parse_status": o.status, "message": o.message}
    for f in fields(o):
        if f.name in out or f.name in _SKIP or f.name in ("kind", "schema", "name", "location", "status"):
            continue
        out[f.name] = _value(getattr(o, f.name))
    if isinstance(o, Index):
        out["table"] = o.table_qname
    if with_source:
        out["source"] = o.source
    return out


def inventory_to_dict(inv) -> dict:
    return {
        "format": INVENTORY_FORMAT,
        "source_engine": inv.engine.name,
        "files": [_value(f) for f in inv.files],
        "skipped_files": list(inv.skipped_files),
        "problems": [_value(p) for p in inv.problems],
        "summary": inv.summary(),
        "objects": [object_to_dict(o) for o in inv.objects],
        "statements": [_value(r) for r in inv.records],
    }
