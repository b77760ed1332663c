from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class Rules(Rule):
    """CREATE RULE: query-rewrite rules have no MySQL equivalent.

    What it detects:
        Each PostgreSQL rule (``CREATE RULE name AS ON event TO table DO [ALSO|INSTEAD] ...``) when the
        target is MySQL.

    Why it matters:
        Rules rewrite statements before they run: ``DO INSTEAD`` rules make views writable or silently
        discard statements, ``DO ALSO`` rules add statements. MySQL has no rewrite system: ``DO ALSO``
        becomes an AFTER trigger, ``DO INSTEAD NOTHING`` a BEFORE trigger that raises an error (the
        statement can no longer be discarded silently), and ``DO INSTEAD`` on views needs an updatable
        view or an application change (MySQL has no INSTEAD OF triggers).

    Example:
        CREATE RULE orders_archive AS ON DELETE TO orders
        DO ALSO INSERT INTO orders_deleted SELECT OLD.*;

    Typical rewrite:
        A trigger per rule event (AFTER for DO ALSO, BEFORE + SIGNAL for DO INSTEAD NOTHING); application
        changes for DO INSTEAD on views.

        CREATE TRIGGER orders_archive AFTER DELETE ON orders FOR EACH ROW
          INSERT INTO orders_deleted (id, total) VALUES (OLD.id, OLD.total);

    Effort:
        Medium per rule.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html
        (SCT PostgreSQL to MySQL); no SCT action code published for this pair.
    """

    code = "PGS011"
    name = "rules"
    category = "triggers"
    severity = "high"
    effort = "medium"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("rule",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        text = " ".join(obj.source.split()).upper()
        if " DO INSTEAD NOTHING" in text:
            how = "a BEFORE trigger that raises an error"
        elif " DO INSTEAD" in text:
            how = "an updatable view or an application change (no INSTEAD OF triggers)"
        else:
            how = "an AFTER trigger"
        msg = f"rule {obj.name}: no rewrite rules on MySQL; becomes {how}"
        yield ctx.hit(self, obj, obj.location.line, msg, source="CREATE RULE")
