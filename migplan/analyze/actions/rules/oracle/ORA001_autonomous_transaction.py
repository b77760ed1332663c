from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class AutonomousTransaction(Rule):
    """PRAGMA AUTONOMOUS_TRANSACTION: the routine commits independently of its caller.

    What it detects:
        ``PRAGMA AUTONOMOUS_TRANSACTION`` in a procedure, function, trigger or package body.

    Why it matters:
        PostgreSQL and MySQL have no autonomous transactions: a COMMIT inside a called routine commits
        (or cannot commit) the caller's work. Logging and auditing routines usually rely on this to keep
        their rows when the caller rolls back.

    Example:
        PROCEDURE log_error(p_msg VARCHAR2) IS
          PRAGMA AUTONOMOUS_TRANSACTION;
        BEGIN
          INSERT INTO app_log (message) VALUES (p_msg);
          COMMIT;
        END;

    Typical rewrite:
        Write through a separate connection (PostgreSQL: dblink or pg_background; SCT's extension pack
        uses dblink), or move the logging out of the transaction (application side, or a queue table
        read after commit).

    Effort:
        Significant: each use needs a design decision and tests of rollback behaviour.

    References:
        SCT action code 5663 (Oracle to PostgreSQL), 235 (Oracle to MySQL);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "ORA001"
    name = "autonomous-transaction"
    category = "procedural code"
    severity = "high"
    effort = "significant"
    sources = ("oracle",)
    kinds = ("procedure", "function", "package body", "trigger", "type body")
    sct = ("Oracle->PostgreSQL 5663", "Oracle->MySQL 235")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        for line in ctx.find(obj, "PRAGMA", "AUTONOMOUS_TRANSACTION"):
            yield ctx.hit(self, obj, line, "autonomous transaction: commits independently of the caller",
                          source="PRAGMA AUTONOMOUS_TRANSACTION")
