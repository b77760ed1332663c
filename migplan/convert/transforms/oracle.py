"""Oracle's own rewrites: pseudo-columns, (+) joins, CONNECT BY, day arithmetic on dates, exact
NUMBER division, TRUNC of dates and of day counts, TO_CHAR pictures where the target has no TO_CHAR."""

from __future__ import annotations

import re
import warnings

import sqlglot
from sqlglot import exp

from migplan.convert.transforms import GENERATED, Rewriter, rewrite
from migplan.convert.transforms.functions import builtins, call_args, first_line, func_name, is_number_literal

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
    return exp.cast(exp.Anonymous(this="DATE", expressions=[col]), exp.DataType.build("DATETIME"))


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


# -- TO_CHAR pictures --------------------------------------------------------------------------------

# Oracle datetime picture elements, longest first (a picture is read left to right, longest match)
_ELEMENTS = ("SYYYY", "IYYY", "YYYY", "RRRR", "YYY", "IYY", "YY", "IY", "RR", "MONTH", "MON", "MM", "RM",
             "DAY", "DDD", "DD", "DY", "D", "HH24", "HH12", "HH", "MI", "SSSSS", "SS", "FF", "A.M.", "P.M.", "AM",
             "PM", "IW", "WW", "W", "Q", "J", "CC", "SCC", "TZH", "TZM", "TZR", "TZD", "Y", "I", "X")
_SUFFIXES = ("TH", "SP")


def picture_tokens(picture: str) -> list[tuple[str, str]] | None:
    """An Oracle datetime picture as (kind, text) tokens: "fm", "element", "suffix", "text"
    (quoted or punctuation); None when a letter is not part of an element."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(picture):
        ch = picture[i]
        if ch == '"':
            j = picture.find('"', i + 1)
            if j < 0:
                return None
            out.append(("text", picture[i + 1:j]))
            i = j + 1
            continue
        up = picture[i:].upper()
        if up.startswith("FM"):
            out.append(("fm", picture[i:i + 2]))
            i += 2
            continue
        if up.startswith("FX"):
            i += 2
            continue
        kind = "suffix" if out and out[-1][0] == "element" and up.startswith(_SUFFIXES) else None
        if kind:
            out.append((kind, picture[i:i + 2]))
            i += 2
            continue
        element = next((e for e in _ELEMENTS if up.startswith(e)), None)
        if element:
            out.append(("element", picture[i:i + len(element)]))
            i += len(element)
            continue
        if ch.isalnum():
            return None
        out.append(("text", ch))
        i += 1
    return out


def to_char_picture(node: exp.ToChar, rw: Rewriter) -> exp.Expression | None:
    """Oracle's FM switches padding off for the rest of the picture (a second FM back on);
    PostgreSQL's FM applies to the next element only: FM goes before each element it covers."""
    fmt = node.args.get("format")
    if not isinstance(fmt, exp.Literal) or not fmt.is_string or "FM" not in fmt.this.upper():
        return None
    tokens = picture_tokens(fmt.this)
    if tokens is None:
        return None
    out, fm = [], False
    for kind, text in tokens:
        if kind == "fm":
            fm = not fm
        elif kind == "element":
            out.append(("FM" if fm else "") + text)
        elif kind == "suffix":
            out.append(text)
        else:
            out.append('"' + text + '"' if any(c.isalpha() for c in text) else text)
    return exp.ToChar(this=rw.sub(node.this), format=exp.Literal.string("".join(out)))


# NLS parameters of TO_CHAR / TO_DATE / TO_TIMESTAMP / TO_NUMBER: the value the targets always use
# (English names, '.' and ','), and when a picture reads the parameter at all
_NLS_NEUTRAL = {"NLS_DATE_LANGUAGE": {"AMERICAN", "ENGLISH"}, "NLS_NUMERIC_CHARACTERS": {".,"},
                "NLS_CALENDAR": {"GREGORIAN"}}
_NAME_ELEMENTS = {"MONTH", "MON", "DAY", "DY", "AM", "PM", "A.M.", "P.M."}
_NLS_SETTING = re.compile(r"(NLS_\w+)\s*=\s*('(?:[^']|'')*'|\"[^\"]*\"|[^\s'\"]+)", re.IGNORECASE)


def _names_in(node: exp.Expression) -> bool:
    """Whether the picture of a conversion writes or reads month/day names (or cannot be told)."""
    fmt = node.args.get("format")
    if not (isinstance(fmt, exp.Literal) and fmt.is_string):
        return True
    if isinstance(node, (exp.StrToDate, exp.StrToTime)):  # sqlglot has made it a strftime format
        return re.search(r"%[bBaAph]", fmt.this) is not None
    tokens = picture_tokens(fmt.this)
    return tokens is None or any(k == "element" and t.upper() in _NAME_ELEMENTS for k, t in tokens)


def _nls_read(name: str, node: exp.Expression) -> bool:
    """Whether the picture reads the setting ``name`` (conservatively: yes when unsure)."""
    fmt = node.args.get("format")
    picture = fmt.this.upper() if isinstance(fmt, exp.Literal) and fmt.is_string else None
    if name == "NLS_DATE_LANGUAGE":
        return _names_in(node)
    if picture is None:
        return True
    letters = {"NLS_NUMERIC_CHARACTERS": "DG", "NLS_CURRENCY": "L", "NLS_ISO_CURRENCY": "C",
               "NLS_DUAL_CURRENCY": "U"}.get(name)
    return letters is None or any(ch in picture for ch in letters)


