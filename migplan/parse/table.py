"""CREATE TABLE, column definitions and constraints.

Structure (names, column list, constraint shapes, options) is read by migplan itself from the
tokens, per-dialect quirks being data in ``options.py``; the expressions inside (defaults, check
conditions, computed columns) are read by sqlglot and checked for lost tokens.
"""

from __future__ import annotations

import re
from collections.abc import Set

from migplan.model.schema import Column, Constraint, Identity, Index, IndexColumn, Table, TypeSpec
from migplan.parse.context import ParseContext
from migplan.parse.options import COLUMN_CONSTRAINT_OPTIONS, CONSTRAINT_OPTIONS, TABLE_OPTIONS, read_options
from migplan.parse.tokens import ParseError, TokenStream
from migplan.parse.types import read_type

# Words that end a DEFAULT / AS expression inside a column definition.
COLUMN_STOP = frozenset([
    "NOT", "NULL", "CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "REFERENCES", "DEFAULT", "GENERATED", "IDENTITY",
    "AUTO_INCREMENT", "COLLATE", "COMMENT", "ON", "ENABLE", "DISABLE", "VALIDATE", "NOVALIDATE", "RELY", "NORELY",
    "DEFERRABLE", "INITIALLY", "USING", "SPARSE", "ROWGUIDCOL", "FILESTREAM", "MASKED", "ENCRYPTED", "VISIBLE",
    "INVISIBLE", "ENCODE", "DISTKEY", "SORTKEY", "CHARACTER", "CHARSET", "SORT", "ENCRYPT", "PERSISTED", "STORED",
    "VIRTUAL", "COLUMN_FORMAT", "STORAGE", "WITH", "INLINE", "KEY", "SERIAL", "HIDDEN", "COMPRESS", "NOCOMPRESS",
    "FORMAT", "TITLE", "CASESPECIFIC", "UPPERCASE", "COMPRESSION", "SRID",
])
REFERENTIAL_ACTIONS = ("CASCADE", "SET NULL", "SET DEFAULT", "NO ACTION", "RESTRICT")
# Column-level flags kept as attributes (value = attribute name)
COLUMN_FLAGS = {
    "SPARSE": "sparse", "ROWGUIDCOL": "rowguidcol", "FILESTREAM": "filestream", "VISIBLE": "visible",
    "INVISIBLE": "invisible", "HIDDEN": "hidden", "NOT FOR REPLICATION": "not_for_replication",
    "CASESPECIFIC": "casespecific", "NOT CASESPECIFIC": "not_casespecific", "UPPERCASE": "uppercase",
    "SORT": "sort", "STATIC": "static", "ENCRYPT": "encrypt", "NOT INLINE": "not_inline",
    "ENABLE": "enable", "DISABLE": "disable", "VALIDATE": "validate", "NOVALIDATE": "novalidate",
    "RELY": "rely", "NORELY": "norely", "WITH DEFAULT": "with_default", "IMPLICITLY HIDDEN": "hidden",
    # Db2 LOB storage options: how the LOB is logged and stored, not what it holds
    "LOGGED": "lob_logged", "NOT LOGGED": "lob_not_logged", "COMPACT": "lob_compact", "NOT COMPACT": "lob_not_compact",
}


