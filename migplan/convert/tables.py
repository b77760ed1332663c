"""Tables: columns with mapped types, defaults, identity, keys and constraints, comments.

The CREATE TABLE carries columns, NOT NULL, defaults, identity and the primary key (what DMS needs
to load); unique keys, foreign keys, checks and comments are separate statements so the plan can
put each in its DMS phase.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from sqlglot import exp

from migplan.convert import collation
from migplan.convert.context import LOSSY_ITEMS, ConvertContext
from migplan.convert.expressions import infer_type
from migplan.convert.profiles import non_deterministic_calls
from migplan.convert.types import MappedType
from migplan.model.conversion import ConvertedObject, TargetStatement
from migplan.model.schema import Column, Constraint, Table


@dataclass
class ColumnDef:
    """One column of a CREATE TABLE as the target writes it; rendered once, when the table is
    final (foreign keys and the row-size limit may still change a type after the column is read)."""

    name: str  # target name, unquoted
    type: str
    clauses: list[str] = field(default_factory=list)  # after the type, in order: identity, DEFAULT, NOT NULL...

    def render(self, p) -> str:
        return " ".join([p.ident(self.name), self.type, *self.clauses])


@dataclass
class TableDef:
    qname: str
    columns: list[ColumnDef]
    keys: list[str]  # PRIMARY KEY (...) and keys the target needs inline
    tail: str

    def column(self, name: str) -> ColumnDef | None:
        return next((c for c in self.columns if c.name == name), None)

    def render(self, p) -> str:
        body = ",\n    ".join([*(c.render(p) for c in self.columns), *self.keys])
        return f"CREATE TABLE {self.qname} (\n    {body}\n){self.tail}"


_LITERAL = re.compile(r"^\(*\s*(?:-?\d+(?:\.\d+)?|'(?:[^']|'')*'|NULL|TRUE|FALSE)\s*\)*$", re.I)


def convert_table(t: Table, ctx: ConvertContext) -> ConvertedObject:
    conv = _convert_table(t, ctx)
    if t.external and ctx.source.family != ctx.profile.family and conv.statements:
        # the rows live outside the database (elastic query, PolyBase, an external file): a plain table
        # on the target would be empty and never filled. The draft waits in 05_held_back.sql.
        conv.draft, conv.statements, conv.converted = conv.statements, [], False
        ctx.finding(conv, "TBL017", "external table: its rows stay outside the database; not created as a "
                    "table on the target: a foreign table (postgres_fdw, file_fdw) or a loaded copy instead")
    return conv


def _convert_table(t: Table, ctx: ConvertContext) -> ConvertedObject:
    schema, name = ctx.target_of(t)
    conv = ConvertedObject(t, schema, name)
    p = ctx.profile
    qname = p.qualified(schema, name)
    if t.partition_of:
        return _partition_child(t, conv, ctx, qname)
    if t.created_from and not t.columns:
        ctx.finding(conv, "TBL014", "table created from a query (CREATE TABLE ... AS SELECT / LIKE): "
                    "migplan cannot list its columns; create it by hand or from the source catalog",
                    source=t.query or t.attrs.get("like"))
        conv.converted = False
        return conv
    if t.of_type:
        ctx.finding(conv, "TBL015", f"object table of {t.of_type}: written as a relational table of its "
                    "attributes; object identifiers and REFs to its rows do not carry over")
    table = TableDef(qname, [], [], "")
    expect_cols = []
    extra_checks: list[tuple[str, str]] = []
    for col in t.columns:
        cdef = _column(col, t, conv, ctx, extra_checks)
        if cdef is None:
            continue
        table.columns.append(cdef)
        tname = ctx.columns[(id(t), col.name.upper())]
        expect_cols.append({"name": tname, "type": ctx.column_types[(id(t), col.name.upper())],
                            "nullable": col.nullable, "identity": col.identity is not None, "source": col.name})
    if p.max_row_bytes:
        for col_name, new_type in _fit_row_size(t, conv, ctx).items():
            table.column(col_name).type = new_type
            for c in expect_cols:
                if c["name"] == col_name:
                    c["type"] = new_type
    pk = _temporal(t, conv, ctx)
    if pk is not None:
        table.keys.append(_key_clause(pk, t, ctx, "PRIMARY KEY"))
    if p.auto_increment_leads_key:
        keyed = {c.upper() for c in (pk.columns if pk else [])[:1]}
        for col in t.columns:
            if auto_increment(col, ctx) and col.name.upper() not in keyed:
                tname = ctx.columns[(id(t), col.name.upper())]
                table.keys.append(f"UNIQUE KEY {p.ident(tname + '_uk')} ({p.ident(tname)})")
                ctx.finding(conv, "SEQ004", f"identity column {col.name} does not lead the primary key: "
                            f"{p.display} requires an AUTO_INCREMENT column to lead an index; a unique key on it "
                            "was added", col.line, sub=col.name)
    if t.temporary:
        ctx.finding(conv, "TBL001", _temporary_message(t, ctx))  # created as a regular table
    if t.partitioning and _native_partitioning(t, ctx):
        table.tail = " " + " ".join(t.partitioning.split())
    if p.table_options:
        table.tail = p.table_options
        table_collation = _table_collation(ctx)
        if table_collation:
            table.tail += f" COLLATE={table_collation}"
    if p.inline_comments and t.comment:
        table.tail += f" COMMENT={p.string(t.comment[:2048])}"
    if p.has_distribution:
        table.tail += distribution_clause(t, conv, ctx)
    ctx.table_defs[id(t)] = table
    conv.statements.append(TargetStatement("table", table.render(p), name, qname, t.location.line,
                                           {"table": (schema, name), "columns": expect_cols}))
    if pk is not None:
        conv.statements[-1].expect["primary_key"] = {
            "columns": [ctx.column_name(t, c) for c in pk.columns]}
    for n, con in enumerate(t.constraints):
        if con.kind == "primary key":
            continue
        stmt = _constraint(con, t, conv, ctx, schema, name)
        if stmt is not None:
            stmt.origin = f"constraint:{n}"
            conv.statements.append(stmt)
    for col_name, cond in extra_checks:
        cname = ctx.names.name("constraint", ("constraint", schema), f"{name}_{col_name}_ck",
                               owner=("ck", id(t), col_name), obj=t)
        sql = f"ALTER TABLE {qname} ADD CONSTRAINT {p.ident(cname)} CHECK ({cond})"
        conv.statements.append(TargetStatement("check", sql, cname, qname, t.location.line,
                                               {"constraint": cname, "table": (schema, name), "kind": "check"}))
    if not p.inline_comments:
        _comments(t, conv, ctx, qname)
    _table_notes(t, conv, ctx)
    return conv


_PERIOD = re.compile(r"PERIOD\s+(?:FOR\s+)?(\w+)\s*\(\s*([^,\s]+)\s*,\s*([^)\s]+)\s*\)", re.I)


def period_columns(t: Table) -> dict[str, tuple[str, str]]:
    """The periods of a table (PERIOD SYSTEM_TIME (b, e), PERIOD FOR name (b, e)): name -> (begin, end)."""
    texts = [str(t.attrs.get("period", "")), *(str(o) for o in t.attrs.get("alter_options", []))]  # ADD PERIOD
    return {m.group(1).upper(): (m.group(2), m.group(3)) for text in texts for m in _PERIOD.finditer(text)}


def _temporal(t: Table, conv: ConvertedObject, ctx: ConvertContext) -> Constraint | None:
    """Temporal tables (Db2 system-period and application-period, SQL Server system-versioned): the
    columns move as plain columns holding the source's values; what the source engine maintained
    (row begin/end, the history table, WITHOUT OVERLAPS keys) is an item. Returns the primary key to
    write: a key WITHOUT OVERLAPS on a period keeps the period's begin column instead."""
    pk = t.primary_key
    generated = [c.name for c in t.columns if c.attrs.get("period_column")
                 or str(c.attrs.get("generated_as", "")).upper().startswith("TRANSACTION")]
    periods = period_columns(t)
    versioning = [o for o in t.attrs.get("alter_options", []) if "VERSIONING" in str(o).upper()]
    periods_text = t.attrs.get("period") or next((o for o in t.attrs.get("alter_options", [])
                                                  if str(o).upper().startswith("PERIOD")), None)
    if not (generated or periods or versioning):
        return pk
    parts = []
    if generated:
        parts.append(f"columns {', '.join(generated)} are set by {ctx.source.display} on every change "
                     "(GENERATED ALWAYS AS ROW BEGIN/END/TRANSACTION START ID): written as plain columns that "
                     "DMS fills with the source values; nothing sets them on the target")
    for period, (begin, end) in sorted(periods.items()):
        parts.append(f"period {period} ({begin}, {end}) is not a target concept: its columns are kept, "
                     "FOR SYSTEM_TIME/FOR BUSINESS_TIME queries and FOR PORTION OF updates need rewriting")
    if versioning:
        parts.append(f"system versioning ({'; '.join(' '.join(str(v).split()) for v in versioning)}): the history "
                     "table is migrated as an ordinary table and no longer receives the old rows (add triggers)")
    if pk is not None and pk.attrs.get("without_overlaps"):
        period = str(pk.attrs["without_overlaps"]).upper()
        begin = periods.get(period, (None, None))[0]
        if begin is not None:
            pk = Constraint(pk.kind, pk.name, columns=[*pk.columns, ctx.source.fold(begin)], location=pk.location)
            named = f"primary key {pk.name}" if pk.name else "primary key"
            parts.append(f"{named} ({', '.join(pk.columns[:-1])}, {period} WITHOUT OVERLAPS) "
                         f"written as ({', '.join(pk.columns)}): unique, but overlapping periods are no longer "
                         "refused (an exclusion constraint or a trigger can check them)")
    ctx.finding(conv, "TBL016", "temporal table: " + "; ".join(parts), t.location.line,
                source=periods_text or (versioning[0] if versioning else None))
    return pk