def nls_parameter(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """TO_CHAR(x, fmt, 'NLS_DATE_LANGUAGE = ...'): the targets have no per-call language or number
    characters (PostgreSQL's TM names and D/G follow the session's lc_time / lc_numeric). The
    parameter goes when it asks for what the target writes anyway or the picture does not read it;
    otherwise the object is held back."""
    param = node.args.get("nlsparam")
    if param is None:
        return None
    func = {exp.ToChar: "TO_CHAR", exp.StrToDate: "TO_DATE", exp.StrToTime: "TO_TIMESTAMP"}.get(type(node),
                                                                                                "TO_NUMBER")
    settings = _NLS_SETTING.findall(param.this) if isinstance(param, exp.Literal) and param.is_string else []
    if not settings:
        rw.problem("SQL001", f"{func} with an NLS parameter that is not a literal: the target has no per-call "
                             "language or number characters")
        return None
    for name, value in settings:
        name, value = name.upper(), value.strip("'\"").replace("''", "'").upper()
        if value not in _NLS_NEUTRAL.get(name, ()) and _nls_read(name, node):
            rw.problem("SQL001", f"{func}(..., '{name}={value}'): the target writes and reads English names and "
                                 "'.' / ',' whatever the call asks (PostgreSQL follows the session's lc_time and "
                                 "lc_numeric, MySQL's lc_time_names): no per-call form")
            return None
    out = node.copy()
    out.set("nlsparam", None)
    return rw.sub(out)


# element -> (DATE_FORMAT code or SQL with {d}, padded) for (padded, FM); names are handled apart
_MYSQL_ELEMENTS = {"YYYY": ("%Y", "%Y"), "RRRR": ("%Y", "%Y"), "YY": ("%y", "%y"), "RR": ("%y", "%y"),
                   "MM": ("%m", "%c"), "DDD": ("%j", "{DAYOFYEAR}"), "DD": ("%d", "%e"), "HH24": ("%H", "%k"),
                   "HH12": ("%h", "%l"), "HH": ("%h", "%l"), "MI": ("%i", "{MINUTE}"), "SS": ("%s", "{SECOND}"),
                   "IW": ("%v", "{ISOWEEK}"), "Q": ("{QUARTER}", "{QUARTER}"), "WW": ("{WEEK2}", "{WEEK}")}
_MYSQL_CALLS = {"DAYOFYEAR": "CAST(DAYOFYEAR({d}) AS CHAR)", "MINUTE": "CAST(MINUTE({d}) AS CHAR)",
                "SECOND": "CAST(SECOND({d}) AS CHAR)", "ISOWEEK": "CAST(WEEK({d}, 3) AS CHAR)",
                "QUARTER": "CAST(QUARTER({d}) AS CHAR)", "WEEK": "CAST(FLOOR((DAYOFYEAR({d}) - 1) / 7) + 1 AS CHAR)",
                "WEEK2": "LPAD(FLOOR((DAYOFYEAR({d}) - 1) / 7) + 1, 2, '0')"}
# names: element -> (DATE_FORMAT code, width when padded)
_MYSQL_NAMES = {"MONTH": ("%M", 9), "MON": ("%b", 0), "DAY": ("%W", 9), "DY": ("%a", 0), "AM": ("%p", 0),
                "PM": ("%p", 0)}


def mysql_picture(picture: str) -> list[str] | None:
    """An Oracle datetime picture as MySQL pieces: DATE_FORMAT strings (prefixed '%') and SQL
    templates with {d}; None when an element has no MySQL form."""
    tokens = picture_tokens(picture)
    if tokens is None:
        return None
    pieces: list[str] = []
    fm = False

    def fmt(code: str) -> None:
        if pieces and pieces[-1].startswith("%"):
            pieces[-1] += code
        else:
            pieces.append("%" + code)

    for kind, text in tokens:
        up = text.upper()
        if kind == "fm":
            fm = not fm
        elif kind == "text":
            fmt(text.replace("%", "%%"))
        elif kind == "suffix":
            return None
        elif up in _MYSQL_NAMES:
            code, width = _MYSQL_NAMES[up]
            sql = f"DATE_FORMAT({{d}}, '{code}')"
            if text[0].isupper() and (len(text) == 1 or text[1].isupper()):
                sql = f"UPPER({sql})" if up not in ("AM", "PM") else sql
            elif text[0].islower():
                sql = f"LOWER({sql})"
            if width and not fm:
                sql = f"RPAD({sql}, {width}, ' ')"
            pieces.append(sql)
        elif up in _MYSQL_ELEMENTS:
            code = _MYSQL_ELEMENTS[up][1 if fm else 0]
            if code.startswith("{"):
                pieces.append(_MYSQL_CALLS[code.strip("{}")])
            else:
                fmt(code)
        else:
            return None
    return pieces


def to_char_without_to_char(node: exp.ToChar, rw: Rewriter) -> exp.Expression | None:
    """TO_CHAR(x, 'fmt'): DATE_FORMAT pieces for dates (names padded and cased as Oracle writes
    them), FORMAT(x, n) for grouped numbers ('FM999G990D00'); other pictures stay unconverted."""
    fmt = node.args.get("format")
    if not isinstance(fmt, exp.Literal) or not fmt.is_string:
        return None
    value = rw.sql(node.this)
    picture = fmt.this.upper()
    number = re.fullmatch(r"(FM)?[9,0]*[9G0]*(G[9,0]+)*(D(0+))?", picture)
    if number and ("G" in picture or "," in picture) and set(picture) <= set("FM90GD,."):
        decimals = len(picture.split("D")[1]) if "D" in picture else 0
        return exp.Anonymous(this="FORMAT", expressions=[rw.sub(node.this), exp.Literal.number(decimals)])
    pieces = mysql_picture(fmt.this)
    if not pieces:
        return None
    parts = [f"DATE_FORMAT({value}, {rw.profile.string(p[1:])})" if p.startswith("%") else p.format(d=value)
             for p in pieces]
    text = parts[0] if len(parts) == 1 else f"CONCAT({', '.join(parts)})"
    return sqlglot.parse_one(text, read=rw.profile.sqlglot)


# -- '' is NULL, || and CONCAT skip NULLs ------------------------------------------------------------

# parents whose '' Oracle reads the way the targets read '' (REPLACE(s, x, NULL) removes x, a NULL
# operand of || is skipped, LISTAGG without a delimiter joins with nothing)
_EMPTY_KEEPS = (exp.DPipe, exp.Concat, exp.ConcatWs, exp.GroupConcat, exp.Replace)


def empty_string_is_null(node: exp.Literal, rw: Rewriter) -> exp.Expression | None:
    """Oracle stores and compares '' as NULL: NVL('', x) is x, s <> '' is never true."""
    if not (node.is_string and node.this == "") or rw.context != "query" or isinstance(node.parent, _EMPTY_KEEPS) \
            or node.meta.get(GENERATED):
        return None
    if isinstance(node.parent, exp.Anonymous) and func_name(node.parent) == "REPLACE":
        return None
    return exp.Null()


def _operands(node: exp.Expression) -> list[exp.Expression]:
    if isinstance(node, exp.DPipe):
        return _operands(node.this) + _operands(node.expression)
    if isinstance(node, exp.Paren) and isinstance(node.this, exp.DPipe):
        return _operands(node.this)
    return [node]


def _char_length(node: exp.Expression, rw: Rewriter) -> int | None:
    """The declared length of a CHAR column (Oracle keeps its blanks when it is concatenated)."""
    if not isinstance(node, exp.Column):
        return None
    spec = rw.columns.get(str(node.name).upper())
    if spec is None or spec.base.upper() not in ("CHAR", "NCHAR", "CHARACTER"):
        return None
    return spec.param_int(0) or 1


def as_text(node: exp.Expression, rw: Rewriter) -> exp.Expression:
    """An operand of || as Oracle turns it into text: numbers in TO_CHAR's shortest form, CHAR values
    with their blanks."""
    if is_numeric(node, rw) and not (isinstance(node, exp.Literal) and node.is_string):
        return number_text(node, rw)
    width = _char_length(node, rw)
    if width is not None:
        return exp.func("RPAD", rw.sub(node), exp.Literal.number(width), exp.Literal.string(" "))
    return rw.sub(node)


def concatenation(node: exp.DPipe | exp.Concat, rw: Rewriter) -> exp.Expression | None:
    """a || b and CONCAT(a, b) skip NULL operands in Oracle, and an empty result is NULL: concat()
    on PostgreSQL and CONCAT_WS('', ...) on MySQL skip NULLs, NULLIF(..., '') gives the NULL. Only in
    queries: PostgreSQL's concat() is not immutable (generated columns and index keys keep ||)."""
    if rw.context != "query":
        return None
    operands = _operands(node) if isinstance(node, exp.DPipe) else list(node.expressions)
    parts = [as_text(o, rw) for o in operands if not (isinstance(o, exp.Literal) and o.is_string and o.this == "")]
    if not parts:
        return exp.Null()
    if rw.profile.concat_skips_null:
        out: exp.Expression = exp.Anonymous(this="CONCAT", expressions=parts)
    else:
        out = exp.Anonymous(this="CONCAT_WS", expressions=[exp.Literal.string(""), *parts])
    if any(isinstance(o, exp.Literal) and o.is_string and o.this for o in operands):
        return out  # a non-empty literal: never empty, never NULL
    return exp.Nullif(this=out, expression=exp.Literal.string(""))


# -- TO_CHAR(number): the shortest form ------------------------------------------------------------


def _scale(node: exp.Expression, rw: Rewriter) -> str:
    """'none' (an integer), 'some' (decimals always written) or 'unknown'."""
    if isinstance(node, exp.Literal):
        return "some" if "." in node.this else "none"
    if isinstance(node, exp.Column):
        spec = rw.columns.get(str(node.name).upper())
        if spec is not None and spec.base.upper() in ("NUMBER", "DECIMAL", "NUMERIC") and spec.params:
            scale = spec.param_int(1) or 0
            return "some" if scale > 0 else "none"
        if spec is not None and spec.base.upper() in ("INTEGER", "INT", "SMALLINT"):
            return "none"
    return "unknown"


def number_text(node: exp.Expression, rw: Rewriter) -> exp.Expression:
    """A number as TO_CHAR(n) writes it: no trailing zeros, no leading zero before the point (0.5 is
    '.5'), integers without a point."""
    value = rw.sql(node)
    if rw.profile.has_trim_scale:
        text = f"REGEXP_REPLACE(CAST(TRIM_SCALE(CAST({value} AS NUMERIC)) AS TEXT), '^(-?)0[.]', '\\1.')"
        return sqlglot.parse_one(text, read=rw.profile.sqlglot)
    scale = _scale(node, rw)
    digits = f"CAST(ABS({value}) AS CHAR)"
    if scale == "none":
        return sqlglot.parse_one(f"CAST({value} AS CHAR)", read=rw.profile.sqlglot)
    trimmed = f"TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM {digits}))"
    if scale == "unknown":
        trimmed = f"IF(LOCATE('.', {digits}) > 0, {trimmed}, {digits})"
    text = f"CONCAT(IF({value} < 0, '-', ''), IF({trimmed} LIKE '0.%', SUBSTRING({trimmed}, 2), {trimmed}))"
    return sqlglot.parse_one(text, read=rw.profile.sqlglot)


def to_char_number(node: exp.ToChar, rw: Rewriter) -> exp.Expression | None:
    if node.args.get("format") is not None or not is_numeric(node.this, rw):
        return None
    return number_text(node.this, rw)


# -- string functions --------------------------------------------------------------------------------

_MAY_BE_EMPTY = (exp.Replace, exp.Trim, exp.Substring, exp.RegexpReplace, exp.RegexpExtract, exp.RegexpSubstr,
                 exp.Translate, exp.Pad)
_WRAPPED = "oracle_nullif"


def empty_result_is_null(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """A string function whose result is '' returns NULL in Oracle (REPLACE(s, s), TRIM('  '),
    SUBSTR past the end): NULLIF(f(...), '') in queries. The call itself goes through the other
    rewrites first."""
    if rw.context != "query" or node.meta.get(_WRAPPED):
        return None
    inner = node.copy()
    inner.meta[_WRAPPED] = True
    return exp.Nullif(this=rw.sub(inner), expression=exp.Literal.string(""))


def replace_two_arguments(node: exp.Replace, rw: Rewriter) -> exp.Expression | None:
    """REPLACE(s, x) removes x: both targets need the third argument."""
    if node.args.get("replacement") is not None:
        return None
    return exp.Replace(this=rw.sub(node.this), expression=rw.sub(node.expression),
                       replacement=exp.Literal.string(""))


def substr_start(node: exp.Substring, rw: Rewriter) -> exp.Expression | None:
    """SUBSTR(s, 0) starts at 1, SUBSTR(s, -n) n characters from the end (NULL when s is shorter):
    PostgreSQL counts a start <= 0 from before the string, MySQL returns '' for 0."""
    start = node.args.get("start")
    if start is None:
        return None
    value = _literal_int(start)
    if value is not None and value > 0:
        return None
    s = rw.sub(node.this)
    length = node.args.get("length")
    n = rw.sub(length) if length is not None else None
    if n is not None and _literal_int(length) is None and not rw.profile.substring_counts_from_end:
        n = exp.func("GREATEST", n, exp.Literal.number(0))  # a negative length is an error on PostgreSQL

    def call(pos: exp.Expression) -> exp.Expression:
        return exp.Substring(this=s.copy(), start=pos, length=n.copy() if n is not None else None)

    if value == 0:
        return call(exp.Literal.number(1))
    if rw.profile.substring_counts_from_end:
        if value is not None:
            return None
        p = rw.sub(start)
        return call(exp.Case(ifs=[exp.If(this=exp.EQ(this=p, expression=exp.Literal.number(0)),
                                         true=exp.Literal.number(1))], default=p.copy()))
    size = exp.Length(this=s.copy())
    if value is not None:  # CASE WHEN LENGTH(s) >= n THEN SUBSTRING(s, LENGTH(s) - n + 1 ...) END
        back = exp.Literal.number(-value)
        return exp.Case(ifs=[exp.If(this=exp.GTE(this=size, expression=back),
                                    true=call(exp.Add(this=exp.Sub(this=size.copy(), expression=back.copy()),
                                                      expression=exp.Literal.number(1))))])
    p = rw.sub(start)
    pos = exp.Case(ifs=[exp.If(this=exp.GT(this=p, expression=exp.Literal.number(0)), true=p.copy()),
                        exp.If(this=exp.EQ(this=p.copy(), expression=exp.Literal.number(0)),
                               true=exp.Literal.number(1))],
                   default=exp.Add(this=exp.Add(this=size.copy(), expression=p.copy()),
                                   expression=exp.Literal.number(1)))
    short = exp.and_(exp.LT(this=p.copy(), expression=exp.Literal.number(0)),
                     exp.LT(this=size.copy(), expression=exp.Neg(this=p.copy())))
    return exp.Case(ifs=[exp.If(this=short, true=exp.Null())], default=call(pos))


def _literal_int(node: exp.Expression | None) -> int | None:
    if node is None:
        return None
    neg = False
    while isinstance(node, (exp.Paren, exp.Neg)):
        neg ^= isinstance(node, exp.Neg)
        node = node.this
    if isinstance(node, exp.Literal) and not node.is_string and node.this.lstrip("-").isdigit():
        return -int(node.this) if neg else int(node.this)
    return None


def _bordered(text: str) -> bool:
    """Whether occurrences of ``text`` can overlap ('aa', 'aba'): counting them then differs."""
    return any(text[:k] == text[-k:] for k in range(1, len(text)))


def instr_occurrence(node: exp.StrPosition, rw: Rewriter) -> exp.Expression | None:
    """INSTR(s, sub, pos, n): the n-th occurrence from pos, searching backwards from the end for a
    negative pos. Written with the string split at sub (SUBSTRING_INDEX / string_to_array), which
    counts the occurrences that do not overlap: a sub whose occurrences can overlap is held back."""
    pos_node, occ_node = node.args.get("position"), node.args.get("occurrence")
    pos = _literal_int(pos_node) if pos_node is not None else 1
    occ = _literal_int(occ_node) if occ_node is not None else 1
    if pos_node is None and occ_node is None:
        return None
    sub = node.args.get("substr")
    if pos is None or occ is None or not (isinstance(sub, exp.Literal) and sub.is_string):
        rw.problem("SQL001", "INSTR with a position or occurrence that is not a number literal, or a searched "
                             "value that is not a string literal: no faithful form is written")
        return None
    if pos > 0 and occ == 1:
        return None  # sqlglot's POSITION / LOCATE form is right
    if occ < 1 or pos == 0 or not sub.this:
        return exp.Null() if occ < 1 or not sub.this else exp.Literal.number(0)
    if _bordered(sub.this):
        rw.problem("SQL001", f"INSTR(..., '{sub.this}', {pos}, {occ}): occurrences of '{sub.this}' can overlap; "
                             "Oracle counts them, the target's string splitting does not")
        return None
    s = rw.sql(node.this)
    m = len(sub.this)
    if pos > 0:
        text, start = sub.this, pos
        haystack = f"SUBSTRING({s}, {pos})"
    else:
        text, start = sub.this[::-1], max(1, -pos - m + 1)
        haystack = f"SUBSTRING(REVERSE({s}), {start})"
    lit = rw.profile.string(text)
    if rw.profile.family == "mysql":
        prefix = f"SUBSTRING_INDEX({haystack}, {lit}, {occ})"
    else:
        prefix = f"ARRAY_TO_STRING((STRING_TO_ARRAY({haystack}, {lit}))[1:{occ}], {lit})"
    count = f"(CHAR_LENGTH({haystack}) - CHAR_LENGTH(REPLACE({haystack}, {lit}, ''))) / {m}"
    found = f"CHAR_LENGTH({prefix}) + {start}"
    where = found if pos > 0 else f"CHAR_LENGTH({s}) - ({found}) - {m} + 2"
    return sqlglot.parse_one(f"CASE WHEN {s} IS NULL THEN NULL WHEN {count} >= {occ} THEN {where} ELSE 0 END",
                             read=rw.profile.sqlglot)


# what makes a match depend on the text before it (anchors, word boundaries, lookbehind, flags)
_LEFT_CONTEXT = re.compile(r"\^|\\[bBAG<>]|\(\?")
_MAX_OCCURRENCE = 3  # each step repeats the text before it three times


def _matches_alone(pattern: str) -> bool:
    """Whether a match of ``pattern`` is the same wherever the text around it is cut off: nothing
    looks left of the match, and the match is never empty (an empty match would not move on)."""
    if _LEFT_CONTEXT.search(pattern.replace("[^", "[")):
        return False
    try:
        with warnings.catch_warnings():  # POSIX classes ([[:alpha:]]) read as nested sets in Python
            warnings.simplefilter("ignore")
            return re.fullmatch(pattern, "") is None
    except re.error:
        return False


def regexp_substr_occurrence(node: exp.RegexpSubstr, rw: Rewriter) -> exp.Expression | None:
    """REGEXP_SUBSTR(s, p, pos, n) where the target only takes (s, p): the n-th match is the first
    match of what follows the (n-1)-th, which is the same match when nothing in p looks at the text
    before it. Other shapes keep the four arguments (MySQL 8.0 takes them)."""
    pos_node, occ_node = node.args.get("position"), node.args.get("occurrence")
    if (pos_node is None and occ_node is None) or node.args.get("parameters") is not None \
            or node.args.get("group") is not None:
        return None
    pos = _literal_int(pos_node) if pos_node is not None else 1
    occ = _literal_int(occ_node) if occ_node is not None else 1
    pattern = node.expression
    if pos is None or occ is None or pos < 1 or not 1 <= occ <= _MAX_OCCURRENCE \
            or not (isinstance(pattern, exp.Literal) and pattern.is_string and _matches_alone(pattern.this)):
        return None
    p = rw.sub(pattern)
    rest = rw.sub(node.this)
    if pos > 1:
        rest = exp.Substring(this=rest, start=exp.Literal.number(pos))
    for _ in range(occ - 1):  # cut after the first match (no match: NULL on MySQL 8.0, '' on MariaDB)
        end = exp.Add(this=exp.RegexpInstr(this=rest.copy(), expression=p.copy()),
                      expression=exp.Length(this=exp.RegexpSubstr(this=rest.copy(), expression=p.copy())))
        rest = exp.Substring(this=rest, start=end)
    return exp.RegexpSubstr(this=rest, expression=p.copy())


def greatest_least_null(node: exp.Greatest | exp.Least, rw: Rewriter) -> exp.Expression | None:
    """GREATEST/LEAST are NULL when an argument is NULL in Oracle; PostgreSQL skips NULLs."""
    args = [node.this, *node.expressions]
    nullable = [a for a in args if not isinstance(a, exp.Literal)]
    if not nullable:
        return None
    out = type(node)(this=rw.sub(node.this), expressions=[rw.sub(a) for a in node.expressions])
    test = exp.or_(*[exp.Is(this=rw.sub(a), expression=exp.Null()) for a in nullable])
    return exp.Case(ifs=[exp.If(this=test, true=exp.Null())], default=out)


def trim_set(node: exp.Trim, rw: Rewriter) -> exp.Expression | None:
    """LTRIM(s, 'ab') / RTRIM(s, 'ab') remove any of the characters: MySQL's TRIM removes the string
    'ab', so a regular expression (case-sensitive, as Oracle compares) does it."""
    chars = node.expression
    position = str(node.args.get("position") or "").upper()
    if position not in ("LEADING", "TRAILING") or not (isinstance(chars, exp.Literal) and chars.is_string) \
            or len(chars.this) < 2:
        return None
    if "\\" in chars.this:
        rw.problem("SQL001", "LTRIM/RTRIM with a backslash in the set of characters: no MySQL form is written")
        return None
    unique = "".join(dict.fromkeys(chars.this))
    body = ("]" if "]" in unique else "") + unique.replace("]", "").replace("-", "").replace("^", "") + \
        ("^" if "^" in unique else "") + ("-" if "-" in unique else "")
    pattern = f"(?-i)^[{body}]+" if position == "LEADING" else f"(?-i)[{body}]+$"
    return exp.Anonymous(this="REGEXP_REPLACE", expressions=[rw.sub(node.this), exp.Literal.string(pattern),
                                                              exp.Literal.string("")])


def missing_function(node: exp.Expression, rw: Rewriter) -> None:
    """INITCAP, TRANSLATE: sqlglot copies them; a target without them would fail on the view."""
    name = func_name(node)
    if name and name not in builtins(rw.profile.family) and name not in rw.converter.routines:
        rw.problem("SQL001", f"{name}() has no {rw.profile.display} equivalent and no faithful rewrite")
    return None


def text_compared_with_number(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """varchar = 10: Oracle converts the text to a number; PostgreSQL refuses text = integer."""
    left, right = node.this, node.expression
    for col, other, first in ((left, right, True), (right, left, False)):
        spec = rw.columns.get(str(col.name).upper()) if isinstance(col, exp.Column) else None
        if spec is None or spec.base.upper() not in ("VARCHAR2", "VARCHAR", "CHAR", "NVARCHAR2", "NCHAR", "CLOB"):
            continue
        if not (is_numeric(other, rw) and not (isinstance(other, exp.Literal) and other.is_string)):
            continue
        number = exp.cast(rw.sub(col), exp.DataType.build("NUMERIC"))
        pair = (number, rw.sub(other)) if first else (rw.sub(other), number)
        return type(node)(this=pair[0], expression=pair[1])
    return None


# -- dates (2) ---------------------------------------------------------------------------------------

_WEEKDAYS = ("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY")


def next_day(node: exp.NextDay, rw: Rewriter) -> exp.Expression | None:
    """NEXT_DAY(d, 'MONDAY'): the first Monday after d, time kept. The day name must be a literal in
    English (NLS_DATE_LANGUAGE AMERICAN), in full or abbreviated."""
    day = node.expression
    name = day.this.strip().upper() if isinstance(day, exp.Literal) and day.is_string else ""
    found = [i for i, w in enumerate(_WEEKDAYS) if len(name) >= 2 and w.startswith(name)]
    if len(found) != 1:
        rw.problem("SQL001", f"NEXT_DAY with the day {day.sql(dialect='oracle')}: only an English day name literal "
                             "is rewritten")
        return None
    d = rw.sql(node.this)
    n = found[0]  # 0 = Sunday, as EXTRACT(DOW) counts; DAYOFWEEK counts from 1
    if rw.profile.intervals_multiply:
        text = f"({d} + ((({n} - CAST(EXTRACT(DOW FROM {d}) AS INT) + 6) % 7) + 1) * INTERVAL '1 day')"
    else:
        text = f"DATE_ADD({d}, INTERVAL ((({n + 1} - DAYOFWEEK({d}) + 6) % 7) + 1) DAY)"
    return sqlglot.parse_one(text, read=rw.profile.sqlglot)


def round_of_date(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """ROUND(date): midnight of the nearest day (noon goes up). Other units are held back."""
    if func_name(node) != "ROUND":
        return None
    args = call_args(node)
    if not args or not is_date(args[0], rw):
        return None
    if len(args) > 1:
        unit = args[1]
        if not (isinstance(unit, exp.Literal) and unit.is_string and unit.this.upper() in ("DD", "DDD", "J")):
            rw.problem("SQL001", f"ROUND(date, {unit.sql(dialect='oracle')}): only ROUND to the day is rewritten")
            return None
    d = rw.sql(args[0])
    if rw.profile.has_date_trunc:
        text = f"DATE_TRUNC('day', {d} + INTERVAL '12 hours')"
    else:
        text = f"CAST(DATE(DATE_ADD({d}, INTERVAL 12 HOUR)) AS DATETIME)"
    return sqlglot.parse_one(text, read=rw.profile.sqlglot)


def trunc_keeps_time_type(node: exp.DateTrunc, rw: Rewriter) -> exp.Expression | None:
    """TRUNC(date, 'MM') is an Oracle DATE (a datetime at midnight); MySQL's forms return a date."""
    if node.meta.get(_WRAPPED):
        return None
    inner = node.copy()
    inner.meta[_WRAPPED] = True
    return exp.cast(rw.sub(inner), exp.DataType.build("DATETIME"))


def trunc_of_number(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """TRUNC(x [, n]) of a number (a day count d2 - d1 included) where the target spells it TRUNCATE."""
    if func_name(node) != "TRUNC" or rw.profile.trunc_function == "TRUNC":
        return None
    args = call_args(node)
    if not args or len(args) > 2 or is_date(args[0], rw):
        return None
    inner = args[0]
    while isinstance(inner, exp.Paren):
        inner = inner.this
    days = isinstance(inner, exp.Sub) and is_date(inner.this, rw) and is_date(inner.expression, rw)
    if not (days or is_numeric(args[0], rw)):
        return None
    places = rw.sub(args[1]) if len(args) == 2 else exp.Literal.number(0)
    return exp.Anonymous(this=rw.profile.trunc_function, expressions=[rw.sub(args[0]), places])


def to_date_with_time(node: exp.StrToDate, rw: Rewriter) -> exp.Expression | None:
    """TO_DATE(s, 'YYYY-MM-DD HH24:MI') keeps the time; PostgreSQL's to_date drops it: to_timestamp,
    as a timestamp without time zone (an Oracle DATE)."""
    fmt = node.args.get("format")  # sqlglot holds the picture in strftime form
    if not (isinstance(fmt, exp.Literal) and fmt.is_string and re.search(r"%[HIMSpfkl]", fmt.this)):
        return None
    call = exp.StrToTime(this=rw.sub(node.this), format=fmt.copy())
    return exp.cast(call, exp.DataType.build("TIMESTAMP"))


def extract_second_fraction(node: exp.Extract, rw: Rewriter) -> exp.Expression | None:
    """EXTRACT(SECOND FROM ts) has the fraction of a second in Oracle; MySQL's has not."""
    if str(node.this.name).upper() != "SECOND":
        return None
    ts = rw.sql(node.expression)
    return sqlglot.parse_one(f"(EXTRACT(SECOND FROM {ts}) + EXTRACT(MICROSECOND FROM {ts}) * 0.000001)",
                             read=rw.profile.sqlglot)


# -- aggregates and windows --------------------------------------------------------------------------


def listagg_separator(node: exp.GroupConcat, rw: Rewriter) -> exp.Expression | None:
    """LISTAGG(x) without a delimiter joins with nothing (sqlglot writes ',')."""
    if node.args.get("separator") is not None:
        return None
    out = node.copy()
    out.set("separator", exp.Literal.string(""))
    out.set("this", rw.sub(node.this))
    return out


def keep_first_last(node: exp.Window, rw: Rewriter) -> exp.Expression | None:
    """MAX(x) KEEP (DENSE_RANK FIRST ORDER BY k): MAX of x over the rows ranked first by k. For
    MIN/MAX, PostgreSQL's (array_agg(x ORDER BY k, x))[1] is that row's x; other shapes are held back."""
    if str(node.args.get("over") or "").upper() != "KEEP":
        return None
    agg = node.this
    order = node.args.get("order")
    usable = rw.profile.has_arrays and isinstance(agg, (exp.Max, exp.Min)) and order is not None \
        and not node.args.get("partition_by")
    if not usable:
        rw.problem("SQL001", f"{func_name(agg) or 'aggregate'}(...) KEEP (DENSE_RANK FIRST/LAST ...) has no "
                             f"{rw.profile.display} form here: rewrite it with a ranked subquery")
        return None
    last = node.args.get("first") is False
    keys = []
    for key in order.expressions:
        k = key.copy()
        k.set("this", rw.sub(key.this))
        if last:  # DENSE_RANK LAST: the last rows of that order come first
            k.set("desc", not key.args.get("desc"))
            k.set("nulls_first", not key.args.get("nulls_first"))
        keys.append(k)
    # among the tied rows, the aggregate's own choice: the largest (MAX) or smallest (MIN) x, NULLs last
    keys.append(exp.Ordered(this=rw.sub(agg.this), desc=isinstance(agg, exp.Max), nulls_first=False))
    arr = exp.ArrayAgg(this=exp.Order(this=rw.sub(agg.this), expressions=keys))
    # read back in the target's dialect: sqlglot keeps array subscripts 0-based inside
    return sqlglot.parse_one(f"({arr.sql(dialect=rw.profile.sqlglot)})[1]", read=rw.profile.sqlglot)


def ratio_to_report(node: exp.Window, rw: Rewriter) -> exp.Expression | None:
    """RATIO_TO_REPORT(x) OVER (...) is x / SUM(x) OVER (...), exactly."""
    fn = node.this
    if func_name(fn) != "RATIO_TO_REPORT" or len(call_args(fn)) != 1 or node.args.get("order"):
        return None
    x = call_args(fn)[0]
    total = node.copy()
    total.set("this", exp.Sum(this=x.copy()))
    # PostgreSQL: numeric, exact; MySQL divides decimals to 4 more places only: a double keeps 15 digits
    to = "NUMERIC" if rw.profile.integer_division_truncates else "DOUBLE"
    return exp.Div(this=exp.cast(rw.sub(x), exp.DataType.build(to)),
                   expression=rw.sub(total), typed=True, safe=False)


def window_null_order(node: exp.Window, rw: Rewriter) -> exp.Expression | None:
    """Oracle sorts NULLs last ascending; in a window ORDER BY, MySQL sorts them first and sqlglot
    cannot write NULLS LAST there for value functions (FIRST_VALUE, LAST_VALUE, NTH_VALUE): a
    leading CASE WHEN k IS NULL key does it (same peers, so the frames are the same)."""
    from sqlglot.dialects.dialect import Dialect

    order = node.args.get("order")
    if order is None or node.meta.get(_WRAPPED) or not isinstance(node.this, (exp.FirstValue, exp.LastValue,
                                                                              exp.NthValue)):
        return None
    spec = node.args.get("spec")
    if spec is not None and str(spec.args.get("kind") or "").upper() == "RANGE" and len(order.expressions) == 1:
        start = str(spec.args.get("start") or "").upper()
        if start not in ("UNBOUNDED", "CURRENT ROW"):
            return None  # RANGE n PRECEDING needs a single key
    small = Dialect.get_or_raise(rw.profile.sqlglot).NULL_ORDERING == "nulls_are_small"
    keys = []
    for key in order.expressions:
        desc = bool(key.args.get("desc"))
        nulls_first = bool(key.args.get("nulls_first"))
        target_first = small != desc  # where the target puts NULLs for this direction
        k = key.copy()
        k.set("nulls_first", target_first)
        if nulls_first != target_first:
            flag = exp.Case(ifs=[exp.If(this=exp.Is(this=key.this.copy(), expression=exp.Null()),
                                        true=exp.Literal.number(0 if nulls_first else 1))],
                            default=exp.Literal.number(1 if nulls_first else 0))
            keys.append(exp.Ordered(this=flag, desc=False, nulls_first=small))
        keys.append(k)
    out = node.copy()
    out.set("order", exp.Order(expressions=keys))
    out.meta[_WRAPPED] = True
    return rw.sub(out)


# -- aggregates and functions whose Oracle meaning differs -------------------------------------------

_SPREAD_DONE = "oracle_spread_done"


def one_row_spread(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """VARIANCE(x) and STDDEV(x) are 0 for a single row in Oracle (VAR_SAMP / STDDEV_SAMP, and the
    targets' functions, give NULL): CASE WHEN COUNT(x) = 1 THEN 0 ELSE VAR_SAMP(x) END, with the
    same OVER clause for the analytic form. VARIANCE and VAR_SAMP are one sqlglot class: the
    source's spelling tells them apart."""
    window = node if isinstance(node, exp.Window) else None
    fn = node.this if window is not None else node
    if node.meta.get(_SPREAD_DONE) or (window is None and isinstance(node.parent, exp.Window)):
        return None
    if isinstance(fn, exp.Variance):
        if rw.spelled(fn) != "VARIANCE":
            return None
        sample: exp.Expression = exp.Variance(this=fn.this.copy())
    elif isinstance(fn, exp.Stddev):
        sample = exp.StddevSamp(this=fn.this.copy())
    else:
        return None
    count: exp.Expression = exp.Count(this=fn.this.copy())
    if window is not None:
        count, sample = (_over(window, f) for f in (count, sample))
    sample.meta[_SPREAD_DONE] = True
    return rw.sub(exp.Case(ifs=[exp.If(this=exp.EQ(this=count, expression=exp.Literal.number(1)),
                                       true=exp.Literal.number(0))], default=sample))


def _over(window: exp.Window, fn: exp.Expression) -> exp.Window:
    out = window.copy()
    out.set("this", fn)
    out.meta[_SPREAD_DONE] = True
    return out


def char_length(node: exp.Length, rw: Rewriter) -> exp.Expression | None:
    """LENGTH of a CHAR(n) column is n in Oracle (the value keeps its blanks); the targets strip
    them (PostgreSQL's char semantics, MySQL's retrieval)."""
    width = _char_length(node.this, rw)
    if width is None or rw.context != "query":
        return None
    return exp.Case(ifs=[exp.If(this=exp.Is(this=rw.sub(node.this), expression=exp.Null()), true=exp.Null())],
                    default=exp.Literal.number(width))


_TEXT_TYPES = (exp.DataType.Type.VARCHAR, exp.DataType.Type.NVARCHAR, exp.DataType.Type.CHAR,
               exp.DataType.Type.NCHAR, exp.DataType.Type.TEXT)
_CAST_DONE = "oracle_cast_done"


def number_cast_to_text(node: exp.Cast, rw: Rewriter) -> exp.Expression | None:
    """CAST(n AS VARCHAR2(k)) writes the number as TO_CHAR(n) does (10.50 is '10.5'); the targets
    keep the column's scale."""
    if node.meta.get(_CAST_DONE) or node.meta.get(GENERATED) or node.to.this not in _TEXT_TYPES \
            or not is_numeric(node.this, rw) or rw.context != "query":
        return None
    probe = node.copy()
    probe.meta[_CAST_DONE] = True
    typed = rw.rewrite(probe)  # the type through the type map
    if not isinstance(typed, exp.Cast):
        return None
    typed.set("this", number_text(node.this, rw))
    return typed


def chr_code(node: exp.Chr, rw: Rewriter) -> exp.Expression | None:
    """CHR(n) is the character whose bytes in the database character set are n: the same character
    as the targets' for an ASCII code (MySQL needs USING to return text, not bytes); other codes
    depend on the source's character set."""
    if rw.context != "query":
        return None
    codes = node.expressions
    n = _literal_int(codes[0]) if len(codes) == 1 else None
    if n is None or not 0 < n < 128 or node.args.get("charset"):
        rw.problem("SQL001", f"{node.sql(dialect='oracle')}: CHR of a code outside ASCII (or not a literal) "
                             "reads the code as bytes in the Oracle database character set; the targets "
                             "take a code point (PostgreSQL) or bytes of utf8mb4 (MySQL)")
        return None
    if rw.profile.family != "mysql":
        return None
    return sqlglot.parse_one(f"CHAR({n} USING utf8mb4)", read="mysql")


def ordered_set_aggregate(node: exp.Expression, rw: Rewriter) -> None:
    """MEDIAN / PERCENTILE_CONT / PERCENTILE_DISC: MySQL has no percentile aggregate (MariaDB only
    as a window function)."""
    rw.problem("SQL001", f"{type(node).__name__.upper()}: {rw.profile.display} has no percentile aggregate")


def mod_by_zero(node: exp.Mod, rw: Rewriter) -> exp.Expression | None:
    """MOD(m, 0) is m in Oracle (an error on PostgreSQL, NULL on MySQL)."""
    from migplan.convert.rownum import _number

    divisor = _number(node.expression)
    if divisor is not None and divisor != 0:
        return None
    m, n = rw.sub(node.this), rw.sub(node.expression)
    return exp.Case(ifs=[exp.If(this=exp.EQ(this=n, expression=exp.Literal.number(0)), true=m)],
                    default=exp.Mod(this=m.copy(), expression=n.copy()))


PREPASSES = [ansi_joins, derived_table_aliases, row_generators, rownum_paging, recursive_ctes]

REWRITES = [
    rewrite(exp.Column, pseudo_column),
    rewrite(exp.Column, rownum_left),
    rewrite(exp.Literal, empty_string_is_null),
    rewrite((exp.DPipe, exp.Concat), concatenation),
    rewrite(_MAY_BE_EMPTY, empty_result_is_null),
    rewrite(exp.Replace, replace_two_arguments),
    rewrite(exp.Substring, substr_start),
    rewrite(exp.StrPosition, instr_occurrence),
    rewrite(exp.RegexpSubstr, regexp_substr_occurrence, needs=lambda p: not p.has_regexp_occurrence),
    rewrite((exp.Greatest, exp.Least), greatest_least_null, needs=lambda p: p.greatest_skips_null),
    rewrite(exp.Trim, trim_set, needs=lambda p: not p.trim_takes_set),
    rewrite((exp.Initcap, exp.Translate), missing_function),
    rewrite((exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE), text_compared_with_number,
            needs=lambda p: p.strict_text_compare),
    rewrite((exp.Anonymous, exp.Func), trunc_of_date),
    rewrite((exp.Anonymous, exp.Func), trunc_of_number),
    rewrite((exp.Anonymous, exp.Func), round_of_date),
    rewrite((exp.Add, exp.Sub), day_arithmetic),
    rewrite(exp.DateStrToDate, date_literal),
    rewrite(exp.NextDay, next_day),
    rewrite(exp.StrToDate, to_date_with_time, needs=lambda p: p.has_to_char),
    rewrite(exp.Extract, extract_second_fraction, needs=lambda p: not p.extract_second_fraction),
    rewrite(exp.Div, exact_division, needs=lambda p: p.integer_division_truncates),
    rewrite(exp.Mod, mod_by_zero),
    rewrite((exp.Window, exp.Variance, exp.Stddev), one_row_spread),
    rewrite(exp.Length, char_length),
    rewrite(exp.Cast, number_cast_to_text),
    rewrite(exp.Chr, chr_code),
    rewrite((exp.Median, exp.PercentileCont, exp.PercentileDisc), ordered_set_aggregate,
            needs=lambda p: not p.has_percentile_aggregates),
    rewrite((exp.ToChar, exp.StrToDate, exp.StrToTime, exp.ToNumber), nls_parameter),
    rewrite(exp.ToChar, to_char_number),
    rewrite(exp.ToChar, to_char_picture, needs=lambda p: p.has_to_char),
    rewrite(exp.ToChar, to_char_without_to_char, needs=lambda p: not p.has_to_char),
    rewrite(exp.DateTrunc, trunc_of_day_count),
    rewrite(exp.DateTrunc, trunc_keeps_time_type, needs=lambda p: not p.has_date_trunc),
    rewrite(exp.GroupConcat, listagg_separator),
    rewrite(exp.Window, keep_first_last),
    rewrite(exp.Window, ratio_to_report),
    rewrite(exp.Window, window_null_order, needs=lambda p: not p.has_nulls_ordering),
]
