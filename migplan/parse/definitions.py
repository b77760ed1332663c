"""Object kinds read in full that have no object class of their own: their definition goes to
``attrs`` as data. PostgreSQL aggregates and rules, SQL Server CLR assemblies and aggregates and
PolyBase external data sources and file formats, Oracle dimensions, Db2 row permissions and column
masks, Vertica projections.

Every token is read (the object is ``parsed``); none of these kinds is converted by migplan, which
the action catalog says (PRS007).
"""

from __future__ import annotations

from migplan.model.schema import SchemaObject
from migplan.parse.context import ParseContext
from migplan.parse.tokens import ParseError, TokenStream


def _object(ts: TokenStream, word_index: int, words: int, kind: str, ctx: ParseContext) -> SchemaObject:
    ts.i = word_index + words
    ts.accept("IF", "NOT", "EXISTS")
    schema, name, quoted, extra = ctx.qualify(ts.name())
    obj = SchemaObject(kind=kind, schema=schema, name=name, location=ctx.location(), quoted=quoted)
    obj.attrs.update(extra)
    return obj


def _key_values(ts: TokenStream, first: int, last: int) -> dict[str, str]:
    """``KEY = value, ...`` inside a group, keys upper-cased, values as written (one line)."""
    out: dict[str, str] = {}
    for a, b in ts.split_commas(first, last):
        sub = ts.sub(a, b)
        depth, key_end = 0, None
        for j, t in enumerate(sub.toks):
            depth += (t.text == "(") - (t.text == ")")
            if t.text == "(" and depth == 1 and j > 0 and key_end is None:
                key_end = j - 1  # KEY (nested options): FORMAT_OPTIONS (FIELD_TERMINATOR = '|', ...)
                break
            if t.text == "=" and depth == 0:
                key_end = j
                break
        if key_end is None or (key_end == 0 and sub.toks[0].text == "="):
            raise ParseError(f"expected KEY = value, found {sub.rest_text()[:40]!r}", sub.toks[0].start)
        value_from = key_end + 1
        key = " ".join(t.text.upper() for t in sub.toks[:value_from if sub.toks[key_end].text != "=" else key_end])
        out[key] = " ".join(sub.span_text(value_from, len(sub.toks)).split())
    return out


def parse_aggregate(ts: TokenStream, word_index: int, ctx: ParseContext) -> SchemaObject:
    """PostgreSQL ``CREATE AGGREGATE name (args) (SFUNC = f, STYPE = t, ...)`` (and the old form
    ``name (BASETYPE = t, SFUNC = ...)``); SQL Server CLR ``CREATE AGGREGATE name (@p type) RETURNS t
    EXTERNAL NAME assembly.class``."""
    agg = _object(ts, word_index, 1, "aggregate", ctx)
    first, last = ts.group()
    inner = ts.span_text(first, last)
    if ts.at("("):
        agg.attrs["arguments"] = " ".join(inner.split())
        first, last = ts.group()
        agg.attrs["definition"] = _key_values(ts, first, last)
    elif ts.accept("RETURNS"):
        agg.attrs["arguments"] = " ".join(inner.split())
        start = ts.i
        while not ts.at_end and not ts.at("EXTERNAL", "NAME"):
            ts.i += 1
        agg.attrs["returns"] = ts.span_text(start, ts.i)
        ts.expect("EXTERNAL", "NAME")
        start = ts.i
        ts.name()
        agg.attrs["external_name"] = ts.span_text(start, ts.i)
    else:
        agg.attrs["definition"] = _key_values(ts, first, last)
        agg.attrs["arguments"] = agg.attrs["definition"].get("BASETYPE", "")
    return agg


def parse_rule(ts: TokenStream, word_index: int, ctx: ParseContext) -> SchemaObject:
    """PostgreSQL ``CREATE [OR REPLACE] RULE name AS ON event TO table [WHERE cond] DO [ALSO | INSTEAD]
    {NOTHING | command | (command; ...)}``: the rule lives with its table."""
    ts.i = word_index + 1
    name = ts.name()
    ts.expect("AS", "ON")
    event = ts.next().up
    if event not in ("SELECT", "INSERT", "UPDATE", "DELETE"):
        raise ParseError(f"CREATE RULE: unknown event {event!r}")
    ts.expect("TO")
    schema, table, _q, _e = ctx.qualify(ts.name())
    rule = SchemaObject(kind="rule", schema=schema, name=ctx.column_name(name), location=ctx.location(),
                        quoted=name.quoted[-1])
    rule.attrs.update({"event": event, "table": f"{schema}.{table}" if schema else table})
    if ts.accept("WHERE"):
        start = ts.i
        while not ts.at_end and not ts.at("DO"):
            ts.i += 1
        rule.attrs["where"] = ts.span_text(start, ts.i)
        ctx.check_expression(rule.attrs["where"], "rule condition")
    ts.expect("DO")
    rule.attrs["do"] = (ts.accept_any("ALSO", "INSTEAD") or "ALSO").lower()
    if ts.accept("NOTHING"):
        rule.attrs["actions"] = []
        return rule
    if ts.at("("):
        first, last = ts.group()
        commands = [ts.span_text(a, b) for a, b in _split_semicolons(ts, first, last)]
    else:
        commands = [ts.rest_text()]
        ts.i = len(ts.toks)
    rule.attrs["actions"] = commands
    if ctx.sqlglot is not None:
        from migplan.parse import sqlglot_bridge

        for command in commands:
            parsed = sqlglot_bridge.parse_statement(command, ctx.sqlglot, ctx.splitter)
            if parsed.error:
                ctx.problems.append(f"rule action: {parsed.error}")
            ctx.lost.extend(parsed.lost)
    return rule