def _column(col: Column, t: Table, conv: ConvertedObject, ctx: ConvertContext,
            extra_checks: list[tuple[str, str]]) -> ColumnDef | None:
    p = ctx.profile
    tname = ctx.names.name("column", ("column", id(t)), col.name, col.quoted, owner=("col", id(t), col.name),
                           obj=t, line=col.line)
    ctx.columns[(id(t), col.name.upper())] = tname
    line = col.line or t.location.line
    if col.computed is not None and not p.has_generated_columns:
        ctx.finding(conv, "RSH016", f"computed column {col.name} ({' '.join(col.computed.split())}): "
                    f"{p.display} has no generated columns; written as a plain column the load must fill", line,
                    source=col.computed, sub=col.name)
    elif col.computed is not None:
        return _computed(col, t, tname, conv, ctx, line)
    spec = _spec_for(col, p)
    if not spec.base and col.attrs.get("type_from_reference"):
        spec = _referenced_type(col, t, ctx) or spec
    if not spec.base and not spec.raw:
        ctx.finding(conv, "PRS002", f"column {col.name}: no data type could be read", line, sub=col.name)
        return None
    mapped = ctx.map_type(spec)
    type_sql = mapped.sql
    if col.name.upper() in _json_columns(t):
        json_type = p.json_type
        ctx.finding(conv, "TYP022", f"column {col.name} {col.source_type} holds JSON (IS JSON check): written as "
                    f"{json_type}, which validates and indexes it; DMS moves it as a LOB", line, sub=col.name,
                    source=f"{col.name} {col.source_type}", converted=f"{tname} {json_type}")
        mapped = MappedType(json_type, None)
        type_sql = json_type
    evidence = ctx.number_keys.get((t.qname.upper(), col.name.upper()))
    if evidence and mapped.item in ("TYP001", "TYP031"):
        ctx.finding(conv, "TYP031", f"column {col.name} {col.source_type} -> bigint: the scripts show it holds whole "
                    f"numbers ({evidence}); set number_keys = \"numeric\" to keep every value instead", line,
                    source=f"{col.name} {col.source_type}", converted=f"{tname} bigint", sub=col.name)
        mapped = MappedType("bigint", None)
        type_sql = "bigint"
    if mapped.item:
        msg = mapped.message or (mapped.rule.why if mapped.rule else "")
        ctx.finding(conv, mapped.item, f"column {col.name} {col.source_type} -> {type_sql}: {msg}", line,
                    source=f"{col.name} {col.source_type}", converted=f"{tname} {type_sql}", sub=col.name)
    for cond in mapped.checks:
        extra_checks.append((tname, cond.format(col=p.ident(tname))))
    identity = col.identity
    if identity is not None and identity.kind == "serial" and type_sql.lower().endswith(("serial", "serial2",
                                                                                      "serial4", "serial8")):
        type_sql = _SERIAL_BASE[type_sql.lower()]  # the identity clause below replaces serial's sequence
    if identity is not None and type_sql.startswith(("numeric", "decimal")):
        what = f"{p.display} " + ("identity" if p.identity_clause == "identity" else "AUTO_INCREMENT")
        ctx.finding(conv, "TYP031", f"identity column {col.name} maps to {type_sql}: {what} columns must be "
                    "integers; written as bigint", line, sub=col.name)
        type_sql = "bigint"
    parts: list[str] = []
    column_collation = _column_collation(col, t, type_sql, ctx)
    if column_collation:
        parts.append(f"COLLATE {column_collation}")
    if identity is not None:
        parts.append(_identity(col, type_sql, conv, ctx, line))
    elif p.identity_clause == "auto_increment" and serial_default(col):
        # pg_dump's serial: bigint DEFAULT nextval('t_id_seq'::regclass) + OWNED BY -> AUTO_INCREMENT
        parts.append("AUTO_INCREMENT")
    elif p.identity_clause == "redshift" and serial_default(col):
        ctx.finding(conv, "RSH005", f"column {col.name} takes nextval() of a sequence: Redshift has none; written "
                    "as an identity column (unique values, not consecutive)", line, sub=col.name)
        parts.append("GENERATED BY DEFAULT AS IDENTITY(1, 1)")
    elif col.default is not None and mapped.item in LOSSY_ITEMS and not _plain_literal(col.default):
        ctx.finding(conv, "SQL002", f"default of {col.name} ({col.default.strip()}) is a {col.source_type} value, "
                    f"and the column is {type_sql} on {p.family}: written without a default", line,
                    source=col.default.strip(), sub=col.name)
    elif col.default is not None:
        default = _default(col, ctx.base_sql(spec) if type_sql != mapped.sql or mapped.rule is None else type_sql,
                           conv, ctx, line)
        if default:
            parts.append(f"DEFAULT {default}")
    if not col.nullable:
        parts.append("NOT NULL")
    if col.on_update is not None:
        if p.has_on_update:
            conv_u = ctx.exprs.convert(col.on_update)
            parts.append(f"ON UPDATE {conv_u.sql or col.on_update}")
        else:
            ctx.finding(conv, "TBL005", f"column {col.name} is set by ON UPDATE {col.on_update}: "
                        f"{p.family} needs a BEFORE UPDATE trigger to do the same", line, sub=col.name)
    if col.collation and p.case_sensitive_text:
        ctx.finding(conv, "FDM002", f"column {col.name} uses collation {col.collation}: PostgreSQL compares "
                    "text case- and accent-sensitively unless a nondeterministic ICU collation is created", line,
                    sub=col.name)
    if p.inline_comments and col.comment:
        parts.append(f"COMMENT {p.string(col.comment[:1024])}")
    ctx.column_types[(id(t), col.name.upper())] = type_sql
    return ColumnDef(tname, type_sql, parts)


