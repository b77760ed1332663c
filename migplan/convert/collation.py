"""How text values compare in the source: the collation class of each text column.

Three classes decide what a conversion must do (engines.toml ``text_collation`` gives each engine's
default): ``binary`` (case- and accent-sensitive: Oracle's BINARY sort, PostgreSQL's deterministic
collations, MySQL ``_bin``/``_cs``), ``case-insensitive`` (SQL Server's SQL_Latin1_General_CP1_CI_AS,
MySQL ``_as_ci``) and ``accent-insensitive`` (case and accents: MySQL 8.0's utf8mb4_0900_ai_ci and
every other MySQL ``_ci`` collation, SQL Server ``_CI_AI``, Oracle ``BINARY_AI``).

Targets: PostgreSQL compares text the binary way, so the view rewrites of a case-insensitive source
fold both sides (convert/transforms/common.py); MySQL's default collation is accent-insensitive, so
the tables of a binary source are written with a binary collation (convert/tables.py).
"""

from __future__ import annotations

import re

from migplan.engines import Engine
from migplan.model.schema import Column, Table, TypeSpec

BINARY = "binary"
CASE_INSENSITIVE = "case-insensitive"
ACCENT_INSENSITIVE = "accent-insensitive"

# character types whose values compare under a collation (binary strings do not)
TEXT_TYPES = frozenset({"CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "TEXT", "NTEXT", "SYSNAME", "TINYTEXT", "MEDIUMTEXT",
                        "LONGTEXT", "ENUM", "SET", "CHARACTER", "CHARACTER VARYING", "NATIONAL CHAR",
                        "NATIONAL VARCHAR", "NATIONAL CHARACTER", "NATIONAL CHARACTER VARYING", "VARCHAR2",
                        "NVARCHAR2", "CLOB", "NCLOB", "CITEXT", "BPCHAR", "STRING"})

_AI = re.compile(r"(^|_)ai(_|$)", re.I)
_CI = re.compile(r"(^|_)ci(_|$)|insensitive|nocase", re.I)
_AS = re.compile(r"(^|_)as(_|$)", re.I)


def classify(collation: str, family: str) -> str:
    """The class of a collation by its name, as the source engine spells it."""
    name = collation.strip().strip('"`[]')
    if _AI.search(name):
        return ACCENT_INSENSITIVE
    if _CI.search(name):
        # MySQL's _ci collations ignore accents too, unless they say _as_ci
        return ACCENT_INSENSITIVE if family == "mysql" and not _AS.search(name) else CASE_INSENSITIVE
    return BINARY


def is_text(spec: TypeSpec | None) -> bool:
    return spec is not None and not spec.array and spec.base.upper() in TEXT_TYPES


def column_class(col: Column, table: Table | None, engine: Engine) -> str | None:
    """The collation class of a text column of the source: its own collation, its table's, or the
    engine's default (None when not known, or not a text column)."""
    if not is_text(col.type):
        return None
    if col.type.base.upper() == "CITEXT":
        return CASE_INSENSITIVE
    if col.collation:
        return classify(col.collation, engine.family)
    if "BINARY" in (m.upper() for m in col.type.modifiers) or (col.charset or "").lower() == "binary":
        return BINARY  # MySQL's BINARY attribute is the charset's _bin collation
    if table is not None:
        opts = table.options
        named = opts.get("COLLATE") or opts.get("DEFAULT COLLATE")
        if named:
            return classify(str(named), engine.family)
        charset = str(opts.get("DEFAULT CHARSET") or opts.get("CHARSET") or opts.get("DEFAULT CHARACTER SET") or "")
        if charset.lower() == "binary":
            return BINARY
    return engine.text_collation or None
