from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, hit, is_word
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class MergeStatement(Rule):
    """MERGE in PL/SQL: PostgreSQL 15+ has MERGE with differences; MySQL has none.

    What it detects:
        ``MERGE INTO ... USING ... ON ... WHEN [NOT] MATCHED`` statements in procedures, functions,
        triggers, package and type bodies (the item notes Oracle's ``DELETE WHERE`` branch).

    Why it matters:
        PostgreSQL 15 and later (Aurora PostgreSQL 15+) have MERGE, but not Oracle's ``UPDATE ...
        DELETE WHERE`` branch and, before PostgreSQL 17, no RETURNING; older versions need INSERT
        ... ON CONFLICT (which requires a unique constraint on the match columns) or UPDATE + INSERT.
        MySQL has no MERGE: INSERT ... ON DUPLICATE KEY UPDATE needs a unique key on the match
        columns and cannot delete.

    Example:
        MERGE INTO inventories i USING staging s ON (i.product_id = s.product_id)
        WHEN MATCHED THEN UPDATE SET i.qty = s.qty DELETE WHERE s.qty = 0
        WHEN NOT MATCHED THEN INSERT (product_id, qty) VALUES (s.product_id, s.qty);

    Typical rewrite:
        PostgreSQL 15+: MERGE, with the DELETE WHERE branch as WHEN MATCHED AND ... THEN DELETE;
        MySQL: INSERT ... ON DUPLICATE KEY UPDATE (unique key on the match columns) plus a DELETE.

        MERGE INTO inventories i USING staging s ON i.product_id = s.product_id
        WHEN MATCHED AND s.qty = 0 THEN DELETE
        WHEN MATCHED THEN UPDATE SET qty = s.qty
        WHEN NOT MATCHED THEN INSERT (product_id, qty) VALUES (s.product_id, s.qty);

    Effort:
        Simple on PostgreSQL 15+, medium on MySQL.

    References:
        SCT action codes 5102, 5618, 5621 (Oracle to PostgreSQL; 5621: ensure a unique constraint
        exists for the emulation), 102 (Oracle to MySQL);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.MySQL.html (MERGE
        exists from PostgreSQL 15).
    """

    code = "ORA016"
    name = "merge-statement"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = CODE
    sct = ("Oracle->PostgreSQL 5102", "Oracle->PostgreSQL 5618", "Oracle->PostgreSQL 5621", "Oracle->MySQL 102")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        mysql = ctx.target_family == "mysql"
        for i, w in enumerate(ws):
            if not (w.kind == "word" and w.up == "MERGE" and is_word(ws, i + 1, "INTO")):
                continue
            end = next((j for j in range(i, len(ws)) if ws[j].kind == "punct" and ws[j].up == ";"), len(ws))
            delete = any(is_word(ws, j, "DELETE") and is_word(ws, j + 1, "WHERE") for j in range(i, end))
            extra = " with DELETE WHERE" if delete else ""
            fix = "INSERT ... ON DUPLICATE KEY UPDATE (needs a unique key on the match columns)" + \
                (" plus a DELETE" if delete else "") if mysql else \
                "MERGE on PostgreSQL 15+ (DELETE WHERE becomes WHEN MATCHED AND ... THEN DELETE), " \
                "INSERT ... ON CONFLICT before"
            yield hit(self, obj, ctx, w.line, f"MERGE{extra}: {fix}", source="MERGE INTO",
                      severity="high" if mysql else None, effort="medium" if mysql else None)