def _table_collation(ctx: ConvertContext) -> str | None:
    """The default collation of a converted table on a target whose own default ignores case and accents
    (MySQL 8.0's utf8mb4_0900_ai_ci), so that text keeps comparing as it did in the source: binary for
    Oracle and PostgreSQL (comparisons, LIKE, REGEXP, GROUP BY, DISTINCT, ORDER BY by code point, unique
    keys: with the default, 'abc' and 'ABC' would be one value and a unique key holding both would stop the
    full load), case-insensitive but accent-sensitive for SQL Server's SQL_Latin1_General_CP1_CI_AS
    ('é' <> 'e'). A source that ignores accents too (MySQL) keeps the target's default."""
    p = ctx.profile
    if p.case_sensitive_text or ctx.source.family == p.family:
        return None
    return {collation.BINARY: p.binary_collation, collation.CASE_INSENSITIVE: p.ci_collation}.get(
        ctx.source.text_collation) or None


def _column_collation(col: Column, t: Table, type_sql: str, ctx: ConvertContext) -> str | None:
    """The collation a text column needs where its own class differs from its table's (_table_collation):
    citext or Oracle BINARY_CI in a binary table, a SQL Server column declared _BIN or _CI_AI."""
    p = ctx.profile
    table = _table_collation(ctx)
    if table is None or not type_sql.lower().startswith(_MYSQL_TEXT):
        return None
    cls = collation.column_class(col, t, ctx.source)
    wanted = {collation.BINARY: p.binary_collation, collation.CASE_INSENSITIVE: p.ci_collation,
              collation.ACCENT_INSENSITIVE: p.ai_collation}.get(cls or "")
    return wanted if wanted and wanted != table else None


_MYSQL_TEXT = ("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set")
_NEXTVAL = re.compile(r"^\(*\s*nextval\s*\(\s*'([^']+)'(?:\s*::\s*regclass)?\s*\)\s*\)*$", re.I)


def serial_default(col: Column) -> str | None:
    """The sequence a column takes its default from with nextval('seq'), if any."""
    m = _NEXTVAL.match(col.default.strip()) if col.default else None
    return m.group(1) if m else None


def auto_increment(col: Column, ctx: ConvertContext) -> bool:
    return col.identity is not None or (ctx.profile.identity_clause == "auto_increment" and
                                        serial_default(col) is not None)


def _referenced_type(col: Column, t: Table, ctx: ConvertContext):
    """Oracle `col REFERENCES parent` without a type: the parent key column's type."""
    for con in t.constraints:
        if con.kind == "foreign key" and col.name in con.columns:
            parent = ctx.inventory.lookup("table", con.ref_schema, con.ref_table or "")
            if isinstance(parent, Table):
                ref_cols = con.ref_columns or (parent.primary_key.columns if parent.primary_key else [])
                i = con.columns.index(col.name)
                if i < len(ref_cols):
                    pc = parent.column(ref_cols[i])
                    if pc is not None:
                        return pc.type
    return None


