"""Rewrites of every pair: names as the target spells them, the pair's function map, casts through
the type map, sequences; and, after the source's own rewrites, what the target cannot say."""

from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from migplan.convert.transforms import Rewrite, Rewriter, rewrite
from migplan.convert.transforms.functions import builtins, call_args, func_name

# -- names ----------------------------------------------------------------------------------------


def qualify_table(node: exp.Table, rw: Rewriter) -> None:
    """Write the schema a table really lives in on the target (found in the scripts)."""
    resolve = rw.converter.resolve
    if resolve is None or not node.name or node.catalog or str(node.name).upper() in rw.ctes:
        return None
    found = resolve(str(node.name), str(node.db) if node.db else None)
    if found is not None:
        schema = found.schema
        if schema and str(node.db or "").upper() != schema.upper():
            node.set("db", exp.Identifier(this=schema, quoted=False))  # unqualified in the source
        elif not schema and node.db:
            node.set("db", None)  # SH.SALES, created unqualified: unqualified on the target too
    return None


def identifier(node: exp.Identifier, rw: Rewriter) -> exp.Identifier:
    """A name as the engine stored it, then as the target writes it (a schema can be renamed:
    MySQL's schemas are databases)."""
    name = node.this
    quoted = bool(node.args.get("quoted"))
    is_schema = isinstance(node.parent, exp.Table) and node.arg_key == "db"
    if is_schema:
        if not quoted:
            name = rw.source.fold(name)
        target = rw.names.schema(name)
        return exp.Identifier(this=target, quoted=rw.profile.needs_quotes(target))
    if not isinstance(name, str) or not name or name == "*":
        return node
    stored = name if quoted else rw.source.fold(name)
    target = rw.names.base(stored, quoted)
    return exp.Identifier(this=target, quoted=rw.profile.needs_quotes(target))


# -- the pair's function map -------------------------------------------------------------------------


