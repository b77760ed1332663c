"""What the rewrites share: the pair's function map (``migplan/data/functions/<pair>.toml``), the
targets' built-in function names, and small readers of sqlglot nodes."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from sqlglot import exp

from migplan.datafile import check


@dataclass(frozen=True)
class FunctionRule:
    name: str
    target: str
    why: str = ""
    item: str | None = None
    args: int | None = None  # only when called with this many arguments


FUNCTIONS_SCHEMA = {"function": [{"source": str, "target": str, "why": str, "item?": str, "args?": int}]}


@cache
def builtins(family: str) -> frozenset[str]:
    """Built-in function names of a target family (data/builtins, from scripts/update_builtins.py)."""
    path = resources.files("migplan.data").joinpath(f"builtins/{family}.txt")
    if not path.is_file():
        return frozenset()
    return frozenset(line.strip() for line in path.read_text("utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


@cache
def function_rules(source_family: str, target_family: str) -> dict[str, list[FunctionRule]]:
    path = resources.files("migplan.data").joinpath(f"functions/{source_family}-{target_family}.toml")
    if source_family == target_family or not path.is_file():
        return {}
    raw = tomllib.loads(path.read_text("utf-8"))
    check(raw, FUNCTIONS_SCHEMA, f"functions/{source_family}-{target_family}.toml", {})  # a typo is an error
    out: dict[str, list[FunctionRule]] = {}
    for row in raw["function"]:
        rule = FunctionRule(row["source"].upper(), row["target"], row["why"], row.get("item"), row.get("args"))
        out.setdefault(rule.name, []).append(rule)
    return out


def func_name(node: exp.Expression) -> str | None:
    """The name a function call is known by, upper case."""
    if isinstance(node, exp.Anonymous):
        this = node.this
        return (this.name if isinstance(this, exp.Identifier) else str(this)).upper()
    try:
        return node.sql_name().upper()
    except (AttributeError, ValueError, NotImplementedError):
        return None


def method(node: exp.Expression) -> str | None:
    """Name of a method call x.m(...) (sqlglot: Dot with an Anonymous on the right), upper case."""
    if isinstance(node, exp.Dot) and isinstance(node.expression, exp.Anonymous):
        this = node.expression.this
        return (this.name if isinstance(this, exp.Identifier) else str(this)).upper()
    return None


def is_number_literal(node: exp.Expression) -> bool:
    """A number literal or arithmetic on number literals (1, 1/24, -(2*7))."""
    if isinstance(node, exp.Literal):
        return not node.is_string
    if isinstance(node, (exp.Paren, exp.Neg)):
        return is_number_literal(node.this)
    if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div)):
        return is_number_literal(node.this) and is_number_literal(node.expression)
    return False


# type-map items that describe a storage choice, not a change of value: no item for a cast
EXACT_ITEMS = frozenset({"TYP023", "TYP030", "TYP031", "TYP020", "TYP012", "TYP013", "TYP022", "TYP029"})

STRING_TYPES = frozenset({"CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "TEXT", "NTEXT", "SYSNAME", "CHARACTER",
                          "NATIONAL CHARACTER", "CHARACTER VARYING", "NATIONAL CHARACTER VARYING"})


def call_args(node: exp.Expression) -> list[exp.Expression]:
    """The arguments of a call, as the function map's templates number them."""
    if isinstance(node, exp.Anonymous):
        return list(node.args.get("expressions") or [])
    return [v for v in node.args.values() if isinstance(v, exp.Expression)]


def first_line(err: Exception) -> str:
    """The first line of an error message, the same in every process (sqlglot lists set members in
    hash order) and without the terminal underline codes sqlglot adds."""
    from migplan.parse.sqlglot_bridge import error_text

    return error_text(err, 200)


def template(rw, sql: str, *args: exp.Expression) -> exp.Expression:
    """``sql`` in the target's dialect with {0}, {1} ... the arguments, rewritten and written there."""
    import sqlglot

    return sqlglot.parse_one(sql.format(*(rw.sql(a) for a in args)), read=rw.profile.sqlglot)


def int_literal(node: exp.Expression | None) -> int | None:
    """The value of an integer literal (-3 included), else None."""
    if isinstance(node, exp.Paren):
        return int_literal(node.this)
    if isinstance(node, exp.Neg):
        inner = int_literal(node.this)
        return None if inner is None else -inner
    if isinstance(node, exp.Literal) and not node.is_string:
        try:
            return int(node.this)
        except ValueError:
            return None
    return None
