"""ALTER statements that change an object created earlier, read into actions the inventory merges.

ALTER TABLE ... ADD CONSTRAINT (one, or Oracle's ADD (CONSTRAINT a ..., CONSTRAINT b ...)), ADD
COLUMN, MODIFY / ALTER COLUMN, SQL Server's ADD CONSTRAINT DF DEFAULT x FOR col and WITH CHECK /
CHECK CONSTRAINT, ENABLE / DISABLE CONSTRAINT, PostgreSQL's ALTER COLUMN SET DEFAULT and OWNER TO,
MySQL's ADD INDEX ...
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from migplan.model.schema import Column, Table, TypeSpec
from migplan.parse.context import ParseContext
from migplan.parse.options import TABLE_OPTIONS, read_options
from migplan.parse.table import (
    _expression,
    _index_columns,
    parse_constraint,
    read_column_options,
)
from migplan.parse.tokens import Name, ParseError, TokenStream
from migplan.parse.types import read_type


@dataclass
class Action:
    action: str
    target: Any = None  # Constraint | Column | name
    detail: dict[str, Any] = field(default_factory=dict)
    offset: int = 0


@dataclass
class AlterTable:
    name: Name
    actions: list[Action]


_CONSTRAINT_START = ("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK")
_DEFAULT_FOR_STOP = frozenset({"FOR"})


def parse_alter_table(ts: TokenStream, word_index: int, ctx: ParseContext) -> AlterTable:
    ts.i = word_index + 1
    ts.accept("IF", "EXISTS")
    ts.accept("ONLY")
    name = ts.name()
    ts.accept("*")
    actions: list[Action] = []
    # SQL Server: ALTER TABLE t WITH CHECK|NOCHECK ADD CONSTRAINT ...
    trust = None
    if ts.at("WITH") and ts.up(1) in ("CHECK", "NOCHECK"):
        ts.i += 1
        trust = ts.next().up
    first, last = ts.i, len(ts.toks)
    items = ts.split_commas(first, last) if ctx.splitter in ("postgres", "redshift", "mysql") else [(first, last)]
    for a, b in items:
        sub = ts.sub(a, b)
        last_add = False
        while not sub.at_end:
            before = sub.i
            if sub.accept(","):  # SQL Server / Oracle: ADD item, item ...
                if last_add:
                    actions.extend(_add_item(sub, ctx, trust, sub.offset(sub.i) if sub.peek() else 0))
                continue
            last_add = sub.at("ADD") and not sub.at("ADD", "(")
            actions.extend(_one_action(sub, ctx, trust))
            if sub.i == before:
                raise ParseError(f"ALTER TABLE: did not understand {sub.rest_text()[:60]!r}")
    ts.i = last
    return AlterTable(name, actions)


def _one_action(ts: TokenStream, ctx: ParseContext, trust: str | None) -> list[Action]:
    off = ts.offset(ts.i)
    if ts.accept("ADD"):
        if ts.at("(") and ctx.splitter in ("oracle", "db2", "teradata"):
            first, last = ts.group()
            out = []
            for a, b in ts.split_commas(first, last):
                sub = ts.sub(a, b)
                out.extend(_add_item(sub, ctx, trust, sub.offset(sub.i) if sub.peek() else off))
            return out
        ts.accept("COLUMN")
        return _add_item(ts, ctx, trust, off)
    if ts.at("ALTER") and ts.up(1) in ("CHECK", "FOREIGN", "CONSTRAINT", "UNIQUE", "PRIMARY"):  # Db2 enforcement
        ts.i += 1
        first = ts.i
        ts.i = len(ts.toks)
        return [Action("option", ts.span_text(first, ts.i), {}, off)]
    if ts.at_any("MODIFY", "ALTER", "CHANGE"):
        return _modify(ts, ctx, off)
    if ts.at_any("ENABLE", "DISABLE") or ts.at("CHECK", "CONSTRAINT") or ts.at("NOCHECK", "CONSTRAINT"):
        what = ts.next().up
        validate = ts.accept_any("VALIDATE", "NOVALIDATE")
        if ts.accept("CONSTRAINT"):
            cname = ts.name().last if ts.up() != "ALL" else ts.next().up
            ts.accept_any("CASCADE", "KEEP", "DROP")
            ts.accept("INDEX")
            return [Action(f"{what.lower()} constraint", cname, {"validate": validate}, off)]
        if ts.accept("PRIMARY", "KEY"):
            return [Action(f"{what.lower()} primary key", None, {}, off)]
        if ts.accept_any("TRIGGER"):
            tname = ts.next().text if ts.up() in ("ALL", "USER") else ts.name().last
            return [Action(f"{what.lower()} trigger", tname, {}, off)]
        if ts.accept("ALL", "TRIGGERS"):
            return [Action(f"{what.lower()} trigger", "ALL", {}, off)]
        if ts.accept("ROW", "MOVEMENT") or ts.accept("TABLE", "LOCK") or ts.accept("ROW", "LEVEL", "SECURITY"):
            return [Action("option", what, {}, off)]
        if ts.accept("KEYS"):
            return [Action("option", what + " KEYS", {}, off)]
        raise ParseError(f"ALTER TABLE {what}: unknown target {ts.up()!r}")
    if ts.accept("DROP"):
        ts.accept("IF", "EXISTS")
        if ts.accept("CONSTRAINT"):
            ts.accept("IF", "EXISTS")
            cname = ts.name().last
            ts.accept_any("CASCADE", "RESTRICT")
            return [Action("drop constraint", cname, {}, off)]
        if ts.accept("PRIMARY", "KEY"):
            ts.accept_any("CASCADE")
            return [Action("drop primary key", None, {}, off)]
        if ts.accept_any("FOREIGN"):
            ts.expect("KEY")
            return [Action("drop constraint", ts.name().last, {}, off)]
        if ts.accept_any("INDEX", "KEY"):
            return [Action("drop index", ts.name().last, {}, off)]
        ts.accept("COLUMN")
        cname = ts.name().last
        ts.accept_any("CASCADE", "RESTRICT")
        return [Action("drop column", cname, {}, off)]
    if ts.accept("OWNER", "TO"):
        return [Action("owner", ts.next().text, {}, off)]
    if ts.accept("RENAME"):
        first = ts.i
        ts.i = len(ts.toks)
        return [Action("rename", ts.span_text(first, ts.i), {}, off)]
    if ts.at("REPLICA", "IDENTITY"):
        ts.i += 2
        first = ts.i
        ts.i = len(ts.toks)
        return [Action("replica identity", ts.span_text(first, ts.i), {}, off)]
    if ts.at_any("ATTACH", "DETACH"):
        what = ts.next().up
        ts.expect("PARTITION")
        part = ts.name()
        first = ts.i
        ts.i = len(ts.toks)
        return [Action(f"{what.lower()} partition", ".".join(part.parts), {"bounds": ts.span_text(first, ts.i)}, off)]
    if ts.at("CLUSTER", "ON") or ts.at("SET", "WITHOUT") or ts.at("SET") or ts.at("INHERIT") or ts.at("NO", "INHERIT") \
            or ts.at("SET", "SCHEMA") or ts.at("SHRINK") or ts.at("MOVE") or ts.at("ALLOCATE") \
            or ts.at("DEALLOCATE") or ts.at("COMPRESS") or ts.at("VERSIONING") or ts.at("ACTIVATE") \
            or ts.at("DATA", "CAPTURE") or ts.at("APPEND") or ts.at("ENGINE") or ts.at("AUTO_INCREMENT") \
            or ts.at("CONVERT") or ts.at("ORDER", "BY") or ts.at("ADD", "VERSIONING") or ts.at("FORCE") \
            or ts.at("LOGGING") or ts.at("NOLOGGING") or ts.at("PARALLEL") or ts.at("NOPARALLEL") \
            or ts.at("CACHE") or ts.at("NOCACHE") or ts.at("SPLIT") or ts.at("MERGE") or ts.at("EXCHANGE") \
            or ts.at("TRUNCATE") or ts.at("COALESCE") or ts.at("REBUILD") or ts.at("PCTFREE"):
        first = ts.i
        ts.i = len(ts.toks)
        return [Action("option", ts.span_text(first, ts.i), {}, off)]
    opts: dict[str, str] = {}
    read_options(ts, TABLE_OPTIONS.get(ctx.splitter, []), opts)
    if opts:
        return [Action("option", opts, {}, off)]
    raise ParseError(f"ALTER TABLE: unknown action {ts.up()!r}")


def _add_item(ts: TokenStream, ctx: ParseContext, trust: str | None, off: int) -> list[Action]:
    word = ts.up()
    if word in _CONSTRAINT_START:
        # SQL Server: ADD CONSTRAINT DF_x DEFAULT (expr) FOR col
        if word == "CONSTRAINT" and ts.up(2) == "DEFAULT":
            ts.i += 1
            cname = ctx.column_name(ts.name())
            return [_default_for(ts, ctx, cname, off)]
        con = parse_constraint(ts, ctx, table_level=True, start_offset=off)
        if con is None:
            raise ParseError(f"ADD {word}: not a constraint migplan can read", off)
        con.inline = False
        if trust == "NOCHECK":
            con.validated = False
        return [Action("add constraint", con, {}, off)]
    if word == "DEFAULT":  # SQL Server unnamed: ADD DEFAULT (x) FOR col
        return [_default_for(ts, ctx, None, off)]
    if word in ("INDEX", "KEY", "FULLTEXT", "SPATIAL") and ctx.splitter == "mysql":
        method = None
        if ts.at_any("FULLTEXT", "SPATIAL"):
            method = ts.next().up.lower()
        ts.accept_any("INDEX", "KEY")
        iname = None if ts.at("(") else ctx.column_name(ts.name())
        cols = _index_columns(ts, ctx)
        opts: dict[str, str] = {}
        from migplan.parse.options import CONSTRAINT_OPTIONS

        read_options(ts, [CONSTRAINT_OPTIONS], opts)
        return [Action("add index", iname, {"columns": cols, "method": method, "options": opts}, off)]
    if word in ("PARTITION", "SUBPARTITION", "VERSIONING", "MATERIALIZED", "RESTRICT", "CONSTRAINTS"):
        first = ts.i
        ts.i = len(ts.toks)
        return [Action("option", ts.span_text(first, ts.i), {}, off)]
    if word == "PERIOD":
        first = ts.i
        ts.i = len(ts.toks)
        return [Action("option", ts.span_text(first, ts.i), {}, off)]
    if word == "SUPPLEMENTAL":
        first = ts.i
        ts.i = len(ts.toks)
        return [Action("option", ts.span_text(first, ts.i), {}, off)]
    # a column definition
    ts.accept("IF", "NOT", "EXISTS")
    name = ts.name()
    col = Column(name=ctx.column_name(name), type=TypeSpec(base=""), position=0, quoted=name.quoted[-1],
                 line=ctx.line_at(off))
    if not ts.at("AS"):
        col.type = read_type(ts)
    holder = Table(kind="table", schema=None, name="", location=ctx.location(off))
    read_column_options(ts, col, holder, ctx)
    out = [Action("add column", col, {}, off)]
    for con in holder.constraints:
        con.inline = False
        out.append(Action("add constraint", con, {}, off))
    return out


def _default_for(ts: TokenStream, ctx: ParseContext, cname: str | None, off: int) -> Action:
    ts.expect("DEFAULT")
    expr = _expression(ts, ctx, "default", stop=_DEFAULT_FOR_STOP)
    if not expr.strip():
        raise ParseError("empty default")
    # _expression stops at keywords; the FOR col follows
    ts.expect("FOR")
    col = ctx.column_name(ts.name())
    ts.accept("WITH", "VALUES")
    return Action("set default", col, {"default": expr, "constraint": cname}, off)


def _modify(ts: TokenStream, ctx: ParseContext, off: int) -> list[Action]:
    verb = ts.next().up
    if verb == "MODIFY" and ts.at("("):  # Oracle MODIFY (col type ..., col2 ...)
        first, last = ts.group()
        out = []
        for a, b in ts.split_commas(first, last):
            out.extend(_modify_column(ts.sub(a, b), ctx, off, verb))
        return out
    if verb == "MODIFY" and ts.at("CONSTRAINT"):
        ts.i += 1
        cname = ts.name().last
        state = []
        while not ts.at_end:
            state.append(ts.next().up)
        return [Action("constraint state", cname, {"state": state}, off)]
    if verb == "MODIFY" and ts.at("PRIMARY", "KEY"):
        ts.i += 2
        state = [ts.next().up for _ in range(len(ts.toks) - ts.i)]
        return [Action("constraint state", "PRIMARY KEY", {"state": state}, off)]
    ts.accept("COLUMN")
    return _modify_column(ts, ctx, off, verb)


def _modify_column(ts: TokenStream, ctx: ParseContext, off: int, verb: str) -> list[Action]:
    name = ctx.column_name(ts.name())
    if verb == "CHANGE":  # MySQL CHANGE old new type ...
        new = ctx.column_name(ts.name())
        col = Column(name=new, type=read_type(ts), position=0)
        holder = Table(kind="table", schema=None, name="", location=ctx.location(off))
        read_column_options(ts, col, holder, ctx)
        return [Action("change column", name, {"column": col}, off)]
    if ts.accept("SET", "DEFAULT"):
        return [Action("set default", name, {"default": _expression(ts, ctx, "default")}, off)]
    if ts.accept("DROP", "DEFAULT"):
        return [Action("drop default", name, {}, off)]
    if ts.accept("SET", "NOT", "NULL"):
        return [Action("set nullable", name, {"nullable": False}, off)]
    if ts.accept("DROP", "NOT", "NULL"):
        return [Action("set nullable", name, {"nullable": True}, off)]
    if ts.at("ADD", "GENERATED") or ts.at("SET", "GENERATED") or ts.at("RESTART") or ts.at("SET", "STATISTICS") \
            or ts.at("SET", "STORAGE") or ts.at("SET", "INCREMENT") or ts.at("SET", "START") or ts.at("SET", "(") \
            or ts.at("RESET") or ts.at("DROP", "IDENTITY") or ts.at("SET", "COMPRESSION"):
        first = ts.i
        ts.i = len(ts.toks)
        return [Action("column option", name, {"text": ts.span_text(first, ts.i)}, off)]
    # ALTER COLUMN c [SET DATA] TYPE t | MODIFY c type [NULL|NOT NULL] | ALTER COLUMN c type NOT NULL (T-SQL)
    ts.accept("SET", "DATA")
    ts.accept("TYPE")
    col = Column(name=name, type=TypeSpec(base=""), position=0)
    if not ts.at_end and not ts.at_any("NULL", "NOT", "DEFAULT", "CONSTRAINT", "GENERATED", "IDENTITY", "AS",
                                       "COLLATE", "INVISIBLE", "VISIBLE", "ENCRYPT", "DECRYPT"):
        col.type = read_type(ts)
    if ts.accept("USING"):
        first = ts.i
        ts.i = len(ts.toks)
        col.attrs["using"] = ts.span_text(first, ts.i)
    holder = Table(kind="table", schema=None, name="", location=ctx.location(off))
    col.nullable = None  # type: ignore[assignment]  # unknown unless stated
    read_column_options(ts, col, holder, ctx)
    out = [Action("modify column", name, {"column": col}, off)]
    for con in holder.constraints:
        con.inline = False
        out.append(Action("add constraint", con, {}, off))
    return out
