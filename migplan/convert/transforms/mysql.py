"""MySQL's (and MariaDB's) own rewrites: what a MySQL function or operator means, written for a target
that means something else by the same words (the flags of migplan/convert/profiles.py say which)."""

from __future__ import annotations

import re

from sqlglot import exp

from migplan.convert.transforms import Rewriter, rewrite
from migplan.convert.transforms.common import next_value_for
from migplan.convert.transforms.functions import STRING_TYPES, int_literal, is_number_literal, template

_NUMBER_TYPES = frozenset({"TINYINT", "SMALLINT", "MEDIUMINT", "INT", "INTEGER", "BIGINT", "DECIMAL", "NUMERIC",
                           "DEC", "FIXED", "FLOAT", "DOUBLE", "DOUBLE PRECISION", "REAL", "BIT", "YEAR"})
_BINARY_TYPES = frozenset({"BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB"})
_DATE_UNITS = frozenset({"DAY", "WEEK", "MONTH", "QUARTER", "YEAR", "YEAR_MONTH"})
# the number a string starts with, as MySQL reads it ('5abc' is 5, ' 1.5e2x' is 150, 'abc' is 0)
_LEADING_NUMBER = r"^\s*[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?"
_LEADING_INTEGER = r"^\s*[-+]?[0-9]+"


def _type(node: exp.Expression, rw: Rewriter) -> str | None:
    """The source type name of a column operand, upper case."""
    if isinstance(node, exp.Column):
        spec = rw.columns.get(str(node.name).upper())
        return spec.base.upper() if spec is not None else None
    return None


def _text(node: exp.Expression, rw: Rewriter) -> bool:
    return (isinstance(node, exp.Literal) and node.is_string) or _type(node, rw) in STRING_TYPES


def _is_date(node: exp.Expression, rw: Rewriter) -> bool:
    if isinstance(node, (exp.Cast, exp.TsOrDsToDate)):
        return not isinstance(node, exp.Cast) or node.to.is_type(exp.DataType.Type.DATE)
    return _type(node, rw) == "DATE"


def leading_number(node: exp.Expression, rw: Rewriter, integer: bool = False) -> exp.Expression:
    """MySQL reads the number a string starts with where a number is wanted, 0 when there is none;
    PostgreSQL refuses '5abc' as a number. NULL stays NULL."""
    pattern = _LEADING_INTEGER if integer else _LEADING_NUMBER
    kind = "bigint" if integer else "double precision"
    return template(rw, f"CAST(CASE WHEN {{0}} IS NULL THEN NULL ELSE COALESCE(substring({{0}} FROM '{pattern}'), "
                        f"'0') END AS {kind})", node)


