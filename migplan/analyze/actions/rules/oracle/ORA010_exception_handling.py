from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import ROUTINES, hit, is_punct, is_word
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class ExceptionHandling(Rule):
    """Oracle error handling: RAISE_APPLICATION_ERROR, user exceptions, EXCEPTION_INIT, SQLCODE/SQLERRM.

    What it detects:
        ``RAISE_APPLICATION_ERROR`` calls, user-defined exception declarations (``e_x EXCEPTION;``)
        and the ``RAISE`` of one, ``PRAGMA EXCEPTION_INIT``, and uses of ``SQLCODE`` and ``SQLERRM``.

    Why it matters:
        Oracle errors are negative numbers (ORA-20000 to ORA-20999 for application errors); the
        targets use five-character SQLSTATE codes. PostgreSQL raises with ``RAISE EXCEPTION ...
        USING ERRCODE`` and has no named exception declarations (SQLERRM exists, SQLCODE becomes
        SQLSTATE, a text value); MySQL uses ``SIGNAL`` / ``RESIGNAL`` and condition handlers. Callers
        and applications that test for a specific error number must change with the routine.

    Example:
        e_locked EXCEPTION;
        PRAGMA EXCEPTION_INIT(e_locked, -54);
        ...
        RAISE_APPLICATION_ERROR(-20010, 'order ' || p_id || ' is locked');

    Typical rewrite:
        Agree on a SQLSTATE per application error (e.g. 'P0010'), raise it with RAISE EXCEPTION ...
        USING ERRCODE (PostgreSQL) or SIGNAL SQLSTATE (MySQL), catch it by that code, and replace
        SQLCODE by SQLSTATE.

        RAISE EXCEPTION 'order % is locked', p_id USING ERRCODE = 'P0010';

    Effort:
        Simple per occurrence on PostgreSQL, medium on MySQL; plus agreeing the error-code mapping
        with the application once.

    References:
        SCT action codes 234 (EXCEPTION declarations), 235 (PRAGMA), 329 (RAISE), 331 (global user
        exceptions), Oracle to MySQL;
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html,
        and
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (the Exceptions row lists
        SQLERRM/SQLCODE and predefined exceptions with codes not mapped one to one).
    """

    code = "ORA010"
    name = "exception-handling"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = ROUTINES
    rewritten_when_converted = True
    sct = ("Oracle->MySQL 234", "Oracle->MySQL 235", "Oracle->MySQL 329", "Oracle->MySQL 331")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        raise_ = "SIGNAL SQLSTATE" if mysql else "RAISE EXCEPTION ... USING ERRCODE"
        effort = "medium" if mysql else None
        ws = ctx.words(obj)
        declared = _exceptions(ws)
        for spec in ctx.inventory.objects:  # raised in a body, declared in a package specification
            if spec.kind == "package" and spec is not obj:
                declared |= _exceptions(ctx.words(spec))
        for i, w in enumerate(ws):
            if w.kind != "word":
                continue
            msg = None
            if w.up == "RAISE_APPLICATION_ERROR":
                msg = f"RAISE_APPLICATION_ERROR: an Oracle error number; use {raise_} with an agreed SQLSTATE"
            elif w.up in declared and is_word(ws, i + 1, "EXCEPTION") and is_punct(ws, i + 2, ";"):
                scope = " at package level" if obj.kind == "package" else ""
                msg = f"user-defined exception {w.text}{scope}: no named exceptions on the target; give it a SQLSTATE"
            elif w.up == "PRAGMA" and is_word(ws, i + 1, "EXCEPTION_INIT"):
                msg = "PRAGMA EXCEPTION_INIT: maps a name to an Oracle error number; map it to a SQLSTATE"
            elif w.up == "RAISE" and is_word(ws, i + 1):
                name = ws[i + 3] if is_punct(ws, i + 2, ".") and is_word(ws, i + 3) else ws[i + 1]  # pkg.e_x
                if name.up in declared:
                    msg = f"RAISE {name.text}: raise the SQLSTATE chosen for it with {raise_}"
            elif w.up in ("SQLCODE", "SQLERRM"):
                if w.up == "SQLCODE":
                    msg = "SQLCODE: an Oracle error number; the target gives a SQLSTATE " + (
                        "(GET DIAGNOSTICS CONDITION 1 ... RETURNED_SQLSTATE)" if mysql else "(text)")
                else:
                    msg = "SQLERRM: " + ("read MESSAGE_TEXT with GET DIAGNOSTICS" if mysql else
                                         "exists in PL/pgSQL, but the message text differs from Oracle's")
            if msg:
                yield hit(self, obj, ctx, w.line, msg, source=w.text, effort=effort)


def _exceptions(ws) -> set[str]:
    return {ws[i].up for i in range(len(ws) - 2)
            if is_word(ws, i) and is_word(ws, i + 1, "EXCEPTION") and is_punct(ws, i + 2, ";")}
