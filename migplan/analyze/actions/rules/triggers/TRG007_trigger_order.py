from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, is_dml_trigger, line_of_words, statement_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine


class TriggerOrder(Rule[Routine]):
    """Trigger firing order: FOLLOWS/PRECEDES, or several triggers for the same table, timing and event.

    What it detects:
        Triggers declared with ``FOLLOWS`` / ``PRECEDES`` (Oracle; MySQL keeps them, so not reported
        for a MySQL target), and each additional trigger on the same table with the same timing,
        level (row/statement) and an event in common.

    Why it matters:
        The engines order such triggers differently: Oracle leaves the order undefined unless
        FOLLOWS/PRECEDES say otherwise, SQL Server uses sp_settriggerorder (first/last only),
        PostgreSQL fires them in alphabetical order of their names, MySQL in creation order (or by
        FOLLOWS/PRECEDES). When one trigger relies on another's effect (a key assigned, a column
        normalised), the order after migration can silently change the result.

    Example:
        CREATE TRIGGER orders_bi_2 BEFORE INSERT ON orders FOR EACH ROW FOLLOWS orders_bi_1 BEGIN ... END;

    Typical rewrite:
        PostgreSQL: name the triggers so that alphabetical order is the intended order (or merge them
        into one); MySQL: create them in order or keep FOLLOWS/PRECEDES.

    Effort:
        Simple per trigger.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        (FOLLOWS/PRECEDES and multiple triggers per event in the Triggers
        rows, codes not mapped one to one).
    """

    code = "TRG007"
    targets = ("postgresql", "mysql")  # Redshift has no triggers at all: RSH002
    name = "trigger-order"
    category = "triggers"
    severity = "low"
    effort = "simple"
    kinds = ("trigger",)

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.source_family == ctx.target_family or not is_dml_trigger(obj):
            return
        mysql = ctx.target_family == "mysql"
        rule = "MySQL fires them in creation order" if mysql else "PostgreSQL fires them in alphabetical order of name"
        if obj.attrs.get("order"):
            if mysql:
                return  # MySQL has FOLLOWS / PRECEDES too
            ws = statement_words(ctx, obj)
            line = line_of_words(ws, "FOLLOWS") or line_of_words(ws, "PRECEDES") or obj.location.line
            yield hit(self, obj, ctx, line, f"ordered relative to {obj.attrs['order']} (FOLLOWS/PRECEDES): {rule}; "
                      "rename (or merge) the triggers to keep the order", source=f"FOLLOWS {obj.attrs['order']}")
            return
        earlier = [t for t in ctx.inventory.routines if t is not obj and is_dml_trigger(t) and _same_slot(t, obj)
                   and (t.location.file, t.location.line) < (obj.location.file, obj.location.line)]
        if earlier:
            names = ", ".join(t.name for t in earlier)
            yield hit(self, obj, ctx, obj.location.line, f"also fires on {obj.timing} {'/'.join(obj.events)} of "
                      f"{obj.table_qname} with {names}: {rule}; check that the order does not matter",
                      source=obj.name)


def _same_slot(a, b) -> bool:
    return ((a.table_qname or "").upper() == (b.table_qname or "").upper() and a.timing == b.timing
            and bool(a.for_each_row) == bool(b.for_each_row) and bool(set(a.events) & set(b.events)))
