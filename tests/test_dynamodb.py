"""Apache Cassandra -> Amazon DynamoDB end to end: CQL read in full, tables written as CreateTable and
UpdateTimeToLive requests checked with botocore's DynamoDB model (shape, lengths and patterns) and
DynamoDB's own rules, the same tables as a CloudFormation template checked with cfn-lint, and the
plan on SCT's data extraction agent path."""

from __future__ import annotations

import json
import re

import botocore.session
import pytest
import yaml
from botocore.validate import ParamValidator

import migplan
from migplan import matrix
from migplan.dms.dynamodb import DynamoDbArtifacts, problems
from migplan.inventory import load_text
from migplan.parse.cql import type_tree
from tests.conftest import CORPUS, SAMPLES, needs_corpus

SAMPLE = SAMPLES / "cassandra" / "streaming"


@pytest.fixture(scope="module")
def model():
    return botocore.session.get_session().get_service_model("dynamodb")


@pytest.fixture(scope="module")
def assessed():
    return migplan.assess(SAMPLE, "cassandra", "dynamodb")


def shape_errors(value, shape, path="") -> list[str]:
    """What botocore's ParamValidator leaves out: maximum lengths, patterns and enums of strings,
    list sizes, through the whole request."""
    out = []
    meta = shape.metadata
    if shape.type_name == "structure":
        for name, member in shape.members.items():
            if name in value:
                out += shape_errors(value[name], member, f"{path}.{name}")
    elif shape.type_name == "list":
        if "max" in meta and len(value) > meta["max"]:
            out.append(f"{path}: {len(value)} elements, at most {meta['max']}")
        for i, v in enumerate(value):
            out += shape_errors(v, shape.member, f"{path}[{i}]")
    elif shape.type_name == "string":
        if "max" in meta and len(value) > meta["max"]:
            out.append(f"{path}: longer than {meta['max']}")
        if "pattern" in meta and not re.fullmatch(meta["pattern"], value):
            out.append(f"{path}: {value!r} does not match {meta['pattern']}")
        if shape.enum and value not in shape.enum:
            out.append(f"{path}: {value!r} not one of {shape.enum}")
    return out


def check_requests(artifacts: DynamoDbArtifacts, model) -> int:
    n = 0
    for req in artifacts.requests():
        shape = model.operation_model(req.operation).input_shape
        report = ParamValidator().validate(req.params, shape)
        assert not report.has_errors(), report.generate_report()
        assert shape_errors(req.params, shape) == [], req.params
        if req.operation == "CreateTable":
            assert problems(req.params) == [], (req.name, problems(req.params))
        n += 1
    return n


def lint(text: str) -> list:
    from cfnlint.api import ManualArgs
    from cfnlint.api import lint as cfn_lint

    return [m for m in cfn_lint(text, config=ManualArgs(regions=["us-east-1"])) if m.rule.id.startswith(("E", "W"))]


# -- reading CQL ----------------------------------------------------------------------------------
CQL = """
CREATE KEYSPACE shop WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3};
USE shop;
CREATE TYPE address (street text, city text);
CREATE TABLE activity (
  userid uuid, day date, ts timeuuid, kind text, region text STATIC,
  attrs map<text, frozen<list<int>>>, addr frozen<address>,
  PRIMARY KEY ((userid, day), ts, kind)
) WITH CLUSTERING ORDER BY (ts DESC, kind ASC) AND default_time_to_live = 600 AND comment = 'it''s';
CREATE INDEX ON activity (kind);
CREATE MATERIALIZED VIEW by_kind AS SELECT * FROM activity
  WHERE kind IS NOT NULL AND userid IS NOT NULL AND day IS NOT NULL AND ts IS NOT NULL
  PRIMARY KEY (kind, userid, day, ts);
BEGIN BATCH
  INSERT INTO activity (userid, day, ts, kind) VALUES (5b1e6a44-6a2b-4f43-8c1d-1d2f3e4a5b6c, '2024-05-01', now(), 'a');
  INSERT INTO activity (userid, day, ts, kind) VALUES (5b1e6a44-6a2b-4f43-8c1d-1d2f3e4a5b6c, '2024-05-01', now(), 'b');
APPLY BATCH;
"""


