"""What the HTML and Markdown reports say, computed once from an Assessment: the executive summary
(pair, what converts, effort, verification, top blockers, what to do first), action items grouped by
code, objects, and the counts behind the charts. Both renderers read only this and the Assessment,
so the two reports tell the same story. Everything is sorted: same input, same report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from migplan.analyze.items import SEVERITY_ORDER, ActionItem, CodeGroup, counted
from migplan.analyze.verdict import CODE, STORAGE, VERDICTS

BLOCKING = ("critical", "high")
MAX_BLOCKERS = 10
GROUP_TITLES = {"storage": "Storage objects", "code": "Code objects"}


@dataclass
class Step:
    """One entry of "what to do first": a short title (linked to ``anchor`` in the report), detail."""

    title: str
    detail: str = ""
    anchor: str | None = None
    objects: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return f"{self.title}{self.detail}"


@dataclass
class Digest:
    title: str
    source: str
    target: str
    source_display: str
    target_display: str
    verdict: str
    path: str
    summary: dict
    groups: dict[str, dict[str, int]]
    other_kinds: dict[str, int]
    not_converted: dict[str, int]
    codes: list[CodeGroup]
    suppressed: list[ActionItem]
    blockers: list[CodeGroup]
    blockers_left: int
    first: list[Step]
    verification: dict | None
    severity_counts: dict[str, int]
    category_counts: dict[str, int]
    verdict_by_kind: dict[str, dict[str, int]]
    effort_by_schema: list[tuple[str, float, float]]
    rows: list[dict]

    def percent(self, group: str, verdict: str = "automatic") -> str:
        """"57.9%", or "n/a" for a group without objects (Summary counts an empty group as 100%)."""
        counts = self.groups[group]
        total = sum(counts.values())
        return f"{100.0 * counts[verdict] / total:.1f}%" if total else "n/a"


def digest(a) -> Digest:
    s = a.summary()
    d = s.to_dict()
    rows = a.objects.rows()
    kinds_in_summary = set(STORAGE) | set(CODE)
    other: dict[str, int] = {}
    not_conv: dict[str, int] = {}
    for r in rows:
        if r["kind"] not in kinds_in_summary:
            other[r["kind"]] = other.get(r["kind"], 0) + 1
        elif not r["converted"]:
            not_conv[r["kind"]] = not_conv.get(r["kind"], 0) + 1
    codes = a.action_items.rollup(a.config)
    blocking = [g for g in codes if g.severity in BLOCKING]
    if not blocking:  # nothing blocks: the worst there is, so the first screen still says what matters
        worst = [g for g in codes if g.severity != "info"]
        blocking = [g for g in worst if worst and g.severity == worst[0].severity]
    blockers = blocking[:MAX_BLOCKERS]
    ver = None
    if a.verification is not None:
        ver = a.verification.summary()
        ver.pop("seconds", None)  # timings change from run to run
    dg = Digest(
        title=f"Migration assessment: {a.source.display} → {a.target.display}",
        source=a.source.name, target=a.target.name, source_display=a.source.display,
        target_display=a.target.display, verdict=a.compatibility.verdict,
        path=a.compatibility.recommended_path, summary=d, groups=s.by_group,
        other_kinds=dict(sorted(other.items())), not_converted=_by_kind_order(not_conv),
        codes=codes, suppressed=[i for i in a.action_items.items if i.suppressed],
        blockers=blockers, blockers_left=len(blocking) - len(blockers), first=[], verification=ver,
        severity_counts=_severity_counts(a), category_counts=_category_counts(a),
        verdict_by_kind=_verdict_by_kind(rows), effort_by_schema=_effort_by_schema(a, codes), rows=rows,
    )
    dg.first = _first_steps(a, dg, blocking)
    return dg


def _severity_counts(a) -> dict[str, int]:
    out = {s: 0 for s in SEVERITY_ORDER}
    for i in a.action_items.active():
        out[i.severity] = out.get(i.severity, 0) + 1
    return out


def _category_counts(a) -> dict[str, int]:
    out: dict[str, int] = {}
    for i in a.action_items.active():
        out[i.category] = out.get(i.category, 0) + 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1], kv[0])))


T = TypeVar("T")


def _by_kind_order(counts: dict[str, T]) -> dict[str, T]:
    order = list(STORAGE) + list(CODE)
    return dict(sorted(counts.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else 99, kv[0])))


def _verdict_by_kind(rows: list[dict]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        if r["kind"] in STORAGE or r["kind"] in CODE:
            out.setdefault(r["kind"], {v: 0 for v in VERDICTS})[r["verdict"]] += 1
    return _by_kind_order(out)


def _effort_by_schema(a, codes: list[CodeGroup]) -> list[tuple[str, float, float]]:
    """(schema, low, high) per schema of the items' objects, then one-time learning: sums to the total."""
    schema_of = {(o.kind, o.qname): o.schema for o in a.inventory.objects}
    out: dict[str, list[float]] = {}
    for g in codes:
        for i in g.items:
            if not counted(i):
                continue
            schema = schema_of.get((i.kind, i.object))
            if schema is None and (i.kind, i.object) not in schema_of and "." in i.object:
                schema = i.object.rsplit(".", 1)[0]
            h = out.setdefault(schema or "(no schema)", [0.0, 0.0])
            h[0] += i.hours_low
            h[1] += i.hours_high
    rows = sorted(((k, lo, hi) for k, (lo, hi) in out.items()), key=lambda r: (-r[2], r[0]))
    learning = sum(g.learning for g in codes)
    if learning:
        rows.append(("learning, once per code", learning, learning))
    return rows


