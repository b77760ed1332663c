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
    if rw.profile.family == "postgresql" and not target_has:
        rw.problem("SQL001", f"no {name}() on PostgreSQL and the scripts do not define it")
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


def recursive_with(node: exp.With, rw: Rewriter) -> None:
    """T-SQL and Oracle read a common table expression that names itself as recursive; PostgreSQL
    and MySQL need WITH RECURSIVE for it (which lets every CTE of the list refer to itself)."""
    if node.args.get("recursive"):
        return None
    for cte in node.expressions:
        name = str(cte.alias_or_name).upper()
        if any(not t.db and str(t.name).upper() == name for t in cte.this.find_all(exp.Table)):
            node.set("recursive", True)
            break
    return None


# -- paging ----------------------------------------------------------------------------------------


def _col(name: str, table: str | None = None) -> exp.Column:
    return exp.Column(this=exp.to_identifier(name), table=exp.to_identifier(table) if table else None)


def _operand(node: exp.Expression) -> exp.Expression:
    """A node to put in arithmetic: parenthesised unless it is a literal or a name."""
    return node if isinstance(node, (exp.Literal, exp.Column, exp.Paren)) else exp.Paren(this=node)


def _limit_options(limit: exp.Expression) -> tuple[bool, bool]:
    """(percent, with ties) of a TOP / FETCH FIRST."""
    opts = limit.args.get("limit_options")
    return bool(opts and opts.args.get("percent")), bool(opts and opts.args.get("with_ties"))


def row_limit(node: exp.Select, rw: Rewriter) -> exp.Expression | None:
    """TOP n PERCENT / WITH TIES and FETCH FIRST n PERCENT ROWS / ROWS WITH TIES. PostgreSQL 13+ has
    FETCH FIRST n ROWS WITH TIES; no target has PERCENT, and MySQL neither: the rows are numbered
    by a window over the query's ORDER BY and filtered (RANK for ties; PERCENT takes
    CEILING(n% of the rows), as SQL Server and Oracle round up)."""
    limit = node.args.get("limit")
    if not isinstance(limit, (exp.Limit, exp.Fetch)):
        return None
    percent, ties = _limit_options(limit)
    count = limit.args.get("count") if isinstance(limit, exp.Fetch) else limit.expression
    if not (percent or ties) or count is None:
        return None
    if ties and not percent and rw.profile.has_fetch_with_ties:
        if isinstance(limit, exp.Limit):  # T-SQL's TOP n WITH TIES
            node.set("limit", exp.Fetch(direction="FIRST", count=count,
                                        limit_options=exp.LimitOptions(rows=True, with_ties=True)))
        return None
    what = f"{'PERCENT' if percent else ''}{' and ' if percent and ties else ''}{'WITH TIES' if ties else ''}"
    items = node.expressions
    if any(isinstance(i, exp.Star) or (isinstance(i, exp.Column) and isinstance(i.this, exp.Star)) for i in items):
        rw.problem("SQL001", f"a row limit {what} over SELECT *: {rw.profile.display} has no such limit, and the "
                             "rewrite that numbers the rows needs the columns listed")
        return node
    if node.args.get("distinct"):
        rw.problem("SQL001", f"a row limit {what} on SELECT DISTINCT: {rw.profile.display} has no such limit; "
                             "number the distinct rows in a derived table")
        return node
    return rw.sub(_numbered_rows(node, count, percent, ties))


