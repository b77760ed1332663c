"""SQL Server's (and SAP ASE's) own rewrites: money literals, + on strings, hierarchyid and xml
methods, and character columns compared with numbers."""

from __future__ import annotations

import sqlglot
from sqlglot import exp

from migplan.convert.transforms import Rewriter, arithmetic, dateparts, rewrite, tsql_functions
from migplan.convert.transforms.functions import STRING_TYPES, method


def money_literals(text: str) -> str:
    """T-SQL money literals ($20.00) are plain numbers elsewhere; sqlglot reads them as names."""
    from migplan.ingest.lexer import lexer_for

    out = []
    last = 0
    toks = list(lexer_for("tsql").tokens(text))
    for i, (kind, start, end) in enumerate(toks):
        if kind == "punct" and text[start] == "$" and i + 1 < len(toks) and toks[i + 1][0] == "number" \
                and toks[i + 1][1] == end:
            out.append(text[last:start])
            last = end
    out.append(text[last:])
    return "".join(out)


def datepart_w(text: str) -> str:
    """DATEPART(w, x) is the weekday in T-SQL; sqlglot reads the abbreviation w as week. It is spelt out."""
    from migplan.ingest.lexer import lexer_for

    toks = [t for t in lexer_for("tsql").tokens(text) if t[0] not in ("ws", "nl", "comment")]
    spans = []
    for i in range(len(toks) - 3):
        (k0, s0, e0), (_, s1, e1), (k2, s2, e2), (_, s3, e3) = toks[i:i + 4]
        if k0 == "word" and text[s0:e0].upper() == "DATEPART" and text[s1:e1] == "(" and k2 == "word" \
                and text[s2:e2] in ("w", "W") and text[s3:e3] == ",":
            spans.append((s2, e2))
    for start, end in reversed(spans):
        text = text[:start] + "weekday" + text[end:]
    return text


def stringy(node: exp.Expression, rw: Rewriter) -> bool:
    """Whether an expression is a character string, as far as the text and column types tell."""
    if isinstance(node, exp.Literal):
        return node.is_string
    if isinstance(node, exp.National):
        return True
    if isinstance(node, exp.Paren):
        return stringy(node.this, rw)
    if isinstance(node, exp.Add):
        return stringy(node.this, rw) or stringy(node.expression, rw)
    if isinstance(node, (exp.DPipe, exp.Concat, exp.Upper, exp.Lower, exp.Trim, exp.Substring, exp.Left,
                         exp.Right, exp.Replace)):
        return True
    if isinstance(node, (exp.Cast, exp.TryCast)):
        return node.to.is_type(*exp.DataType.TEXT_TYPES)
    if isinstance(node, exp.Column):
        spec = rw.columns.get(str(node.name).upper())
        return spec is not None and spec.base.upper() in STRING_TYPES
    return False


def string_plus(node: exp.Add, rw: Rewriter) -> exp.Expression | None:
    """T-SQL's + on strings is concatenation; NULL propagates in || and CONCAT alike."""
    if not stringy(node, rw):
        return None
    return exp.DPipe(this=rw.sub(node.this), expression=rw.sub(node.expression), safe=False)


def text_vs_number(node: exp.Expression, rw: Rewriter) -> exp.Expression | None:
    """SQL Server and MySQL compare a character column with a number as numbers (the text is
    converted); PostgreSQL refuses text = integer. The column is cast, as the source does."""
    if not rw.columns:
        return None
    left, right = node.this, node.expression
    for col, lit, col_left in ((left, right, True), (right, left, False)):
        if isinstance(col, exp.Column) and isinstance(lit, exp.Literal) and not lit.is_string:
            spec = rw.columns.get(str(col.name).upper())
            if spec is not None and spec.base.upper() in STRING_TYPES:
                target = "numeric" if "." in lit.this else "integer"
                cast = exp.cast(rw.sub(col), target)
                other = lit.copy()
                return type(node)(this=cast if col_left else other, expression=other if col_left else cast)
    return None


# -- hierarchyid ----------------------------------------------------------------------------------------


