from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import dms_scope
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table

_WHAT = {
    "mysql": "DMS does not capture generated columns; pre-create the target table and drop the column from "
             "the task with a transformation rule",
    "sqlserver": "DMS does not replicate changes of computed columns; let the target compute it",
    "sap-ase": "DMS does not replicate changes of computed columns; let the target compute it",
    "oracle": "DMS does not support virtual columns; exclude it and let the target compute it",
}


class GeneratedColumnsNotCaptured(Rule[Table]):
    """Generated / computed / virtual columns: DMS does not capture them; the target must compute them.

    What it detects:
        Each generated column (MySQL ``GENERATED ALWAYS AS``, stored or virtual), computed column (SQL
        Server ``AS (expr)``) or virtual column (Oracle) of a table DMS would migrate.

    Why it matters:
        DMS does not capture MySQL generated columns, does not replicate changes of SQL Server computed
        columns and does not support Oracle virtual columns. If the target column is also generated, DMS
        must not write it (writing a generated column fails); if it is a plain column, it stays empty or
        stale. The target table has to be pre-created with the column computed there, and the task must
        leave the column out.

    Example:
        CREATE TABLE order_lines (qty INT, price DECIMAL(10,2),
          amount DECIMAL(12,2) GENERATED ALWAYS AS (qty * price) STORED);

    Typical rewrite:
        Pre-create the target table with a generated column (or a trigger) and add a transformation rule
        that removes the column from the task.

        {"rule-type": "transformation", "rule-id": "40", "rule-name": "drop-amount",
         "rule-action": "remove-column", "rule-target": "column",
         "object-locator": {"schema-name": "shop", "table-name": "order_lines", "column-name": "amount"}}

    Effort:
        Simple per column.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (virtual columns),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html
        (computed-column changes not replicated),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (generated columns not captured),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TableMapping.SelectionTransformation.Transformations.html
        (transformation rules).
    """

    code = "DMS007"
    name = "generated-columns-not-captured"
    category = "DMS readiness"
    severity = "medium"
    effort = "simple"
    sources = ("mysql", "sqlserver", "oracle")
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if not dms_scope(obj, ctx):
            return
        what = _WHAT.get(ctx.source.family)
        if not what:
            return
        for col in obj.columns:
            if col.computed is None:
                continue
            yield ctx.hit(self, obj, col.line or obj.location.line, f"generated column {col.name}: {what}",
                          source=col.computed, sub=col.name)
