"""Smaller DDL: synonyms, schemas, users and roles, grants, database links, user types, domains,
DROP statements, and the environment-level objects we record by name and options."""

from __future__ import annotations

import re

from migplan.model.schema import Column, Grant, SchemaObject, Synonym, TypeSpec, UserType
from migplan.parse.context import ParseContext
from migplan.parse.literals import string_value
from migplan.parse.table import read_column_options
from migplan.parse.tokens import ParseError, TokenStream
from migplan.parse.types import read_type

_SECRET = re.compile(r"(IDENTIFIED\s+BY\s+|PASSWORD\s*=?\s*|\bSECRET\s*=\s*)(\"[^\"]*\"|'[^']*'|[^\s,;]+)", re.I)


def mask_secrets(text: str) -> str:
    """Hide passwords (IDENTIFIED BY x, PASSWORD = 'x', a credential's SECRET = 'x') before anything is
    stored or reported."""
    return _SECRET.sub(lambda m: m.group(1) + "'***'", text)


def parse_synonym(ts: TokenStream, word_index: int, flags: set[str], ctx: ParseContext) -> Synonym:
    ts.i = word_index + 1
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    public = "PUBLIC" in flags
    schema, obj, quoted, _extra = ctx.qualify(name)
    if public:
        schema = "PUBLIC"
    ts.expect("FOR")
    ts.accept_any("TABLE", "SEQUENCE", "MODULE")  # Db2 ALIAS ... FOR TABLE x
    target = ts.name(allow_dblink=True)
    tschema, tname, _q, textra = ctx.qualify(target)
    syn = Synonym(kind="synonym", schema=schema, name=obj, location=ctx.location(), quoted=quoted,
                  target_schema=tschema if len(target.parts) > 1 else None, target_name=tname,
                  dblink=target.dblink, public=public)
    if "database" in textra:
        syn.attrs["target_database"] = textra["database"]
    if "server" in textra:
        syn.attrs["target_server"] = textra["server"]
    return syn


def parse_named(ts: TokenStream, word_index: int, kind: str, ctx: ParseContext, words: int = 1,
                schema_scoped: bool = False) -> SchemaObject:
    """Objects recorded by name with their options kept as text (schema, user, role, tablespace...)."""
    ts.i = word_index + words
    ts.accept("IF", "NOT", "EXISTS")
    if kind == "schema" and ts.at("AUTHORIZATION"):  # Oracle/ANSI: CREATE SCHEMA AUTHORIZATION x
        ts.i += 1
    name = ts.name()
    if schema_scoped:
        schema, obj, quoted, extra = ctx.qualify(name)
    else:
        schema, obj, quoted, extra = (
            None,
            name.parts[-1] if name.quoted[-1] else ctx.engine.fold(name.parts[-1]),
            name.quoted[-1],
            {},
        )
    o = SchemaObject(kind=kind, schema=schema, name=obj, location=ctx.location(), quoted=quoted)
    o.attrs.update(extra)
    rest = ts.rest_text()
    if rest:
        o.attrs["options"] = mask_secrets(" ".join(rest.split()))
    ts.i = len(ts.toks)
    return o


