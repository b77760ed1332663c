from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import ROUTINES, hit, is_word, statement_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class RefCursor(Rule):
    """REF CURSOR and SYS_REFCURSOR: cursor variables passed between routines and to clients.

    What it detects:
        ``TYPE ... IS REF CURSOR`` declarations and ``SYS_REFCURSOR`` variables, parameters and
        return types, in routine headers and bodies and in package specifications.

    Why it matters:
        PostgreSQL has ``refcursor``: a routine can open a cursor and return it, but the caller must
        fetch from it inside the same transaction, and client drivers read it differently (JDBC,
        for instance, needs auto-commit off). MySQL has no cursor variables: a procedure returns
        rows as a result set of a plain SELECT, and cursors cannot be passed around.

    Example:
        PROCEDURE open_orders (p_cust NUMBER, p_rc OUT SYS_REFCURSOR) IS
        BEGIN OPEN p_rc FOR SELECT * FROM orders WHERE customer_id = p_cust; END;

    Typical rewrite:
        PostgreSQL: refcursor parameters or a set-returning function (RETURNS TABLE / SETOF) that
        callers query directly; MySQL: return the rows as the procedure's result set.

        CREATE FUNCTION open_orders(p_cust numeric) RETURNS SETOF orders
          LANGUAGE sql AS $$ SELECT * FROM orders WHERE customer_id = p_cust $$;

    Effort:
        Simple on PostgreSQL; significant on MySQL (callers change too).

    References:
        SCT action code 337 (SYS_REFCURSOR, Oracle to MySQL);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html,
        and
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (the
        Cursors row lists REF CURSOR types with codes not mapped one to one).
    """

    code = "ORA006"
    name = "ref-cursor"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = ROUTINES
    sct = ("Oracle->MySQL 337",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        fix = "return the rows as a result set (MySQL has no cursor variables)" if mysql else \
            "refcursor (fetched in the same transaction) or a set-returning function"
        ws = statement_words(ctx, obj)
        for i, w in enumerate(ws):
            what = None
            if w.kind == "word" and w.up == "SYS_REFCURSOR":
                what = "SYS_REFCURSOR"
            elif w.kind == "word" and w.up == "REF" and is_word(ws, i + 1, "CURSOR"):
                what = "REF CURSOR type"
            if what:
                yield hit(self, obj, ctx, w.line, f"{what}: {fix}", source=what.removesuffix(" type"),
                          severity="high" if mysql else "low", effort="significant" if mysql else None)
