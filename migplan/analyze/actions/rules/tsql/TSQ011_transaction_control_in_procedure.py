from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_TRAN = ("TRAN", "TRANSACTION")


class TransactionControlInProcedure(Rule):
    """BEGIN TRAN / COMMIT / ROLLBACK / SAVE TRAN inside routines: the targets' rules differ.

    What it detects:
        Each transaction-control statement in a T-SQL procedure, function or trigger: ``BEGIN
        TRAN[SACTION]`` (also DISTRIBUTED), ``COMMIT``, ``ROLLBACK``, ``SAVE TRAN[SACTION]``.

    Why it matters:
        T-SQL nests transactions (``@@TRANCOUNT``) and lets a trigger roll back the caller's statement.
        PostgreSQL procedures (11+) may COMMIT or ROLLBACK only when called outside an explicit
        transaction block and not inside a block with an EXCEPTION clause; functions and triggers cannot
        at all, and there is no BEGIN TRAN or SAVEPOINT in PL/pgSQL (a nested block with EXCEPTION is
        the savepoint). MySQL procedures may use START TRANSACTION, COMMIT, ROLLBACK and SAVEPOINT, but
        functions and triggers may not. Named, marked and distributed transactions have no equivalent.

    Example:
        BEGIN TRAN;
          UPDATE accounts SET balance = balance - @amt WHERE id = @from;
          IF @@ERROR <> 0 BEGIN ROLLBACK; RETURN; END
        COMMIT;

    Typical rewrite:
        Let the caller own the transaction where possible; in triggers and functions replace ROLLBACK by
        raising an error; replace SAVE TRAN by a nested block with an exception handler (PostgreSQL).

        BEGIN
          UPDATE accounts SET balance = balance - p_amt WHERE id = p_from;
        EXCEPTION WHEN OTHERS THEN
          RAISE;  -- the caller's transaction is rolled back
        END;

    Effort:
        Medium per routine: the transaction design must be checked with the callers.

    References:
        SCT action code 7807 (SQL Server to PostgreSQL: BEGIN TRAN/SAVE TRAN in functions), 629-633
        (SQL Server to MySQL: named, marked, distributed transactions);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "TSQ011"
    name = "transaction-control-in-procedure"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("sqlserver",)
    kinds = ("procedure", "function", "trigger")
    sct = ("SQL Server->PostgreSQL 7807",) + tuple(f"SQL Server->MySQL {c}" for c in range(629, 634))

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if w.kind != "word":
                continue
            nxt = ws[i + 1].up if i + 1 < len(ws) else ""
            nxt2 = ws[i + 2].up if i + 2 < len(ws) else ""
            if w.up == "BEGIN" and (nxt in _TRAN or (nxt == "DISTRIBUTED" and nxt2 in _TRAN)):
                what = "BEGIN DISTRIBUTED TRANSACTION" if nxt == "DISTRIBUTED" else "BEGIN TRANSACTION"
            elif w.up == "SAVE" and nxt in _TRAN:
                what = "SAVE TRANSACTION"
            elif w.up in ("COMMIT", "ROLLBACK"):
                what = w.up
            else:
                continue
            why = _why(what, obj.kind, ctx.target_family)
            yield ctx.hit(self, obj, w.line, f"{what} in a {obj.kind}: {why}", source=what)


def _why(what: str, kind: str, target: str) -> str:
    if what == "BEGIN DISTRIBUTED TRANSACTION":
        return "no distributed transactions on the target"
    if target == "mysql":
        if kind != "procedure":
            return "not allowed in MySQL functions and triggers; raise an error (SIGNAL) instead"
        return "START TRANSACTION/COMMIT/ROLLBACK/SAVEPOINT; no nesting, names are dropped"
    if kind != "procedure":
        return "PostgreSQL functions and triggers cannot control transactions; raise an exception instead"
    if what == "SAVE TRANSACTION":
        return "no SAVEPOINT in PL/pgSQL: use a nested block with an EXCEPTION clause"
    if what == "BEGIN TRANSACTION":
        return "no BEGIN in PL/pgSQL: the transaction is already open; no nesting"
    return "allowed in PostgreSQL procedures only outside an explicit transaction and EXCEPTION blocks"
