from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_KINDS = ("CONTINUE", "EXIT", "UNDO")


class ConditionHandlers(Rule):
    """DECLARE CONTINUE/EXIT HANDLER: MySQL condition handlers become PL/pgSQL EXCEPTION blocks.

    What it detects:
        Each ``DECLARE CONTINUE HANDLER``, ``DECLARE EXIT HANDLER`` or ``DECLARE UNDO HANDLER`` in a
        MySQL procedure, function, trigger or event.

    Why it matters:
        PL/pgSQL catches errors with a ``BEGIN ... EXCEPTION WHEN ... THEN`` block around the statements;
        an EXIT handler maps onto it (the block's changes are rolled back to an implicit savepoint,
        which a MySQL EXIT handler does not do). A CONTINUE handler, which resumes with the next
        statement, has no equivalent: each statement that may fail needs its own block. The common
        ``CONTINUE HANDLER FOR NOT FOUND SET done = 1`` cursor loop becomes ``EXIT WHEN NOT FOUND``
        after the FETCH (or a FOR loop).

    Example:
        DECLARE done INT DEFAULT 0;
        DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
        DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;

    Typical rewrite:
        EXIT handlers: an EXCEPTION clause on the enclosing block; NOT FOUND handlers: test FOUND after
        FETCH/SELECT INTO; other CONTINUE handlers: a nested block per statement that may fail.

        LOOP
          FETCH c INTO v_id;
          EXIT WHEN NOT FOUND;
          ...
        END LOOP;

    Effort:
        Simple for NOT FOUND handlers; medium for EXIT handlers; medium to significant for other
        CONTINUE handlers.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (MySQL to PostgreSQL: no SCT action codes published).
    """

    code = "MYS001"
    name = "condition-handlers"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("mysql",)
    targets = ("postgresql",)
    kinds = ("procedure", "function", "trigger", "event")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws[:-3]):
            if w.up != "DECLARE" or ws[i + 1].up not in _KINDS or ws[i + 2].up != "HANDLER":
                continue
            kind = ws[i + 1].up
            cond = " ".join(x.up for x in ws[i + 4:i + 6]) if ws[i + 3].up == "FOR" else ""
            if cond.startswith("NOT FOUND"):
                msg, effort = f"{kind} HANDLER FOR NOT FOUND: test FOUND after FETCH/SELECT INTO", "simple"
            elif kind == "CONTINUE":
                msg = ("CONTINUE HANDLER: no equivalent; wrap each statement that may fail in its own "
                       "BEGIN ... EXCEPTION block")
                effort = "significant"
            else:
                msg, effort = f"{kind} HANDLER: becomes an EXCEPTION clause of the enclosing block", "medium"
            f = ctx.hit(self, obj, w.line, msg, source=f"DECLARE {kind} HANDLER")
            f.effort = effort
            yield f
