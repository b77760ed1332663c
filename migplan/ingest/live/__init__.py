"""A live source database read instead of scripts: its DDL (through the engine's own dump tool, or
its catalog), its table statistics and its change-capture settings.

    facts = read_source("postgresql://reader@db/app", "postgresql")
    facts.ddl        # read like any script (the same inventory path), written to out/source_ddl/
    facts.stats      # rows, bytes, LOB sizes, key ranges, partitions per table
    facts.settings   # wal_level, binlog_format... for the CDC readiness checks

Read-only: a read-only session and transactions, no temporary objects, and the privileges the
extraction needs are checked first (all missing ones listed) so it never fails half-way. The DSN's
password never reaches a message, a log or an output (migplan.dsn masks it).
"""

from __future__ import annotations

import os
import re

from migplan.dsn import DEFAULT_CONNECT_TIMEOUT, DSN
from migplan.ingest.live.connect import LiveSourceError, MissingPrivilegesError, file_label, parse_dsn
from migplan.model.stats import SourceFacts

__all__ = ["LiveSourceError", "MissingPrivilegesError", "SourceFacts", "looks_like_dsn", "read_source"]

FAMILIES = ("postgresql", "mysql")
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_KEYWORDS = re.compile(r"^\s*(host|hostaddr|port|user|dbname|password|service)\s*=", re.IGNORECASE)


def looks_like_dsn(value: object) -> bool:
    """A connection string rather than a path: a URL, or libpq's key=value form (never an existing file)."""
    if isinstance(value, DSN):
        return True
    if not isinstance(value, str) or os.path.exists(value):
        return False
    return bool(_URL.match(value) or _KEYWORDS.match(value))


def read_source(dsn: str | DSN, family: str, connect_timeout: float | None = DEFAULT_CONNECT_TIMEOUT,
                databases: list[str] | None = None) -> SourceFacts:
    """Read the schema, statistics and CDC settings of a live ``family`` (postgresql | mysql) source."""
    if family not in FAMILIES:
        raise LiveSourceError(f"migplan reads live PostgreSQL and MySQL/MariaDB sources; for a {family} source "
                              "extract the DDL with the engine's tools and run `migplan stats-query` for the "
                              "statistics (README: Reading a live source)")
    target = parse_dsn(dsn, family)
    if family == "postgresql":
        from migplan.ingest.live import postgresql

        label = target.database or target.user or "postgres"
        return postgresql.read(target, connect_timeout, file_label(label))
    from migplan.ingest.live import mysql

    return mysql.read(target, connect_timeout, databases)
