"""assessment.json against its JSON Schema (migplan/data/assessment.schema.json): every sample pair,
bad input with a configuration, and a run verified on a real PostgreSQL; the file is reproducible."""

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import migplan
from migplan import engines, matrix
from migplan.analyze.actions.base import CATEGORIES, EFFORTS, SEVERITIES
from migplan.analyze.verdict import VERDICTS
from migplan.model.schema import PARSED, PARTIAL, UNPARSED
from migplan.report.files import ASSESSMENT_FORMAT, assessment_to_dict
from tests.conftest import SAMPLE_PAIRS, SAMPLES

DATA = Path(migplan.__file__).parent / "data"
SCHEMA = json.loads((DATA / "assessment.schema.json").read_text("utf-8"))
INVENTORY_SCHEMA = json.loads((DATA / "inventory.schema.json").read_text("utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)


def _validate(data: dict) -> None:
    data = json.loads(json.dumps(data))  # what a reader of the file gets (tuples become lists ...)
    errors = sorted(VALIDATOR.iter_errors(data), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message[:300]}"
                                 for e in errors[:20])


def _key_order(data: dict) -> None:
    """Keys come in the order the schema's `required` lists them (the documented, stable order)."""
    def check(value, schema, where):
        assert list(value) == schema["required"], where
    check(data, SCHEMA, "top level")
    props = SCHEMA["properties"]
    for name in ("pair", "compatibility", "summary", "inventory"):
        check(data[name], props[name], name)
    for o in data["objects"]:
        check(o, props["objects"]["items"], "objects[]")
    for i in data["action_items"]:
        check(i, props["action_items"]["items"], "action_items[]")
    if data["verification"] is not None:
        check(data["verification"], props["verification"]["oneOf"][1], "verification")


# ------------------------------------------------------------------ the schema itself


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["properties"]["format"]["const"] == ASSESSMENT_FORMAT


def _walk(node, path="#"):
    if isinstance(node, dict):
        yield path, node
        for k, v in node.items():
            yield from _walk(v, f"{path}/{k}")
    elif isinstance(node, list):
        for n, v in enumerate(node):
            yield from _walk(v, f"{path}/{n}")


def test_every_property_is_described_and_fixed_shapes_are_closed():
    undescribed, open_objects = [], []
    for path, node in _walk(SCHEMA):
        for name, prop in node.get("properties", {}).items() if isinstance(node.get("properties"), dict) else ():
            if "description" not in prop:
                undescribed.append(f"{path}/properties/{name}")
        if node.get("type") == "object" and "properties" in node and node.get("additionalProperties") is not False:
            open_objects.append(path)
    assert not undescribed, undescribed
    assert not open_objects, open_objects


def _enum(ref: str) -> list:
    node = SCHEMA
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node["enum"]


def test_enumerations_match_the_code():
    """Closed sets in the schema are the kit's own constants: adding a value means updating both."""
    items = SCHEMA["properties"]["action_items"]["items"]["properties"]
    compat = SCHEMA["properties"]["compatibility"]["properties"]
    assert items["severity"]["enum"] == list(SEVERITIES)
    assert items["category"]["enum"] == list(CATEGORIES)
    assert _enum("#/$defs/effort") == list(EFFORTS)
    assert _enum("#/$defs/object_verdict") == list(VERDICTS)
    assert list(SCHEMA["$defs"]["verdict_counts"]["required"]) == list(VERDICTS)
    assert _enum("#/$defs/pair_verdict") == list(matrix.VERDICTS)
    assert _enum("#/$defs/engine") == [e.name for e in engines.all_engines()]
    assert _enum("#/$defs/parse_status") == [PARSED, PARTIAL, UNPARSED]
    assert compat["path"]["enum"] == list(matrix._data()["paths"])
    assert set(compat["verify_engine"]["enum"]) - {None} == {
        e.verify_engine for e in engines.all_engines() if e.verify_engine}
    assert set(compat["kind"]["enum"]) == {e.kind for e in engines.all_engines()} | {"mixed"}
    problem_codes = INVENTORY_SCHEMA["properties"]["problems"]["items"]["properties"]["code"]["enum"]
    assert SCHEMA["properties"]["inventory"]["properties"]["problems"]["items"]["properties"]["code"]["enum"] == \
        problem_codes
    from dataclasses import fields

    assert compat.keys() == {f.name for f in fields(matrix.Compatibility)}


def test_every_catalog_code_fits_the_item_schema():
    from migplan.analyze import actions

    item = SCHEMA["properties"]["action_items"]["items"]["properties"]
    for code, rule in actions.all_rules().items():
        sample = {"code": code, "name": rule.name, "sct": list(rule.sct), "dms": list(rule.dms)}
        for key, value in sample.items():
            sub = {"$defs": SCHEMA["$defs"], **item[key]}
            errors = list(Draft202012Validator(sub).iter_errors(value))
            assert not errors, f"{code} {key}: {errors[0].message}"


# ------------------------------------------------------------------ documents


@pytest.mark.parametrize("sample,source,target", SAMPLE_PAIRS, ids=[f"{s}-{t}" for s, _, t in SAMPLE_PAIRS])
def test_sample_assessment_matches_schema(sample, source, target):
    a = migplan.assess(SAMPLES / sample, source=source, target=target)
    data = assessment_to_dict(a)
    _validate(data)
    _key_order(data)
    assert data["objects"] and data["action_items"] and data["verification"] is None
    assert len(data["objects"]) == data["summary"]["objects"] + data["summary"]["other_objects"]


def test_bad_input_and_configuration_match_schema(tmp_path):
    """Input problems, suppressed items and overridden severities take the schema's other branches."""
    src = tmp_path / "scripts"
    src.mkdir()
    (src / "install.sql").write_text("@@missing.sql\n@@tables.sql\n", "utf-8")
    (src / "tables.sql").write_text(
        "CREATE TABLE app.t (id NUMBER PRIMARY KEY, note VARCHAR2(10) DEFAULT '', body CLOB);\n"
        "CREATE VIEW app.v AS SELECT id FROM app.t WHERE ROWNUM <= 10 ORDER BY id;\n", "utf-8")
    (src / "legacy.sql").write_bytes("COMMENT ON TABLE app.t IS 'privilégiés';\n".encode("cp1252"))
    (src / "junk.sql").write_bytes(bytes(range(256)) * 20)
    (src / "cut.sql").write_text("COMMENT ON TABLE app.t IS 'oops\n", "utf-8")  # truncated
    config = {"codes": {"SQL011": {"severity": "critical", "hours": [3, 5], "learning": 1}},
              "suppress": [{"code": "DMS004", "reason": "LOB mode chosen (ticket 1)"}, {"code": "FDM001"}]}
    a = migplan.assess(src, source="oracle", target="aurora-postgresql", config=config)
    data = assessment_to_dict(a)
    _validate(data)
    _key_order(data)
    codes = {p["code"] for p in data["inventory"]["problems"]}
    assert {"INPUT-INCLUDE", "INPUT-UNREADABLE", "INPUT-TRUNCATED"} <= codes, codes
    assert any(p["line"] is None for p in data["inventory"]["problems"])
    suppressed = [i for i in data["action_items"] if i["suppressed"]]
    assert suppressed and all(i["suppression"] for i in suppressed)
    assert any(i["code"] == "SQL011" and i["severity"] == "critical" for i in data["action_items"])


def test_empty_assessment_matches_schema():
    a = migplan.assess_text("-- nothing here\n", "postgresql", "aurora-mysql")
    data = assessment_to_dict(a)
    _validate(data)
    assert data["summary"]["storage_automatic_percent"] is None and data["objects"] == []


@pytest.mark.engine
def test_verified_assessment_matches_schema(pg_dsn, tmp_path):
    a = migplan.assess(SAMPLES / "oracle/retail", source="oracle", target="aurora-postgresql")
    a.verify(dsn=pg_dsn)
    data = assessment_to_dict(a)
    _validate(data)
    _key_order(data)
    ver = data["verification"]
    assert ver is not None and "seconds" not in ver and ver["statements"] == ver["accepted"] + ver["rejected"]
    assert sum(ver["objects"].values()) == sum(o["verification"] is not None for o in data["objects"])
    assert any(o["verification"] and o["verification"]["status"] == "verified" for o in data["objects"])
    assert all(i["predicted"] is not None for i in data["action_items"] if i["code"] in ("VER001", "VER002",
                                                                                          "VER003"))
    first = a.write(tmp_path / "one") / "assessment.json"
    second = a.write(tmp_path / "two") / "assessment.json"
    assert first.read_bytes() == second.read_bytes()
    _validate(json.loads(first.read_text("utf-8")))


# ------------------------------------------------------------------ reproducible file


def test_written_assessment_is_byte_identical(tmp_path):
    sample, source, target = SAMPLE_PAIRS[0]
    a = migplan.assess(SAMPLES / sample, source=source, target=target)
    first = a.write(tmp_path / "one") / "assessment.json"
    second = a.write(tmp_path / "two") / "assessment.json"
    assert first.read_bytes() == second.read_bytes()
    again = migplan.assess(SAMPLES / sample, source=source, target=target)  # a fresh run, same input
    third = again.write(tmp_path / "three") / "assessment.json"
    assert first.read_bytes() == third.read_bytes()
    text = first.read_text("utf-8")
    assert text.endswith("}\n") and str(tmp_path) not in text and str(SAMPLES) not in text
    _validate(json.loads(text))
