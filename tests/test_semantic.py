"""Converted views keep their meaning (issue 18): every case of tests/semantic/cases runs on the
real targets (embedded PostgreSQL, MariaDB) and its view must return the rows written down from the
source engine's semantics, or raise the item the case names and stay out of the runnable phase
files. Cases the converter gets wrong today carry ``xfail`` (strict: a fix makes them XPASS, and the
marker must go); ``silent`` ones return other rows with nothing saying so. See tests/semantic/STATUS.md."""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from tests.semantic import harness as h

ROOT = Path(__file__).resolve().parents[1]
CASES = h.load_cases()


def _params() -> list:
    out = []
    for case in CASES:
        for target in case.targets:
            marks = [pytest.mark.engine] if case.kind(target) == "rows" else []
            if target in case.xfail:
                raises = h.SILENT if target in case.silent else h.NOT_SILENT
                marks.append(pytest.mark.xfail(strict=True, raises=raises, reason=case.xfail[target]))
            out.append(pytest.param(case, target, id=f"{case.id}->{target}", marks=marks))
    return out


@pytest.fixture(scope="module")
def opened():
    """One connection per engine for the whole module (each case runs in its own scratch schema/database)."""
    engines: dict = {}
    yield engines
    for engine in engines.values():
        engine.close()


@pytest.mark.parametrize("case,target", _params())
def test_view_keeps_its_meaning(case, target, opened, request):
    def engine(name: str, xml: bool):
        key = (name, xml and name == "postgresql")
        if key not in opened:
            if name == "postgresql":
                opened[key] = h.PostgresEngine(request.getfixturevalue("pg_xml_dsn" if xml else "pg_dsn"))
            else:
                opened[key] = h.MySQLEngine(request.getfixturevalue("mariadb_dsn"))
        return opened[key]

    h.check(case, target, engine)


# -- the cases themselves ---------------------------------------------------------------------------
def test_enough_cases_from_every_source():
    per_source = Counter(c.source for c in CASES)
    assert sum(per_source.values()) >= 150, per_source
    assert set(per_source) == set(h.PAIRS), per_source
    assert min(per_source.values()) >= 30, per_source


def test_every_class_has_a_case():
    used = {cls for c in CASES for cls in c.classes}
    assert set(h.CLASSES) <= used, sorted(set(h.CLASSES) - used)


def test_every_case_states_a_result():
    for case in CASES:
        for target in case.targets:
            assert (target in case.expect) != (target in case.expect_item), case.id


def test_case_files_are_checked(tmp_path):
    (tmp_path / "oracle").mkdir()
    bad = tmp_path / "oracle" / "x.yml"
    bad.write_text("cases:\n  - id: a\n    about: x\n    classes: [nulls]\n    tables: CREATE TABLE t (a NUMBER)\n"
                   "    view: CREATE VIEW w AS SELECT a FROM t\n    expect: []\n")
    with pytest.raises(h.CaseError, match="CREATE VIEW v AS"):
        h.load_cases(tmp_path)
    bad.write_text("cases:\n  - id: a\n    about: x\n    classes: [nulls]\n    tables: CREATE TABLE t (a NUMBER)\n"
                   "    view: CREATE VIEW v AS SELECT a FROM t\n    expect: []\n    silent: true\n")
    with pytest.raises(h.CaseError, match="silent needs an xfail"):
        h.load_cases(tmp_path)
    bad.write_text("cases:\n  - id: a\n    about: x\n    classes: [nulls]\n    tables: CREATE TABLE t (a NUMBER)\n"
                   "    view: CREATE VIEW v AS SELECT a FROM t\n")
    with pytest.raises(h.CaseError, match="no expect rows"):
        h.load_cases(tmp_path)


# -- the comparison ---------------------------------------------------------------------------------
def _case(**kw) -> h.Case:
    base = dict(id="x", source="oracle", file="f", about="a", classes=("nulls",), tables="", rows={},
                view="", expect={}, expect_item={}, targets=("postgresql",))
    return h.Case(**{**base, **kw})


def test_rows_compare_as_a_multiset_with_typed_values():
    case = _case()
    assert h.compare([[1, "a"], [2.5, None]], [(Decimal("2.5000"), None), (1, "a")], case) is None
    assert h.compare([["2024-02-29 10:00:00"]], [(dt.datetime(2024, 2, 29, 10),)], case) is None
    assert h.compare([[1]], [(1,), (1,)], case) is not None  # a multiset: duplicates count
    assert h.compare([["1"]], [(1,)], case) is not None  # text is not a number
    assert h.compare([[None]], [("",)], case) is not None  # NULL is not ''
    assert h.compare([[0.1]], [(Decimal("0.1000000001"),)], case) is None  # within the tolerance
    assert h.compare([[3.5]], [(3,)], case) is not None


def test_rows_compare_in_order_only_when_the_case_says_so():
    assert h.compare([[1], [2]], [(2,), (1,)], _case()) is None
    assert h.compare([[1], [2]], [(2,), (1,)], _case(ordered=True)) is not None


def test_booleans_and_char_padding_only_on_request():
    assert h.compare([[1]], [(True,)], _case()) is not None
    assert h.compare([[1]], [(True,)], _case(bool_as_int=True)) is None
    assert h.compare([["ab"]], [("ab   ",)], _case()) is not None
    assert h.compare([["ab"]], [("ab   ",)], _case(char_trim=True)) is None


def test_a_date_returned_as_a_timestamp_is_a_type_difference():
    diff = h.compare([["2024-02-29"]], [(dt.datetime(2024, 2, 29),)], _case())
    assert diff is not None and h.type_only(diff)
    assert not h.type_only(h.compare([["2024-02-29"]], [(dt.date(2024, 3, 1),)], _case()))


# -- the generated pages ----------------------------------------------------------------------------
def _status_script():
    spec = importlib.util.spec_from_file_location("semantic_status", ROOT / "scripts" / "semantic_status.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", ["status", "docs"])
def test_generated_pages_are_up_to_date(page):
    script = _status_script()
    path, text = script.render(page, CASES)
    assert path.exists(), f"{path} is missing: run .venv/bin/python scripts/semantic_status.py"
    committed = path.read_text("utf-8")
    if committed != text:
        old, new = committed.splitlines(), text.splitlines()
        first = next((n for n, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
        pytest.fail(f"{path.relative_to(ROOT)} is out of date: run .venv/bin/python scripts/semantic_status.py\n"
                    f"first difference at line {first + 1}:\n"
                    f"  committed: {old[first] if first < len(old) else '<end of file>'}\n"
                    f"  generated: {new[first] if first < len(new) else '<end of file>'}")
