from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Routine

_LINES_MEDIUM = 50
_LINES_SIGNIFICANT = 300


class ProceduralObject(Rule[Routine]):
    """A procedure, function, package, trigger or type body to convert and test.

    What it detects:
        Every procedural object. migplan reads its header and scans its body for constructs with their
        own items; converting the body itself is done with SCT or by hand in this version.

    Why it matters:
        Even a routine with no flagged construct must be rewritten in the target's language (PL/pgSQL,
        MySQL stored programs) and tested. The size of the body drives the effort, as in SCT's and
        Ora2Pg's estimates.

    Example:
        CREATE PROCEDURE close_stale_orders IS BEGIN UPDATE orders SET status = 'CLOSED' ...; END;

    Typical rewrite:
        Convert with SCT (or by hand), then test against the target with the same data and calls.

    Effort:
        Simple under 50 lines of body, medium up to 300, significant beyond.
    """

    code = "COD001"
    name = "procedural-object"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    kinds = ("procedure", "function", "package body", "trigger", "type body")

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        lines = obj.body.count("\n") + 1 if obj.body else 1
        f = ctx.hit(self, obj, obj.location.line,
                    f"{obj.kind} with {lines} line{'s' if lines != 1 else ''} of body code to convert and test")
        f.effort = "simple" if lines < _LINES_MEDIUM else ("medium" if lines < _LINES_SIGNIFICANT else "significant")
        yield f