def _computed(col: Column, t: Table, tname: str, conv: ConvertedObject, ctx: ConvertContext,
              line: int) -> ColumnDef:
    p = ctx.profile
    expr = ctx.exprs.convert(col.computed, columns=_types(t))
    for code, msg in expr.problems if expr.ok else ():
        ctx.finding(conv, code, f"computed column {col.name}: {msg}", line, source=col.computed, sub=col.name)
    if col.type.base:
        type_sql = ctx.map_type(col.type).sql
    else:
        known = {ctx.column_name(t, c.name): ctx.column_types.get((id(t), c.name.upper())) or
                 (ctx.map_type(c.type).sql if c.type.base else "") for c in t.columns if c is not col}
        inferred = infer_type(expr.sql, p.sqlglot, known) if expr.ok else None
        type_sql = inferred or p.unsized_decimal
        how = "inferred from the expression" if inferred else "its type could not be inferred"
        ctx.finding(conv, "TBL004", f"computed column {col.name} has no declared type in the source; "
                    f"written as {type_sql} ({how}): check it", line, source=col.computed, sub=col.name)
    ctx.column_types[(id(t), col.name.upper())] = type_sql
    plain = ColumnDef(tname, type_sql, [] if col.nullable else ["NOT NULL"])
    if not expr.ok:
        ctx.finding(conv, ctx.failure_code(expr, "TBL004"), f"computed column {col.name}: "
                    f"{ctx.failure_message(expr)}; written as a plain "
                    f"{type_sql} column: compute it in a trigger, a view or the application", line,
                    source=col.computed, sub=col.name)
        return plain
    auto = [c.name for c in t.columns if c is not col and auto_increment(c, ctx) and
            c.name.upper() in {str(n.name).upper() for n in expr.tree.find_all(exp.Column)}] \
        if not p.generated_reads_identity else []
    if auto:
        ctx.finding(conv, "TBL004", f"computed column {col.name} reads the AUTO_INCREMENT column {auto[0]}, which "
                    f"MySQL does not allow in a generated column; written as a plain {type_sql} column: fill it in "
                    "a trigger or compute it in a view", line, source=col.computed, converted=expr.sql, sub=col.name)
        return plain
    calls = _routine_calls(expr.tree, ctx)
    if calls:
        ctx.finding(conv, "TBL004", f"computed column {col.name} calls {', '.join(calls)}, procedural code of the "
                    f"scripts that migplan does not convert; written as a plain {type_sql} column: convert the "
                    "function first, then restore the expression", line, source=col.computed, converted=expr.sql,
                    sub=col.name)
        return plain
    lossy = ctx.lossy_reads(t, expr.tree)
    if lossy:
        ctx.finding(conv, "TBL004", f"computed column {col.name} reads {lossy}, which has no {p.family} "
                    f"equivalent; written as a plain {type_sql} column: compute it in a trigger, a view or the "
                    "application", line, source=col.computed, converted=expr.sql, sub=col.name)
        return plain
    refused = non_deterministic_calls(expr.tree, p)
    if refused:
        ctx.finding(conv, "TBL004", f"computed column {col.name} uses {', '.join(refused)}, which {p.family} does not "
                    f"allow in a generated column (not immutable/deterministic); written as a plain {type_sql} "
                    "column: compute it in a trigger, a view or the application", line, source=col.computed,
                    converted=expr.sql, sub=col.name)
        return plain
    stored = "STORED" if (not p.virtual_generated or col.computed_stored) else "VIRTUAL"
    if not p.virtual_generated and not col.computed_stored:
        ctx.finding(conv, "TBL004", f"computed column {col.name} is virtual in the source; PostgreSQL up to 17 "
                    "only has STORED generated columns (values are computed on write)", line, sub=col.name)
    return ColumnDef(tname, type_sql, [f"GENERATED ALWAYS AS ({expr.sql}) {stored}",
                                       *([] if col.nullable else ["NOT NULL"])])


def _spec_for(col: Column, p):
    """The column's type, with what decides a byte length on targets that count bytes (Redshift): its
    character set and Oracle's CHAR length semantics become modifiers the type map can match."""
    spec = col.type
    if not p.single_byte_char or not spec.base:
        return spec
    extra = []
    if col.charset:
        extra.append(f"CHARSET {col.charset.upper()}")
    if spec.params and spec.params[0].upper().endswith(" CHAR"):
        extra.append("CHAR SEMANTICS")
    return dataclasses.replace(spec, modifiers=(*spec.modifiers, *extra)) if extra else spec


def _identity(col: Column, type_sql: str, conv: ConvertedObject, ctx: ConvertContext, line: int) -> str:
    ident = col.identity
    p = ctx.profile
    if p.identity_clause == "redshift":  # IDENTITY(seed, step); BY DEFAULT so the source's values load
        ctx.finding(conv, "RSH005", f"identity {col.name}: Redshift identity values are unique but not "
                    "consecutive nor in insert order; written GENERATED BY DEFAULT so the source's values load",
                    line, sub=col.name)
        start, step = (ident.start, ident.increment) if ident is not None else (None, None)
        return f"GENERATED BY DEFAULT AS IDENTITY({start or 1}, {step or 1})"
    if p.identity_clause == "auto_increment":
        if ident.start not in (None, "1") or ident.increment not in (None, "1"):
            ctx.finding(conv, "SEQ002", f"identity {col.name} starts at {ident.start or 1} by {ident.increment or 1}: "
                        "MySQL AUTO_INCREMENT has one server-wide step (auto_increment_increment); set the start "
                        "with ALTER TABLE ... AUTO_INCREMENT", line, sub=col.name)
        return "AUTO_INCREMENT"
    kind = "ALWAYS" if ident.always else "BY DEFAULT"
    opts = []
    if ident.start not in (None, "1"):
        opts.append(f"START WITH {ident.start}")
    if ident.increment not in (None, "1"):
        opts.append(f"INCREMENT BY {ident.increment}")
    return f"GENERATED {kind} AS IDENTITY" + (f" ({' '.join(opts)})" if opts else "")


