"""Integer arithmetic the engines disagree on: int / int truncates in SQL Server and PostgreSQL and
is exact in MySQL; SQL Server's AVG of an int is an int, and its CAST of a decimal to an int
truncates where PostgreSQL and MySQL round. What is an integer is read from the text and the
column types (``rw.columns``); an unknown type is left as sqlglot writes it."""

from __future__ import annotations

from sqlglot import exp

from migplan.convert.transforms import Rewriter

INTEGER_TYPES = frozenset({"INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "MEDIUMINT", "INT2", "INT4", "INT8",
                           "SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4", "SERIAL8"})
# non-integers whose CAST to an integer truncates in SQL Server (money rounds, as on the targets)
TRUNCATED_TYPES = frozenset({"DECIMAL", "NUMERIC", "DEC", "FLOAT", "REAL", "DOUBLE PRECISION", "FLOAT4", "FLOAT8"})
_INT_FUNCS = (exp.Count, exp.Length, exp.StrPosition, exp.Year, exp.Month, exp.Day, exp.DateDiff, exp.IntDiv)
_SAME_AS_ARG = (exp.Sum, exp.Min, exp.Max, exp.Abs, exp.Sign)


def number_kind(node: exp.Expression, rw: Rewriter) -> str | None:
    """'int' or 'fraction' (decimal, float) as far as the text and the column types tell, else None."""
    while isinstance(node, (exp.Paren, exp.Neg)):
        node = node.this
    if isinstance(node, exp.Literal):
        if node.is_string:
            return None
        return "int" if node.this.isdigit() else "fraction"
    if isinstance(node, exp.Column):
        spec = rw.columns.get(str(node.name).upper())
        if spec is None:
            return None
        base = spec.base.upper()
        if base in INTEGER_TYPES:
            return "int"
        if base in TRUNCATED_TYPES:
            return "int" if base in ("DECIMAL", "NUMERIC", "DEC") and len(spec.params) == 2 \
                and spec.params[1] == "0" else "fraction"
        return None
    if isinstance(node, (exp.Cast, exp.TryCast)):
        if node.to.is_type(*exp.DataType.INTEGER_TYPES):
            return "int"
        return "fraction" if node.to.is_type(*exp.DataType.REAL_TYPES) else None
    if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Mod, exp.Div)):
        kinds = {number_kind(node.this, rw), number_kind(node.expression, rw)}
        return "fraction" if "fraction" in kinds else "int" if kinds == {"int"} else None
    if isinstance(node, _INT_FUNCS):
        return "int"
    if isinstance(node, (*_SAME_AS_ARG, exp.Window)):
        return number_kind(node.this, rw)
    if isinstance(node, (exp.Case, exp.Coalesce)):
        parts = [*(i.args.get("true") for i in node.args.get("ifs") or []), node.args.get("default")] \
            if isinstance(node, exp.Case) else [node.this, *node.expressions]
        kinds = {number_kind(p, rw) for p in parts if p is not None and not isinstance(p, exp.Null)}
        return kinds.pop() if len(kinds) == 1 else None
    return None


def integer_division(node: exp.Div, rw: Rewriter) -> exp.Expression | None:
    """int / int truncates toward zero in the source; MySQL's / is exact, its DIV truncates the same way."""
    if number_kind(node.this, rw) != "int" or number_kind(node.expression, rw) != "int":
        return None
    return exp.IntDiv(this=rw.sub(node.this), expression=rw.sub(node.expression))


def integer_avg(node: exp.Avg | exp.Window, rw: Rewriter) -> exp.Expression | None:
    """SQL Server's AVG of an integer is an integer: SUM / COUNT, which truncates the same way (the
    division is then the target's integer division); over a window, both sums over it."""
    window = node if isinstance(node, exp.Window) else None
    avg = node.this if window is not None else node
    if not isinstance(avg, exp.Avg) or (window is None and isinstance(node.parent, exp.Window)):
        return None
    arg = avg.this
    value = arg.expressions[0] if isinstance(arg, exp.Distinct) and len(arg.expressions) == 1 else arg
    if number_kind(value, rw) != "int":
        return None
    total: exp.Expression = exp.Sum(this=arg.copy())
    count: exp.Expression = exp.Count(this=arg.copy())
    if window is not None:
        total, count = window.copy(), window.copy()
        total.set("this", exp.Sum(this=arg.copy()))
        count.set("this", exp.Count(this=arg.copy()))
    return rw.sub(exp.Paren(this=exp.Div(this=total, expression=count, typed=True, safe=False)))


def truncating_cast(node: exp.Cast | exp.Convert, rw: Rewriter) -> None:
    """SQL Server's CAST / CONVERT of a decimal or float to an int truncates toward zero; the targets
    round: the value is truncated first (TRUNC(x) / TRUNCATE(x, 0)), then cast."""
    to, key = (node.this, "expression") if isinstance(node, exp.Convert) else (node.args.get("to"), "this")
    if not isinstance(to, exp.DataType) or not to.is_type(*exp.DataType.INTEGER_TYPES):
        return None
    value = node.args.get(key)
    if value is None or number_kind(value, rw) != "fraction":
        return None
    args = [value] + ([exp.Literal.number(0)] if rw.profile.trunc_function == "TRUNCATE" else [])
    node.set(key, exp.Anonymous(this=rw.profile.trunc_function, expressions=args))
    return None
