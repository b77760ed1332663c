"""Grouping the targets write otherwise: T-SQL's GROUP BY ALL, the old GROUP BY ... WITH ROLLUP /
WITH CUBE, and on MySQL (which has only GROUP BY ... WITH ROLLUP, and GROUPING() only from 8.0)
ROLLUP, CUBE and GROUPING SETS as a UNION ALL of one GROUP BY per grouping set."""

from __future__ import annotations

from itertools import combinations

from sqlglot import exp

from migplan.convert.transforms import Rewriter

MAX_SETS = 64  # a CUBE of 6 columns; beyond that the UNION ALL is not a sensible rewrite

# -- GROUP BY ALL -----------------------------------------------------------------------------------


def _own_aggregates(select: exp.Select) -> list[exp.AggFunc]:
    """The aggregate calls of this query level: not those of a subquery, not window functions."""
    found = []
    for part in (*select.expressions, select.args.get("having"), select.args.get("order")):
        if part is None:
            continue
        for node in part.find_all(exp.AggFunc):
            if isinstance(node.parent, exp.Window) and node.arg_key == "this":
                continue
            if node.find_ancestor(exp.Select) is select:
                found.append(node)
    return found


def group_by_all(node: exp.Select, rw: Rewriter) -> None:
    """T-SQL GROUP BY ALL keeps every group of the FROM rows; the WHERE clause only decides which rows
    the aggregates see (a group no row qualifies for gets NULL, COUNT 0). PostgreSQL would read ALL as
    the default set quantifier and drop those groups, MySQL refuses it: the condition moves into each
    aggregate (CASE WHEN condition THEN x END, which aggregates skip when NULL) and the WHERE goes."""
    group = node.args.get("group")
    if group is None or not group.args.get("all"):
        return None
    group.set("all", None)
    where = node.args.get("where")
    if where is None:
        return None
    cond = where.this
    for agg in _own_aggregates(node):
        if isinstance(agg, (exp.Grouping, exp.GroupingId)):
            continue
        arg = agg.this
        if isinstance(arg, exp.Distinct):
            arg.set("expressions", [exp.Case(ifs=[exp.If(this=cond.copy(), true=e)]) for e in arg.expressions])
        elif isinstance(arg, exp.Star) or (arg is None and isinstance(agg, exp.Count)):
            agg.set("this", exp.Case(ifs=[exp.If(this=cond.copy(), true=exp.Literal.number(1))]))
        elif arg is not None:
            agg.set("this", exp.Case(ifs=[exp.If(this=cond.copy(), true=arg)]))
    node.set("where", None)
    return None


# -- grouping sets ------------------------------------------------------------------------------------


def _old_style(group: exp.Group) -> None:
    """GROUP BY a, b WITH ROLLUP / WITH CUBE as GROUP BY ROLLUP (a, b) / CUBE (a, b)."""
    for key, cls in (("rollup", exp.Rollup), ("cube", exp.Cube)):
        marks = group.args.get(key) or []
        if marks and all(not m.expressions for m in marks) and group.expressions:
            group.set("expressions", [cls(expressions=list(group.expressions))])
            group.set(key, None)


def _columns(node: exp.Expression) -> list[exp.Expression]:
    """A grouping element's columns: (a, b) is two, (a) and a are one, () none."""
    if isinstance(node, exp.Tuple):
        return list(node.expressions)
    if isinstance(node, exp.Paren):
        return [node.this]
    return [node]


def _sets(node: exp.Expression) -> list[list[exp.Expression]]:
    """The grouping sets one element of GROUP BY stands for."""
    if isinstance(node, exp.Rollup):
        cols = [_columns(e) for e in node.expressions]
        return [[c for part in cols[:n] for c in part] for n in range(len(cols), -1, -1)]
    if isinstance(node, exp.Cube):
        cols = [_columns(e) for e in node.expressions]
        return [[c for i in chosen for c in cols[i]]
                for n in range(len(cols), -1, -1) for chosen in combinations(range(len(cols)), n)]
    if isinstance(node, exp.GroupingSets):
        return [s for e in node.expressions for s in _sets(e)]
    return [_columns(node)]


