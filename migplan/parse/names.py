"""Identifier case and qualified names, per engine folding rules.

Oracle and Db2 store unquoted names in upper case, PostgreSQL in lower case; SQL Server and MySQL
keep them as written and (with their default collation / on Windows) compare case-insensitively.
We follow those defaults; a quoted name is always kept exactly as written.
"""

from __future__ import annotations

from migplan.engines import Engine
from migplan.parse.tokens import Name


def stored(part: str, quoted: bool, engine: Engine) -> str:
    return part if quoted else engine.fold(part)


def qualify(name: Name, engine: Engine, default_schema: str | None) -> tuple[str | None, str, bool, dict]:
    """(schema, object name, was the object name quoted, extra parts such as database/server)."""
    parts = [stored(p, q, engine) for p, q in zip(name.parts, name.quoted)]
    extra: dict = {}
    obj = parts[-1]
    schema = parts[-2] if len(parts) >= 2 else default_schema
    if len(parts) >= 2 and parts[-2] == "":
        schema = default_schema  # SQL Server db..table: default schema of that database
    if len(parts) >= 3 and parts[-3]:
        extra["database"] = parts[-3]
    if len(parts) >= 4 and parts[-4]:
        extra["server"] = parts[-4]
    if name.dblink:
        extra["dblink"] = name.dblink
    return schema or None, obj, name.quoted[-1], extra


def key(schema: str | None, name: str, engine: Engine) -> str:
    text = f"{schema}.{name}" if schema else name
    return text.upper() if engine.case_insensitive else text


def column_key(name: str, engine: Engine) -> str:
    # Column names compare case-insensitively on SQL Server and MySQL, and after folding elsewhere.
    return name.upper() if engine.case_insensitive else name