def _default(col: Column, type_sql: str, conv: ConvertedObject, ctx: ConvertContext, line: int) -> str | None:
    p = ctx.profile
    text = col.default.strip()
    if text.upper() == "NULL":
        return None
    expr = ctx.exprs.convert(text, columns={col.name.upper(): col.type})
    if not expr.ok:
        ctx.finding(conv, ctx.failure_code(expr, "SQL002"), f"default of {col.name} ({text}): "
                    f"{ctx.failure_message(expr)}; written without a default", line, source=text,
                    sub=col.name)
        return None
    for code, msg in expr.problems:
        ctx.finding(conv, code, f"default of {col.name}: {msg}", line, source=text, converted=expr.sql, sub=col.name)
    sql = expr.sql
    tree = expr.tree
    while isinstance(tree, exp.Paren):  # T-SQL writes ((0)); a literal needs no parentheses anywhere
        tree = tree.this
    if isinstance(tree, (exp.Literal, exp.Boolean, exp.Null)) or (isinstance(tree, exp.Neg) and
                                                                  isinstance(tree.this, exp.Literal)):
        sql = tree.sql(dialect=p.sqlglot)
    if isinstance(tree, exp.Literal) and tree.is_string and _NUMERIC_TYPE.match(type_sql) and \
            not _NUMBER.match(tree.this.strip()):
        if ctx.source.family == "mysql":
            ctx.finding(conv, "SQL002", f"default of {col.name} is {text} on a column of type {type_sql}: a MySQL "
                        "server outside strict mode stores 0 for it; written as DEFAULT 0", line, source=text,
                        converted="0", sub=col.name)
            return "0"
        ctx.finding(conv, "SQL002", f"default of {col.name} is {text} on a column of type {type_sql}: the source "
                    "only fails when the default is used; written without a default", line, source=text,
                    sub=col.name)
        return None
    if ctx.source.family == "mysql" and _is_zero_date(text):
        ctx.finding(conv, "TYP019", f"column {col.name} defaults to the zero date {text}: {p.family} rejects it; "
                    "written without a default (DMS turns zero dates into NULL)", line, sub=col.name)
        return None
    if p.parenthesised_default_expressions:
        now = _now_default(tree, type_sql)
        if now is not None:
            return now
    if p.parenthesised_default_expressions and not _LITERAL.match(sql) and \
            not sql.upper().startswith("CURRENT_TIMESTAMP"):
        sql = f"({sql})"  # MySQL 8.0.13+ / MariaDB: expression defaults in parentheses
    if isinstance(tree, exp.Boolean) and _NUMERIC_TYPE.match(type_sql):
        return "1" if tree.this else "0"  # MySQL's BOOLEAN DEFAULT TRUE, kept as a number
    if type_sql in ("boolean", "tinyint(1)", "bit(1)"):
        bit = _bit_literal(text)
        if bit is not None:  # 0/1, '0'/'1' and MySQL's b'0'/b'1' all mean false/true
            return ("true" if bit else "false") if p.has_boolean else str(int(bit))
    bits = _bit_string(text)
    if bits is not None and set(bits) <= {"0", "1"}:  # MySQL b'0101': a bit string where the column is bit(n)
        if not p.has_boolean or type_sql.startswith("bit"):  # MySQL takes b'...' for any integer column too
            return f"{p.bit_string_prefix}'{bits}'"
        return str(int(bits or "0", 2))
    return sql


_IS_JSON = re.compile(r'^[\s(]*"?(\w+)"?\s+IS\s+JSON\b[\w\s]*[\s)]*$', re.I)


def _json_columns(t: Table) -> set[str]:
    """Columns an Oracle-style CHECK (col IS JSON) declares as JSON documents."""
    out = set()
    for con in t.constraints:
        m = _IS_JSON.match(con.expression or "") if con.kind == "check" else None
        if m:
            out.add(m.group(1).upper())
    return out


def _routine_calls(tree, ctx: ConvertContext) -> list[str]:
    """Functions of the scripts an expression calls (not converted across engine families)."""
    if tree is None or ctx.source.family == ctx.profile.family:
        return []
    out = []
    for node in tree.find_all(exp.Anonymous):
        name = node.this.name if isinstance(node.this, exp.Identifier) else str(node.this)
        if name.upper() in ctx.exprs.routines and name not in out:
            out.append(name)
    return out


def _now_default(tree, type_sql: str) -> str | None:
    """MySQL 8 refuses a CURRENT_TIMESTAMP default whose fractional precision differs from its
    datetime(p)/timestamp(p) column: write it with the column's precision."""
    text = tree.sql(dialect="mysql").upper() if tree is not None else ""
    if not re.fullmatch(r"(CURRENT_TIMESTAMP|NOW|LOCALTIMESTAMP|SYSDATE)(\(\d?\))?", text.replace(" ", "")):
        return None
    if re.fullmatch(r"date", type_sql, re.I):
        return "(CURRENT_DATE)"  # a DATE column takes no CURRENT_TIMESTAMP default, only the expression
    m = re.match(r"(datetime|timestamp)(?:\((\d)\))?", type_sql, re.I)
    if not m:
        return None
    return f"CURRENT_TIMESTAMP({m.group(2)})" if m.group(2) and m.group(2) != "0" else "CURRENT_TIMESTAMP"


def _plain_literal(text: str) -> bool:
    return bool(_LITERAL.match(text.strip()))


def _bit_literal(text: str) -> bool | None:
    t = text.strip().strip("()").strip()
    if t.lower() in ("0", "1", "'0'", "'1'", "b'0'", "b'1'", "0b0", "0b1", "true", "false"):
        return t.lower().strip("'b").endswith(("1", "true")) or t.lower() == "true"
    return None


def _bit_string(text: str) -> str | None:
    t = text.strip().strip("()").strip()
    if t.lower().startswith("b'") and t.endswith("'"):
        return t[2:-1]
    if t.lower().startswith("0b"):
        return t[2:]
    return None


_NUMERIC_TYPE = re.compile(r"^(tiny|small|medium|big)?int(eger)?\b|^(numeric|decimal|real|double|float)\b", re.I)
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")

_SUFFIX = {"unique": "key", "foreign key": "fkey", "check": "check"}  # PostgreSQL's own naming
_SERIAL_BASE = {"serial": "integer", "serial4": "integer", "bigserial": "bigint", "serial8": "bigint",
                "smallserial": "smallint", "serial2": "smallint"}


def _types(t: Table) -> dict:
    return {c.name.upper(): c.type for c in t.columns}


def _is_zero_date(text: str) -> bool:
    return text.strip("'\" ").startswith("0000-00-00")


