"""Action items: a finding with the rule's severity, effort, docs and the user's overrides applied."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from migplan.model.items import SEVERITY_ORDER, ActionItem

__all__ = ["EFFORT_ORDER", "SEVERITY_ORDER", "ActionItem", "ActionItems", "CodeGroup", "counted"]

EFFORT_ORDER = ["none", "simple", "medium", "significant"]


def counted(i: ActionItem) -> bool:
    """Items that add hours (the rule every total uses)."""
    return i.severity != "info" and i.effort != "none"


@dataclass
class CodeGroup:
    """One action-item code over all its active occurrences: the worst severity and effort among
    them (never the first one's, which would depend on object order), the learning hours counted
    once at the hardest occurrence's level, and the hours of every counted occurrence."""

    code: str
    name: str
    severity: str
    category: str
    effort: str
    summary: str
    items: list[ActionItem]
    learning: float = 0.0
    hours_low: float = 0.0  # learning + every counted occurrence
    hours_high: float = 0.0

    @property
    def occurrences(self) -> int:
        return len(self.items)

    @property
    def objects(self) -> list[str]:
        return sorted({i.object for i in self.items})

    @property
    def severity_rank(self) -> int:
        return SEVERITY_ORDER.index(self.severity) if self.severity in SEVERITY_ORDER else len(SEVERITY_ORDER)

@dataclass
class ActionItems:
    items: list[ActionItem] = field(default_factory=list)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def active(self) -> list[ActionItem]:
        return [i for i in self.items if not i.suppressed]

    def of(self, code: str) -> list[ActionItem]:
        return [i for i in self.items if i.code == code]

    def codes(self) -> list[str]:
        return sorted({i.code for i in self.active()})

    def frame(self, include_suppressed: bool = True) -> pd.DataFrame:
        rows = [{
            "code": i.code, "severity": i.severity, "category": i.category, "object": i.object, "kind": i.kind,
            "file": i.file, "line": i.line, "message": i.message, "fix": i.fix, "effort": i.effort,
            "hours_low": i.hours_low, "hours_high": i.hours_high, "suppressed": i.suppressed,
            "suppression": i.suppression or "", "predicted": i.predicted,
        } for i in self.items if include_suppressed or not i.suppressed]
        df = pd.DataFrame(rows, columns=["code", "severity", "category", "object", "kind", "file", "line", "message",
                                         "fix", "effort", "hours_low", "hours_high", "suppressed", "suppression",
                                         "predicted"])
        df["severity"] = pd.Categorical(df["severity"], categories=SEVERITY_ORDER, ordered=True)
        df["effort"] = pd.Categorical(df["effort"], categories=EFFORT_ORDER, ordered=True)
        return df

    def rollup(self, config=None) -> list[CodeGroup]:
        """One group per code over the active items, worst severity first (the one rollup every
        summary, report and the CLI use). ``config`` supplies the learning hours per effort level."""
        from migplan.analyze import actions

        groups: dict[str, CodeGroup] = {}
        for i in self.active():
            g = groups.get(i.code)
            if g is None:
                try:
                    summary = actions.get(i.code).summary()
                except KeyError:
                    summary = ""
                g = groups[i.code] = CodeGroup(i.code, i.name, i.severity, i.category, i.effort, summary, [])
            g.items.append(i)
            if SEVERITY_ORDER.index(i.severity) < SEVERITY_ORDER.index(g.severity):
                g.severity = i.severity
            if EFFORT_ORDER.index(i.effort) > EFFORT_ORDER.index(g.effort):
                g.effort = i.effort
            if config is not None and counted(i):
                g.learning = max(g.learning, config.effort[i.effort]["learning"])
        for g in groups.values():
            override = config.codes.get(g.code) if config is not None else None
            if override is not None and override.learning is not None and any(counted(i) for i in g.items):
                g.learning = override.learning
            per = [i for i in g.items if counted(i)]
            g.hours_low = g.learning + sum(i.hours_low for i in per)
            g.hours_high = g.learning + sum(i.hours_high for i in per)
        return sorted(groups.values(), key=lambda g: (g.severity_rank, -g.occurrences, g.code))

    def summary_frame(self) -> pd.DataFrame:
        """One row per code: occurrences, worst severity and effort among them, objects."""
        rows = [{"code": g.code, "name": g.name, "severity": g.severity, "category": g.category,
                 "occurrences": g.occurrences, "objects": len(g.objects), "effort": g.effort, "summary": g.summary}
                for g in self.rollup()]
        df = pd.DataFrame(rows, columns=["code", "name", "severity", "category", "occurrences", "objects", "effort",
                                         "summary"])
        df["severity"] = pd.Categorical(df["severity"], categories=SEVERITY_ORDER, ordered=True)
        return df

    def __repr__(self) -> str:
        active = self.active()
        by_sev = {s: sum(1 for i in active if i.severity == s) for s in SEVERITY_ORDER}
        counts = ", ".join(f"{n} {s}" for s, n in by_sev.items() if n)
        return (f"<ActionItems: {len(active)} active in {len(self.codes())} codes ({counts or 'none'}); "
                f"{len(self.items) - len(active)} suppressed>")

    def _repr_html_(self) -> str:  # pragma: no cover - notebook display
        return self.summary_frame().to_html(index=False)