def _first_steps(a, dg: Digest, blocking: list[CodeGroup]) -> list[Step]:
    """A short ordered list: blocking items, what the engine rejected, held-back DDL, then the plan."""
    out: list[Step] = []
    real = [g for g in blocking if g.severity in BLOCKING]
    for g in real[:3]:
        out.append(Step(f"Resolve {g.code} {g.name}", f" ({g.severity}, {_n(g.occurrences, 'occurrence')}): "
                        f"{g.summary or g.items[0].message}", f"code-{anchor(g.code)}", g.objects))
    if real[3:]:
        out.append(Step(f"Then the other {_n(len(real) - 3, 'blocking code')}",
                        ": " + ", ".join(g.code for g in real[3:]), "items"))
    ver = a.verification
    if ver is not None:
        rejected = sorted(k.split(":", 1)[1] for k, ov in ver.by_object.items()
                          if ov.status in ("rejected", "missing", "differs"))
        if rejected:
            out.append(Step(f"Fix the {_n(len(rejected), 'object')} {ver.engine} rejected or built differently",
                            "", "objects", rejected))
    elif a.compatibility.verify_engine:
        out.append(Step("Run the verification", f" (a.verify() or migplan assess --verify) to have "
                        f"{a.compatibility.verify_engine} check the converted DDL"))
    plan = a.plan
    if plan.held:
        what = "the held-back view or routine needs" if len(plan.held) == 1 else \
            f"the {len(plan.held)} held-back views and routines need"
        out.append(Step(f"Convert what {what}", ", then run " + ("its" if len(plan.held) == 1 else "their") + " DDL",
                        "held", sorted(k.split(":", 1)[1] for k in plan.held)))
    nxt = None
    for st in plan.steps:
        if st.phase == "prerequisites":
            if st.number == "1.1":  # the blocking items above
                continue
            cdc = any("cdc_readiness" in n for n in st.notes)
            out.append(Step(f"{st.number} {st.title}", f": {_n(len(a.cdc.checks), 'check')} in the CDC readiness "
                            "checklist" if cdc else "", f"step-{anchor(st.number)}"))
        elif nxt is None:
            nxt = st
    if nxt is not None:
        run = f": run ddl/{nxt.ddl_file} ({_n(len(nxt.sql), 'statement')})" if nxt.ddl_file and nxt.sql else ""
        out.append(Step(f"{nxt.number} {nxt.title}", run, f"step-{anchor(nxt.number)}"))
    return out


def anchor(text: str) -> str:
    """A safe id fragment for codes and step numbers (they are ours, but ids must never break out)."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in text)


def _n(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def kinds_text(counts: dict[str, int]) -> str:
    """{"synonym": 2, "package body": 1} -> "2 synonyms, 1 package body"."""
    return ", ".join(f"{n} {plural_kind(k) if n != 1 else k}" for k, n in counts.items())


def plural_kind(kind: str) -> str:
    return kind[:-1] + "ies" if kind.endswith("y") and not kind.endswith(("ay", "ey", "oy")) else kind + "s"


def hours(low: float, high: float, unit: str = " h") -> str:
    return f"{num(low)}{unit}" if num(low) == num(high) else f"{num(low)}–{num(high)}{unit}"


def num(x: float, digits: int = 2) -> str:
    """A number with at most ``digits`` decimals and no trailing zeros (114.2, 286, 0.25)."""
    return f"{x:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{x:.0f}"
