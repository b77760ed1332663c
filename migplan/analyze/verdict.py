"""Per-object verdicts and the SCT-style summary: automatically converted / simple / medium /
complex, as DMS Schema Conversion's reports say (aws_dms_sct.md §2.3); an object's category is its
worst item, and many small items add up."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from migplan.analyze.items import ActionItem

VERDICTS = ["automatic", "simple", "medium", "complex"]
_BY_EFFORT = {"none": "automatic", "simple": "simple", "medium": "medium", "significant": "complex"}
# Summed per-occurrence hours (high end) that push an object up a category.
MEDIUM_AT = 2.0
COMPLEX_AT = 8.0

# Work that is real but is not about converting the object: data movement with DMS, re-seeding at
# cutover, low-severity behaviour notes (CHAR padding). It counts in the effort, not in whether the
# object converted by itself.
NOT_CONVERSION = {"DMS readiness"}
NOT_CONVERSION_CODES = {"SEQ003"}

STORAGE = ("table", "index", "sequence", "synonym", "type", "domain")
CODE = ("view", "materialized view", "procedure", "function", "package", "package body", "trigger", "type body")


@dataclass
class Verdict:
    verdict: str
    hours_low: float
    hours_high: float
    items: int


def object_verdicts(items: list[ActionItem]) -> dict[tuple[str, str], Verdict]:
    """(kind, qualified name) -> conversion verdict, from active, non-info conversion items."""
    by_obj: dict[tuple[str, str], list[ActionItem]] = defaultdict(list)
    for i in items:
        if not i.suppressed:
            by_obj[(i.kind, i.object)].append(i)
    out = {}
    for key, its in by_obj.items():
        real = [i for i in its if i.severity != "info" and i.effort != "none" and i.category not in NOT_CONVERSION
                and i.code not in NOT_CONVERSION_CODES
                and not (i.category == "functional differences" and i.severity == "low")]
        verdict = "automatic"
        for i in real:
            v = _BY_EFFORT[i.effort]
            if VERDICTS.index(v) > VERDICTS.index(verdict):
                verdict = v
        low = sum(i.hours_low for i in real)
        high = sum(i.hours_high for i in real)
        if real and high > COMPLEX_AT:
            verdict = "complex"
        elif real and high > MEDIUM_AT and VERDICTS.index(verdict) < VERDICTS.index("medium"):
            verdict = "medium"
        out[key] = Verdict(verdict, low, high, len(real))
    return out


def verdict_of(verdicts: dict, kind: str, qname: str) -> Verdict:
    return verdicts.get((kind, qname), Verdict("automatic", 0.0, 0.0, 0))
