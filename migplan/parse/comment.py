"""Comments on objects: COMMENT ON ..., and SQL Server's MS_Description extended properties."""

from __future__ import annotations

from dataclasses import dataclass

from migplan.parse.literals import string_value
from migplan.parse.tokens import Name, ParseError, TokenStream

_TARGETS = [("MATERIALIZED", "VIEW"), ("TABLE",), ("COLUMN",), ("VIEW",), ("INDEX",), ("SEQUENCE",), ("SCHEMA",),
            ("TYPE",), ("DOMAIN",), ("FUNCTION",), ("PROCEDURE",), ("TRIGGER",), ("CONSTRAINT",), ("EXTENSION",),
            ("DATABASE",), ("ROLE",), ("MODULE",), ("VARIABLE",), ("ALIAS",), ("PACKAGE",), ("OPERATOR",),
            ("AGGREGATE",), ("RULE",), ("POLICY",), ("TABLESPACE",), ("MINING", "MODEL"), ("EDITION",),
            ("INDEXTYPE",), ("NICKNAME",), ("SPECIFIC", "FUNCTION"), ("SPECIFIC", "PROCEDURE")]


@dataclass
class CommentAction:
    target: str  # table | column | view | index | ... (lower case)
    name: Name  # object name; for a column: table name + column as the last part
    text: str | None
    on: Name | None = None  # CONSTRAINT c ON t / TRIGGER t ON tbl
    columns: list[tuple[str, str]] | None = None  # Db2: COMMENT ON t (c1 IS 'x', c2 IS 'y')


def parse_comment(ts: TokenStream, backslash: bool = False) -> CommentAction:
    ts.expect("COMMENT", "ON")
    target = None
    for words in _TARGETS:
        if ts.accept(*words):
            target = " ".join(words).lower()
            break
    if target is None:
        raise ParseError(f"COMMENT ON {ts.up()}: unknown object kind")
    name = ts.name()
    if target == "column" and len(name.parts) < 2:
        raise ParseError(f"COMMENT ON COLUMN {name}: the column needs its table (table.column)")
    on = None
    if target in ("function", "procedure", "aggregate") and ts.at("("):
        ts.group()
    if ts.accept("ON"):
        on = ts.name()
    if ts.at("(") and target == "table":  # Db2 multi-column form
        first, last = ts.group()
        cols = []
        for a, b in ts.split_commas(first, last):
            sub = ts.sub(a, b)
            col = sub.name().last
            sub.expect("IS")
            cols.append((col, string_value(sub.next().text, backslash)))
        return CommentAction("columns", name, None, columns=cols)
    ts.expect("IS")
    if ts.accept("NULL"):
        text = None
    else:
        tok = ts.next()
        if tok.kind != "string":
            raise ParseError("COMMENT ... IS expects a string")
        text = string_value(tok.text, backslash)
        while not ts.at_end and ts.kind() == "string":  # 'a' 'b' concatenation (PostgreSQL)
            text += string_value(ts.next().text, backslash)
    return CommentAction(target, name, text, on)


@dataclass
class ExtendedProperty:
    name: str
    value: str | None
    levels: list[tuple[str, str]]  # [(SCHEMA, dbo), (TABLE, Orders), (COLUMN, Id)]


def parse_extended_property(ts: TokenStream) -> ExtendedProperty:
    """EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'...', @level0type=N'SCHEMA', ..."""
    ts.accept_any("EXEC", "EXECUTE")
    ts.name()
    named: dict[str, str | None] = {}
    positional: list[str | None] = []
    first, last = ts.i, len(ts.toks)
    for a, b in ts.split_commas(first, last):
        sub = ts.sub(a, b)
        key = None
        if sub.peek() is not None and sub.peek_text().startswith("@") and sub.up(1) == "=":
            key = sub.next().text[1:].lower()
            sub.next()
        val = _value(sub)
        if key:
            named[key] = val
        else:
            positional.append(val)
    ts.i = last
    order = ["name", "value", "level0type", "level0name", "level1type", "level1name", "level2type", "level2name"]
    for k, v in zip(order, positional):
        named.setdefault(k, v)
    levels = []
    for i in range(3):
        t, n = named.get(f"level{i}type"), named.get(f"level{i}name")
        if t and n:
            levels.append((t.upper(), n))
    return ExtendedProperty(named.get("name") or "", named.get("value"), levels)


def _value(sub: TokenStream) -> str | None:
    tok = sub.peek()
    if tok is None:
        return None
    if sub.accept("NULL"):
        return None
    if tok.kind == "word" and tok.up == "N" and sub.peek(1) is not None and sub.kind(1) == "string":
        sub.next()
        tok = sub.current()
    sub.next()
    if tok.kind == "string":
        return string_value(tok.text)
    return tok.text
