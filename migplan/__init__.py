"""migplan: plan database migrations to AWS with DMS and SCT.

The pipeline, one sub-package per stage:

    model/      the data model every stage shares       (imports nothing of ours)
    ingest/     files -> text -> statements          (encoding, dialect-aware splitter)
    parse/      statement -> model objects            (our structure parsers + sqlglot)
    inventory/  objects and parts, nothing dropped    (load_schema)
    matrix.py   can SCT/DMS take this pair?           (matrix.check)
    convert/    objects -> target DDL                 (type maps, function maps as data)
    analyze/    findings -> action items              (the catalog: analyze/actions/rules/)
    verify/     DDL applied to a real engine           (embedded PostgreSQL, MariaDB)
    app/        SQL in application code               (scan_app)
    assessment.py the pipeline in one call             (migplan.assess)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

import migplan.report.display  # noqa: F401  (registers the notebook displays of model objects)
from migplan.version import __version__

# Names the package offers, loaded on first use: `import migplan.engines` or the CLI's --help
# must not pay for pandas and sqlglot.
_LAZY = {
    "Assessment": "migplan.assessment", "assess": "migplan.assessment", "assess_text": "migplan.assessment",
    "Inventory": "migplan.inventory", "load_schema": "migplan.inventory", "load_text": "migplan.inventory",
    "engines": None, "matrix": None, "scan_app": "migplan.app", "assess_fleet": "migplan.fleet",
}
__all__ = ["Assessment", "Inventory", "__version__", "assess", "assess_fleet", "assess_text", "engines",
           "load_schema", "load_text", "matrix", "scan_app"]

if TYPE_CHECKING:  # pragma: no cover
    from migplan import engines, matrix
    from migplan.app import scan_app
    from migplan.assessment import Assessment, assess, assess_text
    from migplan.fleet import assess_fleet
    from migplan.inventory import Inventory, load_schema, load_text


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'migplan' has no attribute {name!r}")
    module = _LAZY[name]
    value = importlib.import_module(f"migplan.{name}") if module is None else \
        getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