def parse_grant(ts: TokenStream, ctx: ParseContext) -> Grant:
    verb = ts.next().up
    first, _ = ts.until({"ON", "TO", "FROM"}, stop_punct="")
    privs = [" ".join(ts.span_text(a, b).split()).upper() for a, b in ts.split_commas(first, ts.i)]
    on = None
    if ts.accept("ON"):
        for kw in ("OBJECT", "SCHEMA", "TYPE", "TABLE", "SEQUENCE", "FUNCTION", "PROCEDURE", "DATABASE",
                   "DIRECTORY", "ALL", "PACKAGE", "VARIABLE", "MODULE", "SPECIFIC", "VIEW", "INDEX", "TABLESPACE",
                   "DOMAIN", "LANGUAGE", "FOREIGN", "LARGE", "WORKLOAD", "ROLE", "ASSEMBLY", "CERTIFICATE",
                   "XML", "SCHEMA", "KEYSPACE"):
            if ts.at(kw) and ts.up(1) not in ("TO", "FROM"):
                ts.i += 1
                ts.accept("TABLES", "IN", "SCHEMA")
                ts.accept("SEQUENCES", "IN", "SCHEMA")
                ts.accept("FUNCTIONS", "IN", "SCHEMA")
                break
        ts.accept(":", ":")
        target = ts.name()
        if ts.at("("):
            ts.group()
        on = str(target)
    if not (ts.accept("TO") or ts.accept("FROM")):
        raise ParseError("GRANT/REVOKE without TO/FROM")
    grantees = []
    while not ts.at_end:
        if ts.at("WITH") or ts.at("CASCADE") or ts.at("AS") or ts.at("GRANTED"):
            ts.i = len(ts.toks)
            break
        t = ts.next()
        if t.text != ",":
            grantees.append(t.text)
    name = f"{'/'.join(privs)} ON {on}" if on else "/".join(privs)
    g = Grant(kind="grant", schema=None, name=name, location=ctx.location(), privileges=privs, on_object=on,
              grantees=grantees, revoke=verb == "REVOKE")
    return g


def parse_user_type(ts: TokenStream, word_index: int, kind: str, ctx: ParseContext) -> UserType:
    """PostgreSQL ENUM/composite/range/base types and domains, T-SQL alias and table types,
    Oracle object/collection types, Db2 distinct/row/array types."""
    ts.i = word_index + (2 if ts.toks[word_index].up == "DISTINCT" else 1)
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    schema, obj, quoted, extra = ctx.qualify(name)
    ut = UserType(kind=kind if kind == "domain" else "type", schema=schema, name=obj, location=ctx.location(),
                  quoted=quoted)
    ut.attrs.update(extra)
    if kind == "domain":
        ts.accept("AS")
        ut.type_kind = "domain"
        start = ts.i
        read_type(ts)
        ut.base_type = ts.span_text(start, ts.i)
        holder_col = Column(name="VALUE", type=TypeSpec(base=ut.base_type), position=1)
        while not ts.at_end:
            if ts.accept("CONSTRAINT"):
                ts.name()
                continue
            if ts.accept("CHECK"):
                first, last = ts.group()
                ut.check = ts.span_text(first, last)
                ctx.check_expression(ut.check, "domain check")
                continue
            before = ts.i
            read_column_options(ts, holder_col, None, ctx)
            if ts.i == before:
                break
        ut.attrs["nullable"] = holder_col.nullable
        if holder_col.default:
            ut.attrs["default"] = holder_col.default
        return ut
    _type_header(ts, ut)
    if ts.accept("UNDER"):
        ut.attrs["under"] = str(ts.name())
        if ts.at("("):  # Oracle subtype: CREATE TYPE t UNDER super (attrs...) [NOT] FINAL
            ut.type_kind = "object"
            _type_attributes(ts, ut, ctx)
            return ut
    if ts.accept("EXTERNAL", "NAME"):  # SQL Server CLR type: EXTERNAL NAME assembly.[class]
        ut.type_kind = "clr"
        start = ts.i
        ts.name()
        ut.attrs["external_name"] = ts.span_text(start, ts.i)
        return ut
    if ts.accept("FROM"):  # T-SQL alias type: CREATE TYPE t FROM varchar(11) NOT NULL
        ut.type_kind = "alias"
        start = ts.i
        read_type(ts)
        ut.base_type = ts.span_text(start, ts.i)
        ts.accept("NOT", "NULL") or ts.accept("NULL")
        return ut
    if not (ts.accept("AS") or ts.accept("IS")):
        if ts.at_end or ts.at(";"):
            ts.accept(";")
            ut.type_kind = "incomplete"  # Oracle forward declaration: CREATE TYPE t;
            return ut
        if ts.at("("):  # PostgreSQL base type: CREATE TYPE t (INPUT = ..., OUTPUT = ...)
            first, last = ts.group()
            ut.type_kind = "base"
            ut.attrs["definition"] = ts.span_text(first, last)
            return ut
        raise ParseError(f"CREATE TYPE: expected AS, found {ts.up()!r}")
    if ts.accept("ENUM"):
        ut.type_kind = "enum"
        first, last = ts.group()
        ut.values = [string_value(ts.span_text(a, b)) for a, b in ts.split_commas(first, last)]
        return ut
    if ts.accept("RANGE"):
        ut.type_kind = "range"
        first, last = ts.group()
        ut.attrs["definition"] = ts.span_text(first, last)
        return ut
    if ts.accept("ROW", "ANCHOR", "ROW", "OF") or ts.accept("ANCHOR", "ROW", "OF"):  # Db2: the row type of a table
        ut.type_kind = "row"
        start = ts.i
        ts.name()
        ut.attrs["anchor"] = ts.span_text(start, ts.i)
        return ut
    if ts.at_any("OBJECT", "TABLE", "ROW") or ts.at("("):
        word = "" if ts.at("(") else ts.next().up
        if word == "TABLE" and ts.accept("OF"):  # Oracle nested table type
            ut.type_kind = "nested table"
            start = ts.i
            ts.i = len(ts.toks)
            ut.base_type = ts.span_text(start, ts.i)
            return ut
        ut.type_kind = {"OBJECT": "object", "TABLE": "table", "ROW": "row", "": "composite"}[word]
        _type_attributes(ts, ut, ctx)
        return ut
    if ts.at_any("VARRAY", "VARYING"):
        ut.type_kind = "varray"
        start = ts.i
        ts.i = len(ts.toks)
        ut.base_type = ts.span_text(start, ts.i)
        return ut
    # Db2 distinct type / array type: AS base [WITH COMPARISONS] | AS base ARRAY[n]
    ut.type_kind = "alias"
    start = ts.i
    read_type(ts)
    ut.base_type = ts.span_text(start, ts.i)
    ts.accept("WITH", "COMPARISONS")
    if ts.accept("ARRAY"):
        ut.type_kind = "array"
        ts.accept("[")
        while not ts.at_end and not ts.accept("]"):
            ts.next()
    return ut


