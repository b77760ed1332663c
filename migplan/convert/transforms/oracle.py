"""Oracle's own rewrites: pseudo-columns, (+) joins, CONNECT BY, day arithmetic on dates, exact
NUMBER division, TRUNC of dates and of day counts, TO_CHAR pictures where the target has no TO_CHAR."""

from __future__ import annotations

import re

import sqlglot
from sqlglot import exp

from migplan.convert.transforms import Rewriter, rewrite
from migplan.convert.transforms.functions import call_args, first_line, func_name, is_number_literal

# -- pseudo-columns ----------------------------------------------------------------------------------


def pseudo_column(node: exp.Column, rw: Rewriter) -> exp.Expression | None:
    name = node.name.upper() if isinstance(node.name, str) else ""
    table = node.table.upper() if node.table else ""
    if not table and name in ("USER", "SESSION_USER"):
        return exp.CurrentUser()
    if not table and name == "SYSTIMESTAMP":
        return exp.CurrentTimestamp()
    if table and name in ("NEXTVAL", "CURRVAL"):
        target = rw.converter.sequences.get(table) or rw.names.base(node.table)
        fn = "nextval" if name == "NEXTVAL" else "currval"
        if rw.profile.supports_sequences:
            return sqlglot.parse_one(f"{fn}({rw.profile.string(target)})", read=rw.profile.sqlglot)
        rw.problem("SEQ001", f"{node.table}.{name}: {rw.profile.family} has no sequences; "
                             "use AUTO_INCREMENT or a sequence table")
    return None


def rownum_left(node: exp.Column, rw: Rewriter) -> None:
    """A ROWNUM no rewrite turned into LIMIT or row_number(): written as is it is a column of that
    name, an error at best; the query is not written (its items say why)."""
    if not node.table and isinstance(node.name, str) and node.name.upper() == "ROWNUM":
        rw.problem("SQL001", f"ROWNUM has no {rw.profile.display} form where it stands: rewrite it with "
                             "LIMIT / FETCH FIRST or row_number() OVER (...)")
    return None


# -- whole-query rewrites ----------------------------------------------------------------------------


