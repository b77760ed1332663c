"""migplan: plan database migrations to AWS with DMS and SCT.

The pipeline, one sub-package per stage:

    ingest/     files -> text -> statements          (encoding, dialect-aware splitter)
    parse/      statement -> model objects            (our structure parsers + sqlglot)
    inventory/  objects and parts, nothing dropped    (load_schema)
    matrix.py   can SCT/DMS take this pair?           (matrix.check)
"""

from migplan import engines, matrix
from migplan.inventory import Inventory, load_schema, load_text

__version__ = "0.1.0"
__all__ = ["Inventory", "engines", "load_schema", "load_text", "matrix", "__version__"]
