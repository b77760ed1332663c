"""Cassandra CQL definitions: keyspaces, tables, user-defined types, indexes and materialized views.

CQL is not SQL: a table's primary key is a partition key (one column, or several in their own
parentheses) followed by clustering columns whose order ``WITH CLUSTERING ORDER BY`` sets; columns
can be ``STATIC``; types nest (``map<text, frozen<list<int>>>``); options are ``name = literal``
pairs joined by ``AND`` whose literals can be maps. Our own reader, like the other structure
parsers; sqlglot has no CQL dialect.

    CREATE TABLE ks.t (a int, b text, c timeuuid, v text STATIC,
                       PRIMARY KEY ((a, b), c)) WITH CLUSTERING ORDER BY (c DESC);
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from migplan.model.schema import (
    Column,
    Constraint,
    Index,
    IndexColumn,
    SchemaObject,
    Table,
    TypeSpec,
    UserType,
    View,
)
from migplan.parse.context import ParseContext
from migplan.parse.tokens import Name, ParseError, TokenStream

# Native CQL types (https://cassandra.apache.org/doc/latest/cassandra/developing/cql/types.html)
NATIVE = frozenset({
    "ASCII", "BIGINT", "BLOB", "BOOLEAN", "COUNTER", "DATE", "DECIMAL", "DOUBLE", "DURATION", "FLOAT", "INET",
    "INT", "SMALLINT", "TEXT", "TIME", "TIMESTAMP", "TIMEUUID", "TINYINT", "UUID", "VARCHAR", "VARINT",
})
COLLECTIONS = frozenset({"LIST", "SET", "MAP"})
GENERIC = COLLECTIONS | {"TUPLE", "FROZEN", "VECTOR"}


@dataclass(frozen=True)
class CqlType:
    """A CQL type as a tree: ``frozen<map<text, list<int>>>`` is FROZEN(MAP(TEXT, LIST(INT)))."""

    name: str  # upper-case for native and generic types; a UDT's name as stored (folded)
    args: tuple[CqlType, ...] = ()
    udt: bool = False
    literal: str | None = None  # vector<float, 3>: the dimension

    @property
    def custom(self) -> bool:
        """A custom type given by its Java class name ('org.apache.cassandra.db.marshal.X')."""
        return self.udt and self.name.startswith("'")

    @property
    def frozen(self) -> bool:
        return self.name == "FROZEN"

    @property
    def inner(self) -> CqlType:
        """The type under ``frozen<...>``."""
        return self.args[0] if self.frozen and self.args else self

    def walk(self) -> Iterator[CqlType]:
        yield self
        for a in self.args:
            yield from a.walk()

    def __str__(self) -> str:
        if self.udt:
            return self.name
        if self.literal is not None:
            return f"{self.name.lower()}<{', '.join([*map(str, self.args), self.literal])}>"
        if self.args:
            return f"{self.name.lower()}<{', '.join(map(str, self.args))}>"
        return self.name.lower()


# Deeper than this, a type or a constant is refused (ParseError, the run goes on) rather than read
# recursively into a RecursionError: CQL schemas nest a few levels (frozen<map<text, list<int>>>).
MAX_NESTING = 100


def read_type(ts: TokenStream, ctx: ParseContext | None = None, depth: int = 0) -> CqlType:
    """The type at the stream's position; without ``ctx`` a UDT's name is kept as written (the
    stored form, when reading back ``TypeSpec.raw``)."""
    t = ts.peek()
    if depth > MAX_NESTING:
        raise ParseError(f"type nested deeper than {MAX_NESTING} levels", t.start if t else None)
    if t is None:
        raise ParseError("expected a data type, found end of statement", len(ts.text))
    if t.kind == "string":  # a custom type: 'org.apache.cassandra.db.marshal.DynamicCompositeType'
        ts.next()
        return CqlType(t.text, udt=True)  # the quotes kept: a class name, not a UDT of the scripts
    if t.kind not in ("word", "qident"):
        raise ParseError(f"expected a data type, found {t.text!r}", t.start)
    up = t.up
    if up in GENERIC and ts.up(1) == "<":
        ts.i += 2
        args: list[CqlType] = []
        literal = None
        while True:
            if up == "VECTOR" and args and ts.up() and ts.toks[ts.i].kind == "number":
                literal = ts.next().text
            else:
                args.append(read_type(ts, ctx, depth + 1))
            if ts.accept(","):
                continue
            ts.expect(">")
            break
        return CqlType(up, tuple(args), literal=literal)
    if up in NATIVE and t.kind == "word":
        ts.next()
        return CqlType(up)
    name = ts.name()
    if ctx is None:
        return CqlType(".".join(name.parts), udt=True)
    return CqlType(".".join(p if q else ctx.engine.fold(p) for p, q in zip(name.parts, name.quoted)), udt=True)


def type_spec(t: CqlType) -> TypeSpec:
    """The model's TypeSpec of a CQL type; the tree is read back from ``raw`` by ``parse_type_text``."""
    inner = t.inner
    mods = ("FROZEN",) if t.frozen else ()
    if inner.udt:
        return TypeSpec(inner.name, (), mods, user_defined=True, raw=str(t))
    params = tuple(str(a) for a in inner.args) + ((inner.literal,) if inner.literal else ())
    return TypeSpec(inner.name, params, mods, raw=str(t))


