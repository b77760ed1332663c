"""Turning statements into the inventory: where a statement becomes an object, a part merged into
an object, or one of the recorded non-object dispositions. Nothing is dropped: every statement ends
up in exactly one record.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from migplan import engines
from migplan.engines import Engine
from migplan.ingest.embedded import MAX_DEPTH, embedded_statements
from migplan.ingest.files import SourceFile, UnreadableFile, discover, read_source, source_from_text
from migplan.ingest.lexer import code_text
from migplan.ingest.split import split_source
from migplan.ingest.variables import ClientVariables, reference_text
from migplan.inventory.derive import derive_like_columns, derive_object_table_columns, derive_query_columns
from migplan.inventory.inventory import FileRecord, Inventory, Problem, StatementRecord
from migplan.inventory.merge import apply_parts
from migplan.model.schema import (
    PARSED,
    PARTIAL,
    UNPARSED,
    Index,
    Location,
    Routine,
    SchemaObject,
    Table,
)
from migplan.model.statement import Statement
from migplan.parse import cql
from migplan.parse.alter import parse_alter_table
from migplan.parse.classify import Kind, classify
from migplan.parse.comment import parse_comment, parse_extended_property
from migplan.parse.context import ParseContext
from migplan.parse.definitions import (
    parse_access_control,
    parse_aggregate,
    parse_assembly,
    parse_dimension,
    parse_projection,
    parse_rule,
    parse_with_options,
)
from migplan.parse.index import parse_create_index
from migplan.parse.misc import (
    mask_secrets,
    parse_drop,
    parse_grant,
    parse_named,
    parse_sp_addtype,
    parse_synonym,
    parse_user_type,
    parse_variable,
)
from migplan.parse.routine import parse_routine
from migplan.parse.sequence import parse_create_sequence, read_sequence_options
from migplan.parse.table import parse_create_table
from migplan.parse.tokens import ParseError, TokenStream
from migplan.parse.view import parse_create_view
from migplan.progress import bar

ROUTINE_KINDS = ("procedure", "function", "package", "package body", "trigger", "type body", "java", "library",
                 "macro")
NAMED_KINDS = {"schema", "user", "role", "database", "tablespace", "directory", "extension", "login", "server",
               "keyspace", "database link", "context", "profile", "fulltext catalog", "partition function",
               "partition scheme", "xml schema collection", "edition", "bufferpool", "stogroup", "certificate",
               "master key", "publication", "subscription", "language", "collation", "event", "text search",
               "foreign data wrapper", "security policy", "stage", "warehouse", "workload", "threshold", "credential"}
# Kinds whose statement may hold a secret: their source is kept with passwords masked.
SECRET_KINDS = ("user", "database link", "login", "role", "credential", "master key", "certificate", "server",
                "user mapping", "external data source")
# SQL Server restates the whole object in ALTER PROCEDURE/FUNCTION/VIEW/TRIGGER (install scripts create
# a stub if missing, then ALTER it to its real body); MySQL's ALTER VIEW restates the query.
ALTER_DEFINES = {"tsql": ("procedure", "function", "view", "trigger"), "mysql": ("view",)}
SCHEMA_SCOPED_NAMED = {"xml schema collection", "context", "event", "collation", "text search", "publication"}
_OR_REPLACE = re.compile(r"\s*CREATE\s+OR\s+(?:ALTER|REPLACE)\b", re.I)
_CURRENT_SCHEMA = re.compile(r"ALTER\s+SESSION\s+SET\s+CURRENT_SCHEMA\s*=\s*(\"[^\"]+\"|[\w$#]+)", re.I)
_SEARCH_PATH = re.compile(r"SET\s+search_path\s*(?:=|TO)\s*([^;]*)", re.I)
_SET_CONFIG_PATH = re.compile(r"set_config\(\s*'search_path'\s*,\s*'([^']*)'", re.I)
_USE = re.compile(r"USE\s+([\[`\"]?[\w$#@ ]+[\]`\"]?)", re.I)
_DB2_CONNECT = re.compile(r"CONNECT\s+(?:TO\s+[\w$#@]+(?:\s+IN\s+\w+\s+MODE)?(?:\s+USER\s+(\"[^\"]+\"|[\w$#@]+))?"
                          r"|RESET\b)", re.I)
_CONNECT = re.compile(r"CONN(?:ECT)?\s+(\"[^\"]+\"|[\w$#]+)", re.I)


# Kinds read in full into attrs (migplan/parse/definitions.py): (ts, word index, words, kind, ctx) -> object
DEFINITION_PARSERS = {
    "aggregate": lambda ts, j, _w, _k, ctx: parse_aggregate(ts, j, ctx),
    "rule": lambda ts, j, _w, _k, ctx: parse_rule(ts, j, ctx),
    "assembly": lambda ts, j, _w, _k, ctx: parse_assembly(ts, j, ctx),
    "dimension": lambda ts, j, _w, _k, ctx: parse_dimension(ts, j, ctx),
    "projection": lambda ts, j, _w, _k, ctx: parse_projection(ts, j, ctx),
    "external data source": parse_with_options,
    "external file format": parse_with_options,
    "row permission": parse_access_control,
    "column mask": parse_access_control,
}

# CQL's own shapes (migplan/parse/cql.py): (ts, word index, flags, ctx) -> object
CQL_PARSERS = {
    "keyspace": lambda ts, j, _f, ctx: cql.parse_keyspace(ts, j, ctx),
    "table": lambda ts, j, _f, ctx: cql.parse_table(ts, j, ctx),
    "type": lambda ts, j, _f, ctx: cql.parse_type(ts, j, ctx),
    "index": cql.parse_index,
    "materialized view": lambda ts, j, _f, ctx: cql.parse_materialized_view(ts, j, ctx),
    "aggregate": lambda ts, j, _f, ctx: cql.parse_aggregate(ts, j, ctx),
}


def load_schema(paths, source: str | Engine, default_schema: str | None = None, *,
                options: dict | None = None, defines: dict[str, str] | None = None, progress=None) -> Inventory:
    """Read scripts (a file, a folder, or a list of them) written for ``source`` into an inventory.

    ``defines`` gives client substitution variables their values (SQL*Plus ``&name``, sqlcmd
    ``$(name)``): ``{"MAIN_USER": "APP"}``; they win over what the scripts define or prompt for.
    """
    engine = engines.get(source)
    if engine.splitter is None:
        raise ValueError(
            f"{engine.display} has no SQL scripts migplan can read; name the engine the scripts were written for"
        )
    found, skipped = discover(paths)
    builder = Builder(engine, default_schema, options, defines)
    builder.inv.skipped_files = skipped
    builder.read_all(found, progress=progress)
    return builder.finish()


def load_text(text: str, source: str | Engine, default_schema: str | None = None, path: str = "<string>", *,
              defines: dict[str, str] | None = None) -> Inventory:
    """Inventory of a script given as a string (handy in notebooks and tests)."""
    engine = engines.get(source)
    builder = Builder(engine, default_schema, defines=defines)
    builder.process(source_from_text(text, path))
    return builder.finish()


class Builder:
    def __init__(self, engine: Engine, default_schema: str | None = None, options: dict | None = None,
                 defines: dict[str, str] | None = None):
        self.engine = engine
        self.splitter = engine.splitter or ""  # engines without scripts are refused before this
        self.options = dict(options or {})
        self.variables = ClientVariables(engine.splitter or "", dict(defines or {}))
        self.default_schema = default_schema if default_schema is None else _fold_schema(default_schema, engine)
        self.inv = Inventory(engine, self.default_schema)
        self.pending: list[tuple[int, str, object]] = []  # (statement index, what, parsed action)
        self.database: str | None = None
        self._sources: dict[str, tuple[SourceFile, list[Statement]]] = {}
        self._done: set[str] = set()
        self._bar = bar(0, "parse", False)

    # -- files and includes ---------------------------------------------------------------
    def read_all(self, found: list[tuple[Path, str]], progress=None) -> None:
        loaded: dict[str, tuple[SourceFile, list[Statement]]] = {}
        for path, display in found:
            key = os.path.realpath(path)
            try:
                src = read_source(path, display)
            except UnreadableFile as err:
                self.inv.problems.append(Problem(display, None, f"file skipped: {err}", "INPUT-UNREADABLE"))
                self.inv.files.append(FileRecord(display, "unreadable", 0, 0, [str(err)]))
                continue
            loaded[key] = (src, split_source(src, self.splitter, self.options))
        self._sources = loaded
        included: set[str] = set()
        for src, stmts in loaded.values():
            for s in stmts:
                if s.include:
                    target = self._resolve_include(src, s.include)
                    if target:
                        included.add(target)
        roots = [k for k in loaded if k not in included] or list(loaded)
        roots.sort(key=lambda k: loaded[k][0].path)
        self._bar = bar(sum(len(s) for _, s in loaded.values()), "parse", progress)
        try:
            for key in roots:
                self._process_key(key, None)
            for key in sorted(set(loaded) - self._done, key=lambda k: loaded[k][0].path):  # include cycles
                self._process_key(key, None)
        finally:
            self._bar.close()

    def _resolve_include(self, src: SourceFile, name: str) -> str | None:
        base = os.path.dirname(src.abspath)
        for cand in (os.path.join(base, name), name):
            if os.path.isfile(cand):
                return os.path.realpath(cand)
        return None

    def _process_key(self, key: str, included_by: str | None) -> None:
        if key in self._done:
            return
        self._done.add(key)
        if key not in self._sources:
            try:
                src = read_source(key, os.path.relpath(key))
            except UnreadableFile as err:
                self.inv.problems.append(Problem(key, None, f"included file skipped: {err}", "INPUT-UNREADABLE"))
                return
            self._sources[key] = (src, split_source(src, self.splitter, self.options))
        src, stmts = self._sources[key]
        self._process(src, stmts, included_by)

    def process(self, src: SourceFile) -> None:
        self._process(src, split_source(src, self.splitter, self.options), None)

    def _process(self, src: SourceFile, stmts: list[Statement], included_by: str | None) -> None:
        self.inv.files.append(FileRecord(src.path, src.encoding, src.line_count, len(stmts),
                                         [str(p) for p in src.problems], included_by))
        for p in src.problems:
            self.inv.problems.append(Problem(src.path, getattr(p, "line", None), str(p),
                                             getattr(p, "code", "INPUT-ENCODING")))
        for stmt in stmts:
            self._bar.update()
            self.add(stmt)
            for note in stmt.notes:
                if "truncated" in note or "no '/'" in note or "no closing" in note or "could not find" in note:
                    self.inv.problems.append(Problem(stmt.file, stmt.line, note, "INPUT-TRUNCATED"))
            if stmt.include:
                target = self._resolve_include(src, stmt.include)
                if target is None:
                    self.inv.problems.append(
                        Problem(
                            stmt.file,
                            stmt.line,
                            f"included file {stmt.include!r} not found; its statements are not in the inventory",
                            "INPUT-INCLUDE",
                        )
                    )
                elif target in self._done:
                    stmt.notes.append(f"{stmt.include} was already read")
                else:
                    before = self.variables.positional(stmt.include_args, stmt.location)
                    self._process_key(target, f"{src.path}:{stmt.line}")
                    self.variables.restore(before)

    # -- statements ---------------------------------------------------------------------
    def add(self, stmt: Statement) -> None:
        stmt.index = len(self.inv.statements)
        self.inv.statements.append(stmt)
        if stmt.kind == "client":
            self.variables.on_client(stmt)
            self._client(stmt)
            return
        clean = code_text(stmt.text, self.splitter)
        seen = len(self.variables.uses)
        clean = self.variables.substitute(stmt, clean)
        ts = TokenStream(clean, self.splitter)
        if not ts.toks:
            self._record(stmt, "empty", "session")
            return
        kind = classify(ts, self.splitter)
        ctx = ParseContext(self.engine, stmt, self.default_schema, code=clean)
        ctx.variables = sorted({u.name for u in self.variables.uses[seen:]})
        try:
            self._dispatch(stmt, ts, kind, ctx)
        except ParseError as err:
            self._unparsed(stmt, kind, ts, str(err), ctx, err.offset)
        except (IndexError, ValueError, KeyError, AttributeError, TypeError) as err:  # our bug, not the user's
            self._unparsed(stmt, kind, ts, f"migplan could not read this statement ({type(err).__name__}: {err})", ctx)

    def _dispatch(self, stmt: Statement, ts: TokenStream, kind: Kind, ctx: ParseContext) -> None:
        v, o = kind.verb, kind.obj
        if v == "create":
            obj = self._create(ts, kind, ctx)
            if obj is None:
                return
            self._finish_object(stmt, ts, obj, ctx, str(kind))
            return
        if v == "alter":
            self._alter(stmt, ts, kind, ctx)
            return
        if v == "comment":
            if o == "extended property":
                prop = parse_extended_property(ts)
                self._pending(stmt, "extended property", prop, str(kind))
            else:
                action = parse_comment(ts, backslash=self.engine.splitter == "mysql")
                self._pending(stmt, "comment", action, str(kind))
            return
        if v in ("grant", "revoke"):
            g = parse_grant(ts, ctx)
            self._finish_object(stmt, ts, g, ctx, v)
            return
        if v == "drop":
            desc = parse_drop(ts, ctx)
            self._record(stmt, f"drop {o}".strip(), "drop", message=desc)
            return
        if v == "data":
            target = self._data_target(ts, o, ctx)
            if target:
                self.inv.data.append((stmt.index, target, o))
            self._record(stmt, f"data {o}", "data", object=target)
            return
        if v == "session":
            self._session(stmt, ts, o)
            if o == "exec":  # EXEC ('CREATE ...') at the top of a batch
                self._embedded(stmt, ts.text)
            return
        if v == "block":
            self._record(stmt, "anonymous block", "block")
            self._embedded(stmt, ts.text)
            return
        raise ParseError(f"statement starting with {ts.peek_text()!r} is not one migplan knows")

    def _create(self, ts: TokenStream, kind: Kind, ctx: ParseContext) -> SchemaObject | None:
        o, j, flags = kind.obj, kind.word_index, kind.flags
        if self.engine.splitter == "cql" and o in CQL_PARSERS:
            return CQL_PARSERS[o](ts, j, flags, ctx)
        if o == "table":
            return parse_create_table(ts, j, flags, ctx)
        if o == "index":
            return parse_create_index(ts, j, flags, ctx)
        if o in ("view", "materialized view"):
            return parse_create_view(ts, j, flags, ctx, materialized=o == "materialized view")
        if o == "index":  # pragma: no cover - handled above
            pass
        if o == "sequence":
            return parse_create_sequence(ts, j, ctx)
        if o == "synonym" or (o == "alias" and self.engine.family == "db2"):
            return parse_synonym(ts, j, flags, ctx)
        if o == "type" and "SP_ADDTYPE" in flags:
            return parse_sp_addtype(ts, ctx)
        if o in ("type", "domain"):
            try:
                save = ts.i
                return parse_user_type(ts, j, o, ctx)
            except ParseError:
                if self.engine.family == "oracle":  # object type with an odd shape: keep as code
                    ts.i = save
                    r = parse_routine(ts, j, "type", ctx)
                    return r
                raise
        if o in ROUTINE_KINDS:
            return parse_routine(ts, j, o, ctx)
        if o in DEFINITION_PARSERS and (o != "rule" or self.engine.splitter in ("postgres", "redshift")):
            return DEFINITION_PARSERS[o](ts, j, kind.words, o, ctx)
        if o in NAMED_KINDS:
            obj = parse_named(ts, j, o, ctx, words=kind.words, schema_scoped=o in SCHEMA_SCOPED_NAMED)
            if o == "schema" and self.engine.family == "mysql":
                obj.kind = "database"
            return obj
        if o == "variable":
            return parse_variable(ts, j, ctx)
        if o:
            obj = parse_named(ts, j, o, ctx, words=kind.words, schema_scoped=True)
            obj.status = PARTIAL
            obj.message = f"migplan records {o} objects by name and keeps their definition as text"
            return obj
        raise ParseError("CREATE of an object kind migplan does not know")

    def _embedded(self, stmt: Statement, code: str) -> None:
        """DDL inside a block (guarded creation, dynamic SQL with a literal): statements of their own."""
        depth, parent = 0, stmt.parent
        while parent is not None:
            depth, parent = depth + 1, self.inv.statements[parent].parent
        if depth >= MAX_DEPTH:
            return
        children = embedded_statements(stmt, code, self.splitter)
        if not children:
            return
        record = self.inv.records[stmt.index]
        listed = ", ".join(f"line {c.line}" for c in children[:10]) + (", ..." if len(children) > 10 else "")
        record.message = (f"holds {len(children)} DDL statement{'s' if len(children) > 1 else ''}, "
                          f"read as statements of their own ({listed})")
        for child in children:
            self.add(child)

    def _keeps_existing(self, old: SchemaObject, new: SchemaObject, stmt: Statement, code: str) -> str | None:
        """Why ``old`` stays and ``new`` (same name) does not replace it, or None when it does."""
        if stmt.guard:
            return f"its CREATE at {stmt.location} runs only when the object is missing ({stmt.guard})"
        restates = new.attrs.get("defined_by_alter") or _OR_REPLACE.match(code)  # CREATE OR ALTER/REPLACE
        if old.attrs.get("defined_by_alter") and not restates:
            return (f"the CREATE at {stmt.location} is a stub: the script ALTERs it to its real definition at "
                    f"{old.location}")
        return None

    def _finish_object(self, stmt: Statement, ts: TokenStream, obj: SchemaObject, ctx: ParseContext,
                       kind_text: str) -> None:
        rest = ts.leftover()
        if rest is not None:
            ctx.problems.append(f"did not understand {rest[:100]!r}")
        obj.statement = stmt.index
        obj.location = Location(stmt.file, stmt.line, stmt.end_line)
        obj.source = mask_secrets(stmt.text) if obj.kind in SECRET_KINDS else stmt.text
        if ctx.lost:
            obj.lost = sorted(set(ctx.lost))
        if obj.status == PARSED:
            if ctx.problems:
                obj.status = PARTIAL
                obj.message = "; ".join(ctx.problems)
            elif ctx.lost:
                obj.status = PARTIAL
                obj.message = "sqlglot dropped tokens: " + ", ".join(obj.lost[:10])
        elif ctx.problems:
            obj.message = "; ".join(filter(None, [obj.message, *ctx.problems]))
        obj.notes.extend(stmt.notes)
        for name in ctx.variables:
            ref = reference_text(name, self.splitter)
            obj.notes.append(f"uses {ref}, which has no value in the scripts: kept as the placeholder {ref}")
        old = self.inv.existing(obj)
        if old is not None:
            why = self._keeps_existing(old, obj, stmt, ts.text)
            if why:
                old.notes.append(why)
                self._record(stmt, kind_text, "object", object=old.qname, status=obj.status,
                             message=f"{old.kind} {old.qname} is already defined at {old.location}: {why}")
                return
        note: str | None = None
        if old is not None and obj.attrs.get("defined_by_alter"):
            note = f"defined by this ALTER; the script creates it first at {old.location} (a stub)"
        self.inv.add(obj, note)
        if isinstance(obj, Table):
            for idx in obj.attrs.pop("inline_indexes", []):
                idx.statement = stmt.index
                idx.source = ""
                idx.location = Location(stmt.file, idx.location.line)
                if not idx.name:
                    idx.name = f"{obj.name}_{'_'.join(c.expression for c in idx.columns)}"[:60]
                    idx.attrs["generated_name"] = True
                self.inv.add(idx)
        self._record(stmt, kind_text, "object", object=obj.qname, status=obj.status, message=obj.message)

    def _unparsed(self, stmt: Statement, kind: Kind, ts: TokenStream, message: str, ctx: ParseContext,
                  offset: int | None = None) -> None:
        if offset is not None:
            message = f"{message} (line {ctx.line_at(offset)})"
        name = ""
        schema = None
        if kind.verb == "create" and kind.word_index + 1 < len(ts.toks):
            try:
                probe = TokenStream(ts.text, ts.dialect)
                probe.i = kind.word_index + kind.words
                probe.accept("IF", "NOT", "EXISTS")
                schema, name, _q, _e = ctx.qualify(probe.name())
            except ParseError:
                pass
        if kind.verb == "create" and name:
            obj = SchemaObject(kind=kind.obj or "unknown", schema=schema, name=name,
                               location=Location(stmt.file, stmt.line, stmt.end_line), source=stmt.text,
                               status=UNPARSED, message=message, statement=stmt.index)
            self.inv.add(obj)
            self._record(stmt, str(kind), "object", object=obj.qname, status=UNPARSED, message=message)
            return
        self._record(stmt, str(kind) or "unknown", "unparsed", status=UNPARSED, message=message)

    # -- ALTER and other merges ---------------------------------------------------------------
    def _alter(self, stmt: Statement, ts: TokenStream, kind: Kind, ctx: ParseContext) -> None:
        o = kind.obj
        if o in ALTER_DEFINES.get(self.engine.splitter or "", ()):
            obj = self._create(ts, Kind("create", o, set(), kind.word_index, kind.words), ctx)
            if obj is not None:
                obj.attrs["defined_by_alter"] = True
                self._finish_object(stmt, ts, obj, ctx, str(kind))
            return
        if o == "table":
            alter = parse_alter_table(ts, kind.word_index, ctx)
            self._pending(stmt, "alter table", (alter, ctx), "alter table")
            return
        if o == "session":
            m = _CURRENT_SCHEMA.search(ts.text)
            if m:
                self.default_schema = _fold_schema(m.group(1), self.engine)
            self._record(stmt, "alter session", "session")
            return
        if o in ("sequence", "trigger", "index", "view", "materialized view", "procedure", "function", "package",
                 "type", "domain", "schema", "user", "role", "database", "table", "synonym"):
            ts.i = kind.word_index + kind.words
            ts.accept("IF", "EXISTS")
            name = ts.name()
            schema, obj_name, _q, _e = ctx.qualify(name)
            detail: dict = {"rest": ts.rest_text()}
            if o == "sequence":
                from migplan.model.schema import Sequence

                tmp = Sequence(kind="sequence", schema=schema, name=obj_name, location=ctx.location())
                read_sequence_options(ts, tmp, ctx)
                detail["sequence"] = tmp
            else:
                ts.i = len(ts.toks)
            self._pending(stmt, f"alter {o}", (o, schema, obj_name, detail), f"alter {o}")
            return
        self._record(stmt, f"alter {o}".strip(), "session", message="environment-level change")

    def _pending(self, stmt: Statement, what: str, action: object, kind_text: str) -> None:
        self.pending.append((stmt.index, what, action))
        self._record(stmt, kind_text, "part")

    # -- non-object statements ----------------------------------------------------------------
    def _client(self, stmt: Statement) -> None:
        name = stmt.client or ""
        db2 = _DB2_CONNECT.match(stmt.text.strip()) if name.upper() == "CONNECT" else None
        if db2 is not None:
            # Db2 CLP: CONNECT TO db [USER u [USING pw]] | CONNECT RESET; names default to the user's schema
            if db2.group(1):
                self.default_schema = _fold_schema(self.variables.substitute(stmt, db2.group(1)), self.engine)
            stmt.text = mask_secrets(re.sub(r"(?i)(\bUSING\s+)\S+", r"\1***", stmt.text))
        elif name.upper() in ("CONNECT",):
            # CONNECT user[/password][@db]: later unqualified names belong to that user
            user = re.split(r"[/@\s]", stmt.text.strip().split(None, 1)[-1], maxsplit=1)[0]  # never the password
            m = _CONNECT.match("CONNECT " + self.variables.substitute(stmt, user))
            if m:
                self.default_schema = _fold_schema(m.group(1), self.engine)
            stmt.text = mask_secrets(re.sub(r"/[^@\s]+", "/***", stmt.text))
        self._record(stmt, f"client {name}", "client")

    def _session(self, stmt: Statement, ts: TokenStream, verb: str) -> None:
        text = stmt.text
        if verb == "use":
            m = _USE.match(text.strip())
            if m:
                db = m.group(1).strip("[]`\" ")
                if self.engine.family in ("mysql", "cassandra"):  # a MySQL database, a CQL keyspace
                    self.default_schema = db
                else:
                    self.database = db
        elif verb == "set":
            m = _SEARCH_PATH.search(text)
            if m:
                first = m.group(1).split(",")[0].strip().strip("'\"")
                self.default_schema = first or None
        elif verb == "select":
            m = _SET_CONFIG_PATH.search(text)
            if m:
                self.default_schema = m.group(1).split(",")[0].strip() or None
        self._record(stmt, f"session {verb}", "session")

    def _data_target(self, ts: TokenStream, verb: str, ctx: ParseContext) -> str | None:
        if verb == "batch":  # CQL BEGIN BATCH ...: writes to the tables of its statements
            return None
        ts.i = 1
        try:
            if verb in ("insert", "replace", "upsert"):
                while ts.at_any(
                    "INTO", "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "OVERWRITE", "ALL", "TABLE"
                ):
                    ts.i += 1
            elif verb == "delete":
                ts.accept("FROM")
            elif verb in ("copy", "truncate", "load"):
                ts.accept("TABLE")
                if verb == "load":
                    return None
            elif verb == "bulk":
                ts.accept("INSERT")
            elif verb == "merge":
                ts.accept("INTO")
            elif verb == "update":
                pass
            if ts.at_end or ts.kind() not in ("word", "qident"):
                return None
            schema, name, _q, _e = ctx.qualify(ts.name())
            from migplan.parse.names import key

            return key(schema, name, self.engine)
        except ParseError:
            return None

    def _record(self, stmt: Statement, kind: str, disposition: str, object: str | None = None,
                status: str | None = None, message: str | None = None) -> None:
        self.inv.records.append(StatementRecord(stmt.index, stmt.file, stmt.line, stmt.end_line, kind,
                                                disposition, object, status, message))

    # -- the end -------------------------------------------------------------------------
    def finish(self) -> Inventory:
        derive_object_table_columns(self.inv)  # before the ALTERs that name those columns
        derive_like_columns(self.inv)  # the other table's columns as they were when LIKE ran
        apply_parts(self.inv, self.pending)
        for table in derive_query_columns(self.inv):  # its statement's record says what the object says
            if table.statement is not None:
                record = self.inv.records[table.statement]
                record.status, record.message = table.status, table.message
        self._variable_problems()
        for obj in self.inv.objects:
            if isinstance(obj, Index):
                owner = self.inv.lookup("table", obj.table_schema, obj.table_name)
                if isinstance(owner, Table):
                    owner.indexes.append(obj)
            elif isinstance(obj, Routine) and obj.kind == "trigger" and obj.table_name:
                owner = self.inv.lookup("table", obj.table_schema, obj.table_name)
                if isinstance(owner, Table):
                    owner.triggers.append(obj)
        return self.inv

    def _variable_problems(self) -> None:
        """One problem per variable the scripts use without a value, at its first use."""
        uses: dict[str, list] = {}
        for use in self.variables.uses:
            uses.setdefault(use.name, []).append(use)
        for name, found in uses.items():
            first = found[0]
            ref = reference_text(name, self.splitter)
            statements = len({u.statement for u in found})
            more = f" and {statements - 1} more statement{'s' if statements > 2 else ''}" if statements > 1 else ""
            self.inv.problems.append(Problem(
                first.file, first.line,
                f"substitution variable {ref} has no value ({first.origin}); it is kept as the "
                f"placeholder {ref} here{more}: give its value with --define {name}=VALUE or a [defines] entry "
                f"in the config",
                "INPUT-VARIABLE"))


def _fold_schema(name: str, engine: Engine) -> str:
    if name.startswith('"') and name.endswith('"'):
        return name[1:-1]
    return engine.fold(name)