_TYPE_TAIL = ("NOT FINAL", "FINAL", "NOT INSTANTIABLE", "INSTANTIABLE", "NOT PERSISTABLE", "PERSISTABLE")
_METHOD_START = ("MEMBER", "STATIC", "MAP", "ORDER", "CONSTRUCTOR", "FINAL", "OVERRIDING", "NOT", "INSTANTIABLE")


def _type_header(ts: TokenStream, ut: UserType) -> None:
    """Oracle clauses between the name and AS/UNDER, in any order: FORCE, OID '...', AUTHID x,
    SHARING = x, ACCESSIBLE BY (...), DEFAULT COLLATION x."""
    while not ts.at_end:
        if ts.accept("FORCE"):
            ut.attrs["force"] = True
        elif ts.accept("OID"):
            ut.attrs["oid"] = ts.next().text
        elif ts.accept("AUTHID"):
            ut.attrs["authid"] = ts.next().up
        elif ts.accept("SHARING"):
            ts.accept("=")
            ut.attrs["sharing"] = ts.next().up
        elif ts.accept("ACCESSIBLE", "BY"):
            first, last = ts.group()
            ut.attrs["accessible_by"] = ts.span_text(first, last)
        elif ts.accept("DEFAULT", "COLLATION"):
            ut.attrs["collation"] = ts.next().text
        else:
            return