def _key_clause(con: Constraint, t: Table, ctx: ConvertContext, kind: str) -> str:
    p = ctx.profile
    schema, _tname = ctx.target_of(t)
    cols = ", ".join(p.ident(ctx.column_name(t, c)) for c in con.columns)
    if con.name:
        scope = ("index", schema) if p.index_names_per_schema else ("index", id(t))
        cname = ctx.names.name("constraint", scope, con.name, owner=id(con), obj=t,
                               line=con.location.line if con.location else None)
        return f"CONSTRAINT {p.ident(cname)} {kind} ({cols})"
    return f"{kind} ({cols})"


def _constraint(con: Constraint, t: Table, conv: ConvertedObject, ctx: ConvertContext,
                schema: str | None, name: str) -> TargetStatement | None:
    p = ctx.profile
    qname = p.qualified(schema, name)
    line = con.location.line if con.location else t.location.line
    cols = [ctx.column_name(t, c) for c in con.columns]
    base = (
        con.name
        or f"{name}_{'_'.join(cols)}_{_SUFFIX.get(con.kind, 'con')}"
    )
    scope = ("index", schema) if (con.kind == "unique" and p.index_names_per_schema) else ("constraint", schema)
    if p.constraint_names_per_schema:
        scope = ("constraint", schema)  # MySQL: FK and CHECK names are unique per database
    cname = ctx.names.name("constraint", scope, base, owner=id(con), obj=t, line=line)
    expect = {"constraint": cname, "table": (schema, name), "kind": con.kind, "columns": cols}
    if not con.enabled:
        ctx.finding(conv, "CON001", f"{con.kind} {con.name or ''} is disabled in the source: not created; create it "
                    "after cleaning the data if the rule still holds", line, source=con.describe())
        return None
    if con.kind == "unique":
        sql = f"ALTER TABLE {qname} ADD CONSTRAINT {p.ident(cname)} UNIQUE ({', '.join(p.ident(c) for c in cols)})"
        return TargetStatement("unique", sql, cname, qname, line, expect)
    if con.kind == "foreign key":
        return _foreign_key(con, t, conv, ctx, qname, cname, cols, line, expect)
    if con.kind == "check" and not p.supports_check:
        ctx.finding(conv, "RSH008", f"check {con.name or ''} ({' '.join((con.expression or '').split())}): "
                    f"{p.display} has no CHECK constraints; not created: validate the rule in the load", line,
                    source=con.expression)
        return None
    if con.kind == "check":
        expr = ctx.exprs.convert(con.expression or "", columns=_types(t))
        if not expr.ok:
            ctx.finding(conv, ctx.failure_code(expr, "CON003"), f"check {con.name or ''}: "
                        f"{ctx.failure_message(expr)}; not created", line,
                        source=con.expression)
            return None
        for code, msg in expr.problems:
            ctx.finding(conv, code, f"check {con.name or ''}: {msg}", line, source=con.expression, converted=expr.sql)
        lossy = ctx.lossy_reads(t, expr.tree)
        if lossy:
            ctx.finding(conv, "CON003", f"check {con.name or ''} reads {lossy}, which has no {p.family} equivalent: "
                        "not created; re-express the rule on the target type", line, source=con.expression,
                        converted=expr.sql)
            return None
        refused = non_deterministic_calls(expr.tree, p) if p.checks_refuse_nondeterministic else []
        if refused:
            ctx.finding(conv, "CON003", f"check {con.name or ''} calls {', '.join(refused)}: MySQL allows only "
                        "deterministic functions in a CHECK; not created: enforce it in a trigger", line,
                        source=con.expression, converted=expr.sql)
            return None
        clash = _check_clash(con, t, expr.tree, ctx) if p.checks_refuse_identity_and_cascades else None
        if clash:
            ctx.finding(conv, "CON003", f"check {con.name or ''} reads {clash}: MySQL refuses such a CHECK "
                        "(error 3823/1901); not created: enforce the rule in a trigger", line,
                        source=con.expression, converted=expr.sql)
            return None
        if not con.validated:
            ctx.finding(conv, "CON001", f"check {con.name or ''} is NOVALIDATE in the source: existing rows may "
                        "break it", line, source=con.expression)
        suffix = " NOT VALID" if (not con.validated and p.has_not_valid) else ""
        sql = f"ALTER TABLE {qname} ADD CONSTRAINT {p.ident(cname)} CHECK ({expr.sql}){suffix}"
        return TargetStatement("check", sql, cname, qname, line, expect)
    ctx.finding(conv, "CON004", f"{con.kind} constraint {con.name or ''} has no {p.family} form", line,
                source=con.expression)
    return None


def _check_clash(con: Constraint, t: Table, tree, ctx: ConvertContext) -> str | None:
    """MySQL/MariaDB refuse a CHECK on an AUTO_INCREMENT column or on a column whose foreign key has
    a referential action (ON DELETE/UPDATE CASCADE, SET NULL, SET DEFAULT)."""
    used = {str(c.name).upper() for c in tree.find_all(exp.Column)} if tree is not None else set()
    for col in t.columns:
        if auto_increment(col, ctx) and col.name.upper() in used:
            return f"the AUTO_INCREMENT column {col.name}"
    for fk in t.constraints:
        acted = [a for a in (fk.on_delete, fk.on_update) if a and a not in ("NO ACTION", "RESTRICT")]
        if fk.kind == "foreign key" and fk.enabled and acted:
            hit = [c for c in fk.columns if c.upper() in used]
            if hit:
                return f"{hit[0]}, whose foreign key {fk.name or ''} has ON ... {acted[0]}"
    return None