def parse_create_table(ts: TokenStream, word_index: int, flags: set[str], ctx: ParseContext) -> Table:
    ts.i = word_index + 1
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    schema, obj, quoted, extra = ctx.qualify(name)
    table = Table(kind="table", schema=schema, name=obj, location=ctx.location(), quoted=quoted)
    table.attrs.update(extra)
    if "GLOBAL" in flags and ("TEMPORARY" in flags or "TEMP" in flags):
        table.temporary = "global"
    elif flags & {"TEMPORARY", "TEMP", "VOLATILE", "PRIVATE"}:
        table.temporary = "local"
    if name.last.startswith("##"):
        table.temporary = "global"
    elif name.last.startswith("#"):
        table.temporary = "local"
    if "UNLOGGED" in flags:
        table.options["UNLOGGED"] = "true"
    if "EXTERNAL" in flags or "FOREIGN" in flags:
        table.external = True
    if "DECLARE" in flags:
        table.attrs["declared_global_temporary"] = True
    if "SET" in flags and ctx.splitter == "teradata":
        table.attrs["set_table"] = True  # Teradata SET table: duplicate rows are discarded
    # Teradata: CREATE MULTISET TABLE t, NO FALLBACK, NO BEFORE JOURNAL, DATABLOCKSIZE = 32768 BYTES ... (
    while ts.at(","):
        ts.i += 1
        first = ts.i
        while not ts.at_end and not ts.at(",") and not ts.at("("):
            ts.i += 1
        table.options[" ".join(ts.span_text(first, ts.i).split())] = "true"
    if ts.accept("PARTITION", "OF"):  # PostgreSQL partition of a parent
        parent = ts.name()
        table.partition_of = ".".join(parent.parts)
        first = ts.i
        ts.i = len(ts.toks)
        table.partitioning = ts.span_text(first, ts.i)
        return table
    if ts.accept("OF"):
        table.of_type = str(ts.name())
    if ts.at("AS") or ts.at("LIKE"):
        _created_from(ts, table, ctx)
        return table
    if ts.at("("):
        first, last = ts.group()
        for a, b in ts.split_commas(first, last):
            _table_item(ts.sub(a, b), table, ctx)
    if ctx.splitter == "mysql":
        _json_columns(table)
    read_options(ts, _options(ctx), table.options)
    if ts.at("AS"):  # CREATE TABLE t [(names)] [physical options] AS SELECT ... (Oracle, SQL Server CTAS)
        _created_from(ts, table, ctx)
        if any(c.type.base for c in table.columns):
            ctx.problems.append("CREATE TABLE ... AS SELECT with column types: not SQL any engine accepts")
    read_options(ts, _options(ctx), table.options)
    _table_options_to_fields(table, ctx.splitter)
    pk = table.primary_key
    if pk is not None:  # every engine makes primary-key columns NOT NULL
        for cname in pk.columns:
            col = table.column(cname)
            if col is not None:
                col.nullable = False
    return table


_TEXT_TYPES = ("LONGTEXT", "MEDIUMTEXT", "TEXT", "TINYTEXT", "VARCHAR")


def _json_columns(table: Table) -> None:
    """MariaDB's JSON is LONGTEXT with a CHECK (json_valid(col)): mariadb-dump writes it that way. Read
    it back as the JSON column it is (the source type kept in attrs["json_text"]), without the check."""
    for con in list(table.constraints):
        if con.kind != "check" or con.name or not con.expression:
            continue
        col = table.column(con.attrs.get("column") or "")
        if col is None or col.type.base not in _TEXT_TYPES:
            continue
        call = "".join(con.expression.split()).replace("`", "").lower()
        if call == f"json_valid({col.name.lower()})":
            col.attrs["json_text"] = " ".join(x for x in (col.source_type, col.collation and
                                                          f"COLLATE {col.collation}") if x)
            col.type, col.charset, col.collation = TypeSpec("JSON"), None, None  # utf8mb4_bin: MariaDB's own
            table.constraints.remove(con)


def _options(ctx: ParseContext) -> list:
    """The table-option tables of the engine (by family, then by splitter)."""
    return TABLE_OPTIONS.get(ctx.engine.family) or TABLE_OPTIONS.get(ctx.splitter, [])


def _unique_primary_index(table: Table) -> None:
    """A Teradata UNIQUE PRIMARY INDEX rejects duplicate keys, as a unique key does (and foreign keys
    may reference it): recorded as one when no key of the table says so already."""
    m = re.search(r"\(([^()]*)\)", table.options["UNIQUE PRIMARY INDEX"])
    if not m:
        return
    cols = [c.strip().strip('"') for c in m.group(1).split(",") if c.strip()]
    if any([c.upper() for c in k.columns] == [c.upper() for c in cols]
           for k in table.constraints if k.kind in ("primary key", "unique")):
        return
    kind = "unique" if table.primary_key else "primary key"
    table.constraints.append(Constraint(kind, None, cols, attrs={"from": "UNIQUE PRIMARY INDEX"}))


