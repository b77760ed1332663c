import re
from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import dms_scope
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table

_PARTITION_BY = re.compile(r"\s*PARTITION\s+BY\b", re.IGNORECASE)
_WHAT = {
    "oracle": "partition ADD/DROP/EXCHANGE/TRUNCATE is not replicated; reload the table after such changes",
    "mysql": "partition DDL is not replicated (skipTableSuspensionForPartitionDdl decides whether the table "
             "is suspended)",
    "postgresql": "partition ADD/DROP/TRUNCATE is not replicated, and DMS lands a partitioned table as a "
                  "plain table unless the target is pre-created",
    "sqlserver": "partition switching is not supported by DMS CDC",
    "db2": "ADD/ATTACH/DETACH PARTITION DDL is not replicated",
}


class PartitionDdlNotReplicated(Rule[Table]):
    """Partitioned tables: partition maintenance during CDC is not replicated by DMS.

    What it detects:
        Each partitioned table DMS would migrate (``PARTITION BY``; SQL Server tables created on a
        partition scheme).

    Why it matters:
        Jobs that add, drop, truncate, exchange or switch partitions keep running on the source during
        the migration, but DMS does not replicate that DDL (Oracle, PostgreSQL, MySQL, Db2; SQL Server
        partition switching is unsupported): dropped partitions stay on the target, truncated data
        remains, switched-in data is missing. Without a pre-created target, DMS also writes partitioned
        tables as plain tables (MySQL and PostgreSQL sources).

    Example:
        CREATE TABLE sales (id NUMBER, sold DATE)
          PARTITION BY RANGE (sold) INTERVAL (NUMTOYMINTERVAL(1, 'MONTH'))
          (PARTITION p0 VALUES LESS THAN (DATE '2020-01-01'));

    Typical rewrite:
        Pre-create the partitioned target tables; pause partition maintenance during the migration, or
        repeat each partition operation on the target (and reload the table if needed) before cutover.

        -- during the migration window, run the monthly partition job on both sides

    Effort:
        Simple per table: an operational rule for the migration window.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html (partition switching),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (partition DDL),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.DB2.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html
        (partitioned sources become plain tables).
    """

    code = "DMS010"
    name = "partition-ddl-not-replicated"
    category = "DMS readiness"
    severity = "medium"
    effort = "simple"
    sources = ("oracle", "mysql", "postgresql", "sqlserver", "db2")
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if not dms_scope(obj, ctx):
            return
        family = ctx.source.family
        partitioned = bool(_PARTITION_BY.match(obj.partitioning or ""))  # not a PARTITION OF child
        on_scheme = family == "sqlserver" and re.search(r"\w\s*\(", obj.options.get("ON", ""))
        if not partitioned and not on_scheme:
            return
        what = _WHAT.get(family, "partition DDL is not replicated by DMS")
        if partitioned:
            line = ctx.line_of(obj, r"\bPARTITION\s+BY\b")
        else:
            line = ctx.line_of(obj, r"\bON\s+\[?\w+\]?\s*\(")
        yield ctx.hit(self, obj, line or obj.location.line, f"partitioned table: {what}")
