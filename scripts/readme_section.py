"""The README's generated sections: a table between two markers, rewritten from data by a script
(update_readme_pairs.py, update_readme_coverage.py), with a drift test beside each."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path


def rewrite(text: str, start: str, end: str, table: str) -> str:
    if start not in text or end not in text or text.index(start) > text.index(end):
        raise ValueError(f"README needs the markers {start} and {end}, in that order")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{start}\n{table}{end}{tail}"


def main(argv: list[str], start: str, end: str, table: Callable[[], str], prog: str, what: str) -> int:
    path = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "README.md"
    try:
        old = path.read_text("utf-8")
        new = rewrite(old, start, end, table())
    except (OSError, ValueError) as e:
        print(f"{prog}: {path}: {e}", file=sys.stderr)
        return 1
    if new != old:
        path.write_text(new, "utf-8")
        print(f"updated the {what} table in {path}")
    else:
        print(f"{path} is up to date")
    return 0
