"""Oracle hierarchical queries (START WITH / CONNECT BY) as recursive common table expressions,
which PostgreSQL and MySQL 8 / MariaDB both run.

    SELECT e.id, LEVEL, SYS_CONNECT_BY_PATH(e.name, '/'), CONNECT_BY_ISLEAF, CONNECT_BY_ROOT e.name
      FROM emp e START WITH e.boss IS NULL CONNECT BY NOCYCLE PRIOR e.id = e.boss ORDER SIBLINGS BY e.name

becomes a WITH RECURSIVE mig_tree whose anchor is the START WITH rows and whose recursive part joins
the children on the CONNECT BY condition, carrying the level, the paths, the root values, a sort
key (depth first, siblings in their ORDER SIBLINGS BY order) and, for NOCYCLE, the keys already
visited. The outer query reads mig_tree under the table's own alias, so the select list, the WHERE
clause (applied after the hierarchy, as in Oracle) and other references stay as written.

Shapes outside this (several tables in FROM, no PRIOR equality, SELECT *) return None: the caller
then reports the query as not convertible.
"""

from __future__ import annotations

from sqlglot import exp

from migplan.convert.transforms import generated

TREE = "mig_tree"
_PATH_WIDTH = 4000  # the paths and the sort key are text columns of the CTE; the anchor sets their width


def recursive_cte(select: exp.Select, column_types: dict) -> exp.Expression | None:
    connect = select.args.get("connect")
    frm = select.args.get("from_") or select.args.get("from")
    if not isinstance(connect, exp.Connect) or frm is None or select.args.get("joins"):
        return None
    table = frm.this
    if not isinstance(table, exp.Table) or any(isinstance(e, exp.Star) for e in select.expressions):
        return None
    alias = table.alias or table.name
    select = _qualified(select, alias)  # the recursion joins the table to itself: bare names would clash
    connect = select.args["connect"]
    pairs = _prior_pairs(connect.args.get("connect"))
    if not pairs:
        return None
    start = connect.args.get("start")
    nocycle = bool(connect.args.get("nocycle"))
    order = select.args.get("order")
    siblings = order.expressions if order is not None and order.args.get("siblings") else []

    paths: list[tuple[exp.Expression, exp.Expression]] = []  # (value, separator)
    roots: list[exp.Expression] = []

    def replace(node):
        if isinstance(node, exp.Column) and not node.table and str(node.name).upper() == "LEVEL":
            return exp.column("mig_level", alias)
        if isinstance(node, exp.Column) and not node.table and str(node.name).upper() == "CONNECT_BY_ISLEAF":
            return _is_leaf(table, alias, pairs)
        if isinstance(node, exp.Anonymous) and str(node.this).upper() == "SYS_CONNECT_BY_PATH" \
                and len(node.expressions) == 2:
            paths.append((node.expressions[0].copy(), node.expressions[1].copy()))
            return exp.column(f"mig_path_{len(paths)}", alias)
        if isinstance(node, exp.ConnectByRoot):
            roots.append(node.this.copy())
            return exp.column(f"mig_root_{len(roots)}", alias)
        return node

    outer_list = [e.transform(replace) for e in select.expressions]
    where = select.args.get("where")
    outer_where = where.this.transform(replace) if where is not None else None

    def text(node):  # a value as text of bounded width, for the key paths
        return exp.cast(node.copy(), exp.DataType.build(f"VARCHAR({_PATH_WIDTH})"))

    sort_parts = (siblings and [_sort_text(o.this, column_types) for o in siblings]) or \
        [_sort_text(p, column_types) for p, _c in pairs]

    def key_path(parts):
        out = None
        for part in parts:
            out = part if out is None else exp.DPipe(this=out, expression=part, safe=False)
        return exp.DPipe(this=exp.Literal.string("/"), expression=out, safe=False)

    own_key = key_path([_key_text(p) for p, _c in pairs])
    every = exp.Column(this=exp.Star(), table=exp.to_identifier(alias))
    anchor_cols = [every.copy(), exp.alias_(exp.Literal.number(1), "mig_level")]
    step_cols = [every.copy(), exp.alias_(exp.Add(this=exp.column("mig_level", "mig_parent"),
                                                          expression=exp.Literal.number(1)), "mig_level")]
    for i, (value, sep) in enumerate(paths, 1):
        anchor_cols.append(exp.alias_(text(exp.DPipe(this=sep.copy(), expression=value.copy(), safe=False)),
                                      f"mig_path_{i}"))
        step_cols.append(exp.alias_(text(exp.DPipe(this=exp.DPipe(this=exp.column(f"mig_path_{i}", "mig_parent"),
                                                                  expression=sep.copy(), safe=False),
                                                   expression=value.copy(), safe=False)), f"mig_path_{i}"))
    for i, value in enumerate(roots, 1):
        anchor_cols.append(exp.alias_(value.copy(), f"mig_root_{i}"))
        step_cols.append(exp.alias_(exp.column(f"mig_root_{i}", "mig_parent"), f"mig_root_{i}"))
    anchor_cols.append(exp.alias_(text(key_path(sort_parts)), "mig_sort"))
    # PostgreSQL wants the recursive term's types to be the anchor's: the same casts on both sides
    step_cols.append(exp.alias_(text(exp.DPipe(this=exp.column("mig_sort", "mig_parent"),
                                               expression=key_path(sort_parts), safe=False)), "mig_sort"))
    anchor_cols.append(exp.alias_(text(exp.DPipe(this=own_key, expression=exp.Literal.string("/"), safe=False)),
                                  "mig_seen"))
    step_cols.append(exp.alias_(text(exp.DPipe(this=exp.DPipe(this=exp.column("mig_seen", "mig_parent"),
                                                              expression=own_key.copy(), safe=False),
                                               expression=exp.Literal.string("/"), safe=False)), "mig_seen"))

    source = table.copy()
    anchor = exp.select(*anchor_cols).from_(source.copy())
    if start is not None:
        anchor = anchor.where(start.copy())
    join_on = exp.and_(*[exp.EQ(this=c.copy(), expression=_on_parent(p, alias)) for p, c in pairs])
    step = exp.select(*step_cols).from_(source.copy()).join(
        exp.Table(this=exp.to_identifier(TREE), alias=exp.TableAlias(this=exp.to_identifier("mig_parent"))),
        on=join_on)
    if nocycle:  # NOCYCLE: do not enter a row already on the path
        step = step.where(exp.Not(this=exp.Like(
            this=exp.column("mig_seen", "mig_parent"),
            expression=exp.DPipe(this=exp.DPipe(this=exp.Literal.string("%"), expression=own_key.copy(), safe=False),
                                 expression=exp.Literal.string("/%"), safe=False))))
    union = exp.Union(this=anchor, expression=step, distinct=False)
    outer = exp.select(*outer_list).from_(
        exp.Table(this=exp.to_identifier(TREE), alias=exp.TableAlias(this=exp.to_identifier(alias))))
    if outer_where is not None:
        outer = outer.where(outer_where)
    plain_order = order.expressions if order is not None and not order.args.get("siblings") else []
    outer = outer.order_by(*([o.copy() for o in plain_order] or [exp.column("mig_sort", alias)]))
    cte = exp.CTE(this=union, alias=exp.TableAlias(this=exp.to_identifier(TREE)))
    outer.set("with_" if "with_" in exp.Select.arg_types else "with", exp.With(expressions=[cte], recursive=True))
    return outer


