"""`migplan assess`: the whole assessment from the command line (a thin shell over migplan.assess)."""

from __future__ import annotations

import argparse
import os
import sys
import warnings

from migplan.analyze.items import SEVERITY_ORDER
from migplan.dsn import DEFAULT_CONNECT_TIMEOUT


def add_parser(sub) -> None:
    p = sub.add_parser("assess", help="inventory, compatibility, conversion, action items (and verification)",
                       description="Assess source scripts for a migration to a target engine.")
    p.add_argument("paths", nargs="*", help="script files or folders (or none, with --source-dsn)")
    p.add_argument("-s", "--source", required=True, help="source engine (e.g. oracle, sqlserver, mysql)")
    p.add_argument("-t", "--target", required=True, help="target engine (e.g. aurora-postgresql, aurora-mysql)")
    p.add_argument("-o", "--output", help="write assessment.json, CSVs and converted DDL to this folder")
    p.add_argument("--formats", help="comma-separated outputs to write (default all): json, csv, ddl, plan, cdc, "
                                     "dms, graph, source, html, md")
    p.add_argument("--default-schema", help="schema for unqualified source names")
    p.add_argument("--config", help="TOML file with severity/effort overrides and suppressions")
    p.add_argument("--verify", action="store_true", help="apply the converted DDL to a local real engine")
    p.add_argument("--verify-dsn", default=os.environ.get("MIGPLAN_VERIFY_DSN") or None,
                   help="apply it to this server instead (postgresql://..., mysql://... or host=... user=...); "
                        "default: $MIGPLAN_VERIFY_DSN, which keeps the password out of the process list")
    p.add_argument("--source-dsn", default=os.environ.get("MIGPLAN_SOURCE_DSN") or None,
                   help="read the schema, table statistics and CDC settings from this live PostgreSQL or "
                        "MySQL/MariaDB source instead of scripts (read-only); default: $MIGPLAN_SOURCE_DSN, which "
                        "keeps the password out of the process list")
    p.add_argument("--connect-timeout", type=float, default=DEFAULT_CONNECT_TIMEOUT, metavar="SECONDS",
                   help=f"wait this long for a server (source or verification) to answer "
                        f"(default {DEFAULT_CONNECT_TIMEOUT:g})")
    p.add_argument("--force", action="store_true", help="assess even when SCT/DMS do not support the pair or the "
                   "scripts look like another engine than --source")
    p.add_argument("--fail-on", choices=SEVERITY_ORDER, help="exit 1 when an active item has this severity or worse")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="progress bars (default: only for big schemas)")
    conv = p.add_argument_group("conversion")
    conv.add_argument("--number-keys", choices=["evidence", "numeric"],
                      help="Oracle NUMBER keys without precision: bigint where the scripts prove whole numbers "
                           "(evidence, the default) or always numeric")
    plan = p.add_argument_group("plan (the same options as migplan.assess(..., **plan_options))")
    plan.add_argument("--migration-type", choices=["full-load", "cdc", "full-load-and-cdc"],
                      help="DMS migration type (default: full-load-and-cdc)")
    plan.add_argument("--fks-during-load", action="store_true",
                      help="keep foreign keys during the load (tables load in waves, one task per wave)")
    plan.add_argument("--table-stats", help="CSV of row counts and sizes per table (see `migplan stats-query`)")
    plan.add_argument("--throughput-mb-s", type=float, help="assumed load throughput per stream, MB/s")
    plan.add_argument("--max-subtasks", type=int, help="MaxFullLoadSubTasks (1-49)")
    plan.add_argument("--change-gb-per-hour", type=float, help="the source's change rate (sizes the replication "
                      "instance's storage for the changes cached during the load; a live source measures one)")
    from migplan.cli import add_define_option

    add_define_option(p)
    p.set_defaults(run=run)


_PLAN_FLAGS = ("migration_type", "table_stats", "throughput_mb_s", "max_subtasks", "change_gb_per_hour")


def plan_options(args) -> dict:
    """Plan options the user set on the command line (the rest keep the API's defaults)."""
    out = {k: getattr(args, k) for k in _PLAN_FLAGS if getattr(args, k) is not None}
    if args.fks_during_load:
        out["fks_during_load"] = True
    return out


def run(args) -> int:
    from migplan import outdir
    from migplan.assessment import DialectMismatchError, EmptyInputWarning, assess

    formats = args.formats.split(",") if args.formats else None
    if args.output:
        outdir.check(args.output)  # before any work: a bad -o must not cost the whole analysis
        from migplan.report.files import check_formats

        check_formats(formats)  # and a misspelled format neither
    if bool(args.paths) == bool(args.source_dsn):
        print("migplan: error: give script paths or --source-dsn (or $MIGPLAN_SOURCE_DSN), not both and not neither",
              file=sys.stderr)
        return 2

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", EmptyInputWarning)  # said below, once, with the paths
            options = None
            if args.number_keys:
                from migplan.analyze.config import Config
                from migplan.convert import ConvertOptions

                cfg = Config.load(args.config)
                options = ConvertOptions(**{**cfg.convert, "number_keys": args.number_keys})
            a = assess(args.paths or None, args.source, args.target, default_schema=args.default_schema,
                       source_dsn=args.source_dsn,
                       config=args.config, options=options, force=args.force, verify=args.verify,
                       verify_dsn=args.verify_dsn, progress=args.progress,
                       connect_timeout=args.connect_timeout, defines=dict(args.define), **plan_options(args))
    except DialectMismatchError as err:
        print(f"migplan: error: {err}", file=sys.stderr)
        return 1
    s = a.summary()
    out = sys.stdout
    out.write(repr(s) + "\n")
    if a.verification is not None:
        v = a.verification.summary()
        out.write(f"verification on {v['engine']}: {v['accepted']}/{v['statements']} statements accepted; "
                  f"unpredicted failures: {v['unpredicted_failures']}\n")
    top = a.action_items.summary_frame().head(10)
    if len(top):
        out.write("\ntop action items:\n")
        for r in top.itertuples(index=False):
            out.write(f"  {r.code} {r.severity!s:8} x{r.occurrences:<4} {r.summary}\n")
    if args.output:
        path = a.write(args.output, formats)
        out.write(f"\nwrote {path}/ (open {path / 'report.html'} in a browser)\n")
    for p in a.inventory.problems:
        print(f"migplan: {p.file}:{p.line or '-'}: {p.message}", file=sys.stderr)
    for p in a.plan.stats_problems:
        print(f"migplan: {p}", file=sys.stderr)
    if a.source_facts is not None:
        f = a.source_facts
        out.write(f"read from the live source: {f.server}, DDL by {f.tool} ({f.ddl_file}), statistics of "
                  f"{len(f.stats)} tables\n")
        for n in f.notes:
            print(f"migplan: note: {n}", file=sys.stderr)
    if not a.inventory.statements:
        where = " ".join(args.paths) if args.paths else "the live source"
        print(f"migplan: warning: no statements found in {where}", file=sys.stderr)
        return 1
    dms_missing = [] if a.target.family == "dynamodb" else a.dms.missing_inputs()  # DynamoDB: no DMS task
    for missing in dms_missing:  # the DMS artifacts wait for an input the scripts do not give
        print(f"migplan: DMS artifacts not written: {missing}", file=sys.stderr)
    if args.fail_on:
        worst = SEVERITY_ORDER.index(args.fail_on)
        if any(SEVERITY_ORDER.index(i.severity) <= worst for i in a.action_items.active()):
            return 1
    return 0
