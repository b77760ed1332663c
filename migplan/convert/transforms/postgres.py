"""PostgreSQL's (and Greenplum's) own rewrites: what a PostgreSQL function or operator means, written
for a target that means something else by the same words (the flags of migplan/convert/profiles.py
say which). What MySQL cannot say of PostgreSQL's syntax (FILTER, = ANY (ARRAY[...]), composite
fields, array operators) is in common.AFTER, keyed on the target's profile flags: any source that
writes them meets the same target."""

from __future__ import annotations

import re

import sqlglot
from sqlglot import exp

from migplan.convert.transforms import Rewriter, rewrite
from migplan.convert.transforms.functions import func_name, int_literal

_NUMBER_TYPES = frozenset({"SMALLINT", "INTEGER", "INT", "INT2", "INT4", "INT8", "BIGINT", "NUMERIC", "DECIMAL",
                           "REAL", "DOUBLE PRECISION", "FLOAT4", "FLOAT8", "MONEY", "SERIAL", "BIGSERIAL"})
_TO_CHAR = "MIGPLAN_TO_CHAR"


def _type(node: exp.Expression, rw: Rewriter) -> str | None:
    if isinstance(node, exp.Column):
        spec = rw.columns.get(str(node.name).upper())
        return spec.base.upper() if spec is not None else None
    return None


def _is_date(node: exp.Expression, rw: Rewriter) -> bool:
    """A date (not a timestamp): a DATE column, a cast to date, CURRENT_DATE."""
    if isinstance(node, exp.Cast):
        return node.to.is_type(exp.DataType.Type.DATE)
    if isinstance(node, exp.CurrentDate):
        return True
    return _type(node, rw) == "DATE"


def _integer(node: exp.Expression, rw: Rewriter) -> bool:
    value = int_literal(node)
    return value is not None or _type(node, rw) in {"SMALLINT", "INTEGER", "INT", "INT2", "INT4", "INT8", "BIGINT"}


def _mysql(rw: Rewriter, sql: str, *args: exp.Expression) -> exp.Expression:
    return sqlglot.parse_one(sql.format(*(rw.sql(a) for a in args)), read=rw.profile.sqlglot)


# -- to_char ----------------------------------------------------------------------------------------------
# sqlglot reads to_char's picture into strftime codes and loses FM, TM, 'Month' and 'Dy' on the way; the
# text pass renames to_char so that the picture reaches the rewrite as written.


def keep_to_char_picture(text: str) -> str:
    from migplan.ingest.lexer import lexer_for

    out, last = [], 0
    toks = list(lexer_for("postgres").tokens(text))
    def tok(k: int) -> str:
        return text[toks[k][1]:toks[k][2]] if 0 <= k < len(toks) else ""

    for i, (kind, start, end) in enumerate(toks):
        if kind == "word" and text[start:end].lower() == "to_char" and tok(i + 1) == "(" and tok(i - 1) != ".":
            out.append(text[last:start])
            out.append(_TO_CHAR)
            last = end
    out.append(text[last:])
    return "".join(out)


_NAME_CASES = {"Month": ("%M", ""), "MONTH": ("%M", "UPPER"), "month": ("%M", "LOWER"),
               "Mon": ("%b", ""), "MON": ("%b", "UPPER"), "mon": ("%b", "LOWER"),
               "Day": ("%W", ""), "DAY": ("%W", "UPPER"), "day": ("%W", "LOWER"),
               "Dy": ("%a", ""), "DY": ("%a", "UPPER"), "dy": ("%a", "LOWER")}
