"""The warehouses to Amazon Redshift: per source engine, how many converted statements re-parse in
sqlglot's Redshift dialect, and (with --verify) how many of their PostgreSQL-compatible subsets the
real embedded PostgreSQL accepts; also the distribution styles written.

    python benchmarks/redshift_reparse.py [--corpus ../shared/corpus] [--verify] [--show N]

Inputs: every warehouse sample (sample_schemas/<family>/<name> written for a warehouse engine) and the
Redshift scripts of the public corpus (Redshift -> Redshift, SCT's optimization pair).
"""

from __future__ import annotations

import argparse
import collections
from pathlib import Path

import migplan
from migplan.verify.redshift import postgres_subset, reparse

ROOT = Path(__file__).resolve().parents[1]
# sample folder -> engine, for the warehouse samples
SAMPLES = {"teradata/sales_dw": "teradata", "netezza/sales_dw": "netezza", "vertica/sales_dw": "vertica",
           "greenplum/sales_dw": "greenplum", "oracle/sales_dw": "oracle-dw", "sqlserver/sales_dw": "sqlserver-dw"}
CORPUS = {"redshift": "redshift"}  # corpus folder -> engine


def inputs(corpus: Path) -> list[tuple[str, str, Path]]:
    out = [(engine, f"samples/{folder}", ROOT / "sample_schemas" / folder) for folder, engine in SAMPLES.items()
           if (ROOT / "sample_schemas" / folder).is_dir()]
    for folder, engine in CORPUS.items():
        base = corpus / folder
        if base.is_dir():
            out += [(engine, f"corpus/{folder}/{d.name}", d) for d in sorted(base.iterdir()) if d.is_dir()]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--verify", action="store_true", help="apply the PostgreSQL subsets to the embedded PostgreSQL")
    ap.add_argument("--show", type=int, default=5, help="statements that do not re-parse to print per engine")
    args = ap.parse_args()
    per = collections.defaultdict(collections.Counter)
    bad: dict[str, list[str]] = collections.defaultdict(list)
    for engine, label, path in inputs(Path(args.corpus)):
        a = migplan.assess(path, engine, "redshift", force=True, progress=False)
        c = per[engine]
        for conv in a.conversion.objects:
            for st in conv.statements:
                c["statements"] += 1
                r = reparse(st.sql)
                if not r.ok:
                    bad[engine].append(f"{label} {st.kind} {st.name}: {r.error}")
                else:
                    c["reparsed"] += 1
                    c["system"] += bool(r.system)
                if st.kind == "table":
                    style = next((w for w in ("ALL", "KEY", "EVEN", "AUTO") if f"DISTSTYLE {w}" in st.sql), "none")
                    c[f"DISTSTYLE {style}"] += 1
        if args.verify:
            v = a.verify()
            c["applied"] += len(v.results)
            c["accepted"] += sum(1 for r in v.results if r.ok)
            c["unpredicted"] += v.unpredicted
        _sub, _f, counts = postgres_subset(a.conversion)
        assert counts["statements"] == sum(len(x.statements) for x in a.conversion.objects)
    print(f"{'engine':<14}{'statements':>11}{'re-parse':>10}{'%':>8}" +
          (f"{'PG applied':>12}{'accepted':>10}{'%':>8}{'unpredicted':>13}" if args.verify else "") + "  distribution")
    for engine in sorted(per):
        c = per[engine]
        pct = 100.0 * c["reparsed"] / c["statements"] if c["statements"] else 100.0
        line = f"{engine:<14}{c['statements']:>11}{c['reparsed']:>10}{pct:>7.1f}%"
        if args.verify:
            vp = 100.0 * c["accepted"] / c["applied"] if c["applied"] else 100.0
            line += f"{c['applied']:>12}{c['accepted']:>10}{vp:>7.1f}%{c['unpredicted']:>13}"
        dist = ", ".join(f"{k.split()[1]} {v}" for k, v in sorted(c.items()) if k.startswith("DISTSTYLE"))
        system = f"; {c['system']} read Redshift system tables (not applied)" if c["system"] else ""
        print(line + "  " + dist + system)
    for engine in sorted(bad):
        for text in bad[engine][: args.show]:
            print(f"  {engine}: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