def grouping_sets_of(group: exp.Group) -> list[list[exp.Expression]]:
    """GROUP BY's grouping sets, in order: the elements' sets multiplied out (GROUP BY a, ROLLUP (b)
    is (a, b), (a))."""
    elements = list(group.expressions)
    for key in ("grouping_sets", "cube", "rollup"):
        elements += [e for e in group.args.get(key) or [] if e.expressions]
    out: list[list[exp.Expression]] = [[]]
    for element in elements:
        out = [a + b for a in out for b in _sets(element)]
    return out


def _same(a: exp.Expression, b: exp.Expression) -> bool:
    """Whether two grouping expressions are one (e.dept and dept are, in a query on one table)."""
    if isinstance(a, exp.Column) and isinstance(b, exp.Column):
        return a.name.upper() == b.name.upper() and (not a.table or not b.table or a.table.upper() == b.table.upper())
    return a == b


def _in(node: exp.Expression, exprs: list[exp.Expression]) -> bool:
    return any(_same(node, e) for e in exprs)


def _grouping_bits(call: exp.Grouping | exp.GroupingId, kept: list[exp.Expression]) -> exp.Literal:
    """GROUPING(a) is 1 where a is rolled up; GROUPING(a, b) and GROUPING_ID(a, b) the bit mask."""
    value = 0
    for arg in call.expressions:
        value = value * 2 + (0 if _in(arg, kept) else 1)
    return exp.Literal(this=str(value), is_string=False)  # never negative


def _for_set(part: exp.Expression, kept: list[exp.Expression], every: list[exp.Expression]) -> exp.Expression:
    """``part`` of the select list or HAVING as one grouping set sees it: grouping columns the set
    rolls up are NULL, GROUPING() is a number; aggregates read the rows and stay as they are."""

    def one(node: exp.Expression) -> exp.Expression:
        if isinstance(node, (exp.Grouping, exp.GroupingId)):
            return _grouping_bits(node, kept)
        if isinstance(node, exp.AggFunc) and not (isinstance(node.parent, exp.Window) and node.arg_key == "this"):
            return node  # the rows' values, whatever the set
        if _in(node, every) and not _in(node, kept):
            return exp.Null()
        return node

    def walk(node: exp.Expression) -> exp.Expression:
        new = one(node)
        if new is not node or (isinstance(node, exp.AggFunc) and not isinstance(node.parent, exp.Window)):
            return new
        if _in(node, every):
            return node
        for key, value in list(node.args.items()):
            if isinstance(value, exp.Expression):
                node.set(key, walk(value))
            elif isinstance(value, list):
                node.set(key, [walk(v) if isinstance(v, exp.Expression) else v for v in value])
        return node

    return walk(part.copy())


def _why_not_union(node: exp.Select, sets: list[list[exp.Expression]]) -> str | None:
    if len(sets) > MAX_SETS:
        return f"{len(sets)} grouping sets"
    if node.args.get("limit") or node.args.get("offset"):
        return "a row limit over the grouping sets"
    parts = [*node.expressions, node.args.get("having")]
    if any(p is not None and p.find(exp.Window) for p in parts):
        return "a window function over the grouping sets"
    if any(p is not None and p.find(exp.Subquery, exp.Exists) for p in parts):
        return "a subquery in the select list or HAVING"
    if not _own_aggregates(node) and [] in sets:
        return "a grand total without an aggregate"
    names = {str(i.alias_or_name).upper() for i in node.expressions if i.alias_or_name}
    order = node.args.get("order")
    for o in order.expressions if order is not None else ():
        key = o.this
        if isinstance(key, exp.Literal) and not key.is_string:
            continue
        if not (isinstance(key, exp.Column) and not key.table and key.name.upper() in names):
            return f"ORDER BY {key.sql()}, which is not a column of the result"
    return None