def type_tree(spec: TypeSpec) -> CqlType:
    """The CQL type tree of a column read by this module (from its ``raw`` text)."""
    try:
        return read_type(TokenStream(spec.raw or spec.base, "cql"))
    except ParseError:
        return CqlType(spec.base.upper())


def _all_read(ts: TokenStream, where: str) -> None:
    t = ts.peek()
    if t is not None:
        raise ParseError(f"unexpected {t.text!r} {where}", t.start)


def split_fields(ts: TokenStream, first: int, last: int) -> list[tuple[int, int]]:
    """Split a column or field list at its top-level commas: the ones inside ``map<k, v>`` or
    ``(a, b)`` do not count."""
    out: list[tuple[int, int]] = []
    depth, start = 0, first
    for j in range(first, last):
        t = ts.toks[j]
        if t.kind != "punct":
            continue
        if t.text in "(<[{":
            depth += 1
        elif t.text in ")>]}":
            depth -= 1
        elif t.text == "," and depth == 0:
            out.append((start, j))
            start = j + 1
    if start < last:
        out.append((start, last))
    return out


# -- literals and options ------------------------------------------------------------------------
# A CQL constant as Python values: text, a list (set, list, tuple) or a dict (map)
Literal = str | list["Literal"] | dict[str, "Literal"]


def read_literal(ts: TokenStream, depth: int = 0) -> Literal:
    """A CQL constant: string, number, boolean, map ``{k: v}``, set ``{a, b}``, list ``[a]``;
    strings lose their quotes, other scalars stay as written."""
    t = ts.next()
    if depth > MAX_NESTING:
        raise ParseError(f"constant nested deeper than {MAX_NESTING} levels", t.start)
    d = depth + 1
    if t.text == "{":
        if ts.accept("}"):
            return {}
        first = read_literal(ts, d)
        if ts.accept(":"):
            out = {str(first): read_literal(ts, d)}
            while ts.accept(","):
                k = read_literal(ts, d)
                ts.expect(":")
                out[str(k)] = read_literal(ts, d)
            ts.expect("}")
            return out
        items = [first]
        while ts.accept(","):
            items.append(read_literal(ts, d))
        ts.expect("}")
        return items
    if t.text in ("[", "("):
        close = "]" if t.text == "[" else ")"
        items = []
        if not ts.accept(close):
            items.append(read_literal(ts, d))
            while ts.accept(","):
                items.append(read_literal(ts, d))
            ts.expect(close)
        return items
    nxt = ts.peek()
    if t.text == "-" and nxt is not None and nxt.kind == "number":
        return "-" + ts.next().text
    if t.kind == "string":
        if t.text.startswith("$$"):
            return t.text[2:-2]
        return t.text[1:-1].replace("''", "'")
    if t.kind in ("number", "word", "qident"):
        return t.text
    raise ParseError(f"expected a constant, found {t.text!r}", t.start)


