from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine


class SetReturningFunctions(Rule[Routine]):
    """RETURNS TABLE / RETURNS SETOF functions: MySQL functions return a single value.

    What it detects:
        Each PostgreSQL function declared ``RETURNS TABLE (...)`` or ``RETURNS SETOF type``.

    Why it matters:
        Callers use such functions like tables (``SELECT * FROM f(1)``, joins, LATERAL). A MySQL stored
        function returns one scalar value: the logic becomes a procedure returning a result set (called
        with CALL, which cannot be joined or filtered in SQL), a view when the function has no
        parameters, or a query inlined into its callers.

    Example:
        CREATE FUNCTION orders_of(p_customer int) RETURNS TABLE (id int, total numeric)
        LANGUAGE sql AS $$ SELECT id, total FROM orders WHERE customer_id = p_customer $$;

    Typical rewrite:
        A procedure with a final SELECT (application calls change to CALL), or a view filtered by the
        caller.

        CREATE PROCEDURE orders_of(IN p_customer INT)
          SELECT id, total FROM orders WHERE customer_id = p_customer;

    Effort:
        Medium per function: every caller that selects from it changes.

    References:
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html
        (SCT PostgreSQL to MySQL); no SCT action code published for this pair.
    """

    code = "PGS006"
    name = "set-returning-functions"
    category = "procedural code"
    severity = "high"
    effort = "medium"
    sources = ("postgresql",)
    targets = ("mysql",)
    kinds = ("function",)

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        returns = (obj.returns or "").strip().upper()
        if not returns.startswith(("TABLE", "SETOF")):
            return
        kind = "TABLE" if returns.startswith("TABLE") else "SETOF"
        line = ctx.line_of(obj, rf"\bRETURNS\s+{kind}\b") or obj.location.line
        yield ctx.hit(self, obj, line, f"RETURNS {kind}: MySQL functions return one value; a procedure with "
                      "a result set, or a view", source=f"RETURNS {kind}")
