"""What the DDB rules share: CQL column types as trees, the DynamoDB type each becomes, lines."""

from __future__ import annotations

from migplan.convert import types as typemaps
from migplan.convert.dynamodb import cql_type, page
from migplan.model.schema import Column, Table
from migplan.parse.cql import CqlType, type_tree

__all__ = ["column_line", "dynamo_type", "page", "tree"]


def tree(col: Column) -> CqlType:
    return type_tree(col.type)


def dynamo_type(col: Column) -> str:
    tmap = typemaps.load("cassandra", "dynamodb")
    assert tmap is not None
    return cql_type(tree(col), tmap)[0]


def column_line(table: Table, col: Column) -> int:
    return col.line or table.location.line
