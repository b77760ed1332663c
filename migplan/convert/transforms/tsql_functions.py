"""SQL Server functions whose meaning sqlglot's translation loses: LEN ignores trailing blanks, ISNULL
takes its first argument's type, ROUND's third argument truncates, TRY_CAST gives NULL for text that
does not convert, FORMAT(n, 'N2') groups thousands, + between text and a number adds, and CHOOSE,
PATINDEX and LIKE's [a-z] classes, which the targets do not have, written with CASE and regular
expressions."""

from __future__ import annotations

import re

from sqlglot import exp

from migplan.convert.transforms import Rewriter
from migplan.convert.transforms.arithmetic import number_kind
from migplan.convert.transforms.functions import STRING_TYPES, func_name

# -- LEN, ISNULL, ROUND ----------------------------------------------------------------------------------


def len_without_trailing_blanks(node: exp.Length, rw: Rewriter) -> exp.Expression | None:
    """LEN(s) does not count trailing blanks: LENGTH(RTRIM(s)) (DATALENGTH counts them)."""
    arg = node.this
    if arg is None or isinstance(arg, exp.Trim):
        return None
    return exp.Length(this=exp.Trim(this=rw.sub(arg), position="TRAILING"))


def isnull_first_type(node: exp.Coalesce, rw: Rewriter) -> exp.Expression | None:
    """ISNULL(x, y) returns x's type: a replacement longer than a varchar(n) x is cut to n characters,
    where COALESCE would return it whole. The replacement is cast to x's (mapped) type."""
    if not node.args.get("is_null") or len(node.expressions) != 1 or rw.converter.map_type is None:
        return None
    first, second = node.this, node.expressions[0]
    if not isinstance(first, exp.Column):
        return None
    spec = rw.columns.get(str(first.name).upper())
    if spec is None or spec.base.upper() not in STRING_TYPES or not spec.params \
            or not str(spec.params[0]).isdigit():
        return None
    size = int(spec.params[0])
    if isinstance(second, (exp.Literal, exp.National)) and (isinstance(second, exp.National) or second.is_string) \
            and len(second.this) <= size:
        return None  # fits: nothing to cut
    if isinstance(second, exp.Column):
        other = rw.columns.get(str(second.name).upper())
        if other is not None and other.base == spec.base and other.params == spec.params:
            return None
    mapped = rw.converter.map_type(spec)
    if mapped is None or not mapped.sql:
        return None
    cut = exp.Cast(this=rw.sub(second), to=exp.DataType.build(mapped.sql, dialect=rw.profile.sqlglot))
    return exp.Coalesce(this=rw.sub(first), expressions=[cut])


def round_truncate(node: exp.Round, rw: Rewriter) -> exp.Expression | None:
    """ROUND(x, n, f): f other than 0 truncates (TRUNC / TRUNCATE); the targets take two arguments."""
    flag = node.args.get("truncate")
    if flag is None:
        return None
    x, digits = rw.sub(node.this), rw.sub(node.args.get("decimals") or exp.Literal.number(0))
    rounded = exp.Round(this=x, decimals=digits)
    truncated = exp.Anonymous(this=rw.profile.trunc_function, expressions=[x.copy(), digits.copy()])
    if isinstance(flag, exp.Literal) and not flag.is_string:
        return rounded if float(flag.this) == 0 else truncated
    return exp.Case(ifs=[exp.If(this=exp.EQ(this=rw.sub(flag), expression=exp.Literal.number(0)), true=rounded)],
                    default=truncated)


# -- TRY_CAST / TRY_CONVERT of text to a number -------------------------------------------------------
# The text SQL Server converts to an int or a decimal (blanks around it allowed); [.] rather than \. so
# that MySQL's string literals keep the pattern as written.
_INT_TEXT = "^ *[-+]?[0-9]+ *$"
_DECIMAL_TEXT = "^ *[-+]?([0-9]+([.][0-9]*)?|[.][0-9]+) *$"


def _stringy_operand(node: exp.Expression, rw: Rewriter) -> bool:
    from migplan.convert.transforms.tsql import stringy

    return stringy(node, rw)


