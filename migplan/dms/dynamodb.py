"""Amazon DynamoDB artifacts from a Cassandra conversion, as AWS accepts them: one ``CreateTable``
request per table (``aws dynamodb create-table --cli-input-json file://...``), ``UpdateTimeToLive``
requests for tables with a default TTL, and the same tables as ``AWS::DynamoDB::Table`` resources
of a CloudFormation template. The tests check every request with botocore's DynamoDB model and the
template with cfn-lint; :func:`problems` checks what the model cannot say (key attributes declared
exactly once, index limits, names) before AWS would refuse it.
"""

from __future__ import annotations

import json
import re

from migplan import escape
from migplan.convert.dynamodb import facts, page
from migplan.dms.cloudformation import to_yaml
from migplan.model.conversion import Conversion, TargetRequest

BASE_FILE = "cloudformation.yaml"
# CloudFormation: at most 500 resources in one template
# (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html)
MAX_RESOURCES = 500


class DynamoDbArtifacts:
    def __init__(self, conversion: Conversion):
        self.conversion = conversion

    def __repr__(self) -> str:
        return (f"<DynamoDbArtifacts: {len(self.create_table_requests())} CreateTable and "
                f"{len(self.ttl_requests())} UpdateTimeToLive request(s); .files(), .cloudformation_yaml()>")

    def requests(self) -> list[TargetRequest]:
        return sorted(self.conversion.requests(), key=lambda r: (r.name, r.operation != "CreateTable"))

    def create_table_requests(self) -> list[dict]:
        return [r.params for r in self.requests() if r.operation == "CreateTable"]

    def ttl_requests(self) -> list[dict]:
        return [r.params for r in self.requests() if r.operation == "UpdateTimeToLive"]

    # -- CloudFormation ---------------------------------------------------------------------------
    def cloudformation_templates(self) -> dict[str, dict]:
        """File name -> template; one template, or parts of at most MAX_RESOURCES tables."""
        ttl = {r["TableName"]: r["TimeToLiveSpecification"] for r in self.ttl_requests()}
        resources = []
        used: set[str] = set()
        for req in self.create_table_requests():
            props = {k: req[k] for k in ("TableName", "BillingMode", "AttributeDefinitions", "KeySchema",
                                         "GlobalSecondaryIndexes", "LocalSecondaryIndexes") if k in req}
            if req["TableName"] in ttl:
                props["TimeToLiveSpecification"] = ttl[req["TableName"]]
            resources.append((_logical_id(req["TableName"], used), {"Type": "AWS::DynamoDB::Table",
                                                                   "DeletionPolicy": "Retain",
                                                                   "UpdateReplacePolicy": "Retain",
                                                                   "Properties": props}))
        chunks = [resources[i:i + MAX_RESOURCES] for i in range(0, len(resources), MAX_RESOURCES)] or [[]]
        out = {}
        for n, chunk in enumerate(chunks, 1):
            name = BASE_FILE if len(chunks) == 1 else f"cloudformation-{n}.yaml"
            out[name] = {
                "AWSTemplateFormatVersion": "2010-09-09",
                "Description": f"DynamoDB tables converted from {self.conversion.source_engine} by migplan"
                               + (f" (part {n} of {len(chunks)})" if len(chunks) > 1 else ""),
                "Resources": dict(chunk),
            }
        return out

    def cloudformation_yaml(self) -> str:
        return to_yaml(next(iter(self.cloudformation_templates().values())))

    # -- files ------------------------------------------------------------------------------------
    def files(self) -> dict[str, str]:
        """Everything under dynamodb/: file name -> text."""
        out: dict[str, str] = {}
        for req in self.create_table_requests():
            out[f"create_table/{req['TableName']}.json"] = _json(req)
        for req in self.ttl_requests():
            out[f"update_time_to_live/{req['TableName']}.json"] = _json(req)
        templates = self.cloudformation_templates()
        for name, doc in templates.items():
            out[name] = to_yaml(doc)
        out["attributes.csv"] = self.attributes_csv()
        out["README.md"] = self.readme(templates)
        return out

    def attributes(self) -> list[dict]:
        """What each Cassandra column becomes: table, column, attribute, DynamoDB type, why."""
        rows = []
        for c in self.conversion.objects:
            for column, attribute, dtype, why in c.attributes:
                rows.append({"table": c.target_name, "source": c.source.qname, "column": column,
                             "attribute": attribute, "type": dtype, "why": why})
        return sorted(rows, key=lambda r: (r["table"], r["source"]))

    def attributes_csv(self) -> str:
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["table", "source", "column", "attribute", "type", "why"])
        for r in self.attributes():
            w.writerow([escape.csv_cell(str(r[k])) for k in ("table", "source", "column", "attribute", "type", "why")])
        return buf.getvalue()

    def readme(self, templates: dict[str, dict] | None = None) -> str:
        templates = templates if templates is not None else self.cloudformation_templates()
        creates, ttls = self.create_table_requests(), self.ttl_requests()
        lines = ["# DynamoDB tables", "",
                 f"{len(creates)} table(s) converted from Cassandra, billing mode "
                 f"{escape.code(facts()['defaults']['billing_mode'])} ({page('billing')}).", "",
                 "Create them either way (not both):", "",
                 f"- one request per table: {escape.code('aws dynamodb create-table --cli-input-json file://create_table/TABLE.json')}"
                 f", then for the {len(ttls)} table(s) with a default TTL "
                 f"{escape.code('aws dynamodb update-time-to-live --cli-input-json file://update_time_to_live/TABLE.json')}"
                 f" ({page('create-table')}, {page('ttl')});",
                 f"- CloudFormation: {', '.join(escape.code(n) for n in templates)} "
                 f"({escape.code('AWS::DynamoDB::Table')} resources with their TTL, kept when the stack is deleted; "
                 f"{page('cfn-table')}).", "",
                 f"{escape.code('attributes.csv')} says what each Cassandra column becomes (attribute, DynamoDB type, "
                 "why). Only key attributes are declared: DynamoDB is schemaless otherwise. Composite keys are "
                 f"string attributes the application writes (the values joined with "
                 f"{escape.code(facts()['keys']['separator'])}); see the DDB action items.", "",
                 "Items without the TTL attribute never expire: check that the loaded items carry it before relying "
                 f"on TTL ({page('ttl')}).", ""]
        return "\n".join(lines)


