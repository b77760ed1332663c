from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, hit
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class Forall(Rule):
    """FORALL: one DML statement run for every element of a collection.

    What it detects:
        ``FORALL i IN ... [SAVE EXCEPTIONS]`` in procedures, functions, triggers, package and type
        bodies.

    Why it matters:
        Neither target has FORALL. A plain loop runs one statement per element (slower, and
        ``SAVE EXCEPTIONS`` / ``SQL%BULK_EXCEPTIONS`` error collection has to be written by hand);
        on PostgreSQL a single set-based statement over ``unnest(array)`` usually replaces it. MySQL
        has no collections to iterate, so the data must come from a table.

    Example:
        FORALL i IN 1 .. l_ids.COUNT
          UPDATE orders SET status = 'CLOSED' WHERE order_id = l_ids(i);

    Typical rewrite:
        One set-based statement (PostgreSQL: ... WHERE order_id = ANY(l_ids) or FROM unnest(l_ids));
        otherwise a FOR loop, with a nested BEGIN ... EXCEPTION block where SAVE EXCEPTIONS was used.

        UPDATE orders SET status = 'CLOSED' WHERE order_id = ANY(l_ids);

    Effort:
        Medium per statement; more with SAVE EXCEPTIONS.

    References:
        SCT action code 5121 (Oracle to PostgreSQL); https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
    """

    code = "ORA003"
    name = "forall"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("oracle",)
    kinds = CODE
    sct = ("Oracle->PostgreSQL 5121",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word" or w.up != "FORALL":
                continue
            save = any(ws[j].up == "SAVE" and ws[j + 1].up == "EXCEPTIONS"
                       for j in range(i, min(i + 40, len(ws) - 1)) if ws[j].kind == "word")
            extra = " with SAVE EXCEPTIONS (collect errors by hand)" if save else ""
            fix = "a loop over rows of a table (MySQL has no collections)" if ctx.target_family == "mysql" else \
                "one set-based statement over unnest()/ANY(array), or a FOR loop"
            yield hit(self, obj, ctx, w.line, f"FORALL{extra}: rewrite as {fix}", source="FORALL",
                      effort="significant" if ctx.target_family == "mysql" or save else None)