def _split_semicolons(ts: TokenStream, first: int, last: int) -> list[tuple[int, int]]:
    out, start, depth = [], first, 0
    for j in range(first, last):
        text = ts.toks[j].text
        depth += (text == "(") - (text == ")")
        if text == ";" and depth == 0:
            if j > start:
                out.append((start, j))
            start = j + 1
    if start < last:
        out.append((start, last))
    return out


def parse_assembly(ts: TokenStream, word_index: int, ctx: ParseContext) -> SchemaObject:
    """SQL Server ``CREATE ASSEMBLY name [AUTHORIZATION owner] FROM {0x... | 'path' [, ...]}
    [WITH PERMISSION_SET = {SAFE | EXTERNAL_ACCESS | UNSAFE}]``."""
    ts.i = word_index + 1
    name = ts.name()
    asm = SchemaObject(kind="assembly", schema=None, name=ctx.column_name(name), location=ctx.location(),
                       quoted=name.quoted[-1])
    if ts.accept("AUTHORIZATION"):
        asm.attrs["authorization"] = ctx.column_name(ts.name())
    ts.expect("FROM")
    sources = []
    while not ts.at_end and not ts.at("WITH"):
        tok = ts.next()
        if tok.text == ",":
            continue
        if tok.kind == "number" and ts.peek() is not None and ts.kind() == "word" and tok.end == ts.offset(ts.i):
            bits = ts.next().text  # 0x4D5A...: the lexer reads "0" then "x4D5A..."
            sources.append(f"binary ({(len(bits) - 1) // 2} bytes)")
        else:
            sources.append(tok.text)
    asm.attrs["from"] = sources
    if ts.accept("WITH", "PERMISSION_SET"):
        ts.expect("=")
        asm.attrs["permission_set"] = ts.next().up
    return asm


def parse_with_options(ts: TokenStream, word_index: int, words: int, kind: str, ctx: ParseContext) -> SchemaObject:
    """``CREATE EXTERNAL DATA SOURCE | EXTERNAL FILE FORMAT name WITH (KEY = value, ...)`` (PolyBase)."""
    obj = _object(ts, word_index, words, kind, ctx)
    ts.expect("WITH")
    first, last = ts.group()
    obj.attrs["options"] = _key_values(ts, first, last)
    return obj


def parse_dimension(ts: TokenStream, word_index: int, ctx: ParseContext) -> SchemaObject:
    """Oracle ``CREATE DIMENSION name LEVEL l IS (t.c, ...) [SKIP WHEN NULL] ... HIERARCHY h (l1 CHILD OF
    l2 ... [JOIN KEY (cols) REFERENCES l]) ... ATTRIBUTE l DETERMINES (cols) | ATTRIBUTE a LEVEL l
    DETERMINES (cols)``."""
    dim = _object(ts, word_index, 1, "dimension", ctx)
    levels: dict[str, list[str]] = {}
    hierarchies: dict[str, list[str]] = {}
    attributes: dict[str, list[str]] = {}
    while not ts.at_end:
        if ts.accept("LEVEL"):
            level = ts.next().up
            ts.expect("IS")
            levels[level] = _columns(ts)
            if ts.accept("SKIP", "WHEN", "NULL"):
                dim.attrs.setdefault("skip_when_null", []).append(level)
        elif ts.accept("HIERARCHY"):
            name = ts.next().up
            first, last = ts.group()
            hierarchies[name], joins = _hierarchy(ts.sub(first, last))
            if joins:
                dim.attrs.setdefault("join_keys", {})[name] = joins
        elif ts.accept("ATTRIBUTE"):
            name = ts.next().up
            if ts.accept("LEVEL"):
                name = f"{name} LEVEL {ts.next().up}"
            ts.expect("DETERMINES")
            attributes[name] = _columns(ts)
        else:
            t = ts.current()
            raise ParseError(f"CREATE DIMENSION: unexpected {t.text!r}", t.start)
    dim.attrs.update({"levels": levels, "hierarchies": hierarchies, "attributes": attributes})
    return dim


def _columns(ts: TokenStream) -> list[str]:
    if ts.at("("):
        first, last = ts.group()
        return [" ".join(ts.span_text(a, b).split()) for a, b in ts.split_commas(first, last)]
    start = ts.i
    ts.name()
    return [ts.span_text(start, ts.i)]