def try_cast_text(node: exp.TryCast | exp.Convert, rw: Rewriter) -> exp.Expression | None:
    """TRY_CAST(text AS INT / DECIMAL) is NULL for text that is not such a number; CAST fails (PostgreSQL)
    or reads a prefix (MySQL: 'x1' is 0, '1.5' is 1). The cast runs only when the text has the form
    (an empty or blank text is 0 as an int, as SQL Server converts it)."""
    if isinstance(node, exp.Convert):
        if not node.args.get("safe") or node.args.get("style") or not isinstance(node.this, exp.DataType):
            return None
        value, to = node.expression, node.this
    else:
        if not node.args.get("safe"):
            return None
        value, to = node.this, node.to
    if value is None or not isinstance(to, exp.DataType) or not _stringy_operand(value, rw):
        return None
    if to.is_type(*exp.DataType.INTEGER_TYPES):
        pattern = _INT_TEXT
    elif to.is_type(exp.DataType.Type.DECIMAL, exp.DataType.Type.BIGDECIMAL):
        pattern = _DECIMAL_TEXT
    else:
        return None
    ifs = [exp.If(this=exp.RegexpLike(this=value.copy(), expression=exp.Literal.string(pattern)),
                  true=exp.Cast(this=value.copy(), to=to.copy()))]
    if pattern == _INT_TEXT:
        blank = exp.EQ(this=exp.Trim(this=value.copy()), expression=exp.Literal.string(""))
        ifs.insert(0, exp.If(this=blank, true=exp.Literal.number(0)))
    return rw.sub(exp.Case(ifs=ifs))


# -- FORMAT(number, 'Nn') ----------------------------------------------------------------------------

_N_FORMAT = re.compile(r"[Nn](\d{0,2})")


def format_number(node: exp.NumberToStr, rw: Rewriter) -> exp.Expression | None:
    """FORMAT(n, 'N2') (en-US): thousands grouped with commas, the given decimals (2 by default)."""
    fmt = node.args.get("format")
    culture = node.args.get("culture")
    if culture is not None or not isinstance(fmt, exp.Literal) or not fmt.is_string:
        return None
    m = _N_FORMAT.fullmatch(fmt.this)
    if not m:
        return None
    digits = int(m.group(1) or "2")
    value = rw.sub(node.this)
    if rw.profile.has_to_char:
        picture = "FM" + "999," * 12 + "990" + ("." + "0" * digits if digits else "")
        return exp.Anonymous(this="to_char", expressions=[value, exp.Literal.string(picture)])
    return exp.Anonymous(this="FORMAT", expressions=[value, exp.Literal.number(digits)])


# -- + between text and a number ------------------------------------------------------------------------


def text_plus_number(node: exp.Add, rw: Rewriter) -> exp.Expression | None:
    """varchar + int: the int has the higher precedence, so SQL Server converts the text and adds
    ('5' + 1 is 6); written as a cast of the text, then +."""
    from migplan.convert.transforms.tsql import stringy

    left, right = node.this, node.expression
    for text, number, text_left in ((left, right, True), (right, left, False)):
        kind = number_kind(number, rw)
        if kind is None or not stringy(text, rw) or stringy(number, rw):
            continue
        target = "INT" if kind == "int" else rw.profile.unsized_decimal
        cast = exp.Cast(this=rw.sub(text), to=exp.DataType.build(target, dialect=rw.profile.sqlglot))
        other = rw.sub(number)
        return exp.Add(this=cast if text_left else other, expression=other if text_left else cast)
    return None


# -- CHOOSE, PATINDEX, LIKE '[a-z]%': before the pair's table sees them -----------------------------------


def _like_to_regex(pattern: str, anchored: tuple[bool, bool] = (True, True)) -> str | None:
    """A T-SQL LIKE pattern as a regular expression both targets read (POSIX bracket classes), or None."""
    out = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "%":
            out.append(".*")
        elif ch == "_":
            out.append(".")
        elif ch == "[":
            end = pattern.find("]", i + 2)
            if end < 0:
                return None
            body = pattern[i + 1:end]
            neg = body.startswith("^")
            body = body[1:] if neg else body
            body = body.replace("\\", "\\\\").replace("[", "\\[")
            out.append("[" + ("^" if neg else "") + body + "]")
            i = end
        elif ch in ".^$*+?(){}|\\]":
            out.append("[" + ch + "]" if ch not in "\\]^" else "\\" + ch)
        else:
            out.append(ch)
        i += 1
    regex = "".join(out)
    return ("^" if anchored[0] else "") + regex + ("$" if anchored[1] else "")


