from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import ROUTINES, hit, is_punct, is_word, statement_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class AnchoredTypes(Rule):
    """%TYPE and %ROWTYPE declarations: kept by PostgreSQL, spelled out for MySQL.

    What it detects:
        Variables, parameters and return types anchored to a column (``orders.status%TYPE``) or a
        row (``orders%ROWTYPE``, ``cursor%ROWTYPE``).

    Why it matters:
        PL/pgSQL accepts both (in parameters PostgreSQL resolves ``%TYPE`` once, when the function is
        created, and says so in a notice), so on PostgreSQL they are listed for information only. MySQL
        has neither: every anchored declaration becomes an explicit type, and a ``%ROWTYPE`` record
        becomes one variable per column.

    Example:
        l_status orders.status%TYPE;
        l_order  orders%ROWTYPE;

    Typical rewrite:
        PostgreSQL: keep them (the table must exist before the routine); MySQL: declare the column's
        type explicitly and split %ROWTYPE records into one variable per column used.

        DECLARE l_status VARCHAR(20);

    Effort:
        None on PostgreSQL; simple per declaration on MySQL.

    References:
        SCT action code 297 (%ROWTYPE, Oracle to MySQL); https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "ORA008"
    name = "anchored-types"
    category = "procedural code"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    kinds = ROUTINES
    sct = ("Oracle->MySQL 297",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        ws = statement_words(ctx, obj)
        for i, w in enumerate(ws):
            if not (is_punct(ws, i, "%") and is_word(ws, i + 1, "TYPE", "ROWTYPE") and i > 0):
                continue
            anchor = ws[i - 1].text
            if is_punct(ws, i - 2, "."):
                anchor = f"{ws[i - 3].text}.{anchor}"
            what = f"{anchor}%{ws[i + 1].up}"
            if mysql:
                fix = "MySQL needs the type spelled out" + (
                    " (one variable per column)" if ws[i + 1].up == "ROWTYPE" else "")
            else:
                fix = "kept by PL/pgSQL (informational)"
            yield hit(self, obj, ctx, w.line, f"{what}: {fix}", source=what,
                      severity=None if mysql else "info", effort=None if mysql else "none")