def _hierarchy(sub: TokenStream) -> tuple[list[str], list[str]]:
    """Levels child first, and JOIN KEY (cols) REFERENCES level clauses as written."""
    chain = [sub.next().up]
    while sub.accept("CHILD", "OF"):
        chain.append(sub.next().up)
    joins = []
    while sub.accept("JOIN", "KEY"):
        cols = _columns(sub)
        sub.expect("REFERENCES")
        joins.append(f"({', '.join(cols)}) REFERENCES {sub.next().up}")
    if not sub.at_end:
        raise ParseError(f"HIERARCHY: unexpected {sub.peek_text()!r}", sub.offset(sub.i))
    return chain, joins


def parse_access_control(ts: TokenStream, word_index: int, words: int, kind: str, ctx: ParseContext) -> SchemaObject:
    """Db2 row and column access control: ``CREATE PERMISSION name ON table [AS corr] FOR ROWS WHERE
    cond ENFORCED FOR ALL ACCESS [ENABLE | DISABLE]`` and ``CREATE MASK name ON table [AS corr] FOR
    COLUMN col RETURN expression [ENABLE | DISABLE]``."""
    obj = _object(ts, word_index, words, kind, ctx)
    ts.expect("ON")
    start = ts.i
    ts.name()
    obj.attrs["table"] = ts.span_text(start, ts.i)
    if ts.accept("AS") or (ts.peek() is not None and ts.kind() == "word" and ts.up() != "FOR"):
        obj.attrs["correlation"] = ts.next().text
    last = len(ts.toks)
    if last and ts.toks[last - 1].up in ("ENABLE", "DISABLE"):
        obj.attrs["enabled"] = ts.toks[last - 1].up == "ENABLE"
        last -= 1
    if kind == "row permission":
        ts.expect("FOR", "ROWS", "WHERE")
        tail = ("ENFORCED", "FOR", "ALL", "ACCESS")
        if [t.up for t in ts.toks[last - len(tail):last]] != list(tail):
            raise ParseError("CREATE PERMISSION: expected ENFORCED FOR ALL ACCESS")
        obj.attrs["where"] = ts.span_text(ts.i, last - len(tail))
        ctx.check_expression(obj.attrs["where"], "permission condition")
    else:
        ts.expect("FOR", "COLUMN")
        obj.attrs["column"] = ctx.column_name(ts.name())
        ts.expect("RETURN")
        obj.attrs["return"] = ts.span_text(ts.i, last)
        ctx.check_expression(obj.attrs["return"], "mask expression")
    ts.i = len(ts.toks)
    return obj


# Vertica projection clauses after the query, in the order Vertica accepts them
_PROJECTION_CLAUSES = ("ORDER", "SEGMENTED", "UNSEGMENTED", "KSAFE", "OFFSET", "ALL", "NODES", "GROUPED",
                       "ENCODED")


def parse_projection(ts: TokenStream, word_index: int, ctx: ParseContext) -> SchemaObject:
    """Vertica ``CREATE PROJECTION [IF NOT EXISTS] name [(col [ENCODING e] ...)] AS SELECT ... FROM t
    [ORDER BY cols] [SEGMENTED BY expr ALL NODES [OFFSET n] | UNSEGMENTED ALL NODES] [KSAFE [n]]``:
    the anchor table, its order and its segmentation, as data."""
    proj = _object(ts, word_index, 1, "projection", ctx)
    if ts.at("("):
        ts.group()
    ts.expect("AS")
    depth, start = 0, ts.i
    anchor = None
    while not ts.at_end:  # the query up to its ORDER BY / SEGMENTED BY at depth 0
        t = ts.toks[ts.i]
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.kind == "word" and t.up == "FROM" and anchor is None:
            ts.next()
            first = ts.i
            ts.name()
            anchor = ts.span_text(first, ts.i)
            continue
        if depth == 0 and t.kind == "word" and t.up in ("ORDER", "SEGMENTED", "UNSEGMENTED", "KSAFE"):
            break
        ts.next()
    proj.attrs["query"] = " ".join(ts.span_text(start, ts.i).split())
    if anchor:
        proj.attrs["table"] = anchor
    while not ts.at_end:
        word = ts.next().up
        if word not in _PROJECTION_CLAUSES and word != "BY" and ts.toks[ts.i - 1].kind == "word":
            raise ParseError(f"CREATE PROJECTION: unexpected {word!r}", ts.toks[ts.i - 1].start)
        first = ts.i
        if word in ("ORDER", "SEGMENTED"):
            ts.expect("BY")
            first = ts.i
        while not ts.at_end and ts.up() not in _PROJECTION_CLAUSES:
            if ts.at("("):
                ts.group()
            else:
                ts.next()
        if word in ("ORDER", "SEGMENTED", "UNSEGMENTED", "KSAFE"):
            proj.attrs[word.lower()] = " ".join(ts.span_text(first, ts.i).split()) or "true"
    return proj
