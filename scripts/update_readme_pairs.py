"""Rewrite the supported-pairs table in README.md from migplan/data/matrix.toml.

The table lives between the markers <!-- pairs:start --> and <!-- pairs:end -->;
tests/test_matrix.py fails when the README and the data drift apart.

    python scripts/update_readme_pairs.py [README.md]
"""

from __future__ import annotations

import sys
from pathlib import Path

from migplan.matrix import markdown_table

START, END = "<!-- pairs:start -->", "<!-- pairs:end -->"


def rewrite(text: str) -> str:
    if START not in text or END not in text or text.index(START) > text.index(END):
        raise ValueError(f"README needs the markers {START} and {END}, in that order")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{markdown_table()}{END}{tail}"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else Path(__file__).resolve().parents[1] / "README.md"
    try:
        old = path.read_text("utf-8")
        new = rewrite(old)
    except (OSError, ValueError) as e:
        print(f"update_readme_pairs: {path}: {e}", file=sys.stderr)
        return 1
    if new != old:
        path.write_text(new, "utf-8")
        print(f"updated the supported-pairs table in {path}")
    else:
        print(f"{path} is up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