# picture -> (MySQL piece padded, MySQL piece with FM); a piece is a DATE_FORMAT code or ("expr", template)
_PICTURES: dict[str, tuple] = {
    "YYYY": ("%Y", "%Y"), "IYYY": ("%x", "%x"), "YY": ("%y", "%y"), "MM": ("%m", "%c"),
    "DDD": ("%j", ("expr", "DAYOFYEAR({0})")),
    "DD": ("%d", "%e"), "HH24": ("%H", "%k"), "HH12": ("%h", "%l"), "HH": ("%h", "%l"),
    "MI": ("%i", ("expr", "MINUTE({0})")), "SS": ("%s", ("expr", "SECOND({0})")), "US": ("%f", "%f"),
    "AM": ("%p", "%p"), "PM": ("%p", "%p"), "am": (("expr", "LOWER(DATE_FORMAT({0}, '%p'))"),) * 2,
    "pm": (("expr", "LOWER(DATE_FORMAT({0}, '%p'))"),) * 2, "IW": ("%v", ("expr", "WEEK({0}, 3)")),
    "ID": (("expr", "WEEKDAY({0}) + 1"),) * 2, "D": (("expr", "DAYOFWEEK({0})"),) * 2,
    "Q": (("expr", "QUARTER({0})"),) * 2,
    "WW": (("expr", "LPAD(FLOOR((DAYOFYEAR({0}) - 1) / 7) + 1, 2, '0')"),
           ("expr", "FLOOR((DAYOFYEAR({0}) - 1) / 7) + 1")),
}
for _name, (_code, _case) in _NAME_CASES.items():
    _plain = f"DATE_FORMAT({{0}}, '{_code}')" if not _case else f"{_case}(DATE_FORMAT({{0}}, '{_code}'))"
    _padded = ("expr", f"RPAD({_plain}, 9, ' ')") if _name.lower() in ("month", "day") else \
        (_code if not _case else ("expr", _plain))
    _PICTURES[_name] = (_padded, _code if not _case else ("expr", _plain))
# pictures migplan does not write for MySQL: the object is held back with the item
_UNSUPPORTED = ("SSSSS", "SSSS", "Y,YYY", "IYY", "IY", "MS", "CC", "RM", "rm", "TZH", "TZM", "TZ", "tz", "OF",
                "A.M.", "P.M.", "a.m.", "p.m.", "B.C.", "A.D.", "b.c.", "a.d.", "BC", "AD", "bc", "ad", "J", "W",
                "I", "Y", "SP", "FX")
_TOKEN = re.compile("|".join(re.escape(p) for p in sorted([*_PICTURES, *_UNSUPPORTED], key=len, reverse=True)))
_DATE_HINT = re.compile(r"YY|MM|DD|HH|MI|SS|Mon|MON|mon|Day|DAY|day|Dy|DY|dy|AM|PM|IW|WW|US")


def _picture_pieces(picture: str) -> list | str:
    """A to_char date picture as DATE_FORMAT codes / ("lit", text) / ("expr", template), or the
    picture element that has no MySQL form."""
    pieces: list = []
    i, fm, tm = 0, False, False
    while i < len(picture):
        if picture.startswith("FM", i):
            fm, i = True, i + 2
            continue
        if picture.startswith("TM", i):
            tm, i = True, i + 2
            continue
        if picture[i] == '"':
            j, text = i + 1, []
            while j < len(picture) and picture[j] != '"':
                if picture[j] == "\\" and j + 1 < len(picture):
                    j += 1
                text.append(picture[j])
                j += 1
            pieces.append(("lit", "".join(text)))
            i = j + 1
            continue
        m = _TOKEN.match(picture, i)
        if m is None:
            pieces.append(("lit", picture[i]))
            i += 1
            continue
        name = m.group(0)
        if name in _UNSUPPORTED:
            return name
        i = m.end()
        suffix = picture[i:i + 2]
        if name == "DD" and suffix in ("th", "TH"):
            i += 2
            day = "DATE_FORMAT({0}, '%D')"
            day = day if suffix == "th" else f"UPPER({day})"
            pieces.append(("expr", day) if fm and suffix == "th" else ("expr", day if fm else f"LPAD({day}, 4, '0')"))
        else:
            padded, bare = _PICTURES[name]
            names = name.lower() in ("month", "day")  # TM (translation mode) does not pad names either
            pieces.append(bare if fm or (tm and names) else padded)
        fm = tm = False
    return pieces


