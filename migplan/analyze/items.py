"""Action items: a finding with the rule's severity, effort, docs and the user's overrides applied."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from migplan.model.items import SEVERITY_ORDER, ActionItem

__all__ = ["SEVERITY_ORDER", "ActionItem", "ActionItems"]

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
        df["effort"] = pd.Categorical(df["effort"], categories=["none", "simple", "medium", "significant"],
                                      ordered=True)
        return df

    def summary_frame(self) -> pd.DataFrame:
        """One row per code: occurrences, severity, effort (learning + per occurrence)."""
        from migplan.analyze import actions

        rows = {}
        for i in self.active():
            r = rows.setdefault(i.code, {"code": i.code, "name": i.name, "severity": i.severity, "category": i.category,
                                         "occurrences": 0, "objects": set(), "effort": i.effort,
                                         "summary": actions.get(i.code).summary()})
            r["occurrences"] += 1
            r["objects"].add(i.object)
        out = []
        for r in rows.values():
            r["objects"] = len(r["objects"])
            out.append(r)
        df = pd.DataFrame(out, columns=["code", "name", "severity", "category", "occurrences", "objects", "effort",
                                        "summary"])
        df["severity"] = pd.Categorical(df["severity"], categories=SEVERITY_ORDER, ordered=True)
        return df.sort_values(["severity", "occurrences", "code"], ascending=[True, False, True]).reset_index(drop=True)

    def __repr__(self) -> str:
        active = self.active()
        by_sev = {s: sum(1 for i in active if i.severity == s) for s in SEVERITY_ORDER}
        counts = ", ".join(f"{n} {s}" for s, n in by_sev.items() if n)
        return (f"<ActionItems: {len(active)} active in {len(self.codes())} codes ({counts or 'none'}); "
                f"{len(self.items) - len(active)} suppressed>")

    def _repr_html_(self) -> str:  # pragma: no cover - notebook display
        return self.summary_frame().to_html(index=False)