def _union_of_groupings(node: exp.Select, sets: list[list[exp.Expression]]) -> exp.Expression:
    """One SELECT ... GROUP BY per grouping set, UNION ALL (UNION for SELECT DISTINCT); ORDER BY and
    WITH go around the whole."""
    every = [c for s in sets for c in s]
    branches = []
    for kept in sets:
        branch = node.copy()
        for key in ("order", "with_", "distinct"):
            branch.set(key, None)
        items = []
        for item in branch.expressions:
            inner = item.this if isinstance(item, exp.Alias) else item
            new: exp.Expr = _for_set(inner, kept, every)
            if isinstance(item, exp.Alias):
                new = exp.alias_(new, item.args["alias"].copy())
            elif isinstance(inner, exp.Column) and not isinstance(new, exp.Column):
                new = exp.alias_(new, inner.this.copy())  # NULL AS dept: every branch names its columns
            items.append(new)
        branch.set("expressions", items)
        having = branch.args.get("having")
        if having is not None:
            branch.set("having", exp.Having(this=_for_set(having.this, kept, every)))
        branch.set("group", exp.Group(expressions=[c.copy() for c in kept]) if kept else None)
        branches.append(branch)
    distinct = bool(node.args.get("distinct"))
    union: exp.Expression = branches[0]
    for branch in branches[1:]:
        union = exp.Union(this=union, expression=branch, distinct=distinct)
    if node.args.get("order") is not None:
        union.set("order", node.args["order"].copy())
    if node.args.get("with_") is not None:
        union.set("with_", node.args["with_"].copy())
    return union


def _native_rollup(node: exp.Select, group: exp.Group) -> bool:
    """GROUP BY ROLLUP (a, b) alone, read only as plain columns of the select list: MySQL's own
    GROUP BY a, b WITH ROLLUP gives the same rows (GROUPING() and ORDER BY with it are MySQL 8.0
    only, so those take the UNION ALL)."""
    if len(group.expressions) != 1 or not isinstance(group.expressions[0], exp.Rollup) or node.args.get("order"):
        return False
    cols = [c for e in group.expressions[0].expressions for c in _columns(e)]
    if not all(isinstance(c, exp.Column) for c in cols):
        return False
    for part in (*node.expressions, node.args.get("having")):
        if part is None:
            continue
        if part.find(exp.Grouping, exp.GroupingId, exp.Window):
            return False
        inner = part.this if isinstance(part, exp.Alias) else part
        if isinstance(inner, exp.Column):
            continue
        for col in part.find_all(exp.Column):  # a rolled-up column inside an expression
            agg = col.find_ancestor(exp.AggFunc, exp.Select)
            if _in(col, cols) and not isinstance(agg, exp.AggFunc):
                return False
    return True


def grouping_extensions(node: exp.Select, rw: Rewriter) -> exp.Expression | None:
    """GROUP BY ... WITH ROLLUP / WITH CUBE becomes ROLLUP (...) / CUBE (...); where the target has no
    grouping sets (MySQL), ROLLUP alone becomes WITH ROLLUP and the rest a UNION ALL of the groupings."""
    group = node.args.get("group")
    if group is None:
        return None
    _old_style(group)
    if rw.profile.has_grouping_sets:
        return None
    if not any(isinstance(e, (exp.Rollup, exp.Cube, exp.GroupingSets)) for e in group.expressions):
        return None
    if _native_rollup(node, group):
        rollup = group.expressions[0]
        group.set("expressions", [c.copy() for e in rollup.expressions for c in _columns(e)])
        group.set("rollup", [exp.Rollup()])
        return None
    sets = grouping_sets_of(group)
    why = _why_not_union(node, sets)
    if why:
        rw.problem("SQL001", f"ROLLUP / CUBE / GROUPING SETS with {why}: {rw.profile.display} has only GROUP BY ... "
                             "WITH ROLLUP, and a UNION ALL of the groupings would not return the same rows")
        return node
    return rw.sub(_union_of_groupings(node, sets))
