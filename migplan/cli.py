"""The `migplan` command: a thin shell over the Python API (see README for each subcommand)."""

from __future__ import annotations

import argparse
import signal
import sys
import warnings

from migplan import cli_app, cli_assess, cli_fleet, cli_matrix
from migplan.errors import MigplanError, Terminated
from migplan.version import __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="migplan", description="Plan database migrations to AWS with DMS and SCT.")
    parser.add_argument("--version", action="version", version=f"migplan {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_inventory(sub)
    cli_matrix.add_parser(sub)
    cli_assess.add_parser(sub)
    cli_app.add_parser(sub)
    cli_fleet.add_parser(sub)
    _add_stats_query(sub)
    args = parser.parse_args(argv)
    previous = _catch_signals()
    engines = sys.modules.get("migplan.verify.engines")
    mark = engines.mark() if engines is not None else 0  # servers of our caller (tests, a notebook) stay
    try:
        return args.run(args)
    except KeyboardInterrupt as err:  # Ctrl-C or SIGTERM: the finally blocks on the way dropped what they made
        print(f"migplan: {'terminated' if isinstance(err, Terminated) else 'interrupted'}; "
              "servers and scratch databases removed", file=sys.stderr)
        return 128 + (signal.SIGTERM if isinstance(err, Terminated) else signal.SIGINT)
    except MigplanError as err:
        print(f"migplan: error: {err}", file=sys.stderr)
        return 2
    except FileNotFoundError as err:
        print(f"migplan: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - `migplan ... | head`
        return 0
    finally:
        _stop_engines(mark)
        _restore_signals(previous)


def _catch_signals() -> dict:
    """SIGINT and SIGTERM become exceptions (KeyboardInterrupt, Terminated) so that cleanup runs;
    once one came, further ones are ignored until the cleanup is done (each step of it is bounded)."""

    def handler(signum, frame):
        for s in (signal.SIGINT, signal.SIGTERM):
            signal.signal(s, signal.SIG_IGN)
        raise Terminated(signum) if signum == signal.SIGTERM else KeyboardInterrupt()

    previous = {}
    for s in (signal.SIGINT, signal.SIGTERM):
        previous[s] = signal.getsignal(s)
        signal.signal(s, handler)
    return previous


def _restore_signals(previous: dict) -> None:
    for s, h in previous.items():
        signal.signal(s, h if h is not None else signal.SIG_DFL)


def _stop_engines(mark: int) -> None:
    """Stop the servers this command's verification started (if one ran: the import is not free)."""
    engines = sys.modules.get("migplan.verify.engines")
    if engines is not None:
        old = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            engines.shutdown(after=mark)
        finally:
            _restore_signals(old)



def _add_inventory(sub) -> None:
    p = sub.add_parser("inventory", help="list the objects found in source scripts",
                       description="Read source scripts and print every object found, with its parse status.")
    p.add_argument("paths", nargs="+", help="script files or folders")
    p.add_argument("-s", "--source", required=True, help="engine the scripts were written for (e.g. oracle)")
    p.add_argument("--default-schema", help="schema for unqualified names (default: what the scripts say)")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table", help="what to print")
    p.add_argument("-o", "--output", help="also write inventory.json and objects/columns/constraints/statements "
                   "CSVs to this folder (as `assess -o` does)")
    p.add_argument("--force", action="store_true", help="read the scripts even when they look like another engine")
    add_define_option(p)
    p.set_defaults(run=_run_inventory)


def _add_stats_query(sub) -> None:
    p = sub.add_parser("stats-query", help="print the read-only catalog queries whose CSV feeds --table-stats",
                       description="Print the read-only queries a DBA runs on the source for table sizes, LOB "
                                   "sizes and key ranges; their CSV result is what `assess --table-stats` reads.")
    p.add_argument("-s", "--source", required=True, help="source engine (oracle, sqlserver, db2-luw, teradata, "
                   "postgresql, mysql)")
    p.set_defaults(run=_run_stats_query)


def _run_stats_query(args) -> int:
    from migplan.plan.statsquery import stats_query

    sys.stdout.write(stats_query(args.source))
    return 0


def add_define_option(p) -> None:
    from migplan.ingest.variables import define

    p.add_argument("--define", action="append", type=define, default=[], metavar="NAME=VALUE",
                   help="value of a substitution variable of the scripts (SQL*Plus &NAME, sqlcmd $(NAME)); repeatable")


def _run_inventory(args) -> int:
    import migplan
    from migplan import outdir
    from migplan.assessment import DialectMismatchError, EmptyInputWarning, check_dialect

    if args.output:
        outdir.check(args.output)
    inv = migplan.load_schema(args.paths, args.source, args.default_schema, defines=dict(args.define))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", EmptyInputWarning)
            check_dialect(inv, args.force)
    except DialectMismatchError as err:
        print(f"migplan: error: {err}", file=sys.stderr)
        return 1
    if args.format == "json":
        text = inv.to_json() + "\n"
    elif args.format == "csv":
        from migplan.escape import csv_frame

        text = csv_frame(inv.frame()).to_csv(index=False, lineterminator="\n")
    else:
        from migplan.inventory.text import inventory_table

        text = inventory_table(inv)
    sys.stdout.write(text)
    if args.output:
        _write_inventory(inv, args.output)
    for p in inv.problems:
        where = f"{p.file}:{p.line}" if p.line else p.file
        print(f"migplan: {where}: {p.message}", file=sys.stderr)
    if not inv.statements:
        print(f"migplan: warning: no statements found in {' '.join(args.paths)}", file=sys.stderr)
        return 1
    return 0


def _write_inventory(inv, folder: str) -> None:
    from migplan import outdir
    from migplan.escape import write_csv

    with outdir.writing(folder) as tmp:
        (tmp / "inventory.json").write_text(inv.to_json() + "\n", encoding="utf-8")
        write_csv(inv.frame(), tmp / "objects.csv")
        write_csv(inv.columns_frame(), tmp / "columns.csv")
        write_csv(inv.constraints_frame(), tmp / "constraints.csv")
        write_csv(inv.statements_frame(), tmp / "statements.csv")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