def _created_from(ts: TokenStream, table: Table, ctx: ParseContext) -> None:
    """CREATE TABLE t AS SELECT ... / AS (query) WITH [NO] DATA / LIKE other: columns come from elsewhere."""
    kind = ts.next().up
    table.created_from = kind
    rest_first = ts.i
    if kind == "LIKE":
        like = ts.name()
        table.attrs["like"] = ".".join(like.parts)
        read_options(ts, _options(ctx), table.options)
        while not ts.at_end and ts.at_any("INCLUDING", "EXCLUDING", "IDENTITY", "DEFAULTS", "COLUMN", "DEFAULTS",
                                         "COMMENTS", "ALL", "CONSTRAINTS", "INDEXES", "STORAGE"):
            ts.next()
        read_options(ts, _options(ctx), table.options)
        return
    if ts.at("("):  # AS (query) [WITH [NO] DATA] [options]: Db2, Teradata, PostgreSQL
        first, end = ts.group()
        query = ts.span_text(first, end)
        for tail in (("WITH", "NO", "DATA"), ("WITH", "DATA"), ("DEFINITION", "ONLY")):  # Db2: DEFINITION ONLY
            if ts.accept(*tail):
                table.options[" ".join(tail)] = "true"
        read_options(ts, _options(ctx), table.options)
    else:
        last = len(ts.toks)
        for tail in (("WITH", "NO", "DATA"), ("WITH", "DATA")):
            if len(ts.toks) >= len(tail) and all(ts.toks[last - len(tail) + k].up == w for k, w in enumerate(tail)):
                table.options[" ".join(tail)] = "true"
                last -= len(tail)
        query = ts.span_text(rest_first, last)
        ts.i = len(ts.toks)
    table.query = query
    if ctx.sqlglot is not None:
        from migplan.parse import sqlglot_bridge

        parsed = sqlglot_bridge.parse_query(query, ctx.sqlglot, ctx.splitter)
        if parsed.error:
            ctx.problems.append(f"query: {parsed.error}")
        ctx.lost.extend(parsed.lost)
    table.notes.append("columns come from the query (CREATE TABLE ... AS); migplan derives them when it can")


def _table_options_to_fields(table: Table, splitter: str) -> None:
    for key in ("PARTITION BY", "DISTRIBUTE BY"):
        if key in table.options and not table.partitioning:
            table.partitioning = f"{key} {table.options[key]}"
    for key in ("ON COMMIT DELETE ROWS", "ON COMMIT PRESERVE ROWS"):
        if key in table.options:
            table.attrs["on_commit"] = key.split(" ", 2)[2]
    if "ON COMMIT" in table.options:
        table.attrs["on_commit"] = table.options["ON COMMIT"]
    if table.options.pop("WITH SYSTEM VERSIONING", None):  # MariaDB: the table keeps every row's history
        table.attrs["system_versioning"] = True
    if "UNIQUE PRIMARY INDEX" in table.options:
        _unique_primary_index(table)
    if "COMMENT" in table.options and not table.comment:
        from migplan.parse.literals import string_value

        table.comment = string_value(table.options["COMMENT"], backslash=splitter == "mysql")


def _table_item(ts: TokenStream, table: Table, ctx: ParseContext) -> None:
    if ts.at_end:
        return
    word = ts.up() if ts.kind() == "word" else ""
    nxt = ts.up(1)
    if (word in ("CONSTRAINT", "EXCLUDE") or (word == "PRIMARY" and nxt == "KEY")
            or (word == "FOREIGN" and nxt == "KEY") or (word == "CHECK" and nxt == "(")
            or (word == "UNIQUE" and not (nxt in ("KEY", "INDEX") and _mysql_like(ctx)))):
        con = parse_constraint(ts, ctx, table_level=True)
        if con is not None:
            table.constraints.append(con)
        _leftover(ts, ctx, "table constraint")
        return
    is_index = word in ("KEY", "INDEX", "FULLTEXT", "SPATIAL") and (
        nxt in ("(", "USING", "KEY", "INDEX")
        or ts.up(2) in ("(", "USING", "CLUSTERED", "NONCLUSTERED", "HASH", "COLUMNSTORE")
    )
    if is_index or (word == "UNIQUE" and _mysql_like(ctx)):
        _inline_index(ts, table, ctx)
        return
    if word == "PERIOD" and (nxt == "FOR" or ts.up(2) == "("):
        first = ts.i
        ts.i = len(ts.toks)
        table.attrs["period"] = ts.span_text(first, ts.i)
        return
    if word == "LIKE" and ctx.splitter in ("postgres", "redshift", "db2"):
        first = ts.i
        ts.i = len(ts.toks)
        table.attrs["like"] = ts.span_text(first, ts.i)
        return
    _column(ts, table, ctx)