def _numbered_rows(node: exp.Select, count: exp.Expression, percent: bool, ties: bool) -> exp.Select:
    """SELECT cols FROM (SELECT cols, ROW_NUMBER() OVER (ORDER BY ...) AS mig_rn[, RANK() ... AS mig_rk]
    [, COUNT(*) OVER () AS mig_cnt] FROM ...) AS mig_top WHERE <bound> ORDER BY mig_rn."""
    inner = node.copy()
    for key in ("limit", "offset", "order", "with_"):
        inner.set(key, None)
    names: list[exp.Identifier] = []
    seen: set[str] = set()
    listed = []
    for n, item in enumerate(inner.expressions, 1):
        ident = item.args.get("alias") if isinstance(item, exp.Alias) else \
            item.this if isinstance(item, exp.Column) else None
        if not isinstance(ident, exp.Identifier) or not ident.name or ident.name.upper() in seen:
            ident = exp.to_identifier(f"mig_c{n}")  # unnamed or a repeated name: the outer query must name it
            item = exp.alias_(item.this if isinstance(item, exp.Alias) else item, ident)
        seen.add(ident.name.upper())
        names.append(ident)
        listed.append(item)
    # the window orders like the query: select-list aliases and ordinals become their expressions
    aliases = {str(i.alias).upper(): i.this for i in node.expressions if isinstance(i, exp.Alias)}
    keys = []
    order = node.args.get("order")
    for o in order.expressions if order is not None else ():
        key = o.this
        if isinstance(key, exp.Literal) and not key.is_string and key.this.isdigit() \
                and 1 <= int(key.this) <= len(node.expressions):
            item = node.expressions[int(key.this) - 1]
            key = item.this if isinstance(item, exp.Alias) else item
        elif isinstance(key, exp.Column) and not key.table and key.name.upper() in aliases:
            key = aliases[key.name.upper()]
        ordered = o.copy()
        ordered.set("this", key.copy())
        keys.append(ordered)
    over = exp.Order(expressions=keys) if keys else None
    listed.append(exp.alias_(exp.Window(this=exp.RowNumber(), order=over), "mig_rn"))
    if ties:
        listed.append(exp.alias_(exp.Window(this=exp.Rank(), order=over.copy() if over else None), "mig_rk"))
    bound = count.copy()
    if percent:
        listed.append(exp.alias_(exp.Window(this=exp.Count(this=exp.Star())), "mig_cnt"))
        share = exp.Div(this=exp.Mul(this=_operand(bound), expression=_col("mig_cnt")),
                        expression=exp.Literal.number("100.0"), typed=True, safe=False)
        bound = exp.Ceil(this=share)
    inner.set("expressions", listed)
    offset = node.args.get("offset")
    skip = offset.expression.copy() if offset is not None else None
    if skip is not None:
        bound = exp.Add(this=_operand(skip.copy()), expression=bound)
    cond: exp.Expression = exp.LTE(this=_col("mig_rk" if ties else "mig_rn", "mig_top"), expression=bound)
    if skip is not None:
        cond = exp.and_(exp.GT(this=_col("mig_rn", "mig_top"), expression=skip), cond)
    outer = exp.Select(expressions=[exp.Column(this=n.copy(), table=exp.to_identifier("mig_top")) for n in names])
    outer = outer.from_(exp.Subquery(this=inner, alias=exp.TableAlias(this=exp.to_identifier("mig_top"))), copy=False)
    outer = outer.where(cond, copy=False).order_by(_col("mig_rn", "mig_top"), copy=False)
    if node.args.get("with_"):
        outer.set("with_", node.args["with_"].copy())
    return outer


def limit_in_subquery(node: exp.In | exp.Any | exp.All, rw: Rewriter) -> exp.Expression | None:
    """MySQL refuses LIMIT in an IN / ANY / ALL / SOME subquery, not in a derived table inside it:
    x IN (SELECT * FROM (SELECT ... LIMIT n) AS mig_in)."""
    key = "query" if isinstance(node, exp.In) else "this"
    query = node.args.get(key)
    sub = query.this if isinstance(query, exp.Subquery) else query
    if not isinstance(sub, exp.Select) or sub.args.get("limit") is None:
        return None
    derived = exp.Subquery(this=sub.copy(), alias=exp.TableAlias(this=exp.to_identifier("mig_in")))
    new = node.copy()
    new.set(key, exp.Subquery(this=exp.Select(expressions=[exp.Star()]).from_(derived, copy=False)))
    return rw.sub(new)


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
    rewrite(exp.With, recursive_with, sources=("oracle", "sqlserver", "sap-ase")),
    rewrite(exp.Select, row_limit),
    rewrite((exp.In, exp.Any, exp.All), limit_in_subquery, needs=lambda p: not p.limit_in_quantified_subquery),
]
