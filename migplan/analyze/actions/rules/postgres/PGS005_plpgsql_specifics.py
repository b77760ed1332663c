from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import starts_statement
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine

_RAISE_LEVELS = {"DEBUG", "LOG", "INFO", "NOTICE", "WARNING"}


class PlpgsqlSpecifics(Rule[Routine]):
    """PL/pgSQL statements without a MySQL form: PERFORM, RAISE, FOUND, GET DIAGNOSTICS, RETURN NEXT/QUERY.

    What it detects:
        In PostgreSQL functions and procedures: ``PERFORM``, ``RAISE`` (EXCEPTION, NOTICE and the other
        levels, and the bare re-raise), the ``FOUND`` variable, ``GET [STACKED] DIAGNOSTICS`` and ``RETURN
        NEXT`` / ``RETURN QUERY``.

    Why it matters:
        MySQL stored programs differ: ``PERFORM query`` becomes ``DO`` or a SELECT ... INTO a dummy
        variable; ``RAISE EXCEPTION`` becomes ``SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = ...`` and a
        bare ``RAISE`` becomes ``RESIGNAL``; ``RAISE NOTICE`` has no equivalent (log to a table or
        drop it); ``FOUND`` becomes ``ROW_COUNT()`` after DML or a NOT FOUND handler after SELECT INTO
        and FETCH; ``GET DIAGNOSTICS ... ROW_COUNT`` exists in MySQL but the PG_* items do not, and
        stacked diagnostics use ``GET STACKED DIAGNOSTICS CONDITION 1``; MySQL functions cannot
        return rows, so ``RETURN NEXT``/``RETURN QUERY`` need a procedure with a result set.

    Example:
        PERFORM pg_advisory_xact_lock(42);
        UPDATE orders SET status = 'CLOSED' WHERE id = p_id;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'order % not found', p_id;
        END IF;

    Typical rewrite:
        SIGNAL for RAISE EXCEPTION, ROW_COUNT() for FOUND after DML, DO or SELECT ... INTO for PERFORM.

        UPDATE orders SET status = 'CLOSED' WHERE id = p_id;
        IF ROW_COUNT() = 0 THEN
          SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'order not found';
        END IF;

    Effort:
        Simple per statement; medium for RETURN NEXT / RETURN QUERY.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html
        (SCT PostgreSQL to MySQL); no SCT action code published for this pair.
    """

    code = "PGS005"
    name = "plpgsql-specifics"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("function", "procedure")

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        if (obj.language or "plpgsql").lower() != "plpgsql":
            return
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word":
                continue
            nxt = ws[i + 1].up if i + 1 < len(ws) else ";"
            effort = "simple"
            if w.up == "PERFORM" and starts_statement(ws, i):
                msg = "PERFORM: DO or SELECT ... INTO a variable"
            elif w.up == "RAISE" and starts_statement(ws, i):
                if nxt == ";":
                    msg = "RAISE (re-raise): RESIGNAL"
                elif nxt in _RAISE_LEVELS:
                    msg = f"RAISE {nxt}: no MySQL equivalent; log to a table or drop it"
                else:
                    msg = "RAISE EXCEPTION: SIGNAL SQLSTATE ... SET MESSAGE_TEXT (no format arguments)"
            elif w.up == "FOUND" and (i == 0 or ws[i - 1].up != "."):
                msg = "FOUND: ROW_COUNT() after DML, a NOT FOUND handler after SELECT INTO/FETCH"
            elif w.up == "GET" and (nxt == "DIAGNOSTICS" or (nxt == "STACKED" and i + 2 < len(ws) and
                                                              ws[i + 2].up == "DIAGNOSTICS")):
                msg = "GET STACKED DIAGNOSTICS: GET DIAGNOSTICS CONDITION 1 with MySQL item names" \
                    if nxt == "STACKED" else "GET DIAGNOSTICS: MySQL has it; PG_* items have no equivalent"
            elif w.up == "RETURN" and nxt in ("NEXT", "QUERY"):
                msg = f"RETURN {nxt}: MySQL functions return one value; return a result set from a procedure"
                effort = "medium"
            else:
                continue
            f = ctx.hit(self, obj, w.line, msg, source=w.text if w.up != "GET" else "GET DIAGNOSTICS")
            f.effort = effort
            yield f
