from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import dms_scope
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class CascadeNotReplicated(Rule[Table]):
    """MySQL foreign keys with ON DELETE/UPDATE CASCADE: the cascaded changes are not in the binlog.

    What it detects:
        Each foreign key of a MySQL table declared ``ON DELETE CASCADE`` or ``ON UPDATE CASCADE``.

    Why it matters:
        InnoDB applies cascades inside the storage engine; the child rows it deletes or updates are not
        written to the binary log, so DMS CDC never sees them. While the target's foreign keys are off
        (AWS recommends them off during the full load and the cached-change apply, often until cutover),
        a parent row deleted on the source disappears on the target but its children stay, and the two
        sides silently diverge.

    Example:
        CREATE TABLE order_lines (id INT PRIMARY KEY, order_id INT,
          FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE);

    Typical rewrite:
        Keep the foreign key with its CASCADE enabled on the target during CDC (so the target cascades
        itself), or reconcile child tables before cutover (delete orphans), and validate them with DMS
        validation or row counts.

        DELETE FROM order_lines l WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = l.order_id);

    Effort:
        Simple per foreign key, plus a reconciliation step in the cutover runbook.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (ON DELETE/UPDATE CASCADE effects are not replicated),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (foreign keys
        disabled during load and cached-change apply).
    """

    code = "DMS006"
    name = "cascade-not-replicated"
    category = "DMS readiness"
    severity = "high"
    effort = "simple"
    sources = ("mysql",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if not dms_scope(obj, ctx):
            return
        for fk in obj.foreign_keys:
            actions = [f"ON {w} CASCADE" for w, a in (("DELETE", fk.on_delete), ("UPDATE", fk.on_update))
                       if (a or "").upper() == "CASCADE"]
            if not actions:
                continue
            line = fk.location.line if fk.location else obj.location.line
            name = f"foreign key {fk.name}" if fk.name else "foreign key"
            msg = (f"{name} to {fk.ref_qname} {' '.join(actions)}: cascaded child changes are not in the "
                   "binlog, so DMS does not replicate them")
            yield ctx.hit(self, obj, line, msg, sub=fk.name)
