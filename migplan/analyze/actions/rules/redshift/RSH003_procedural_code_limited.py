from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class ProceduralCodeLimited(Rule[SchemaObject]):
    """Procedures, functions, macros and packages must be rewritten for Redshift's limited procedural support.

    What it detects:
        Every procedure, function, macro and package of the scripts when the target is Amazon Redshift.

    Why it matters:
        Redshift stored procedures are PL/pgSQL with restrictions (no packages, no autonomous
        transactions, limited cursors and exception handling, result sets through refcursors or temporary
        tables), and user-defined functions are scalar SQL or Lambda functions. Teradata macros, BTEQ
        logic, Oracle packages and T-SQL procedures are not converted by migplan and need a rewrite.

    Example:
        REPLACE MACRO refresh_totals (d DATE) AS ( DELETE FROM totals; INSERT INTO totals SELECT ...; );

    Typical rewrite:
        Rewrite as a Redshift stored procedure (or a scalar SQL UDF for a function), or move the logic to
        the orchestration layer (AWS Glue, Step Functions, RSQL scripts).

            CREATE OR REPLACE PROCEDURE refresh_totals(d DATE) AS $$
            BEGIN DELETE FROM totals; INSERT INTO totals SELECT ...; END; $$ LANGUAGE plpgsql;

    Effort:
        Significant: a rewrite per routine.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/stored-procedure-constraints.html
        https://docs.aws.amazon.com/redshift/latest/dg/user-defined-functions.html
    """

    code = "RSH003"
    name = "procedural-code-limited"
    category = "procedural code"
    severity = "medium"
    effort = "significant"
    targets = ("redshift",)
    kinds = ("procedure", "function", "package", "package body", "macro", "aggregate")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.source_family == ctx.target_family:
            return
        yield ctx.hit(self, obj, obj.location.line, f"{obj.kind} not converted: Redshift stored procedures are "
                      "PL/pgSQL with restrictions and functions are scalar SQL or Lambda UDFs; rewrite it or move "
                      "it to the load orchestration")
