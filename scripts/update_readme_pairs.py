"""Rewrite the supported-pairs table in README.md from migplan/data/matrix.toml.

The table lives between the markers <!-- pairs:start --> and <!-- pairs:end -->;
tests/test_matrix.py fails when the README and the data drift apart.

    python scripts/update_readme_pairs.py [README.md]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from migplan.matrix import markdown_table  # noqa: E402
from scripts import readme_section  # noqa: E402

START, END = "<!-- pairs:start -->", "<!-- pairs:end -->"


def rewrite(text: str) -> str:
    return readme_section.rewrite(text, START, END, markdown_table())


def main(argv: list[str]) -> int:
    return readme_section.main(argv, START, END, markdown_table, "update_readme_pairs", "supported-pairs")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
