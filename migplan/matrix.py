"""The compatibility matrix: can SCT convert this source to this target, can DMS move the data,
and what to do instead when neither can.

The facts live in ``migplan/data/matrix.toml`` (documented pairs) and ``engines.toml`` (DMS
endpoints, engine families). This module adds what data can't say: the verdict rules, the
alternatives for pairs that don't work, and the tables (DataFrame, pivot, Markdown).

    >>> check("oracle", "aurora-postgresql").verdict
    'heterogeneous'
"""

from __future__ import annotations

import html
import tomllib
from dataclasses import asdict, dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import pandas as pd

from migplan import citations, engines
from migplan.engines import Engine

# What the rest of the kit acts on; `migplan assess` stops on "unsupported" unless --force.
VERDICTS = ("heterogeneous", "homogeneous", "data-only", "unsupported")
COLOURS = {"heterogeneous": "#cfe2ff", "homogeneous": "#d1e7dd", "data-only": "#fff3cd",
           "unsupported": "#f8d7da"}
MAX_TWO_STEP = 3  # more two-step routes than this is noise, not advice


@dataclass(frozen=True)
class Compatibility:
    source: str
    target: str
    verdict: str
    sct: bool | str  # True, False or "assessment-only"
    dms_sc: bool
    dms_source: bool
    dms_target: bool
    homogeneous: bool
    sqlglot_read: str | None
    sqlglot_write: str | None
    verify_engine: str | None
    recommended_path: str
    path: str = "none"  # key of [paths] in matrix.toml; its short label is `path_label`
    kind: str = ""
    documented: bool = False  # a [[pair]] row exists in matrix.toml
    sct_2019: bool = False
    sct_current: bool = False
    notes: list[str] = field(default_factory=list)
    alternatives: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def dms(self) -> bool:
        """DMS can move the data (it reads the source and writes the target)."""
        return self.dms_source and self.dms_target

    @property
    def path_label(self) -> str:
        return _data()["paths"][self.path][0]

    def to_dict(self) -> dict:
        return asdict(self)

    def explain(self) -> str:
        s, t = engines.get(self.source), engines.get(self.target)
        lines = [
            f"{self.source} → {self.target}: {self.verdict}",
            f"{s.display} → {t.display}.",
            (f"SCT: {yes_no(self.sct)} (2019 table: {yes_no(self.sct_2019)}; newest list: "
             f"{yes_no(self.sct_current)}). DMS Schema Conversion: {yes_no(self.dms_sc)}."),
            (f"DMS data movement: {yes_no(self.dms)} (reads {self.source}: {yes_no(self.dms_source)}; "
             f"writes {self.target}: {yes_no(self.dms_target)})."),
            f"Path: {self.recommended_path}",
            (f"DDL: read with sqlglot {_dialect(self.sqlglot_read)}, write {_dialect(self.sqlglot_write)}; "
             f"verify on {self.verify_engine or 'no local engine'}."),
        ]
        for title, items in self._lists():
            if items:
                lines.append(f"{title}:")
                lines += [f"  - {item}" for item in items]
        return "\n".join(lines)

    __str__ = explain

    def _lists(self) -> list[tuple[str, list[str]]]:
        return [("Notes", self.notes), ("Alternatives", self.alternatives), ("Sources", self.sources)]

    def _repr_html_(self) -> str:
        e = html.escape
        badge = (f'<span style="background:{COLOURS[self.verdict]};padding:0 .4em;border-radius:3px">'
                 f"{e(self.verdict)}</span>")
        facts = [("SCT", yes_no(self.sct)), ("DMS Schema Conversion", yes_no(self.dms_sc)),
                 ("DMS moves the data", yes_no(self.dms)), ("in 2019 table", yes_no(self.sct_2019)),
                 ("in newest list", yes_no(self.sct_current)),
                 ("sqlglot", f"{_dialect(self.sqlglot_read)} → {_dialect(self.sqlglot_write)}"),
                 ("verify on", self.verify_engine or "-")]
        cell = "style='text-align:left'"
        rows = "".join(f"<tr><th {cell}>{e(k)}</th><td {cell}>{e(v)}</td></tr>" for k, v in facts)
        parts = [f"<p><b>{e(self.source)} → {e(self.target)}</b> {badge}</p>", f"<table>{rows}</table>",
                 f"<p><b>Path:</b> {e(self.recommended_path)}</p>"]
        for title, items in self._lists():
            if items:
                parts.append(f"<p><b>{title}</b></p><ul>{''.join(f'<li>{e(i)}</li>' for i in items)}</ul>")
        return "<div>" + "".join(parts) + "</div>"


