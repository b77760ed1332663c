"""Expressions and queries (defaults, checks, computed columns, index keys, view queries):
sqlglot reads the source dialect and writes the target's; around it, migplan maps names to their
target spelling and applies the function map of the pair (``migplan/data/functions/*.toml``),
plus the few rewrites a table cannot say (Oracle pseudo-columns, sequence calls)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel, ParseError, TokenError, UnsupportedError

from migplan.convert.names import NameMapper
from migplan.convert.profiles import TargetProfile
from migplan.datafile import check
from migplan.engines import Engine
from migplan.parse import depth
from migplan.parse.depth import recursion_message, recursion_room, too_deep
from migplan.parse.sqlglot_bridge import error_text


@dataclass
class Converted:
    sql: str | None
    problems: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    tree: exp.Expression | None = None

    @property
    def ok(self) -> bool:
        return self.sql is not None


@dataclass(frozen=True)
class FunctionRule:
    name: str
    target: str
    why: str = ""
    item: str | None = None
    args: int | None = None  # only when called with this many arguments


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


FUNCTIONS_SCHEMA = {"function": [{"source": str, "target": str, "why": str, "item?": str, "args?": int}]}


class ExpressionConverter:
    def __init__(self, source: Engine, profile: TargetProfile, names: NameMapper,
                 sequences: dict[str, str] | None = None):
        self.source = source
        self.profile = profile
        self.names = names
        self.rules = function_rules(source.family, profile.family)
        self.sequences = sequences or {}  # source sequence name (upper) -> target qualified name
        self.map_type = None  # the pair's type mapping (ConvertContext.map_type), set once it exists
        self.routines: set[str] = set()  # names of functions/procedures/packages the scripts define
        self.resolve = None  # unqualified table name -> the source schema it lives in (set by convert())
        self._ctes: set[str] = set()

    def convert(self, text: str, context: str = "expression", columns: dict | None = None) -> Converted:
        """``columns``: source column name (upper case) -> TypeSpec of the table the expression belongs to,
        for rewrites that depend on a column's type (BIT compared with 0/1 on PostgreSQL).

        An expression nested deeper than sqlglot can take is not converted (PRS008), see parse.depth."""
        what = "query" if context == "query" else context
        deep = too_deep(text, self.source.sqlglot, what)
        if deep:
            return Converted(None, [(depth.CODE, deep)])
        try:
            with recursion_room():
                return self._convert(text, context, columns)
        except RecursionError:
            return Converted(None, [(depth.CODE, recursion_message(what))])

    def _convert(self, text: str, context: str, columns: dict | None) -> Converted:
        if self.source.splitter == "tsql":
            text = _tsql_money_literals(text)
        try:
            if context == "query":
                trees = sqlglot.parse(text, read=self.source.sqlglot, error_level=ErrorLevel.RAISE)
                tree = trees[0] if len(trees) == 1 else None
                if tree is None:
                    return Converted(None, [("PRS002", f"sqlglot read {len(trees)} statements in the query")])
            else:
                tree = sqlglot.parse_one(text, read=self.source.sqlglot, error_level=ErrorLevel.RAISE)
        except (ParseError, TokenError) as err:
            return Converted(None, [("PRS002", f"sqlglot cannot read this {context}: {_first(err)}")])
        except RecursionError:
            raise  # convert() reports it as too deep
        except Exception as err:  # sqlglot's own bug on odd input: it could not read it all the same
            return Converted(None, [("PRS002", f"sqlglot failed on this {context} ({type(err).__name__}: "
                                               f"{_first(err)})")])
        problems: list[tuple[str, str]] = []
        self._columns = {k.upper(): v for k, v in (columns or {}).items()}
        self._ctes = {str(c.alias_or_name).upper() for c in tree.find_all(exp.CTE)}
        self._xml_refs = {str(lat.alias).upper() for lat in tree.find_all(exp.Lateral)
                          if _method(lat.this) == "NODES" and lat.alias}
        tree = self._drop_dual(tree.copy())
        if self.source.family == "oracle" and any(c.args.get("join_mark") for c in tree.find_all(exp.Column)):
            tree = self._ansi_joins(tree, problems)
        if self.source.family == "oracle" and self.profile.family != "oracle" and tree.find(exp.Connect):
            tree = self._recursive_ctes(tree, problems)
        tree = tree.transform(lambda node: self._rewrite(node, problems, context), copy=False)
        try:
            sql = tree.sql(dialect=self.profile.sqlglot, unsupported_level=ErrorLevel.RAISE)
        except UnsupportedError as err:
            problems.append(("SQL001", f"no {self.profile.family} equivalent: {_first(err)}"))
            sql = None  # a partial translation would run with another meaning: write nothing
        except RecursionError:
            raise  # convert() reports it as too deep
        except Exception as err:  # sqlglot's own bug on a tree it read from odd input (DATEDIFF())
            problems.append(("PRS002", f"sqlglot failed writing this {context} for {self.profile.family} "
                                       f"({type(err).__name__}: {_first(err)})"))
            sql = None
        if any(code in BLOCKING for code, _ in problems):
            sql = None
        return Converted(sql, problems, tree)

    def _ansi_joins(self, tree: exp.Expression, problems: list) -> exp.Expression:
        """Oracle's (+) outer joins as LEFT JOINs (sqlglot's eliminate_join_marks, per SELECT)."""
        from sqlglot.transforms import eliminate_join_marks

        try:
            return tree.transform(eliminate_join_marks, copy=False)
        except Exception as err:  # shapes the transform does not handle: say so, write nothing
            problems.append(("SQL001", f"(+) outer join could not be rewritten as ANSI JOIN: {_first(err)}"))
            return tree

    def _recursive_ctes(self, tree: exp.Expression, problems: list) -> exp.Expression:
        """START WITH / CONNECT BY queries as WITH RECURSIVE (convert.hierarchical); shapes it does
        not handle keep their CONNECT BY, which the rewrite step then reports."""
        from migplan.convert.hierarchical import recursive_cte

        def rewrite(node):
            if isinstance(node, exp.Select) and isinstance(node.args.get("connect"), exp.Connect):
                new = recursive_cte(node, self._columns)
                if new is not None:
                    problems.append(("SQL020", "hierarchical query (START WITH / CONNECT BY) written as WITH "
                                               "RECURSIVE: check the order of rows and the pseudo-columns it used"))
                    return new
            return node

        return tree.transform(rewrite, copy=False)

    def _drop_dual(self, tree: exp.Expression) -> exp.Expression:
        """SELECT ... FROM dual: both targets select without FROM (a quoted `dual` would be a table)."""
        for frm in list(tree.find_all(exp.From)):
            t = frm.this
            if isinstance(t, exp.Table) and not t.db and str(t.name).upper() == "DUAL":
                frm.pop()
        return tree

    # -- rewrites -------------------------------------------------------------------------
    def _rewrite(self, node: exp.Expression, problems: list, context: str) -> exp.Expression:
        if isinstance(node, exp.Table) and self.resolve is not None and node.name and not node.catalog \
                and str(node.name).upper() not in self._ctes:
            found = self.resolve(str(node.name), str(node.db) if node.db else None)
            if found is not None:  # write the schema the object really lives in on the target
                schema = found.schema
                if schema and str(node.db or "").upper() != schema.upper():
                    node.set("db", exp.Identifier(this=schema, quoted=False))  # unqualified in the source
                elif not schema and node.db:
                    node.set("db", None)  # SH.SALES, created unqualified: unqualified on the target too
        if isinstance(node, exp.Identifier):
            if isinstance(node.parent, exp.Table) and node.arg_key == "db":
                return self._schema(node)  # a schema can be renamed on the target (MySQL: a database)
            return self._identifier(node)
        if isinstance(node, exp.Column):
            special = self._pseudo_column(node, problems)
            if special is not None:
                return special
        if isinstance(node, exp.CurrentTimestamp) and node.args.get("sysdate"):
            rule = self._rule("SYSDATE", 0)
            if rule:
                return self._apply(rule, [], problems)
        if isinstance(node, (exp.Anonymous, exp.Func)) and not isinstance(node, exp.Column):
            name = _func_name(node)
            if name:
                args = [a for a in node.args.get("expressions") or []] if isinstance(node, exp.Anonymous) else \
                    [v for k, v in node.args.items() if isinstance(v, exp.Expression)]
                rule = self._rule(name, len(args))
                if rule:
                    return self._apply(rule, args, problems)
                if isinstance(node, exp.Anonymous):
                    self._check_function(node, name, problems)
                trunc = self._trunc_of_date(node, name, args, problems, context)
                if trunc is not None:
                    return trunc
        if isinstance(node, (exp.Add, exp.Sub)) and self.source.family == "oracle":
            days = self._oracle_days(node, problems, context)
            if days is not None:
                return days
        if isinstance(node, exp.Div) and self.source.family == "oracle" and self.profile.family == "postgresql" \
                and not node.args.get("typed"):
            # Oracle divides NUMBERs exactly; sqlglot's float cast would make ROUND(x, n) fail on PostgreSQL,
            # and integer columns would truncate without a cast: numeric keeps Oracle's result
            sub = [a.transform(lambda n: self._rewrite(n, problems, context), copy=True)
                   for a in (node.this, node.expression)]
            return exp.Div(this=exp.cast(sub[0], "numeric"), expression=sub[1], typed=True, safe=False)
        if isinstance(node, exp.Convert) and self.map_type is not None and not node.args.get("style") \
                and isinstance(node.this, exp.DataType):
            cast = self._cast(exp.Cast(this=node.expression, to=node.this), problems, context)
            if cast is not None:
                return cast
        if isinstance(node, (exp.Cast, exp.TryCast)) and self.map_type is not None:
            cast = self._cast(node, problems, context)
            if cast is not None:
                return cast
        if isinstance(node, exp.RegexpLike) and self.profile.family == "mysql" and not node.args.get("flag"):
            # REGEXP works on MySQL 8 and MariaDB alike; REGEXP_LIKE is MySQL 8 only
            sub = [a.transform(lambda n: self._rewrite(n, problems, context), copy=True)
                   for a in (node.this, node.expression)]
            return exp.Paren(this=exp.Var(this=f"{sub[0].sql(dialect='mysql')} REGEXP "
                                               f"{sub[1].sql(dialect='mysql')}"))
        if isinstance(node, (exp.EQ, exp.NEQ)) and self.profile.family == "mysql":
            listed = self._any_array(node, problems, context)
            if listed is not None:
                return listed
        if isinstance(node, exp.Connect) and self.source.family != self.profile.family:
            problems.append(("SQL001", "hierarchical query (START WITH / CONNECT BY) has no direct form on "
                                       f"{self.profile.family}: rewrite it with WITH RECURSIVE"))
            return node
        if isinstance(node, exp.Is) and isinstance(node.expression, exp.JSON) and self.profile.family == "mysql":
            this = node.this.transform(lambda n: self._rewrite(n, problems, context), copy=True)
            return exp.Anonymous(this="JSON_VALID", expressions=[this])  # Oracle's x IS JSON
        if isinstance(node, exp.GroupingId):  # Oracle GROUPING_ID(a, b) is the bit mask GROUPING(a, b) gives
            args = [a.transform(lambda n: self._rewrite(n, problems, context), copy=True) for a in node.expressions]
            return exp.Anonymous(this="GROUPING", expressions=args)
        if isinstance(node, (exp.GroupingSets, exp.Cube)) and self.profile.family == "mysql":
            problems.append(("SQL001", "GROUPING SETS / CUBE: MySQL only has GROUP BY ... WITH ROLLUP"))
            return node
        if isinstance(node, exp.ToChar) and self.profile.family == "mysql" and self.source.family == "oracle":
            mysql = self._to_char_mysql(node, problems, context)
            if mysql is not None:
                return mysql
        if isinstance(node, exp.Filter) and self.profile.family == "mysql":
            return self._filter_as_case(node, problems, context)
        if isinstance(node, exp.Dot) and isinstance(node.expression, exp.Anonymous) and self.source.splitter == "tsql":
            method = self._hierarchyid_method(node, problems, context)
            if method is not None:
                return method
            if self.profile.family == "postgresql" and _method(node) in ("VALUE", "EXIST"):
                xml = self._xml_method(node, problems, context)
                if xml is not None:
                    return xml
        if isinstance(node, exp.Lateral) and self.source.splitter == "tsql" and \
                self.profile.family == "postgresql" and _method(node.this) == "NODES":
            rows = self._xml_nodes(node.this, problems, context)
            if rows is not None:
                node.set("this", rows)  # CROSS APPLY x.nodes(...) T(ref): one row per node, as a LATERAL unnest
        if isinstance(node, exp.Dot) and isinstance(node.this, exp.Paren) and self.profile.family == "mysql":
            problems.append(("SQL001", f"field access {node.sql(dialect=self.source.sqlglot)} on a composite value "
                                       "has no MySQL form"))
            return node
        if isinstance(node, (exp.ArrayContainsAll, exp.ArrayOverlaps)) and self.profile.family == "mysql":
            problems.append(("SQL001", f"array operator in {node.sql(dialect=self.source.sqlglot)} has no MySQL form"))
            return node
        if isinstance(node, exp.NextValueFor):
            return self._next_value_for(node, problems)
        if isinstance(node, exp.Add) and self.source.splitter == "tsql" and self._stringy(node):
            # T-SQL's + on strings is concatenation; NULL propagates in || and CONCAT alike
            sub = [a.transform(lambda n: self._rewrite(n, problems, context), copy=True)
                   for a in (node.this, node.expression)]
            return exp.DPipe(this=sub[0], expression=sub[1], safe=False)
        if isinstance(node, (exp.EQ, exp.NEQ)) and self.profile.family == "postgresql" and self._columns:
            bit = self._boolean_compare(node)
            if bit is not None:
                return bit
        if isinstance(node, exp.DateTrunc) and self.source.family == "oracle" and self._day_count(node.this):
            # TRUNC(SYSDATE - d): sqlglot reads a date truncation, but Oracle truncates the number of days
            days = node.this.transform(lambda n: self._rewrite(n, problems, context), copy=True)
            fn = "TRUNC" if self.profile.family == "postgresql" else "TRUNCATE"
            args = [days] if fn == "TRUNC" else [days, exp.Literal.number(0)]
            return exp.Anonymous(this=fn, expressions=args)
        if isinstance(node, (exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE)) and \
                self.profile.family == "postgresql" and self.source.family in ("sqlserver", "mysql"):
            numeric = self._text_vs_number(node, problems, context)
            if numeric is not None:
                return numeric
        if isinstance(node, exp.DateTrunc):  # sqlglot keeps Oracle's 'DD'/'MM' units, PostgreSQL wants day/month
            unit = node.args.get("unit")
            if isinstance(unit, exp.Literal) and unit.is_string:
                mapped = _TRUNC_UNITS.get(unit.this.upper())
                if mapped:
                    node.set("unit", exp.Literal.string(mapped))
        return node

    def _cast(self, node: exp.Cast, problems: list, context: str) -> exp.Expression | None:
        """CAST(x AS source_type): the type goes through the pair's type map like a column's does; a
        literal cast to a type that becomes text on the target is just the literal."""
        from migplan.parse.types import parse_type_text

        to = node.to
        if not isinstance(to, exp.DataType):
            return None
        text = to.sql(dialect=self.source.sqlglot)
        if to.this == exp.DataType.Type.USERDEFINED and to.args.get("kind"):
            text = str(to.args["kind"])
        try:
            spec = parse_type_text(text, self.source.splitter)
        except Exception:
            return None
        mapped = self.map_type(spec)
        if mapped is None or not mapped.sql:
            return None
        inner = node.this.transform(lambda n: self._rewrite(n, problems, context), copy=True)
        target = mapped.sql.lower()
        textual = target.startswith(("varchar", "char", "text", "longtext", "mediumtext", "enum", "nvarchar"))
        if isinstance(inner, exp.Literal) and inner.is_string and (textual or mapped.item):
            return inner  # '[8,18)'::int4range -> '[8,18)' where the range is kept as text
        try:
            dtype = exp.DataType.build(mapped.sql, dialect=self.profile.sqlglot)
        except Exception:
            return None
        if mapped.item and mapped.item not in _EXACT_ITEMS:
            problems.append((mapped.item, f"CAST to {text} written as CAST to {mapped.sql}"))
        return exp.Cast(this=inner, to=dtype)

    def _stringy(self, node: exp.Expression) -> bool:
        """Whether a T-SQL expression is a character string, as far as the text and column types tell."""
        if isinstance(node, exp.Literal):
            return node.is_string
        if isinstance(node, exp.National):
            return True
        if isinstance(node, exp.Paren):
            return self._stringy(node.this)
        if isinstance(node, exp.Add):
            return self._stringy(node.this) or self._stringy(node.expression)
        if isinstance(node, (exp.DPipe, exp.Concat, exp.Upper, exp.Lower, exp.Trim, exp.Substring, exp.Left,
                             exp.Right, exp.Replace)):
            return True
        if isinstance(node, (exp.Cast, exp.TryCast)):
            return node.to.is_type(*exp.DataType.TEXT_TYPES)
        if isinstance(node, exp.Column):
            spec = self._columns.get(str(node.name).upper())
            return spec is not None and spec.base.upper() in _STRING_TYPES
        return False

    def _next_value_for(self, node: exp.NextValueFor, problems: list) -> exp.Expression:
        seq = node.this
        source = ".".join(p.name for p in seq.parts) if isinstance(seq, exp.Column) else seq.sql()
        name = seq.name if isinstance(seq, exp.Column) else source
        target = self.sequences.get(name.upper()) or self.sequences.get(source.upper())
        if target is None:
            schema = self.names.schema(seq.table) if isinstance(seq, exp.Column) and seq.table else None
            target = self.profile.qualified(schema, self.names.base(name))
        if self.profile.family == "postgresql":
            return exp.Anonymous(this="nextval", expressions=[exp.Literal.string(target)])
        problems.append(("SEQ001", f"NEXT VALUE FOR {source}: {self.profile.family} has no sequences; use "
                                   "AUTO_INCREMENT or a sequence table"))
        return node

    def _oracle_days(self, node, problems: list, context: str) -> exp.Expression | None:
        """Oracle counts dates in days: d1 - d2 is a number of days, d + n adds n days (n may be a
        fraction: 1/24 is an hour). Written with the target's intervals, value for value."""
        left, right = node.this, node.expression
        sub = isinstance(node, exp.Sub)
        pg = self.profile.family == "postgresql"

        def conv(n):
            return n.transform(lambda x: self._rewrite(x, problems, context), copy=True)

        def sql(n):
            return conv(n).sql(dialect=self.profile.sqlglot)

        if sub and self._is_date(left) and self._is_date(right):
            text = (f"(EXTRACT(EPOCH FROM ({sql(left)} - {sql(right)})) / 86400)" if pg else
                    f"(TIMESTAMPDIFF(SECOND, {sql(right)}, {sql(left)}) / 86400)")
        elif self._is_date(left) and is_number_literal(right):
            text = _add_days(sql(left), sql(right), "-" if sub else "+", pg, right)
        elif not sub and is_number_literal(left) and self._is_date(right):
            text = _add_days(sql(right), sql(left), "+", pg, left)
        else:
            return None
        problems.append(("SQL019", f"Oracle day arithmetic {node.sql(dialect='oracle')} written as {text}"))
        return sqlglot.parse_one(text, read=self.profile.sqlglot)

    def _to_char_mysql(self, node, problems: list, context: str):
        """Oracle TO_CHAR(x, 'fmt') on MySQL: DATE_FORMAT with the same picture for dates,
        FORMAT(x, n) for grouped numbers ('FM999G990D00'); other pictures stay unconverted."""
        fmt = node.args.get("format")
        if not isinstance(fmt, exp.Literal) or not fmt.is_string:
            return None
        value = node.this.transform(lambda n: self._rewrite(n, problems, context), copy=True)
        picture = fmt.this.upper()
        number = re.fullmatch(r"(FM)?[9,0]*[9G0]*(G[9,0]+)*(D(0+))?", picture.replace("9", "9"))
        if number and ("G" in picture or "," in picture) and set(picture) <= set("FM90GD,."):
            decimals = len(picture.split("D")[1]) if "D" in picture else 0
            return exp.Anonymous(this="FORMAT", expressions=[value, exp.Literal.number(decimals)])
        mysql_fmt = _oracle_date_picture(fmt.this)
        if mysql_fmt is None:
            return None
        return exp.Anonymous(this="DATE_FORMAT", expressions=[value, exp.Literal.string(mysql_fmt)])

    def _day_count(self, node) -> bool:
        """An Oracle expression worth a number of days: the difference of two dates."""
        while isinstance(node, exp.Paren):
            node = node.this
        return isinstance(node, exp.Sub) and self._is_date(node.this) and self._is_date(node.expression)

    def _text_vs_number(self, node, problems: list, context: str):
        """SQL Server and MySQL compare a character column with a number as numbers (the text is
        converted); PostgreSQL refuses text = integer. The column is cast, as the source does."""
        left, right = node.this, node.expression
        for col, lit, col_left in ((left, right, True), (right, left, False)):
            if isinstance(col, exp.Column) and isinstance(lit, exp.Literal) and not lit.is_string:
                spec = self._columns.get(str(col.name).upper())
                if spec is not None and spec.base.upper() in _STRING_TYPES:
                    target = "numeric" if "." in lit.this else "integer"
                    cast = exp.cast(col.transform(lambda n: self._rewrite(n, problems, context), copy=True), target)
                    other = lit.copy()
                    return type(node)(this=cast if col_left else other, expression=other if col_left else cast)
        return None

    def _is_date(self, node) -> bool:
        while isinstance(node, exp.Paren):
            node = node.this
        if isinstance(node, (exp.CurrentTimestamp, exp.CurrentDate, exp.StrToDate, exp.StrToTime, exp.DateTrunc,
                             exp.TimestampTrunc, exp.LastDay, exp.AddMonths, exp.NextDay)):
            return True
        if isinstance(node, exp.Cast):
            return node.to.this in (exp.DataType.Type.DATE, exp.DataType.Type.TIMESTAMP,
                                    exp.DataType.Type.DATETIME)
        if isinstance(node, exp.Column):
            spec = self._columns.get(str(node.name).upper())
            return spec is not None and spec.base.upper().startswith(("DATE", "TIMESTAMP"))
        if isinstance(node, exp.Anonymous) and str(node.this).upper() in ("TRUNC", "ROUND") and node.expressions:
            return self._is_date(node.expressions[0])
        return False

    def _any_array(self, node, problems: list, context: str) -> exp.Expression | None:
        """pg_dump's x = ANY (ARRAY['a', 'b']) is x IN ('a', 'b'); x <> ALL (...) is NOT IN."""
        quant = node.expression
        if not isinstance(quant, (exp.Any, exp.All)):
            return None
        if isinstance(node, exp.EQ) != isinstance(quant, exp.Any):
            return None  # = ALL / <> ANY are not list membership
        arr = quant.this
        while isinstance(arr, (exp.Paren, exp.Cast)):
            arr = arr.this
        if not isinstance(arr, exp.Array):
            return None
        values = []
        for v in arr.expressions:
            while isinstance(v, exp.Cast):  # 'I'::bpchar
                v = v.this
            values.append(v.transform(lambda n: self._rewrite(n, problems, context), copy=True))
        left = node.this
        while isinstance(left, (exp.Paren, exp.Cast)) and not isinstance(left, exp.Column):
            left = left.this  # (kind)::text
        left = left.transform(lambda n: self._rewrite(n, problems, context), copy=True)
        result = exp.In(this=left, expressions=values)
        return result if isinstance(node, exp.EQ) else exp.Not(this=result)

    def _filter_as_case(self, node: exp.Filter, problems: list, context: str) -> exp.Expression:
        """agg(x) FILTER (WHERE c) -> agg(CASE WHEN c THEN x END): MySQL has no FILTER clause, and
        aggregates skip the NULLs the CASE leaves for other rows (COUNT(*) counts the 1s)."""
        agg = node.this.transform(lambda n: self._rewrite(n, problems, context), copy=True)
        cond = node.expression.this.transform(lambda n: self._rewrite(n, problems, context), copy=True)
        arg = agg.this
        value = exp.Literal.number(1) if isinstance(arg, exp.Star) or arg is None else arg
        agg.set("this", exp.Case(ifs=[exp.If(this=cond, true=value)]))
        return agg

    def _trunc_of_date(self, node, name: str, args: list, problems: list, context: str):
        """Oracle TRUNC(date_column): midnight of that day. sqlglot keeps TRUNC, which is numeric on
        the targets; the column's type says it is a date."""
        if self.source.family != "oracle" or name != "TRUNC" or len(args) != 1 or not isinstance(args[0], exp.Column):
            return None
        spec = self._columns.get(str(args[0].name).upper())
        if spec is None or not spec.base.upper().startswith(("DATE", "TIMESTAMP")):
            return None
        col = args[0].transform(lambda n: self._rewrite(n, problems, context), copy=True)
        if self.profile.family == "postgresql":
            return exp.DateTrunc(unit=exp.Literal.string("day"), this=col)
        return exp.Anonymous(this="DATE", expressions=[col])

    def _xml_context(self, left, problems: list, context: str) -> tuple[str, bool] | None:
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
        is_node = table is not None and str(table.name).upper() in self._xml_refs
        spec = self._columns.get(str(name.name).upper())
        if not is_node and (spec is None or spec.base.upper() != "XML"):
            return None
        sql = column.transform(lambda n: self._rewrite(n, problems, context), copy=True).sql(dialect="postgres")
        return sql, is_node

    def _xml_method(self, node: exp.Dot, problems: list, context: str) -> exp.Expression | None:
        from migplan.convert.xmlquery import translate, value_query, xpath_call
        from migplan.parse.types import parse_type_text

        ctx = self._xml_context(node.this, problems, context)
        args = node.expression.expressions
        if ctx is None or not args or not isinstance(args[0], (exp.Literal, exp.National)):
            return None
        method = _method(node)
        done = translate(args[0].this, relative_to_node=ctx[1], for_value=False)
        if done is None:
            return None
        if method == "EXIST":
            call = xpath_call(done[0], ctx[0], done[1])
            problems.append(("TSQ015", "xml exist() written with PostgreSQL xpath_exists()"))
            return sqlglot.parse_one(f"CASE WHEN XPATH_EXISTS{call[len('XPATH'):]} THEN 1 ELSE 0 END", read="postgres")
        if len(args) < 2 or not isinstance(args[1], (exp.Literal, exp.National)):
            return None
        try:
            target = self.map_type(parse_type_text(args[1].this, "tsql")).sql if self.map_type else "text"
        except Exception:
            return None
        problems.append(("TSQ015", "xml value() written with PostgreSQL XMLTABLE: same value, NULL when the node "
                                   "is absent; check namespaces"))
        # XMLTABLE, unlike xpath(), returns the value unescaped and typed, as SQL Server's value() does
        return exp.Paren(this=exp.Var(this=value_query(done[0], ctx[0], done[1], target)))

    def _xml_nodes(self, dot: exp.Dot, problems: list, context: str) -> exp.Expression | None:
        from migplan.convert.xmlquery import translate, xpath_call

        ctx = self._xml_context(dot.this, problems, context)
        args = dot.expression.expressions
        if ctx is None or not args or not isinstance(args[0], (exp.Literal, exp.National)):
            return None
        done = translate(args[0].this, relative_to_node=ctx[1], for_value=False)
        if done is None:
            return None
        return sqlglot.parse_one(f"UNNEST({xpath_call(done[0], ctx[0], done[1])})", read="postgres")

    def _hierarchyid_method(self, node: exp.Dot, problems: list, context: str) -> exp.Expression | None:
        """hierarchyid values arrive as their text path ('/1/3/'), as DMS moves them: ToString() is
        the column itself and GetLevel() the number of steps in the path. Other methods stay
        unconverted (SQL001 from the function check)."""
        left, call = node.this, node.expression
        if isinstance(left, exp.Dot) and isinstance(left.this, exp.Identifier) and \
                isinstance(left.expression, exp.Identifier):
            column = exp.Column(this=left.expression.copy(), table=left.this.copy())
        elif isinstance(left, (exp.Identifier, exp.Column)):
            column = left.copy() if isinstance(left, exp.Column) else exp.Column(this=left.copy())
        else:
            return None
        spec = self._columns.get(str(column.name).upper())
        if spec is None or spec.base.upper() != "HIERARCHYID":
            return None
        method = (call.this.name if isinstance(call.this, exp.Identifier) else str(call.this)).upper()
        column = column.transform(lambda n: self._rewrite(n, problems, context), copy=True)
        if method == "TOSTRING" and not call.expressions:
            return column
        if method == "GETLEVEL" and not call.expressions:
            steps = f"(LENGTH({column.sql(dialect=self.profile.sqlglot)}) - LENGTH(REPLACE(" \
                    f"{column.sql(dialect=self.profile.sqlglot)}, '/', '')) - 1)"
            return sqlglot.parse_one(steps, read=self.profile.sqlglot)
        return None

    def _check_function(self, node: exp.Anonymous, name: str, problems: list) -> None:
        """A function sqlglot does not know, with no row in the pair's function map: if the target has
        no built-in of that name and the scripts do not define it, the call cannot run there."""
        if self.source.family == self.profile.family or name.upper() in self.routines:
            return
        if isinstance(node.parent, exp.Dot):
            left = node.parent.this
            column = left.expression if isinstance(left, exp.Dot) else left
            spec = self._columns.get(str(getattr(column, "name", "")).upper()) if self.source.splitter == "tsql" \
                else None
            if spec is not None and spec.base.upper() in ("HIERARCHYID", "GEOGRAPHY", "GEOMETRY", "XML"):
                problems.append(("SQL001", f"{spec.base.lower()} method {name}() on {column.sql()}: "
                                           f"{self.profile.family} has no such type methods"))
            return  # otherwise pkg.f() or schema.f(): a routine of the scripts, SQL018's business
        upper = name.upper()
        target_has = upper in builtins(self.profile.family)
        if self.profile.family == "postgresql" and not target_has:
            problems.append(("SQL001", f"no {name}() on PostgreSQL and the scripts do not define it"))
        elif self.profile.family == "mysql" and self.source.family == "postgresql" and not target_has \
                and upper in builtins("postgresql"):
            problems.append(("SQL001", f"PostgreSQL's {name}() has no MySQL equivalent"))

    def _rule(self, name: str, nargs: int) -> FunctionRule | None:
        for rule in self.rules.get(name.upper(), []):
            if rule.args is None or rule.args == nargs:
                return rule
        return None

    def _apply(self, rule: FunctionRule, args: list[exp.Expression], problems: list) -> exp.Expression:
        # arguments first, so nested calls are rewritten too (ADD_MONTHS(TRUNC(SYSDATE), 1))
        args = [a.transform(lambda n: self._rewrite(n, problems, "expression"), copy=True) for a in args]
        rendered = [a.sql(dialect=self.profile.sqlglot) for a in args]
        text = rule.target.format(*rendered)
        if rule.item:
            problems.append((rule.item, f"{rule.name} written as {text}: {rule.why}"))
        try:
            return sqlglot.parse_one(text, read=self.profile.sqlglot)
        except (ParseError, TokenError):  # pragma: no cover - our own templates
            return exp.Anonymous(this=text)

    def _boolean_compare(self, node: exp.Expression) -> exp.Expression | None:
        """A BIT column (boolean on PostgreSQL) compared with 0 or 1 compares with false/true."""
        left, right = node.this, node.expression
        while isinstance(left, exp.Paren):
            left = left.this
        while isinstance(right, exp.Paren):  # T-SQL writes (discontinued = (0))
            right = right.this
        for col, lit in ((left, right), (right, left)):
            if isinstance(col, exp.Column) and isinstance(lit, exp.Literal) and not lit.is_string \
                    and lit.this in ("0", "1"):
                spec = self._columns.get(str(col.name).upper())
                if spec is not None and spec.base == "BIT" and not spec.params:
                    column = col.transform(lambda n: self._rewrite(n, [], "expression"), copy=True)
                    return type(node)(this=column, expression=exp.Boolean(this=lit.this == "1"))
        return None

    def _identifier(self, node: exp.Identifier) -> exp.Identifier:
        name = node.this
        if not isinstance(name, str) or not name or name == "*":
            return node
        quoted = bool(node.args.get("quoted"))
        if not quoted and self.source.folding == "upper":
            stored = name.upper()
        elif not quoted and self.source.folding == "lower":
            stored = name.lower()
        else:
            stored = name
        target = self.names.base(stored, quoted)
        return exp.Identifier(this=target, quoted=self.profile.needs_quotes(target))

    def _schema(self, node: exp.Identifier) -> exp.Identifier:
        name = node.this
        quoted = bool(node.args.get("quoted"))
        if not quoted and self.source.folding == "upper":
            name = name.upper()
        elif not quoted and self.source.folding == "lower":
            name = name.lower()
        target = self.names.schema(name)
        return exp.Identifier(this=target, quoted=self.profile.needs_quotes(target))

    def _pseudo_column(self, node: exp.Column, problems: list) -> exp.Expression | None:
        name = node.name.upper() if isinstance(node.name, str) else ""
        table = node.table.upper() if node.table else ""
        if self.source.family == "oracle":
            if not table and name in ("USER", "SESSION_USER"):
                return exp.CurrentUser()
            if not table and name == "SYSTIMESTAMP":
                return exp.CurrentTimestamp()
            if table and name in ("NEXTVAL", "CURRVAL"):
                target = self.sequences.get(table) or self.names.base(node.table)
                fn = "nextval" if name == "NEXTVAL" else "currval"
                if self.profile.family == "postgresql":
                    return sqlglot.parse_one(f"{fn}({self.profile.string(target)})", read="postgres")
                problems.append(("SEQ001", f"{node.table}.{name}: {self.profile.family} has no sequences; "
                                           "use AUTO_INCREMENT or a sequence table"))
        return None


