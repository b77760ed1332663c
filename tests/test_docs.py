"""docs/actions.md is generated from the action-item catalog: the committed page must be what
scripts/gen_action_docs.py writes now, and it must document every code."""

import importlib.util
import re
from pathlib import Path

import pytest

from migplan.analyze import actions

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "actions.md"
SCRIPT = ROOT / "scripts" / "gen_action_docs.py"
REGENERATE = "run .venv/bin/python scripts/gen_action_docs.py"


def _generator():
    spec = importlib.util.spec_from_file_location("gen_action_docs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generated() -> str:
    return _generator().render()


@pytest.fixture(scope="module")
def committed() -> str:
    assert DOC.exists(), f"{DOC.relative_to(ROOT)} is missing: {REGENERATE}"
    return DOC.read_text("utf-8")


def test_committed_page_matches_the_catalog(committed, generated):
    if committed != generated:
        old, new = committed.splitlines(), generated.splitlines()
        first = next((n for n, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
        pytest.fail(f"docs/actions.md is out of date with the action catalog: {REGENERATE}\n"
                    f"first difference at line {first + 1}:\n"
                    f"  committed: {old[first] if first < len(old) else '<end of file>'}\n"
                    f"  generated: {new[first] if first < len(new) else '<end of file>'}")


def test_every_code_is_documented(generated):
    anchors = re.findall(r'^<a id="([a-z0-9]+)"></a>$', generated, re.M)
    headings = re.findall(r"^### ([A-Z]{3}\d{3}) ", generated, re.M)
    index = re.findall(r"^\| \[([A-Z]{3}\d{3})\]\(#([a-z0-9]+)\) ", generated, re.M)
    codes = sorted(actions.all_rules())
    assert sorted(headings) == codes, sorted(set(codes) ^ set(headings))
    assert sorted(code for code, _ in index) == codes, sorted(set(codes) ^ {c for c, _ in index})
    assert sorted(anchors) == sorted(c.lower() for c in codes)
    assert all(a == c.lower() for c, a in index), "index links must point at the code's anchor"
    assert len(set(anchors)) == len(anchors)


def test_each_section_carries_the_docstring(generated):
    """Every docstring section that a rule has shows up under its code, and the example is SQL."""
    sections = re.split(r'^<a id="[a-z0-9]+"></a>$', generated, flags=re.M)[1:]
    by_code = {re.search(r"^### ([A-Z]{3}\d{3}) ", s, re.M).group(1): s for s in sections}
    for code, rule in actions.all_rules().items():
        text = by_code[code]
        assert f"### {code} `{rule.name}`" in text
        for name, body in rule.sections().items():
            if body:
                assert f"**{name}**" in text, f"{code}: section '{name}' not rendered"
        if rule.sections().get("Example"):
            assert "**Example**\n\n```sql\n" in text, code
        for key in rule.dms:
            assert f"`{key}`" in text, code


def test_output_is_deterministic(generated):
    assert _generator().render() == generated


def test_check_mode_reports_drift(tmp_path, capsys):
    gen = _generator()
    out = tmp_path / "actions.md"
    out.write_text("stale\n", "utf-8")
    assert gen.main(["--check", "-o", str(out)]) == 1
    assert "scripts/gen_action_docs.py" in capsys.readouterr().err
    assert gen.main(["-o", str(out)]) == 0
    assert gen.main(["--check", "-o", str(out)]) == 0


@pytest.mark.parametrize("text,expected", [
    ("a_b and _c_ *d* [e](f) <b>", r"a_b and \_c\_ \*d\* [e\](f) \<b>"),
    ("1. starts like a list", r"1\. starts like a list"),
    ("# starts like a heading", r"\# starts like a heading"),
    ("keeps ``CONNECT BY`` and `x | y`", "keeps `CONNECT BY` and `x | y`"),
])
def test_prose_escaping(text, expected):
    assert _generator().prose(text) == expected
