"""Action items: a finding with the rule's severity, effort and docs attached (analyze builds them)."""

from __future__ import annotations

from dataclasses import dataclass

SEVERITY_ORDER = ["critical", "high", "medium", "low", "info"]


@dataclass
class ActionItem:
    code: str
    name: str
    severity: str
    category: str
    object: str
    kind: str
    file: str
    line: int
    message: str
    fix: str
    effort: str  # none | simple | medium | significant
    hours_low: float
    hours_high: float
    source: str | None = None
    converted: str | None = None
    sub: str | None = None
    sct: tuple[str, ...] = ()
    dms: tuple[str, ...] = ()
    suppressed: bool = False
    suppression: str | None = None
    predicted: bool | None = None  # verification items: was the failure predicted by a static item?

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.file else ""