def test_cql_tables_keep_partition_key_clustering_order_static_and_nested_types():
    inv = load_text(CQL, "cassandra")
    t = inv.get("shop.activity", "table")
    assert t.status == "parsed", t.message
    assert t.partition_key == ["userid", "day"]
    assert [(c.expression, c.descending) for c in t.clustering] == [("ts", True), ("kind", False)]
    assert t.primary_key.columns == ["userid", "day", "ts", "kind"]
    assert [c.name for c in t.columns if c.static] == ["region"]
    attrs = t.column("attrs")
    assert attrs.type.raw == "map<text, frozen<list<int>>>"  # the comma inside <> does not split the column
    tree = type_tree(attrs.type)
    assert tree.name == "MAP" and tree.args[1].frozen and tree.args[1].inner.name == "LIST"
    assert type_tree(t.column("addr").type).inner.udt
    assert t.options["default_time_to_live"] == "600" and t.options["comment"] == "'it''s'"
    idx = inv.get("shop.activity_kind_idx", "index")  # Cassandra's own default index name
    assert idx is not None and idx.table_name == "activity"
    view = inv.get("shop.by_kind", "materialized view")
    assert view.partition_key == ["kind"] and [c.expression for c in view.clustering] == ["userid", "day", "ts"]
    assert inv.get("shop.address", "type").columns[1].name == "city"
    keyspace = inv.get("shop", "keyspace")
    assert keyspace.attrs["replication"] == {"class": "NetworkTopologyStrategy", "dc1": "3"}


def test_a_batch_is_one_statement():
    inv = load_text(CQL, "cassandra")
    batches = [r for r in inv.records if r.kind == "data batch"]
    assert len(batches) == 1 and batches[0].object is None
    assert inv.statements[batches[0].index].text.rstrip().upper().endswith("APPLY BATCH")


def test_cql_errors_are_items_with_their_line():
    a = migplan.assess_text("CREATE TABLE ok (id int PRIMARY KEY);\nCREATE TABLE bad (id int, v text);\n",
                            "cassandra", "dynamodb")
    bad = [i for i in a.action_items.items if i.code == "PRS001"]
    assert bad and {(i.line, "PRIMARY KEY" in i.message) for i in bad} == {(2, True)}
    assert [r.name for r in a.dynamodb.requests()] == ["ok_"]  # DynamoDB names have at least 3 characters


# -- the DynamoDB requests ------------------------------------------------------------------------
def test_key_mapping_and_indexes():
    a = migplan.assess_text(CQL, "cassandra", "dynamodb")
    req = next(r.params for r in a.dynamodb.requests() if r.operation == "CreateTable")
    assert req["KeySchema"] == [{"AttributeName": "userid#day", "KeyType": "HASH"},
                                {"AttributeName": "ts#kind", "KeyType": "RANGE"}]
    assert req["BillingMode"] == "PAY_PER_REQUEST"
    gsis = {g["IndexName"]: g for g in req["GlobalSecondaryIndexes"]}
    assert gsis["activity_kind_idx"]["KeySchema"] == [{"AttributeName": "kind", "KeyType": "HASH"}]
    assert gsis["by_kind"]["KeySchema"][1] == {"AttributeName": "userid#day#ts", "KeyType": "RANGE"}
    assert {d["AttributeName"] for d in req["AttributeDefinitions"]} == {"userid#day", "ts#kind", "kind",
                                                                          "userid#day#ts"}
    ttl = [r.params for r in a.dynamodb.requests() if r.operation == "UpdateTimeToLive"]
    assert ttl == [{"TableName": "activity", "TimeToLiveSpecification": {"Enabled": True,
                                                                         "AttributeName": "expires_at"}}]


