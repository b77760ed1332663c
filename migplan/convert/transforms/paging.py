"""Row limits the targets cannot write as the source does: TOP n PERCENT, TOP n WITH TIES, FETCH
FIRST n PERCENT ROWS / ROWS WITH TIES, and MySQL's refusal of LIMIT in IN / ANY / ALL subqueries."""

from __future__ import annotations

from sqlglot import exp

from migplan.convert.transforms import Rewriter


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
    cond: exp.Expr = exp.LTE(this=_col("mig_rk" if ties else "mig_rn", "mig_top"), expression=bound)
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