def _mysql_like(ctx: ParseContext) -> bool:
    return ctx.splitter in ("mysql", "teradata")


def _inline_index(ts: TokenStream, table: Table, ctx: ParseContext) -> None:
    """MySQL KEY/INDEX/UNIQUE KEY/FULLTEXT/SPATIAL inside CREATE TABLE (and T-SQL INDEX ix (cols))."""
    start_off = ts.offset(ts.i)
    unique = ts.accept("UNIQUE")
    method = None
    if ts.at_any("FULLTEXT", "SPATIAL"):
        method = ts.next().up.lower()
    ts.accept_any("KEY", "INDEX")
    name = None
    if not ts.at("(") and not ts.at("USING"):
        name = ctx.column_name(ts.name())
    options: dict[str, str] = {}
    if ts.at("USING"):
        ts.i += 1
        options["USING"] = ts.next().up
    for kw in ("CLUSTERED", "NONCLUSTERED"):
        if ts.accept(kw):
            method = kw.lower()
    if ts.accept("COLUMNSTORE"):
        method = f"{method or ''} columnstore".strip()
    if ts.accept("HASH"):
        method = f"{method or ''} hash".strip()
    cols = _index_columns(ts, ctx) if ts.at("(") else []
    read_options(ts, [CONSTRAINT_OPTIONS], options)
    idx = Index(kind="index", schema=table.schema, name=name or "", location=ctx.location(start_off),
                table_schema=table.schema, table_name=table.name, columns=cols, unique=unique,
                method=method, options=options)
    idx.attrs["inline"] = True
    if unique and _mysql_like(ctx):
        con = Constraint("unique", name, [c.expression for c in cols], location=ctx.location(start_off))
        con.attrs["index_columns"] = cols
        table.constraints.append(con)
    else:
        table.attrs.setdefault("inline_indexes", []).append(idx)
    _leftover(ts, ctx, "index")


def _index_columns(ts: TokenStream, ctx: ParseContext) -> list[IndexColumn]:
    first, last = ts.group()
    cols: list[IndexColumn] = []
    for a, b in ts.split_commas(first, last):
        sub = ts.sub(a, b)
        cols.append(read_index_column(sub, ctx))
    return cols


def read_index_column(sub: TokenStream, ctx: ParseContext) -> IndexColumn:
    """One key of an index or constraint: a column, or an expression, with ASC/DESC."""
    desc = False
    end = len(sub.toks)
    # trailing ASC/DESC/NULLS FIRST/LAST and operator classes
    tail: list[str] = []
    while end > 0 and sub.toks[end - 1].kind == "word" and sub.toks[end - 1].up in (
        "ASC", "DESC", "FIRST", "LAST", "NULLS", "OVERLAPS", "WITHOUT", "RANDOM"
    ):
        tail.append(sub.toks[end - 1].up)
        end -= 1
    desc = "DESC" in tail
    nulls = "NULLS FIRST" if "FIRST" in tail else ("NULLS LAST" if "LAST" in tail else None)
    inner = sub.sub(0, end)
    prefix = None
    if len(inner.toks) == 1 and inner.toks[0].kind in ("word", "qident"):
        return IndexColumn(ctx.column_name(inner.name()), desc, nulls=nulls)
    # MySQL prefix index: col(10)
    if (len(inner.toks) == 4 and inner.toks[0].kind in ("word", "qident") and inner.toks[1].text == "("
            and inner.toks[2].kind == "number" and inner.toks[2].text.isdigit() and inner.toks[3].text == ")"
            and ctx.splitter == "mysql"):
        name = inner.name()
        prefix = int(inner.toks[2].text)
        return IndexColumn(ctx.column_name(name), desc, False, prefix)
    # PostgreSQL operator class: col text_pattern_ops / col public.vector_cosine_ops
    if (len(inner.toks) >= 2 and inner.toks[0].kind in ("word", "qident") and inner.toks[-1].kind == "word"
            and inner.toks[-1].up.endswith("_OPS") and all(t.kind == "word" or t.text == "." for t in inner.toks[1:])):
        name = inner.sub(0, 1).name()
        return IndexColumn(ctx.column_name(name), desc, opclass=inner.span_text(1, len(inner.toks)), nulls=nulls)
    text = inner.span_text(0, len(inner.toks))
    if not text:
        raise ParseError("empty index key")
    ctx.check_expression(text, "index expression")
    return IndexColumn(text, desc, True, nulls=nulls)


