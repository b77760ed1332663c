"""What the plan is made from: the results of the stages below it, typed, so the plan (and the DMS
artifacts built on it) never reach into the Assessment façade."""

from __future__ import annotations

from dataclasses import dataclass

from migplan.engines import Engine
from migplan.inventory.inventory import Inventory
from migplan.matrix import Compatibility
from migplan.model.conversion import Conversion
from migplan.model.items import ActionItem
from migplan.model.stats import SourceFacts


@dataclass(frozen=True)
class PlanInput:
    source: Engine
    target: Engine
    compatibility: Compatibility
    inventory: Inventory
    conversion: Conversion
    items: tuple[ActionItem, ...]  # the active (not suppressed) action items
    objects: int  # storage and code objects, as the summary counts them
    hours: tuple[float, float]  # estimated manual effort, low and high
    facts: SourceFacts | None = None  # a live source's sizes and settings, when the schema was read from one

    @property
    def homogeneous(self) -> bool:
        return self.compatibility.verdict == "homogeneous"
