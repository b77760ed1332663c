"""Verification on real engines: every sample pair's converted DDL is applied to PostgreSQL or
MariaDB, the catalog is compared, and every failure must have been predicted by a static item."""

import pytest
import yaml

import migplan
from migplan.assessment import assess_text
from tests.conftest import SAMPLE_PAIRS, SAMPLES
from tests.test_action_catalog import FIXTURES


@pytest.fixture
def dsn_for(pg_dsn, request):
    def get(target):
        if "postgresql" in target or target == "redshift":  # Redshift: its PostgreSQL subset
            return pg_dsn
        return request.getfixturevalue("mariadb_dsn")
    return get


@pytest.mark.engine
@pytest.mark.parametrize("folder,source,target", SAMPLE_PAIRS, ids=[f"{s}->{t}" for _, s, t in SAMPLE_PAIRS])
def test_sample_verifies_with_no_unpredicted_failure(folder, source, target, dsn_for):
    a = migplan.assess(SAMPLES / folder, source, target)
    v = a.verify(dsn=dsn_for(target))
    assert v.accepted >= 0.8 * len(v.results), v.frame().query("not ok").to_string()
    unpredicted = [i for i in a.action_items.items if i.code == "VER004"]
    assert not unpredicted, "\n".join(f"{i.object} {i.line}: {i.message}" for i in unpredicted)
    # tables: every converted table is in the catalog with its columns and key
    tables = v.frame().query("kind == 'table'")
    assert tables["ok"].mean() >= 0.9, tables.query("not ok").to_string()


def _engine_cases():
    out = []
    for f in sorted(FIXTURES.glob("*.yml")):
        data = yaml.safe_load(f.read_text())
        for case in data["cases"]:
            if case.get("engine"):
                out.append(pytest.param(data["code"], case, id=f"{data['code']}-{case['name']}"))
    return out


@pytest.mark.engine
@pytest.mark.parametrize("code,case", _engine_cases())
def test_engine_fixture(code, case, dsn_for):
    a = assess_text(case["sql"], case["source"], case["target"], force=True)
    a.verify(dsn=dsn_for(case["target"]))
    lines = sorted(i.line for i in a.action_items.items if i.code == code)
    assert lines == sorted(case["expect"]), [(i.code, i.line, i.message) for i in a.action_items.items]
