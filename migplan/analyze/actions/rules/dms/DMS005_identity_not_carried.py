from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import dms_scope
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table

_WHAT = {
    "sqlserver": "DMS does not migrate the IDENTITY property",
    "sap-ase": "DMS does not migrate the IDENTITY property",
    "mysql": "DMS does not migrate the AUTO_INCREMENT attribute",
}


class IdentityNotCarried(Rule[Table]):
    """Identity / AUTO_INCREMENT / serial columns: DMS copies values, not the generator; re-seed at cutover.

    What it detects:
        Each identity column of a table DMS would migrate: SQL Server IDENTITY, MySQL AUTO_INCREMENT,
        PostgreSQL serial and identity columns, Oracle and Db2 identity columns.

    Why it matters:
        DMS copies the column's values but creates no identity property, sequence or AUTO_INCREMENT
        counter, and does not move the generator's state. When the target schema is created by SCT or
        migplan the column has a generator again, but it starts at its initial value: the first insert
        after cutover collides with migrated rows (duplicate key) or reuses numbers. If DMS creates the
        tables itself (DROP_AND_CREATE), the column is a plain number column without a generator.

    Example:
        CREATE TABLE orders (id INT IDENTITY(1,1) PRIMARY KEY, customer_id INT);

    Typical rewrite:
        Pre-create the target tables (SCT/migplan) so the identity exists, and at cutover, after the last
        changes are applied, restart each generator above max(column).

        SELECT setval(pg_get_serial_sequence('orders', 'id'), (SELECT max(id) FROM orders));
        -- MySQL: ALTER TABLE orders AUTO_INCREMENT = <max(id) + 1>;

    Effort:
        Simple per column, but it belongs in the cutover runbook.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (IDENTITY row),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (AUTO_INCREMENT),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html
        (DMS creates no identity or
        sequences),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (cutover step 4: re-seed),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
    """

    code = "DMS005"
    name = "identity-not-carried"
    category = "DMS readiness"
    severity = "medium"
    effort = "simple"
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if not dms_scope(obj, ctx):
            return
        what = _WHAT.get(ctx.source.family, "DMS does not move the generator or its current value")
        for col in obj.columns:
            if col.identity is None:
                continue
            yield ctx.hit(self, obj, col.line or obj.location.line, f"{col.identity.kind} column {col.name}: "
                          f"{what}; re-seed it above max({col.name}) at cutover", sub=col.name)
