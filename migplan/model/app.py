"""SQL found in application code: one statement the application sends to the database, where it is
built, how, and what it touches (``migplan.app`` finds them).

``sql`` is the text the application sends, written the way the code builds it: the driver's bind
placeholders are kept as written (``?``, ``:id``, ``@name``, ``%s``, ``#{id}`` ...) and a piece
computed at run time is shown as a *splice* (``${expression}`` for a concatenated expression, the
language's own form for interpolation: ``{x}`` in an f-string, ``${x}`` in a template literal).
Offsets in ``Placeholder.start`` and ``Splice.start`` point into ``sql``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How the application builds the text.
LITERAL = "literal"  # one string literal (a text block, a verbatim or raw string counts as one)
CONCATENATION = "concatenation"  # literals and constants joined (+, ., adjacency, a string builder)
FORMAT = "format string"  # interpolation (f-string, $"...", `${}`) or a format call (String.format, %, sprintf)
DYNAMIC = "dynamic"  # joined with values only known at run time
CONSTRUCTIONS = (LITERAL, CONCATENATION, FORMAT, DYNAMIC)

# How much of the text sqlglot (or migplan's own readers) understood.
PARSED = "parsed"  # every statement read by sqlglot in the source dialect
PARTIAL = "partial"  # recognised (a procedural block, an embedded-SQL directive, an opaque command)
UNPARSED = "unparsed"  # handed to a SQL API but not readable as SQL of the source dialect
PARSE_STATUSES = (PARSED, PARTIAL, UNPARSED)

READ, WRITE, CALL = "read", "write", "call"
MODES = (READ, WRITE, CALL)


@dataclass(frozen=True)
class Placeholder:
    """A bind placeholder the driver fills in: the value never becomes SQL text."""

    text: str  # as written: "?", ":id", "@name", "$1", "%s", "%(id)s", "#{id}", ":host:ind"
    style: str  # "?", "?n", ":name", ":n", "@name", "$n", "%s", "%(name)s", "#{name}", ":host"
    name: str | None  # parameter name or number; None for "?" and "%s"
    start: int


@dataclass(frozen=True)
class Splice:
    """Text the application pastes into the SQL at run time (format arguments, interpolation,
    concatenated variables, MyBatis ``${}``): what reaches the database depends on data."""

    text: str  # as it appears in ``sql``
    expression: str  # the application expression that provides it
    start: int


@dataclass(frozen=True)
class ObjectRef:
    """A database object a statement reads, writes or calls.

    ``name`` is the name as the statement writes it, folded the way the source engine stores it;
    ``resolved`` is the object's qualified name in the schema the scan was linked to (None when
    it is not there, or no schema was given); ``kind`` is the schema's kind when resolved, else
    what the use suggests (table, routine, sequence), or "system" for the engine's own catalog."""

    name: str
    mode: str
    kind: str
    resolved: str | None = None

    @property
    def key(self) -> str:
        return self.resolved or self.name


@dataclass
class AppStatement:
    file: str
    line: int
    column: int
    end_line: int
    language: str  # java, csharp, python, php, javascript, typescript, go, c, proc, sql
    api: str | None  # the call that runs it ("prepareStatement", "cursor.execute", "@Query", ...); None if not seen
    api_family: str | None  # JDBC, Spring JDBC, JPA, MyBatis, ADO.NET, Dapper, DB-API, PDO/mysqli, ... (None with api)
    construction: str
    sql: str
    kind: str  # select, insert, update, delete, merge, call, block, ddl, transaction, cursor, session, other
    parse_status: str
    message: str | None = None
    placeholders: list[Placeholder] = field(default_factory=list)
    splices: list[Splice] = field(default_factory=list)
    objects: list[ObjectRef] = field(default_factory=list)
    # Filled by the application assessment (conversion for the target, action items), not by the scan:
    # empty until that runs, and left out of every output until then.
    items: list[Any] = field(default_factory=list)
    converted: str | None = None

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def placeholder_style(self) -> str:
        styles = sorted({p.style for p in self.placeholders})
        return "" if not styles else styles[0] if len(styles) == 1 else "mixed: " + " ".join(styles)

    def touched(self, mode: str) -> list[str]:
        return sorted({o.key for o in self.objects if o.mode == mode and o.kind != "system"})

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        head = " ".join(self.sql.split())[:60]
        return f"AppStatement({self.location} {self.language} {self.kind} {head!r})"


@dataclass
class AppFile:
    path: str
    language: str
    encoding: str
    lines: int
    statements: int = 0
    problems: list[str] = field(default_factory=list)
