"""The replication instance's class and storage from the sizes the plan knows, each with its reason.

AWS publishes no formula (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.SizingReplicationInstance.html):
these are the kit's rules, said as such, on the facts the DMS pages give. C instances for
conversion-heavy loads, R instances where memory holds LOBs or cached changes (CDC)
(https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.Types.html); storage
holds the task logs and the changes cached while the full load runs, which spill to disk when
memory runs out.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

TYPES_PAGE = "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.Types.html"
SIZING_PAGE = "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.SizingReplicationInstance.html"
# total GB to load -> class (conversion-heavy: C); R replaces C for LOBs and CDC
CLASSES = [(50, "dms.c5.large"), (500, "dms.c5.xlarge"), (2000, "dms.c5.2xlarge"), (10 ** 9, "dms.c5.4xlarge")]
DEFAULT_STORAGE_GB = 100  # what the template proposed before any size was known
STORAGE_STEP_GB = 50
MAX_STORAGE_GB = 6144  # AllocatedStorage's maximum
CACHE_MARGIN = 2  # cached changes may be held twice (sorter and swap files): the kit's margin


@dataclass
class Sizing:
    instance_class: str
    storage_gb: int
    reasons: list[str] = field(default_factory=list)


def size_instance(tables, migration_type: str, has_lobs: bool, largest_lob_bytes: int | None,
                  load_minutes: float | None, change_gb_per_hour: float | None) -> Sizing:
    """``tables``: the plan's LoadTables; ``load_minutes``: the estimated full load; the change rate
    of the source when known (measured on a live source, or given)."""
    known = [t.stats.bytes for t in tables if t.stats.bytes is not None]
    total_gb = sum(known) / 1024 ** 3
    cls = next(c for limit, c in CLASSES if total_gb <= limit)
    reasons = []
    if known:
        reasons.append(f"{total_gb:,.1f} GB to load in {len(known)} of {len(tables)} tables: {cls.split('.', 1)[1]} "
                       f"size (up to {next(limit for limit, c in CLASSES if c == cls):,} GB in the kit's steps)")
    else:
        reasons.append("no table sizes: the smallest step; give table_stats or read the live source to size it")
    why_r = []
    if has_lobs:
        why_r.append("LOB columns" + (f" (largest value {_human(largest_lob_bytes)})" if largest_lob_bytes else ""))
    if migration_type != "full-load":
        why_r.append("changes cached during the load (CDC)")
    if why_r:
        cls = cls.replace(".c5.", ".r5.")
        reasons.append(f"memory-optimized R class for {' and '.join(why_r)} ({TYPES_PAGE})")
    else:
        reasons.append(f"compute-optimized C class for a conversion-heavy full load ({TYPES_PAGE})")
    storage = DEFAULT_STORAGE_GB
    if migration_type != "full-load" and change_gb_per_hour is not None and load_minutes is not None:
        cached = change_gb_per_hour * load_minutes / 60
        need = math.ceil(CACHE_MARGIN * cached / STORAGE_STEP_GB) * STORAGE_STEP_GB
        storage = min(MAX_STORAGE_GB, max(DEFAULT_STORAGE_GB, need))
        reasons.append(f"storage {storage} GB: {change_gb_per_hour:,.2f} GB/h of changes x {load_minutes / 60:,.1f} h "
                       f"of full load = {cached:,.1f} GB cached, x{CACHE_MARGIN} margin, at least "
                       f"{DEFAULT_STORAGE_GB} GB ({SIZING_PAGE})")
    elif migration_type != "full-load":
        missing = "the change rate" if change_gb_per_hour is None else "the load duration (table sizes)"
        reasons.append(f"storage {storage} GB, the default: {missing} is not known, so the changes cached during "
                       f"the full load cannot be sized ({SIZING_PAGE})")
    else:
        reasons.append(f"storage {storage} GB: a full load caches no changes ({SIZING_PAGE})")
    return Sizing(cls, storage, reasons)


def _human(n: int) -> str:
    for unit, size in (("GB", 1024 ** 3), ("MB", 1024 ** 2), ("KB", 1024)):
        if n >= size:
            return f"{n / size:,.1f} {unit}"
    return f"{n} bytes"
