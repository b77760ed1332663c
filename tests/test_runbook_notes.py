"""The runbook says what its DMS steps assume (migplan/data/runbook.toml, each note with its page):
what load-order rests on, the two stops and the one-stop variant, Aurora's backups, DO_NOTHING and
reloads, partitioned PostgreSQL sources, LOB tables without a key, LOB validation."""

import copy

import pytest

import migplan
from migplan.datafile import ANY, PAGE, DataFileError, check
from migplan.plan import phases
from tests.conftest import SAMPLES


def _step(a, number):
    return next(s for s in a.plan.steps if s.number == number)


@pytest.fixture(scope="module")
def clinic():
    return migplan.assess(SAMPLES / "postgresql/clinic", "postgresql", "aurora-mysql")


def test_runbook_toml_is_checked():
    raw = copy.deepcopy(phases._runbook_notes())
    raw["notes"]["two-stops"]["txt"] = raw["notes"]["two-stops"].pop("text")
    with pytest.raises(DataFileError):
        check(raw, {"pages": {ANY: str}, "notes": {ANY: {"page": PAGE, "text": str}}}, "runbook.toml", raw["pages"])
    for n in phases._runbook_notes()["notes"].values():
        assert phases._runbook_notes()["pages"][n["page"]].startswith("https://docs.aws.amazon.com/")


def test_load_order_says_it_is_a_fallback_without_sizes(clinic):
    notes = " ".join(_step(clinic, "3.1").notes)
    assert "alphabetical order, a fallback, not biggest first" in notes
    assert "biggest first" not in _step(clinic, "3.1").why


def test_load_order_uses_sizes_when_given():
    stats = {"RETAIL.ORDERS": {"rows": 10, "bytes": 5 * 1024 ** 3},
             "RETAIL.CUSTOMERS": {"rows": 10, "bytes": 9 * 1024 ** 3}}
    a = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql", table_stats=stats)
    order = {t.qname: t.load_order for t in a.plan.tables}
    assert order["RETAIL.CUSTOMERS"] > order["RETAIL.ORDERS"] > max(
        v for k, v in order.items() if k not in ("RETAIL.CUSTOMERS", "RETAIL.ORDERS"))
    assert "sizes for 2 of" in " ".join(_step(a, "3.1").notes)
    rules = a.dms.table_mappings()["rules"]
    assert rules[0]["object-locator"]["table-name"] == "CUSTOMERS"  # highest load-order first


def test_two_stops_are_an_assumption_with_a_one_stop_variant(clinic):
    notes = " ".join(_step(clinic, "4.1").notes)
    assert "assumption" in notes and "One-stop variant" in notes and "stops=1" in notes
    assert "FullLoad.html" in notes


def test_aurora_backups_cannot_be_turned_off(clinic):
    notes = " ".join(_step(clinic, "2.2").notes)
    assert "1 to 35 days" in notes and "Aurora.Managing.Backups.html" in notes
    assert "retention 0" not in notes


def test_do_nothing_and_reloads(clinic):
    assert "truncate the target table first" in " ".join(_step(clinic, "2.1").notes)


def test_partitioned_postgresql_sources_and_keyless_lob_tables(clinic):
    notes = " ".join(_step(clinic, "3.1").notes)
    assert "Partitioned source tables (clinic.lab_results)" in notes
    assert "LOB columns and no primary or unique key (clinic.audit_log)" in notes


def test_runbook_notes_are_escaped():
    a = migplan.assess_text('CREATE TABLE app."x*y" (body CLOB);', "oracle", "aurora-postgresql")
    rb = a.plan.runbook()
    assert "APP.x\\*y" in rb and "APP.x*y" not in rb.replace("`APP.x*y`", "")


def test_agent_path_moves_data_with_sct_agents():
    """Where DMS cannot read the source (Teradata, Netezza, Vertica, Greenplum...), the plan is the SCT
    data extraction agents' one: settings, agents, schema, extraction, validation — no DMS task."""
    import dataclasses

    from migplan.plan.phases import Plan, PlanOptions

    a = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql")
    inputs = a.plan_input()
    agents = dataclasses.replace(inputs, compatibility=dataclasses.replace(
        inputs.compatibility, path="sct-agents", dms_source=False))
    plan = Plan(agents, PlanOptions(), a.graph)
    titles = [s.title for s in plan.steps]
    assert "Install and register the data extraction agents" in titles
    assert not any("DMS task" in t or "replication instance" in t.lower() for t in titles)
    extract = next(s for s in plan.steps if s.title.startswith("Run the extraction tasks"))
    assert "AWS DMS cannot read" in extract.why
    assert "RETAIL.ORDERS" in extract.objects
    assert [s.number for s in plan.steps] == sorted(s.number for s in plan.steps)
    assert not any(s.title.startswith("Prepare Oracle") for s in plan.steps)  # no change capture
    settings = next(s for s in plan.steps if s.title.startswith("Prepare the SCT project"))
    assert any("agents.html" in n for n in settings.notes)
    # DMS reads the source too: the step says DMS is the alternative that carries changes.
    plan = Plan(dataclasses.replace(agents, compatibility=dataclasses.replace(agents.compatibility, dms_source=True)),
                PlanOptions(), a.graph)
    extract = next(s for s in plan.steps if s.title.startswith("Run the extraction tasks"))
    assert "ongoing replication" in extract.why