def _type_attributes(ts: TokenStream, ut: UserType, ctx: ParseContext) -> None:
    """Attributes of an object/composite/table type; methods are code and kept as text."""
    from migplan.model.schema import Table

    scratch = Table(kind="table", schema=ut.schema, name=ut.name, location=ut.location)  # inline keys, indexes
    first, last = ts.group()
    for a, b in ts.split_commas(first, last):
        sub = ts.sub(a, b)
        if sub.at_any(*_METHOD_START):
            ut.attrs.setdefault("methods", []).append(sub.rest_text())
            continue
        if sub.at_any("PRIMARY", "UNIQUE", "CHECK", "INDEX", "CONSTRAINT", "PERIOD"):
            ut.attrs.setdefault("constraints", []).append(sub.rest_text())
            continue
        cname = ctx.column_name(sub.name())
        col = Column(name=cname, type=read_type(sub), position=len(ut.columns) + 1)
        read_column_options(sub, col, scratch, ctx)
        if not sub.at_end:
            ctx.problems.append(f"type attribute {cname}: did not understand {sub.rest_text()[:60]!r}")
        ut.columns.append(col)
    for con in scratch.constraints:  # written with an attribute: same form as the table-level ones
        ut.attrs.setdefault("constraints", []).append(con.describe())
    for idx in scratch.attrs.get("inline_indexes", []):
        method = f" {idx.method.upper()}" if idx.method else ""
        cols = ", ".join(c.expression for c in idx.columns)
        ut.attrs.setdefault("constraints", []).append(f"INDEX {idx.name}{method} ({cols})")
    if ts.at("WITH", "("):  # SQL Server table type: WITH (MEMORY_OPTIMIZED = ON)
        ts.i += 1
        first, last = ts.group()
        ut.attrs["with"] = " ".join(ts.span_text(first, last).split())
    tail = []
    while True:
        for phrase in _TYPE_TAIL:
            if ts.accept(*phrase.split()):
                tail.append(phrase)
                break
        else:
            break
    if tail:
        ut.attrs["options"] = " ".join(tail)
    ts.accept(";")  # PL/SQL-mode statements keep their final ';'


def parse_variable(ts: TokenStream, word_index: int, ctx: ParseContext) -> SchemaObject:
    """Db2 global variable: CREATE [OR REPLACE] VARIABLE name type [DEFAULT x | CONSTANT x]."""
    ts.i = word_index + 1
    name = ts.name()
    schema, obj, quoted, _extra = ctx.qualify(name)
    var = SchemaObject(kind="variable", schema=schema, name=obj, location=ctx.location(), quoted=quoted)
    start = ts.i
    read_type(ts)
    var.attrs["type"] = ts.span_text(start, ts.i)
    if ts.at_any("DEFAULT", "CONSTANT"):
        word = ts.next().up.lower()
        first = ts.i
        ts.i = len(ts.toks)
        var.attrs[word] = ts.span_text(first, ts.i)
        ctx.check_expression(var.attrs[word], f"variable {word}")
    return var


def parse_drop(ts: TokenStream, ctx: ParseContext) -> str:
    """DROP <kind> [IF EXISTS] name[, name...] [CASCADE ...]: return a readable description."""
    ts.expect("DROP")
    first = ts.i
    ts.i = len(ts.toks)
    return " ".join(ts.span_text(first, ts.i).split())


def parse_sp_addtype(ts: TokenStream, ctx: ParseContext) -> UserType:
    """SQL Server's legacy alias types: EXEC sp_addtype name, 'varchar(11)' [, 'NOT NULL']."""
    ts.next()  # EXEC
    ts.name()  # [sys.]sp_addtype
    args = []
    for a, b in ts.split_commas(ts.i, len(ts.toks)):
        args.append(
            string_value(
                ts.span_text(a, b).lstrip("Nn") if ts.span_text(a, b)[:2] in ("N'", "n'") else ts.span_text(a, b)
            )
        )
    ts.i = len(ts.toks)
    if len(args) < 2:
        raise ParseError("sp_addtype needs a name and a base type")
    from migplan.parse.tokens import Name

    schema, obj, _quoted, _ = ctx.qualify(Name([args[0]], [False]))
    ut = UserType(kind="type", schema=schema, name=obj, location=ctx.location(), type_kind="alias",
                  base_type=args[1])
    if len(args) > 2:
        ut.attrs["nullable"] = args[2].upper().replace(" ", "") != "NOTNULL"
    return ut
