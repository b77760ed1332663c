"""SQL Server's date functions written from the target's words for date parts (``profile.date_parts``):
DATEPART and its unit names, DATEDIFF counting the boundaries crossed (not the time elapsed),
DATEADD keeping a date a date, datetime + n adding days, DATEFROMPARTS.

sqlglot reads DATEPART as EXTRACT with the unit as written and DATEDIFF as the time elapsed; neither
is what SQL Server returns (weekday and week follow @@DATEFIRST, 7 under us_english: weeks start on
Sunday; DATEDIFF(week) always counts Sundays)."""

from __future__ import annotations

import sqlglot
from sqlglot import exp

from migplan.convert.transforms import Rewriter

# T-SQL date part names and abbreviations, and the names sqlglot normalises them to -> our part
UNITS = {
    "YEAR": "year", "YY": "year", "YYYY": "year",
    "QUARTER": "quarter", "QQ": "quarter", "Q": "quarter",
    "MONTH": "month", "MM": "month", "M": "month",
    "DAYOFYEAR": "dayofyear", "DY": "dayofyear", "Y": "dayofyear",
    "DAY": "day", "DD": "day", "D": "day",
    "WEEK": "week", "WK": "week", "WW": "week",
    "WEEKDAY": "weekday", "DW": "weekday", "W": "weekday", "DAYOFWEEK": "weekday",
    "HOUR": "hour", "HH": "hour",
    "MINUTE": "minute", "MI": "minute", "N": "minute",
    "SECOND": "second", "SS": "second", "S": "second",
    "MILLISECOND": "millisecond", "MS": "millisecond",
    "MICROSECOND": "microsecond", "MCS": "microsecond",
    "NANOSECOND": "nanosecond", "NS": "nanosecond",
    "ISO_WEEK": "isoweek", "ISOWK": "isoweek", "ISOWW": "isoweek", "WEEKISO": "isoweek",
}
# DATEDIFF: each unit's count is the next larger one's times a factor plus the difference of the parts
_FINER = {"hour": ("day", 24), "minute": ("hour", 60), "second": ("minute", 60),
          "millisecond": ("second", 1000), "microsecond": ("millisecond", 1000)}
# DATEADD units as the targets' intervals name them (DATEADD(dayofyear/weekday) adds days)
_ADD_UNITS = {"dayofyear": "DAY", "weekday": "DAY", "day": "DAY", "hour": "HOUR", "minute": "MINUTE",
              "second": "SECOND", "year": "YEAR", "quarter": "QUARTER", "month": "MONTH", "week": "WEEK",
              "microsecond": "MICROSECOND"}
DATETIME_TYPES = frozenset({"DATETIME", "SMALLDATETIME"})  # + n adds days (datetime2 and date refuse it)


def _unit(var: exp.Expression | None) -> str | None:
    if isinstance(var, (exp.Var, exp.Column, exp.Identifier)):
        return UNITS.get(str(var.name).upper())
    return None


def _arg(node: exp.Expression, rw: Rewriter) -> str:
    """An argument written for the target; a string literal is read as a datetime, as SQL Server does."""
    while isinstance(node, exp.TimeStrToTime):  # sqlglot's wrapper of DATEDIFF's arguments
        node = node.this
    text = rw.sql(node)
    if isinstance(node, exp.Literal) and node.is_string:
        text = rw.profile.date_parts["timestamp_literal"].format(text)
    return text


def _part(part: str, value: str, rw: Rewriter) -> str | None:
    words = rw.profile.date_parts
    if part in words:
        return words[part].format(value)
    if part == "weekday":  # @@DATEFIRST 7: Sunday is 1
        return f"({words['weekday0'].format(value)} + 1)"
    if part == "week":  # Sunday-started weeks, week 1 holding 1 January
        jan1 = words["weekday0"].format(words["year_start"].format(value))
        return words["int_div"].format(f"{words['dayofyear'].format(value)} + {jan1} + 6", "7")
    if part == "nanosecond":
        return f"({words['microsecond'].format(value)} * 1000)"
    return None


def _parse(text: str, rw: Rewriter) -> exp.Expression:
    """The target's text as a node (not rewritten again), in parentheses unless it is one term."""
    node = sqlglot.parse_one(text, read=rw.profile.sqlglot)
    assert isinstance(node, exp.Expression)  # a SQL text parses to one
    one_term = isinstance(node, (exp.Paren, exp.Func, exp.Column, exp.Literal))
    return node if one_term else exp.Paren(this=node)


def datepart(node: exp.Extract, rw: Rewriter) -> exp.Expression | None:
    """DATEPART(unit, x) (and EXTRACT, which T-SQL has not): the target's word for that part."""
    part = _unit(node.this)
    if part is None or node.expression is None:
        return None
    text = _part(part, _arg(node.expression, rw), rw)
    return _parse(text, rw) if text else None


