from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import header_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject


class DefinerSecurity(Rule):
    """DEFINER= and SQL SECURITY on views and routines: privileges and owners to re-create on the target.

    What it detects:
        Each ``DEFINER = user`` and ``SQL SECURITY DEFINER|INVOKER`` clause of a MySQL view, procedure,
        function, trigger or event. For MySQL targets only DEFINER clauses naming an account (not
        CURRENT_USER) are reported; for routines that migplan writes to a MySQL target the converter
        reports the removed DEFINER itself.

    Why it matters:
        MySQL runs routines and views with the definer's privileges by default. PostgreSQL functions run
        with the caller's privileges unless declared ``SECURITY DEFINER`` (then also pin ``search_path``),
        views check table privileges as the view owner (``security_invoker`` from PostgreSQL 15), and the
        definer account becomes the owner. On a MySQL target, a DEFINER other than the connected user
        needs a privilege (SUPER or SET_USER_ID) that the RDS/Aurora master user does not have: replaying
        a dump with foreign definers fails, and the accounts must exist on the target (DMS does not move
        users).

    Example:
        CREATE DEFINER=`app`@`%` SQL SECURITY DEFINER VIEW order_summary AS SELECT ...;

    Typical rewrite:
        PostgreSQL: make the definer account the owner (ALTER ... OWNER TO) and declare SECURITY DEFINER
        with SET search_path on functions that need the owner's rights. MySQL target: create the
        accounts first and run the DDL as the definer, or strip DEFINER and use SQL SECURITY INVOKER.

        CREATE FUNCTION close_order(p_id int) RETURNS void LANGUAGE plpgsql
        SECURITY DEFINER SET search_path = app, pg_temp AS $$ ... $$;

    Effort:
        Simple per object; decide the privilege model once.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.HighLevelView.html
        (DMS does not move users or privileges).
    """

    code = "MYS007"
    name = "definer-security"
    category = "procedural code"
    severity = "low"
    effort = "simple"
    sources = ("mysql",)
    kinds = ("view", "procedure", "function", "trigger", "event")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        hw = header_words(obj, ctx)
        if obj.kind == "view":  # the query is not part of the header
            hw = hw[:next((i for i, w in enumerate(hw) if w.up == "AS"), len(hw))]
        mysql = ctx.target_family == "mysql"
        conv = ctx.conversion.by_source(obj)
        if mysql and conv and any(f.code == self.code for f in conv.findings):
            return  # the converter wrote the routine without DEFINER and said so
        for i, w in enumerate(hw[:-1]):
            if w.up == "DEFINER" and hw[i + 1].up == "=" and i + 2 < len(hw):
                who = hw[i + 2].text
                if i + 4 < len(hw) and hw[i + 3].up == "@":
                    who += "@" + hw[i + 4].text
                if mysql:
                    if hw[i + 2].up == "CURRENT_USER":
                        continue
                    msg = (f"DEFINER={who}: not written by migplan, so the object runs as the account that "
                           "creates it; replaying the source DDL needs the account on the target and a "
                           "privilege the RDS/Aurora master user lacks")
                elif obj.kind == "view":
                    msg = f"DEFINER={who}: make the account the view's owner (PostgreSQL views read tables " \
                          "with the owner's privileges)"
                else:
                    msg = f"DEFINER={who}: make the account the owner; PostgreSQL functions run with the " \
                          "caller's rights unless SECURITY DEFINER"
                yield ctx.hit(self, obj, w.line, msg, source=f"DEFINER={who}")
            elif w.up == "SQL" and hw[i + 1].up == "SECURITY" and i + 2 < len(hw):
                mode = hw[i + 2].up
                if mysql:
                    continue  # kept as is on a MySQL target
                if obj.kind == "view":
                    msg = f"SQL SECURITY {mode}: PostgreSQL views check privileges as the owner"
                    if mode == "INVOKER":
                        msg += "; use WITH (security_invoker = true) on PostgreSQL 15+"
                else:
                    msg = f"SQL SECURITY {mode}: declare SECURITY {mode} on the PostgreSQL function"
                yield ctx.hit(self, obj, w.line, msg, source=f"SQL SECURITY {mode}")
