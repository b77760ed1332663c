"""Reading a data type the way the source spells it.

The result keeps the spelling (``raw``) and splits it into base name, parameters and modifiers so
the conversion stage can look it up in a type map without re-parsing.
"""

from __future__ import annotations

from migplan.model.schema import TypeSpec
from migplan.parse.tokens import ParseError, TokenStream

# Words that continue a multi-word type name, by the word before them.
_CONTINUE: dict[str, frozenset[str]] = {
    "DOUBLE": frozenset({"PRECISION"}),
    "CHARACTER": frozenset({"VARYING", "LARGE"}),
    "CHAR": frozenset({"VARYING", "LARGE"}),
    "NATIONAL": frozenset({"CHARACTER", "CHAR"}),
    "NCHAR": frozenset({"VARYING", "LARGE"}),
    "BINARY": frozenset({"VARYING", "LARGE", "DOUBLE", "FLOAT", "INTEGER"}),
    "BIT": frozenset({"VARYING"}),
    "LONG": frozenset({"RAW", "VARCHAR", "VARBINARY", "VARGRAPHIC", "BYTE"}),
    "LARGE": frozenset({"OBJECT"}),
    "TIMESTAMP": frozenset({"WITH", "WITHOUT"}),
    "TIME": frozenset({"WITH", "WITHOUT"}),
    "WITH": frozenset({"TIME", "LOCAL"}),
    "WITHOUT": frozenset({"TIME"}),
    "LOCAL": frozenset({"TIME"}),
    "ZONE": frozenset(),
    "INTERVAL": frozenset({"DAY", "YEAR", "HOUR", "MINUTE", "SECOND", "MONTH"}),
    "DAY": frozenset({"TO"}),
    "YEAR": frozenset({"TO"}),
    "HOUR": frozenset({"TO"}),
    "MINUTE": frozenset({"TO"}),
    "TO": frozenset({"MONTH", "SECOND", "MINUTE", "HOUR", "DAY"}),
}
_ZONE_AFTER_TIME = "ZONE"
MODIFIERS = frozenset({"UNSIGNED", "SIGNED", "ZEROFILL"})
BRACKETED_BUILTINS = frozenset([
    "BIGINT", "BINARY", "BIT", "CHAR", "CURSOR", "DATE", "DATETIME", "DATETIME2", "DATETIMEOFFSET", "DECIMAL",
    "FLOAT", "GEOGRAPHY", "GEOMETRY", "HIERARCHYID", "IMAGE", "INT", "MONEY", "NCHAR", "NTEXT", "NUMERIC",
    "NVARCHAR", "REAL", "ROWVERSION", "SMALLDATETIME", "SMALLINT", "SMALLMONEY", "SQL_VARIANT", "SYSNAME", "TABLE",
    "TEXT", "TIME", "TIMESTAMP", "TINYINT", "UNIQUEIDENTIFIER", "VARBINARY", "VARCHAR", "XML",
])
# FOR BIT DATA (Db2) is part of the type
_FOR_BIT_DATA = ("FOR", "BIT", "DATA")


def read_type(ts: TokenStream) -> TypeSpec:
    """Read a type at the cursor. User-defined types (qualified or quoted names) are allowed."""
    first_index = ts.i
    t = ts.peek()
    if t is None:
        raise ParseError("expected a data type, found end of statement")
    if t.kind == "qident" and ts.up(1) != "." and t.text[1:-1].upper() in BRACKETED_BUILTINS:
        # SSMS writes built-in types in brackets: [int], [nvarchar](50)
        ts.next()
        base = t.text[1:-1].upper()
        params = _params(ts)
        return TypeSpec(base=base, params=params, raw=" ".join(ts.span_text(first_index, ts.i).split()))
    if t.kind == "qident" or (t.kind == "word" and ts.up(1) == "."):
        name = ts.name()
        base = ".".join(name.parts)
        params = _params(ts)
        arr = _array(ts)
        return TypeSpec(base=base, params=params, array=arr, user_defined=True,
                        raw=ts.span_text(first_index, ts.i))
    if t.kind != "word":
        raise ParseError(f"expected a data type, found {t.text!r}", t.start)
    words = [ts.next().up]
    params = ()
    all_params: list[tuple[str, ...]] = []
    while True:
        if ts.at("<"):  # CQL / BigQuery / Snowflake generics: map<text, int>, frozen<udt>
            params = _generic(ts)
            continue
        if ts.at("("):
            p = _params(ts)
            all_params.append(p)
            if not params:
                params = p
            continue
        nxt = ts.up()
        prev = words[-1]
        if prev == "TIME" and nxt == _ZONE_AFTER_TIME:
            words.append(ts.next().up)
            continue
        allowed = _CONTINUE.get(prev)
        if allowed and nxt in allowed and ts.kind() == "word":
            words.append(ts.next().up)
            continue
        break
    modifiers: list[str] = []
    while ts.at_any(*MODIFIERS) or (ts.dialect == "mysql" and ts.at("BINARY") and not ts.at("BINARY", "(")):
        modifiers.append(ts.next().up)
    if ts.at(*_FOR_BIT_DATA):
        ts.i += 3
        modifiers.append("FOR BIT DATA")
    arr = _array(ts)
    base = " ".join(words)
    if len(all_params) > 1:
        # INTERVAL DAY(2) TO SECOND(6), TIMESTAMP(6) WITH TIME ZONE: keep all in order
        params = tuple(p for group in all_params for p in group)
    return TypeSpec(base=base, params=params, modifiers=tuple(modifiers), array=arr,
                    raw=" ".join(ts.span_text(first_index, ts.i).split()))


def _params(ts: TokenStream) -> tuple[str, ...]:
    if not ts.at("("):
        return ()
    first, last = ts.group()
    return tuple(" ".join(ts.span_text(a, b).split()) for a, b in ts.split_commas(first, last))


def _generic(ts: TokenStream) -> tuple[str, ...]:
    first = ts.i + 1
    depth = 0
    while not ts.at_end:
        t = ts.next()
        if t.text == "<":
            depth += 1
        elif t.text == ">":
            depth -= 1
            if depth == 0:
                break
    return tuple(" ".join(ts.span_text(a, b).split()) for a, b in ts.split_commas(first, ts.i - 1))


def _array(ts: TokenStream) -> int:
    dims = 0
    while True:
        if ts.at("[", "]"):
            ts.i += 2
            dims += 1
        elif ts.at("[") and ts.peek(1) and ts.kind(1) == "number" and ts.up(2) == "]":
            ts.i += 3
            dims += 1
        elif ts.at("ARRAY"):
            ts.i += 1
            dims += 1
            if ts.at("[") and ts.up(2) == "]":
                ts.i += 3
        else:
            return dims


def parse_type_text(text: str, dialect: str) -> TypeSpec:
    ts = TokenStream(text, dialect)
    spec = read_type(ts)
    if not ts.at_end:
        raise ParseError(f"unexpected {ts.rest_text()!r} after data type")
    return spec
