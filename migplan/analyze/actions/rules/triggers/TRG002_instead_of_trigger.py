from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, line_of_words, statement_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine, Table


class InsteadOfTrigger(Rule[Routine]):
    """INSTEAD OF triggers: PostgreSQL allows them on views only, row by row; MySQL has none.

    What it detects:
        Triggers with ``INSTEAD OF`` timing (Oracle and SQL Server, on views or, in SQL Server, on
        tables).

    Why it matters:
        PostgreSQL supports ``INSTEAD OF ... FOR EACH ROW`` triggers on views: an Oracle INSTEAD OF
        trigger maps directly, but a SQL Server one is statement-level (it reads the inserted/deleted
        sets) and must be rewritten per row, and INSTEAD OF on a table does not exist (a BEFORE
        trigger returning NULL replaces it). MySQL has no INSTEAD OF triggers and no triggers on
        views: the write path through the view must move to procedures or the application.

    Example:
        CREATE TRIGGER v_orders_ins INSTEAD OF INSERT ON v_orders FOR EACH ROW
        BEGIN INSERT INTO orders (id, status) VALUES (:NEW.id, 'NEW'); END;

    Typical rewrite:
        PostgreSQL: a trigger function and CREATE TRIGGER ... INSTEAD OF INSERT ON v_orders FOR EACH
        ROW (on a table: BEFORE ... RETURN NULL); MySQL: a procedure the application calls instead of
        writing to the view.

    Effort:
        Medium per trigger on PostgreSQL; significant on MySQL.

    References:
        SCT action code 7809 (SQL Server to PostgreSQL, INSTEAD OF triggers); Oracle to MySQL: the
        Triggers row of
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        lists INSTEAD OF first among its features with codes 236-244 (and 310,
        311, 415, 524, 588), not mapped one to one;
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "TRG002"
    targets = ("postgresql", "mysql")  # Redshift has no triggers at all: RSH002
    name = "instead-of-trigger"
    category = "triggers"
    severity = "high"
    effort = "medium"
    kinds = ("trigger",)
    sct = ("SQL Server->PostgreSQL 7809", "Oracle->MySQL 236-244")

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        if obj.timing != "INSTEAD OF" or ctx.source_family == ctx.target_family:
            return
        line = line_of_words(statement_words(ctx, obj), "INSTEAD", "OF") or obj.location.line
        target = ctx.inventory.lookup("table", obj.table_schema, obj.table_name) if obj.table_name else None
        on_table = isinstance(target, Table)  # tables and views share one namespace
        on = f"{'table' if on_table else 'view'} {obj.table_qname}"
        if ctx.target_family == "mysql":
            yield hit(self, obj, ctx, line, f"INSTEAD OF trigger on {on}: MySQL has no INSTEAD OF triggers (nor "
                      "triggers on views); move the write logic to a procedure", source="INSTEAD OF",
                      effort="significant")
        elif on_table:
            yield hit(self, obj, ctx, line, f"INSTEAD OF trigger on {on}: PostgreSQL allows INSTEAD OF on views only; "
                      "use a BEFORE row trigger that returns NULL", source="INSTEAD OF")
        else:
            per_row = "" if obj.for_each_row else "; the source trigger works on sets, rewrite it per row"
            yield hit(self, obj, ctx, line, f"INSTEAD OF trigger on {on}: PostgreSQL INSTEAD OF ... FOR EACH ROW on "
                      f"the view{per_row}", source="INSTEAD OF", severity="medium")
