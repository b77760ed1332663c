"""Ingest stage: find script files, decode them, cut them into statements."""

from migplan.ingest.files import SourceFile, discover, read_source
from migplan.ingest.split import split_source
from migplan.model.statement import Statement

__all__ = ["SourceFile", "Statement", "discover", "read_source", "split_source"]