# Oracle datetime picture elements -> MySQL DATE_FORMAT; FM switches padding off
_PICTURE = [("YYYY", "%Y", "%Y"), ("YY", "%y", "%y"), ("MONTH", "%M", "%M"), ("MON", "%b", "%b"),
            ("MM", "%m", "%c"), ("DDD", "%j", "%j"), ("DD", "%d", "%e"), ("DAY", "%W", "%W"), ("DY", "%a", "%a"),
            ("HH24", "%H", "%k"), ("HH12", "%h", "%l"), ("HH", "%h", "%l"), ("MI", "%i", "%i"), ("SS", "%s", "%s"),
            ("AM", "%p", "%p"), ("PM", "%p", "%p"), ("IW", "%v", "%v"), ("Q", None, None), ("WW", None, None)]


def _oracle_date_picture(picture: str) -> str | None:
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


def _method(node) -> str | None:
    """Name of a method call x.m(...) (sqlglot: Dot with an Anonymous on the right), upper case."""
    if isinstance(node, exp.Dot) and isinstance(node.expression, exp.Anonymous):
        this = node.expression.this
        return (this.name if isinstance(this, exp.Identifier) else str(this)).upper()
    return None


def is_number_literal(node) -> bool:
    """A number literal or arithmetic on number literals (1, 1/24, -(2*7))."""
    if isinstance(node, exp.Literal):
        return not node.is_string
    if isinstance(node, (exp.Paren, exp.Neg)):
        return is_number_literal(node.this)
    if isinstance(node, (exp.Add, exp.Sub, exp.Mul, exp.Div)):
        return is_number_literal(node.this) and is_number_literal(node.expression)
    return False