def _foreign_key(con, t, conv, ctx, qname, cname, cols, line, expect) -> TargetStatement | None:
    p = ctx.profile
    ref_table, ref_qname = ctx.table_target(con.ref_schema, con.ref_table or "")
    if ref_table is None:
        ctx.finding(conv, "CON006", f"foreign key {con.name or ''} references {con.ref_qname}, which is not in "
                    "the scripts: created as written, it fails unless that table exists on the target", line,
                    source=con.describe())
        ref_cols = [ctx.names.base(c) for c in con.ref_columns]
    else:
        ref_cols = [ctx.column_name(ref_table, c) for c in (con.ref_columns or (ref_table.primary_key.columns
                                                                                  if ref_table.primary_key else []))]
    sql = (f"ALTER TABLE {qname} ADD CONSTRAINT {p.ident(cname)} FOREIGN KEY ({', '.join(p.ident(c) for c in cols)}) "
           f"REFERENCES {ref_qname} ({', '.join(p.ident(c) for c in ref_cols)})")
    for which, action in (("DELETE", con.on_delete), ("UPDATE", con.on_update)):
        if not action or action == "NO ACTION":
            continue
        if not p.has_fk_actions:
            label = f"foreign key {con.name}" if con.name else "foreign key"
            ctx.finding(conv, "RSH016", f"{label} ON {which} {action}: {p.display} foreign keys are "
                        "informational and take no referential action; do it in the load", line,
                        source=con.describe())
            continue
        if action == "SET DEFAULT" and not p.has_fk_set_default:
            ctx.finding(conv, "CON004", f"ON {which} SET DEFAULT is not supported by InnoDB: written as NO ACTION",
                        line, source=con.describe())
            continue
        sql += f" ON {which} {action}"
    if con.deferrable:
        if p.supports_deferrable:
            sql += " DEFERRABLE" + (" INITIALLY DEFERRED" if con.initially_deferred else "")
        else:
            ctx.finding(conv, "CON002", f"foreign key {con.name or ''} is DEFERRABLE: {p.family} checks every "
                        "row immediately", line, source=con.describe())
    if not con.validated:
        ctx.finding(conv, "CON001", f"foreign key {con.name or ''} is NOVALIDATE in the source: existing rows may "
                    "break it", line, source=con.describe())
        if p.has_not_valid:
            sql += " NOT VALID"
    expect["ref_table"] = ref_qname
    return TargetStatement("foreign key", sql, cname, qname, line, expect)


def align_foreign_keys(convs: list[ConvertedObject], ctx: ConvertContext) -> None:
    """After every table is written: give each foreign-key column its referenced column's type.
    Repeated until stable, since a re-typed key can itself be referenced (a chain of keys)."""
    tables = [c for c in convs if isinstance(c.source, Table) and c.statements and c.statements[0].kind == "table"]
    for _ in range(len(tables) + 1):
        changed = False
        for conv in tables:
            t = conv.source
            for con in t.constraints:
                if con.kind != "foreign key" or not con.enabled:
                    continue
                ref, _q = ctx.table_target(con.ref_schema, con.ref_table or "")
                if ref is not None:
                    line = con.location.line if con.location else t.location.line
                    changed |= _align_fk_types(con, t, ref, conv, ctx, line)
        if not changed:
            return


def _align_fk_types(con: Constraint, t: Table, ref: Table, conv: ConvertedObject, ctx: ConvertContext, line: int):
    """A foreign key column must have its referenced column's type on MySQL (and should on PostgreSQL)."""
    ref_cols = con.ref_columns or (ref.primary_key.columns if ref.primary_key else [])
    changed = False
    for c, rc in zip(con.columns, ref_cols):
        mine = ctx.column_types.get((id(t), c.upper()))
        theirs = ctx.column_types.get((id(ref), rc.upper()))
        if mine and theirs and mine.lower() != theirs.lower():
            changed = True
            table = ctx.table_defs[id(t)]
            table.column(ctx.column_name(t, c)).type = theirs
            conv.statements[0].sql = table.render(ctx.profile)
            for col in conv.statements[0].expect.get("columns", []):
                if col["name"] == ctx.column_name(t, c):
                    col["type"] = theirs
            ctx.column_types[(id(t), c.upper())] = theirs
            ctx.finding(conv, "TYP032", f"column {c} is {mine} but references {ref.qname}.{rc} ({theirs}): written "
                        f"as {theirs} so the foreign key is valid", line, sub=c)
    return changed


def _comments(t: Table, conv: ConvertedObject, ctx: ConvertContext, qname: str) -> None:
    p = ctx.profile
    schema, name = ctx.target_of(t)
    if t.comment:
        conv.statements.append(TargetStatement("comment", f"COMMENT ON TABLE {qname} IS {p.string(t.comment)}",
                                               name, qname, t.location.line,
                                               {"comment": t.comment, "table": (schema, name)}, "comment:"))
    for col in t.columns:
        if col.comment and (id(t), col.name.upper()) in ctx.column_types:
            cname = ctx.columns[(id(t), col.name.upper())]
            conv.statements.append(TargetStatement(
                "comment", f"COMMENT ON COLUMN {qname}.{p.ident(cname)} IS {p.string(col.comment)}", cname, qname,
                col.line, {"comment": col.comment, "table": (schema, name), "column": cname}, f"comment:{col.name}"))


def _temporary_message(t: Table, ctx: ConvertContext) -> str:
    if t.temporary == "global":
        return (f"global temporary table: {ctx.profile.family} has no global temporary tables (definition shared, "
                "rows private to a session); written as a regular table. Rewrite the code that uses it to create a "
                "temporary table per session, or use the SCT extension pack emulation. DMS does not migrate it.")
    return "temporary table in a schema script: written as a regular table"


def _native_partitioning(t: Table, ctx: ConvertContext) -> bool:
    """PostgreSQL declarative partitioning moves as written between PostgreSQL engines."""
    return (ctx.profile.family == "postgresql" and ctx.source.family == "postgresql"
            and t.partitioning.upper().startswith("PARTITION BY"))


def native_partition_parent(t: Table, ctx: ConvertContext) -> Table | None:
    """The parent of a partition when the target re-creates the partitioning natively; its keys and
    indexes then cascade to the partition, so the partition's own copies must not be written again."""
    if not t.partition_of:
        return None
    parent_name = t.partition_of.split(".")
    parent = ctx.inventory.lookup("table", parent_name[-2] if len(parent_name) > 1 else None, parent_name[-1])
    if isinstance(parent, Table) and parent.partitioning and _native_partitioning(parent, ctx):
        return parent
    return None