def hierarchyid_method(node: exp.Dot, rw: Rewriter) -> exp.Expression | None:
    """hierarchyid values arrive as their text path ('/1/3/'), as DMS moves them: ToString() is
    the column itself and GetLevel() the number of steps in the path. Other methods stay
    unconverted (SQL001 from the function check)."""
    if not isinstance(node.expression, exp.Anonymous):
        return None
    left, call = node.this, node.expression
    if isinstance(left, exp.Dot) and isinstance(left.this, exp.Identifier) and \
            isinstance(left.expression, exp.Identifier):
        column = exp.Column(this=left.expression.copy(), table=left.this.copy())
    elif isinstance(left, (exp.Identifier, exp.Column)):
        column = left.copy() if isinstance(left, exp.Column) else exp.Column(this=left.copy())
    else:
        return None
    spec = rw.columns.get(str(column.name).upper())
    if spec is None or spec.base.upper() != "HIERARCHYID":
        return None
    name = (call.this.name if isinstance(call.this, exp.Identifier) else str(call.this)).upper()
    column = rw.sub(column)
    if name == "TOSTRING" and not call.expressions:
        return column
    if name == "GETLEVEL" and not call.expressions:
        written = column.sql(dialect=rw.profile.sqlglot)
        steps = f"(LENGTH({written}) - LENGTH(REPLACE({written}, '/', '')) - 1)"
        return sqlglot.parse_one(steps, read=rw.profile.sqlglot)
    return None


# -- xml methods on PostgreSQL ----------------------------------------------------------------------------


def _xml_context(left: exp.Expression, rw: Rewriter) -> tuple[str, bool] | None:
    """The xml value a method is called on: a node from nodes() (T.ref) or an xml column."""
    if isinstance(left, exp.Dot) and isinstance(left.this, exp.Identifier) and \
            isinstance(left.expression, exp.Identifier):
        table, name = left.this, left.expression
    elif isinstance(left, exp.Column):
        table, name = (exp.to_identifier(left.table) if left.table else None), left.this
    elif isinstance(left, exp.Identifier):
        table, name = None, left
    else:
        return None
    column = exp.Column(this=name.copy(), table=table.copy() if table is not None else None)
    is_node = table is not None and str(table.name).upper() in rw.xml_refs
    spec = rw.columns.get(str(name.name).upper())
    if not is_node and (spec is None or spec.base.upper() != "XML"):
        return None
    return rw.sub(column).sql(dialect=rw.profile.sqlglot), is_node


def xml_method(node: exp.Dot, rw: Rewriter) -> exp.Expression | None:
    """xml value() via XMLTABLE, exist() via xpath_exists()."""
    from migplan.convert.xmlquery import translate, value_query, xpath_call
    from migplan.parse.types import parse_type_text

    if method(node) not in ("VALUE", "EXIST"):
        return None
    ctx = _xml_context(node.this, rw)
    args = node.expression.expressions
    if ctx is None or not args or not isinstance(args[0], (exp.Literal, exp.National)):
        return None
    done = translate(args[0].this, relative_to_node=ctx[1], for_value=False)
    if done is None:
        return None
    if method(node) == "EXIST":
        call = xpath_call(done[0], ctx[0], done[1])
        rw.problem("TSQ015", "xml exist() written with PostgreSQL xpath_exists()")
        return sqlglot.parse_one(f"CASE WHEN XPATH_EXISTS{call[len('XPATH'):]} THEN 1 ELSE 0 END", read="postgres")
    if len(args) < 2 or not isinstance(args[1], (exp.Literal, exp.National)):
        return None
    map_type = rw.converter.map_type
    try:
        target = map_type(parse_type_text(args[1].this, "tsql")).sql if map_type else "text"
    except Exception:  # a type our reader cannot read: the method stays unconverted
        return None
    rw.problem("TSQ015", "xml value() written with PostgreSQL XMLTABLE: same value, NULL when the node is absent; "
                         "check namespaces")
    # XMLTABLE, unlike xpath(), returns the value unescaped and typed, as SQL Server's value() does
    return exp.Paren(this=exp.Var(this=value_query(done[0], ctx[0], done[1], target)))