def _dialect(name: str | None) -> str:
    # engines.toml: "" is sqlglot's ANSI default, absent means the engine has no SQL DDL
    return "(no SQL)" if name is None else (repr(name) if name else "(ANSI default)")


def yes_no(value: bool | str) -> str:
    if isinstance(value, str):
        return value.replace("-", " ")
    return "yes" if value else "no"


# ------------------------------------------------------------------ data


@lru_cache(maxsize=1)
def _data() -> dict:
    raw = tomllib.loads(resources.files("migplan.data").joinpath("matrix.toml").read_text("utf-8"))
    docs = {key: cite if year == "undated" else f"{cite} ({year})"
            for key, (cite, year) in raw["documents"].items()}
    rows: dict[tuple[str, str], dict] = {}
    for row in raw["pair"]:
        key = (row["source"], row["target"])
        for name in key:  # rows must use canonical names, so lookups by name are exact
            if engines.get(name).name != name:
                raise ValueError(f"matrix.toml: {name!r} is an alias; use {engines.get(name).name!r}")
        if key in rows:
            raise ValueError(f"matrix.toml: pair {key} listed twice")
        if row["sct"] not in (True, False, "assessment-only"):
            raise ValueError(f"matrix.toml: {key} sct must be true, false or 'assessment-only'")
        unknown = [d for d in row["sources"] if d not in docs]
        if unknown or row.get("path", "none") not in raw["paths"]:
            raise ValueError(f"matrix.toml: {key} cites unknown documents {unknown} "
                             f"or an unknown path {row.get('path')!r}")
        rows[key] = row
    for target, row in raw.get("dms_target_sources", {}).items():
        if set(row) != {"sources", "cite"} or row["cite"] not in docs:
            raise ValueError(f"matrix.toml: dms_target_sources.{target} needs exactly sources and a known cite")
        for name in [target, *row["sources"]]:
            if engines.get(name).name != name:
                raise ValueError(f"matrix.toml: {name!r} is an alias; use {engines.get(name).name!r}")
    return {"rows": rows, "docs": docs, "paths": raw["paths"], "tools": raw.get("tool", []),
            "dms_target_sources": raw.get("dms_target_sources", {}),
            "source_as": raw.get("source_as", {}),
            "dms_homogeneous": raw["homogeneous"]["dms_homogeneous_families"]}


def sources() -> list[str]:
    """Engines that can be the source of a move: SCT sources and DMS sources, registry order."""
    named = {s for s, _ in _data()["rows"]}
    return [e.name for e in engines.all_engines() if e.name in named or e.dms_source]


def targets() -> list[str]:
    """Engines that can be the target of a move: SCT targets and DMS targets, registry order."""
    named = {t for _, t in _data()["rows"]}
    return [e.name for e in engines.all_engines() if e.name in named or e.dms_target]


# ------------------------------------------------------------------ verdicts


def dms_writes(s: Engine, t: Engine) -> bool:
    """DMS writes target ``t`` when the source is ``s`` (some targets take only some sources)."""
    limited = _data()["dms_target_sources"].get(t.name)
    return t.dms_target and (limited is None or s.name in limited["sources"])


def _converts(row: dict | None) -> bool:
    return row is not None and (row["sct"] is not False or row["dms_sc"])


@cache
def _verdict(source: str, target: str) -> tuple[str, bool]:
    """(verdict, homogeneous) for canonical names; cached because alternatives ask a lot."""
    s, t = engines.get(source), engines.get(target)
    row = _data()["rows"].get((source, target))
    # Same family *and* dialect: Babelfish is PostgreSQL underneath but takes T-SQL, so not homogeneous.
    same = s.family == t.family and s.sqlglot == t.sqlglot
    homogeneous = row.get("homogeneous", same) if row else same
    if homogeneous:
        return "homogeneous", True
    if _converts(row):
        return "heterogeneous", False
    if s.dms_source and dms_writes(s, t):
        return "data-only", False
    return "unsupported", False


def _path(verdict: str, s: Engine, t: Engine, row: dict | None) -> str:
    if row and "path" in row:
        return row["path"]
    if verdict == "homogeneous":
        return "native"
    if verdict == "heterogeneous" and row is not None:
        if row["sct"] == "assessment-only":
            return "sct-assessment-dms"
        if row["sct"] is False:
            return "dms-sc-dms"
        return "sct-dms" if s.dms_source and dms_writes(s, t) else "sct-agents"
    return "data-only" if verdict == "data-only" else "none"


def _row_path(source: str, target: str) -> str:
    row = _data()["rows"].get((source, target))
    return _path(_verdict(source, target)[0], engines.get(source), engines.get(target), row)


