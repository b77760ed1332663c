"""CloudFormation for the replication instance, the endpoints and the task(s).

Facts (migplan/data/dms.toml, each with its page): the SSL modes each endpoint engine documents
(with a CertificateArn where a mode verifies the server), whether an engine needs DatabaseName
(required parameter) or must not have one (MySQL family), the endpoint settings object that takes
credentials natively from Secrets Manager (SecretsManagerSecretId + SecretsManagerAccessRoleArn:
nothing secret in the template, and rotation is followed), and CloudFormation's template size
limits.

Size: a schema of a few hundred tables already passes the 51,200-byte limit of a template body sent
inline. Then the output is split: ``cloudformation.yaml`` holds the instance, endpoints and the
secrets role and exports their ARNs; each task gets a stack of its own
(``cloudformation-<task>.yaml``) that imports them, each under the 1 MB limit of a template read
from S3 (DmsArtifacts.tasks() splits a task whose mappings would not fit).
"""

from __future__ import annotations

import json

import yaml

from migplan.dms import facts

# Instance class by the biggest concurrency need: C for conversion-heavy heterogeneous loads, R when
# LOBs or CDC dominate (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.Types.html).
_SIZES = [(50, "dms.c5.large"), (500, "dms.c5.xlarge"), (2000, "dms.c5.2xlarge"), (10 ** 9, "dms.c5.4xlarge")]
BASE_FILE = "cloudformation.yaml"
_EXPORTS = ("ReplicationInstanceArn", "SourceEndpointArn", "TargetEndpointArn")


def instance_class(plan, has_lobs: bool) -> str:
    total_gb = sum((t.stats.bytes or 0) for t in plan.tables) / 1024 ** 3
    cls = next(c for limit, c in _SIZES if total_gb <= limit)
    if has_lobs or plan.options.migration_type != "full-load":
        cls = cls.replace(".c5.", ".r5.")
    return cls


def templates(plan, tasks: list[tuple[str, dict]], settings: dict, has_lobs: bool,
              suffixes: list[str]) -> dict[str, dict]:
    """File name -> template: one template when it fits a request body, else a base stack and a
    stack per task."""
    whole = _base(plan, has_lobs, exports=False)
    for n, (name, mapping) in enumerate(tasks, 1):
        logical = "ReplicationTask" if len(tasks) == 1 else f"ReplicationTask{n}"
        whole["Resources"][logical] = _task(plan, name, mapping, settings, imported=False)
        whole["Outputs"][f"{logical}Arn"] = {"Value": {"Ref": logical}}
    if size(whole) <= facts.cloudformation()["inline_body_bytes"]:
        return {BASE_FILE: whole}
    out = {BASE_FILE: _base(plan, has_lobs, exports=True)}
    for (name, mapping), suffix in zip(tasks, suffixes, strict=True):
        out[task_file(suffix or "task")] = _task_stack(plan, name, mapping, settings)
    return out


def task_file(suffix: str) -> str:
    return f"cloudformation-{suffix}.yaml"


def task_overhead(plan, settings: dict) -> int:
    """Bytes of a task stack apart from its table mappings."""
    return size(_task_stack(plan, "x" * 255, {"rules": []}, settings))


def size(doc: dict) -> int:
    return len(to_yaml(doc).encode("utf-8"))


def _base(plan, has_lobs: bool, exports: bool) -> dict:
    a = plan.inputs
    src, tgt = a.source, a.target
    params: dict = {
        "ReplicationInstanceClass": {"Type": "String", "Default": instance_class(plan, has_lobs),
                                     "Description": "DMS instance class (dms.c5.* for conversion-heavy loads, "
                                                    "dms.r5.* for LOBs and CDC)"},
        "AllocatedStorage": {"Type": "Number", "Default": 100, "MinValue": 5, "MaxValue": 6144},
        "ReplicationSubnetGroupId": {"Type": "String", "Description": "an existing DMS replication subnet group"},
        "SecurityGroupIds": {"Type": "List<AWS::EC2::SecurityGroup::Id>"},
        "SecretsKmsKeyArn": {"Type": "String", "Default": "",
                             "Description": "KMS key that encrypts the two secrets, when it is not the AWS managed "
                                            "key (the role then needs kms:Decrypt on it)"},
    }
    conditions: dict = {"HasSecretsKmsKey": {"Fn::Not": [{"Fn::Equals": [{"Ref": "SecretsKmsKeyArn"}, ""]}]}}
    rules: dict = {}
    resources: dict = {
        "ReplicationInstance": {
            "Type": "AWS::DMS::ReplicationInstance",
            "Properties": {
                "ReplicationInstanceClass": {"Ref": "ReplicationInstanceClass"},
                "AllocatedStorage": {"Ref": "AllocatedStorage"},
                "MultiAZ": False,
                "PubliclyAccessible": False,
                "ReplicationSubnetGroupIdentifier": {"Ref": "ReplicationSubnetGroupId"},
                "VpcSecurityGroupIds": {"Ref": "SecurityGroupIds"},
            },
        },
        "SecretsAccessRole": _secrets_role(),
    }
    for kind, engine, prefix in (("source", src, "Source"), ("target", tgt, "Target")):
        resources[f"{prefix}Endpoint"] = _endpoint(kind, engine, prefix, params, conditions, rules)
    doc: dict = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"DMS migration {src.display} to {tgt.display} (generated by migplan)",
        "Parameters": params,
    }
    if rules:
        doc["Rules"] = rules
    doc["Conditions"] = conditions
    doc["Resources"] = resources
    outputs = {}
    if exports:
        refs = {"ReplicationInstanceArn": "ReplicationInstance", "SourceEndpointArn": "SourceEndpoint",
                "TargetEndpointArn": "TargetEndpoint"}
        for name in _EXPORTS:
            outputs[name] = {"Value": {"Ref": refs[name]},
                             "Export": {"Name": {"Fn::Sub": f"${{AWS::StackName}}-{name}"}}}
    doc["Outputs"] = outputs
    return doc


