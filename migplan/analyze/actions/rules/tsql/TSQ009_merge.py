from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class Merge(Rule):
    """MERGE: supported only by PostgreSQL 15+ (with differences); emulate it on MySQL.

    What it detects:
        Each ``MERGE`` statement in a T-SQL procedure, function or trigger (not the MERGE join hint).

    Why it matters:
        PostgreSQL 15 added MERGE; a RETURNING clause (T-SQL's OUTPUT) and ``WHEN NOT MATCHED BY
        SOURCE`` came only with PostgreSQL 17. Older targets need ``INSERT ... ON CONFLICT`` (which
        requires a unique constraint on the match columns) or separate UPDATE and INSERT statements.
        MySQL has no MERGE: ``INSERT ... ON DUPLICATE KEY UPDATE`` covers the upsert case only; deletes
        of unmatched rows need their own statement.

    Example:
        MERGE INTO stock AS t USING deliveries AS s ON t.item_id = s.item_id
        WHEN MATCHED THEN UPDATE SET qty = t.qty + s.qty
        WHEN NOT MATCHED THEN INSERT (item_id, qty) VALUES (s.item_id, s.qty);

    Typical rewrite:
        PostgreSQL 15+: keep MERGE and move OUTPUT logic elsewhere; otherwise INSERT ... ON CONFLICT (match
        columns) DO UPDATE. MySQL: INSERT ... ON DUPLICATE KEY UPDATE plus a DELETE for BY SOURCE.

        INSERT INTO stock (item_id, qty) SELECT item_id, qty FROM deliveries
        ON CONFLICT (item_id) DO UPDATE SET qty = stock.qty + EXCLUDED.qty;

    Effort:
        Medium per statement: check the match condition is a unique key and test concurrency.

    References:
        SCT action codes 7915, 7916 (SQL Server to PostgreSQL: MERGE emulation), 832 (SQL Server to
        MySQL);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.MySQL.html
        (MERGE in PostgreSQL 15+).
    """

    code = "TSQ009"
    name = "merge"
    category = "procedural code"
    severity = "high"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7915", "SQL Server->PostgreSQL 7916", "SQL Server->MySQL 832")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.up != "MERGE" or w.kind != "word" or (i + 1 < len(ws) and ws[i + 1].up in ("JOIN", "UNION")):
                continue
            j = i + 1
            extras = set()
            while j < len(ws) and ws[j].up != ";":
                if ws[j].up == "SOURCE" and ws[j - 1].up == "BY":
                    extras.add("WHEN NOT MATCHED BY SOURCE")
                elif ws[j].up == "OUTPUT":
                    extras.add("OUTPUT")
                j += 1
            if ctx.target_family == "mysql":
                msg = "MERGE: MySQL has none; INSERT ... ON DUPLICATE KEY UPDATE and separate statements"
            else:
                msg = "MERGE: PostgreSQL 15+ only, else INSERT ... ON CONFLICT"
                if extras:
                    msg += f"; {' and '.join(sorted(extras))} not in PostgreSQL's MERGE before 17"
            yield ctx.hit(self, obj, w.line, msg, source="MERGE")
