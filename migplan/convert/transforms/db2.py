"""IBM Db2's own rewrites. sqlglot has no Db2 dialect: the text is read with its generic dialect
after ``parse.sqlglot_bridge.prepare`` has rewritten what only Db2 says (two-word special
registers, labeled durations, a query's isolation clause); what remains is done on the tree here."""

from __future__ import annotations

from sqlglot import exp

from migplan.convert.transforms import Rewriter, rewrite
from migplan.convert.transforms.functions import func_name, is_number_literal
from migplan.parse.sqlglot_bridge import prepare


def db2_text(text: str) -> str:
    """The same rewrites of Db2-only syntax the inventory's parser made."""
    return prepare(text, "", "db2")


def interval_times(node: exp.Interval, rw: Rewriter) -> exp.Expression | None:
    """A labeled duration of a computed amount (``d + t.n MONTHS``) is ``INTERVAL (t.n) MONTH``, which
    MySQL writes as is; PostgreSQL multiplies a unit interval."""
    amount, unit = node.this, node.args.get("unit")
    if amount is None or unit is None or isinstance(amount, exp.Literal):
        return None
    inner = amount.this if isinstance(amount, exp.Paren) else amount
    if is_number_literal(inner) and isinstance(inner, exp.Literal):
        return None
    one = exp.Interval(this=exp.Literal.string("1"), unit=unit.copy())
    return exp.Mul(this=exp.Paren(this=rw.sub(inner)), expression=one)


def char_call(node: exp.Chr, rw: Rewriter) -> exp.Expression | None:
    """sqlglot reads Db2's CHAR(x) (a value as a character string) as CHR(x), the character of a code."""
    args = node.expressions or ([node.this] if node.this is not None else [])
    if len(args) != 1 or (isinstance(args[0], exp.Literal) and not args[0].is_string):
        return None  # CHR(65) or CHAR(date, ISO): not the one-argument cast
    rw.problem("FDM005", "CHAR(x) written as a cast to a varying-length string: Db2 pads numbers to a "
                         "fixed width (CHAR(12) is '12' followed by blanks)")
    return exp.Cast(this=rw.sub(args[0]), to=exp.DataType.build("VARCHAR" if rw.profile.family != "mysql" else "CHAR"))


# Db2 special registers the targets have (as a SQL text of the profile's); the others are Db2's own
_REGISTERS = {"CURRENT_SCHEMA": "current_schema", "CURRENT_SQLID": "current_schema",
              "CURRENT_SERVER": "current_database"}
_DB2_ONLY = frozenset({"CURRENT_PATH", "CURRENT_TIMEZONE", "CURRENT_MEMBER", "CURRENT_DEGREE", "CURRENT_ISOLATION",
                       "CURRENT_CLIENT_ACCTNG", "CURRENT_CLIENT_APPLNAME", "CURRENT_CLIENT_USERID",
                       "CURRENT_CLIENT_WRKSTNNAME", "CURRENT_DBPARTITIONNUM", "CURRENT_LOCK_TIMEOUT",
                       "CURRENT_DECFLOAT_ROUNDING_MODE", "CURRENT_DEFAULT_TRANSFORM_GROUP", "CURRENT_EXPLAIN_MODE",
                       "CURRENT_QUERY_OPTIMIZATION", "CURRENT_REFRESH_AGE", "CURRENT_IMPLICIT_XMLPARSE_OPTION",
                       "CURRENT_LOCALE_LC_TIME", "CURRENT_MDC_ROLLOUT_MODE", "CURRENT_OPTIMIZATION_PROFILE",
                       "CURRENT_PACKAGE_PATH", "CURRENT_MAINTAINED_TABLE_TYPES", "CURRENT_FEDERATED_ASYNCHRONY",
                       "CURRENT_TEMPORAL_SYSTEM_TIME", "CURRENT_APPLICATION_COMPATIBILITY", "CURRENT_ROUTINE_PATH"})


def register(node: exp.Column, rw: Rewriter) -> exp.Expression | None:
    """A special register the prepass made one name of (CURRENT SCHEMA -> CURRENT_SCHEMA)."""
    name = str(node.name).upper()
    if node.table or node.this.args.get("quoted") or name in rw.columns:
        return None
    if name in _REGISTERS:
        return exp.Var(this=getattr(rw.profile, _REGISTERS[name]))
    if name in _DB2_ONLY:
        rw.problem("SQL001", f"the Db2 special register {name.replace('_', ' ', 1)} has no {rw.profile.display} "
                             "equivalent")
    return None