def _column(ts: TokenStream, table: Table, ctx: ParseContext) -> None:
    start_off = ts.offset(ts.i)
    name = ts.name()
    col_name = ctx.column_name(name)
    col = Column(name=col_name, type=TypeSpec(base=""), position=len(table.columns) + 1,
                 quoted=name.quoted[-1], line=ctx.line_at(start_off))
    if ts.at("AS") or (ts.at("GENERATED") and ctx.splitter == "tsql"):
        col.type = TypeSpec(base="", raw="")  # T-SQL computed column: type comes from the expression
    elif ts.at_any("CONSTRAINT", "REFERENCES") and ctx.splitter == "oracle":
        col.attrs["type_from_reference"] = True  # Oracle: `col REFERENCES t` takes the referenced column's type
    elif not ts.at_end:
        col.type = read_type(ts)
        base = col.type.base
        if base in ("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL4", "SERIAL8", "SERIAL2"):
            col.identity = Identity("serial")
            col.nullable = False
    read_column_options(ts, col, table, ctx)
    table.columns.append(col)
    _leftover(ts, ctx, f"column {col_name}")


def read_column_options(ts: TokenStream, col: Column, table: Table | None, ctx: ParseContext) -> None:
    while not ts.at_end:
        start = ts.i
        off = ts.offset(ts.i)
        if ts.accept("NOT", "NULL"):
            col.nullable = False
            continue
        if ts.accept("NULL"):
            col.nullable = True
            continue
        if ts.at("DEFAULT"):
            ts.i += 1
            if ts.accept("ON", "NULL"):
                col.attrs["default_on_null"] = True
            col.default = _expression(ts, ctx, "default")
            continue
        if ts.at("WITH", "DEFAULT") and ctx.splitter in ("db2", "teradata"):
            ts.i += 2
            if not ts.at_end and ts.up() not in COLUMN_STOP:
                col.default = _expression(ts, ctx, "default")
            else:
                col.attrs["with_default"] = True
            continue
        if ts.at("CONSTRAINT") or ts.at_any("PRIMARY", "UNIQUE", "CHECK", "REFERENCES") or ts.at("FOREIGN", "KEY"):
            con_name = None
            if ts.accept("CONSTRAINT"):
                con_name = ctx.column_name(ts.name())
            if ts.at("DEFAULT"):  # T-SQL: CONSTRAINT DF_x DEFAULT (getdate())
                ts.i += 1
                col.default = _expression(ts, ctx, "default")
                col.default_constraint = con_name
                continue
            if ts.at("NOT", "NULL") or ts.at("NULL"):  # Oracle: CONSTRAINT x_nn NOT NULL
                col.nullable = not ts.accept("NOT", "NULL")
                if col.nullable:
                    ts.accept("NULL")
                col.attrs["not_null_constraint"] = con_name
                read_options(ts, [CONSTRAINT_OPTIONS], col.attrs.setdefault("constraint_options", {}))
                continue
            con = parse_constraint(ts, ctx, table_level=False, name=con_name, column=col.name, start_offset=off)
            if con is not None and table is not None:
                table.constraints.append(con)
                if con.kind == "primary key" and con.columns == [col.name]:
                    col.nullable = False
            continue
        if ts.at("GENERATED") or ts.at("IDENTITY") or ts.at("AS"):
            _generated(ts, col, ctx)
            continue
        if ts.accept_any("AUTO_INCREMENT", "AUTOINCREMENT"):
            col.identity = Identity("auto_increment")
            continue
        if ts.accept("SERIAL", "DEFAULT", "VALUE"):
            col.identity = Identity("auto_increment")
            col.nullable = False
            continue
        if ts.accept("COLLATE"):
            col.collation = ts.next().text
            continue
        if ts.accept("CHARACTER", "SET") or ts.accept("CHARSET"):
            col.charset = ts.next().text
            continue
        if ts.accept("COMMENT"):
            from migplan.parse.literals import string_value

            col.comment = string_value(ts.next().text, backslash=ctx.splitter == "mysql")
            continue
        if ts.accept("INLINE", "LENGTH"):  # Db2: LOB bytes kept in the row
            col.attrs["inline_length"] = ts.next().text
            continue
        if ts.accept("ON", "UPDATE"):
            col.on_update = _expression(ts, ctx, "on update")
            continue
        if ts.accept("MASKED", "WITH") or ts.accept("ENCRYPTED", "WITH"):
            ts.group()
            col.attrs["masked_or_encrypted"] = True
            continue
        if ts.at_any("ENCODE", "COLUMN_FORMAT", "STORAGE", "COMPRESSION", "FORMAT", "TITLE", "SRID"):
            key = ts.next().up.lower()
            col.attrs[key] = ts.next().text
            continue
        if ts.accept("DISTKEY"):
            col.attrs["distkey"] = True
            continue
        if ts.accept("SORTKEY"):
            col.attrs["sortkey"] = True
            continue
        if ts.at_any("COMPRESS", "NOCOMPRESS"):
            w = ts.next().up
            if w == "COMPRESS" and (ts.at("(") or (ts.peek() and ts.kind() in ("string", "number"))):
                ts.group() if ts.at("(") else ts.next()
            col.attrs[w.lower()] = True
            continue
        matched = False
        for phrase, attr in sorted(COLUMN_FLAGS.items(), key=lambda kv: -len(kv[0])):
            if ts.accept(*phrase.split()):
                col.attrs[attr] = True
                matched = True
                break
        if matched:
            continue
        if ts.at("USING", "INDEX"):
            opts: dict[str, str] = {}
            read_options(ts, [CONSTRAINT_OPTIONS], opts)
            continue
        if ts.at("INDEX") and table is not None and ctx.splitter == "tsql":
            # SQL Server inline column index: col type INDEX ix [NONCLUSTERED [HASH]] [WITH (...)]
            ts.i += 1
            iname = ctx.column_name(ts.name())
            method = None
            for kw in ("CLUSTERED", "NONCLUSTERED", "HASH"):
                if ts.accept(kw):
                    method = f"{method or ''} {kw.lower()}".strip()
            opts = {}
            read_options(ts, [CONSTRAINT_OPTIONS], opts)
            idx = Index(kind="index", schema=table.schema, name=iname, location=ctx.location(off),
                        table_schema=table.schema, table_name=table.name,
                        columns=[IndexColumn(col.name)], method=method, options=opts)
            idx.attrs["inline"] = True
            table.attrs.setdefault("inline_indexes", []).append(idx)
            continue
        if ts.i == start:
            return