def test_index_on_a_clustering_column_is_local_and_on_a_collection_is_none():
    a = migplan.assess_text("CREATE TABLE events (device text, ts timestamp, kind text, tags set<text>, "
                            "PRIMARY KEY (device, ts));\nCREATE INDEX events_ts ON events (ts);\n"
                            "CREATE INDEX events_tags ON events (tags);\n", "cassandra", "dynamodb")
    req = a.dynamodb.create_table_requests()[0]
    assert req["LocalSecondaryIndexes"][0]["KeySchema"] == [{"AttributeName": "device", "KeyType": "HASH"},
                                                           {"AttributeName": "ts", "KeyType": "RANGE"}]
    assert "GlobalSecondaryIndexes" not in req
    assert any(i.code == "DDB011" and "events_tags" in i.object and "no index written" in i.message
               for i in a.action_items.items)


def test_a_view_keeping_the_partition_key_of_a_table_without_sort_key_is_global():
    a = migplan.assess_text("CREATE TABLE t1 (a int PRIMARY KEY, c text);\n"
                            "CREATE MATERIALIZED VIEW v1 AS SELECT * FROM t1 WHERE a IS NOT NULL AND c IS NOT NULL "
                            "PRIMARY KEY (a, c);\n", "cassandra", "dynamodb")
    req = a.dynamodb.create_table_requests()[0]
    assert "LocalSecondaryIndexes" not in req and req["GlobalSecondaryIndexes"][0]["IndexName"] == "v1_idx"
    assert problems(req) == []


def test_problems_catches_what_dynamodb_refuses():
    bad = {"TableName": "t", "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}],
           "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": "S"},
                                    {"AttributeName": "b", "AttributeType": "S"}]}
    found = problems(bad)
    assert any("table name" in p for p in found) and any("not keys: b" in p for p in found)


def test_sample_requests_pass_botocore_and_dynamodb_rules(assessed, model):
    n = check_requests(assessed.dynamodb, model)
    assert n == len(assessed.dynamodb.create_table_requests()) + len(assessed.dynamodb.ttl_requests())
    assert len(assessed.dynamodb.create_table_requests()) == 7 and len(assessed.dynamodb.ttl_requests()) == 2


def test_sample_cloudformation_passes_cfn_lint(assessed):
    templates = assessed.dynamodb.cloudformation_templates()
    text = assessed.dynamodb.cloudformation_yaml()
    assert lint(text) == []
    doc = yaml.safe_load(text)
    tables = {r["Properties"]["TableName"]: r["Properties"] for r in doc["Resources"].values()}
    assert set(tables) == {r["TableName"] for r in assessed.dynamodb.create_table_requests()}
    assert tables["device_sessions"]["TimeToLiveSpecification"] == {"Enabled": True, "AttributeName": "expires_at"}
    assert len(templates) == 1


@needs_corpus
def test_corpus_requests_are_all_valid(model):
    n = 0
    for unit in sorted((CORPUS / "cassandra").iterdir()):
        a = migplan.assess(unit, "cassandra", "dynamodb")
        n += check_requests(a.dynamodb, model)
        assert lint(a.dynamodb.cloudformation_yaml()) == []
    assert n > 0


def test_many_tables_split_the_template():
    sql = "\n".join(f"CREATE TABLE t{i:04d} (id int PRIMARY KEY);" for i in range(501))
    a = migplan.assess_text(sql, "cassandra", "dynamodb")
    templates = a.dynamodb.cloudformation_templates()
    assert list(templates) == ["cloudformation-1.yaml", "cloudformation-2.yaml"]
    assert [len(t["Resources"]) for t in templates.values()] == [500, 1]


# -- end to end: assess -> files -> plan on the agent path ----------------------------------------
def test_matrix_gives_cassandra_to_dynamodb_the_agent_path():
    c = matrix.check("cassandra", "dynamodb")
    assert c.path == "sct-agents" and not c.dms_source


