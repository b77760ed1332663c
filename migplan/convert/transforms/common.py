"""Rewrites of every pair: names as the target spells them, the pair's function map, casts through
the type map, sequences; and, after the source's own rewrites, what the target cannot say."""

from __future__ import annotations

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError, TokenError

from migplan.convert.transforms import Rewrite, Rewriter, arithmetic, grouping, paging, rewrite
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
    if not name or rw.source.family == rw.profile.family or name.upper() in rw.converter.routines \
            or name.lower() in rw.extensions:
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
    elif rw.profile.family == "mysql" and not target_has and upper in builtins(rw.source.family):
        # a built-in of the source (data/builtins/<source family>.txt) that MySQL does not have
        rw.problem("SQL001", f"{_FAMILY_NAMES.get(rw.source.family, rw.source.display)}'s {name}() has no MySQL "
                             "equivalent")
    return None


_FAMILY_NAMES = {"postgresql": "PostgreSQL", "db2": "Db2"}


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
    name = func_name(quant) if isinstance(quant, exp.Anonymous) else None
    if name in ("ANY", "ALL") and len(quant.expressions) == 1:  # sqlglot reads <> ALL (ARRAY[...]) as a call
        quant = (exp.Any if name == "ANY" else exp.All)(this=quant.expressions[0])
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


def pivot_clause(node: exp.Table | exp.Subquery, rw: Rewriter) -> exp.Expression | None:
    """FROM src PIVOT (...) / UNPIVOT (...) as a derived table (convert.pivot); None leaves the clause
    to sqlglot, which reports it."""
    from migplan.convert import pivot

    pivots = node.args.get("pivots") or []
    if len(pivots) != 1 or rw.source.family == rw.profile.family:
        return None
    p = pivots[0]
    columns = _source_columns(node, rw)
    if columns is None:
        return None
    source = node.copy()
    source.set("pivots", None)
    alias = p.alias or node.alias or "mig_pivot"
    tsql = rw.source.splitter == "tsql"
    build = pivot.unpivot if p.args.get("unpivot") else pivot.pivot
    out = build(source, p, columns, rw.source.fold, tsql, alias)
    return rw.sub(out) if out is not None else None


def _source_columns(node: exp.Table | exp.Subquery, rw: Rewriter) -> list[str] | None:
    """The column names a pivoted source gives: a subquery's select list, a table's columns."""
    if isinstance(node, exp.Subquery):
        inner = node.this
        if not isinstance(inner, exp.Select):
            return None
        names = []
        for e in inner.expressions:
            if isinstance(e, exp.Star):
                frm = inner.args.get("from_")
                if frm is None or inner.args.get("joins") or not isinstance(frm.this, exp.Table):
                    return None
                found = _table_columns(frm.this, rw)
                if found is None:
                    return None
                names += found
            elif e.alias_or_name:
                names.append(e.alias_or_name)
            else:
                return None
        return names
    return _table_columns(node, rw)


def _table_columns(table: exp.Table, rw: Rewriter) -> list[str] | None:
    resolve = rw.converter.resolve
    obj = resolve(str(table.name), str(table.db) if table.db else None) if resolve else None
    columns = getattr(obj, "columns", None)
    return [c.name for c in columns] if columns else None


def is_json(node: exp.Is, rw: Rewriter) -> exp.Expression | None:
    if not isinstance(node.expression, exp.JSON):
        return None
    return exp.Anonymous(this="JSON_VALID", expressions=[rw.sub(node.this)])  # Oracle's x IS JSON


def grouping_id(node: exp.GroupingId, rw: Rewriter) -> exp.Expression:
    """Oracle GROUPING_ID(a, b) is the bit mask GROUPING(a, b) gives."""
    return exp.Anonymous(this="GROUPING", expressions=[rw.sub(a) for a in node.expressions])


def filter_as_case(node: exp.Filter, rw: Rewriter) -> exp.Expression:
    """agg(x) FILTER (WHERE c) -> agg(CASE WHEN c THEN x END): the aggregates skip the NULLs the CASE
    leaves for other rows (COUNT(*) counts the 1s)."""
    agg = rw.sub(node.this)
    cond = rw.sub(node.expression.this)
    arg = agg.this
    value = exp.Literal.number(1) if isinstance(arg, exp.Star) or arg is None else arg
    agg.set("this", exp.Case(ifs=[exp.If(this=cond, true=value)]))
    return agg