def _secrets_role() -> dict:
    """The role DMS assumes to read the two secrets (trust: the regional DMS service principal)."""
    statements = [
        {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
         "Resource": [{"Ref": "SourceSecretArn"}, {"Ref": "TargetSecretArn"}]},
        {"Fn::If": ["HasSecretsKmsKey", {"Effect": "Allow", "Action": "kms:Decrypt",
                                         "Resource": {"Ref": "SecretsKmsKeyArn"}}, {"Ref": "AWS::NoValue"}]},
    ]
    return {
        "Type": "AWS::IAM::Role",
        "Properties": {
            "AssumeRolePolicyDocument": {
                "Version": "2012-10-17",
                "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
                               "Principal": {"Service": {"Fn::Sub": "dms.${AWS::Region}.amazonaws.com"}}}],
            },
            "Policies": [{"PolicyName": "read-dms-endpoint-secrets",
                          "PolicyDocument": {"Version": "2012-10-17", "Statement": statements}}],
        },
    }


def _endpoint(kind: str, engine, prefix: str, params: dict, conditions: dict, rules: dict) -> dict:
    name = engine.dms_engine or engine.name
    ep = facts.endpoint(name)
    params[f"{prefix}SecretArn"] = {
        "Type": "String", "AllowedPattern": "arn:aws[a-z-]*:secretsmanager:.+",
        "Description": f"ARN of the Secrets Manager secret for the {kind} ({engine.display}): a JSON with "
                       "host, port, username and password; DMS reads it through SecretsAccessRole "
                       f"({facts.url('secrets')})"}
    props: dict = {"EndpointType": kind, "EngineName": name}
    if ep is not None and ep["database_name"] == "required":
        params[f"{prefix}DatabaseName"] = {"Type": "String", "MinLength": 1,
                                           "Description": f"{ep['database_label']} (CreateEndpoint needs it)"}
        props["DatabaseName"] = {"Ref": f"{prefix}DatabaseName"}
    ssl = facts.ssl(name)
    if ssl is not None:
        params[f"{prefix}SslMode"] = {"Type": "String", "AllowedValues": list(ssl["modes"]), "Default": ssl["default"],
                                      "Description": f"{ssl['note']} ({facts.url('ssl')})"}
        props["SslMode"] = {"Ref": f"{prefix}SslMode"}
        verify = [m for m in ssl["modes"] if m in facts.data()["ssl"]["certificate_modes"]]
        if verify:
            params[f"{prefix}CertificateArn"] = {
                "Type": "String", "Default": "",
                "Description": f"ARN of the DMS certificate that verifies the {kind} server (needed for "
                               f"{' and '.join(verify)})"}
            conditions[f"{prefix}HasCertificate"] = {
                "Fn::Not": [{"Fn::Equals": [{"Ref": f"{prefix}CertificateArn"}, ""]}]}
            props["CertificateArn"] = {"Fn::If": [f"{prefix}HasCertificate", {"Ref": f"{prefix}CertificateArn"},
                                                  {"Ref": "AWS::NoValue"}]}
            rules[f"{prefix}CertificateForVerify"] = {
                "RuleCondition": {"Fn::Contains": [verify, {"Ref": f"{prefix}SslMode"}]},
                "Assertions": [{"Assert": {"Fn::Not": [{"Fn::Equals": [{"Ref": f"{prefix}CertificateArn"}, ""]}]},
                                "AssertDescription": f"{prefix}SslMode {' or '.join(verify)} needs "
                                                     f"{prefix}CertificateArn"}],
            }
    secret = {"SecretsManagerSecretId": {"Ref": f"{prefix}SecretArn"},
              "SecretsManagerAccessRoleArn": {"Fn::GetAtt": ["SecretsAccessRole", "Arn"]}}
    if ep is not None:
        props[ep["settings"]] = secret
    return {"Type": "AWS::DMS::Endpoint", "Properties": props}


def _task(plan, name: str, mapping: dict, settings: dict, imported: bool) -> dict:
    def arn(export: str, logical: str) -> dict:
        if imported:
            return {"Fn::ImportValue": {"Fn::Sub": f"${{BaseStackName}}-{export}"}}
        return {"Ref": logical}

    return {
        "Type": "AWS::DMS::ReplicationTask",
        "Properties": {
            "ReplicationTaskIdentifier": name,
            "MigrationType": plan.options.migration_type,
            "ReplicationInstanceArn": arn("ReplicationInstanceArn", "ReplicationInstance"),
            "SourceEndpointArn": arn("SourceEndpointArn", "SourceEndpoint"),
            "TargetEndpointArn": arn("TargetEndpointArn", "TargetEndpoint"),
            "TableMappings": json.dumps(mapping, separators=(",", ":"), ensure_ascii=False),
            "ReplicationTaskSettings": json.dumps(settings, separators=(",", ":")),
        },
    }


def _task_stack(plan, name: str, mapping: dict, settings: dict) -> dict:
    a = plan.inputs
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"DMS task {name} ({a.source.display} to {a.target.display}, generated by migplan)",
        "Parameters": {"BaseStackName": {"Type": "String", "MinLength": 1,
                                         "Description": f"the stack created from {BASE_FILE}"}},
        "Resources": {"ReplicationTask": _task(plan, name, mapping, settings, imported=True)},
        "Outputs": {"ReplicationTaskArn": {"Value": {"Ref": "ReplicationTask"}}},
    }


def to_yaml(doc: dict) -> str:
    return yaml.safe_dump(doc, sort_keys=False, width=1000, allow_unicode=True)
