"""Rewrite the coverage table in README.md from the end-to-end pair registry (tests/e2e/*.toml).

One row per pair of migplan/data/matrix.toml. A registered pair shows what its end-to-end test
(tests/test_e2e_pairs.py) asserts: the sample read and its parse share, the conversion, the real
engine and storage fidelity of the verification, the plan and artifacts; a pair nobody registered
says so in every cell. The table lives between <!-- coverage:start --> and <!-- coverage:end -->;
tests/test_e2e_pairs.py::test_readme_coverage_table_matches_registry fails when they drift apart.

    python scripts/update_readme_coverage.py [README.md]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from migplan import matrix  # noqa: E402
from scripts import readme_section  # noqa: E402
from tests import e2e  # noqa: E402

START, END = "<!-- coverage:start -->", "<!-- coverage:end -->"
UNTESTED = "no end-to-end test yet"


def _share(value: float, what: str) -> str:
    return f"{value:.0%} {what}" if value >= 1 else f"≥ {value:.0%} {what}"


def cells(pair: e2e.Pair | None) -> list[str]:
    """Read, convert, verify, plan cells of one pair (its claims, each asserted by its test)."""
    if pair is None:
        return [UNTESTED, "—", "—", "—"]
    read = f"`{pair.sample}`: {_share(pair.read, 'of DDL parsed')}"
    convert = e2e.LABELS["convert"][pair.convert]
    verify = e2e.LABELS["verify"][pair.verify]
    if pair.storage is not None and pair.verify != "none":
        verify += f", {_share(pair.storage, 'of storage elements')}, 0 unpredicted failures"
    plan = e2e.LABELS["plan"][pair.plan]
    if pair.items:
        convert += f"; raises {', '.join(pair.items)}"
    return [read, convert, verify, plan]


def markdown_table() -> str:
    e2e.load_plugins()
    registered = {(p.source, p.target): p for p in e2e.pairs()}
    head = ["Source", "Target", "Read (sample)", "Convert", "Verify", "Plan / artifacts"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    documented = matrix.pairs(documented_only=True)
    for c in documented:
        row = [f"`{c.source}`", f"`{c.target}`", *cells(registered.get((c.source, c.target)))]
        lines.append("| " + " | ".join(x.replace("|", "\\|") for x in row) + " |")
    tested = sum((c.source, c.target) in registered for c in documented)
    lines += ["", f"{tested} of {len(documented)} pairs have an end-to-end test."]
    return "\n".join(lines) + "\n"


def rewrite(text: str) -> str:
    return readme_section.rewrite(text, START, END, markdown_table())


def main(argv: list[str]) -> int:
    return readme_section.main(argv, START, END, markdown_table, "update_readme_coverage", "coverage")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
