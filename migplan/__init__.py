"""migplan: plan database migrations to AWS with DMS and SCT.

The pipeline, one sub-package per stage:

    ingest/     files -> text -> statements          (encoding, dialect-aware splitter)
    parse/      statement -> model objects            (our structure parsers + sqlglot)
    inventory/  objects and parts, nothing dropped    (load_schema)
    matrix.py   can SCT/DMS take this pair?           (matrix.check)
    convert/    objects -> target DDL                 (type maps, function maps as data)
    analyze/    findings -> action items              (the catalog: analyze/actions/rules/)
    verify/     DDL applied to a real engine           (embedded PostgreSQL, MariaDB)
    assess.py   the pipeline in one call              (migplan.assess)
"""

from migplan import engines, matrix
from migplan.assess import Assessment, assess, assess_text
from migplan.inventory import Inventory, load_schema, load_text

__version__ = "0.1.0"
__all__ = [
           "Assessment",
           "Inventory",
           "__version__",
           "assess",
           "assess_text",
           "engines",
           "load_schema",
           "load_text",
           "matrix",
]