def check(source: str | Engine, target: str | Engine) -> Compatibility:
    """The verdict for one move; names and aliases resolve through the engine registry."""
    s, t = engines.get(source), engines.get(target)
    data = _data()
    row = data["rows"].get((s.name, t.name))
    verdict, homogeneous = _verdict(s.name, t.name)
    path = _row_path(s.name, t.name)
    notes = list(row.get("notes", [])) if row else []
    cites = list(row["sources"]) if row else []
    notes += _derived_notes(verdict, s, t, row, cites)
    notes = [citations.strip_refs(n) for n in notes]  # the pages are in `sources`
    alternatives = _alternatives(s, t, cites) if verdict in ("data-only", "unsupported") else []
    cites.append("dms")  # the DMS flags always come from engines.toml, i.e. from §1.3
    return Compatibility(
        source=s.name, target=t.name, verdict=verdict,
        sct=row["sct"] if row else False, dms_sc=row["dms_sc"] if row else False,
        dms_source=s.dms_source, dms_target=dms_writes(s, t), homogeneous=homogeneous,
        sqlglot_read=s.sqlglot, sqlglot_write=t.sqlglot, verify_engine=t.verify_engine,
        recommended_path=data["paths"][path][1], path=path,
        kind=row["kind"] if row else (s.kind if s.kind == t.kind else "mixed"),
        documented=row is not None,
        sct_2019=row["sct_2019"] if row else False, sct_current=row["sct_current"] if row else False,
        notes=notes, alternatives=alternatives, sources=[data["docs"][k] for k in dict.fromkeys(cites)],
    )


def _derived_notes(verdict: str, s: Engine, t: Engine, row: dict | None, cites: list[str]) -> list[str]:
    notes = []
    if verdict == "homogeneous" and not row:
        notes.append(f"Same engine family ({s.family}) and SQL dialect: move the schema with the engine's "
                     "own tools; SCT is not needed (aws_dms_sct.md §1.4).")
        cites.append("homogeneous")
    if verdict == "homogeneous" and s.family in _data()["dms_homogeneous"] and s.dms_source and dms_writes(s, t):
        notes.append("DMS homogeneous data migrations (native tools, serverless) cover this engine family; "
                     "the target version must be at least the source version (aws_dms_sct.md §1.4).")
        cites.append("homogeneous")
    if verdict in ("data-only", "unsupported") and not row:
        notes.append(f"Neither SCT list nor DMS Schema Conversion has a pair {s.name} → {t.name} "
                     "(aws_dms_sct.md §1.1, §1.2, §9.1).")
        cites += ["sct-oltp", "sct-diff", "dms-sc"]
    if verdict == "data-only":
        notes.append(f"DMS reads {s.name} and writes {t.name} (aws_dms_sct.md §1.3), so DMS can move the "
                     "data; converting the schema is on you.")
    limited = _data()["dms_target_sources"].get(t.name)
    if t.dms_target and not dms_writes(s, t):
        notes.append(f"DMS writes {t.name} only from {', '.join(limited['sources'])} "
                     f"({_data()['docs'][limited['cite']]}).")
        cites.append(limited["cite"])
    if verdict == "unsupported":
        write = f"write {t.name}" + (f" from {s.name}" if t.dms_target else "")
        cannot = [f"read {s.name}"] * (not s.dms_source) + [write] * (not dms_writes(s, t))
        notes.append(f"DMS cannot {' or '.join(cannot)} (aws_dms_sct.md §1.3).")
        # Say how data leaves a source DMS can't read, when the data knows (SCT's agents).
        agents = [tg for (sr, tg) in _data()["rows"] if sr == s.name and _row_path(sr, tg) == "sct-agents"]
        if agents:
            notes.append(f"Data leaves {s.name} only through SCT's data extraction agents, for the targets "
                         f"SCT converts it to ({', '.join(agents)}) (peers.md §1.3).")
            cites.append("sct-agents")
    return notes