def _generated(ts: TokenStream, col: Column, ctx: ParseContext) -> None:
    if ts.accept("IDENTITY"):  # T-SQL / Redshift IDENTITY[(seed, increment)]
        ident = Identity("identity")
        if ts.at("("):
            first, last = ts.group()
            args = [ts.span_text(a, b) for a, b in ts.split_commas(first, last)]
            ident.start = args[0] if args else None
            ident.increment = args[1] if len(args) > 1 else None
        col.identity = ident
        col.nullable = False
        return
    if ts.accept("GENERATED"):
        always = bool(ts.accept("ALWAYS"))
        if ts.accept("FOR", "EACH", "ROW", "ON", "UPDATE", "AS", "ROW", "CHANGE", "TIMESTAMP"):
            # Db2 row change timestamp: set by the engine on every INSERT and UPDATE of the row
            col.default = col.default or "CURRENT TIMESTAMP"
            col.on_update = "CURRENT TIMESTAMP"
            col.attrs["row_change_timestamp"] = True
            return
        if not always and not ts.at("AS"):  # Db2 allows plain GENERATED AS ...
            ts.expect("BY", "DEFAULT")
            if ts.accept("ON", "NULL"):
                pass
        if ts.accept("AS", "IDENTITY"):
            ident = Identity("identity", always=always)
            if ts.at("("):
                first, last = ts.group()
                _identity_options(ts.sub(first, last), ident)
            col.identity = ident
            col.nullable = False
            return
        if ts.accept("AS", "ROW"):  # T-SQL temporal: GENERATED ALWAYS AS ROW START|END [HIDDEN]
            col.attrs["period_column"] = ts.next().up
            ts.accept("HIDDEN")
            return
        if ts.at("AS", "ROW"):
            ts.i += 2
            col.attrs["period_column"] = ts.next().up
            return
        if ts.at("AS", "TRANSACTION") or ts.at("AS", "SEQUENCE"):
            ts.i += 1
            first = ts.i
            while not ts.at_end and ts.up() not in COLUMN_STOP:
                ts.i += 1
            col.attrs["generated_as"] = ts.span_text(first, ts.i)
            return
        ts.expect("AS")
    else:
        ts.expect("AS")
    # computed column: AS (expr) [PERSISTED | STORED | VIRTUAL]
    if ts.at("("):
        first, last = ts.group()
        col.computed = ts.span_text(first, last)
    else:
        col.computed = _expression(ts, ctx, "computed column", check=False)
    ctx.check_expression(col.computed, f"computed column {col.name}")
    if ts.accept_any("PERSISTED", "STORED"):
        col.computed_stored = True
        ts.accept("NOT", "NULL")
    else:
        ts.accept("VIRTUAL")


