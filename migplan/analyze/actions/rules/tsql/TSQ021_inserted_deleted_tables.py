from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_FROM = ("FROM", "JOIN")


class InsertedDeletedTables(Rule):
    """Triggers reading the inserted/deleted pseudo-tables: set-based trigger logic to re-express.

    What it detects:
        Each ``FROM inserted`` / ``JOIN deleted`` (the pseudo-tables holding the rows a statement
        changed) in a T-SQL trigger.

    Why it matters:
        SQL Server triggers fire once per statement and see all changed rows as tables. PostgreSQL
        offers the same with statement-level AFTER triggers and transition tables (``REFERENCING NEW
        TABLE AS inserted OLD TABLE AS deleted``; not for INSTEAD OF or BEFORE triggers), or row-level
        triggers with NEW/OLD. MySQL triggers are row-level only: the set-based logic (joins, aggregates,
        EXISTS on the pseudo-tables) must be rewritten per row with NEW./OLD., which also changes
        performance for bulk statements.

    Example:
        CREATE TRIGGER trg_orders_audit ON orders AFTER UPDATE AS
          INSERT INTO audit (id, old_total, new_total)
          SELECT i.id, d.total, i.total FROM inserted i JOIN deleted d ON d.id = i.id;

    Typical rewrite:
        PostgreSQL: an AFTER ... FOR EACH STATEMENT trigger with REFERENCING NEW TABLE / OLD TABLE (or a
        row trigger); MySQL: a FOR EACH ROW trigger using NEW and OLD.

        CREATE TRIGGER trg_orders_audit AFTER UPDATE ON orders
          REFERENCING OLD TABLE AS deleted NEW TABLE AS inserted
          FOR EACH STATEMENT EXECUTE FUNCTION orders_audit();

    Effort:
        Simple on PostgreSQL (transition tables keep the logic); medium on MySQL (row-level rewrite).

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (inserted/deleted pseudo-tables are converted),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (SCT action code
        686: MySQL triggers are row-level).
    """

    code = "TSQ021"
    name = "inserted-deleted-tables"
    category = "triggers"
    severity = "medium"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("trigger",)
    sct = ("SQL Server->MySQL 686",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        ws = ctx.words(obj)
        for i, w in enumerate(ws[1:], start=1):
            if w.kind != "word" or w.up not in ("INSERTED", "DELETED") or ws[i - 1].up not in _FROM:
                continue
            if mysql:
                msg = f"{w.text} pseudo-table: MySQL triggers are row-level; rewrite with NEW/OLD"
            else:
                msg = f"{w.text} pseudo-table: a transition table (statement-level AFTER trigger) or NEW/OLD"
            f = ctx.hit(self, obj, w.line, msg, source=f"{ws[i - 1].text} {w.text}")
            f.effort = "medium" if mysql else "simple"
            yield f