_LAG_DONE = "lag_default_done"


def lag_default(node: exp.Window, rw: Rewriter) -> exp.Expression | None:
    """LAG/LEAD(x, n, d) OVER w -> CASE WHEN LAG(1, n) OVER w IS NULL THEN d ELSE LAG(x, n) OVER w END:
    the constant 1 is NULL only where the offset leaves the partition, which is where the default
    applies (a NULL x stays NULL); both calls share the window, so they read the same row."""
    fn = node.this
    if not isinstance(fn, (exp.Lag, exp.Lead)) or fn.args.get("default") is None or node.meta.get(_LAG_DONE):
        return None
    offset = fn.args.get("offset") or exp.Literal.number(1)

    def call(value: exp.Expression) -> exp.Window:
        w = node.copy()
        w.set("this", type(fn)(this=value, offset=offset.copy()))
        w.meta[_LAG_DONE] = True
        return w

    probe = call(exp.Literal.number(1))
    return rw.sub(exp.Case(ifs=[exp.If(this=exp.Is(this=probe, expression=exp.Null()),
                                       true=fn.args["default"].copy())], default=call(fn.this.copy())))


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


def drop_dual(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """SELECT ... FROM dual: both targets select without FROM (a quoted `dual` would be a table)."""
    for frm in list(tree.find_all(exp.From)):
        t = frm.this
        if isinstance(t, exp.Table) and not t.db and str(t.name).upper() == "DUAL":
            frm.pop()
    return tree


# -- text collation: a case-insensitive source on a target that compares text the binary way ----------
# SQL Server's and MySQL's default collations ignore case (MySQL's accents too); PostgreSQL's deterministic
# collations do not, and its nondeterministic (ICU) ones need ICU and refuse LIKE before PostgreSQL 18. The
# comparisons are folded instead: lower() on both sides, unaccent(lower()) where the source ignores accents
# (the unaccent extension), ILIKE for LIKE, ~* for REGEXP. What is not folded says so (FDM009).

_LITERAL = "literal"
# text functions whose result compares under the collation of their (first) text argument
_TEXT_OF_FIRST = (exp.Upper, exp.Lower, exp.Trim, exp.Substring, exp.Left, exp.Right, exp.Replace, exp.Pad,
                  exp.Initcap, exp.Min, exp.Max)
_TEXT_OF_ALL = (exp.Concat, exp.DPipe, exp.ConcatWs, exp.Coalesce)


def text_class(node: exp.Expression, rw: Rewriter) -> str | None:
    """The source collation class of a text operand (convert/collation.py), "literal" for a string
    literal (it takes the other side's), None when it is not text or its type is not known."""
    from migplan.convert.collation import is_text

    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, exp.Literal):
        return _LITERAL if node.is_string else None
    if isinstance(node, exp.National):
        return _LITERAL
    if isinstance(node, exp.Column):
        name = str(node.name).upper()
        if not is_text(rw.columns.get(name)):
            return None
        return rw.texts.get(name) or rw.source.text_collation or None
    if isinstance(node, _TEXT_OF_FIRST):
        return text_class(node.this, rw)
    if isinstance(node, _TEXT_OF_ALL):
        args = [node.this, node.expression] if isinstance(node, exp.DPipe) else \
            [node.this, *node.expressions] if isinstance(node, exp.Coalesce) else list(node.expressions)
        classes = [text_class(a, rw) for a in args]
        if not classes or None in classes:
            return None
        real = [c for c in classes if c != _LITERAL]
        return real[0] if real else _LITERAL
    return None


def _folding(classes: list[str | None]) -> str | None:
    """The class two or more compared operands fold under: None unless they are all text, one of them
    a column of a case- or accent-insensitive class, and none binary."""
    from migplan.convert.collation import ACCENT_INSENSITIVE, BINARY, CASE_INSENSITIVE

    if not classes or None in classes:
        return None
    real = {c for c in classes if c != _LITERAL}
    if not real or BINARY in real:
        return None
    return ACCENT_INSENSITIVE if ACCENT_INSENSITIVE in real else CASE_INSENSITIVE


