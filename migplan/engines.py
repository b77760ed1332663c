"""The engine registry: canonical engine names, their aliases and what the kit knows about each.

The data lives in ``migplan/data/engines.toml``; this module only loads and looks it up.
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from migplan.errors import UnknownEngineError


@dataclass(frozen=True)
class Engine:
    name: str
    display: str
    family: str
    kind: str
    folding: str
    case_insensitive: bool
    verify: str
    dms_source: bool
    dms_target: bool
    splitter: str | None = None  # None: the engine has no SQL scripts (DynamoDB, MongoDB)
    sqlglot: str | None = None
    dms_engine: str | None = None
    dms_cdc: bool = True  # DMS captures ongoing changes from it as a source (false: full load only)
    sct_name: str | None = None
    text_collation: str = ""  # binary | case-insensitive | accent-insensitive ("" = not known)
    aliases: tuple[str, ...] = field(default_factory=tuple)

    @property
    def verify_engine(self) -> str | None:
        return None if self.verify == "none" else self.verify

    def fold(self, name: str) -> str:
        """How this engine stores an unquoted identifier."""
        if self.folding == "upper":
            return name.upper()
        if self.folding == "lower":
            return name.lower()
        return name

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.name


@lru_cache(maxsize=1)
def _registry() -> tuple[dict[str, Engine], dict[str, str]]:
    raw = tomllib.loads(resources.files("migplan.data").joinpath("engines.toml").read_text("utf-8"))
    engines: dict[str, Engine] = {}
    lookup: dict[str, str] = {}
    for name, row in raw.items():
        row = dict(row)
        aliases = tuple(row.pop("aliases", ()))
        engines[name] = Engine(name=name, aliases=aliases, **row)
        for key in (name, *aliases):
            key = _norm(key)
            if key in lookup and lookup[key] != name:
                raise ValueError(f"engines.toml: alias {key!r} used by {lookup[key]} and {name}")
            lookup[key] = name
    return engines, lookup


def _norm(text: str) -> str:
    return text.strip().lower().replace("_", "-").replace(" ", "-")


def get(name: str | Engine) -> Engine:
    """Resolve an engine name or alias; raise UnknownEngineError listing close matches."""
    if isinstance(name, Engine):
        return name
    engines, lookup = _registry()
    key = _norm(str(name))
    if key in lookup:
        return engines[lookup[key]]
    close = difflib.get_close_matches(key, list(lookup), n=5, cutoff=0.5)
    suggestions = sorted({lookup[c] for c in close})
    raise UnknownEngineError(name, suggestions)


def all_engines() -> list[Engine]:
    return list(_registry()[0].values())


def names() -> list[str]:
    return list(_registry()[0])
