"""`migplan fleet`: many databases at once (a thin shell over migplan.assess_fleet)."""

from __future__ import annotations

import sys
from typing import Any


def add_parser(sub: Any) -> None:
    p = sub.add_parser("fleet", help="assess a fleet of databases, each for one or more targets",
                       description="Assess every database of a fleet file (CSV: name, source, scripts, targets "
                                   "separated by ';', optional default_schema) and compare them: automation, "
                                   "effort, complexity and a recommended target per database.")
    p.add_argument("fleet", help="the fleet file (CSV with a header)")
    p.add_argument("-o", "--output", help="write fleet.csv/.json/.md/.html and one folder per database here")
    p.add_argument("--executor", default=None,
                   help="processes (default), threads, or dask://host:port for a Dask distributed scheduler")
    p.add_argument("-j", "--jobs", type=int, default=None, help="local workers (default: one per core)")
    p.set_defaults(run=run)


def run(args: Any) -> int:
    from migplan import outdir
    from migplan.fleet import assess_fleet, executor_for

    if args.output:
        outdir.check(args.output)  # before any work: a bad -o must not cost the fleet
    executor, client = executor_for(args.executor, args.jobs)
    try:
        fleet = assess_fleet(args.fleet, output=args.output, executor=executor, workers=args.jobs)
    finally:
        if client is not None:
            client.close()
    out = sys.stdout
    out.write(f"{fleet!r}\n")
    for r in fleet.recommended():
        out.write(f"  {r.database}: {r.target} (complexity {r.complexity}, effort {r.effort_low:g}-"
                  f"{r.effort_high:g} h)\n")
    for r in fleet.results:
        if not r.ok:
            print(f"migplan: {r.database} -> {r.target}: {r.error}", file=sys.stderr)
    if args.output:
        out.write(f"wrote {args.output}/fleet.html\n")
    return 0 if all(r.ok for r in fleet.results) else 1
