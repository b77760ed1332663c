"""The inventory as pandas DataFrames, for notebooks and CSV output."""

from __future__ import annotations

import pandas as pd

from migplan.model.schema import DEFINITION_KINDS, Index, Routine, SchemaObject, Sequence, Synonym, Table, View

STATUS_ORDER = ["parsed", "partial", "unparsed"]


def _status(series: pd.Series) -> pd.Categorical:
    return pd.Categorical(series, categories=STATUS_ORDER, ordered=True)


def objects_frame(inv) -> pd.DataFrame:
    rows = []
    for o in inv.objects:
        detail = ""
        if isinstance(o, Table):
            detail = f"{len(o.columns)} columns, {len(o.constraints)} constraints"
            if o.created_from == "AS":
                detail += " (from its query)"
        elif isinstance(o, Index):
            detail = f"on {o.table_qname} ({', '.join(c.expression for c in o.columns)})"
        elif isinstance(o, Routine) and o.kind == "trigger":
            detail = f"{o.timing or ''} {' OR '.join(o.events)} on {o.table_qname}".strip()
        elif isinstance(o, Synonym):
            detail = f"for {o.target_qname}"
        elif isinstance(o, View):
            detail = f"reads {', '.join(o.references)}" if o.references else ""
        elif isinstance(o, Sequence):
            detail = f"start {o.start or '-'} by {o.increment or '1'}"
        elif o.kind in DEFINITION_KINDS:
            detail = definition_detail(o)
        rows.append({
            "kind": o.kind, "schema": o.schema, "name": o.name, "qualified_name": o.qname, "file": o.location.file,
            "line": o.location.line, "parse_status": o.status, "detail": detail, "parts": len(o.parts),
            "message": o.message or "",
        })
    # the column names of assessment.json and objects.frame(): parse_status, qualified_name (to join items)
    df = pd.DataFrame(rows, columns=["kind", "schema", "name", "qualified_name", "file", "line", "parse_status",
                                     "detail", "parts", "message"])
    df["parse_status"] = _status(df["parse_status"])
    return df


def definition_detail(o: SchemaObject) -> str:
    """One line about an object read in full into attrs (aggregate, rule, dimension, PolyBase ...)."""
    a = o.attrs
    if o.kind == "rule":
        actions = len(a.get("actions", []))
        return f"ON {a.get('event')} TO {a.get('table')} DO {a.get('do', '').upper()} ({actions} actions)"
    if o.kind == "aggregate":
        external = f" EXTERNAL NAME {a['external_name']}" if a.get("external_name") else ""
        return f"({a.get('arguments', '')}){external}"
    if o.kind == "dimension":
        return f"{len(a.get('levels', {}))} levels, {len(a.get('hierarchies', {}))} hierarchies"
    if o.kind == "assembly":
        return f"PERMISSION_SET {a.get('permission_set', 'SAFE')}"
    return ", ".join(f"{k} = {v}" for k, v in (a.get("options") or {}).items())[:200]


def columns_frame(inv) -> pd.DataFrame:
    rows = []
    for t in inv.tables:
        for c in t.columns:
            ident = None
            if c.identity is not None:
                ident = c.identity.kind + (" always" if c.identity.always else "")
            rows.append({
                "table": t.qname, "position": c.position, "column": c.name, "source_type": c.source_type,
                "nullable": c.nullable, "default": c.default, "identity": ident, "computed": c.computed,
                "lob": c.is_lob, "comment": c.comment,
            })
    return pd.DataFrame(rows, columns=["table", "position", "column", "source_type", "nullable", "default",
                                       "identity", "computed", "lob", "comment"])


def constraints_frame(inv) -> pd.DataFrame:
    rows = []
    for t in inv.tables:
        for c in t.constraints:
            rows.append({
                "table": t.qname, "kind": c.kind, "name": c.name, "columns": ", ".join(c.columns),
                "references": c.ref_qname, "ref_columns": ", ".join(c.ref_columns), "on_delete": c.on_delete,
                "check": c.expression, "enabled": c.enabled, "inline": c.inline,
                "file": c.location.file if c.location else None, "line": c.location.line if c.location else None,
            })
    return pd.DataFrame(rows, columns=["table", "kind", "name", "columns", "references", "ref_columns", "on_delete",
                                       "check", "enabled", "inline", "file", "line"])


def statements_frame(inv) -> pd.DataFrame:
    rows = [{"index": r.index, "file": r.file, "line": r.line, "end_line": r.end_line, "kind": r.kind,
             "disposition": r.disposition, "object": r.object, "status": r.status, "message": r.message}
            for r in inv.records]
    return pd.DataFrame(rows, columns=["index", "file", "line", "end_line", "kind", "disposition", "object", "status",
                                       "message"])