_PSEUDO = {"LEVEL", "CONNECT_BY_ISLEAF", "CONNECT_BY_ISCYCLE", "ROWNUM", "ROWID", "SYSDATE", "SYSTIMESTAMP", "USER"}


def _qualified(select: exp.Select, alias: str) -> exp.Select:
    """A copy where the table's columns written bare carry the alias (not those of subqueries)."""
    out = select.copy()
    for col in list(out.find_all(exp.Column)):
        if col.table or str(col.name).upper() in _PSEUDO or isinstance(col.this, exp.Star):
            continue
        if col.find_ancestor(exp.Select) is not out:
            continue  # a column of a subquery belongs to its own FROM
        col.set("table", exp.to_identifier(alias))
    return out


def _prior_pairs(cond) -> list[tuple[exp.Expression, exp.Expression]]:
    """(parent expression, child expression) for each `PRIOR parent = child` of the condition."""
    if isinstance(cond, exp.And):
        left, right = _prior_pairs(cond.this), _prior_pairs(cond.expression)
        return left + right if left and right else []
    if isinstance(cond, exp.Paren):
        return _prior_pairs(cond.this)
    if isinstance(cond, exp.EQ):
        a, b = cond.this, cond.expression
        if isinstance(a, exp.Prior) and not b.find(exp.Prior):
            return [(a.this, b)]
        if isinstance(b, exp.Prior) and not a.find(exp.Prior):
            return [(b.this, a)]
    return []


def _on_parent(parent_expr: exp.Expression, alias: str) -> exp.Expression:
    """The PRIOR side, read from the parent row in mig_tree."""
    def swap(node):
        if isinstance(node, exp.Column) and (not node.table or str(node.table) == alias):
            return exp.column(node.name, "mig_parent")
        return node
    return parent_expr.copy().transform(swap)


def _is_leaf(table: exp.Table, alias: str, pairs) -> exp.Expression:
    """CONNECT_BY_ISLEAF: 1 when no row has this one as its parent."""
    child_alias = "mig_child"

    def to_child(node):
        if isinstance(node, exp.Column) and (not node.table or str(node.table) == alias):
            return exp.column(node.name, child_alias)
        return node

    cond = exp.and_(*[exp.EQ(this=c.copy().transform(to_child), expression=p.copy()) for p, c in pairs])
    sub = exp.select("1").from_(exp.Table(this=table.this.copy(), db=table.args.get("db") and table.args["db"].copy(),
                                          alias=exp.TableAlias(this=exp.to_identifier(child_alias)))).where(cond)
    return exp.Case(ifs=[exp.If(this=exp.Exists(this=sub), true=exp.Literal.number(0))],
                    default=exp.Literal.number(1))


def _key_text(node: exp.Expression) -> exp.Expression:
    return generated(exp.cast(node.copy(), exp.DataType.build("VARCHAR(100)")))


def _sort_text(node: exp.Expression, column_types: dict) -> exp.Expression:
    """A value as text that sorts like the value: numbers left-padded with zeros."""
    spec = column_types.get(str(getattr(node, "name", "")).upper()) if isinstance(node, exp.Column) else None
    numeric = spec is not None and spec.base.upper() in ("NUMBER", "INTEGER", "INT", "SMALLINT", "DECIMAL",
                                                          "NUMERIC", "BIGINT", "FLOAT", "BINARY_DOUBLE")
    value = generated(exp.cast(node.copy(), exp.DataType.build("VARCHAR(100)")))
    if numeric:
        return exp.Anonymous(this="LPAD", expressions=[value, exp.Literal.number(20), exp.Literal.string("0")])
    return exp.Coalesce(this=value, expressions=[generated(exp.Literal.string(""))])
