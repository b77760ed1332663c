from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, is_dml_trigger
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine


class StatementTriggerOnMysql(Rule[Routine]):
    """A statement-level trigger going to MySQL, which has row-level triggers only.

    What it detects:
        For a MySQL target: DML triggers that fire once per statement, i.e. every SQL Server AFTER /
        FOR trigger (SQL Server has no row-level triggers), Oracle and PostgreSQL triggers without
        FOR EACH ROW. INSTEAD OF triggers are TRG002.

    Why it matters:
        MySQL only has ``FOR EACH ROW`` triggers. Logic that works on the whole set of changed rows
        (SQL Server's inserted/deleted tables, an Oracle statement trigger recomputing a total)
        runs once per row on MySQL: aggregates must become per-row increments, checks across rows
        move to the application or a procedure, and performance changes for bulk statements.

    Example:
        CREATE TRIGGER tr_orders_audit ON sales.orders AFTER INSERT, UPDATE AS
        INSERT INTO audit_log (order_id, action) SELECT i.order_id, 'CHANGE' FROM inserted i;

    Typical rewrite:
        One row trigger per event using NEW/OLD, when the logic is per row; otherwise move it to the
        procedures that modify the table.

        CREATE TRIGGER tr_orders_audit_ins AFTER INSERT ON orders FOR EACH ROW
          INSERT INTO audit_log (order_id, action) VALUES (NEW.order_id, 'CHANGE');

    Effort:
        Medium per trigger; significant when the logic needs the whole set of rows.

    References:
        SCT action code 686 (SQL Server to MySQL: statement-level triggers); Oracle to MySQL: the
        Triggers row of
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        lists statement triggers with codes not mapped one to one;
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "TRG003"
    name = "statement-trigger-on-mysql"
    category = "triggers"
    severity = "high"
    effort = "medium"
    targets = ("mysql",)
    kinds = ("trigger",)
    sct = ("SQL Server->MySQL 686",)

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.source_family == "mysql" or not is_dml_trigger(obj) or obj.timing == "INSTEAD OF":
            return
        if obj.for_each_row and ctx.source_family != "sqlserver":
            return
        sets = " (it reads the inserted/deleted sets)" if ctx.source_family == "sqlserver" else ""
        yield hit(self, obj, ctx, obj.location.line, f"statement-level {obj.timing} {' OR '.join(obj.events)} trigger"
                  f"{sets}: MySQL triggers are row-level only; rewrite per row or move the logic to procedures",
                  source=f"{obj.timing} {' OR '.join(obj.events)}")
