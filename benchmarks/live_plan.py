"""The plan of one sample with and without the live source's statistics.

Loads the clinic sample (PostgreSQL) with its rows and generated ones into the embedded PostgreSQL,
then plans clinic -> Aurora MySQL twice: from the scripts (no sizes) and from the live database
(rows, sizes, largest LOB values, key ranges, CDC settings). Prints waves, load order, LOB settings
and the replication instance, before and after.

    python benchmarks/live_plan.py [--rows 200000] [--lob-mb 8] [--fks-during-load]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import migplan  # noqa: E402
from migplan.verify.engines import LocalPostgres, shutdown  # noqa: E402
from tests.live_samples import load_clinic  # noqa: E402


def describe(title: str, a) -> list[str]:
    plan = a.plan
    settings = a.dms.task_settings()["TargetMetadata"]
    sizing = plan.instance_sizing(a.dms.lob_max_kb is not None)
    out = [f"### {title}", ""]
    for w in plan.waves:
        top = ", ".join(f"{t.qname}" + (f" ({t.stats.bytes / 1024 ** 2:.1f} MB)" if t.stats.bytes else "")
                        for t in w.tables[:4])
        est = f"{w.minutes} min" if w.minutes is not None else "no estimate (no sizes)"
        out.append(f"- wave {w.number}: {len(w.tables)} tables, {est}; starts with {top}")
    step = next(s for s in plan.steps if s.number == "3.1")
    out.append(f"- load order: {next(n for n in step.notes if 'load-order' in n).split(' (https')[0]}")
    rules = a.dms.table_mappings()["rules"]
    lob_rules = {r["object-locator"]["table-name"]: r["lob-settings"]["bulk-max-size"]
                 for r in rules if r.get("rule-type") == "table-settings" and "lob-settings" in r}
    out.append(f"- LobMaxSize {settings['LobMaxSize']} KB; per-table bulk-max-size: "
               + ", ".join(f"{t} {kb} KB" for t, kb in sorted(lob_rules.items())))
    parallel = [(t.qname, t.parallel["type"]) for t in plan.tables if t.parallel]
    out.append(f"- parallel load: {', '.join(f'{q} {p}' for q, p in parallel) or 'none'}")
    out.append(f"- replication instance: {sizing.instance_class}, {sizing.storage_gb} GB")
    out += [f"  - {r}" for r in sizing.reasons]
    if a.cdc.live_checks:
        failed = [c["name"] for c in a.cdc.live_checks if c["status"] == "failed"]
        out.append(f"- CDC: {len(a.cdc.live_checks) - len(failed)} checks passed, {len(failed)} failed: "
                   + "; ".join(failed))
    else:
        out.append(f"- CDC: a checklist of {len(a.cdc.checks)} prerequisites (nothing checked)")
    return out + [""]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=200_000, help="generated rows in clinic.audit_log")
    ap.add_argument("--lob-mb", type=float, default=8, help="size of the largest generated LOB value, MB")
    ap.add_argument("--fks-during-load", action="store_true", help="waves by foreign keys (one task per wave)")
    args = ap.parse_args()
    options = {"fks_during_load": args.fks_during_load}
    try:
        dsn = load_clinic(LocalPostgres.shared().dsn, "clinic_plan", rows=args.rows, lob=int(args.lob_mb * 1024 ** 2))
        before = migplan.assess(ROOT / "sample_schemas/postgresql/clinic", "postgresql", "aurora-mysql", **options)
        after = migplan.assess(dsn, "postgresql", "aurora-mysql", **options)
        lines = [f"clinic -> Aurora MySQL, {args.rows:,} generated audit rows, largest LOB {args.lob_mb} MB", ""]
        lines += describe("Before: from the scripts", before)
        lines += describe(f"After: from the live source ({after.source_facts.server}, DDL by "
                          f"{after.source_facts.tool})", after)
        print("\n".join(lines))
    finally:
        shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
