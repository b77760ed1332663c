"""Procedural conversion on real engines: per schema, how many triggers and procedures/functions
migplan converts and the real target accepts (PostgreSQL with check_function_bodies on), and what
stopped the rest (the COD002 reasons, most frequent first).

    python benchmarks/procedural_conversion.py [--corpus ../shared/corpus] [--only NAME] [--reasons N]

Goals (issue "Converting procedural code"): triggers >= 80% and procedures/functions >= 60%
converted and accepted, 0 unpredicted verification failures; the rest carry a COD002 item at the
construct's line.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import migplan
from migplan.verify.engines import embedded_postgres_uri

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_schemas"

# (name, path relative to its root, source engine, target, corpus?)
SCHEMAS = [
    ("retail (sample)", "oracle/retail", "oracle", "aurora-postgresql", False),
    ("HR", "oracle/db-sample-schemas/human_resources", "oracle", "aurora-postgresql", True),
    ("CO", "oracle/db-sample-schemas/customer_orders", "oracle", "aurora-postgresql", True),
    ("Logger", "oracle/logger", "oracle", "aurora-postgresql", True),
    ("utPLSQL", "oracle/utplsql", "oracle", "aurora-postgresql", True),
]
TRIGGERS = ("trigger",)
ROUTINES = ("procedure", "function")


def _reason(message: str) -> str:
    """The construct of a COD002 message, without the object's own names (so reasons group)."""
    reason = message.split(": ", 1)[-1].split("; convert it", 1)[0]
    return re.sub(r"\b(of|on|for|exception|to|PRAGMA)\s+[\w.$#:()'\"]+", r"\1 …", reason)[:100]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--only")
    ap.add_argument("--reasons", type=int, default=5)
    args = ap.parse_args()
    dsn = embedded_postgres_uri()
    print(f"{'schema':<18} {'target':<18} {'triggers':>16} {'procs/funcs':>16} {'unpredicted':>11}")
    reasons: Counter[str] = Counter()
    totals = Counter()
    for name, rel, source, target, corpus in SCHEMAS:
        if args.only and args.only.lower() not in name.lower():
            continue
        path = (Path(args.corpus) if corpus else SAMPLES) / rel
        if not path.exists():
            print(f"{name:<18} (missing: {path})")
            continue
        a = migplan.assess(str(path), source=source, target=target, verify=True, verify_dsn=dsn, progress=False)
        ver = a.verification
        failed = {id(r.statement) for r in ver.results if not r.ok} if ver is not None else set()
        counts = {}
        for group, kinds in (("trigger", TRIGGERS), ("routine", ROUTINES)):
            objs = [c for c in a.conversion.objects if c.source.kind in kinds]
            ok = [c for c in objs if c.converted and c.statements and not any(id(st) in failed for st in c.statements)]
            counts[group] = (len(ok), len(objs))
            totals[group + "_ok"] += len(ok)
            totals[group] += len(objs)
            for c in objs:
                for f in c.findings:
                    if f.code == "COD002":
                        reasons[_reason(f.message)] += 1
        unpredicted = ver.summary()["unpredicted_failures"] if ver is not None else "-"
        cell = {g: f"{o}/{t} ({100 * o // t if t else 100}%)" for g, (o, t) in counts.items()}
        print(f"{name:<18} {target:<18} {cell['trigger']:>16} {cell['routine']:>16} {unpredicted!s:>11}")
    for g in ("trigger", "routine"):
        t = totals[g]
        print(f"total {g}s: {totals[g + '_ok']}/{t} ({100 * totals[g + '_ok'] // t if t else 100}%)")
    if reasons:
        print("\nwhat stopped the rest (COD002), most frequent first:")
        for reason, n in reasons.most_common(args.reasons):
            print(f"  {n:>4}  {reason}")


if __name__ == "__main__":
    main()
