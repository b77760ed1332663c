from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import hit, is_dml_trigger, is_punct
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine

_OPS = {"INSERTING": "INSERT", "UPDATING": "UPDATE", "DELETING": "DELETE"}


class TriggerPredicates(Rule[Routine]):
    """Which-event tests inside triggers: INSERTING/UPDATING/DELETING, UPDATE(col), COLUMNS_UPDATED().

    What it detects:
        Oracle conditional predicates ``INSERTING``, ``UPDATING``, ``UPDATING('col')``, ``DELETING``;
        SQL Server ``UPDATE(col)`` and ``COLUMNS_UPDATED()`` in trigger bodies; and, for a MySQL
        target, a trigger that fires on several events (MySQL needs one trigger per event).

    Why it matters:
        PostgreSQL tests ``TG_OP`` ('INSERT', 'UPDATE', 'DELETE') and has no column-level predicate:
        ``UPDATING('col')`` / ``UPDATE(col)`` become ``NEW.col IS DISTINCT FROM OLD.col``, which is
        true only when the value changed (SQL Server's UPDATE(col) is true whenever the column is in
        the SET list), or an ``UPDATE OF col`` trigger. COLUMNS_UPDATED() bit masks have no equivalent.
        On MySQL the trigger is split per event, and each predicate decides which branch goes into
        which trigger.

    Example:
        IF INSERTING THEN v_action := 'I';
        ELSIF UPDATING('STATUS') THEN v_action := 'S';
        END IF;

    Typical rewrite:
        PostgreSQL: IF TG_OP = 'INSERT' ... ELSIF TG_OP = 'UPDATE' AND NEW.status IS DISTINCT FROM
        OLD.status ...; MySQL: one trigger per event holding its branch.

    Effort:
        Simple per predicate.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        (conditional predicates and multiple events in the Triggers rows,
        codes not mapped one to one),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (UPDATE(col) / COLUMNS_UPDATED for SQL Server to
        PostgreSQL).
    """

    code = "TRG006"
    targets = ("postgresql", "mysql")  # Redshift has no triggers at all: RSH002
    name = "trigger-predicates"
    category = "triggers"
    severity = "medium"
    effort = "simple"
    kinds = ("trigger",)
    rewritten_when_converted = True

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.source_family == ctx.target_family:
            return
        mysql = ctx.target_family == "mysql"
        if mysql and is_dml_trigger(obj) and len(obj.events) > 1:
            yield hit(self, obj, ctx, obj.location.line, f"trigger on {' OR '.join(obj.events)}: MySQL needs one "
                      f"trigger per event ({len(obj.events)} triggers)", source=" OR ".join(obj.events))
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word":
                continue
            what = None
            if ctx.source_family == "oracle" and w.up in ("INSERTING", "UPDATING", "DELETING"):
                col = ws[i + 2].text if is_punct(ws, i + 1, "(") and i + 2 < len(ws) else None
                what = f"{w.up}({col})" if col else w.up
                if mysql:
                    fix = "keep the branch in the trigger for that event"
                elif col:
                    c = col.strip("'").lower()
                    fix = f"TG_OP = 'UPDATE' AND NEW.{c} IS DISTINCT FROM OLD.{c}"
                else:
                    fix = f"TG_OP = '{_OPS[w.up]}'"
            elif (
                ctx.source_family == "sqlserver" and w.up in ("UPDATE", "COLUMNS_UPDATED") and is_punct(ws, i + 1, "(")
            ):
                if w.up == "COLUMNS_UPDATED":
                    what, fix = "COLUMNS_UPDATED()", "no equivalent: compare NEW and OLD per column"
                else:
                    col = ws[i + 2].text if i + 2 < len(ws) else "?"
                    what = f"UPDATE({col})"
                    fix = "compare NEW and OLD values in a row trigger (true only when the value changed)" + \
                        ("" if mysql else ", or an UPDATE OF trigger")
            if what:
                yield hit(self, obj, ctx, w.line, f"trigger predicate {what}: {fix}", source=what)

    def rewritten(self, finding: Finding) -> bool:
        # INSERTING/UPDATING/DELETING become TG_OP tests; UPDATING('col') becomes "the value changed",
        # which is not the same test: that one keeps its effort
        return "('" not in finding.message