def _identity_options(ts: TokenStream, ident: Identity) -> None:
    while not ts.at_end:
        if ts.accept(","):
            continue
        if ts.accept("START", "WITH", "LIMIT", "VALUE"):
            ident.options["START WITH LIMIT VALUE"] = "true"
        elif ts.accept("START", "WITH") or ts.accept("START"):
            ident.start = _signed(ts)
        elif ts.accept("INCREMENT", "BY") or ts.accept("INCREMENT"):
            ident.increment = _signed(ts)
        elif ts.at("SEQUENCE", "NAME"):
            ts.i += 2
            ident.options["SEQUENCE NAME"] = str(ts.name())
        else:
            word = ts.next().up
            if word in ("NO",):
                word = "NO " + ts.next().up
                ident.options[word] = "true"
            elif (ts.peek() is not None and ts.kind() == "number") or ts.at("-"):
                ident.options[word] = _signed(ts)
            else:
                ident.options[word] = "true"


def _signed(ts: TokenStream) -> str:
    sign = "-" if ts.accept("-") else ""
    ts.accept("+")
    return sign + ts.next().text


def _expression(ts: TokenStream, ctx: ParseContext, what: str, check: bool = True,
                stop: Set[str] = COLUMN_STOP) -> str:
    first, last = ts.until(stop, stop_punct="")
    if first == last and ts.at("NULL"):
        ts.i += 1
        return "NULL"
    if first == last:
        raise ParseError(f"empty {what} expression")
    text = ts.span_text(first, last)
    if check:
        ctx.check_expression(text, what)
    return text


def parse_constraint(ts: TokenStream, ctx: ParseContext, table_level: bool, name: str | None = None,
                     column: str | None = None, start_offset: int | None = None) -> Constraint | None:
    """A constraint clause at the cursor (after an optional CONSTRAINT name)."""
    off = start_offset if start_offset is not None else (ts.offset(ts.i) if ts.peek() else 0)
    if ts.accept("CONSTRAINT"):
        name = ctx.column_name(ts.name())
    con: Constraint
    if ts.accept("PRIMARY", "KEY"):
        con = Constraint("primary key", name)
        _clustered(ts, con)
        # a column's PRIMARY KEY may name its columns (T-SQL accepts `c int CONSTRAINT pk PRIMARY KEY (a, b)`
        # after the last column without a comma): the list is the key, as for a table constraint
        con.columns = _key_columns(ts, ctx, con) if table_level or ts.at("(") else [column or ""]
        ts.accept_any("ASC", "DESC")
    elif ts.accept("UNIQUE"):
        ts.accept_any("KEY", "INDEX")
        con = Constraint("unique", name)
        if ctx.splitter == "mysql" and not ts.at("(") and not ts.at("USING") and not ts.at_end and table_level:
            con.name = con.name or ctx.column_name(ts.name())
        _clustered(ts, con)
        con.columns = _key_columns(ts, ctx, con) if (table_level or ts.at("(")) else [column or ""]
    elif ts.at("FOREIGN", "KEY") or ts.at("REFERENCES"):
        con = Constraint("foreign key", name)
        if ts.accept("FOREIGN", "KEY"):
            if column and not table_level and not ts.at("("):  # SQL Server: col int FOREIGN KEY REFERENCES t
                con.columns = [column]
            else:
                if ctx.splitter == "mysql" and not ts.at("("):
                    con.name = con.name or ctx.column_name(ts.name())
                con.columns = _key_columns(ts, ctx, con)
        else:
            con.columns = [column or ""]
        ts.expect("REFERENCES")
        ref = ts.name()
        con.ref_schema, con.ref_table, _q, _extra = ctx.qualify(ref)
        if ts.at("("):
            first, last = ts.group()
            con.ref_columns = [ctx.column_name(ts.sub(a, b).name()) for a, b in ts.split_commas(first, last)]
        _fk_actions(ts, con)
    elif ts.accept("CHECK"):
        con = Constraint("check", name)
        first, last = ts.group()
        con.expression = ts.span_text(first, last)
        ctx.check_expression(con.expression, f"check constraint {name or ''}".strip())
        if column and not table_level:
            con.attrs["column"] = column
    elif ts.at("EXCLUDE"):
        con = Constraint("exclude", name)
        first = ts.i
        ts.i = len(ts.toks)
        con.expression = ts.span_text(first, ts.i)
    else:
        t = ts.peek()
        raise ParseError(f"unknown constraint {t.text if t else ''!r}", t.start if t else None)
    con.location = ctx.location(off)
    opts: dict[str, str] = {}
    allowed = CONSTRAINT_OPTIONS if table_level or column is None else COLUMN_CONSTRAINT_OPTIONS
    read_options(ts, [allowed], opts)
    _fk_actions(ts, con)
    read_options(ts, [allowed], opts)
    _apply_constraint_options(con, opts)
    return con


