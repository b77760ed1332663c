from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import dms_scope
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table


class NumberScale(Rule[Table]):
    """Oracle NUMBER without precision: DMS reads it as NUMBER(38,10) unless numberDataTypeScale is set.

    What it detects:
        Columns of an Oracle table DMS would migrate declared ``NUMBER`` or ``NUMBER(*)`` (no precision,
        no scale); one item per table, at the first such column.

    Why it matters:
        DMS maps an unsized NUMBER to NUMBER(38,10) by default: values with more than 10 decimal digits
        are rounded during the load and in CDC, with no error. The Oracle endpoint setting
        ``numberDataTypeScale`` changes this for the whole endpoint (a scale up to 38, -1 to move the
        values as FLOAT, -2 as VARCHAR). The target column type chosen by the conversion does not
        change what DMS reads.

    Example:
        CREATE TABLE rates (id NUMBER PRIMARY KEY, factor NUMBER);

    Typical rewrite:
        Profile the decimals actually stored (max scale) and set numberDataTypeScale on the source
        endpoint accordingly, or declare the column with a precision on the source; validate the table
        with DMS validation.

        numberDataTypeScale=-2;

    Effort:
        Simple: a data profile and one endpoint setting.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html
        (NUMBER without precision -> NUMBER(38,10) via numberDataTypeScale).
    """

    code = "DMS008"
    name = "number-scale"
    category = "DMS readiness"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = ("table",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if not dms_scope(obj, ctx):
            return
        cols = [c for c in obj.columns if c.type.base == "NUMBER" and c.computed is None and
                (not c.type.params or [p.strip() for p in c.type.params] == ["*"])]
        if not cols:
            return
        names = ", ".join(c.name for c in cols)
        msg = (f"NUMBER without precision ({names}): DMS reads NUMBER(38,10) and rounds beyond 10 decimals "
               "unless numberDataTypeScale is set")
        yield ctx.hit(self, obj, cols[0].line or obj.location.line, msg, sub=cols[0].name)