def _add_days(date_sql: str, n_sql: str, op: str, pg: bool, n_node) -> str:
    if pg:
        return f"({date_sql} {op} ({n_sql}) * INTERVAL '1 day')"
    if isinstance(n_node, exp.Literal) and n_node.this.isdigit():
        return f"({date_sql} {op} INTERVAL {n_sql} DAY)"
    return f"({date_sql} {op} INTERVAL ROUND(({n_sql}) * 86400) SECOND)"


def infer_type(sql: str, dialect: str, column_types: dict[str, str]) -> str | None:
    """The target type of a converted expression, from the target types of the columns it reads
    (sqlglot's type annotation); None when sqlglot cannot tell."""
    from sqlglot.optimizer.annotate_types import annotate_types

    try:
        tree = sqlglot.parse_one(sql, read=dialect)
    except (ParseError, TokenError, ValueError):
        return None
    typed = {}
    for k, v in column_types.items():
        try:
            typed[k.lower()] = exp.DataType.build(v, dialect=dialect) if v else None
        except (ParseError, TokenError, ValueError):
            pass  # a domain or user type: columns of it stay unknown
    typed = {k: v for k, v in typed.items() if v is not None}

    def typed_null(node):
        if isinstance(node, exp.National):  # N'...' is a plain string to the annotator
            return exp.Literal.string(node.this)
        if isinstance(node, exp.Column) and str(node.name).lower() in typed:
            return exp.Cast(this=exp.Null(), to=typed[str(node.name).lower()].copy())
        return node

    try:
        tree = annotate_types(tree.transform(typed_null), dialect=dialect)
    except Exception:
        return None
    t = tree.type
    if t is None or t.this in (exp.DataType.Type.UNKNOWN, exp.DataType.Type.NULL):
        return None
    if any(isinstance(n, exp.Column) for n in tree.find_all(exp.Column)):
        return None  # a column of unknown type took part: the answer would be a guess
    if t.this in (exp.DataType.Type.TINYINT, exp.DataType.Type.SMALLINT, exp.DataType.Type.UTINYINT,
                  exp.DataType.Type.USMALLINT):
        t = exp.DataType.build("int")  # sqlglot types YEAR() and friends narrowly; values outgrow them
    text = t.sql(dialect=dialect).replace(", ", ",")
    if t.this in (exp.DataType.Type.VARCHAR, exp.DataType.Type.NVARCHAR, exp.DataType.Type.TEXT) and \
            not t.expressions:
        text = "text" if dialect == "postgres" else "longtext"
    return text.lower()