def local_time(node: exp.CurrentTime, rw: Rewriter) -> exp.Expression:
    """CURRENT TIME is the local time of day, without a time zone (PostgreSQL's CURRENT_TIME has one)."""
    return exp.Var(this=rw.profile.local_time)


def user_register(node: exp.Column, rw: Rewriter) -> exp.Expression | None:
    """The USER special register (a bare name in Db2's expressions): the session's user."""
    if node.table or str(node.name).upper() != "USER" or node.this.args.get("quoted") or "USER" in rw.columns:
        return None
    return exp.CurrentUser()


def temporal_query(node: exp.Version, rw: Rewriter) -> None:
    """FOR SYSTEM_TIME / BUSINESS_TIME AS OF | FROM .. TO | BETWEEN: the target has no temporal tables."""
    rw.problem("SQL001", "temporal query (FOR SYSTEM_TIME / FOR BUSINESS_TIME): the target keeps no row history; "
                         "rewrite it against the history table and the period columns (TBL016)")
    return None


# Db2's catalog and administrative views: they describe the Db2 database, not the application's data
_CATALOG_SCHEMAS = frozenset({"SYSCAT", "SYSIBM", "SYSIBMADM", "SYSSTAT", "SYSTOOLS", "SYSPROC", "SYSFUN"})


def catalog_table(node: exp.Table, rw: Rewriter) -> None:
    if node.db and str(node.db).upper() in _CATALOG_SCHEMAS and str(node.name).upper() != "SYSDUMMY1":
        rw.problem("SQL001", f"reads the Db2 catalog {node.db}.{node.name}: rewrite it against the target's "
                             "catalog (information_schema)")
    return None


def sysdummy1(node: exp.Table, rw: Rewriter) -> exp.Expression | None:
    """SYSIBM.SYSDUMMY1 is Db2's one-row table (Oracle's DUAL): kept as a one-row subquery."""
    if str(node.db or "").upper() != "SYSIBM" or str(node.name).upper() != "SYSDUMMY1":
        return None
    alias = node.alias or "sysdummy1"
    return exp.Subquery(this=exp.select(exp.Literal.string("Y").as_("ibmreqd")), alias=exp.TableAlias(
        this=exp.to_identifier(alias)))


def table_function(node: exp.Table, rw: Rewriter) -> None:
    """FROM TABLE(f(...)): a table function the scripts do not define is one of Db2's monitoring or
    administrative functions (MON_GET_*, ADMIN_*, SNAP_*...), which the target does not have."""
    call = node.this
    if not isinstance(call, exp.Anonymous) or func_name(call) != "TABLE" or not call.expressions:
        return None
    inner = call.expressions[0]
    if isinstance(inner, (exp.Subquery, exp.Query)):
        return None  # TABLE((SELECT ...)): a derived table
    name = func_name(inner) if isinstance(inner, (exp.Anonymous, exp.Func)) else None
    if name and name.split(".")[-1] not in rw.converter.routines:
        rw.problem("SQL001", f"TABLE({name}(...)) reads a table function the scripts do not define (a Db2 "
                             "monitoring or administrative function?): the target has no equivalent")
    return None


def recursive_with(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """Db2 writes a recursive common table expression without RECURSIVE; PostgreSQL and MySQL need it."""
    for with_ in tree.find_all(exp.With):
        names = {str(c.alias_or_name).upper() for c in with_.expressions}
        if any(str(t.name).upper() in names and not t.db for c in with_.expressions for t in c.this.find_all(exp.Table)
               if str(t.name).upper() == str(c.alias_or_name).upper()):
            with_.set("recursive", True)
    return tree


PREPASSES = [recursive_with]

REWRITES = [
    rewrite(exp.Table, table_function),
    rewrite(exp.Table, sysdummy1),
    rewrite(exp.Table, catalog_table),
    rewrite(exp.Version, temporal_query),
    rewrite(exp.Interval, interval_times, needs=lambda p: p.intervals_multiply),
    rewrite(exp.Chr, char_call),
    rewrite(exp.Column, user_register),
    rewrite(exp.Column, register),
    rewrite(exp.CurrentTime, local_time),
]
TEXT_PASSES = [db2_text]
