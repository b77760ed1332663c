from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import ROUTINES, hit, is_punct, is_word
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class ConditionalCompilation(Rule):
    """Conditional compilation ($IF ... $THEN ... $END): the code that runs depends on compile flags.

    What it detects:
        ``$IF`` directives (with their ``$ELSIF`` / ``$ELSE`` / ``$END``) and ``$ERROR`` directives in
        routines and package specifications.

    Why it matters:
        Neither target has conditional compilation. Which branch Oracle compiled depends on
        PLSQL_CCFLAGS and the database version (DBMS_DB_VERSION), so the converted code must keep
        exactly the branch that is live in production, and the other branches are dropped or turned
        into run-time checks.

    Example:
        $IF DBMS_DB_VERSION.VER_LE_11 $THEN
          l_id := orders_seq.NEXTVAL;
        $ELSE
          l_id := orders_seq.NEXTVAL;  -- identity on 12c
        $END

    Typical rewrite:
        Find the flags used in production (ALL_PLSQL_OBJECT_SETTINGS), keep the live branch, and turn
        any real switch into a run-time test of a setting.

        IF current_setting('app.debug', true) = 'on' THEN ... END IF;

    Effort:
        Medium per directive.

    References:
        SCT action code 5603 (Oracle to PostgreSQL); https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
    """

    code = "ORA013"
    name = "conditional-compilation"
    category = "procedural code"
    severity = "medium"
    effort = "medium"
    sources = ("oracle",)
    kinds = ROUTINES
    sct = ("Oracle->PostgreSQL 5603",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        ws = ctx.words(obj)
        for i, w in enumerate(ws):
            if is_punct(ws, i, "$") and is_word(ws, i + 1, "IF", "ERROR") and not is_punct(ws, i - 1, "$"):
                what = f"${ws[i + 1].up}"
                yield hit(self, obj, ctx, w.line, f"conditional compilation {what}: keep the branch live in "
                          "production (or test a setting at run time)", source=what)
