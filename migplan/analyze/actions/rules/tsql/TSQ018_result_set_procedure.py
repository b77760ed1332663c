from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import depths
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# keywords that end the select list of a SELECT without INTO
_STOP = {"FROM", "WHERE", ";", "SELECT", "INSERT", "UPDATE", "DELETE", "IF", "WHILE", "RETURN", "SET",
         "DECLARE", "EXEC", "EXECUTE", "BEGIN", "END", "ORDER", "GROUP", "UNION"}


class ResultSetProcedure(Rule):
    """A procedure returns rows with a bare SELECT: PostgreSQL procedures return no result sets.

    What it detects:
        Each statement-level ``SELECT`` in a T-SQL procedure that sends rows to the caller: not a
        variable assignment (``SELECT @x = ...``), not ``SELECT ... INTO``, not the query of an INSERT,
        a cursor or a subquery.

    Why it matters:
        Applications call such procedures and read the rows (often several result sets). A PostgreSQL
        procedure cannot return a result set: the converted code must become a function returning
        ``SETOF``/``TABLE`` (called with SELECT * FROM f()) or return a refcursor the client fetches;
        either way the calling code changes. (MySQL procedures do return result sets.)

    Example:
        CREATE PROCEDURE get_orders @customer INT AS
        BEGIN
          SELECT id, total FROM orders WHERE customer_id = @customer;
        END

    Typical rewrite:
        A function RETURNS TABLE (one result set), or a procedure with INOUT refcursor parameters (several);
        change the callers accordingly.

        CREATE FUNCTION get_orders(p_customer int) RETURNS TABLE (id int, total numeric)
        LANGUAGE sql AS $$ SELECT id, total FROM orders WHERE customer_id = p_customer $$;

    Effort:
        Medium per procedure: the callers change too.

    References:
        SCT action codes 7800, 7839 (SQL Server to PostgreSQL: SQL Server-style result sets from
        procedures); https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "TSQ018"
    name = "result-set-procedure"
    category = "procedural code"
    severity = "high"
    effort = "medium"
    sources = ("sqlserver",)
    targets = ("postgresql",)
    kinds = ("procedure",)
    sct = ("SQL Server->PostgreSQL 7800", "SQL Server->PostgreSQL 7839")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        d = depths(ws)
        pending_insert = False
        for i, w in enumerate(ws):
            if d[i] != 0 or w.kind != "word":
                continue
            if w.up == "INSERT":
                pending_insert = True
            elif w.up in ("VALUES", "EXEC", "EXECUTE", "DEFAULT"):
                pending_insert = False
            if w.up != "SELECT":
                continue
            if pending_insert:
                pending_insert = False
                continue
            if i > 0 and ws[i - 1].up in ("UNION", "ALL", "EXCEPT", "INTERSECT", "FOR"):
                continue
            if _assigns(ws, i) or _selects_into(ws, d, i):
                continue
            yield ctx.hit(self, obj, w.line, "SELECT returns a result set to the caller: a PostgreSQL "
                          "procedure cannot; return a refcursor or make it a set-returning function",
                          source="SELECT")


def _assigns(ws, i) -> bool:
    """SELECT [DISTINCT|TOP n] @v = ... (also +=, -=...)."""
    k = i + 1
    while k < len(ws) and ws[k].up in ("DISTINCT", "ALL", "TOP", "PERCENT", "WITH", "TIES"):
        if ws[k].up == "TOP" and k + 1 < len(ws):
            k += 1
            if ws[k].up == "(":
                while k < len(ws) and ws[k].up != ")":
                    k += 1
        k += 1
    if k + 1 >= len(ws) or not ws[k].up.startswith("@") or ws[k].up.startswith("@@"):
        return False
    return ws[k + 1].up == "=" or (ws[k + 1].kind == "punct" and k + 2 < len(ws) and ws[k + 2].up == "=")


def _selects_into(ws, d, i) -> bool:
    cases = 0
    for k in range(i + 1, len(ws)):
        if d[k] != 0:
            continue
        up = ws[k].up
        if up == "CASE":
            cases += 1
        elif up == "END" and cases:
            cases -= 1
        elif up == "INTO":
            return True
        elif up in _STOP:
            return False
    return False