@dataclass
class TableOptions:
    values: dict[str, Literal] = field(default_factory=dict)
    clustering_order: list[tuple[str, bool]] = field(default_factory=list)  # (column, descending)
    compact_storage: bool = False


def read_with(ts: TokenStream, ctx: ParseContext) -> TableOptions:
    """``WITH opt = value AND CLUSTERING ORDER BY (c DESC) AND COMPACT STORAGE ...``"""
    out = TableOptions()
    if not ts.accept("WITH"):
        return out
    while True:
        if ts.accept("CLUSTERING", "ORDER", "BY"):
            first, last = ts.group()
            for a, b in ts.split_commas(first, last):
                sub = ts.sub(a, b)
                col = ctx.column_name(sub.name())
                desc = sub.accept_any("ASC", "DESC") == "DESC"
                out.clustering_order.append((col, desc))
        elif ts.accept("COMPACT", "STORAGE"):
            out.compact_storage = True
        else:
            key = ts.next()
            if key.kind not in ("word", "qident"):
                raise ParseError(f"expected a table option, found {key.text!r}", key.start)
            ts.expect("=")
            out.values[key.text.lower()] = read_literal(ts)
        if not ts.accept("AND"):
            return out


def option_text(value: Literal) -> str:
    """An option value as text for the model's ``options`` (maps and lists in CQL notation)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"'{k}': {option_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(option_text(v) for v in value) + "]"
    text = str(value)
    if text.lstrip("-").replace(".", "", 1).isdigit() or text.lower() in ("true", "false"):
        return text
    return "'" + text.replace("'", "''") + "'"


# -- statements ----------------------------------------------------------------------------------
def parse_keyspace(ts: TokenStream, j: int, ctx: ParseContext) -> SchemaObject:
    ts.i = j + 1
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    ks = SchemaObject(kind="keyspace", schema=None, name=ctx.column_name(name), location=ctx.location(),
                      quoted=name.quoted[-1])
    rest = ts.rest_text()
    if rest:
        ks.attrs["options"] = " ".join(rest.split())
    opts = read_with(ts, ctx)
    for key, value in opts.values.items():
        ks.attrs[key] = value
    return ks


def parse_table(ts: TokenStream, j: int, ctx: ParseContext) -> Table:
    ts.i = j + 1
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    schema, obj, quoted, _ = ctx.qualify(name)
    table = Table(kind="table", schema=schema, name=obj, location=ctx.location(), quoted=quoted)
    first, last = ts.group()
    key_spec: tuple[list[str], list[str]] | None = None
    for a, b in split_fields(ts, first, last):
        item = ts.sub(a, b)
        if item.accept("PRIMARY", "KEY"):
            key_spec = _primary_key(item, ctx)
        else:
            col, inline_key = _column(item, len(table.columns) + 1, ctx)
            table.columns.append(col)
            if inline_key:
                key_spec = ([col.name], [])
        _all_read(item, "in the column list")
    if key_spec is None:
        raise ParseError("a CQL table needs a PRIMARY KEY", ts.offset(first))
    partition, clustering = key_spec
    opts = read_with(ts, ctx)
    order = dict(opts.clustering_order)
    table.partition_key = partition
    table.clustering = [IndexColumn(c, order.get(c, False)) for c in clustering]
    unknown = [c for c in order if c not in clustering]
    if unknown:
        ctx.problems.append(f"CLUSTERING ORDER BY names columns that are not clustering columns: {', '.join(unknown)}")
    table.constraints.append(Constraint("primary key", None, partition + clustering, location=ctx.location()))
    for key, value in opts.values.items():
        table.options[key] = option_text(value)
    if opts.compact_storage:
        table.options["compact storage"] = "true"
    columns = {c.name for c in table.columns}
    missing = [c for c in partition + clustering if c not in columns]
    if missing:
        ctx.problems.append(f"PRIMARY KEY names columns the table does not have: {', '.join(missing)}")
    return table


def _primary_key(ts: TokenStream, ctx: ParseContext) -> tuple[list[str], list[str]]:
    """``PRIMARY KEY (a, b, c)`` or ``PRIMARY KEY ((a, b), c)``: (partition key, clustering)."""
    first, last = ts.group()
    parts = ts.split_commas(first, last)
    if not parts:
        raise ParseError("empty PRIMARY KEY", ts.offset(first))
    head = ts.sub(*parts[0])
    if head.at("("):
        a, b = head.group()
        partition = [ctx.column_name(head.sub(x, y).name()) for x, y in head.split_commas(a, b)]
    else:
        partition = [ctx.column_name(head.name())]
    clustering = [ctx.column_name(ts.sub(a, b).name()) for a, b in parts[1:]]
    return partition, clustering


def _column(ts: TokenStream, position: int, ctx: ParseContext) -> tuple[Column, bool]:
    start = ts.peek()
    name = ts.name()
    ctype = read_type(ts, ctx)
    col = Column(ctx.column_name(name), type_spec(ctype), position, quoted=name.quoted[-1],
                 line=ctx.line_at(start.start) if start else None)
    key = False
    while not ts.at_end:
        if ts.accept("STATIC"):
            col.static = True
        elif ts.accept("PRIMARY", "KEY"):
            key = True
            col.nullable = False
        elif ts.accept("DEFAULT"):  # not CQL; some schemas carry it as documentation of intent
            a, b = ts.until(set(), stop_punct=",")
            col.default = ts.span_text(a, b)
        elif ts.accept("MASKED", "WITH"):  # Cassandra 5 dynamic data masking
            a, b = ts.until({"STATIC", "PRIMARY"}, stop_punct=",")
            col.attrs["masked"] = ts.span_text(a, b)
        else:
            break
    return col, key


def parse_type(ts: TokenStream, j: int, ctx: ParseContext) -> UserType:
    ts.i = j + 1
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    schema, obj, quoted, _ = ctx.qualify(name)
    udt = UserType(kind="type", schema=schema, name=obj, location=ctx.location(), quoted=quoted,
                   type_kind="composite")
    first, last = ts.group()
    udt.attrs["definition"] = ts.span_text(first, last)
    for a, b in split_fields(ts, first, last):
        item = ts.sub(a, b)
        col, _ = _column(item, len(udt.columns) + 1, ctx)
        udt.columns.append(col)
        _all_read(item, "in the type's fields")
    return udt


INDEX_TARGETS = ("KEYS", "VALUES", "ENTRIES", "FULL")


def parse_index(ts: TokenStream, j: int, flags: set[str], ctx: ParseContext) -> Index:
    """``CREATE [CUSTOM] INDEX [IF NOT EXISTS] [name] ON t ([KEYS|VALUES|ENTRIES|FULL](c) | c)
    [USING 'class' [WITH OPTIONS = {...}]]``"""
    ts.i = j + 1
    ts.accept("IF", "NOT", "EXISTS")
    name: Name | None = None if ts.at("ON") else ts.name()
    ts.expect("ON")
    tschema, tname, _q, _ = ctx.qualify(ts.name())
    idx = Index(kind="index", schema=tschema, name="", location=ctx.location(), table_schema=tschema,
                table_name=tname)
    first, last = ts.group()
    for a, b in ts.split_commas(first, last):
        item = ts.sub(a, b)
        target = item.accept_any(*INDEX_TARGETS) if item.up(1) == "(" else None
        if target:
            x, y = item.group()
            col = ctx.column_name(item.sub(x, y).name())
            idx.options["target"] = target.lower()
        else:
            col = ctx.column_name(item.name())
        idx.columns.append(IndexColumn(col))
        _all_read(item, "in the index key")
    if ts.accept("USING"):
        using = read_literal(ts)
        idx.options["using"] = str(using)
        idx.method = _index_method(str(using))
        if ts.accept("WITH", "OPTIONS"):
            ts.expect("=")
            idx.options["options"] = option_text(read_literal(ts))
    elif "CUSTOM" in flags:
        raise ParseError("CREATE CUSTOM INDEX needs USING 'class'", ts.offset(ts.i))
    if name is not None:
        idx.name, idx.quoted = ctx.column_name(name), name.quoted[-1]
    else:  # Cassandra's own default name: <table>_<column>_idx
        idx.name = f"{tname}_{'_'.join(c.expression for c in idx.columns)}_idx"
        idx.attrs["generated_name"] = True
    return idx


def _index_method(using: str) -> str:
    low = using.lower()
    if "sasi" in low:
        return "sasi"
    if low in ("sai", "storageattachedindex") or low.endswith(".storageattachedindex"):
        return "sai"
    return "custom"


def parse_materialized_view(ts: TokenStream, j: int, ctx: ParseContext) -> View:
    """``CREATE MATERIALIZED VIEW [IF NOT EXISTS] v AS SELECT cols FROM t WHERE ... PRIMARY KEY (...)
    [WITH CLUSTERING ORDER BY (...) AND opts]``"""
    ts.i = j + 2
    ts.accept("IF", "NOT", "EXISTS")
    schema, obj, quoted, _ = ctx.qualify(ts.name())
    view = View(kind="materialized view", schema=schema, name=obj, location=ctx.location(), quoted=quoted)
    ts.expect("AS")
    q_first = ts.i
    ts.expect("SELECT")
    a, b = ts.until({"FROM"}, stop_punct="")
    cols = [ts.span_text(x, y) for x, y in ts.split_commas(a, b)]
    view.column_names = [] if cols == ["*"] else [ctx.column_name(ts.sub(x, y).name())
                                                  for x, y in ts.split_commas(a, b)]
    ts.expect("FROM")
    bschema, bname, _q, _ = ctx.qualify(ts.name())
    view.references = [f"{bschema}.{bname}" if bschema else bname]
    if ts.accept("WHERE"):
        ts.until({"PRIMARY"}, stop_punct="")
    view.query = ts.span_text(q_first, ts.i)
    ts.expect("PRIMARY", "KEY")
    partition, clustering = _primary_key(ts, ctx)
    opts = read_with(ts, ctx)
    order = dict(opts.clustering_order)
    view.partition_key = partition
    view.clustering = [IndexColumn(c, order.get(c, False)) for c in clustering]
    for key, value in opts.values.items():
        view.options[key] = option_text(value)
    return view


def parse_aggregate(ts: TokenStream, j: int, ctx: ParseContext) -> SchemaObject:
    """``CREATE [OR REPLACE] AGGREGATE [IF NOT EXISTS] f (types) SFUNC s STYPE t [FINALFUNC f]
    [INITCOND x]``: read in full into attrs (its functions are separate statements)."""
    ts.i = j + 1
    ts.accept("IF", "NOT", "EXISTS")
    schema, obj, quoted, _ = ctx.qualify(ts.name())
    agg = SchemaObject(kind="aggregate", schema=schema, name=obj, location=ctx.location(), quoted=quoted)
    first, last = ts.group()
    agg.attrs["arguments"] = [" ".join(ts.span_text(a, b).split()) for a, b in split_fields(ts, first, last)]
    while not ts.at_end:
        word = ts.accept_any("SFUNC", "STYPE", "FINALFUNC", "INITCOND")
        if word is None:
            t = ts.next()
            raise ParseError(f"expected SFUNC, STYPE, FINALFUNC or INITCOND, found {t.text!r}", t.start)
        if word == "STYPE":
            agg.attrs["stype"] = str(read_type(ts, ctx))
        elif word == "INITCOND":
            agg.attrs["initcond"] = option_text(read_literal(ts))
        else:
            agg.attrs[word.lower()] = ".".join(ts.name().parts)
    return agg
