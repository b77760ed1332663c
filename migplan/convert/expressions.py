"""Expressions and queries (defaults, checks, computed columns, index keys, view queries):
sqlglot reads the source dialect and writes the target's; in between, the pair's rewrites
(``convert/transforms``: names, the function map of ``migplan/data/functions/*.toml``, and what
each source and target needs) run over the tree."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp
from sqlglot.errors import ErrorLevel, ParseError, TokenError, UnsupportedError

from migplan.convert.names import NameMapper
from migplan.convert.profiles import TargetProfile
from migplan.convert.transforms import Rewriter, table_for
from migplan.convert.transforms.functions import FunctionRule, first_line, function_rules
from migplan.engines import Engine
from migplan.parse import depth
from migplan.parse.depth import recursion_message, recursion_room, too_deep


@dataclass
class Converted:
    sql: str | None
    problems: list[tuple[str, str]] = field(default_factory=list)  # (code, message)
    tree: exp.Expression | None = None
    draft: str | None = None  # when sql is None for a blocking problem: the SQL as far as it converts

    @property
    def ok(self) -> bool:
        return self.sql is not None


class ExpressionConverter:
    """Converts one expression or query of the source to the target's SQL: sqlglot reads it, the
    pair's rewrites (convert/transforms) run over the tree, sqlglot writes the target's dialect."""

    def __init__(self, source: Engine, profile: TargetProfile, names: NameMapper,
                 sequences: dict[str, str] | None = None):
        self.source = source
        self.profile = profile
        self.names = names
        self.rules = function_rules(source.family, profile.family)
        # source sequence name (upper) -> target qualified name; the caller fills it after creating us
        self.sequences = sequences if sequences is not None else {}
        self.map_type = None  # the pair's type mapping (ConvertContext.map_type), set once it exists
        self.routines: set[str] = set()  # names of functions/procedures/packages the scripts define
        self.resolve = None  # unqualified table name -> the source schema it lives in (set by convert())
        self.table = table_for(source.family, profile)
        self.extensions: set[str] = set()  # target extensions the converted expressions need

    def rule(self, name: str, nargs: int) -> FunctionRule | None:
        """The pair's function-map row for a call of ``name`` with ``nargs`` arguments, if any."""
        for rule in self.rules.get(name.upper(), []):
            if rule.args is None or rule.args == nargs:
                return rule
        return None

    def convert(self, text: str, context: str = "expression", columns: dict | None = None,
                texts: dict[str, str] | None = None) -> Converted:
        """``columns``: source column name (upper case) -> TypeSpec of the table the expression belongs to,
        for rewrites that depend on a column's type (BIT compared with 0/1 on PostgreSQL); ``texts``: text
        column name (upper case) -> its collation class in the source (convert/collation.py).

        An expression nested deeper than sqlglot can take is not converted (PRS008), see parse.depth."""
        what = "query" if context == "query" else context
        deep = too_deep(text, self.source.sqlglot, what)
        if deep:
            return Converted(None, [(depth.CODE, deep)])
        try:
            with recursion_room():
                return self._convert(text, context, columns, texts)
        except RecursionError:
            return Converted(None, [(depth.CODE, recursion_message(what))])

    def _convert(self, text: str, context: str, columns: dict | None, texts: dict[str, str] | None) -> Converted:
        for text_pass in self.table.text_passes:
            text = text_pass(text)
        try:
            if context == "query":
                trees = sqlglot.parse(text, read=self.source.sqlglot, error_level=ErrorLevel.RAISE)
                tree = trees[0] if len(trees) == 1 else None
                if tree is None:
                    return Converted(None, [("PRS002", f"sqlglot read {len(trees)} statements in the query")])
            else:
                tree = sqlglot.parse_one(text, read=self.source.sqlglot, error_level=ErrorLevel.RAISE)
        except (ParseError, TokenError) as err:
            return Converted(None, [("PRS002", f"sqlglot cannot read this {context}: {first_line(err)}")])
        except RecursionError:
            raise  # convert() reports it as too deep
        except Exception as err:  # sqlglot's own bug on odd input: it could not read it all the same
            return Converted(None, [("PRS002", f"sqlglot failed on this {context} ({type(err).__name__}: "
                                               f"{first_line(err)})")])
        rw = Rewriter(self.source, self.profile, self, context, {k.upper(): v for k, v in (columns or {}).items()},
                      texts={k.upper(): v for k, v in (texts or {}).items()}, table=self.table, text=text)
        rw.ctes = {str(c.alias_or_name).upper() for c in tree.find_all(exp.CTE)}
        tree = tree.copy()
        for tree_pass in self.table.prepasses:
            tree = tree_pass(tree, rw)
        tree = tree.transform(rw.rewrite, copy=False)
        problems = rw.problems
        try:
            sql = tree.sql(dialect=self.profile.sqlglot, unsupported_level=ErrorLevel.RAISE)
        except UnsupportedError as err:
            problems.append(("SQL001", f"no {self.profile.family} equivalent: {first_line(err)}"))
            sql = None  # a partial translation would run with another meaning: write nothing
        except RecursionError:
            raise  # convert() reports it as too deep
        except Exception as err:  # sqlglot's own bug on a tree it read from odd input (DATEDIFF())
            problems.append(("PRS002", f"sqlglot failed writing this {context} for {self.profile.family} "
                                       f"({type(err).__name__}: {first_line(err)})"))
            sql = None
        draft = None
        if sql is not None and not any(code in BLOCKING for code, _ in problems):
            self.extensions |= rw.extensions
        if any(code in BLOCKING for code, _ in problems):
            sql = None
            try:
                draft = tree.sql(dialect=self.profile.sqlglot, unsupported_level=ErrorLevel.IGNORE)
            except Exception:
                draft = None
        return Converted(sql, problems, tree, draft)


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


# Problems after which an expression is not written at all (writing it would fail or change meaning).
BLOCKING = frozenset({"SQL001", "SEQ001", "PRS002", depth.CODE})
