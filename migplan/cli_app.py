"""`migplan scan-app`: the SQL in application code (a thin shell over migplan.scan_app)."""

from __future__ import annotations

import sys


def add_parser(sub) -> None:
    p = sub.add_parser("scan-app", help="find the SQL in application code and link it to the schema",
                       description="Find the SQL an application runs (Java, C#, Python, PHP, JavaScript/TypeScript, "
                                   "Go, C/Pro*C, MyBatis mappers, .sql files) and the objects it touches.")
    p.add_argument("path", help="application source folder (or one file)")
    p.add_argument("-s", "--source", required=True, help="engine the application's SQL is written for (e.g. oracle)")
    p.add_argument("-t", "--target", help="target engine of the migration (recorded for the conversion)")
    p.add_argument("--schema", help="assessment.json written by `migplan assess -o`, or the schema scripts, "
                                    "to resolve the objects each statement touches")
    p.add_argument("-o", "--output", help="write statements.csv and scan.json to this folder")
    p.add_argument("-j", "--jobs", type=int, default=None,
                   help="worker processes (default: one for small code bases, every core for big ones)")
    p.set_defaults(run=run)


def run(args) -> int:
    from migplan import outdir
    from migplan.app import scan_app

    if args.output:
        outdir.check(args.output)  # before any work: a bad -o must not cost the scan
    app = scan_app(args.path, args.source, args.target, schema=args.schema, workers=args.jobs)
    out = sys.stdout
    s = app.summary()
    out.write(f"{s['statements']} statements in {s['files_with_sql']} of {s['files']} files\n")
    for name in ("by_language", "by_kind", "by_construction", "by_parse_status"):
        out.write(f"  {name.removeprefix('by_').replace('_', ' ')}: "
                  + ", ".join(f"{k} {v}" for k, v in s[name].items()) + "\n")
    if app.schema is not None:
        out.write(f"  unknown references: {len(app.unknown_references())}, unreferenced schema objects: "
                  f"{len(app.unreferenced_objects())}\n")
    if args.output:
        path = app.write(args.output)
        out.write(f"wrote {path / 'statements.csv'} and {path / 'scan.json'}\n")
    for where, problem in app.problems:
        print(f"migplan: {where}: {problem}", file=sys.stderr)
    return 0
