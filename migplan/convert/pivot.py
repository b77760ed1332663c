"""PIVOT and UNPIVOT (Oracle, SQL Server; sqlglot reads both as exp.Pivot) as plain SQL that
PostgreSQL and MySQL both run. The pivoted source becomes a derived table:

    FROM src PIVOT (SUM(x) FOR k IN ('A' AS a, 'B' AS b))
 -> FROM (SELECT g1, g2, SUM(CASE WHEN k = 'A' THEN x END) AS a, SUM(CASE WHEN k = 'B' THEN x END) AS b
          FROM src GROUP BY g1, g2) AS p

grouping by every source column the PIVOT does not name (its implicit GROUP BY), and

    FROM src UNPIVOT (v FOR k IN (c1 AS 'A', c2 AS 'B'))
 -> FROM (SELECT <other columns>, mig_u.mig_label AS k, CASE mig_u.mig_key WHEN 1 THEN c1 WHEN 2 THEN c2 END AS v
          FROM src CROSS JOIN (SELECT 1 AS mig_key, 'A' AS mig_label UNION ALL SELECT 2, 'B') AS mig_u
          WHERE <v IS NOT NULL, unless INCLUDE NULLS>) AS u

(one pass over the source, no LATERAL: MySQL 8.0 and MariaDB alike). Both need the source's
columns: a subquery's select list, or the table's columns from the scripts. Shapes outside this
return None and the caller reports the clause.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

Columns = Callable[[exp.Expression], list[str] | None]


def _name(ident: exp.Expression) -> str:
    return str(ident.this if isinstance(ident, exp.Identifier) else ident.name)


def _col(name: str, fold: Callable[[str], str], table: str | None = None) -> exp.Column:
    return exp.column(name, table, quoted=name != fold(name))


def _pivot_value(value: exp.Expression, tsql: bool) -> tuple[exp.Expression, str]:
    """(the value to compare with, the column name it gives) for one IN entry without an alias."""
    if tsql and isinstance(value, exp.Column):  # IN ([CLERK], [2024]): names that are values
        text = value.name
        try:
            float(text)
            return exp.Literal.number(text), text
        except ValueError:
            return exp.Literal.string(text), text
    # Oracle names the column after the value as written: 10, 'CLERK' (quotes included)
    return value, value.sql(dialect="oracle")


def _condition(fields: exp.Expression, value: exp.Expression) -> exp.Expression:
    keys = fields.expressions if isinstance(fields, exp.Tuple) else [fields]
    values = value.expressions if isinstance(value, exp.Tuple) else [value]
    conds = []
    for k, v in zip(keys, values, strict=True):
        k = exp.column(_name(k)) if isinstance(k, exp.Identifier) else k.copy()
        conds.append(exp.Is(this=k, expression=exp.Null()) if isinstance(v, exp.Null)
                     else exp.EQ(this=k, expression=v.copy()))
    return exp.and_(*conds)


def _conditional(agg: exp.Expression, cond: exp.Expression) -> exp.Expression | None:
    """agg(x) as agg(CASE WHEN cond THEN x END); COUNT(*) counts the 1s."""
    if not isinstance(agg, exp.AggFunc):
        return None
    out = agg.copy()
    arg = out.this
    if isinstance(arg, exp.Star) or arg is None:
        out.set("this", exp.Case(ifs=[exp.If(this=cond, true=exp.Literal.number(1))]))
    elif isinstance(arg, exp.Distinct) and len(arg.expressions) == 1:
        arg.set("expressions", [exp.Case(ifs=[exp.If(this=cond, true=arg.expressions[0].copy())])])
    elif len([v for v in out.args.values() if isinstance(v, exp.Expression)]) == 1:
        out.set("this", exp.Case(ifs=[exp.If(this=cond, true=arg.copy())]))
    else:
        return None  # an aggregate with more arguments (LISTAGG's separator...)
    return out


def _plain(p: exp.Pivot) -> bool:
    """A PIVOT/UNPIVOT of the classic form: fixed IN lists, no dialect extras."""
    if any(p.args.get(k) for k in ("using", "group", "into", "with_", "default_on_null")):
        return False
    return not any(e.find(exp.Select, exp.Subquery) for f in p.args.get("fields") or [] for e in f.expressions)


def pivot(source: exp.Expression, p: exp.Pivot, columns: list[str], fold: Callable[[str], str], tsql: bool,
          alias: str) -> exp.Subquery | None:
    fields = p.args.get("fields") or []
    if not _plain(p):
        return None
    if len(fields) != 1 or not isinstance(fields[0], exp.In):
        return None
    field = fields[0]
    keys = field.this.expressions if isinstance(field.this, exp.Tuple) else [field.this]
    aggs = []
    for e in p.expressions:
        agg, name = (e.this, e.alias) if isinstance(e, exp.Alias) else (e, None)
        aggs.append((agg, name))
    if not aggs or (len(aggs) > 1 and any(n is None for _, n in aggs)):
        return None
    used = {fold(_name(k)).upper() for k in keys}
    for agg, _ in aggs:
        used |= {fold(c.name).upper() for c in agg.find_all(exp.Column)}
    groups = [c for c in columns if fold(c).upper() not in used]
    out: list[exp.Expression] = [_col(c, fold) for c in groups]
    for entry in field.expressions:
        if isinstance(entry, exp.PivotAlias):
            value, name = entry.this, _name(entry.args["alias"])
        else:
            value, name = _pivot_value(entry, tsql)
        cond = _condition(field.this, value)
        for agg, agg_name in aggs:
            conditional = _conditional(agg, cond)
            if conditional is None:
                return None
            label = f"{name}_{agg_name}" if agg_name else name
            out.append(exp.alias_(conditional, exp.to_identifier(label, quoted=label != fold(label))))
    select = exp.select(*out).from_(source)
    if groups:
        select = select.group_by(*[_col(c, fold) for c in groups])
    return exp.Subquery(this=select, alias=exp.TableAlias(this=exp.to_identifier(alias)))


def unpivot(source: exp.Expression, p: exp.Pivot, columns: list[str], fold: Callable[[str], str],
            tsql: bool, alias: str) -> exp.Subquery | None:
    fields = p.args.get("fields") or []
    if not _plain(p):
        return None
    if len(fields) != 1 or not isinstance(fields[0], exp.In) or not p.expressions:
        return None
    field = fields[0]
    measures = p.expressions[0].expressions if isinstance(p.expressions[0], exp.Tuple) else p.expressions
    if not isinstance(field.this, exp.Identifier):
        return None
    label_name = _name(field.this)
    entries = []  # (columns read, label)
    for entry in field.expressions:
        value, label = (entry.this, entry.args.get("alias")) if isinstance(entry, exp.PivotAlias) else (entry, None)
        cols = value.expressions if isinstance(value, exp.Tuple) else [value]
        if len(cols) != len(measures) or not all(isinstance(c, exp.Column) for c in cols):
            return None
        if label is None:  # the column's name: as written (SQL Server), as stored (Oracle)
            names = [c.name if tsql or c.this.args.get("quoted") else fold(c.name) for c in cols]
            label = exp.Literal.string("_".join(names))
        entries.append((cols, label))
    used = {fold(c.name).upper() for cols, _ in entries for c in cols}
    kept = [c for c in columns if fold(c).upper() not in used]
    keys = exp.union(*[exp.select(exp.alias_(exp.Literal.number(i + 1), "mig_key"),
                                  exp.alias_(label.copy(), "mig_label")) if i == 0 else
                       exp.select(exp.Literal.number(i + 1), label.copy())
                       for i, (_, label) in enumerate(entries)], distinct=False) if len(entries) > 1 else \
        exp.select(exp.alias_(exp.Literal.number(1), "mig_key"), exp.alias_(entries[0][1].copy(), "mig_label"))
    values = []
    for m, measure in enumerate(measures):
        case = exp.Case(this=exp.column("mig_key", "mig_u"),
                        ifs=[exp.If(this=exp.Literal.number(i + 1), true=cols[m].copy())
                             for i, (cols, _) in enumerate(entries)])
        values.append(exp.alias_(case, exp.to_identifier(_name(measure), quoted=_quoted(measure))))
    label_col = exp.alias_(exp.column("mig_label", "mig_u"), exp.to_identifier(label_name,
                                                                                 quoted=_quoted(field.this)))
    tail = [*values, label_col] if p.args.get("value_columns_first") else [label_col, *values]
    select = exp.select(*[_col(c, fold) for c in kept], *tail).from_(source).join(
        exp.Subquery(this=keys, alias=exp.TableAlias(this=exp.to_identifier("mig_u"))), join_type="CROSS")
    if not p.args.get("include_nulls"):
        select = select.where(exp.or_(*[exp.Not(this=exp.Is(this=v.this.copy(), expression=exp.Null()))
                                        for v in values]))
    return exp.Subquery(this=select, alias=exp.TableAlias(this=exp.to_identifier(alias)))


def _quoted(ident: exp.Expression) -> bool:
    return bool(ident.args.get("quoted")) if isinstance(ident, exp.Identifier) else False
