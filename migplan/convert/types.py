"""Data type mapping, driven by one TOML table per source→target family
(``migplan/data/typemaps/<source>-<target>.toml``). The engine here only matches rows and fills
templates; every decision and its reason lives in the data file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from migplan.datafile import OneOf, check
from migplan.model.schema import TypeSpec


@dataclass(frozen=True)
class TypeRule:
    source: tuple[str, ...]
    target: str
    params: str = "any"  # "none" (no parameters written) | "some" | "any"
    precision: tuple[int, int] | None = None
    scale: tuple[int, int] | None = None
    length: tuple[int, int] | None = None
    max: bool | None = None  # (MAX) written (SQL Server), or not
    modifiers: tuple[str, ...] = ()
    without: tuple[str, ...] = ()  # modifiers that must be absent
    lossy: bool = False
    item: str | None = None
    why: str = ""
    message: str | None = None


@dataclass
class MappedType:
    sql: str
    rule: TypeRule | None
    item: str | None = None
    message: str | None = None
    checks: list[str] = field(default_factory=list)  # CHECK conditions the mapping adds ({col} placeholder)

    @property
    def lossy(self) -> bool:
        return bool(self.rule and self.rule.lossy)


@dataclass
class TypeMap:
    source: str
    target: str
    rules: list[TypeRule]
    unknown: dict

    def map(self, spec: TypeSpec) -> MappedType:
        p, s, n, is_max = _numbers(spec)
        # public.citext, "CITEXT": an extension's type is matched by its own name
        names = {spec.base, spec.base.upper(), spec.base.split(".")[-1].strip('"').upper()}
        for rule in self.rules:
            if names.isdisjoint(rule.source):
                continue
            if not _fits(rule, spec, p, s, n, is_max):
                continue
            sql = _fill(rule.target, spec, p, s, n)
            checks = []
            if "UNSIGNED" in spec.modifiers and "UNSIGNED" in rule.modifiers and self.target == "postgresql":
                checks.append("{col} >= 0")
            return MappedType(sql, rule, rule.item, rule.message, checks)
        if spec.user_defined:
            # a type of another engine family cannot be named on this one: keep the values as text
            fallback = self.unknown.get("target", "text")
            return MappedType(fallback, None, "TYP017",
                              f"user-defined type {spec.base} is not defined in the scripts: written as {fallback}; "
                              "define an equivalent on the target or map it to a built-in type")
        fallback = self.unknown.get("target", "text")
        return MappedType(fallback, None, self.unknown.get("item", "TYP018"),
                          f"no mapping for {spec.raw or spec.base} to {self.target}; written as {fallback}")


def _numbers(spec: TypeSpec) -> tuple[int | None, int | None, int | None, bool]:
    """precision, scale, length (first parameter as a count), and whether (MAX) was written."""
    is_max = bool(spec.params) and spec.params[0].upper() == "MAX"
    first = spec.param_int(0)
    second = spec.param_int(1)
    return first, second, first, is_max


def _fits(rule: TypeRule, spec: TypeSpec, p, s, n, is_max) -> bool:
    if rule.params == "none" and spec.params:
        return False
    if rule.params == "some" and not spec.params:
        return False
    if rule.max is not None and rule.max != is_max:
        return False
    if rule.precision is not None and (p is None or not rule.precision[0] <= p <= rule.precision[1]):
        return False
    if rule.length is not None and (n is None or not rule.length[0] <= n <= rule.length[1]):
        return False
    if rule.scale is not None:
        scale = s if s is not None else (0 if p is not None else None)
        if scale is None or not rule.scale[0] <= scale <= rule.scale[1]:
            return False
    if any(m not in spec.modifiers for m in rule.modifiers):
        return False
    if any(m in spec.modifiers for m in rule.without):
        return False
    return True


def _fill(template: str, spec: TypeSpec, p, s, n) -> str:
    if "{" not in template:
        return template
    values = {
        "p": p, "s": s if s is not None else 0, "n": n,
        "p6": min(p, 6) if p is not None else 6,
        "n4000": n,
        # Redshift lengths are bytes: n characters take up to 4 bytes each in UTF-8, at most 65,535
        "nb": min(4 * n, 65535) if n is not None else 65535,
        "nmax": min(n, 65535) if n is not None else 65535,
        "args": ", ".join(spec.params),
    }
    return template.format(**{k: ("" if v is None else v) for k, v in values.items()})


def _range(value) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, int):
        return (value, value)
    return (int(value[0]), int(value[1]))


@cache
def load(source_family: str, target_family: str) -> TypeMap | None:
    """The type map for a family pair, or None when the two families are the same."""
    if source_family == target_family:
        return None
    path = resources.files("migplan.data").joinpath(f"typemaps/{source_family}-{target_family}.toml")
    if not path.is_file():
        from migplan.errors import MigplanError

        raise MigplanError(f"migplan does not convert {source_family} scripts to {target_family} yet (no type map "
                           f"migplan/data/typemaps/{source_family}-{target_family}.toml); `migplan inventory` and "
                           "`migplan matrix` work for this pair")
    raw = tomllib.loads(path.read_text("utf-8"))
    check(raw, TYPEMAP_SCHEMA, f"typemaps/{source_family}-{target_family}.toml", {})  # a typo is an error
    rules = []
    for row in raw["map"]:
        src = row["source"]
        rules.append(TypeRule(
            source=tuple(x.upper() for x in ([src] if isinstance(src, str) else src)),
            target=row["target"], params=row.get("params", "any"),
            precision=_range(row.get("precision")), scale=_range(row.get("scale")), length=_range(row.get("length")),
            max=row.get("max"), modifiers=tuple(row.get("modifiers", ())), without=tuple(row.get("without", ())),
            lossy=row.get("lossy", False), item=row.get("item"), why=row["why"], message=row.get("message"),
        ))
    return TypeMap(source_family, target_family, rules, raw.get("unknown", {}))


_RANGE = OneOf(int, [int])
TYPEMAP_SCHEMA = {
    "map": [{"source": OneOf(str, [str]), "target": str, "why": str, "params?": ("none", "some", "any"),
             "precision?": _RANGE, "scale?": _RANGE, "length?": _RANGE, "max?": bool, "modifiers?": [str],
             "without?": [str], "lossy?": bool, "item?": str, "message?": str}],
    "unknown?": {"target?": str, "item?": str},
}
