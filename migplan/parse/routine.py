"""Headers of procedural objects, read by migplan itself: sqlglot is not a PL/SQL or T-SQL parser
and may silently drop statements from a body (an Oracle ``... IS BEGIN UPDATE ...; END;`` loses
its UPDATE in sqlglot 30). We read kind, name, parameters, return type and trigger event/table,
and keep the body as text for the body scanner; such objects are ``partial`` by design.
"""

from __future__ import annotations

from migplan.engines import Engine
from migplan.model.schema import Parameter, Routine, UserType
from migplan.parse.context import ParseContext
from migplan.parse.literals import string_value
from migplan.parse.tokens import ParseError, TokenStream

_MODES = {"IN", "OUT", "INOUT", "OUTPUT", "VARIADIC", "NOCOPY", "READONLY", "VARYING"}
# Routine characteristics that sit between the header and the body (MySQL, Db2, PG, T-SQL WITH ...)
_CHARACTERISTICS = {
    "LANGUAGE", "DETERMINISTIC", "NOT", "CONTAINS", "NO", "READS", "MODIFIES", "SQL", "DATA", "SECURITY",
    "DEFINER", "INVOKER", "COMMENT", "SPECIFIC", "DYNAMIC", "RESULT", "SETS", "CALLED", "ON", "NULL", "INPUT",
    "EXTERNAL", "ACTION", "FENCED", "THREADSAFE", "PARAMETER", "STYLE", "INHERIT", "SPECIAL", "REGISTERS",
    "OLD", "SAVEPOINT", "LEVEL", "NEW", "AUTONOMOUS", "STATIC", "DISPATCH", "ALLOW", "PARALLEL", "DISALLOW",
    "IMMUTABLE", "STABLE", "VOLATILE", "STRICT", "LEAKPROOF", "COST", "ROWS", "SUPPORT", "SAFE", "UNSAFE",
    "RESTRICTED", "WINDOW", "SET", "RETURNS", "NONATOMIC", "AUTHID", "CURRENT_USER", "PIPELINED",
    "PARALLEL_ENABLE", "RESULT_CACHE", "RELIES_ON", "AGGREGATE", "USING", "ACCESSIBLE", "BY", "SHARING",
    "DEFAULT", "COLLATION", "USING_NLS_COMP", "DBCLOB", "SCRATCHPAD", "FINAL", "CALL", "ATOMIC", "CARDINALITY",
    "PREDICATES", "SOURCE", "CONSTANT", "QUALIFIER", "ASUTIME", "LIMIT", "COMMIT", "STAY", "RESIDENT",
    "PROGRAM", "TYPE", "MAIN", "SUB", "WLM", "ENVIRONMENT", "RUN", "OPTIONS", "SCHEMABINDING", "ENCRYPTION",
    "RECOMPILE", "EXECUTE", "AS", "CALLER", "SELF", "OWNER", "NATIVE_COMPILATION", "INLINE", "RETURNS_NULL",
    "ORDER",
}
_TRIGGER_TIMING = ("INSTEAD OF", "NO CASCADE BEFORE", "BEFORE", "AFTER", "FOR")
_TRIGGER_EVENTS = {
    "INSERT",
    "UPDATE",
    "DELETE",
    "TRUNCATE",
    "MERGE",
    "LOGON",
    "LOGOFF",
    "STARTUP",
    "SHUTDOWN",
    "SERVERERROR",
    "CREATE",
    "ALTER",
    "DROP",
    "DDL",
    "RENAME",
    "GRANT",
    "REVOKE",
    "ANALYZE",
    "COMMENT",
    "AUDIT",
    "NOAUDIT",
    "ASSOCIATE",
    "DISASSOCIATE",
    "SUSPEND",
    "DB_ROLE_CHANGE",
    "CLONE",
    "UNPLUG",
    "SET",
    "DDL_DATABASE_LEVEL_EVENTS",
}


def parse_routine(ts: TokenStream, word_index: int, kind: str, ctx: ParseContext) -> Routine:
    ts.i = word_index + len(kind.split())
    if ts.at("TRIGGER") and kind == "trigger":  # EVENT TRIGGER
        ts.i += 1
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    schema, obj, quoted, extra = ctx.qualify(name)
    r = Routine(kind=kind, schema=schema, name=obj, location=ctx.location(), quoted=quoted)
    r.attrs.update(extra)
    if ts.at(";") and ts.peek(1) is not None and ts.kind(1) == "number":  # T-SQL numbered procedure
        ts.i += 2
    if kind == "trigger":
        _trigger_header(ts, r, ctx)
    elif kind in ("procedure", "function"):
        _routine_header(ts, r, ctx)
    _body(ts, r, ctx)
    r.status = "partial"
    r.message = "header read by migplan; body kept as text for analysis"
    return r


