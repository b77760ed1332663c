from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, is_dml_trigger
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine


class DmlTriggerRewrite(Rule[Routine]):
    """A DML trigger: rewritten as a trigger function plus CREATE TRIGGER (PostgreSQL) or per event (MySQL).

    What it detects:
        Every INSERT/UPDATE/DELETE trigger on a table or view moving to another engine family
        (INSTEAD OF, compound and system triggers have their own items: TRG002, TRG004, TRG005;
        statement-level triggers going to MySQL are TRG003).

    Why it matters:
        The trigger's shape changes even when its body converts cleanly. PostgreSQL splits it into a
        trigger function (RETURNS trigger, which must RETURN NEW / OLD / NULL) and a CREATE TRIGGER
        that names it; :NEW/:OLD (or inserted/deleted) become NEW/OLD or transition tables. MySQL has
        row-level triggers only, one per table, timing and event, with no WHEN clause and no UPDATE OF
        column list. The body itself is counted by COD001.

    Example:
        CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW
        BEGIN :NEW.created_at := SYSDATE; END;

    Typical rewrite:
        PostgreSQL: a trigger function and a trigger; MySQL: one row trigger per event, with the WHEN
        condition moved into an IF.

        CREATE FUNCTION orders_bi() RETURNS trigger LANGUAGE plpgsql AS
          $$ BEGIN NEW.created_at := LOCALTIMESTAMP(0); RETURN NEW; END $$;
        CREATE TRIGGER orders_bi BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION orders_bi();

    Effort:
        Simple per trigger (the body is counted separately).

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        to
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        (Triggers rows),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (DML triggers stay disabled during the
        load and are enabled right before cutover).
    """

    code = "TRG001"
    targets = ("postgresql", "mysql")  # Redshift has no triggers at all: RSH002
    name = "dml-trigger-rewrite"
    category = "triggers"
    severity = "low"
    effort = "simple"
    kinds = ("trigger",)
    rewritten_when_converted = True

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.source_family == ctx.target_family or not is_dml_trigger(obj) or obj.timing == "INSTEAD OF":
            return
        row = bool(obj.for_each_row) and ctx.source_family != "sqlserver"
        events = " OR ".join(obj.events)
        if ctx.target_family == "mysql":
            if not row:
                return  # TRG003
            extra = [x for x, present in (("the WHEN condition becomes an IF", obj.attrs.get("when")),
                                          ("UPDATE OF columns are not supported",
                                           obj.attrs.get("update_of"))) if present]
            colon = ", NEW/OLD without ':'" if ctx.source_family == "oracle" else ""
            msg = f"{obj.timing} {events} row trigger: MySQL row trigger(s), one per event{colon}" + \
                ("; " + "; ".join(extra) if extra else "")
        elif row:
            msg = f"{obj.timing} {events} row trigger: a trigger function (RETURN NEW/OLD) plus CREATE TRIGGER ... " \
                  "FOR EACH ROW" + ("; :NEW/:OLD become NEW/OLD" if ctx.source_family == "oracle" else "")
        else:
            sets = " reading inserted/deleted" if ctx.source_family == "sqlserver" else ""
            msg = f"{obj.timing} {events} statement trigger{sets}: a trigger function plus CREATE TRIGGER ... FOR " \
                  "EACH STATEMENT (transition tables: REFERENCING NEW TABLE / OLD TABLE), or a row trigger"
        yield hit(self, obj, ctx, obj.location.line, msg, source=f"{obj.timing} {events}")