def text_vs_number(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """A character column compared with a number compares as numbers in MySQL (the text's leading number)."""
    left, right = node.this, node.expression
    for col, num, col_left in ((left, right, True), (right, left, False)):
        if _type(col, rw) in STRING_TYPES and is_number_literal(num):
            read = leading_number(col, rw)
            other = num.copy()
            return type(node)(this=read if col_left else other, expression=other if col_left else read)
    return None


def text_arithmetic(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """+ - * / with a character operand: MySQL adds the text's leading number."""
    left, right = node.this, node.expression
    if not (_text(left, rw) or _text(right, rw)):
        return None
    if not any(is_number_literal(s) or _type(s, rw) in _NUMBER_TYPES for s in (left, right)):
        return None
    sides = [leading_number(s, rw) if _text(s, rw) else rw.sub(s) for s in (left, right)]
    return type(node)(this=sides[0], expression=sides[1])


def cast_signed(node: exp.Cast, rw: Rewriter) -> exp.Expression | None:
    """CAST(text AS SIGNED) keeps the leading digits ('5abc' is 5)."""
    if not _text(node.this, rw) or not node.to.is_type(exp.DataType.Type.BIGINT, exp.DataType.Type.UBIGINT):
        return None
    return leading_number(node.this, rw, integer=True)


def byte_length(node: exp.Length, rw: Rewriter) -> exp.Expression | None:
    """LENGTH() counts bytes in MySQL (CHAR_LENGTH() characters)."""
    if not node.args.get("binary"):
        return None
    return exp.Anonymous(this="octet_length", expressions=[rw.sub(node.this)])


def substring_from_end(node: exp.Substring, rw: Rewriter) -> exp.Expression | None:
    """SUBSTRING(s, -n[, len]) counts n characters from the end ('' when s is shorter); a start of 0
    and a negative length give ''. Other dialects count a start <= 0 from before the first character."""
    start, length = int_literal(node.args.get("start")), node.args.get("length")
    if start is None or start > 0:
        return None
    count = int_literal(length) if length is not None else None
    if start == 0 or (count is not None and count < 0):
        return template(rw, "substring({0} FROM 1 FOR 0)", node.this)  # '' (NULL for NULL)
    if length is None:
        return template(rw, f"CASE WHEN char_length({{0}}) < {-start} THEN '' ELSE right({{0}}, {-start}) END",
                        node.this)
    return template(rw, f"CASE WHEN char_length({{0}}) < {-start} THEN '' "
                        f"ELSE substring(right({{0}}, {-start}) FROM 1 FOR {{1}}) END", node.this, length)


def hex_of(node: exp.Hex, rw: Rewriter) -> exp.Expression:
    """HEX(number) is the number in base 16; HEX(string) its bytes."""
    arg = node.this
    if is_number_literal(arg) or _type(arg, rw) in _NUMBER_TYPES:
        # built by hand: sqlglot reads PostgreSQL's to_hex() back as HEX()
        number = template(rw, "CAST(round({0}) AS bigint)", arg)
        return exp.Upper(this=exp.Anonymous(this="to_hex", expressions=[number]))
    if _type(arg, rw) in _BINARY_TYPES:
        return template(rw, "upper(encode({0}, 'hex'))", arg)
    return template(rw, "upper(encode(convert_to(CAST({0} AS text), 'UTF8'), 'hex'))", arg)


def greatest_null(node: exp.Greatest | exp.Least, rw: Rewriter) -> exp.Expression | None:
    """GREATEST/LEAST are NULL when an argument is NULL in MySQL; PostgreSQL skips NULLs."""
    args = [node.this, *node.expressions]
    nullable = [a for a in args if not isinstance(a, exp.Literal)]
    if not nullable:
        return None
    out = type(node)(this=rw.sub(node.this), expressions=[rw.sub(a) for a in node.expressions])
    test = exp.or_(*(exp.Is(this=rw.sub(a), expression=exp.Null()) for a in nullable))
    return exp.Case(ifs=[exp.If(this=test, true=exp.Null())], default=out)


def mod_by_zero(node: exp.Mod, rw: Rewriter) -> exp.Expression | None:
    """MOD(x, 0) and x % 0 are NULL in MySQL, an error elsewhere."""
    divisor = node.expression
    if is_number_literal(divisor) and int_literal(divisor) != 0:
        return None
    return exp.Mod(this=rw.sub(node.this), expression=exp.Nullif(this=rw.sub(divisor),
                                                                     expression=exp.Literal.number(0)))


def date_stays_date(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """DATE_ADD/DATE_SUB (and date +/- INTERVAL) of a DATE by days, weeks, months or years is a DATE in
    MySQL; elsewhere date + interval is a timestamp."""
    if isinstance(node, (exp.Add, exp.Sub)):
        interval = node.expression
        if not isinstance(interval, exp.Interval):
            return None
        unit = interval.args.get("unit")
    else:
        unit = node.args.get("unit")
    if not _is_date(node.this, rw) or unit is None or unit.name.upper() not in _DATE_UNITS:
        return None
    inner = node.copy()
    for key, value in node.args.items():
        if isinstance(value, exp.Expression):
            inner.set(key, rw.sub(value))
    return exp.cast(inner, exp.DataType.Type.DATE)


def timestampdiff(node: exp.TimestampDiff, rw: Rewriter) -> exp.Expression | None:
    """TIMESTAMPDIFF(unit, a, b): whole units from a to b, truncated towards zero."""
    unit = node.args.get("unit")
    name = unit.name.upper() if unit is not None else ""
    seconds = {"MICROSECOND": 0.000001, "SECOND": 1, "MINUTE": 60, "HOUR": 3600, "DAY": 86400, "WEEK": 604800}
    a, b = node.expression, node.this
    if name in seconds:
        span = "EXTRACT(EPOCH FROM (CAST({1} AS timestamp) - CAST({0} AS timestamp)))"
        return template(rw, f"CAST(trunc({span} / {seconds[name]}) AS bigint)", a, b)
    months = "(EXTRACT(YEAR FROM age(CAST({1} AS timestamp), CAST({0} AS timestamp))) * 12 + " \
             "EXTRACT(MONTH FROM age(CAST({1} AS timestamp), CAST({0} AS timestamp))))"
    per = {"MONTH": 1, "QUARTER": 3, "YEAR": 12}.get(name)
    if per is None:
        rw.problem("SQL001", f"TIMESTAMPDIFF with the unit {name or '?'}: no rewrite for the target")
        return None
    return template(rw, f"CAST(trunc({months} / {per}) AS bigint)", a, b)


# MySQL week modes that PostgreSQL can compute: 0 (Sunday first, week 0 before the first Sunday),
# 1 (Monday first, week 1 the first with 4 days or more), 3 (ISO).
_WEEKS = {
    0: "CAST(floor((EXTRACT(DOY FROM {0}) + 6 - EXTRACT(DOW FROM {0})) / 7) AS integer)",
    1: "CAST(floor((EXTRACT(DOY FROM {0}) + EXTRACT(ISODOW FROM date_trunc('year', {0})) - 2) / 7) "
       "+ CASE WHEN EXTRACT(ISODOW FROM date_trunc('year', {0})) <= 4 THEN 1 ELSE 0 END AS integer)",
    3: "CAST(EXTRACT(WEEK FROM {0}) AS integer)",
}


def date_part_function(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """DAYOFYEAR(), QUARTER() and WEEK(d[, mode]) as EXTRACT of the target."""
    if isinstance(node, exp.DayOfYear):
        return template(rw, "CAST(EXTRACT(DOY FROM {0}) AS integer)", node.this)
    if isinstance(node, exp.Quarter):
        return template(rw, "CAST(EXTRACT(QUARTER FROM {0}) AS integer)", node.this)
    mode = int_literal(node.args.get("mode")) if node.args.get("mode") is not None else 0
    if mode not in _WEEKS:
        rw.problem("SQL001", f"{node.sql(dialect='mysql')}: WEEK() with this mode has no rewrite for the target")
        return None
    return template(rw, _WEEKS[mode], node.this)


def substring_index(node: exp.SubstringIndex, rw: Rewriter) -> exp.Expression | None:
    """SUBSTRING_INDEX(s, delim, n): the first n pieces (the last -n when n < 0), delim matched case-sensitively."""
    count = int_literal(node.args.get("count"))
    if count is None:
        rw.problem("SQL001", "SUBSTRING_INDEX with a count that is not a literal: no rewrite for the target")
        return None
    pieces = "(string_to_array({0}, {1}))"
    if count == 0:
        return template(rw, "substring({0} FROM 1 FOR 0)", node.this)
    if count > 0:
        return template(rw, f"array_to_string({pieces}[1:{count}], {{1}})", node.this, node.args["delimiter"])
    return template(rw, f"array_to_string({pieces}[array_length({pieces}, 1) + {count + 1}:], {{1}})",
                    node.this, node.args["delimiter"])


_PARTS = ("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "MICROSECOND")


def compound_extract(node: exp.Extract, rw: Rewriter) -> exp.Expression | None:
    """EXTRACT(YEAR_MONTH FROM d) is yyyymm, DAY_HOUR ddhh ...: the parts run together as digits."""
    unit = node.this.name.upper() if isinstance(node.this, exp.Var) else ""
    parts = unit.split("_")
    if len(parts) < 2 or not all(p in _PARTS for p in parts):
        return None
    first, last = _PARTS.index(parts[0]), _PARTS.index(parts[-1])
    names = _PARTS[first:last + 1]
    widths = [6 if n == "MICROSECOND" else 2 for n in names]
    terms = []
    for i, n in enumerate(names):
        scale = 10 ** sum(widths[i + 1:])
        value = "(EXTRACT(MICROSECONDS FROM {0}) % 1000000)" if n == "MICROSECOND" else \
            "floor(EXTRACT(SECOND FROM {0}))" if n == "SECOND" else f"EXTRACT({n} FROM {{0}})"
        terms.append(f"{value} * {scale}" if scale > 1 else value)
    return template(rw, f"CAST({' + '.join(terms)} AS bigint)", node.expression)


# DATE_FORMAT: sqlglot has read MySQL's codes into Python's strftime codes (%i is %M, %u is %W ...); each
# becomes a to_char picture, or an expression where to_char has none (MySQL's week numbers, %w).
_PICTURES = {
    "%Y": "YYYY", "%y": "YY", "%m": "MM", "%-m": "FMMM", "%d": "DD", "%-d": "FMDD", "%D": "FMDDth", "%H": "HH24",
    "%-H": "FMHH24", "%I": "HH12", "%-I": "FMHH12", "%M": "MI", "%S": "SS", "%f": "US", "%j": "DDD",
    "%B": "TMMonth", "%A": "TMDay", "%a": "TMDy", "%b": "TMMon", "%p": "AM", "%v": "IW", "%G": "IYYY",
}
_FORMAT_EXPRESSIONS = {
    "%U": f"to_char({_WEEKS[0]}, 'FM00')",  # MySQL %U: week mode 0
    "%W": f"to_char({_WEEKS[1]}, 'FM00')",  # MySQL %u: week mode 1
    "%w": "to_char(EXTRACT(DOW FROM {0}), 'FM0')",  # 0 = Sunday
}
_FORMAT_CODE = re.compile(r"%-?[A-Za-z%]")


def date_format(node: exp.TimeToStr, rw: Rewriter) -> exp.Expression | None:
    """DATE_FORMAT(d, literal) as to_char() pieces; literal text is quoted so that to_char copies it."""
    fmt = node.args.get("format")
    if not (isinstance(fmt, exp.Literal) and fmt.is_string):
        return None
    pieces: list[tuple[str, str]] = []  # ("pic", picture) | ("lit", text) | ("expr", template)
    last = 0
    text = fmt.this
    for m in _FORMAT_CODE.finditer(text):
        literal, code = text[last:m.start()], m.group(0)
        last = m.end()
        if literal:
            pieces.append(("lit", literal))
        if code == "%%":
            pieces.append(("lit", "%"))
        elif code in _PICTURES:
            pieces.append(("pic", _PICTURES[code]))
        elif code in _FORMAT_EXPRESSIONS:
            pieces.append(("expr", _FORMAT_EXPRESSIONS[code]))
        else:
            rw.problem("SQL001", f"DATE_FORMAT code {code} (in sqlglot's reading): no to_char picture for it")
            return None
    if text[last:]:
        pieces.append(("lit", text[last:]))
    parts: list[exp.Expression] = []
    run: list[tuple[str, str]] = []

    def close_run() -> None:
        if any(kind == "pic" for kind, _ in run):
            picture = "".join(body if kind == "pic" else _quoted(body) for kind, body in run)
            parts.append(exp.Anonymous(this="to_char", expressions=[rw.sub(node.this), exp.Literal.string(picture)]))
        elif run:
            parts.append(exp.Literal.string("".join(body for _, body in run)))
        run.clear()

    for kind, body in pieces:
        if kind == "expr":
            close_run()
            parts.append(template(rw, body, node.this))
        else:
            run.append((kind, body))
    close_run()
    if not parts:
        return exp.Literal.string("")
    out = parts[0]
    for part in parts[1:]:
        out = exp.DPipe(this=out, expression=part, safe=False)
    return out


def _quoted(literal: str) -> str:
    """Literal text in a to_char picture: letters in double quotes, so that they are not read as pictures."""
    if not re.search(r"[A-Za-z\\\"]", literal):
        return literal
    return '"' + literal.replace("\\", "\\\\").replace('"', '\\"') + '"'


def enum_order(node: exp.Ordered, rw: Rewriter) -> exp.Expression | None:
    """ORDER BY an ENUM column sorts by the value's position in the list (the column becomes text)."""
    col = node.this
    if not isinstance(col, exp.Column):
        return None
    spec = rw.columns.get(str(col.name).upper())
    if spec is None or spec.base.upper() != "ENUM" or not spec.params:
        return None
    owner = node.parent.parent if isinstance(node.parent, exp.Order) else None
    if not isinstance(owner, (exp.Select, exp.Window)) or (isinstance(owner, exp.Select)
                                                           and owner.args.get("distinct")):
        return None
    members = ", ".join(p.strip() for p in spec.params)
    out = node.copy()
    out.set("this", template(rw, f"array_position(ARRAY[{members}]::text[], CAST({{0}} AS text))", col))
    return out


# -- booleans are integers in MySQL --------------------------------------------------------------------
_PREDICATES = (exp.Predicate, exp.Not, exp.And, exp.Or, exp.Xor, exp.Boolean, exp.Exists, exp.RegexpLike,
               exp.RegexpILike)


def _boolean(node: exp.Expression) -> bool:
    while isinstance(node, exp.Paren):
        node = node.this
    return isinstance(node, _PREDICATES)


def _number(node: exp.Expression, rw: Rewriter) -> bool:
    while isinstance(node, exp.Paren):
        node = node.this
    return is_number_literal(node) or _type(node, rw) in _NUMBER_TYPES or (
        isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div, exp.Mod, exp.Neg)) and not _boolean(node))


def _truth(node: exp.Expression, rw: Rewriter) -> exp.Expression:
    """A number where a condition is wanted: true when it is not 0 (NULL stays NULL)."""
    return exp.NEQ(this=node, expression=exp.Literal.number(0)) if _number(node, rw) else node


def number_as_condition(node: exp.Expression, rw: Rewriter) -> None:
    """A number used as a condition (WHERE flag, NOT flag, a AND 1, CASE WHEN qty THEN ...): MySQL reads
    it as true when it is not 0; a target with a boolean type wants flag <> 0."""
    keys = ("this", "expression") if isinstance(node, (exp.And, exp.Or, exp.Xor)) else ("this",)
    if isinstance(node, exp.Join):
        keys = ("on",)
    for key in keys:
        arg = node.args.get(key)
        if isinstance(arg, exp.Expression):
            node.set(key, _truth(arg, rw))
    return None


def condition_as_number(node: exp.Expression, rw: Rewriter) -> None:
    """A condition used as a number (TRUE + 1, SUM(a > b)) is the integer 1 or 0 in MySQL."""
    for key in ("this", "expression"):
        arg = node.args.get(key)
        if isinstance(arg, exp.Expression) and _boolean(arg):
            node.set(key, exp.cast(arg, exp.DataType.Type.INT))
    return None


def condition_in_select_list(node: exp.Select, rw: Rewriter) -> None:
    """A condition in the select list is a column of 1s and 0s in MySQL, not a boolean."""
    out = []
    for e in node.expressions:
        inner = e.this if isinstance(e, exp.Alias) else e
        if _boolean(inner):
            cast = exp.cast(inner.copy(), exp.DataType.Type.INT)
            e = exp.alias_(cast, e.args["alias"].copy()) if isinstance(e, exp.Alias) else cast
        out.append(e)
    node.set("expressions", out)
    return None


def having_aliases(node: exp.Select, rw: Rewriter) -> None:
    """HAVING may name a select-list alias in MySQL: the alias is replaced by its expression."""
    having = node.args.get("having")
    if having is None:
        return None
    aliases = {str(e.alias).upper(): e.this for e in node.expressions if isinstance(e, exp.Alias)
               and not (isinstance(e.this, exp.Column) and str(e.this.name).upper() == str(e.alias).upper())}
    if not aliases:
        return None

    def swap(n: exp.Expression) -> exp.Expression:
        if isinstance(n, exp.Column) and not n.table and str(n.name).upper() in aliases \
                and n.find_ancestor(exp.Select) is None:  # not a subquery's own column
            return exp.paren(aliases[str(n.name).upper()].copy(), copy=False)
        return n

    having.set("this", having.this.transform(swap, copy=True))
    return None



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
    # booleans are integers (first: the operands of the rewrites below are then of the target's types)
    rewrite((exp.And, exp.Or, exp.Xor, exp.Not, exp.Where, exp.Having, exp.Join, exp.If), number_as_condition,
            needs=lambda p: p.has_boolean),
    rewrite((exp.Add, exp.Sub, exp.Mul, exp.Div, exp.Mod, exp.Neg, exp.Sum, exp.Avg), condition_as_number,
            needs=lambda p: p.has_boolean),
    rewrite(exp.Select, condition_in_select_list, needs=lambda p: p.has_boolean),
    # MySQL compares a character column with a number as numbers: the text's leading number
    rewrite(exp.DateDiff, day_number, needs=lambda p: p.family == "postgresql"),
    rewrite(exp.Anonymous, mariadb_sequence_function),
    rewrite((exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE), text_vs_number,
            needs=lambda p: p.strict_text_compare),
    rewrite((exp.Add, exp.Sub, exp.Mul, exp.Div), text_arithmetic, needs=lambda p: p.strict_text_compare),
    rewrite(exp.Cast, cast_signed, needs=lambda p: p.strict_text_compare),
    rewrite(exp.Length, byte_length, needs=lambda p: not p.length_counts_bytes),
    rewrite(exp.Substring, substring_from_end, needs=lambda p: not p.substring_from_end),
    rewrite(exp.SubstringIndex, substring_index, needs=lambda p: not p.has_mysql_builtins),
    rewrite(exp.Hex, hex_of, needs=lambda p: not p.has_mysql_builtins),
    rewrite((exp.Greatest, exp.Least), greatest_null, needs=lambda p: p.greatest_ignores_nulls),
    rewrite(exp.Mod, mod_by_zero, needs=lambda p: not p.division_by_zero_is_null),
    rewrite((exp.DateAdd, exp.DateSub, exp.Add, exp.Sub), date_stays_date,
            needs=lambda p: not p.date_arithmetic_keeps_date),
    rewrite(exp.TimestampDiff, timestampdiff, needs=lambda p: not p.has_mysql_builtins),
    rewrite((exp.DayOfYear, exp.Quarter, exp.Week), date_part_function, needs=lambda p: not p.has_mysql_builtins),
    rewrite(exp.TimeToStr, date_format, needs=lambda p: p.has_to_char),
    rewrite(exp.Extract, compound_extract, needs=lambda p: not p.has_mysql_builtins),
    rewrite(exp.Ordered, enum_order, needs=lambda p: p.has_arrays),
    rewrite(exp.Select, having_aliases, needs=lambda p: not p.having_sees_aliases),
]