def ansi_joins(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """Oracle's (+) outer joins as LEFT JOINs (sqlglot's eliminate_join_marks, per SELECT)."""
    from sqlglot.transforms import eliminate_join_marks

    if not any(c.args.get("join_mark") for c in tree.find_all(exp.Column)):
        return tree
    try:
        return tree.transform(eliminate_join_marks, copy=False)
    except Exception as err:  # a shape the transform does not handle: say so, write nothing
        rw.problem("SQL001", f"(+) outer join could not be rewritten as ANSI JOIN: {first_line(err)}")
        return tree


def derived_table_aliases(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """Oracle reads a subquery in FROM without an alias; MySQL and PostgreSQL before 16 refuse
    one: each gets mig_sub_<n> (nothing could name it before, so nothing else changes)."""
    n = 0
    for sub in list(tree.find_all(exp.Subquery)):
        if not sub.alias and isinstance(sub.parent, (exp.From, exp.Join)):
            n += 1
            sub.set("alias", exp.TableAlias(this=exp.to_identifier(f"mig_sub_{n}")))
    return tree


def row_generators(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """SELECT ... FROM dual CONNECT BY LEVEL <= n: generate_series(1, n) / a recursive CTE
    (convert.rownum)."""
    from migplan.convert.rownum import LEVEL, bounded, row_generator
    from migplan.model.schema import TypeSpec

    if rw.profile.family == "oracle" or not tree.find(exp.Connect):
        return tree

    def one(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Select) and isinstance(node.args.get("connect"), exp.Connect):
            new = row_generator(node, rw.profile.has_generate_series)
            if new is not None:
                rw.columns[LEVEL.upper()] = TypeSpec("NUMBER")  # Oracle's LEVEL: day arithmetic reads it
                if not rw.profile.has_generate_series and not bounded(node, _MYSQL_RECURSION):
                    rw.problem("SQL020", "CONNECT BY row generator written as WITH RECURSIVE: MySQL stops a "
                                         f"recursive CTE after cte_max_recursion_depth rows ({_MYSQL_RECURSION} "
                                         "by default); raise it where the generator makes more rows")
                return new
        return node

    return tree.transform(one, copy=False)


_MYSQL_RECURSION = 1000  # MySQL's default cte_max_recursion_depth


def rownum_paging(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """ROWNUM filters as LIMIT, ROWNUM in select lists as row_number() (convert.rownum); what is
    left is reported by rownum_left."""
    from sqlglot.dialects.dialect import Dialect

    from migplan.convert import rownum

    if rw.profile.family == "oracle":
        return tree
    small = Dialect.get_or_raise(rw.profile.sqlglot).NULL_ORDERING == "nulls_are_small"
    return rownum.rownum_paging(tree, small)


def recursive_ctes(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """START WITH / CONNECT BY queries as WITH RECURSIVE (convert.hierarchical); shapes it does
    not handle keep their CONNECT BY, which connect_by_left then reports."""
    from migplan.convert.hierarchical import recursive_cte

    if rw.profile.family == "oracle" or not tree.find(exp.Connect):
        return tree

    def one(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Select) and isinstance(node.args.get("connect"), exp.Connect):
            new = recursive_cte(node, rw.columns)
            if new is not None:
                rw.problem("SQL020", "hierarchical query (START WITH / CONNECT BY) written as WITH RECURSIVE: check "
                                     "the order of rows and the pseudo-columns it used")
                return new
        return node

    return tree.transform(one, copy=False)


# -- dates -------------------------------------------------------------------------------------------


# Oracle's SYSTIMESTAMP / LOCALTIMESTAMP have nodes of their own in sqlglot 30
_CLOCKS = tuple(c for c in (getattr(exp, "Systimestamp", None), getattr(exp, "Localtimestamp", None)) if c)


def is_date(node: exp.Expression, rw: Rewriter) -> bool:
    while isinstance(node, exp.Paren):
        node = node.this
    if isinstance(node, (exp.CurrentTimestamp, exp.CurrentDate, exp.StrToDate, exp.StrToTime, exp.DateTrunc,
                         exp.TimestampTrunc, exp.LastDay, exp.AddMonths, exp.NextDay, exp.DateStrToDate, *_CLOCKS)):
        return True
    if isinstance(node, (exp.Add, exp.Sub)):  # date +/- days is a date
        return (is_date(node.this, rw) and is_numeric(node.expression, rw)) or (
            isinstance(node, exp.Add) and is_numeric(node.this, rw) and is_date(node.expression, rw))
    if isinstance(node, exp.Cast):
        return node.to.this in (exp.DataType.Type.DATE, exp.DataType.Type.TIMESTAMP, exp.DataType.Type.DATETIME)
    if isinstance(node, exp.Column):
        spec = rw.columns.get(str(node.name).upper())
        return spec is not None and spec.base.upper().startswith(("DATE", "TIMESTAMP"))
    if isinstance(node, exp.Anonymous) and str(node.this).upper() in ("TRUNC", "ROUND") and node.expressions:
        return is_date(node.expressions[0], rw)
    return False


_NUMERIC_TYPES = ("NUMBER", "INTEGER", "INT", "SMALLINT", "DECIMAL", "NUMERIC", "FLOAT", "REAL", "DOUBLE",
                  "BINARY_FLOAT", "BINARY_DOUBLE")


def is_numeric(node: exp.Expression, rw: Rewriter) -> bool:
    """A number: a literal, a column of a numeric type, or arithmetic on them."""
    while isinstance(node, (exp.Paren, exp.Neg)):
        node = node.this
    if is_number_literal(node):
        return True
    if isinstance(node, exp.Column):
        spec = rw.columns.get(str(node.name).upper())
        return spec is not None and spec.base.upper().startswith(_NUMERIC_TYPES)
    if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div)):
        return is_numeric(node.this, rw) and is_numeric(node.expression, rw)
    return False


def date_literal(node: exp.DateStrToDate, rw: Rewriter) -> exp.Expression | None:
    """DATE 'yyyy-mm-dd' is an Oracle DATE: a date and time (midnight), like the DATE columns the
    type map writes as timestamp(0)/datetime (MySQL's DATE + INTERVAL n DAY would stay a date)."""
    if not isinstance(node.this, exp.Literal):
        return None
    return exp.cast(node.this.copy(), exp.DataType.build("TIMESTAMP"))


def trunc_of_date(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """TRUNC(date_column): midnight of that day. sqlglot keeps TRUNC, which is numeric on the
    targets; the column's type says it is a date."""
    if func_name(node) != "TRUNC":
        return None
    args = call_args(node)
    if len(args) != 1 or not isinstance(args[0], exp.Column):
        return None
    spec = rw.columns.get(str(args[0].name).upper())
    if spec is None or not spec.base.upper().startswith(("DATE", "TIMESTAMP")):
        return None
    col = rw.sub(args[0])
    if rw.profile.has_date_trunc:
        return exp.DateTrunc(unit=exp.Literal.string("day"), this=col)
    return exp.Anonymous(this="DATE", expressions=[col])


def _add_days(date_sql: str, n_sql: str, op: str, intervals_multiply: bool, n_node: exp.Expression) -> str:
    if intervals_multiply:
        return f"({date_sql} {op} ({n_sql}) * INTERVAL '1 day')"
    if isinstance(n_node, exp.Literal) and n_node.this.isdigit():
        return f"({date_sql} {op} INTERVAL {n_sql} DAY)"
    return f"({date_sql} {op} INTERVAL ROUND(({n_sql}) * 86400) SECOND)"


def day_arithmetic(node: exp.Add | exp.Sub, rw: Rewriter) -> exp.Expression | None:
    """Oracle counts dates in days: d1 - d2 is a number of days, d + n adds n days (n may be a
    fraction: 1/24 is an hour). Written with the target's intervals, value for value."""
    left, right = node.this, node.expression
    sub = isinstance(node, exp.Sub)
    pg = rw.profile.intervals_multiply
    if sub and is_date(left, rw) and is_date(right, rw):
        text = (f"(EXTRACT(EPOCH FROM ({rw.sql(left)} - {rw.sql(right)})) / 86400)" if pg else
                f"(TIMESTAMPDIFF(SECOND, {rw.sql(right)}, {rw.sql(left)}) / 86400)")
    elif is_date(left, rw) and is_numeric(right, rw):
        text = _add_days(rw.sql(left), rw.sql(right), "-" if sub else "+", pg, right)
    elif not sub and is_numeric(left, rw) and is_date(right, rw):
        text = _add_days(rw.sql(right), rw.sql(left), "+", pg, left)
    else:
        return None
    rw.problem("SQL019", f"Oracle day arithmetic {node.sql(dialect='oracle')} written as {text}")
    return sqlglot.parse_one(text, read=rw.profile.sqlglot)


def exact_division(node: exp.Div, rw: Rewriter) -> exp.Expression | None:
    """Oracle divides NUMBERs exactly; sqlglot's float cast would make ROUND(x, n) fail on PostgreSQL,
    and integer columns would truncate without a cast: numeric keeps Oracle's result."""
    if node.args.get("typed"):
        return None
    return exp.Div(this=exp.cast(rw.sub(node.this), "numeric"), expression=rw.sub(node.expression), typed=True,
                   safe=False)


def trunc_of_day_count(node: exp.DateTrunc, rw: Rewriter) -> exp.Expression | None:
    """TRUNC(SYSDATE - d): sqlglot reads a date truncation, but Oracle truncates the number of days."""
    inner = node.this
    while isinstance(inner, exp.Paren):
        inner = inner.this
    if not (isinstance(inner, exp.Sub) and is_date(inner.this, rw) and is_date(inner.expression, rw)):
        return None
    days = rw.sub(node.this)
    fn = rw.profile.trunc_function
    args = [days] if fn == "TRUNC" else [days, exp.Literal.number(0)]
    return exp.Anonymous(this=fn, expressions=args)


# -- TO_CHAR where the target has none ---------------------------------------------------------------

# Oracle datetime picture elements -> MySQL DATE_FORMAT (padded, FM); FM switches padding off
_PICTURE = [("YYYY", "%Y", "%Y"), ("YY", "%y", "%y"), ("MONTH", "%M", "%M"), ("MON", "%b", "%b"),
            ("MM", "%m", "%c"), ("DDD", "%j", "%j"), ("DD", "%d", "%e"), ("DAY", "%W", "%W"), ("DY", "%a", "%a"),
            ("HH24", "%H", "%k"), ("HH12", "%h", "%l"), ("HH", "%h", "%l"), ("MI", "%i", "%i"), ("SS", "%s", "%s"),
            ("AM", "%p", "%p"), ("PM", "%p", "%p"), ("IW", "%v", "%v"), ("Q", None, None), ("WW", None, None)]


def date_picture(picture: str) -> str | None:
    """An Oracle datetime picture as a MySQL DATE_FORMAT string, or None when an element has none."""
    out, i, fm = [], 0, False
    text = picture
    while i < len(text):
        if text[i] == '"':  # quoted literal text
            j = text.find('"', i + 1)
            if j < 0:
                return None
            out.append(text[i + 1:j].replace("%", "%%"))
            i = j + 1
            continue
        if text[i:i + 2].upper() == "FM":
            fm = True
            i += 2
            continue
        for element, padded, plain in _PICTURE:
            if text[i:i + len(element)].upper() == element:
                if padded is None:
                    return None  # no MySQL equivalent: leave it to the user
                out.append(plain if fm else padded)
                i += len(element)
                break
        else:
            if text[i].isalnum():
                return None
            out.append(text[i].replace("%", "%%"))
            i += 1
    return "".join(out)


def to_char_without_to_char(node: exp.ToChar, rw: Rewriter) -> exp.Expression | None:
    """TO_CHAR(x, 'fmt'): DATE_FORMAT with the same picture for dates, FORMAT(x, n) for grouped
    numbers ('FM999G990D00'); other pictures stay unconverted."""
    fmt = node.args.get("format")
    if not isinstance(fmt, exp.Literal) or not fmt.is_string:
        return None
    value = rw.sub(node.this)
    picture = fmt.this.upper()
    number = re.fullmatch(r"(FM)?[9,0]*[9G0]*(G[9,0]+)*(D(0+))?", picture)
    if number and ("G" in picture or "," in picture) and set(picture) <= set("FM90GD,."):
        decimals = len(picture.split("D")[1]) if "D" in picture else 0
        return exp.Anonymous(this="FORMAT", expressions=[value, exp.Literal.number(decimals)])
    converted = date_picture(fmt.this)
    if converted is None:
        return None
    return exp.Anonymous(this="DATE_FORMAT", expressions=[value, exp.Literal.string(converted)])


PREPASSES = [ansi_joins, derived_table_aliases, row_generators, rownum_paging, recursive_ctes]

REWRITES = [
    rewrite(exp.Column, pseudo_column),
    rewrite(exp.Column, rownum_left),
    rewrite((exp.Anonymous, exp.Func), trunc_of_date),
    rewrite((exp.Add, exp.Sub), day_arithmetic),
    rewrite(exp.DateStrToDate, date_literal),
    rewrite(exp.Div, exact_division, needs=lambda p: p.integer_division_truncates),
    rewrite(exp.ToChar, to_char_without_to_char, needs=lambda p: not p.has_to_char),
    rewrite(exp.DateTrunc, trunc_of_day_count),
]