def _fold(node: exp.Expression, how: str, rw: Rewriter, sub: bool = True, pad: bool = False) -> exp.Expression:
    """lower(x), or unaccent(lower(x)) for an accent-insensitive source; a string literal of plain ASCII is
    folded here. ``pad``: SQL Server ignores trailing blanks in comparisons (rtrim). ``sub``: rewrite the
    operand now (for a node that replaces the original; an operand changed in place is rewritten by the
    walk that goes on into it)."""
    from migplan.convert.collation import ACCENT_INSENSITIVE

    inner = node
    while isinstance(inner, exp.Paren):
        inner = inner.this
    if isinstance(inner, (exp.Literal, exp.National)) and inner.this.isascii():
        text = inner.this.lower()
        return exp.Literal.string(text.rstrip(" ") if pad else text)
    out: exp.Expression = exp.Lower(this=rw.sub(node) if sub else node.copy())
    if how == ACCENT_INSENSITIVE:
        out = exp.Anonymous(this="unaccent", expressions=[out])
        rw.extensions.add("unaccent")
    if pad:
        out = exp.Anonymous(this="rtrim", expressions=[out])
    return out


def _pads(rw: Rewriter) -> bool:
    return rw.source.family == "sqlserver"  # = and <> ignore trailing blanks in SQL Server (ANSI padding)


