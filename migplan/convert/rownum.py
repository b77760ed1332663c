"""Oracle's ROWNUM and CONNECT BY row generators, written with what the targets have.

ROWNUM numbers the rows of a query block as they come out of its FROM and WHERE, before its own
GROUP BY and ORDER BY. So, per SELECT:

* ``WHERE ROWNUM <= n`` (``< n``, ``= 1``) keeps the first n rows: ``LIMIT n``. When the rows come
  from an ordered subquery (the top-n idiom ``SELECT * FROM (... ORDER BY x) WHERE ROWNUM <= n``)
  the order goes with it (``ORDER BY x LIMIT n`` on the outer query, or the LIMIT goes into the
  subquery), since neither target promises to keep a subquery's order.
* ``ROWNUM > k`` (k >= 1), ``ROWNUM = k`` (k > 1), ``ROWNUM >= k`` (k > 1) are never true: the first
  row would be number 1 and is rejected, so no row ever is. ``ROWNUM > 0`` / ``>= 1`` always are.
* ``ROWNUM`` in the select list is ``row_number() OVER (ORDER BY <the subquery's order>)``
  (``OVER ()`` for unordered rows, as arbitrary as Oracle's).

A SELECT that groups, aggregates or sorts itself keeps its ROWNUM (it counts the rows before the
grouping or the sort, which LIMIT cannot say); so does a ROWNUM in any other place. The caller
reports what is left (SQL001): such a view is never written.

``SELECT LEVEL FROM dual CONNECT BY LEVEL <= n`` (or ROWNUM <= n: the same rows) generates n rows:
``generate_series(1, n)`` on PostgreSQL, a recursive CTE elsewhere (and for conditions other than
a plain bound). Oracle always returns the first row, whatever n.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from sqlglot import exp

GEN = "mig_gen"
LEVEL = "mig_level"


def _is_pseudo(node: exp.Expression, *names: str) -> bool:
    return isinstance(node, exp.Column) and not node.table and str(node.name).upper() in names


def _own(select: exp.Select, node: exp.Expression) -> bool:
    """Whether ``node`` belongs to ``select`` itself (not to a subquery inside it)."""
    return node.find_ancestor(exp.Select) is select


def _number(node: exp.Expression) -> Decimal | None:
    neg = False
    while isinstance(node, (exp.Paren, exp.Neg)):
        neg ^= isinstance(node, exp.Neg)
        node = node.this
    if isinstance(node, exp.Literal) and not node.is_string:
        try:
            value = Decimal(node.this)
        except InvalidOperation:
            return None
        return -value if neg else value
    return None


def _conjuncts(cond: exp.Expression | None) -> list[exp.Expression]:
    if cond is None:
        return []
    while isinstance(cond, exp.Paren):
        cond = cond.this
    if isinstance(cond, exp.And):
        return _conjuncts(cond.this) + _conjuncts(cond.expression)
    return [cond]


_FLIP = {exp.LT: exp.GT, exp.LTE: exp.GTE, exp.GT: exp.LT, exp.GTE: exp.LTE, exp.EQ: exp.EQ}


def _bound(cond: exp.Expression, *names: str) -> tuple[type, exp.Expression] | None:
    """``PSEUDO op x`` (or ``x op PSEUDO``) as (op, x) with the pseudo-column on the left."""
    if type(cond) not in _FLIP:
        return None
    left, right = cond.this, cond.expression
    if _is_pseudo(left, *names) and not _mentions(right, *names):
        return type(cond), right
    if _is_pseudo(right, *names) and not _mentions(left, *names):
        return _FLIP[type(cond)], left
    return None


def _mentions(node: exp.Expression, *names: str) -> bool:
    return any(_is_pseudo(c, *names) for c in node.find_all(exp.Column))


# -- ROWNUM -----------------------------------------------------------------------------------------


def _rownum_filter(cond: exp.Expression) -> tuple[str, int | None] | None:
    """A WHERE conjunct on ROWNUM: ("limit", n), ("false", None) or ("true", None)."""
    found = _bound(cond, "ROWNUM")
    if found is None:
        return None
    op, other = found
    value = _number(other)
    if value is None:
        return None
    if op is exp.LTE or (op is exp.EQ and value == 1):
        n = int(value.to_integral_value(rounding="ROUND_FLOOR"))
    elif op is exp.LT:
        n = int(value.to_integral_value(rounding="ROUND_CEILING")) - 1
    elif op is exp.GT:
        return ("false", None) if value >= 1 else ("true", None)
    elif op is exp.GTE:
        return ("false", None) if value > 1 else ("true", None)
    else:  # = k, k other than 1
        return ("false", None)
    return ("limit", max(n, 0))


def _ordered_source(select: exp.Select) -> tuple[exp.Subquery, exp.Select] | None:
    """The single subquery the select reads, when that subquery sorts its rows."""
    frm = select.args.get("from_")
    if frm is None or select.args.get("joins") or select.args.get("laterals"):
        return None
    sub = frm.this
    if not isinstance(sub, exp.Subquery) or not isinstance(sub.this, exp.Select):
        return None
    inner = sub.this
    return (sub, inner) if inner.args.get("order") is not None else None


def _outer_keys(sub: exp.Subquery, inner: exp.Select) -> list[exp.Ordered] | None:
    """The subquery's ORDER BY written with the names its rows have outside it, or None when a key
    is not one of its output columns."""
    alias = sub.alias
    projections = inner.expressions
    names = {p.alias_or_name.upper(): p for p in projections if p.alias_or_name}
    star = any(isinstance(p, exp.Star) for p in projections)
    out = []
    for key in inner.args["order"].expressions:
        value = key.this
        name = None
        if isinstance(value, exp.Literal) and not value.is_string and value.this.isdigit():
            i = int(value.this) - 1
            if 0 <= i < len(projections) and projections[i].alias_or_name:
                name = projections[i].alias_or_name
        elif isinstance(value, exp.Column) and (value.name.upper() in names or star):
            target = names.get(value.name.upper())
            if target is None or isinstance(target, exp.Column) or target.alias:
                name = value.name
        else:
            for p in projections:
                if isinstance(p, exp.Alias) and p.this == value:
                    name = p.alias
        if not name:
            return None
        ordered = key.copy()
        ordered.set("this", exp.column(name, alias or None, quoted=None))
        out.append(ordered)
    return out


def _groups(select: exp.Select) -> bool:
    if select.args.get("group") or select.args.get("having") or select.args.get("distinct"):
        return True
    return any(_own(select, agg) and not agg.find_ancestor(exp.Window)
               for agg in select.find_all(exp.AggFunc))


def rownum_select(select: exp.Select, nulls_small: bool) -> None:
    """Rewrite the ROWNUM of one query block in place, where a faithful form exists. ``nulls_small``:
    the target sorts NULLs first in ascending order (a row number is never NULL: say nothing of it)."""
    own = [c for c in select.find_all(exp.Column) if _is_pseudo(c, "ROWNUM") and _own(select, c)]
    if not own or select.args.get("connect") or isinstance(select.parent, exp.SetOperation):
        return
    where = select.args.get("where")
    conds = _conjuncts(where.this) if where is not None else []
    filters = [(c, _rownum_filter(c)) for c in conds]
    limit: int | None = None
    never = False
    kept = []
    for cond, found in filters:
        if found is None:
            kept.append(cond)
        elif found[0] == "limit":
            limit = found[1] if limit is None else min(limit, found[1])
        elif found[0] == "false":
            never = True
    in_list = [c for c in own if c.find_ancestor(exp.Where) is None]
    if any(c.find_ancestor(exp.Order, exp.Group, exp.Having) for c in in_list):
        return  # ROWNUM in ORDER BY / GROUP BY: no faithful form here
    if any(_mentions(c, "ROWNUM") for c in kept):
        return  # ROWNUM inside a condition of another shape
    if _groups(select) and (limit is not None or in_list):
        return
    if limit is not None and (select.args.get("order") is not None or select.args.get("limit")
                              or select.args.get("offset")):
        return  # LIMIT would apply after this block's ORDER BY, ROWNUM before it
    source = _ordered_source(select)
    keys = _outer_keys(*source) if source else []
    if source and keys is None:
        # the order is not visible outside the subquery: only a bare top-n can take the LIMIT inside
        if in_list or kept or limit is None:
            return
        source[1].set("limit", exp.Limit(expression=exp.Literal.number(limit)))
        limit = None
        keys = []
    window = exp.Window(this=exp.RowNumber(), order=exp.Order(expressions=keys) if keys else None)
    first_alias = None
    for col in in_list:
        parent = col.parent
        if isinstance(parent, exp.Alias) and parent.parent is select and first_alias is None:
            first_alias = parent.alias
        col.replace(window.copy())
    if never:
        kept.append(exp.false())
    select.set("where", exp.Where(this=exp.and_(*kept)) if kept else None)
    if limit is not None:
        if in_list:
            order = [exp.Ordered(this=exp.column(first_alias) if first_alias else window.copy(),
                                 nulls_first=nulls_small)]
        else:
            order = [k.copy() for k in keys]
        if order:
            select.set("order", exp.Order(expressions=order))
        select.set("limit", exp.Limit(expression=exp.Literal.number(limit)))


def rownum_paging(tree: exp.Expression, nulls_small: bool) -> exp.Expression:
    for select in list(tree.find_all(exp.Select)):
        rownum_select(select, nulls_small)
    return tree


# -- CONNECT BY row generators ----------------------------------------------------------------------


def _generator_bound(cond: exp.Expression) -> exp.Expression | None:
    """n for ``LEVEL <= n`` / ``ROWNUM <= n`` (``< n`` as n - 1 when n is a number)."""
    found = _bound(cond, "LEVEL", "ROWNUM")
    if found is None or any(isinstance(c, exp.Column) for c in found[1].find_all(exp.Column)):
        return None
    op, n = found
    if op is exp.LTE:
        return n.copy()
    value = _number(n)
    if op is exp.LT and value is not None:
        return exp.Literal.number(int(value.to_integral_value(rounding="ROUND_CEILING")) - 1)
    return None


def row_generator(select: exp.Select, series: bool) -> exp.Expression | None:
    """``SELECT ... FROM dual CONNECT BY <condition on LEVEL/ROWNUM>`` as a generator, or None for
    other shapes. ``series``: the target has generate_series()."""
    connect = select.args.get("connect")
    if not isinstance(connect, exp.Connect) or connect.args.get("start") or select.args.get("joins"):
        return None
    frm = select.args.get("from_")
    if frm is not None and not (isinstance(frm.this, exp.Table) and str(frm.this.name).upper() == "DUAL"
                                and not frm.this.db):
        return None
    cond = connect.args.get("connect")
    if cond is None or cond.find(exp.Prior) or any(
            isinstance(c, exp.Column) and not _is_pseudo(c, "LEVEL", "ROWNUM") for c in cond.find_all(exp.Column)):
        return None
    out = select.copy()
    out.set("connect", None)
    for col in list(out.find_all(exp.Column)):
        if _is_pseudo(col, "LEVEL", "ROWNUM") and col.find_ancestor(exp.Select) is out:
            col.replace(exp.column(LEVEL, GEN))
    n = _generator_bound(cond)
    if series and n is not None:
        value = _number(n)
        top = n if value is not None and value >= 1 else exp.func("GREATEST", n, exp.Literal.number(1))
        gen = exp.func("generate_series", exp.Literal.number(1), top)
        out.set("from_", exp.From(this=exp.Table(this=gen, alias=exp.TableAlias(
            this=exp.to_identifier(GEN), columns=[exp.to_identifier(LEVEL)]))))
        return out
    # WITH RECURSIVE mig_gen (mig_level) AS (SELECT 1 UNION ALL SELECT mig_level + 1 FROM mig_gen
    # WHERE <condition for the next level>): the first row always, then while the condition holds
    step = exp.Add(this=exp.column(LEVEL), expression=exp.Literal.number(1))
    nxt = cond.copy().transform(lambda c: step.copy() if _is_pseudo(c, "LEVEL", "ROWNUM") else c)
    recursive = exp.union(exp.select(exp.Literal.number(1)),
                          exp.select(step.copy()).from_(GEN).where(nxt), distinct=False)
    cte = exp.CTE(this=recursive, alias=exp.TableAlias(this=exp.to_identifier(GEN),
                                                       columns=[exp.to_identifier(LEVEL)]))
    out.set("from_", exp.From(this=exp.Table(this=exp.to_identifier(GEN))))
    with_ = out.args.get("with_")
    if with_ is not None:
        with_.set("recursive", True)
        with_.append("expressions", cte)
    else:
        out.set("with_", exp.With(expressions=[cte], recursive=True))
    return out


def bounded(select: exp.Select, limit: int) -> bool:
    """Whether the generator's row count is a number of at most ``limit``."""
    cond = select.args["connect"].args.get("connect")
    n = _generator_bound(cond) if cond is not None else None
    value = _number(n) if n is not None else None
    return value is not None and value <= limit
