"""Target names: case folding, reserved words, length limits, uniqueness where the target needs it.

Default rule (what SCT does): names become lower case on the target, so they need no quotes in
application SQL; a name a case-sensitive source (Oracle, PostgreSQL, Db2) quoted in mixed case
keeps its case (and then always needs quotes on PostgreSQL). Names longer than the target allows
are cut and given a stable hash suffix.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from migplan.convert.profiles import TargetProfile
from migplan.engines import Engine


@dataclass
class NameEvent:
    code: str  # NAM001 reserved word, NAM002 shortened, NAM003 case kept, NAM004 renamed to stay unique
    source: str
    target: str
    what: str
    obj: object = None  # the source object the name belongs to (its file and line locate the item)
    line: int | None = None
    sub: str | None = None


@dataclass
class NameMapper:
    source: Engine
    profile: TargetProfile
    identifier_case: str = "lower"  # "lower" | "preserve"
    schema_map: dict[str, str] = field(default_factory=dict)
    events: list[NameEvent] = field(default_factory=list)
    _used: dict[tuple, set[str]] = field(default_factory=dict)
    _assigned: dict[tuple, str] = field(default_factory=dict)
    # (scope, folded base name) -> the next suffix to try: names only get used, so every smaller
    # suffix is taken already (without it n clashing names cost n²/2 tries)
    _next_suffix: dict[tuple, int] = field(default_factory=dict)

    def base(self, name: str, quoted: bool = False) -> str:
        """Target spelling of a source name, without uniqueness handling."""
        if self.identifier_case == "preserve":
            out = name
        elif quoted and self.source.folding != "preserve" and name != name.upper() and name != name.lower():
            # a deliberately mixed-case quoted name keeps its case; on SQL Server and MySQL quoting does
            # not make a name case-sensitive, so [UnitPrice] and unitprice are one name there and here
            out = name
        else:
            out = name.lower()
        limit = self.profile.max_identifier
        if len(out.encode("utf-8")) > limit:
            digest = hashlib.sha1(out.encode("utf-8")).hexdigest()[:8]
            cut = out.encode("utf-8")[: limit - 9].decode("utf-8", "ignore")
            out = f"{cut}_{digest}"
        return out

    def schema(self, name: str | None) -> str | None:
        if name is None:
            return None
        if name in self.schema_map:
            return self.schema_map[name]
        for k, v in self.schema_map.items():
            if k.upper() == name.upper():
                return v
        return self.base(name)

    def name(self, what: str, scope: tuple, name: str, quoted: bool = False, owner: object = None,
             obj: object = None, line: int | None = None) -> str:
        """Target name unique within ``scope`` (e.g. ("relation", schema) or ("index", schema)).
        ``owner`` identifies the source object: asking again for the same owner gives the same name,
        two different owners never share one."""
        key = (scope, owner if owner is not None else (name.upper() if self.source.case_insensitive or not quoted
                                                        else name))
        if key in self._assigned:
            return self._assigned[key]
        out = self.base(name, quoted)
        if out != name.lower() and out != name and len(name.encode()) > self.profile.max_identifier:
            self.events.append(NameEvent("NAM002", name, out, what, obj, line, name))
        used = self._used.setdefault(scope, set())
        fold = (lambda x: x) if self.profile.names_case_sensitive else str.lower  # MySQL compares names loosely
        candidate = out
        if fold(candidate) in used:
            n = self._next_suffix.get((scope, fold(out)), 2)
            while fold(candidate) in used:
                suffix = f"_{n}"
                candidate = out[: self.profile.max_identifier - len(suffix)] + suffix
                n += 1
            self._next_suffix[(scope, fold(out))] = n
        if candidate != out:
            self.events.append(NameEvent("NAM004", name, candidate, what, obj, line, name))
        used.add(fold(candidate))
        self._assigned[key] = candidate
        if candidate.upper() in self.profile.reserved:
            self.events.append(NameEvent("NAM001", name, candidate, what, obj, line, name))
        elif candidate != candidate.lower() and self.profile.names_case_sensitive:
            self.events.append(NameEvent("NAM003", name, candidate, what, obj, line, name))
        return candidate

    def ident(self, name: str) -> str:
        return self.profile.ident(name)

    def qualified(self, schema: str | None, name: str) -> str:
        return self.profile.qualified(schema, name)
