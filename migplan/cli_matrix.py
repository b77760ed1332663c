"""`migplan matrix`: which source → target pairs SCT and DMS can take.

    migplan matrix                          the documented pairs (the README table)
    migplan matrix --source teradata        every target for one source, with verdicts
    migplan matrix -s oracle -t dynamodb    one pair: verdict, reason, alternatives
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys

from migplan import matrix
from migplan.errors import UnknownEngineError

FORMATS = ("table", "json", "csv", "markdown")
TABLE_COLUMNS = [  # (header, value) for the fixed-width text table
    ("source", lambda c: c.source),
    ("target", lambda c: c.target),
    ("verdict", lambda c: c.verdict),
    ("SCT", lambda c: matrix.yes_no(c.sct)),
    ("DMS SC", lambda c: matrix.yes_no(c.dms_sc)),
    ("DMS data", lambda c: matrix.yes_no(c.dms)),
    ("2019", lambda c: matrix.yes_no(c.sct_2019)),
    ("newest", lambda c: matrix.yes_no(c.sct_current)),
    ("path", lambda c: c.path_label),
]
FOOTER = ("Pairs not listed: same engine family and dialect → homogeneous; DMS source → DMS target → "
          "data-only; anything else → unsupported. `migplan matrix -s SOURCE -t TARGET` explains one pair.")


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "matrix", help="which source → target pairs SCT and DMS support",
        description="Show the SCT/DMS compatibility matrix. Without -s/-t: the documented pairs "
                    "(add --all for every combination). With -s or -t: every pair for that engine. "
                    "With both: the verdict for that pair, with reasons and alternatives.")
    p.add_argument("-s", "--source", help="source engine name or alias (e.g. oracle, mssql, pg)")
    p.add_argument("-t", "--target", help="target engine name or alias (e.g. apg, aurora-mysql, redshift)")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    p.add_argument("--all", action="store_true",
                   help="every source × target combination, not only the documented ones")
    p.set_defaults(run=run)
    return p


def run(args: argparse.Namespace) -> int:
    try:
        if args.source and args.target:
            print(_one(matrix.check(args.source, args.target), args.format), end="")
        else:
            documented = not (args.source or args.target or args.all)
            selection = matrix.pairs(args.source, args.target, documented_only=documented)
            print(render(selection, args.format, footer=documented), end="")
    except UnknownEngineError as e:
        print(f"migplan matrix: {e}", file=sys.stderr)
        return 2
    return 0


def _one(c: matrix.Compatibility, fmt: str) -> str:
    if fmt == "table":
        return c.explain() + "\n"
    if fmt == "json":
        return _json(c.to_dict())
    return render([c], fmt)


def render(selection: list[matrix.Compatibility], fmt: str, footer: bool = False) -> str:
    if fmt == "json":
        return _json([c.to_dict() for c in selection])
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=matrix.COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(matrix.flat(c) for c in selection)
        return out.getvalue()
    if fmt == "markdown":
        return matrix.markdown_table(selection)
    return text_table(selection) + (f"\n{FOOTER}\n" if footer else "")


def _json(obj) -> str:
    # sorted keys and fixed indent: the same data gives byte-identical output
    return json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def text_table(selection: list[matrix.Compatibility]) -> str:
    rows = [[get(c) for _, get in TABLE_COLUMNS] for c in selection]
    heads = [h for h, _ in TABLE_COLUMNS]
    widths = [max(len(x) for x in col) for col in zip(heads, *rows)]

    def line(cells: list[str]) -> str:
        return "  ".join(x.ljust(w) for x, w in zip(cells, widths)).rstrip()

    counts = {v: sum(c.verdict == v for c in selection) for v in matrix.VERDICTS}
    summary = ", ".join(f"{n} {v}" for v, n in counts.items() if n)
    return "\n".join([line(heads), line(["-" * w for w in widths]), *map(line, rows),
                      f"{len(selection)} pairs: {summary}"]) + "\n"
