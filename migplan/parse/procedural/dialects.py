"""Which procedural language a dialect name means, and what its parser needs to know.

A dialect is given the way the rest of migplan names it: a splitter name (``oracle``, ``tsql``,
``mysql``, ``postgres``, ``db2``...) or any engine name or alias of engines.toml (``sqlserver``,
``mssql``, ``pg``, ``db2-luw``...). Each maps to one of four procedural grammars:

    plsql    Oracle PL/SQL
    tsql     Transact-SQL (SQL Server, Sybase, Azure Synapse): statements need no ';'
    psm      SQL/PSM stored programs: MySQL/MariaDB, Db2 SQL PL, Teradata SPL
    plpgsql  PostgreSQL PL/pgSQL (and Redshift's, Snowflake Scripting's close cousin)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from migplan import engines


@dataclass(frozen=True)
class Flavor:
    """What the procedural parser needs to know about one source dialect."""

    splitter: str  # migplan's lexer rules (migplan/ingest/lexer.py RULES)
    grammar: str  # plsql | tsql | psm | plpgsql
    language: str  # the name reported on the unit: plsql, tsql, mysql, sqlpl, plpgsql
    sqlglot: str  # sqlglot dialect for embedded SQL ("" = sqlglot's default)
    # INTO in a SELECT names variables (PL/SQL, PL/pgSQL, PSM) rather than a new table (T-SQL)
    into_variables: bool = True
    bind_colon: bool = False  # :name is a bind variable / trigger pseudo-record (Oracle)
    at_variables: bool = False  # @name user variables (MySQL) joined into one token
    dollar_params: bool = False  # $1 positional parameters (PostgreSQL)
    cursor_attributes: bool = False  # c%FOUND, SQL%ROWCOUNT (Oracle)
    type_anchors: bool = False  # x%TYPE, t%ROWTYPE (Oracle, PostgreSQL)
    conditional_compilation: bool = False  # $IF ... $THEN ... $END (Oracle)


# splitter name -> flavor. Dialects without a procedural language of their own get the PSM
# grammar (the SQL standard's), which is what Teradata, Db2 and MySQL implement.
FLAVORS: dict[str, Flavor] = {
    "oracle": Flavor("oracle", "plsql", "plsql", "oracle", bind_colon=True, cursor_attributes=True,
                     type_anchors=True, conditional_compilation=True),
    "tsql": Flavor("tsql", "tsql", "tsql", "tsql", into_variables=False),
    "mysql": Flavor("mysql", "psm", "mysql", "mysql", at_variables=True),
    "db2": Flavor("db2", "psm", "sqlpl", "oracle"),  # no Db2 in sqlglot: Oracle reads it closest (NULLs sort high)
    "teradata": Flavor("teradata", "psm", "spl", "teradata"),
    "postgres": Flavor("postgres", "plpgsql", "plpgsql", "postgres", dollar_params=True, type_anchors=True),
    "redshift": Flavor("redshift", "plpgsql", "plpgsql", "redshift", dollar_params=True, type_anchors=True),
    "snowflake": Flavor("snowflake", "plpgsql", "snowflake", "snowflake"),
    "generic": Flavor("generic", "psm", "sql", ""),
}


@cache
def flavor(dialect: str) -> Flavor:
    """The flavor for a splitter name, an engine name or an alias (``UnknownEngineError`` if none)."""
    key = dialect.strip().lower()
    if key in FLAVORS:
        return FLAVORS[key]
    engine = engines.get(key)  # raises UnknownEngineError with the close matches
    base = FLAVORS.get(engine.splitter or "generic", FLAVORS["generic"])
    if engine.sqlglot is not None and engine.sqlglot != base.sqlglot:
        return Flavor(**{**base.__dict__, "sqlglot": engine.sqlglot})
    return base
