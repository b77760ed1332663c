from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, is_word, line_of_words, statement_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class CompoundTrigger(Rule):
    """Oracle compound trigger: several timing points sharing state in one trigger.

    What it detects:
        ``CREATE TRIGGER ... FOR ... COMPOUND TRIGGER`` with its timing-point sections (BEFORE
        STATEMENT, BEFORE EACH ROW, AFTER EACH ROW, AFTER STATEMENT); the item lists the sections.

    Why it matters:
        Neither target has compound triggers. Each timing point becomes its own trigger (PostgreSQL:
        statement and row triggers, each with a function; MySQL: row triggers only, so statement
        sections have nowhere to go), and the variables they share (typically a collection of row
        ids filled per row and processed after the statement, the classic mutating-table workaround)
        must live in a temporary table or session state.

    Example:
        CREATE TRIGGER orders_ct FOR INSERT OR UPDATE ON orders COMPOUND TRIGGER
          TYPE t_ids IS TABLE OF NUMBER; g_ids t_ids := t_ids();
          AFTER EACH ROW IS BEGIN g_ids.EXTEND; g_ids(g_ids.LAST) := :NEW.id; END AFTER EACH ROW;
          AFTER STATEMENT IS BEGIN ... END AFTER STATEMENT;
        END orders_ct;

    Typical rewrite:
        PostgreSQL: an AFTER ... FOR EACH STATEMENT trigger with transition tables (REFERENCING NEW
        TABLE) often replaces the row/statement pair; otherwise separate triggers sharing a temporary
        table. MySQL: row triggers only, statement logic moves to procedures.

    Effort:
        Significant per trigger.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        (the Triggers rows list compound triggers, with codes not
        mapped one to one).
    """

    code = "TRG004"
    targets = ("postgresql", "mysql")  # Redshift has no triggers at all: RSH002
    name = "compound-trigger"
    category = "triggers"
    severity = "high"
    effort = "significant"
    sources = ("oracle",)
    kinds = ("trigger",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if not obj.attrs.get("compound"):
            return
        ws = statement_words(ctx, obj)
        line = line_of_words(ws, "COMPOUND", "TRIGGER") or obj.location.line
        points = []
        for i in range(len(ws)):
            if is_word(ws, i, "BEFORE", "AFTER", "INSTEAD") and not is_word(ws, i - 1, "END"):
                j = i + 2 if is_word(ws, i + 1, "OF") else i + 1
                if is_word(ws, j, "STATEMENT") or (is_word(ws, j, "EACH") and is_word(ws, j + 1, "ROW")):
                    points.append(" ".join(x.up for x in ws[i:j + (1 if ws[j].up == "STATEMENT" else 2)]))
        where = "PostgreSQL statement/row triggers sharing a temporary table" if ctx.target_family != "mysql" \
            else "MySQL row triggers (statement sections move to procedures)"
        yield hit(self, obj, ctx, line, f"compound trigger ({', '.join(points) or 'no timing points found'}): "
                  f"split into {where}", source="COMPOUND TRIGGER")
