from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import CODE, hit, is_word
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class CommitInRoutine(Rule):
    """COMMIT, ROLLBACK or SAVEPOINT inside a routine: transaction control moves to the caller.

    What it detects:
        ``COMMIT``, ``ROLLBACK [TO SAVEPOINT]`` and ``SAVEPOINT`` statements in procedures,
        functions, triggers, package and type bodies (routines with PRAGMA AUTONOMOUS_TRANSACTION are
        left to ORA001). The item says whether the enclosing subprogram is a procedure, a function or
        a trigger.

    Why it matters:
        PostgreSQL procedures (11+) may COMMIT and ROLLBACK, but only when called with CALL outside an
        explicit transaction block and not inside a block with an EXCEPTION clause; functions and
        triggers cannot end the transaction at all, and PL/pgSQL has no SAVEPOINT statement (a
        BEGIN ... EXCEPTION block is the savepoint). MySQL procedures may commit; stored functions and
        triggers may not (SAVEPOINT and ROLLBACK TO SAVEPOINT are allowed).

    Example:
        PROCEDURE purge_logs IS
        BEGIN
          DELETE FROM app_log WHERE logged_at < SYSDATE - 90;
          COMMIT;
        END;

    Typical rewrite:
        Keep COMMIT in procedures that are called with CALL outside a transaction; move it to the
        caller for functions and triggers; replace SAVEPOINT / ROLLBACK TO by a nested BEGIN ...
        EXCEPTION block on PostgreSQL.

        CREATE PROCEDURE purge_logs() LANGUAGE plpgsql AS $$
        BEGIN DELETE FROM app_log WHERE logged_at < LOCALTIMESTAMP - interval '90 days'; COMMIT; END $$;

    Effort:
        Simple in a procedure; medium in a function or trigger (the caller changes too).

    References:
        SCT action codes 5350 (COMMIT/ROLLBACK in routines), 5611 (savepoints), Oracle to PostgreSQL;
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
    """

    code = "ORA011"
    name = "commit-in-routine"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = CODE
    sct = ("Oracle->PostgreSQL 5350", "Oracle->PostgreSQL 5611")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        autonomous = {_enclosing(ws, i, obj.kind) for i in range(len(ws) - 1)
                      if is_word(ws, i, "PRAGMA") and is_word(ws, i + 1, "AUTONOMOUS_TRANSACTION")}
        mysql = ctx.target_family == "mysql"
        for i, w in enumerate(ws):
            if w.kind != "word" or w.up not in ("COMMIT", "ROLLBACK", "SAVEPOINT"):
                continue
            if is_word(ws, i - 1, "ON", "TO") or (w.up == "COMMIT" and is_word(ws, i - 1, "PRAGMA")):
                continue
            where = _enclosing(ws, i, obj.kind)
            if where in autonomous:
                continue
            kind = where[0]
            savepoint = w.up == "SAVEPOINT" or is_word(ws, i + 1, "TO")
            stmt = "ROLLBACK TO SAVEPOINT" if w.up == "ROLLBACK" and savepoint else w.up
            if savepoint:
                if mysql:
                    continue  # MySQL routines accept savepoints
                msg = f"{stmt} in a {kind}: PL/pgSQL has no savepoint statements; use a BEGIN ... EXCEPTION block"
                effort = "medium"
            elif kind == "procedure":
                msg = (f"{stmt} in a procedure: allowed on MySQL, and it ends the caller's transaction too" if mysql
                       else f"{stmt} in a procedure: allowed on PostgreSQL only when called by CALL outside a "
                            "transaction block, and not inside a block with an EXCEPTION clause")
                effort = None
            else:
                msg = f"{stmt} in a {kind}: not allowed on {'MySQL' if mysql else 'PostgreSQL'}; move " \
                      "transaction control to the caller"
                effort = "medium"
            yield hit(self, obj, ctx, w.line, msg, source=stmt, effort=effort)


def _enclosing(ws, i: int, kind: str) -> tuple[str, int]:
    """(procedure|function|trigger, index of its header) of the subprogram around token ``i``."""
    if kind in ("package body", "type body"):
        for j in range(i - 1, -1, -1):
            if is_word(ws, j, "PROCEDURE", "FUNCTION") and not is_word(ws, j - 1, "END"):
                return ws[j].up.lower(), j
        return "procedure", -1
    return kind, -1
