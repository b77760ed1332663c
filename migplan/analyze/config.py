"""User tuning of the catalog: severity and effort per code, effort per bucket, suppressions.

A TOML file (``migplan assess --config migplan.toml`` / ``assess(config=...)``)::

    [effort]                      # hours per occurrence (low, high) and one-time learning, per bucket
    simple = { per = [0.25, 1], learning = 0.5 }

    [codes.SQL011]                # override one code
    severity = "high"
    effort = "significant"        # bucket, or explicit hours:
    hours = [2, 6]
    learning = 4

    [convert]                     # conversion choices (migplan.convert.ConvertOptions)
    number_keys = "numeric"       # Oracle NUMBER keys: "evidence" (bigint where proven) or "numeric"
    [defines]                     # values of SQL*Plus &name / sqlcmd $(name) variables
    MAIN_USER = "APP"

    [[suppress]]                  # like noqa: hide an item, keep it listed as suppressed
    code = "TBL009"               # every object
    [[suppress]]
    code = "SQL011"
    object = "RETAIL.V_TOP_CUSTOMERS"
    reason = "rewritten by hand (ticket 123)"
"""

from __future__ import annotations

import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from migplan.analyze.actions.base import EFFORTS, SEVERITIES
from migplan.errors import MigplanError

# SCT buckets (aws_dms_sct.md §2.1): simple < 1 h, medium 1-4 h, significant > 4 h per action.
DEFAULT_EFFORT = {
    "none": {"per": (0.0, 0.0), "learning": 0.0},
    "simple": {"per": (0.25, 1.0), "learning": 0.5},
    "medium": {"per": (1.0, 4.0), "learning": 2.0},
    "significant": {"per": (4.0, 16.0), "learning": 8.0},
}


@dataclass
class CodeOverride:
    severity: str | None = None
    effort: str | None = None
    hours: tuple[float, float] | None = None
    learning: float | None = None


@dataclass
class Suppression:
    code: str
    object: str | None = None  # qualified name, fnmatch patterns allowed; None = every object
    reason: str | None = None

    def matches(self, code: str, obj: str) -> bool:
        if not fnmatch.fnmatchcase(code, self.code):
            return False
        return self.object is None or fnmatch.fnmatch(obj.upper(), self.object.upper())


@dataclass
class Config:
    effort: dict = field(default_factory=lambda: {k: dict(v) for k, v in DEFAULT_EFFORT.items()})
    codes: dict[str, CodeOverride] = field(default_factory=dict)
    suppress: list[Suppression] = field(default_factory=list)
    convert: dict = field(default_factory=dict)  # ConvertOptions fields set in [convert]
    defines: dict[str, str] = field(default_factory=dict)  # client substitution variables

    @classmethod
    def load(cls, source: str | Path | dict | Config | None) -> Config:
        if source is None:
            return cls()
        if isinstance(source, Config):
            return source
        if isinstance(source, dict):
            raw = source
            where = "config"
        else:
            path = Path(source)
            if not path.is_file():
                raise MigplanError(f"config file not found: {path}")
            try:
                raw = tomllib.loads(path.read_text("utf-8"))
            except tomllib.TOMLDecodeError as err:
                raise MigplanError(f"{path}: not valid TOML: {err}") from err
            where = str(path)
        cfg = cls()
        unknown = sorted(set(raw) - _SECTIONS)
        if unknown:  # a misspelled section would otherwise be ignored without a word
            raise MigplanError(f"{where}: unknown section(s) {', '.join(unknown)}; "
                               f"known: {', '.join(sorted(_SECTIONS))}")
        for key, value in raw.get("convert", {}).items():
            if key not in _CONVERT_KEYS:
                raise MigplanError(f"{where}: [convert] {key!r} is not one of {', '.join(sorted(_CONVERT_KEYS))}")
            cfg.convert[key] = value
        for bucket, value in raw.get("effort", {}).items():
            if bucket not in EFFORTS:
                raise MigplanError(f"{where}: [effort] {bucket!r} is not one of {', '.join(EFFORTS)}")
            if "per" in value:
                cfg.effort[bucket]["per"] = tuple(float(x) for x in value["per"])
            if "learning" in value:
                cfg.effort[bucket]["learning"] = float(value["learning"])
        from migplan.analyze import actions

        for code, value in raw.get("codes", {}).items():
            _known(code, where, actions)  # unknown codes are an error, not a silent no-op
            sev = value.get("severity")
            if sev is not None and sev not in SEVERITIES:
                raise MigplanError(f"{where}: [codes.{code}] severity {sev!r} is not one of {', '.join(SEVERITIES)}")
            eff = value.get("effort")
            if eff is not None and eff not in EFFORTS:
                raise MigplanError(f"{where}: [codes.{code}] effort {eff!r} is not one of {', '.join(EFFORTS)}")
            hours = value.get("hours")
            low_high = (float(hours[0]), float(hours[1])) if hours else None
            cfg.codes[code] = CodeOverride(sev, eff, low_high,
                                           value.get("learning"))
        defines = raw.get("defines", {})
        if not isinstance(defines, dict) or not all(isinstance(v, (str, int, float)) for v in defines.values()):
            raise MigplanError(f"{where}: [defines] must map variable names to values, e.g. MAIN_USER = \"APP\"")
        cfg.defines = {str(k): str(v) for k, v in defines.items()}
        for s in raw.get("suppress", []):
            if "code" not in s:
                raise MigplanError(f"{where}: a [[suppress]] entry needs a code")
            _known(s["code"], where, actions)
            cfg.suppress.append(Suppression(s["code"], s.get("object"), s.get("reason")))
        return cfg

    def suppression(self, code: str, obj: str) -> Suppression | None:
        for s in self.suppress:
            if s.matches(code, obj):
                return s
        return None


_SECTIONS = {"effort", "codes", "suppress", "convert", "defines"}
_CONVERT_KEYS = {"number_keys", "identifier_case"}


def _known(code: str, where: str, actions) -> None:
    try:
        actions.get(code)
    except KeyError:
        close = [c for c in sorted(actions.all_rules()) if c[:3] == code[:3].upper()][:8]
        hint = f" (codes of that family: {', '.join(close)})" if close else ""
        raise MigplanError(f"{where}: {code!r} is not an action-item code{hint}; see docs/actions.md") from None
