from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import ROUTINES, hit
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class WrappedCode(Rule):
    """Wrapped (obfuscated) PL/SQL: the source is not readable, so it cannot be assessed or converted.

    What it detects:
        A procedure, function, package, package body, type or type body created from ``wrapped``
        text (the output of the wrap utility or DBMS_DDL.WRAP).

    Why it matters:
        Neither SCT nor migplan can read wrapped code: nothing inside it is assessed, and it cannot
        be converted until the clear-text source is found (version control, the vendor of a
        packaged application). Its effort and risks are unknown.

    Example:
        CREATE OR REPLACE PACKAGE BODY billing wrapped
        a000000
        ...

    Typical rewrite:
        Obtain the original source (repository, vendor) and assess it again; for third-party code,
        ask the vendor for a version that supports the target.

    Effort:
        Significant: the real effort is unknown until the source is available.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (the Packages row lists package bodies without source, with codes not
        mapped one to one).
    """

    code = "ORA017"
    name = "wrapped-code"
    category = "procedural code"
    severity = "high"
    effort = "significant"
    sources = ("oracle",)
    kinds = ROUTINES

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        if ws and ws[0].kind == "word" and ws[0].up == "WRAPPED":
            yield hit(self, obj, ctx, ws[0].line, f"{obj.kind} {obj.qname} is wrapped: its source cannot be read; "
                      "get the clear-text version", source="wrapped")