# type-map items that describe a storage choice, not a change of value: no item for a cast
_EXACT_ITEMS = frozenset({"TYP023", "TYP030", "TYP031", "TYP020", "TYP012", "TYP013", "TYP022", "TYP029"})

_STRING_TYPES = frozenset({"CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "TEXT", "NTEXT", "SYSNAME", "CHARACTER",
                           "NATIONAL CHARACTER", "CHARACTER VARYING", "NATIONAL CHARACTER VARYING"})

# Problems after which an expression is not written at all (writing it would fail or change meaning).
BLOCKING = frozenset({"SQL001", "SEQ001", "PRS002", depth.CODE})


def _tsql_money_literals(text: str) -> str:
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


_TRUNC_UNITS = {"DD": "day", "DDD": "day", "J": "day", "MM": "month", "MON": "month", "MONTH": "month",
                "YYYY": "year", "YEAR": "year", "YY": "year", "Q": "quarter", "HH": "hour", "HH24": "hour",
                "MI": "minute", "IW": "week", "WW": "week", "D": "week", "DAY": "week", "CC": "century"}


def _func_name(node: exp.Expression) -> str | None:
    if isinstance(node, exp.Anonymous):
        this = node.this
        return (this.name if isinstance(this, exp.Identifier) else str(this)).upper()
    try:
        return node.sql_name().upper()
    except Exception:
        return None


def _first(err: Exception) -> str:
    return error_text(err, 200)