def test_end_to_end(assessed, model, tmp_path):
    out = assessed.write(tmp_path / "out")
    files = sorted(p.relative_to(out / "dynamodb").as_posix() for p in (out / "dynamodb").rglob("*") if p.is_file())
    assert "create_table/plays_by_listener_day.json" in files and "cloudformation.yaml" in files
    assert "update_time_to_live/device_sessions.json" in files and "attributes.csv" in files
    assert not (out / "ddl").exists() and not (out / "dms").exists()  # no DDL, no DMS task: DMS cannot read Cassandra
    for f in (out / "dynamodb" / "create_table").iterdir():
        req = json.loads(f.read_text())
        assert not ParamValidator().validate(req, model.operation_model("CreateTable").input_shape).has_errors()
    assert lint((out / "dynamodb" / "cloudformation.yaml").read_text()) == []
    steps = {s.number: s for s in assessed.plan.steps}
    assert steps["1.4"].title.startswith("Add a clone data center")
    assert "AWS DMS cannot read Apache Cassandra" in steps["3.1"].why
    assert "plays_by_listener_day" in steps["2.1"].objects
    assert steps["4.1"].objects == ["device_sessions", "plays_by_listener_day"]
    assert any("agents.cassandra.html" in n for n in steps["1.2"].notes)
    report = (out / "report.md").read_text()
    assert "## DynamoDB tables" in report and "dynamodb/create_table/playlists.json" in report
    assert "dynamodb/create_table/playlists.json" in (out / "report.html").read_text()
    codes = {i.code for i in assessed.action_items.items}
    assert {"DDB001", "DDB002", "DDB003", "DDB004", "DDB005", "DDB006", "DDB007", "DDB008", "DDB009", "DDB010",
            "DDB011", "DDB012", "DDB013", "DDB014", "DDB015", "DDB016", "DDB018"} <= codes


def test_other_sources_do_not_get_dynamodb_tables():
    with pytest.raises(migplan.assessment.UnsupportedTargetError, match="dynamodb from cassandra only"):
        migplan.assess_text("CREATE TABLE t (id int PRIMARY KEY);", "mysql", "dynamodb", force=True)


def test_a_dynamodb_target_has_no_ddl_and_a_sql_target_no_dynamodb(assessed):
    assert assessed.plan.ddl_files() == {}
    with pytest.raises(migplan.errors.MigplanError, match="AWS DMS does not read Apache Cassandra"):
        assessed.dms  # noqa: B018
    sql = migplan.assess_text("CREATE TABLE t (id int PRIMARY KEY);", "mysql", "postgresql")
    with pytest.raises(migplan.errors.MigplanError, match="not Amazon DynamoDB"):
        sql.dynamodb  # noqa: B018


def test_deeply_nested_types_and_constants_are_items_not_crashes():
    sql = ("CREATE TABLE t (id int PRIMARY KEY, v " + "frozen<" * 3000 + "int" + ">" * 3000 + ");\n"
           "CREATE TABLE u (id int PRIMARY KEY) WITH caching = " + "{'a': " * 3000 + "1" + "}" * 3000 + ";\n"
           "CREATE TABLE fine (id int PRIMARY KEY);\n")
    a = migplan.assess_text(sql, "cassandra", "dynamodb")
    assert {(i.line, "nested deeper" in i.message) for i in a.action_items.items if i.code == "PRS001"} == {
        (1, True), (2, True)}
    assert [r.name for r in a.dynamodb.requests()] == ["fine"]


def test_the_command_line_writes_the_dynamodb_files(tmp_path):
    from migplan.cli import main

    assert main(["assess", str(SAMPLE), "-s", "cassandra", "-t", "dynamodb", "-o", str(tmp_path / "o"),
                 "--no-progress"]) == 0
    assert (tmp_path / "o" / "dynamodb" / "cloudformation.yaml").exists()