def _diff(part: str, start: str, end: str, rw: Rewriter) -> str | None:
    """How many ``part`` boundaries lie between ``start`` and ``end`` (negative when end is earlier)."""
    words = rw.profile.date_parts
    days = words["days_between"].format(start, end)
    if part in ("day", "dayofyear", "weekday"):
        return days
    if part == "week":  # Sundays crossed: days between the Sundays starting both weeks, over 7
        return words["int_div"].format(f"{days} + {words['weekday0'].format(start)} - {words['weekday0'].format(end)}",
                                       "7")  # exact: the two Sundays are whole weeks apart
    if part == "year":
        return f"({words['year'].format(end)} - {words['year'].format(start)})"
    if part in ("quarter", "month"):
        per_year = 4 if part == "quarter" else 12
        return (f"(({words['year'].format(end)} - {words['year'].format(start)}) * {per_year} + "
                f"{words[part].format(end)} - {words[part].format(start)})")
    if part in _FINER:
        coarser, factor = _FINER[part]
        outer = _diff(coarser, start, end, rw)
        return f"({outer} * {factor} + {words[part].format(end)} - {words[part].format(start)})"
    if part == "nanosecond":
        return f"({_diff('microsecond', start, end, rw)} * 1000)"
    return None


def datediff(node: exp.DateDiff, rw: Rewriter) -> exp.Expression | None:
    """DATEDIFF(unit, start, end) counts the unit's boundaries crossed: DATEDIFF(year, '2023-12-31',
    '2024-01-01') is 1, DATEDIFF(day, '...23:59', '...00:01') is 1."""
    part = _unit(node.args.get("unit"))
    if part is None or node.this is None or node.expression is None:
        return None
    text = _diff(part, _arg(node.expression, rw), _arg(node.this, rw), rw)
    return _parse(text, rw) if text else None


def _is_date(node: exp.Expression, rw: Rewriter) -> bool:
    """Whether a value is known to be a DATE (no time of day)."""
    if isinstance(node, exp.Column):
        spec = rw.columns.get(str(node.name).upper())
        return spec is not None and spec.base.upper() == "DATE"
    if isinstance(node, exp.Cast):
        return node.to.is_type(exp.DataType.Type.DATE)
    return isinstance(node, exp.DateFromParts)


def dateadd(node: exp.DateAdd, rw: Rewriter) -> exp.Expression | None:
    """DATEADD(unit, n, x): the unit as the targets name it (dy, w and dw add days); a date stays a date
    (PostgreSQL's date + interval is a timestamp). Milliseconds and nanoseconds are microseconds."""
    part = _unit(node.args.get("unit"))
    amount = node.expression
    if part is None or node.this is None or amount is None:
        return None
    if part in ("millisecond", "nanosecond"):
        scale = exp.Literal.number(1000)
        amount = exp.Mul(this=exp.Paren(this=amount.copy()), expression=scale) if part == "millisecond" \
            else exp.Div(this=exp.Paren(this=amount.copy()), expression=scale)
        part = "microsecond"
    unit = _ADD_UNITS.get(part)
    if unit is None:
        return None
    added = exp.DateAdd(this=rw.sub(node.this), expression=rw.sub(amount), unit=exp.var(unit))
    if not _is_date(node.this, rw):
        return added
    return _parse(rw.profile.date_parts["date_add_on_date"].format(added.sql(dialect=rw.profile.sqlglot)), rw)


def datetime_plus_days(node: exp.Add | exp.Sub, rw: Rewriter) -> exp.Expression | None:
    """datetime + n (and - n) adds n days in SQL Server, fractions too (+ 0.5 is twelve hours); the
    targets add n to a number (MySQL) or refuse it (PostgreSQL)."""
    from migplan.convert.transforms.arithmetic import number_kind

    left, right = node.this, node.expression
    if not isinstance(left, exp.Column) or number_kind(right, rw) is None:
        return None
    spec = rw.columns.get(str(left.name).upper())
    if spec is None or spec.base.upper() not in DATETIME_TYPES:
        return None
    amount: exp.Expression = right.copy()
    if isinstance(node, exp.Sub):
        amount = exp.Neg(this=exp.Paren(this=amount))
    unit = "DAY"
    if number_kind(right, rw) != "int":  # a fraction of a day: in seconds (datetime keeps 1/300 s)
        amount, unit = exp.Mul(this=exp.Paren(this=amount), expression=exp.Literal.number(86400)), "SECOND"
    return exp.DateAdd(this=rw.sub(left), expression=rw.sub(amount), unit=exp.var(unit))