def _partition_child(t: Table, conv: ConvertedObject, ctx: ConvertContext, qname: str) -> ConvertedObject:
    parent = native_partition_parent(t, ctx)
    if parent is not None:
        pq = ctx.profile.qualified(*ctx.target_of(parent))
        sql = f"CREATE TABLE {qname} PARTITION OF {pq} {' '.join((t.partitioning or '').split())}"
        schema, name = ctx.target_of(t)
        # keys and indexes come from the partitioned parent; the child's own copies are not repeated
        conv.statements.append(TargetStatement("table", sql, name, qname, t.location.line,
                                               {"table": (schema, name), "columns": []}))
        return conv
    ctx.finding(conv, "TBL003", f"partition {t.qname} of {t.partition_of}: its rows belong in the parent "
                "table on the target, which is not partitioned; the partition is not created")
    conv.converted = False
    return conv


def distribution_clause(t: Table, conv: ConvertedObject, ctx: ConvertContext) -> str:
    """DISTSTYLE / DISTKEY / SORTKEY for the table, with the reason as an item (RSH010), and what
    became of the source's physical design (RSH011, RSH012)."""
    from migplan.convert.distribution import recommend

    if ctx.distribution is None:
        tables = [o for o in ctx.inventory.objects if isinstance(o, Table)]
        ctx.distribution = recommend(tables, lambda fk: ctx.table_target(fk.ref_schema, fk.ref_table or "")[0],
                                     ctx.options.table_rows)
    rec = ctx.distribution.get(id(t))
    if rec is None:
        return ""
    p = ctx.profile
    names = {c.name.upper(): ctx.columns[(id(t), c.name.upper())] for c in t.columns
             if (id(t), c.name.upper()) in ctx.columns}
    clause = f" DISTSTYLE {rec.style}"
    distkey = names.get((rec.distkey or "").upper())
    if rec.style == "KEY" and distkey:
        clause += f" DISTKEY ({p.ident(distkey)})"
    elif rec.style == "KEY":
        clause, rec.style = " DISTSTYLE AUTO", "AUTO"
    sort = [names[c.upper()] for c in rec.sortkey if names.get(c.upper())]
    if sort:
        clause += f" {'COMPOUND ' if len(sort) > 1 else ''}SORTKEY ({', '.join(p.ident(c) for c in sort)})"
    dist = f"DISTSTYLE {rec.style}" + (f" DISTKEY ({distkey})" if rec.style == "KEY" else "")
    sort_text = f"SORTKEY ({', '.join(sort)})" if sort else "SORTKEY AUTO"
    ctx.finding(conv, "RSH010", f"{dist}: {rec.dist_reason}; {sort_text}: {rec.sort_reason}",
                converted=clause.strip())
    physical = sorted(k for k in t.options if k not in _LOGICAL_OPTIONS)
    compressed = [c.name for c in t.columns if c.attrs.get("compress")]  # Teradata COMPRESS value lists
    if compressed:
        physical.append(f"COMPRESS on {', '.join(compressed)} (Redshift encodes columns itself: ENCODE AUTO)")
    if physical:
        ctx.finding(conv, "RSH011", f"source physical design not carried over as written: {', '.join(physical)}; "
                    "distribution and sort keys replace it")
    if t.partitioning:
        ctx.finding(conv, "RSH012", f"partitioned in the source ({_short(t.partitioning)}): Redshift tables have "
                    "no partitions; " + (f"sorted on {', '.join(sort)} instead" if sort else "written unpartitioned"))
    return clause


# options that say nothing about physical design
_LOGICAL_OPTIONS = frozenset({"COMMENT", "ON COMMIT", "ON COMMIT DELETE ROWS", "ON COMMIT PRESERVE ROWS",
                              "PARTITION BY", "WITH DATA", "WITH NO DATA"})


def _table_notes(t: Table, conv: ConvertedObject, ctx: ConvertContext) -> None:
    if ctx.profile.has_distribution:
        return  # distribution_clause said what became of the physical design
    if t.partitioning and not _native_partitioning(t, ctx):
        ctx.finding(conv, "TBL003", f"partitioned in the source ({_short(t.partitioning)}): written unpartitioned; "
                    "re-create the partitioning with the target's declarative partitioning if it is still needed")
    physical = [k for k in t.options if k not in ("COMMENT", "ENGINE", "DEFAULT CHARSET", "CHARSET", "COLLATE",
                                                  "DEFAULT COLLATE", "AUTO_INCREMENT", "ON COMMIT DELETE ROWS",
                                                  "ON COMMIT PRESERVE ROWS", "PARTITION BY")]
    if physical:
        ctx.finding(conv, "TBL009", f"storage options not carried over: {', '.join(sorted(physical))}")
    if "ORGANIZATION INDEX" in t.options:
        ctx.finding(conv, "TBL007", "index-organized table: written as a heap table with a primary key index")


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "..."


_BYTES = {"tinyint": 1, "smallint": 2, "mediumint": 3, "int": 4, "integer": 4, "bigint": 8, "float": 4, "double": 8,
          "date": 3, "time": 6, "datetime": 8, "timestamp": 7, "year": 1, "bit": 8, "decimal": 16}


def _fit_row_size(t: Table, conv: ConvertedObject, ctx: ConvertContext) -> dict[str, str]:
    """InnoDB rejects a row definition over 65,535 bytes: turn the widest VARCHARs into TEXT until it fits.
    Returns target column name -> new type."""
    changed: dict[str, str] = {}
    limit = ctx.profile.max_row_bytes or 0
    sizes = []
    for col in t.columns:
        key = (id(t), col.name.upper())
        typ = ctx.column_types.get(key, "")
        m = re.match(r"(var)?char\((\d+)\)", typ)
        if m:
            sizes.append((int(m.group(2)) * 4 + 2, col, typ))
        else:
            sizes.append((_BYTES.get(typ.split("(")[0].split()[0] if typ else "", 12), col, typ))
    total = sum(s for s, _, _ in sizes)
    if total <= limit:
        return changed
    for size, col, typ in sorted(sizes, key=lambda x: -x[0]):
        if total <= limit:
            break
        if not typ.startswith("varchar"):
            continue
        key = (id(t), col.name.upper())
        new = "mediumtext" if size > limit else "text"
        ctx.column_types[key] = new
        changed[ctx.columns[key]] = new
        total -= size - 12
        ctx.finding(conv, "TYP025", f"column {col.name} {typ} -> {new}: the row would exceed MySQL's 65,535-byte "
                    "row limit with utf8mb4 (4 bytes per character)", col.line, sub=col.name)
    return changed