def to_char(node: exp.Anonymous, rw: Rewriter) -> exp.Expression | None:
    """to_char(date, picture) as DATE_FORMAT (and expressions where MySQL has no code); to_char of a
    number, or for a target with to_char, is to_char again."""
    if func_name(node) != _TO_CHAR:
        return None
    args = node.expressions
    picture = args[1] if len(args) == 2 else None
    again = sqlglot.parse_one(f"to_char({', '.join(a.sql(dialect='postgres') for a in args)})", read="postgres")
    if rw.profile.has_to_char or not (isinstance(picture, exp.Literal) and picture.is_string) \
            or _type(args[0], rw) in _NUMBER_TYPES or not _DATE_HINT.search(picture.this):
        return rw.sub(again)
    pieces = _picture_pieces(picture.this)
    if isinstance(pieces, str):
        rw.problem("SQL001", f"to_char picture element {pieces}: no MySQL DATE_FORMAT code for it")
        return rw.sub(again)
    value = rw.sql(args[0])
    parts: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            parts.append(f"DATE_FORMAT({value}, {exp.Literal.string(''.join(run)).sql(dialect='mysql')})")
            run.clear()

    for piece in pieces:
        if isinstance(piece, tuple) and piece[0] == "lit":
            run.append(piece[1].replace("%", "%%"))
        elif isinstance(piece, tuple):
            close_run()
            parts.append(piece[1].replace("{0}", value))
        else:
            run.append(piece)
    close_run()
    if not parts:
        return exp.Literal.string("")
    sql = parts[0] if len(parts) == 1 else f"CONCAT({', '.join(parts)})"
    return sqlglot.parse_one(sql, read=rw.profile.sqlglot)


# -- strings ----------------------------------------------------------------------------------------------


def left_right_negative(node: exp.Left | exp.Right, rw: Rewriter) -> exp.Expression | None:
    """left(s, -n) is all but the last n characters (right(s, -n) all but the first n); MySQL gives ''."""
    count = node.expression
    value = int_literal(count)
    if value is not None and value >= 0:
        return None
    name = "LEFT" if isinstance(node, exp.Left) else "RIGHT"
    if value is not None:
        return _mysql(rw, f"{name}({{0}}, CHAR_LENGTH({{0}}) - {-value})", node.this)
    return _mysql(rw, f"{name}({{0}}, CASE WHEN {{1}} < 0 THEN CHAR_LENGTH({{0}}) + {{1}} ELSE {{1}} END)",
                  node.this, count)


def split_part(node: exp.SplitPart, rw: Rewriter) -> exp.Expression | None:
    """split_part(s, delim, n): the n-th piece ('' past the last; from the end when n < 0)."""
    n = int_literal(node.args.get("part_index"))
    delim = node.args.get("delimiter")
    if n is None or n == 0 or not (isinstance(delim, exp.Literal) and delim.is_string and delim.this):
        rw.problem("SQL001", "split_part with a part number or delimiter that is not a literal: no MySQL rewrite")
        return None
    pieces = "((CHAR_LENGTH({0}) - CHAR_LENGTH(REPLACE({0}, {1}, ''))) DIV CHAR_LENGTH({1}) + 1)"
    pick = f"SUBSTRING_INDEX(SUBSTRING_INDEX({{0}}, {{1}}, {n}), {{1}}, {-1 if n > 0 else 1})"
    return _mysql(rw, f"CASE WHEN {pieces} < {abs(n)} THEN '' ELSE {pick} END", node.this, delim)


def translate(node: exp.Translate, rw: Rewriter) -> exp.Expression | None:
    """translate(s, from, to) with literal sets as nested REPLACE: faithful when no character of `to` is
    also in `from` (each REPLACE would otherwise see the previous one's output)."""
    src, dst = node.args.get("from_"), node.args.get("to")
    if not all(isinstance(a, exp.Literal) and a.is_string for a in (src, dst)) or set(src.this) & set(dst.this):
        rw.problem("SQL001", "translate() without literal character sets, or with a target character that is also "
                             "a source character: no MySQL rewrite")
        return None
    out = rw.sub(node.this)
    seen: set[str] = set()
    for i, ch in enumerate(src.this):
        if ch in seen:  # the first occurrence decides
            continue
        seen.add(ch)
        out = exp.Anonymous(this="REPLACE", expressions=[out, exp.Literal.string(ch),
                                                          exp.Literal.string(dst.this[i] if i < len(dst.this) else "")])
    return out


