"""The action-item catalog: every code migplan can raise, one module per code under ``rules/``.

    from migplan.analyze import actions
    actions.get("ORA001")          # the rule class
    actions.all_rules()            # every rule, by code
    actions.applicable("oracle", "postgresql")
    actions.applicable("sqlserver", "postgresql", "azure-sql")   # with Azure SQL Database's own rules

Codes are stable: a code is never reused; a renamed code stays as an alias in REDIRECTS.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from migplan.analyze.actions.base import CATEGORIES, EFFORTS, SEVERITIES, Rule

# old code -> new code (ruff-style redirects; empty until a code is renamed)
REDIRECTS: dict[str, str] = {}

__all__ = ["CATEGORIES", "EFFORTS", "REDIRECTS", "SEVERITIES", "Rule", "all_rules", "applicable", "get"]


@lru_cache(maxsize=1)
def _registry() -> dict[str, type[Rule]]:
    from migplan.analyze.actions import rules as pkg

    found: dict[str, type[Rule]] = {}
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and value.code:
                if value.__module__ != module.__name__:
                    continue
                if value.code in found:
                    raise ValueError(f"action code {value.code} defined twice: {found[value.code].__module__} "
                                     f"and {module.__name__}")
                found[value.code] = value
    return dict(sorted(found.items()))


def all_rules() -> dict[str, type[Rule]]:
    return _registry()


def get(code: str) -> type[Rule]:
    code = REDIRECTS.get(code, code)
    try:
        return _registry()[code]
    except KeyError:
        raise KeyError(f"unknown action code {code!r}") from None


def applicable(source_family: str, target_family: str, source_engine: str | None = None) -> list[type[Rule]]:
    """The rules for a pair; ``source_engine`` (canonical name) adds that engine's own rules and
    drops the family rules it replaces (Rule.engines, Rule.except_engines)."""
    return [r for r in _registry().values() if r().applies(source_family, target_family, source_engine)]
