"""What only the source database knows: table sizes and the state of its change capture.

Filled from a live source (``migplan.ingest.live``) or from the CSV a DBA's catalog query writes
(``migplan stats-query``, read by ``migplan.plan.load.read_table_stats``), and used by the plan
(waves, parallel load, LOB settings, instance sizing) and the CDC readiness checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TableStats:
    rows: int | None = None
    bytes: int | None = None  # table data with its out-of-line (TOAST, LOB) storage, without indexes
    min_key: float | None = None  # smallest and largest value of a single-column numeric key
    max_key: float | None = None
    lob_bytes: int | None = None  # of ``bytes``, what the LOB columns hold
    max_lob_bytes: dict[str, int] = field(default_factory=dict)  # LOB column -> its largest value, bytes
    partitions: dict[str, int] = field(default_factory=dict)  # partition -> bytes


@dataclass(frozen=True)
class StatsProblem:
    """A row of a statistics file that could not be read (the row is left out, the run goes on)."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class SourceFacts:
    """A live source as migplan read it: where the DDL came from, its sizes, its CDC settings."""

    family: str  # postgresql | mysql
    server: str  # "PostgreSQL 18.1", "MariaDB 10.11.6"
    tool: str  # "pg_dump 18.1", "mariadb-dump 10.19", "catalog queries"
    ddl: str  # the extracted DDL, read like any script
    ddl_file: str  # where it is written beside the outputs (relative), and the name items point to
    stats: dict[str, TableStats] = field(default_factory=dict)  # "SCHEMA.TABLE" upper-cased -> stats
    settings: dict[str, str] = field(default_factory=dict)  # server settings the CDC checks read
    replica_identity: dict[str, str] = field(default_factory=dict)  # PostgreSQL: "SCHEMA.TABLE" -> d|n|f|i
    notes: list[str] = field(default_factory=list)  # what the extraction wants the user to know

    @property
    def change_gb_per_hour(self) -> float | None:
        """The source's log volume per hour (WAL or binary log, averaged over what the server keeps):
        an upper bound of the changes DMS caches."""
        value = self.settings.get("wal_gb_per_hour") or self.settings.get("binlog_gb_per_hour")
        return float(value) if value else None