def _alternatives(s: Engine, t: Engine, cites: list[str]) -> list[str]:
    data, out = _data(), []
    # 1. SCT may read the source as another engine it does list (Oracle DW as Oracle...).
    if s.name in data["source_as"]:
        other, why = data["source_as"][s.name]
        v = _verdict(other, t.name)[0]
        if v in ("heterogeneous", "homogeneous"):
            out.append(f"Treat the source as {other}: {other} → {t.name} is {v} ({why}).")
    # 2. A different target that SCT converts this source to.
    converted = [tg for (sr, tg), row in data["rows"].items()
                 if sr == s.name and tg != t.name and _converts(row)]
    if converted:
        out.append(f"A different target: SCT converts {s.name} to {', '.join(_ordered(converted))}.")
    # 3. Two steps through an engine both legs can handle (schema converted or native on each leg).
    good = ("heterogeneous", "homogeneous")
    steps = [x for x in targets() if x not in (s.name, t.name)
             and _verdict(s.name, x)[0] in good and _verdict(x, t.name)[0] in good]
    for x in steps[:MAX_TWO_STEP]:
        out.append(f"Two steps: {s.name} → {x} ({_verdict(s.name, x)[0]}), then {x} → {t.name} "
                   f"({_verdict(x, t.name)[0]}).")
    # 4. Other tools the reference names for this pair.
    for tool in data["tools"]:
        if s.name in tool["sources"] and t.name in tool["targets"]:
            out.append(f"{tool['name']} {tool['does']} ({data['docs'][tool['cite']]}).")
            cites.append(tool["cite"])
    return out


def _ordered(names: list[str]) -> list[str]:
    order = {n: i for i, n in enumerate(engines.names())}
    return sorted(names, key=order.__getitem__)


# ------------------------------------------------------------------ tables


def pairs(source: str | None = None, target: str | None = None,
          documented_only: bool = False) -> list[Compatibility]:
    """Every source × target combination (filtered), sources then targets in registry order.

    With ``documented_only`` only the pairs matrix.toml lists: the README's supported-pairs table.
    """
    srcs = [engines.get(source).name] if source else sources()
    tgts = [engines.get(target).name] if target else targets()
    rows = _data()["rows"]
    return [check(s, t) for s in srcs for t in tgts if not documented_only or (s, t) in rows]


COLUMNS = ["source", "target", "verdict", "path", "sct", "dms_sc", "dms_source", "dms_target", "homogeneous",
           "documented", "sct_2019", "sct_current", "kind", "sqlglot_read", "sqlglot_write", "verify_engine",
           "recommended_path", "notes", "alternatives", "sources"]


def flat(c: Compatibility) -> dict:
    """One pair as a flat row (lists joined with ' | '), for DataFrames and CSV."""
    d = c.to_dict()
    d["path"] = c.path_label
    for key in ("notes", "alternatives", "sources"):
        d[key] = " | ".join(d[key])
    return {k: d[k] for k in COLUMNS}


def frame(source: str | None = None, target: str | None = None,
          documented_only: bool = False) -> pd.DataFrame:
    """The long table: one row per pair, verdict as an ordered category."""
    df = pd.DataFrame([flat(c) for c in pairs(source, target, documented_only)], columns=COLUMNS)
    df["verdict"] = pd.Categorical(df["verdict"], categories=list(VERDICTS), ordered=True)
    return df


def pivot() -> pd.DataFrame:
    """Sources × targets, each cell a verdict string."""
    df = frame()
    table = df.pivot(index="source", columns="target", values="verdict").astype(str)
    return table.reindex(index=sources(), columns=targets()).rename_axis(index="source", columns="target")


def styled(df: pd.DataFrame | None = None) -> Any:  # a pandas Styler
    """Colour every verdict cell (default: the pivot); fixed uuid keeps the HTML identical run to run.
    Needs jinja2 (pandas' Styler), which the notebook extra installs."""
    from pandas.io.formats.style import Styler

    class MatrixStyler(Styler):
        """A Styler whose plain-text repr is the table, not a memory address: stable notebook outputs."""

        def __repr__(self) -> str:
            return self.data.to_string()

    caption = "SCT / DMS verdict per source (rows) → target (columns)" if df is None else None
    df = pivot() if df is None else df
    return MatrixStyler(df, uuid="migplan_matrix", cell_ids=False, caption=caption).map(
        lambda v: f"background-color: {COLOURS[v]}" if v in COLOURS else "")


def markdown_table(selection: list[Compatibility] | None = None) -> str:
    """A Markdown table of pairs; by default the documented ones (the README's supported-pairs table)."""
    selection = pairs(documented_only=True) if selection is None else selection
    head = ["Source", "Target", "Verdict", "SCT", "DMS SC", "DMS data", "2019 table", "Newest list", "Path"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for c in selection:
        cells = [f"`{c.source}`", f"`{c.target}`", c.verdict, yes_no(c.sct), yes_no(c.dms_sc), yes_no(c.dms),
                 yes_no(c.sct_2019), yes_no(c.sct_current), c.path_label]
        lines.append("| " + " | ".join(x.replace("|", "\\|") for x in cells) + " |")
    return "\n".join(lines) + "\n"