def no_function(node: exp.Expression, rw: Rewriter) -> None:
    rw.problem("SQL001", f"PostgreSQL's {node.sql_name().lower()}() has no MySQL equivalent")
    return None


def greatest_skips_null(node: exp.Greatest | exp.Least, rw: Rewriter) -> exp.Expression | None:
    """greatest/least skip NULL arguments: each argument, or another one where it is NULL."""
    args = [node.this, *node.expressions]
    if len(args) < 2 or all(isinstance(a, exp.Literal) for a in args):
        return None
    done = [rw.sub(a) for a in args]
    swapped = [exp.Coalesce(this=a.copy(), expressions=[b.copy() for j, b in enumerate(done) if j != i])
               for i, a in enumerate(done)]
    return type(node)(this=swapped[0], expressions=swapped[1:])


def regexp_ilike(node: exp.RegexpILike, rw: Rewriter) -> exp.Expression:
    """~* matches case-insensitively: the text under the target's case-insensitive collation (its
    tables of a PostgreSQL source compare the binary way), with the REGEXP operator MySQL 8 and
    MariaDB both have."""
    return exp.Paren(this=exp.Var(this=f"({rw.sql(node.this)} COLLATE {rw.profile.ci_collation}) REGEXP "
                                       f"{rw.sql(node.expression)}"))


# -- dates ------------------------------------------------------------------------------------------------


def date_arithmetic(node: exp.Add | exp.Sub, rw: Rewriter) -> exp.Expression | None:
    """date - date is a number of days, date +/- integer a date; MySQL would do arithmetic on the
    numbers 20240131."""
    left, right = node.this, node.expression
    if isinstance(node, exp.Sub) and _is_date(left, rw) and _is_date(right, rw):
        return _mysql(rw, "DATEDIFF({0}, {1})", left, right)
    if _is_date(left, rw) and _integer(right, rw):
        fn = "DATE_ADD" if isinstance(node, exp.Add) else "DATE_SUB"
        return _mysql(rw, f"{fn}({{0}}, INTERVAL {{1}} DAY)", left, right)
    if isinstance(node, exp.Add) and _integer(left, rw) and _is_date(right, rw):
        return _mysql(rw, "DATE_ADD({0}, INTERVAL {1} DAY)", right, left)
    return None


_EXTRACT = {"DOW": "(DAYOFWEEK({0}) - 1)", "ISODOW": "(WEEKDAY({0}) + 1)", "DOY": "DAYOFYEAR({0})",
            "WEEK": "WEEK({0}, 3)", "ISOYEAR": "(YEARWEEK({0}, 3) DIV 100)"}
_NO_EXTRACT = frozenset({"CENTURY", "DECADE", "MILLENNIUM", "JULIAN", "TIMEZONE", "TIMEZONE_HOUR",
                         "TIMEZONE_MINUTE", "MILLISECONDS", "MILLISECOND"})


def extract_unit(node: exp.Extract, rw: Rewriter) -> exp.Expression | None:
    """EXTRACT units MySQL names otherwise (dow, isodow, doy) or counts otherwise (week: ISO weeks)."""
    unit = node.this.name.upper() if isinstance(node.this, (exp.Var, exp.Literal)) else ""
    if unit in _EXTRACT:
        return _mysql(rw, _EXTRACT[unit], node.expression)
    if unit in _NO_EXTRACT:
        rw.problem("SQL001", f"EXTRACT({unit.lower()} ...): no MySQL unit of that name")
    return None


