"""The `migplan` command: a thin shell over the Python API (see README for each subcommand)."""

from __future__ import annotations

import argparse
import sys
import warnings

from migplan import cli_assess, cli_matrix
from migplan.errors import MigplanError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="migplan", description="Plan database migrations to AWS with DMS and SCT.")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_inventory(sub)
    cli_matrix.add_parser(sub)
    cli_assess.add_parser(sub)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except MigplanError as err:
        print(f"migplan: error: {err}", file=sys.stderr)
        return 2
    except FileNotFoundError as err:
        print(f"migplan: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - `migplan ... | head`
        return 0


def _add_inventory(sub) -> None:
    p = sub.add_parser("inventory", help="list the objects found in source scripts",
                       description="Read source scripts and print every object found, with its parse status.")
    p.add_argument("paths", nargs="+", help="script files or folders")
    p.add_argument("-s", "--source", required=True, help="engine the scripts were written for (e.g. oracle)")
    p.add_argument("--default-schema", help="schema for unqualified names (default: what the scripts say)")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.add_argument("-o", "--output", help="write to this file instead of standard output")
    p.add_argument("--force", action="store_true", help="read the scripts even when they look like another engine")
    p.set_defaults(run=_run_inventory)


def _run_inventory(args) -> int:
    import migplan
    from migplan.assessment import DialectMismatchError, EmptyInputWarning, check_dialect

    inv = migplan.load_schema(args.paths, args.source, args.default_schema)
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
    _write(text, args.output)
    for p in inv.problems:
        where = f"{p.file}:{p.line}" if p.line else p.file
        print(f"migplan: {where}: {p.message}", file=sys.stderr)
    if not inv.statements:
        print(f"migplan: warning: no statements found in {' '.join(args.paths)}", file=sys.stderr)
        return 1
    return 0


def _write(text: str, path: str | None) -> None:
    if path:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
