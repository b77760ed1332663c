"""MySQL's (and MariaDB's) own rewrites."""

from __future__ import annotations

from sqlglot import exp

from migplan.convert.transforms import Rewriter, rewrite
from migplan.convert.transforms.common import next_value_for
from migplan.convert.transforms.tsql import text_vs_number


def mariadb_sequence_function(node: exp.Anonymous, rw: Rewriter) -> exp.Expression | None:
    """MariaDB's sequence functions take the sequence as a name: nextval(s), lastval(s), setval(s, n).
    NEXT VALUE FOR s is the same nextval; lastval(s) is this session's last value (currval)."""
    name = node.name.upper()
    args = node.expressions
    if name not in ("NEXTVAL", "LASTVAL", "SETVAL") or not args or not isinstance(args[0], exp.Column):
        return None
    nextval = next_value_for(exp.NextValueFor(this=args[0]), rw)
    if name == "NEXTVAL" or not isinstance(nextval, exp.Anonymous):
        return nextval
    target = nextval.expressions[0]
    if name == "LASTVAL":
        return exp.Anonymous(this="currval", expressions=[target])
    return exp.Anonymous(this="setval", expressions=[target, *args[1:3]])  # MariaDB's round: no equivalent


def day_number(node: exp.DateDiff, rw: Rewriter) -> exp.Expression | None:
    """TO_DAYS(d) reads as DATEDIFF(d, '0000-01-01') + 1; PostgreSQL has no year 0 (the date is
    rejected), so count from 0001-01-01, which is day 366 of MySQL's calendar."""
    origin = node.expression
    if not (isinstance(origin, exp.TsOrDsToDate) and isinstance(origin.this, exp.Literal)
            and origin.this.this == "0000-01-01" and (node.unit is None or node.unit.name.upper() == "DAY")):
        return None
    days = exp.Sub(this=exp.Cast(this=node.this.this if isinstance(node.this, exp.TsOrDsToDate) else node.this,
                                 to=exp.DataType.build("date")),
                   expression=exp.Cast(this=exp.Literal.string("0001-01-01"), to=exp.DataType.build("date")))
    return exp.Paren(this=exp.Add(this=days, expression=exp.Literal.number(365)))


REWRITES = [
    rewrite(exp.DateDiff, day_number, needs=lambda p: p.family == "postgresql"),
    rewrite(exp.Anonymous, mariadb_sequence_function),
    # MySQL, like SQL Server, compares a character column with a number as numbers
    rewrite((exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE), text_vs_number,
            needs=lambda p: p.strict_text_compare),
]
