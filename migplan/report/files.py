"""Output of an assessment: assessment.json (schema: migplan/data/assessment.schema.json),
action_items.csv, objects.csv, the converted DDL, and the reports for people (report.html,
report.md). Byte-identical for the same input: no clock, no absolute paths, stable ordering."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from migplan import outdir
from migplan.errors import InputError
from migplan.escape import write_csv
from migplan.quoting import line_comment
from migplan.version import __version__

ASSESSMENT_FORMAT = 1


def assessment_to_dict(a) -> dict:
    from dataclasses import asdict

    summary = a.summary()
    objects = []
    for row in a.objects.rows():
        objects.append({
            "kind": row["kind"], "schema": row["schema"], "name": row["name"],
            "qualified_name": row["qualified_name"], "file": row["file"], "line": row["line"],
            "parse_status": row["parse_status"], "verdict": row["verdict"], "converted": row["converted"],
            "target_name": row["target_name"], "action_items": row["codes"],
            # float(): an object whose items are all info sums to the int 0; keep one JSON type
            "effort_hours": {"low": round(float(row["hours_low"]), 2), "high": round(float(row["hours_high"]), 2)},
            "ddl": row["ddl"],
            "verification": None if row["verification"] is None else {
                "status": row["verification"], "message": row["verification_message"]},
        })
    items = [{
        "code": i.code, "name": i.name, "severity": i.severity, "category": i.category, "object": i.object,
        "kind": i.kind, "file": i.file, "line": i.line, "message": i.message, "fix": i.fix, "effort": i.effort,
        "hours_low": i.hours_low, "hours_high": i.hours_high, "source": i.source, "converted": i.converted,
        "suppressed": i.suppressed, "suppression": i.suppression, "predicted": i.predicted,
        "sct": list(i.sct), "dms": list(i.dms),
    } for i in a.action_items.items]
    compat = asdict(a.compatibility)
    ver = None
    if a.verification is not None:
        ver = a.verification.summary()
        ver.pop("seconds", None)  # timings change from run to run
    inv = a.inventory
    live = {}
    if a.source_facts is not None:  # never the DSN: the server, the tool and where the DDL was written
        f = a.source_facts
        live = {"live_source": {"server": f.server, "tool": f.tool, "ddl_file": f.ddl_file,
                                "tables_measured": len(f.stats), "notes": list(f.notes)}}
    return {
        "format": ASSESSMENT_FORMAT,
        "generator": f"migplan {__version__}",
        "pair": {"source": a.source.name, "target": a.target.name, "verdict": a.compatibility.verdict},
        "compatibility": compat,
        "summary": summary.to_dict(),
        "inventory": {"files": [{"path": f.path, "encoding": f.encoding, "statements": f.statements,
                                 "problems": list(f.problems)} for f in inv.files],
                      "statements": len(inv.statements),
                      "problems": [{"file": p.file, "line": p.line, "message": p.message, "code": p.code}
                                   for p in inv.problems]},
        "objects": objects,
        "action_items": items,
        "verification": ver,
        **live,
    }


def write_assessment(a, out: Path, formats: Iterable[str] | None = None) -> Path:
    """The output files (``formats``: names of ``FORMATS``, default all), written to a temporary folder
    that replaces ``out`` when complete (migplan.outdir: the files of the previous run go, the user's
    own files stay). Only what is asked for is computed: no GraphML for a run that wants the report."""
    chosen = check_formats(formats)
    with outdir.writing(out) as tmp:
        for name in FORMATS:
            if name in chosen:
                FORMATS[name][1](a, tmp)
    return out


def check_formats(formats: Iterable[str] | None) -> set[str]:
    if formats is None:
        return set(FORMATS)
    chosen = {f.strip().lower() for f in formats if f.strip()}
    unknown = sorted(chosen - set(FORMATS))
    if unknown or not chosen:
        raise InputError(f"unknown output format {', '.join(unknown) or '(none given)'}: use "
                         f"{', '.join(FORMATS)}")
    return chosen


def _write_json(a, out: Path) -> None:
    data = assessment_to_dict(a)
    (out / "assessment.json").write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_csv(a, out: Path) -> None:
    write_csv(a.action_items.frame(), out / "action_items.csv")
    write_csv(a.objects.frame(), out / "objects.csv")
    write_csv(a.plan.frame(), out / "plan.csv")


def _write_ddl(a, out: Path) -> None:
    if a.target.family == "dynamodb":  # no DDL: the tables as requests (dynamodb/), SCT's agent moves the data
        for name, text in a.dynamodb.files().items():
            path = out / "dynamodb" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return
    ddl = out / "ddl"
    ddl.mkdir(exist_ok=True)
    (ddl / "converted.sql").write_text(converted_script(a), encoding="utf-8")
    for name, text in a.plan.ddl_files().items():
        (ddl / name).write_text(text, encoding="utf-8")


def _write_plan(a, out: Path) -> None:
    (out / "plan.md").write_text(a.plan.runbook(), encoding="utf-8")


def _write_cdc(a, out: Path) -> None:
    if a.target.family == "dynamodb":  # DMS does not read Cassandra: no change capture
        return
    cdc = a.cdc
    (out / "cdc_readiness.md").write_text(cdc.markdown(), encoding="utf-8")
    (out / "cdc_source.sql").write_text(cdc.script(), encoding="utf-8")


def _write_dms(a, out: Path) -> None:
    if a.target.family == "dynamodb":  # no DMS task
        return
    dms = out / "dms"
    dms.mkdir(exist_ok=True)
    for name, text in a.dms.files().items():  # or only README.md saying which input is missing
        (dms / name).write_text(text, encoding="utf-8")
def _source_files(a, out: Path) -> None:
    """A live source's DDL and statistics, so that the run can be repeated offline:
    ``migplan assess out/source_ddl/X.sql --table-stats out/source_ddl/table_stats.csv``."""
    facts = a.source_facts
    if facts is None:
        return
    import pandas as pd

    from migplan.plan.load import STATS_COLUMNS, stats_rows

    path = out / facts.ddl_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(facts.ddl, encoding="utf-8")
    frame = pd.DataFrame(stats_rows(facts.stats), columns=list(STATS_COLUMNS)).astype(object)
    write_csv(frame.where(frame.notna(), None), path.parent / "table_stats.csv")


def _write_html(a, out: Path) -> None:
    """report.html: self-contained, for people."""
    from migplan.report.html import render_html

    (out / "report.html").write_text(render_html(a), encoding="utf-8")


def _write_md(a, out: Path) -> None:
    """report.md: the same content as Markdown."""
    from migplan.report.markdown import render_markdown

    (out / "report.md").write_text(render_markdown(a), encoding="utf-8")


def _json(path: Path, data) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_graph(a, out: Path) -> None:
    from migplan.plan.export import to_dot, to_graphml

    (out / "graph.graphml").write_text(to_graphml(a.graph), encoding="utf-8")
    (out / "graph.dot").write_text(to_dot(a.graph), encoding="utf-8")


# name -> (what it writes, the writer); `migplan assess --formats` and a.write(formats=...) pick from it
FORMATS: dict[str, tuple[str, Callable[[Any, Path], None]]] = {
    "json": ("assessment.json", _write_json),
    "csv": ("action_items.csv, objects.csv, plan.csv", _write_csv),
    "ddl": ("ddl/ (converted.sql and the phase files)", _write_ddl),
    "plan": ("plan.md (the runbook)", _write_plan),
    "cdc": ("cdc_readiness.md, cdc_source.sql", _write_cdc),
    "dms": ("dms/ (table mappings, task settings, CloudFormation)", _write_dms),
    "graph": ("graph.graphml, graph.dot", _write_graph),
    "source": ("source_ddl/ (a live source's DDL and statistics; nothing for scripts)", _source_files),
    "html": ("report.html", _write_html),
    "md": ("report.md", _write_md),
}


def converted_script(a) -> str:
    """Every converted statement in an order a target engine accepts, each object headed by where it came from."""
    from migplan.convert.order import application_order

    lines = [line_comment(f"migplan {__version__}: {a.source.display} -> {a.target.display}"),
             line_comment("Objects migplan did not convert are listed with their action items in assessment.json."),
             ""]
    origin = {c.key: c.source for c in a.conversion.objects}
    last = None
    for key, st in application_order(a.conversion):
        src = origin.get(key)
        if src is not None and key != last:
            lines.append(line_comment(f"{src.kind} {src.qname} ({src.location})"))
            last = key
        lines.append(st.sql + ";")
        lines.append("")
    return "\n".join(lines)
