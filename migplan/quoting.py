"""Names are data, generated SQL is code: the one place an identifier or a text value becomes SQL.

Every identifier that reaches SQL migplan writes — the converted target DDL and the statements to
run on the source (supplemental logging, sequence values, privilege checks) — goes through
:func:`quote` or :func:`ident` here, and every text value through :func:`string`. Comments in
generated SQL go through :func:`line_comment`, so no input text can start a line of its own.

Dialects are engine families (``engines.toml``): oracle, sqlserver, mysql, postgresql, db2, ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# (open, close) quote characters per family; the close character is doubled inside a name.
_QUOTES: dict[str, tuple[str, str]] = {
    "mysql": ("`", "`"),
    "sqlserver": ("[", "]"),
    "sap-ase": ("[", "]"),
}
_STANDARD = ('"', '"')  # SQL standard: Oracle, PostgreSQL, Db2, Redshift, Teradata, CQL, ...

# How an engine stores an unquoted name, and the characters it accepts in one.
_FOLD_UPPER = frozenset({"oracle", "db2", "teradata", "netezza", "snowflake"})
_FOLD_LOWER = frozenset({"postgresql", "redshift", "greenplum", "vertica", "cassandra"})
_PLAIN = {
    "upper": re.compile(r"[A-Z][A-Z0-9_$#]*"),
    "lower": re.compile(r"[a-z_][a-z0-9_$]*"),
    "either": re.compile(r"[A-Za-z_][A-Za-z0-9_$]*"),
}

# Characters no engine keeps in a name (NUL ends a C string in every server) and the line breaks
# Python, psql, sqlplus and sqlcmd recognise.
_NUL = "\x00"
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def quote(name: str, dialect: str) -> str:
    """``name`` quoted for ``dialect``, always; the closing quote character is doubled inside."""
    open_, close = _QUOTES.get(dialect, _STANDARD)
    inner = name.replace(_NUL, "\ufffd").replace(close, close * 2)
    return f"{open_}{inner}{close}"


def plain(name: str, dialect: str, reserved: Iterable[str] = ()) -> bool:
    """Can ``name`` (as the engine stores it) be written without quotes and mean the same name?"""
    if dialect in _FOLD_UPPER:
        pattern = _PLAIN["upper"]
    elif dialect in _FOLD_LOWER:
        pattern = _PLAIN["lower"]
    else:
        pattern = _PLAIN["either"]
    return bool(pattern.fullmatch(name)) and name.upper() not in reserved


def ident(name: str, dialect: str, reserved: Iterable[str] = ()) -> str:
    """``name`` quoted only when it must be (case the engine would fold, odd characters, a reserved
    word of ``reserved``)."""
    return name if plain(name, dialect, reserved) else quote(name, dialect)


def qualified(parts: Iterable[str | None], dialect: str, *, always: bool = True) -> str:
    """schema.name (or database.schema.name): every part quoted; ``None`` parts left out."""
    write = quote if always else ident
    return ".".join(write(p, dialect) for p in parts if p)


def string(text: str, dialect: str) -> str:
    """A string literal holding ``text`` exactly, for ``dialect``'s default settings."""
    text = text.replace(_NUL, "\ufffd")
    if dialect == "mysql":  # backslash is an escape character unless NO_BACKSLASH_ESCAPES
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"
    body = "'" + text.replace("'", "''") + "'"
    if dialect in ("sqlserver", "sap-ase") and not text.isascii():
        return "N" + body
    return body


def one_line(text: object) -> str:
    """Text for a single-line context (an SQL ``--`` comment, a log line): every line break a
    client recognises becomes a space."""
    return _LINE_BREAKS.sub(" ", "" if text is None else str(text)).replace(_NUL, "\ufffd")


def line_comment(text: object) -> str:
    """``-- text`` as one line, whatever ``text`` holds."""
    return "-- " + one_line(text)


def block_comment(text: object) -> str:
    """``/* text */`` that the text can neither close early nor nest into (PostgreSQL nests them)."""
    body = ("" if text is None else str(text)).replace(_NUL, "\ufffd").replace("*/", "* /").replace("/*", "/ *")
    return f"/* {body} */"
