"""DMS artifacts, checked with the real validators: botocore's DMS service model and cfn-lint."""

import json

import botocore.session
import pytest
import yaml
from botocore.validate import ParamValidator

import migplan
from migplan.dms import apply_transformations
from tests.conftest import SAMPLE_PAIRS, SAMPLES

PAIRS = [p for p in SAMPLE_PAIRS]


@pytest.fixture(scope="module", params=PAIRS, ids=[f"{s}->{t}" for _, s, t in PAIRS])
def assessed(request):
    folder, source, target = request.param
    return migplan.assess(SAMPLES / folder, source, target)


def test_create_replication_task_requests_pass_botocore(assessed):
    model = botocore.session.get_session().get_service_model("dms")
    shape = model.operation_model("CreateReplicationTask").input_shape
    for req in assessed.dms.create_replication_task_requests():
        report = ParamValidator().validate(req, shape)
        assert not report.has_errors(), report.generate_report()


def test_table_mappings_are_well_formed(assessed):
    m = assessed.dms.table_mappings()
    ids = [r["rule-id"] for r in m["rules"]]
    names = [r["rule-name"] for r in m["rules"]]
    assert len(ids) == len(set(ids)) and len(names) == len(set(names))
    assert any(r["rule-type"] == "selection" for r in m["rules"])
    for r in m["rules"]:
        if r["rule-type"] == "table-settings":
            loc = r["object-locator"]
            assert "%" not in loc["schema-name"] + loc["table-name"]  # no wildcards in table settings (§5.4)
        if r["rule-type"] == "selection":
            assert r["rule-action"] == "explicit" and int(r["load-order"]) > 0


def test_mapped_names_exist_in_the_converted_schema(assessed):
    """Every table DMS loads lands in a table of the converted DDL, with the same column names."""
    mapping = assessed.dms.table_mappings()
    converted = {}
    for c in assessed.conversion.objects:
        for st in c.statements:
            if st.kind == "table":
                converted[(c.target_schema, c.target_name)] = {col["name"] for col in st.expect["columns"]}
    selected = [r for r in mapping["rules"] if r["rule-type"] == "selection"]
    assert selected
    by_name = {(t.schema or "%", t.name): t for t in assessed.inventory.tables}
    for r in selected:
        t = by_name[(r["object-locator"]["schema-name"], r["object-locator"]["table-name"])]
        if not assessed.conversion.by_source(t).statements:
            continue
        schema, table, cols = apply_transformations(mapping, t.schema, t.name, [c.name for c in t.columns])
        key = (schema, table)
        assert key in converted, f"{t.qname} maps to {key}, not in the converted DDL"
        computed = {c.name for c in t.columns if c.computed is not None}
        for src, new in zip([c.name for c in t.columns], cols):
            if src not in computed:
                assert new in converted[key], f"{t.qname}.{src} maps to {new}"


def test_task_settings(assessed):
    s = assessed.dms.task_settings()
    fl = s["FullLoadSettings"]
    assert fl["TargetTablePrepMode"] == "DO_NOTHING"
    assert fl["StopTaskCachedChangesNotApplied"] and fl["StopTaskCachedChangesApplied"]
    assert 1 <= fl["MaxFullLoadSubTasks"] <= 49
    assert s["TargetMetadata"]["LobMaxSize"] <= 102400


def test_cloudformation_passes_cfn_lint(assessed, tmp_path):
    from cfnlint.api import ManualArgs, lint

    text = assessed.dms.cloudformation_yaml()
    matches = lint(text, config=ManualArgs(regions=["us-east-1"]))
    errors = [m for m in matches if m.rule.id.startswith("E")]
    assert not errors, "\n".join(str(m) for m in errors)
    doc = yaml.safe_load(text)
    task = next(v for v in doc["Resources"].values() if v["Type"] == "AWS::DMS::ReplicationTask")
    json.loads(task["Properties"]["TableMappings"])
    json.loads(task["Properties"]["ReplicationTaskSettings"])


def test_one_task_per_wave_with_foreign_keys_during_load():
    a = migplan.assess(SAMPLES / "oracle/retail", "oracle", "aurora-postgresql", fks_during_load=True)
    tasks = a.dms.tasks()
    assert len(tasks) == len(a.plan.waves) > 1
    names = [n for n, _ in tasks]
    assert len(set(names)) == len(names)