def ci_compare(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """a = b (<>, <, <=, >, >=) on text of a case-insensitive source: both sides folded."""
    how = _folding([text_class(node.this, rw), text_class(node.expression, rw)])
    if how is None:
        _unfolded(node, rw, [node.this, node.expression])
        return None
    pad = _pads(rw) and isinstance(node, (exp.EQ, exp.NEQ))
    return type(node)(this=_fold(node.this, how, rw, pad=pad), expression=_fold(node.expression, how, rw, pad=pad))


_FIXED_CHAR = frozenset({"CHAR", "NCHAR", "CHARACTER", "NATIONAL CHAR", "NATIONAL CHARACTER"})


def _rtrim(node: exp.Expression, rw: Rewriter) -> exp.Expression:
    """An operand without its trailing blanks: a literal trimmed here, a CHAR(n) column as it is (MySQL
    strips a CHAR value's trailing blanks when it reads it; and an index on it stays usable)."""
    inner = node
    while isinstance(inner, exp.Paren):
        inner = inner.this
    if isinstance(inner, exp.National) or (isinstance(inner, exp.Literal) and inner.is_string):
        return exp.Literal.string(inner.this.rstrip(" "))
    if isinstance(inner, exp.Column):
        spec = rw.columns.get(str(inner.name).upper())
        if spec is not None and spec.base.upper() in _FIXED_CHAR:
            return rw.sub(node)
    return exp.Anonymous(this="RTRIM", expressions=[rw.sub(node)])


def pad_compare(node: exp.EQ | exp.NEQ | exp.In, rw: Rewriter) -> exp.Expression | None:
    """SQL Server compares text with = and <> ignoring trailing blanks whatever the collation (ANSI
    padding); the target's collations (MySQL 8.0's utf8mb4_0900_*) do not pad: both sides are rtrim()med.
    The case of the comparison is the collation's (convert/tables.py gives the tables SQL Server's)."""
    if not _pads(rw):
        return None
    sides = [node.this, *node.expressions] if isinstance(node, exp.In) else [node.this, node.expression]
    if isinstance(node, exp.In) and (node.args.get("query") or node.args.get("unnest") or not node.expressions):
        return None
    classes = [text_class(side, rw) for side in sides]
    if None in classes or all(c == _LITERAL for c in classes):
        return None
    trimmed = [_rtrim(side, rw) for side in sides]
    if isinstance(node, exp.In):
        return exp.In(this=trimmed[0], expressions=trimmed[1:])
    return type(node)(this=trimmed[0], expression=trimmed[1])


def ci_in(node: exp.In, rw: Rewriter) -> exp.Expression | None:
    """x IN ('a', 'b') on text of a case-insensitive source: every member folded."""
    if node.args.get("query") or node.args.get("unnest") or not node.expressions:
        if text_class(node.this, rw) not in (None, _LITERAL):
            _residual(rw, f"{node.this.sql(dialect=rw.source.sqlglot)} IN (subquery)")
        return None
    how = _folding([text_class(node.this, rw)] + [text_class(e, rw) for e in node.expressions])
    if how is None:
        _unfolded(node, rw, [node.this, *node.expressions])
        return None
    pad = _pads(rw)
    return exp.In(this=_fold(node.this, how, rw, pad=pad), expressions=[_fold(e, how, rw, pad=pad)
                                                                         for e in node.expressions])


def ci_between(node: exp.Between, rw: Rewriter) -> exp.Expression | None:
    parts = [node.this, node.args["low"], node.args["high"]]
    how = _folding([text_class(p, rw) for p in parts])
    if how is None:
        _unfolded(node, rw, parts)
        return None
    return exp.Between(this=_fold(parts[0], how, rw), low=_fold(parts[1], how, rw), high=_fold(parts[2], how, rw))


def ci_like(node: exp.Like, rw: Rewriter) -> exp.Expression | None:
    """LIKE of a case-insensitive source: ILIKE (on unaccent()ed sides where accents are ignored too)."""
    from migplan.convert.collation import ACCENT_INSENSITIVE

    how = _folding([text_class(node.this, rw), text_class(node.expression, rw)])
    if how is None:
        _unfolded(node, rw, [node.this, node.expression])
        return None
    if how == ACCENT_INSENSITIVE:
        left, right = _fold(node.this, how, rw), _fold(node.expression, how, rw)
    else:
        left, right = rw.sub(node.this), rw.sub(node.expression)
    return exp.ILike(this=left, expression=right, negate=node.args.get("negate"))


def ci_regexp(node: exp.RegexpLike, rw: Rewriter) -> exp.Expression | None:
    """MySQL's REGEXP under a case-insensitive collation matches case-insensitively: ~*. A match type
    with 'c' or 'i' says it itself; one without either gets the collation's 'i'."""
    if _folding([text_class(node.this, rw), text_class(node.expression, rw)]) is None:
        return None
    flag = node.args.get("flag")
    if flag is None:
        return exp.RegexpILike(this=rw.sub(node.this), expression=rw.sub(node.expression))
    if not (isinstance(flag, exp.Literal) and flag.is_string):
        rw.problem("SQL001", f"{node.sql(dialect=rw.source.sqlglot)}: a match type that is not a literal cannot be "
                             "written for the target")
        return None
    if "c" in flag.this.lower() or "i" in flag.this.lower():
        return None
    return exp.RegexpLike(this=rw.sub(node.this), expression=rw.sub(node.expression),
                          flag=exp.Literal.string(flag.this + "i"))


def ci_count_distinct(node: exp.Count, rw: Rewriter) -> exp.Expression | None:
    """COUNT(DISTINCT x) counts values equal under the source's collation once."""
    distinct = node.this
    if not isinstance(distinct, exp.Distinct) or len(distinct.expressions) != 1:
        return None
    arg = distinct.expressions[0]
    how = _folding([text_class(arg, rw)])
    if how is None:
        return None
    return exp.Count(this=exp.Distinct(expressions=[_fold(arg, how, rw)]))


def _select_aliases(select: exp.Expression | None) -> set[str]:
    """Output names of a select list that are not just the input column of that name (x AS x, or the
    MIN(x) AS x of a folded GROUP BY)."""
    if not isinstance(select, exp.Select):
        return set()
    out = set()
    for e in select.expressions:
        if not isinstance(e, exp.Alias):
            continue
        inner = e.this.this if isinstance(e.this, exp.Min) and e.this.meta.get("migplan_any_value") else e.this
        if not (isinstance(inner, exp.Column) and str(inner.name).upper() == str(e.alias).upper()):
            out.add(str(e.alias).upper())
    return out


def ci_order(node: exp.Ordered, rw: Rewriter) -> exp.Expression | None:
    """ORDER BY text of a case-insensitive source sorts without regard to case (or accents): folded.
    Not in a SELECT DISTINCT or a set operation, whose ORDER BY may only name output columns."""
    order = node.parent
    owner = order.parent if isinstance(order, exp.Order) else None
    how = _folding([text_class(node.this, rw)])
    if how is None:
        return None
    if isinstance(owner, exp.Select) and not owner.args.get("distinct"):
        if isinstance(node.this, exp.Column) and not node.this.table \
                and str(node.this.name).upper() in _select_aliases(owner):
            return None  # the output column of that name
    elif not isinstance(owner, exp.Window):
        _residual(rw, f"ORDER BY {node.this.sql(dialect=rw.source.sqlglot)} of a SELECT DISTINCT or UNION")
        return None
    out = node.copy()
    out.set("this", _fold(node.this, how, rw))
    return out


def ci_partition(node: exp.Window, rw: Rewriter) -> None:
    """PARTITION BY text of a case-insensitive source: one partition per value up to case."""
    keys = node.args.get("partition_by") or []
    folded = []
    for key in keys:
        how = _folding([text_class(key, rw)])
        folded.append(key if how is None else _fold(key, how, rw, sub=False))
    if any(a is not b for a, b in zip(folded, keys)):
        node.set("partition_by", folded)
    return None


def ci_group(node: exp.Select, rw: Rewriter) -> None:
    """GROUP BY a text column of a case-insensitive source puts values equal up to case in one group:
    the key is folded, and the column in the select list and HAVING becomes MIN(column) (the source
    shows one of the group's values; which one is not defined there either)."""
    group = node.args.get("group")
    if group is None:
        if node.args.get("distinct") and any(text_class(e.unalias(), rw) not in (None, _LITERAL, "binary")
                                             for e in node.expressions):
            _residual(rw, "SELECT DISTINCT on text")
        return None
    keys = [k for k in group.expressions if isinstance(k, exp.Column) and _folding([text_class(k, rw)])]
    if not keys:
        return None
    names = {str(k.name).upper(): str(k.table).upper() for k in keys}

    def grouped(n: exp.Expression) -> bool:
        if not isinstance(n, exp.Column) or str(n.name).upper() not in names:
            return False
        table = names[str(n.name).upper()]
        return not table or not n.table or table == str(n.table).upper()

    def any_value(n: exp.Expression) -> exp.Expression:
        if grouped(n) and n.find_ancestor(exp.AggFunc, exp.Select) is None:
            out = exp.Min(this=n.copy())
            out.meta["migplan_any_value"] = True
            return out
        return n

    select = []
    for e in node.expressions:
        if grouped(e):
            select.append(exp.alias_(any_value(e.copy()), exp.to_identifier(e.name, quoted=e.this.quoted)))
        else:
            select.append(e.transform(any_value, copy=True))
    node.set("expressions", select)
    having = node.args.get("having")
    if having is not None:
        having.set("this", having.this.transform(any_value, copy=True))
    group.set("expressions", [_fold(k, _folding([text_class(k, rw)]) or "", rw, sub=False) if k in keys else k
                              for k in group.expressions])
    return None


def _unfolded(node: exp.Expression, rw: Rewriter, sides: list[exp.Expression]) -> None:
    """A comparison left as it is although it may compare text of a case-insensitive source: a text column
    against an operand of unknown type, or a string against a column of a table the scripts do not define
    (its type is not known). Say so."""
    classes = [text_class(s, rw) for s in sides]
    if None not in classes:
        return
    if any(c not in (None, _LITERAL) and c != "binary" for c in classes) or (
            _LITERAL in classes and rw.source.text_collation not in ("", "binary")
            and any(_unknown_column(s, rw) for s in sides)):
        _residual(rw, node.sql(dialect=rw.source.sqlglot)[:80])


def _unknown_column(node: exp.Expression, rw: Rewriter) -> bool:
    while isinstance(node, exp.Paren):
        node = node.this
    return rw.context == "query" and isinstance(node, exp.Column) and str(node.name).upper() not in rw.columns


def _residual(rw: Rewriter, what: str) -> None:
    if not any(code == "FDM009" for code, _ in rw.problems):
        rw.problem("FDM009", f"{what}: compares text case-insensitively in {rw.source.display}, "
                             f"case-sensitively on {rw.profile.display}; migplan could not fold it (lower())")


def ci_aggregate(node: exp.Min | exp.Max, rw: Rewriter) -> None:
    """MIN/MAX of text pick another value when case decides (MIN('a', 'B') is 'a' case-insensitively)."""
    if _folding([text_class(node.this, rw)]) is not None and not node.meta.get("migplan_any_value"):
        _residual(rw, f"{node.sql(dialect=rw.source.sqlglot)} on text")
    return None


def ci_set_operation(node: exp.SetOperation, rw: Rewriter) -> None:
    if isinstance(node, exp.Union) and not node.args.get("distinct"):
        return None
    left = node.left
    if isinstance(left, exp.Select) and any(text_class(e.unalias(), rw) not in (None, _LITERAL, "binary")
                                            for e in left.expressions):
        _residual(rw, f"{type(node).__name__.upper()} on text")
    return None


def window_nulls_order(node: exp.Window, rw: Rewriter) -> None:
    """ORDER BY x in a window where the source puts NULLs last (PostgreSQL, Oracle: ascending) and the
    target first (MySQL): sqlglot cannot write its NULLS LAST emulation inside OVER (...), so the key
    x IS NULL goes first. It does not change the peers of a RANGE frame (it follows from x)."""
    order = node.args.get("order")
    if not isinstance(order, exp.Order):
        return None
    keys: list[exp.Expression] = []
    changed = False
    for key in order.expressions:
        if not isinstance(key, exp.Ordered):
            keys.append(key)
            continue
        desc = bool(key.args.get("desc"))
        natural = not desc  # MySQL: NULLs are the smallest values
        if bool(key.args.get("nulls_first")) == natural:
            keys.append(key)
            continue
        changed = True
        keys.append(exp.Ordered(this=exp.Is(this=key.this.copy(), expression=exp.Null()), desc=desc,
                                nulls_first=natural))
        again = key.copy()
        again.set("nulls_first", natural)
        keys.append(again)
    if changed:
        order.set("expressions", keys)
    return None


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
    rewrite((exp.Table, exp.Subquery), pivot_clause),
    rewrite(exp.Is, is_json, needs=lambda p: not p.has_is_json),
    rewrite(exp.GroupingId, grouping_id),
    rewrite(exp.Filter, filter_as_case, needs=lambda p: not p.has_filter_clause),
    rewrite(exp.Window, lag_default, needs=lambda p: not p.has_lag_default),
    rewrite(exp.Dot, composite_field, needs=lambda p: not p.has_composite_fields),
    rewrite((exp.ArrayContainsAll, exp.ArrayOverlaps), array_operator, needs=lambda p: not p.has_arrays),
    rewrite(exp.NextValueFor, next_value_for),
    rewrite((exp.EQ, exp.NEQ), boolean_compare, needs=lambda p: p.has_boolean),
    rewrite(exp.DateTrunc, date_trunc_unit),
    rewrite(exp.Div, arithmetic.integer_division, sources=("sqlserver", "sap-ase", "postgresql", "greenplum"),
            needs=lambda p: not p.integer_division_truncates),
    rewrite(exp.With, recursive_with, sources=("oracle", "sqlserver", "sap-ase")),
    rewrite(exp.Select, grouping.group_by_all, sources=("sqlserver", "sap-ase")),
    rewrite(exp.Select, grouping.grouping_extensions),
    rewrite(exp.Select, paging.row_limit),
    rewrite((exp.In, exp.Any, exp.All), paging.limit_in_subquery, needs=lambda p: not p.limit_in_quantified_subquery),
    rewrite(exp.Window, window_nulls_order, needs=lambda p: not p.has_nulls_ordering),
    rewrite((exp.EQ, exp.NEQ, exp.In), pad_compare, needs=lambda p: not p.case_sensitive_text),
    # text collation of a case-insensitive source (the rewrites fold nothing for a binary one)
    rewrite(exp.Select, ci_group, needs=lambda p: p.case_sensitive_text),
    rewrite((exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE), ci_compare, needs=lambda p: p.case_sensitive_text),
    rewrite(exp.In, ci_in, needs=lambda p: p.case_sensitive_text),
    rewrite(exp.Between, ci_between, needs=lambda p: p.case_sensitive_text),
    rewrite(exp.Like, ci_like, needs=lambda p: p.case_sensitive_text),
    rewrite(exp.RegexpLike, ci_regexp, needs=lambda p: p.case_sensitive_text),
    rewrite(exp.Count, ci_count_distinct, needs=lambda p: p.case_sensitive_text),
    rewrite(exp.Ordered, ci_order, needs=lambda p: p.case_sensitive_text),
    rewrite(exp.Window, ci_partition, needs=lambda p: p.case_sensitive_text),
    rewrite((exp.Min, exp.Max), ci_aggregate, needs=lambda p: p.case_sensitive_text),
    rewrite(exp.SetOperation, ci_set_operation, needs=lambda p: p.case_sensitive_text),
]
