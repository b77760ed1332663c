"""The end-to-end pair registry: what each SCT pair does from a sample's scripts to the DMS or agent
artifacts, as claims that ``tests/test_e2e_pairs.py`` asserts on every run and that
``scripts/update_readme_coverage.py`` turns into the README's coverage table (no claim in the README
that a test does not check).

Shape (one file per source engine, ``tests/e2e/<source>.toml``, so helpers adding pairs never edit
the same file)::

    [[pair]]
    source = "azure-sql"              # canonical engine names (engines.toml); the pair must be in matrix.toml
    target = "aurora-postgresql"
    sample = "azure-sql/ticketing"    # a folder of sample_schemas/ registered in tests/conftest.py
    default_schema = "ticketing"      # optional: the schema of scripts that never name one
    read = 0.95                       # least share of DDL statements `parsed`, every statement accounted for
    convert = "converted"             # a key of CONVERT below (or of a checks_*.py module's)
    verify = "postgresql"             # a key of VERIFY below: which real engine, or "none"
    storage = 0.98                    # with a real engine: least share of storage elements present
    plan = "dms"                      # a key of PLAN below
    items = ["AZS001", "AZS004"]      # optional: codes the sample must raise (the pair's own differences)

A pair needing a check of its own (Redshift re-parse, DynamoDB requests) registers it in a module
``tests/e2e/checks_<name>.py`` with ``@check("verify", "redshift-reparse", "label for the README")``;
the generic test imports every such module. The label is what the README's cell says.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
STAGES = ("convert", "verify", "plan")


@dataclass(frozen=True)
class Check:
    fn: Callable | None
    label: str


# stage -> value -> Check. The generic ones are registered by tests/test_e2e_pairs.py (they need the
# engine fixtures); their labels are here so the README generator needs no engine.
CHECKS: dict[str, dict[str, Check]] = {s: {} for s in STAGES}
LABELS: dict[str, dict[str, str]] = {
    "convert": {
        "converted": "target DDL written, nothing lost",
        "as-written": "moved as written (same family)",
        "matrix-only": "no: matrix and inventory only",
    },
    "verify": {
        "postgresql": "real PostgreSQL",
        "mariadb": "real MariaDB",
        "none": "no",
    },
    "plan": {
        "dms": "DMS phases; task, endpoints and template pass botocore and cfn-lint",
        "native": "native tools runbook",
        "sct-agents": "SCT data extraction agents runbook",
        "none": "no",
    },
}


def check(stage: str, value: str, label: str):
    """Register a stage check (``fn(assessment, pair, request)``) under a registry value."""
    def wrap(fn):
        CHECKS[stage][value] = Check(fn, label)
        LABELS[stage][value] = label
        return fn
    return wrap


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    sample: str
    read: float
    convert: str
    verify: str
    plan: str
    file: str
    storage: float | None = None
    default_schema: str | None = None
    items: tuple[str, ...] = field(default_factory=tuple)

    @property
    def id(self) -> str:
        return f"{self.source}->{self.target}"


_KEYS = {"source", "target", "sample", "read", "convert", "verify", "plan", "storage", "default_schema", "items"}


def load_plugins() -> None:
    """Import every tests/e2e/checks_*.py: their @check registrations add values and labels."""
    import importlib

    for path in sorted(HERE.glob("checks_*.py")):
        importlib.import_module(f"tests.e2e.{path.stem}")


def pairs() -> list[Pair]:
    """Every registered pair, in file then row order; an unknown key or a duplicate pair is an error."""
    out: list[Pair] = []
    seen: dict[tuple[str, str], str] = {}
    for path in sorted(HERE.glob("*.toml")):
        for row in tomllib.loads(path.read_text("utf-8")).get("pair", []):
            unknown = set(row) - _KEYS
            if unknown:
                pair = f"{row.get('source')}->{row.get('target')}"
                raise ValueError(f"{path.name}: unknown keys {sorted(unknown)} in {pair}")
            key = (row["source"], row["target"])
            if key in seen:
                raise ValueError(f"{path.name}: {key[0]}->{key[1]} is already registered in {seen[key]}")
            seen[key] = path.name
            out.append(Pair(file=path.name, items=tuple(row.pop("items", ())), **row))
    return out