def date_trunc_week(node: exp.TimestampTrunc | exp.DateTrunc, rw: Rewriter) -> exp.Expression | None:
    """date_trunc('week', ts): PostgreSQL's (ISO) weeks start on Monday."""
    unit = node.args.get("unit")
    name = unit.name.upper() if unit is not None else ""
    if name != "WEEK":
        return None
    return _mysql(rw, "CAST(DATE_SUB(CAST({0} AS DATE), INTERVAL WEEKDAY({0}) DAY) AS DATETIME)", node.this)


# -- row sources ------------------------------------------------------------------------------------------
_MAX_RECURSION = 1000  # MySQL's default cte_max_recursion_depth


def generate_series(node: exp.Table, rw: Rewriter) -> exp.Expression | None:
    """FROM generate_series(start, stop[, step]) AS g as a recursive CTE: the start (when it is not past
    the stop), then each value plus the step while it does not pass the stop. A series of timestamps
    (an interval step) is DATETIME(6), as PostgreSQL's is a timestamp."""
    series = node.this
    if not isinstance(series, (exp.ExplodingGenerateSeries, exp.GenerateSeries)):
        return None
    start, stop, step = series.args.get("start"), series.args.get("end"), series.args.get("step")
    alias = node.args.get("alias")
    table = alias.name if alias is not None and alias.name else "generate_series"
    columns = alias.args.get("columns") if alias is not None else None
    column = columns[0].name if columns else table
    timed = isinstance(step, exp.Interval)
    if timed:
        down = str(step.this.name if isinstance(step.this, exp.Literal) else "").lstrip().startswith("-")
    else:
        value = int_literal(step) if step is not None else 1
        if step is not None and value is None:
            rw.problem("SQL001", "generate_series with a step that is not a literal: no MySQL rewrite")
            return None
        down = value < 0
        low, high = int_literal(start), int_literal(stop)
        if value == 0 or (low is not None and high is not None and abs(high - low) // abs(value) >= _MAX_RECURSION):
            rw.problem("SQL001", f"generate_series of more than {_MAX_RECURSION} values (or a step of 0): MySQL's "
                                 "recursive CTE stops at cte_max_recursion_depth")
            return None
    q = rw.profile.ident
    col, cte = q(column), q(f"{table}_series")
    first = f"CAST({rw.sql(start)} AS DATETIME(6))" if timed else f"CAST({rw.sql(start)} AS SIGNED)"
    nxt = f"{col} + {rw.sql(step)}" if step is not None else f"{col} + 1"
    cmp = ">=" if down else "<="
    end = rw.sql(stop)
    sql = (f"SELECT * FROM (WITH RECURSIVE {cte} ({col}) AS (SELECT {first} FROM (SELECT 1) AS one_row "
           f"WHERE {first} {cmp} {end} UNION ALL SELECT {nxt} FROM {cte} WHERE {nxt} {cmp} {end}) "
           f"SELECT {col} FROM {cte}) AS {q(table)}")
    return sqlglot.parse_one(sql, read=rw.profile.sqlglot).args["from_"].this


REWRITES = [
    rewrite(exp.Table, generate_series, needs=lambda p: not p.has_generate_series),
    rewrite(exp.Anonymous, to_char),
    rewrite((exp.Left, exp.Right), left_right_negative, needs=lambda p: p.has_mysql_builtins),
    rewrite(exp.SplitPart, split_part, needs=lambda p: p.has_mysql_builtins),
    rewrite(exp.Translate, translate, needs=lambda p: p.has_mysql_builtins),
    rewrite(exp.Initcap, no_function, needs=lambda p: p.has_mysql_builtins),
    rewrite((exp.Greatest, exp.Least), greatest_skips_null, needs=lambda p: not p.greatest_ignores_nulls),
    rewrite(exp.RegexpILike, regexp_ilike, needs=lambda p: bool(p.ci_collation)),
    rewrite((exp.Add, exp.Sub), date_arithmetic, needs=lambda p: p.has_mysql_builtins),
    rewrite(exp.Extract, extract_unit, needs=lambda p: p.has_mysql_builtins),
    rewrite((exp.TimestampTrunc, exp.DateTrunc), date_trunc_week, needs=lambda p: not p.has_date_trunc),
]
TEXT_PASSES = [keep_to_char_picture]
