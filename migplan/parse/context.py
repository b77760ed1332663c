"""What a parser needs to know besides the tokens: the engine, names in force, where we are."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from migplan.engines import Engine
from migplan.model.schema import Location
from migplan.model.statement import Statement
from migplan.parse import names, sqlglot_bridge
from migplan.parse.tokens import Name


@dataclass
class ParseContext:
    engine: Engine
    statement: Statement
    default_schema: str | None = None
    problems: list[str] = field(default_factory=list)  # expressions sqlglot could not read
    lost: list[str] = field(default_factory=list)  # tokens sqlglot dropped
    code: str | None = None  # the text the tokens were read from (client variables substituted)
    variables: list[str] = field(default_factory=list)  # client variables without a value it uses

    @property
    def splitter(self) -> str:
        return self.engine.splitter or ""

    @property
    def sqlglot(self) -> str | None:
        return self.engine.sqlglot

    def line_at(self, offset: int) -> int:
        text = self.statement.text if self.code is None else self.code
        return self.statement.line + text.count("\n", 0, offset)

    def location(self, offset: int | None = None) -> Location:
        if offset is None:
            return Location(self.statement.file, self.statement.line, self.statement.end_line)
        return Location(self.statement.file, self.line_at(offset))

    def qualify(self, name: Name) -> tuple[str | None, str, bool, dict]:
        return names.qualify(name, self.engine, self.default_schema)

    def column_name(self, name: Name) -> str:
        return names.stored(name.parts[-1], name.quoted[-1], self.engine)

    def check_expression(self, text: str, what: str) -> None:
        """Have sqlglot read an embedded expression; record failures and lost tokens."""
        if self.engine.sqlglot is None:
            return
        error, lost = _check(text, self.engine.sqlglot, self.splitter)
        if error:
            self.problems.append(f"{what}: {error}")
        if lost:
            self.lost.extend(lost)


@lru_cache(maxsize=4096)
def _check(text: str, dialect: str, source: str | None) -> tuple[str | None, tuple[str, ...]]:
    parsed = sqlglot_bridge.parse_expression(text, dialect, source)
    return parsed.error, tuple(parsed.lost)