def _apply_constraint_options(con: Constraint, opts: dict[str, str]) -> None:
    if not opts:
        return
    con.attrs["options"] = opts
    if "DISABLE" in opts or "DISABLE NOVALIDATE" in opts:
        con.enabled = False
    if "NOVALIDATE" in opts or "ENABLE NOVALIDATE" in opts or "DISABLE NOVALIDATE" in opts or "NOT VALID" in opts:
        con.validated = False
    if "DEFERRABLE" in opts:
        con.deferrable = True
    if "INITIALLY DEFERRED" in opts:
        con.initially_deferred = True
    if "NOT ENFORCED" in opts:
        con.enabled = False


def _clustered(ts: TokenStream, con: Constraint) -> None:
    if ts.accept("CLUSTERED"):
        con.clustered = True
    elif ts.accept("NONCLUSTERED"):
        con.clustered = False
    if ts.accept("HASH"):  # SQL Server memory-optimized: NONCLUSTERED HASH ... WITH (BUCKET_COUNT = n)
        con.attrs["hash"] = True
    if ts.at("USING") and ts.up(1) in ("BTREE", "HASH"):
        ts.i += 2


def _key_columns(ts: TokenStream, ctx: ParseContext, con: Constraint) -> list[str]:
    first, last = ts.group()
    cols: list[str] = []
    keys: list[IndexColumn] = []
    for a, b in ts.split_commas(first, last):
        sub = ts.sub(a, b)
        period = period_without_overlaps(sub, ctx)
        if period:
            con.attrs["without_overlaps"] = period
            continue
        key = read_index_column(sub, ctx)
        keys.append(key)
        cols.append(key.expression)
    if any(k.descending or k.is_expression or k.prefix_length for k in keys):
        con.attrs["index_columns"] = keys
    return cols


def period_without_overlaps(sub: TokenStream, ctx: ParseContext) -> str | None:
    """Db2's ``BUSINESS_TIME WITHOUT OVERLAPS`` key part names a period, not a column (PostgreSQL 18's
    ``col WITHOUT OVERLAPS`` names a range column, which stays a key column)."""
    if ctx.splitter == "db2" and len(sub.toks) == 3 and [t.up for t in sub.toks[1:]] == ["WITHOUT", "OVERLAPS"]:
        return sub.toks[0].up
    return None


def _fk_actions(ts: TokenStream, con: Constraint) -> None:
    while True:
        if ts.accept("MATCH"):
            con.attrs["match"] = ts.next().up
            continue
        if ts.at("ON", "DELETE") or ts.at("ON", "UPDATE"):
            ts.i += 1
            which = ts.next().up
            action = None
            for a in REFERENTIAL_ACTIONS:
                if ts.accept(*a.split()):
                    action = a
                    break
            if action is None:
                raise ParseError(f"unknown referential action after ON {which}")
            if which == "DELETE":
                con.on_delete = action
            else:
                con.on_update = action
            continue
        return


def _leftover(ts: TokenStream, ctx: ParseContext, what: str) -> None:
    rest = ts.leftover()
    if rest is not None:
        ctx.problems.append(f"{what}: did not understand {rest[:80]!r}")
        ts.i = len(ts.toks)
