from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import dms_scope, has_key, has_unique_key
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_WHAT = {
    "oracle": "needs supplemental logging of ALL columns (ALTER TABLE ... ADD SUPPLEMENTAL LOG DATA (ALL) "
              "COLUMNS) for DMS to replicate its changes",
    "sqlserver": "without MS-CDC on it DMS captures only INSERT and DELETE (UPDATE and TRUNCATE are "
                 "ignored); enable MS-CDC for the table (sys.sp_cdc_enable_table)",
    "mysql": "CDC works but applies slowly, and batch apply is not possible",
    "postgresql": "DMS ignores its UPDATEs and DELETEs in CDC unless it gets a primary key or REPLICA "
                  "IDENTITY FULL (test_decoding plugin only)",
}


class TableWithoutKey(Rule):
    """A table without primary key or unique constraint: CDC cannot apply its changes reliably.

    What it detects:
        A table DMS would migrate that has neither a primary key nor a unique constraint or unique
        index. For PostgreSQL sources only a primary key counts: logical decoding logs the old primary
        key (REPLICA IDENTITY DEFAULT), not other unique keys.

    Why it matters:
        DMS applies UPDATEs and DELETEs by key. What happens without one depends on the source engine:
        Oracle needs ALL-columns supplemental logging for the table; SQL Server captures only INSERT and
        DELETE (UPDATE and TRUNCATE are ignored) unless the table is captured with MS-CDC; MySQL
        replicates, but slowly and without batch apply; PostgreSQL ignores UPDATE and DELETE unless
        REPLICA IDENTITY FULL is set (test_decoding only). Without a key DMS also cannot validate the
        table or use batch apply, and the target gets no key for the application either.

    Example:
        CREATE TABLE audit_log (logged_at TIMESTAMP, user_name VARCHAR(30), action VARCHAR(200));

    Typical rewrite:
        Add a primary key (a natural key, or a new identity column) before the migration starts; if the
        table cannot have one, prepare the source as the engine requires (Oracle ALL-columns
        supplemental logging, SQL Server MS-CDC, PostgreSQL REPLICA IDENTITY FULL) or reload the table at
        cutover instead of replicating it.

        ALTER TABLE audit_log ADD id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;

    Effort:
        Simple per table when a key can be added; otherwise a per-table CDC preparation.

    References:
        DMS premigration assessment table-with-no-primary-key-or-unique-constraint;
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.Assessments.All.html
        (row "Tables without PK"),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.TargetMetadata.html
        (BatchApplyEnabled needs a key).
    """

    code = "DMS001"
    name = "table-without-key"
    category = "DMS readiness"
    severity = "high"
    effort = "simple"
    kinds = ("table",)
    dms = ("table-with-no-primary-key-or-unique-constraint",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if not dms_scope(obj, ctx) or has_key(obj, ctx):
            return
        family = ctx.source.family
        what = _WHAT.get(family, "DMS cannot validate it or batch-apply its changes")
        if family == "postgresql" and has_unique_key(obj):
            what += "; its unique key does not count"
        yield ctx.hit(self, obj, obj.location.line, f"no primary key or unique constraint: {what}")
