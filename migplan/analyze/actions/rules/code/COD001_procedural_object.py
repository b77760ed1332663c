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
        own items. Where migplan converts the body itself (Oracle procedures, functions and triggers to
        PostgreSQL), the item says so and asks for tests only; otherwise the body is converted with SCT
        or by hand (COD002 names the construct that stopped migplan).

    Why it matters:
        Even a routine with no flagged construct must be rewritten in the target's language (PL/pgSQL,
        MySQL stored programs) and tested. The size of the body drives the effort, as in SCT's and
        Ora2Pg's estimates.

    Example:
        CREATE PROCEDURE close_stale_orders IS BEGIN UPDATE orders SET status = 'CLOSED' ...; END;

    Typical rewrite:
        Convert with SCT (or by hand), then test against the target with the same data and calls.

    Effort:
        Simple under 50 lines of body, medium up to 300, significant beyond; simple (tests only) when
        migplan converted it (then its effort is in the items the conversion left, if any).
    """

    code = "COD001"
    name = "procedural-object"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    kinds = ("procedure", "function", "package body", "trigger", "type body")

    def check(self, obj: Routine, ctx: AnalysisContext) -> Iterable[Finding]:
        lines = obj.body.count("\n") + 1 if obj.body else 1
        plural = "s" if lines != 1 else ""
        conv = ctx.conversion.by_source(obj)
        if ctx.source_family != ctx.target_family and conv is not None and conv.converted and conv.statements:
            f = ctx.hit(self, obj, obj.location.line, f"{obj.kind} with {lines} line{plural} of body code converted "
                        f"by migplan for {ctx.target.display}: test it with the source's data and calls")
            f.effort, f.severity = "none", "info"  # the effort is in the items of what remains
            yield f
            return
        f = ctx.hit(self, obj, obj.location.line,
                    f"{obj.kind} with {lines} line{plural} of body code to convert and test")
        f.effort = "simple" if lines < _LINES_MEDIUM else ("medium" if lines < _LINES_SIGNIFICANT else "significant")
        yield f
