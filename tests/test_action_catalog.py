"""The action-item catalog: one generic driver runs every code's fixtures (sqlfluff-style), and
the catalog itself is checked for completeness (docs, fixtures, codes referenced by the code)."""

import re
from pathlib import Path

import pytest
import yaml

from migplan.analyze import actions
from migplan.analyze.actions.base import CATEGORIES, EFFORTS, SEVERITIES
from migplan.assessment import assess_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "actions"


def _cases():
    out = []
    for f in sorted(FIXTURES.glob("*.yml")):
        data = yaml.safe_load(f.read_text())
        for case in data["cases"]:
            if case.get("engine"):  # needs a real database engine: run by test_verify
                continue
            out.append(pytest.param(data["code"], case, id=f"{data['code']}-{case['name']}"))
    return out


@pytest.mark.parametrize("code,case", _cases())
def test_fixture(code, case, monkeypatch):
    if case.get("break_rule"):  # MIG001: a rule that raises must not end the run
        def broken(self, obj, ctx):
            raise RuntimeError("deliberately broken for the test")
        monkeypatch.setattr(actions.get(case["break_rule"]), "check", broken)
    a = assess_text(case["sql"], case["source"], case["target"], force=True,
                    default_schema=case.get("default_schema"))
    found = sorted((i for i in a.action_items.items if i.code == code), key=lambda i: (i.line, i.message))
    expect = case["expect"]
    assert [i.line for i in found] == sorted(e if isinstance(e, int) else e["line"] for e in expect), [
        (i.code, i.line, i.message) for i in found]
    for item, want in zip(found, sorted(expect, key=lambda e: (e["line"], e["message"]))
                          if expect and isinstance(expect[0], dict) else ()):
        # the message users read, and the rewrite where the item carries one (scripts/update_action_fixtures.py)
        assert item.message == want["message"], (item.line, item.message)
        assert item.converted == want.get("converted"), (item.line, item.converted)


RULES = actions.all_rules()


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_is_documented_and_has_fixtures(code):
    rule = RULES[code]
    assert re.fullmatch(r"[A-Z]{3}\d{3}", code)
    assert rule.name and re.fullmatch(r"[a-z0-9-]+", rule.name)
    assert rule.category in CATEGORIES and rule.severity in SEVERITIES and rule.effort in EFFORTS
    assert rule.summary(), f"{code}: no docstring summary"
    sections = rule.sections()
    for s in ("What it detects", "Why it matters", "Typical rewrite"):
        assert sections.get(s), f"{code}: docstring lacks '{s}:'"
    path = FIXTURES / f"{code}.yml"
    assert path.exists(), f"{code}: no fixtures at {path.relative_to(ROOT)}"
    data = yaml.safe_load(path.read_text())
    assert data["code"] == code
    assert any(c["expect"] for c in data["cases"]), f"{code}: no failing case"
    raised = [e for c in data["cases"] if not c.get("engine") and not c.get("break_rule") for e in c["expect"]]
    assert all(isinstance(e, dict) and e.get("message") for e in raised), \
        f"{code}: fixtures name lines only; add the messages (python scripts/update_action_fixtures.py {code})"
    assert any(not c["expect"] for c in data["cases"]), f"{code}: no passing case"


def test_every_rule_module_registers_its_code():
    """One module per code, named after it: a module that defines no rule (or another code) is a hole."""
    modules = sorted(p for p in (ROOT / "migplan/analyze/actions/rules").rglob("[A-Z][A-Z][A-Z][0-9]*.py"))
    by_code = {p.name.split("_", 1)[0]: p for p in modules}
    assert len(by_code) == len(modules), "two modules for one code"
    assert sorted(by_code) == sorted(RULES), set(by_code) ^ set(RULES)
    for code, rule in RULES.items():
        assert rule.__module__.rsplit(".", 1)[-1].startswith(code + "_"), (code, rule.__module__)


def test_every_code_the_kit_raises_is_in_the_catalog():
    used = set()
    for path in list((ROOT / "migplan").rglob("*.py")) + list((ROOT / "migplan" / "data").rglob("*.toml")):
        if "actions/rules" in path.as_posix():
            continue
        used |= set(re.findall(r"['\"]([A-Z]{3}\d{3})['\"]", path.read_text()))
    missing = sorted(c for c in used if c not in RULES)
    assert not missing, f"codes raised but not in the catalog: {missing}"