def _json(doc: dict) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _logical_id(table: str, used: set[str]) -> str:
    """A CloudFormation logical ID (alphanumeric, at most 255) for a table, unique in the template."""
    base = "Table" + "".join(p[:1].upper() + p[1:] for p in re.split(r"[^A-Za-z0-9]+", table) if p)
    base = base[:240]
    out, n = base, 2
    while out in used:
        out, n = f"{base}{n}", n + 1
    used.add(out)
    return out


def problems(req: dict) -> list[str]:
    """What DynamoDB refuses in a CreateTable request beyond its API shape (empty when none)."""
    out = []
    names, limits = facts()["names"], facts()["limits"]
    pattern = re.compile(names["pattern"])

    def name_ok(what: str, value: str) -> None:
        if not (names["min"] <= len(value) <= names["max"]) or not pattern.match(value):
            out.append(f"{what} {value!r}: {names['min']}-{names['max']} characters of a-z, A-Z, 0-9, _ - .")

    name_ok("table name", req["TableName"])
    defined = {d["AttributeName"]: d["AttributeType"] for d in req["AttributeDefinitions"]}
    if len(defined) != len(req["AttributeDefinitions"]):
        out.append("an attribute is defined twice")
    used = set()

    def keys(what: str, schema: list[dict]) -> None:
        kinds = [k["KeyType"] for k in schema]
        if kinds not in (["HASH"], ["HASH", "RANGE"]):
            out.append(f"{what}: key schema {kinds} is not HASH [+ RANGE]")
        for k in schema:
            used.add(k["AttributeName"])
            if defined.get(k["AttributeName"]) not in facts()["keys"]["types"]:
                out.append(f"{what}: key attribute {k['AttributeName']} is not defined as S, N or B")

    keys("table", req["KeySchema"])
    gsis, lsis = req.get("GlobalSecondaryIndexes", []), req.get("LocalSecondaryIndexes", [])
    if len(gsis) > limits["gsi_per_table"]:
        out.append(f"{len(gsis)} global secondary indexes (at most {limits['gsi_per_table']})")
    if len(lsis) > limits["lsi_per_table"]:
        out.append(f"{len(lsis)} local secondary indexes (at most {limits['lsi_per_table']})")
    index_names = [i["IndexName"] for i in gsis + lsis]
    if len(set(index_names)) != len(index_names):
        out.append("two indexes share a name")
    projected: set[str] = set()
    for i in gsis + lsis:
        name_ok("index name", i["IndexName"])
        keys(f"index {i['IndexName']}", i["KeySchema"])
        projected |= set(i["Projection"].get("NonKeyAttributes", []))
    if lsis and len(req["KeySchema"]) != 2:
        out.append("local secondary indexes need a table with a sort key")
    for i in lsis:
        if i["KeySchema"][0] != req["KeySchema"][0] or len(i["KeySchema"]) != 2:
            out.append(f"local index {i['IndexName']}: needs the table's partition key and a sort key")
    if len(projected) > limits["projected_attributes"]:
        out.append(f"{len(projected)} projected non-key attributes (at most {limits['projected_attributes']})")
    unused = sorted(set(defined) - used)
    if unused:
        out.append(f"attributes defined but not keys: {', '.join(unused)}")
    return out