def _choose(node: exp.Anonymous) -> exp.Expression | None:
    args = node.expressions
    if len(args) < 2:
        return None
    return exp.Case(this=args[0].copy(), ifs=[exp.If(this=exp.Literal.number(i), true=a.copy())
                                              for i, a in enumerate(args[1:], start=1)])


def _patindex(node: exp.Anonymous, rw: Rewriter) -> exp.Expression | None:
    args = node.expressions
    if len(args) != 2 or not isinstance(args[0], exp.Literal) or not args[0].is_string:
        return None
    pattern = args[0].this
    lead, trail = pattern.startswith("%"), pattern.endswith("%") and len(pattern) > 1
    core = pattern[1 if lead else 0:len(pattern) - 1 if trail else len(pattern)]
    if "%" in core or not core:
        return None  # a wildcard inside: the match start is not the regular expression's
    regex = _like_to_regex(core, (not lead, not trail))
    if regex is None:
        return None
    call = [args[1].copy(), exp.Literal.string(regex)]
    if rw.profile.case_sensitive_text:  # SQL Server's default collation ignores case
        call += [exp.Literal.number(1), exp.Literal.number(1), exp.Literal.number(0), exp.Literal.string("i")]
    return exp.Anonymous(this="REGEXP_INSTR", expressions=call)


def _like_class(node: exp.Like, rw: Rewriter) -> exp.Expression | None:
    pattern = node.expression
    if node.args.get("escape") or not isinstance(pattern, exp.Literal) or not pattern.is_string \
            or "[" not in pattern.this:
        return None
    regex = _like_to_regex(pattern.this)
    if regex is None:
        return None
    # SQL Server's default collation ignores case in LIKE's classes too ([A-Z] takes 'a'): a CHECK
    # written case-sensitively would refuse rows the source took
    match = exp.RegexpILike if rw.profile.case_sensitive_text else exp.RegexpLike
    return match(this=node.this.copy(), expression=exp.Literal.string(regex))


def tsql_only_calls(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """CHOOSE(i, a, b) as CASE i WHEN 1 THEN a ..., PATINDEX('%p%', s) as REGEXP_INSTR and LIKE with
    [..] classes as a regular expression match, before the rewrites (and the unknown-function check)
    run over the tree."""
    def one(node: exp.Expression) -> exp.Expression:
        if isinstance(node, exp.Anonymous):
            name = func_name(node)
            done = _choose(node) if name == "CHOOSE" else _patindex(node, rw) if name == "PATINDEX" else None
            return done or node
        if isinstance(node, exp.Like):
            return _like_class(node, rw) or node
        return node

    return tree.transform(one, copy=False)


# -- what no target has ----------------------------------------------------------------------------------

NO_EQUIVALENT = {
    "ISNUMERIC": "ISNUMERIC() is 1 for text that converts to any numeric type, money included (currency "
                 "symbols, thousands separators, a lone sign or point, d and e exponents): no {target} "
                 "function or pattern says the same; write the test the data needs (TRY_CAST(x AS numeric) "
                 "IS NOT NULL in SQL Server terms, a regular expression on the target)",
}


def no_equivalent(node: exp.Anonymous, rw: Rewriter) -> None:
    """A SQL Server built-in no target has and no faithful rewrite gives: the object is held back."""
    from migplan.convert.transforms.functions import builtins

    name = func_name(node)
    why = NO_EQUIVALENT.get(name or "")
    if why is None or name in builtins(rw.profile.family) or name in rw.converter.routines:
        return None
    if not any(f"{name}()" in message for _, message in rw.problems):  # once per query
        rw.problem("SQL001", why.format(target=rw.profile.display))
    return None