def mapped_function(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """A function the pair's map rewrites (data/functions/<pair>.toml)."""
    name = func_name(node)
    if not name:
        return None
    args = call_args(node)
    rule = rw.converter.rule(name, len(args))
    return apply_rule(rule, args, rw) if rule else None


def sysdate(node: exp.CurrentTimestamp, rw: Rewriter) -> exp.Expression | None:
    if not node.args.get("sysdate"):
        return None
    rule = rw.converter.rule("SYSDATE", 0)
    return apply_rule(rule, [], rw) if rule else None


def apply_rule(rule, args: list[exp.Expression], rw: Rewriter) -> exp.Expression:
    # arguments first, so nested calls are rewritten too (ADD_MONTHS(TRUNC(SYSDATE), 1))
    rendered = [rw.sql(a) for a in args]
    text = rule.target.format(*rendered)
    if rule.item:
        rw.problem(rule.item, f"{rule.name} written as {text}: {rule.why}")
    try:
        return sqlglot.parse_one(text, read=rw.profile.sqlglot)
    except (ParseError, TokenError):  # pragma: no cover - our own templates
        return exp.Anonymous(this=text)


def unknown_function(node: exp.Anonymous, rw: Rewriter) -> None:
    """A function sqlglot does not know, with no row in the pair's function map: if the target has
    no built-in of that name and the scripts do not define it, the call cannot run there."""
    name = func_name(node)
    if not name or rw.source.family == rw.profile.family or name.upper() in rw.converter.routines:
        return None
    if isinstance(node.parent, exp.Dot):
        left = node.parent.this
        column = left.expression if isinstance(left, exp.Dot) else left
        spec = rw.columns.get(str(getattr(column, "name", "")).upper()) if rw.source.splitter == "tsql" else None
        if spec is not None and spec.base.upper() in ("HIERARCHYID", "GEOGRAPHY", "GEOMETRY", "XML"):
            rw.problem("SQL001", f"{spec.base.lower()} method {name}() on {column.sql()}: "
                                 f"{rw.profile.family} has no such type methods")
        return None  # otherwise pkg.f() or schema.f(): a routine of the scripts, SQL018's business
    upper = name.upper()
    target_has = upper in builtins(rw.profile.family)
    if rw.profile.family in ("postgresql", "redshift") and not target_has:
        rw.problem("SQL001", f"no {name}() on {rw.profile.display} and the scripts do not define it")
    elif rw.profile.family == "mysql" and rw.source.family == "postgresql" and not target_has \
            and upper in builtins("postgresql"):
        rw.problem("SQL001", f"PostgreSQL's {name}() has no MySQL equivalent")
    return None


# -- types -----------------------------------------------------------------------------------------


def convert_call(node: exp.Convert, rw: Rewriter) -> exp.Expression | None:
    """CONVERT(type, x) without a style is a cast."""
    if rw.converter.map_type is None or node.args.get("style") or not isinstance(node.this, exp.DataType):
        return None
    return cast(exp.Cast(this=node.expression, to=node.this), rw)


def cast(node: exp.Cast, rw: Rewriter) -> exp.Expression | None:
    """CAST(x AS source_type): the type goes through the pair's type map like a column's does; a
    literal cast to a type that becomes text on the target is just the literal."""
    from migplan.convert.transforms.functions import EXACT_ITEMS
    from migplan.parse.types import parse_type_text

    if rw.converter.map_type is None:
        return None
    to = node.to
    if not isinstance(to, exp.DataType):
        return None
    text = to.sql(dialect=rw.source.sqlglot)
    if to.this == exp.DataType.Type.USERDEFINED and to.args.get("kind"):
        text = str(to.args["kind"])
    try:
        spec = parse_type_text(text, rw.source.splitter)
    except Exception:  # a type our reader cannot read stays as sqlglot wrote it
        return None
    mapped = rw.converter.map_type(spec)
    if mapped is None or not mapped.sql:
        return None
    inner = rw.sub(node.this)
    target = mapped.sql.lower()
    textual = target.startswith(("varchar", "char", "text", "longtext", "mediumtext", "enum", "nvarchar"))
    if isinstance(inner, exp.Literal) and inner.is_string and (textual or mapped.item):
        return inner  # '[8,18)'::int4range -> '[8,18)' where the range is kept as text
    try:
        dtype = exp.DataType.build(mapped.sql, dialect=rw.profile.sqlglot)
    except (ParseError, TokenError, ValueError):
        return None
    if mapped.item and mapped.item not in EXACT_ITEMS:
        rw.problem(mapped.item, f"CAST to {text} written as CAST to {mapped.sql}")
    return exp.Cast(this=inner, to=dtype)


# -- sequences ---------------------------------------------------------------------------------------


def next_value_for(node: exp.NextValueFor, rw: Rewriter) -> exp.Expression:
    seq = node.this
    source = ".".join(p.name for p in seq.parts) if isinstance(seq, exp.Column) else seq.sql()
    name = seq.name if isinstance(seq, exp.Column) else source
    sequences = rw.converter.sequences
    target = sequences.get(name.upper()) or sequences.get(source.upper())
    if target is None:
        schema = rw.names.schema(seq.table) if isinstance(seq, exp.Column) and seq.table else None
        target = rw.profile.qualified(schema, rw.names.base(name))
    if rw.profile.supports_sequences:
        return exp.Anonymous(this="nextval", expressions=[exp.Literal.string(target)])
    rw.problem("SEQ001", f"NEXT VALUE FOR {source}: {rw.profile.family} has no sequences; use "
                         "AUTO_INCREMENT or a sequence table")
    return node


# -- what the target cannot say ---------------------------------------------------------------------


def regexp_operator(node: exp.RegexpLike, rw: Rewriter) -> exp.Expression | None:
    """REGEXP works on MySQL 8 and MariaDB alike; REGEXP_LIKE is MySQL 8 only."""
    if node.args.get("flag"):
        return None
    return exp.Paren(this=exp.Var(this=f"{rw.sql(node.this)} REGEXP {rw.sql(node.expression)}"))


def any_array(node: exp.EQ | exp.NEQ, rw: Rewriter) -> exp.Expression | None:
    """pg_dump's x = ANY (ARRAY['a', 'b']) is x IN ('a', 'b'); x <> ALL (...) is NOT IN."""
    quant = node.expression
    if not isinstance(quant, (exp.Any, exp.All)):
        return None
    if isinstance(node, exp.EQ) != isinstance(quant, exp.Any):
        return None  # = ALL / <> ANY are not list membership
    arr = quant.this
    while isinstance(arr, (exp.Paren, exp.Cast)):
        arr = arr.this
    if not isinstance(arr, exp.Array):
        return None
    values = []
    for v in arr.expressions:
        while isinstance(v, exp.Cast):  # 'I'::bpchar
            v = v.this
        values.append(rw.sub(v))
    left = node.this
    while isinstance(left, (exp.Paren, exp.Cast)) and not isinstance(left, exp.Column):
        left = left.this  # (kind)::text
    result = exp.In(this=rw.sub(left), expressions=values)
    return result if isinstance(node, exp.EQ) else exp.Not(this=result)


def connect_by_left(node: exp.Connect, rw: Rewriter) -> exp.Expression | None:
    """A CONNECT BY the source's own rewrite did not turn into WITH RECURSIVE."""
    if rw.source.family == rw.profile.family:
        return None
    rw.problem("SQL001", "hierarchical query (START WITH / CONNECT BY) has no direct form on "
                         f"{rw.profile.family}: rewrite it with WITH RECURSIVE")
    return node


def is_json(node: exp.Is, rw: Rewriter) -> exp.Expression | None:
    if not isinstance(node.expression, exp.JSON):
        return None
    return exp.Anonymous(this="JSON_VALID", expressions=[rw.sub(node.this)])  # Oracle's x IS JSON


def grouping_id(node: exp.GroupingId, rw: Rewriter) -> exp.Expression:
    """Oracle GROUPING_ID(a, b) is the bit mask GROUPING(a, b) gives."""
    return exp.Anonymous(this="GROUPING", expressions=[rw.sub(a) for a in node.expressions])


def grouping_sets(node: exp.Expression, rw: Rewriter) -> exp.Expression:
    rw.problem("SQL001", "GROUPING SETS / CUBE: MySQL only has GROUP BY ... WITH ROLLUP")
    return node


def filter_as_case(node: exp.Filter, rw: Rewriter) -> exp.Expression:
    """agg(x) FILTER (WHERE c) -> agg(CASE WHEN c THEN x END): the aggregates skip the NULLs the CASE
    leaves for other rows (COUNT(*) counts the 1s)."""
    agg = rw.sub(node.this)
    cond = rw.sub(node.expression.this)
    arg = agg.this
    value = exp.Literal.number(1) if isinstance(arg, exp.Star) or arg is None else arg
    agg.set("this", exp.Case(ifs=[exp.If(this=cond, true=value)]))
    return agg


def composite_field(node: exp.Dot, rw: Rewriter) -> exp.Expression | None:
    if not isinstance(node.this, exp.Paren):
        return None
    rw.problem("SQL001", f"field access {node.sql(dialect=rw.source.sqlglot)} on a composite value has no "
                         f"{rw.profile.display} form")
    return node


def array_operator(node: exp.Expression, rw: Rewriter) -> exp.Expression:
    rw.problem("SQL001", f"array operator in {node.sql(dialect=rw.source.sqlglot)} has no "
                         f"{rw.profile.display} form")
    return node


def boolean_compare(node: exp.EQ | exp.NEQ, rw: Rewriter) -> exp.Expression | None:
    """A BIT column (boolean on the target) compared with 0 or 1 compares with false/true."""
    if not rw.columns:
        return None
    left, right = node.this, node.expression
    while isinstance(left, exp.Paren):
        left = left.this
    while isinstance(right, exp.Paren):  # T-SQL writes (discontinued = (0))
        right = right.this
    for col, lit in ((left, right), (right, left)):
        if isinstance(col, exp.Column) and isinstance(lit, exp.Literal) and not lit.is_string \
                and lit.this in ("0", "1"):
            spec = rw.columns.get(str(col.name).upper())
            if spec is not None and spec.base == "BIT" and not spec.params:
                column = col.transform(lambda n: rw.rewrite(n), copy=True)
                return type(node)(this=column, expression=exp.Boolean(this=lit.this == "1"))
    return None


# Oracle's TRUNC units ('DD', 'MM') -> the targets' DATE_TRUNC units
_TRUNC_UNITS = {"DD": "day", "DDD": "day", "J": "day", "MM": "month", "MON": "month", "MONTH": "month",
                "YYYY": "year", "YEAR": "year", "YY": "year", "Q": "quarter", "HH": "hour", "HH24": "hour",
                "MI": "minute", "IW": "week", "WW": "week", "D": "week", "DAY": "week", "CC": "century"}


def date_trunc_unit(node: exp.DateTrunc, rw: Rewriter) -> None:
    """sqlglot keeps Oracle's 'DD'/'MM' units; the targets want day/month."""
    unit = node.args.get("unit")
    if isinstance(unit, exp.Literal) and unit.is_string:
        mapped = _TRUNC_UNITS.get(unit.this.upper())
        if mapped:
            node.set("unit", exp.Literal.string(mapped))
    return None


def drop_dual(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """SELECT ... FROM dual: both targets select without FROM (a quoted `dual` would be a table)."""
    for frm in list(tree.find_all(exp.From)):
        t = frm.this
        if isinstance(t, exp.Table) and not t.db and str(t.name).upper() == "DUAL":
            frm.pop()
    return tree


def _func(node: exp.Expression) -> bool:
    return isinstance(node, (exp.Anonymous, exp.Func)) and not isinstance(node, exp.Column)


PREPASSES = [drop_dual]

BEFORE: list[Rewrite] = [
    rewrite(exp.Table, qualify_table),
    rewrite(exp.Identifier, identifier),
    rewrite(exp.CurrentTimestamp, sysdate),
    rewrite((exp.Anonymous, exp.Func), mapped_function),
    rewrite(exp.Anonymous, unknown_function),
]

AFTER: list[Rewrite] = [
    rewrite(exp.Convert, convert_call),
    rewrite((exp.Cast, exp.TryCast), cast),
    rewrite(exp.RegexpLike, regexp_operator, needs=lambda p: not p.has_regexp_like),
    rewrite((exp.EQ, exp.NEQ), any_array, needs=lambda p: not p.has_array_any),
    rewrite(exp.Connect, connect_by_left),
    rewrite(exp.Is, is_json, needs=lambda p: not p.has_is_json),
    rewrite(exp.GroupingId, grouping_id),
    rewrite((exp.GroupingSets, exp.Cube), grouping_sets, needs=lambda p: not p.has_grouping_sets),
    rewrite(exp.Filter, filter_as_case, needs=lambda p: not p.has_filter_clause),
    rewrite(exp.Dot, composite_field, needs=lambda p: not p.has_composite_fields),
    rewrite((exp.ArrayContainsAll, exp.ArrayOverlaps), array_operator, needs=lambda p: not p.has_arrays),
    rewrite(exp.NextValueFor, next_value_for),
    rewrite((exp.EQ, exp.NEQ), boolean_compare, needs=lambda p: p.has_boolean),
    rewrite(exp.DateTrunc, date_trunc_unit),
]
