from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# (words, message, effort): constructs of SQL PL that PL/pgSQL and MySQL's stored programs write otherwise
_CONSTRUCTS = (
    (("DECLARE", "CONTINUE", "HANDLER"), "CONTINUE HANDLER: no equivalent; each statement that may fail needs its own "
     "block (PL/pgSQL EXCEPTION) or a handler (MySQL)", "significant"),
    (("DECLARE", "EXIT", "HANDLER"), "EXIT HANDLER: becomes an EXCEPTION clause (PL/pgSQL) or an EXIT HANDLER "
     "(MySQL)", "medium"),
    (("DECLARE", "UNDO", "HANDLER"), "UNDO HANDLER (rolls back the compound statement): needs a savepoint or an "
     "EXCEPTION block", "medium"),
    (("SIGNAL", "SQLSTATE"), "SIGNAL SQLSTATE: RAISE EXCEPTION ... USING ERRCODE (PL/pgSQL) or SIGNAL (MySQL); the "
     "SQLSTATE values are kept", "simple"),
    (("RESIGNAL",), "RESIGNAL: RAISE (PL/pgSQL) or RESIGNAL (MySQL)", "simple"),
    (("FINAL", "TABLE"), "SELECT ... FROM FINAL TABLE (INSERT/UPDATE ...): INSERT ... RETURNING (PostgreSQL); MySQL "
     "needs LAST_INSERT_ID() or a second query", "medium"),
    (("NEW", "TABLE"), "SELECT ... FROM NEW TABLE (data change): INSERT/UPDATE ... RETURNING (PostgreSQL)", "medium"),
    (("OLD", "TABLE"), "SELECT ... FROM OLD TABLE (data change): DELETE/UPDATE ... RETURNING (PostgreSQL)", "medium"),
    (("WITH", "HOLD"), "cursor WITH HOLD: PL/pgSQL cursors close at COMMIT; loop over a query or keep the cursor in "
     "the transaction", "medium"),
    (("WITH", "RETURN"), "cursor WITH RETURN (a result set to the caller): a refcursor or a set-returning function "
     "(PostgreSQL), a SELECT left open (MySQL)", "medium"),
    (("GET", "DIAGNOSTICS"), "GET DIAGNOSTICS: the item names differ (ROW_COUNT, MESSAGE_TEXT ...)", "simple"),
    (("BEGIN", "ATOMIC"), "BEGIN ATOMIC (all or nothing): a block with an EXCEPTION clause, or a savepoint", "simple"),
    (("FOR", "UPDATE", "WITH"), "FOR UPDATE WITH RS/RR: FOR UPDATE at the transaction's isolation level", "simple"),
)


class SqlPlSpecifics(Rule):
    """Db2 SQL PL constructs written otherwise in PL/pgSQL and MySQL stored programs.

    What it detects:
        In a Db2 procedure, function, trigger or module: condition handlers (``DECLARE CONTINUE |
        EXIT | UNDO HANDLER``), ``SIGNAL``/``RESIGNAL``, data-change table references (``FROM FINAL
        TABLE (INSERT ...)``, ``NEW TABLE``, ``OLD TABLE``), cursors ``WITH HOLD`` or ``WITH RETURN``,
        ``GET DIAGNOSTICS``, ``BEGIN ATOMIC`` and ``FOR UPDATE WITH RS``.

    Why it matters:
        SQL PL is the SQL/PSM standard's procedural language, like MySQL's, but PL/pgSQL handles errors
        with EXCEPTION blocks (a CONTINUE handler has no equivalent), returns generated keys with
        RETURNING instead of data-change table references, closes cursors at COMMIT and returns result
        sets through refcursors. Each construct is a rewrite to make and test by hand: migplan does not
        convert procedural code across engine families.

    Example:
        CREATE PROCEDURE transfer (IN p_from BIGINT, IN p_amount DECIMAL(15,2), OUT p_id BIGINT)
        BEGIN
          DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
          SELECT txn_id INTO p_id FROM FINAL TABLE (INSERT INTO txns (account_id, amount)
                                                    VALUES (p_from, -p_amount));
        END

    Typical rewrite:
        An EXCEPTION clause for the EXIT handler, RETURNING for the data-change table reference.

        INSERT INTO txns (account_id, amount) VALUES (p_from, -p_amount) RETURNING txn_id INTO p_id;

    Effort:
        Simple to significant per construct (see each item).

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.DB2.html
        (Db2 LUW as a DMS source; DMS moves data, not procedural code).
    """

    code = "UDB002"
    name = "sql-pl-specifics"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("db2",)
    kinds = ("procedure", "function", "trigger", "module")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        ups = [w.up if w.kind != "string" else "" for w in ws]
        for i in range(len(ws)):
            for words, message, effort in _CONSTRUCTS:
                n = len(words)
                if tuple(ups[i:i + n]) != words:
                    continue
                if words == ("FOR", "UPDATE", "WITH") and (i + 3 >= len(ups) or ups[i + 3] not in ("RS", "RR")):
                    continue
                if words[0] in ("NEW", "OLD") and (i == 0 or ups[i - 1] != "FROM"):
                    continue  # REFERENCING NEW TABLE AS n in a trigger: not a data-change reference
                f = ctx.hit(self, obj, ws[i].line, message, source=" ".join(words))
                f.effort = effort
                yield f