def _params(ts: TokenStream, r: Routine, ctx: ParseContext) -> None:
    first, last = ts.group()
    for a, b in ts.split_commas(first, last):
        sub = ts.sub(a, b)
        p = Parameter(name="")
        modes = []
        while sub.at_any(*_MODES) and sub.peek(1) is not None:
            modes.append(sub.next().up)
        if not sub.at_end:
            t = sub.current()
            nxt = sub.peek(1)
            # a parameter name is followed by a type; PostgreSQL allows unnamed (type only)
            if t.kind in ("word", "qident") and nxt is not None and nxt.text not in ("(", ".", "["):
                p.name = sub.next().text
                while sub.at_any(*_MODES):
                    modes.append(sub.next().up)
        tstart = sub.i
        while not sub.at_end and sub.up() not in ("DEFAULT", ":=", "=") and not (
            sub.peek_text() == ":" and sub.up(1) == "="
        ):
            sub.i += 1
        p.type = sub.span_text(tstart, sub.i)
        for m in ("OUT", "OUTPUT", "READONLY"):  # T-SQL writes OUTPUT after the type
            if p.type.upper().endswith(" " + m):
                modes.append(m)
                p.type = p.type[: -len(m)].rstrip()
        if not sub.at_end:
            if sub.at(":", "="):
                sub.i += 2
            else:
                sub.next()
            p.default = sub.rest_text()
        mode = "IN"
        if {"OUT", "OUTPUT"} & set(modes):
            mode = "IN OUT" if "IN" in modes else "OUT"
        if "INOUT" in modes:
            mode = "IN OUT"
        p.mode = mode
        r.parameters.append(p)


def _routine_header(ts: TokenStream, r: Routine, ctx: ParseContext) -> None:
    if ts.at("("):
        _params(ts, r, ctx)
    elif ctx.splitter in ("tsql",) and not ts.at_any("AS", "WITH", "RETURNS"):
        # T-SQL procedure parameters without parentheses: @a int, @b int = 1 AS
        first, _ = ts.until({"AS", "WITH", "FOR"}, stop_punct="")
        if first != ts.i:
            sub = ts.sub(first, ts.i)
            body = TokenStream.__new__(TokenStream)
            body.text, body.dialect, body.i = ts.text, ts.dialect, 0
            body.toks = [type(sub.toks[0])("punct", "(", 0, 0)] + sub.toks + [type(sub.toks[0])("punct", ")", 0, 0)]
            _params(body, r, ctx)
    if ts.accept("RETURN") or ts.accept("RETURNS"):
        start = ts.i
        if ts.accept("SETOF"):
            pass
        if ts.peek() is not None and ts.peek_text().startswith("@"):  # RETURNS @t TABLE (...)
            ts.next()
        if ts.at("TABLE"):
            ts.i += 1
            if ts.at("("):
                ts.group()
        elif not ts.at_end:
            from migplan.parse.types import read_type

            try:
                read_type(ts)
            except ParseError:
                ts.next()
        r.returns = ts.span_text(start, ts.i)


def _trigger_header(ts: TokenStream, r: Routine, ctx: ParseContext) -> None:
    while not ts.at_end:
        if ts.accept("ON"):
            if ts.at_any("DATABASE", "SCHEMA") or ts.at("ALL", "SERVER"):
                r.attrs["scope"] = ts.next().up
                ts.accept("SERVER")
                continue
            target = ts.name()
            r.table_schema, r.table_name, _q, _e = ctx.qualify(target)
            continue
        matched = False
        for timing in _TRIGGER_TIMING:
            words = timing.split()
            if ts.at(*words) and not (timing == "FOR" and ts.up(1) == "EACH"):
                if timing == "FOR" and ctx.splitter not in ("tsql",) and ts.up(1) not in _TRIGGER_EVENTS:
                    break
                ts.i += len(words)
                r.timing = "BEFORE" if timing == "NO CASCADE BEFORE" else timing
                matched = True
                break
        if matched:
            continue
        if ts.at_any(*_TRIGGER_EVENTS) and (r.timing or ctx.splitter == "tsql") and not ts.at("SET", "NOCOUNT"):
            ev = ts.next().up
            if ev == "UPDATE" and ts.accept("OF"):
                cols = []
                while True:
                    cols.append(ts.name().last)
                    if not ts.accept(","):
                        break
                r.attrs["update_of"] = cols
            r.events.append(ev)
            if ts.accept("OR") or ts.accept(","):
                continue
            continue
        if ts.accept("FOR", "EACH"):
            r.for_each_row = ts.next().up == "ROW"
            continue
        if ts.accept("FOR", "ROW") or ts.accept("FOR", "STATEMENT"):
            r.for_each_row = ts.toks[ts.i - 1].up == "ROW"
            continue
        if ts.accept("REFERENCING"):
            while ts.at_any("OLD", "NEW", "PARENT", "OLD_TABLE", "NEW_TABLE"):
                ts.next()
                ts.accept_any("TABLE", "ROW")
                ts.accept("AS")
                ts.next()
            continue
        if ts.at_any("FOLLOWS", "PRECEDES"):
            ts.next()
            r.attrs["order"] = str(ts.name())
            while ts.accept(","):
                ts.name()
            continue
        if ts.at_any("ENABLE", "DISABLE"):
            r.enabled = ts.next().up == "ENABLE"
            continue
        if ts.accept("WHEN"):
            first, last = ts.group()
            r.attrs["when"] = ts.span_text(first, last)
            continue
        if ts.accept("NOT", "FOR", "REPLICATION") or ts.accept("WITH", "APPEND") or ts.accept("MODE", "DB2SQL"):
            continue
        if (
            ts.at("WITH")
            and ctx.splitter == "tsql"
            and ts.up(1) in ("EXECUTE", "ENCRYPTION", "NATIVE_COMPILATION", "SCHEMABINDING")
        ):
            ts.i += 1
            while not ts.at_end and ts.up() not in ("FOR", "AFTER", "INSTEAD", "AS"):
                ts.next()
            continue
        if ts.accept("NOT", "DEFERRABLE") or ts.accept("DEFERRABLE") or ts.accept("INITIALLY", "DEFERRED") \
                or ts.accept("INITIALLY", "IMMEDIATE"):
            continue
        if ts.accept("FROM"):
            ts.name()
            continue
        break
    if ts.at("COMPOUND", "TRIGGER"):
        r.attrs["compound"] = True


