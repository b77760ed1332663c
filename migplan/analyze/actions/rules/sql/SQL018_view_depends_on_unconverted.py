from collections.abc import Iterable

from sqlglot import exp

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import VIEWS, hit, node_line
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject, Synonym
from migplan.parse.sqlglot_bridge import table_references

_RELATIONS = ("table", "view", "materialized view", "synonym")


class ViewDependsOnUnconverted(Rule):
    """A view or synonym that needs an object migplan does not convert: it cannot be created alone.

    What it detects:
        Views and materialized views whose query reads a table, view or synonym of the scripts that
        migplan did not convert (not understood, not supported on the target), or calls a function
        or package function defined in the scripts (procedural code is not converted by migplan);
        synonyms whose target is such an object. Not reported between engines of the same family,
        where native tools move everything.

    Why it matters:
        The converted view is correct only once what it depends on exists on the target. Applied as
        is, its CREATE fails (or, for a function, fails at the first query), and the view must wait
        for the dependency's own conversion, by hand or with SCT, in the deployment order.

    Example:
        CREATE VIEW customer_tiers AS SELECT customer_id, get_customer_tier(customer_id) AS tier
        FROM customers;

    Typical rewrite:
        Convert the dependency first (its own action items say how), then create the view after it;
        or rewrite the view so it no longer needs it.

    Effort:
        Simple per reference: the work is in the dependency, counted by its own items.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html
        (views and code are applied after the tables, in dependency order).
    """

    code = "SQL018"
    name = "view-depends-on-unconverted"
    category = "views and SQL"
    severity = "medium"
    effort = "simple"
    kinds = VIEWS + ("synonym",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        if ctx.source_family == ctx.target_family:
            return  # native tools move the dependencies with the view
        if isinstance(obj, Synonym):
            target = _lookup(ctx, _RELATIONS, obj.target_schema, obj.target_name)
            if target is not None and not _converted(ctx, target):
                yield hit(self, obj, ctx, obj.location.line, f"synonym for {target.kind} {target.qname}, which "
                          "migplan does not convert: convert it first", source=target.qname)
            return
        tree = ctx.tree(obj)
        if tree is None:
            return  # the view itself is not converted (VEW011)
        for t in table_references(tree):
            target = _lookup(ctx, _RELATIONS, t.db or None, t.name)
            if target is not None and target is not obj and not _converted(ctx, target):
                yield hit(self, obj, ctx, node_line(obj, t), f"reads {target.kind} {target.qname}, which migplan does "
                          "not convert: convert it first", source=target.qname)
        for f in tree.find_all(exp.Anonymous):
            qualifier = f.parent.this.name if isinstance(f.parent, exp.Dot) and f.parent.expression is f \
                and isinstance(f.parent.this, exp.Identifier) else None
            fname = f.this.name if isinstance(f.this, exp.Identifier) else str(f.this)  # `fn` as mysqldump writes
            target = _routine(ctx, qualifier, fname)
            if target is not None and not _written(ctx, target):
                call = f"{qualifier}.{fname}" if qualifier else fname
                yield hit(self, obj, ctx, node_line(obj, f), f"calls {call} ({target.kind} {target.qname}): procedural "
                          "code that migplan did not convert; convert it first (SCT or by hand)", source=call)


def _lookup(ctx, kinds, schema, name):
    for kind in kinds:
        found = ctx.inventory.lookup(kind, schema, name)
        if found is not None:
            return found
    return None


def _converted(ctx, obj) -> bool:
    conv = ctx.conversion.by_source(obj)
    return conv is None or conv.converted


def _written(ctx, obj) -> bool:
    """A routine the conversion wrote (migplan converted its body, or the target takes it as written)."""
    conv = ctx.conversion.by_source(obj)
    return conv is not None and conv.converted and bool(conv.statements)


def _routine(ctx, qualifier, name):
    """A function of the scripts: schema.f, f, or pkg.f (then the package)."""
    found = _lookup(ctx, ("function", "aggregate"), qualifier, name)
    if found is None and qualifier:
        found = _lookup(ctx, ("package",), None, qualifier)
    return found