def xml_exist_extractvalue(node: exp.Dot, rw: Rewriter) -> exp.Expression | None:
    """exist() on MySQL: ExtractValue(doc, 'count(path)') > 0 (NULL for a NULL document, as exist()),
    for a path MySQL's XPath subset reads (no namespaces, no (path)[n]). value() stays unconverted:
    ExtractValue joins an element's own text nodes with blanks, not its string value."""
    from migplan.convert.xmlquery import translate

    if method(node) != "EXIST":
        return None
    ctx = _xml_context(node.this, rw)
    args = node.expression.expressions
    if ctx is None or ctx[1] or len(args) != 1 or not isinstance(args[0], (exp.Literal, exp.National)):
        return None
    done = translate(args[0].this, relative_to_node=False, for_value=False)
    if done is None or done[1] or "(" in done[0]:
        return None
    count = exp.Anonymous(this="ExtractValue", expressions=[sqlglot.parse_one(ctx[0], read=rw.profile.sqlglot),
                                                            exp.Literal.string(f"count({done[0]})")])
    return exp.Paren(this=exp.GT(this=count, expression=exp.Literal.number(0)))


def xml_nodes(node: exp.Lateral, rw: Rewriter) -> None:
    """CROSS APPLY x.nodes(...) T(ref): one row per node, as a LATERAL unnest of xpath()."""
    from migplan.convert.xmlquery import translate, xpath_call

    dot = node.this
    if method(dot) != "NODES":
        return None
    ctx = _xml_context(dot.this, rw)
    args = dot.expression.expressions
    if ctx is None or not args or not isinstance(args[0], (exp.Literal, exp.National)):
        return None
    done = translate(args[0].this, relative_to_node=ctx[1], for_value=False)
    if done is None:
        return None
    node.set("this", sqlglot.parse_one(f"UNNEST({xpath_call(done[0], ctx[0], done[1])})", read="postgres"))
    return None


def outer_apply(node: exp.Join, rw: Rewriter) -> None:
    """OUTER APPLY is LEFT JOIN LATERAL ... ON TRUE: MySQL refuses a LEFT JOIN without ON (sqlglot
    writes the ON only for PostgreSQL). Changed in place, the walk goes on into it."""
    lateral = node.this
    if isinstance(lateral, exp.Lateral) and lateral.args.get("cross_apply") is False and not node.args.get("on"):
        lateral.set("cross_apply", None)
        node.set("side", "LEFT")
        node.set("on", exp.true())
    return None


def collect_xml_refs(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """The aliases of CROSS APPLY x.nodes(...) T(ref): T.ref.value(...) reads a node, not a column."""
    rw.xml_refs = {str(lat.alias).upper() for lat in tree.find_all(exp.Lateral)
                   if method(lat.this) == "NODES" and lat.alias}
    return tree


TEXT_PASSES = [money_literals, datepart_w]
PREPASSES = [collect_xml_refs, tsql_functions.tsql_only_calls]

REWRITES = [
    rewrite(exp.Dot, hierarchyid_method),
    rewrite(exp.Dot, xml_method, needs=lambda p: p.has_xpath),
    rewrite(exp.Dot, xml_exist_extractvalue, needs=lambda p: p.has_extractvalue),
    rewrite(exp.Lateral, xml_nodes, needs=lambda p: p.has_xpath),
    rewrite(exp.Extract, dateparts.datepart),
    rewrite(exp.DateDiff, dateparts.datediff),
    rewrite(exp.DateAdd, dateparts.dateadd),
    rewrite((exp.Add, exp.Sub), dateparts.datetime_plus_days),
    rewrite(exp.Join, outer_apply),
    rewrite(exp.Add, tsql_functions.text_plus_number),
    rewrite(exp.Add, string_plus),
    rewrite(exp.Anonymous, tsql_functions.no_equivalent),
    rewrite(exp.Length, tsql_functions.len_without_trailing_blanks),
    rewrite(exp.Coalesce, tsql_functions.isnull_first_type),
    rewrite(exp.Round, tsql_functions.round_truncate),
    rewrite(exp.NumberToStr, tsql_functions.format_number),
    rewrite((exp.TryCast, exp.Convert), tsql_functions.try_cast_text),
    rewrite((exp.Cast, exp.Convert), arithmetic.truncating_cast),
    rewrite((exp.Avg, exp.Window), arithmetic.integer_avg),
    rewrite((exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE), text_vs_number,
            sources=("sqlserver",), needs=lambda p: p.strict_text_compare),
]