def _body(ts: TokenStream, r: Routine, ctx: ParseContext) -> None:
    """Find where the body starts, read trailing characteristics, keep the body text."""
    while not ts.at_end:
        t = ts.current()
        up = t.up
        if up in ("IS", "AS") and t.kind == "word":
            ts.i += 1
            if (
                ctx.splitter in ("postgres", "redshift", "snowflake")
                and ts.peek() is not None
                and ts.kind() == "string"
            ):
                _pg_string_body(ts, r, ctx)
                return
            if ts.at("LANGUAGE") or ts.at("EXTERNAL"):
                r.language = ts.rest_text()
                r.external = True
            break
        if up == "LANGUAGE" and t.kind == "word":
            ts.i += 1
            r.language = ts.next().text.strip("'\"").lower()
            continue
        if t.kind == "string" and ctx.splitter in ("postgres", "redshift"):
            _pg_string_body(ts, r, ctx)
            return
        if up in ("EXECUTE", "EXEC") and r.kind == "trigger" and ctx.splitter in ("postgres", "redshift"):
            break
        if up in _CHARACTERISTICS and t.kind == "word" and up not in ("BEGIN",):
            ts.i += 1
            if up == "COMMENT" and ts.peek() is not None and ts.kind() == "string":
                ts.i += 1
            if up in ("SET",) and ctx.splitter == "postgres":  # SET search_path = ...
                while not ts.at_end and ts.up() not in ("AS", "LANGUAGE"):
                    ts.i += 1
            continue
        if t.kind == "punct" and t.text in (",", "=", "(", ")"):
            if t.text == "(":
                ts.group()
            else:
                ts.i += 1
            continue
        if t.kind in ("number",):
            ts.i += 1
            continue
        break
    if ts.at_end:
        r.body = ""
        return
    start = ts.offset(ts.i)
    r.body = ts.text[start:ts.toks[-1].end]
    r.body_line = ctx.line_at(start)
    ts.i = len(ts.toks)


def _pg_string_body(ts: TokenStream, r: Routine, ctx: ParseContext) -> None:
    tok = ts.next()
    r.body = string_value(tok.text)
    r.body_line = ctx.line_at(tok.start)
    if ts.accept(","):  # AS 'obj_file', 'link_symbol' for C functions
        ts.next()
    while not ts.at_end:
        if ts.accept("LANGUAGE"):
            r.language = ts.next().text.strip("'\"").lower()
            continue
        ts.next()


def type_spec_routine(obj: UserType, engine: Engine) -> Routine:
    """An Oracle object type read in full (a UserType: attributes as columns, methods as text) seen
    as the procedural unit its specification also is: the header reader's Routine of kind "type",
    whose body holds the attributes and method signatures, for the procedural parser."""
    from migplan.ingest.lexer import code_text
    from migplan.model.statement import Statement
    from migplan.parse.classify import classify

    loc = obj.location
    stmt = Statement(file=loc.file, start=0, end=len(obj.source), line=loc.line, end_line=loc.end_line or loc.line,
                     text=obj.source)
    splitter = engine.splitter or ""
    code = code_text(obj.source, splitter)
    ts = TokenStream(code, splitter)
    kind = classify(ts, splitter)
    ctx = ParseContext(engine, stmt, obj.schema, code=code)
    return parse_routine(ts, kind.word_index, "type", ctx)
