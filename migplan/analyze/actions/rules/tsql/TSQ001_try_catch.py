from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class TryCatch(Rule):
    """BEGIN TRY ... BEGIN CATCH: error handling to rewrite in the target's model.

    What it detects:
        Each ``BEGIN TRY`` block in a T-SQL procedure, function or trigger.

    Why it matters:
        PostgreSQL handles errors with a ``BEGIN ... EXCEPTION WHEN ... THEN`` block: the block's work
        is rolled back to an implicit savepoint when an exception is caught, and ``ERROR_NUMBER()``,
        ``ERROR_MESSAGE()``, ``ERROR_LINE()`` become ``SQLSTATE``, ``SQLERRM`` and ``GET STACKED
        DIAGNOSTICS``. MySQL has no blocks that catch: it uses condition handlers (``DECLARE EXIT
        HANDLER FOR SQLEXCEPTION``) declared at the top of a ``BEGIN ... END``. Code in the CATCH block
        that tests ``XACT_STATE()`` or ``@@TRANCOUNT``, or that commits or rolls back, needs a new
        design on both targets.

    Example:
        BEGIN TRY
          INSERT INTO orders (id) VALUES (@id);
        END TRY
        BEGIN CATCH
          INSERT INTO error_log (msg) VALUES (ERROR_MESSAGE());
        END CATCH

    Typical rewrite:
        PostgreSQL: a BEGIN ... EXCEPTION WHEN OTHERS THEN ... END block, with SQLERRM for the message.
        MySQL: a nested BEGIN ... END with DECLARE EXIT HANDLER FOR SQLEXCEPTION and GET DIAGNOSTICS.

        BEGIN
          INSERT INTO orders (id) VALUES (p_id);
        EXCEPTION WHEN OTHERS THEN
          INSERT INTO error_log (msg) VALUES (SQLERRM);
        END;

    Effort:
        Medium per block: the rewrite is mechanical, the transaction behaviour of the handler must be
        tested.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (TRY/CATCH maps to BEGIN ... EXCEPTION; no SCT code listed),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (SQL Server to MySQL error-handling codes 729, 730, 733, 814, 837).
    """

    code = "TSQ001"
    name = "try-catch"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->MySQL 729", "SQL Server->MySQL 730", "SQL Server->MySQL 733", "SQL Server->MySQL 814",
           "SQL Server->MySQL 837")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.target_family == "mysql":
            how = "MySQL has no TRY blocks: use DECLARE ... HANDLER FOR SQLEXCEPTION in a nested block"
        else:
            how = "becomes a BEGIN ... EXCEPTION WHEN ... block; ERROR_*() functions become SQLSTATE/SQLERRM"
        for line in ctx.find(obj, "BEGIN", "TRY"):
            yield ctx.hit(self, obj, line, f"TRY...CATCH: {how}", source="BEGIN TRY")
