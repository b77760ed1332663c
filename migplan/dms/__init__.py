"""DMS artifacts from a plan, exactly as AWS accepts them: table mappings (for
``aws dms create-replication-task --table-mappings``), task settings (``--replication-task-settings``)
and CloudFormation templates. Checked in the tests with botocore's DMS model and cfn-lint; the AWS
facts they follow are data (migplan/data/dms.toml, each with its page)."""

from __future__ import annotations

import json
import math
import re

from migplan.dms import cloudformation, facts
from migplan.dms.mappings import MissingSourceSchema, apply_transformations, missing_schema, plan_cdc, table_mappings
from migplan.dms.settings import task_settings

__all__ = ["DmsArtifacts", "MissingSourceSchema", "apply_transformations"]


class DmsArtifacts:
    def __init__(self, plan):
        self.plan = plan
        self._cdc = plan_cdc(plan)
        self._tasks: list[tuple[str, dict]] | None = None
        self.suffixes: dict[str, str] = {}  # task name -> what tells it apart ("wave2", "part1"), for file names

    def __repr__(self) -> str:
        missing = self.missing_inputs()
        if missing:
            return f"<DmsArtifacts: not written, an input is missing: {missing[0]}>"
        tasks = self.tasks()
        rules = sum(len(m["rules"]) for _, m in tasks)
        return (f"<DmsArtifacts: {len(tasks)} task(s) of type {self.plan.options.migration_type}, {rules} "
                "table-mapping rules; .table_mappings(), .task_settings(), .cloudformation_yaml()>")

    def missing_inputs(self) -> list[str]:
        """What the artifacts need that the scripts do not say (empty when they can be written)."""
        if self.plan.inputs.compatibility.path == "sct-agents":
            src = self.plan.inputs.source.display
            return [f"AWS DMS cannot read {src}: the data moves with SCT's data extraction agents (runbook steps "
                    "agent-*), so no DMS endpoint or task is written"]
        tables = missing_schema(self.plan)
        return [str(MissingSourceSchema(tables, self.plan.inputs.source.family))] if tables else []

    @property
    def lob_max_kb(self) -> int | None:
        sizes = [t.lob_max_kb for t in self._cdc.values() if t.lob_columns]
        if not sizes:
            return None
        known = [s for s in sizes if s]
        return min(max(known), facts.data()["lobs"]["lob_max_kb_limit"]) if known else 32

    def table_mappings(self, wave: int | None = None) -> dict:
        if wave is None:
            return table_mappings(self.plan, cdc=self._cdc)
        w = self.plan.waves[wave - 1]
        return table_mappings(self.plan, w.tables, cdc=self._cdc)

    def task_settings(self, stops: int = 2) -> dict:
        return task_settings(self.plan, self.lob_max_kb, stops)

    def tasks(self) -> list[tuple[str, dict]]:
        """(task identifier, table mappings): one task, or one per load wave when foreign keys are
        present during the load; a task whose stack would pass CloudFormation's 1 MB template limit
        is split into parts (tables in load order), each a task of its own."""
        if self._tasks is None:
            base = _identifier(f"migplan-{self.plan.inputs.source.name}-to-{self.plan.inputs.target.name}")
            if self.plan.options.fks_during_load and len(self.plan.waves) > 1:
                groups = [(f"{base}-wave{w.number}", w.tables) for w in self.plan.waves]
            else:
                groups = [(base, [t for w in self.plan.waves for t in w.tables])]
            out = []
            for name, tables in groups:
                out += self._fit(name, tables)
            self._tasks = out
            self.suffixes = {name: name[len(base) + 1:] for name, _ in out}
        return self._tasks

    def _fit(self, name: str, tables: list) -> list[tuple[str, dict]]:
        """The group as one task, or split into the fewest parts whose stacks fit the limit."""
        limit = facts.cloudformation()["s3_body_bytes"]
        budget = limit - cloudformation.task_overhead(self.plan, self.task_settings())
        ordered = sorted(tables, key=lambda t: (-t.load_order, t.qname))
        parts = 1
        while True:
            size = max(1, math.ceil(len(ordered) / parts))  # no table at all: one empty task
            chunks = [ordered[i:i + size] for i in range(0, len(ordered), size)] or [[]]
            maps = [table_mappings(self.plan, c, cdc=self._cdc) for c in chunks]
            # YAML quotes the JSON string; a quote inside it doubles, so count those too
            if all(_json_bytes(m) <= budget for m in maps) or size <= 1:
                break
            parts += 1
        if len(maps) == 1:
            return [(name, maps[0])]
        return [(f"{name}-part{n}", m) for n, m in enumerate(maps, 1)]

    def create_replication_task_requests(self) -> list[dict]:
        """The CreateReplicationTask API requests (ARNs left as placeholders to fill in)."""
        settings = json.dumps(self.task_settings())
        return [{
            "ReplicationTaskIdentifier": name,
            "SourceEndpointArn": "arn:aws:dms:REGION:ACCOUNT:endpoint:SOURCE",
            "TargetEndpointArn": "arn:aws:dms:REGION:ACCOUNT:endpoint:TARGET",
            "ReplicationInstanceArn": "arn:aws:dms:REGION:ACCOUNT:rep:INSTANCE",
            "MigrationType": self.plan.options.migration_type,
            "TableMappings": json.dumps(mapping),
            "ReplicationTaskSettings": settings,
        } for name, mapping in self.tasks()]

    def cloudformation_templates(self) -> dict[str, dict]:
        """File name -> template (one file, or a base stack and one stack per task)."""
        tasks = self.tasks()
        return cloudformation.templates(self.plan, tasks, self.task_settings(), self.lob_max_kb is not None,
                                        [self.suffixes[name] for name, _ in tasks])

    def cloudformation(self) -> dict:
        """The base template (the only one when everything fits one request body)."""
        return self.cloudformation_templates()[cloudformation.BASE_FILE]

    def cloudformation_yaml(self) -> str:
        return cloudformation.to_yaml(self.cloudformation())

    def files(self) -> dict[str, str]:
        """Everything under dms/: file name -> text."""
        missing = self.missing_inputs()
        settings = json.dumps(self.task_settings(), indent=2, ensure_ascii=False) + "\n"
        if self.plan.inputs.compatibility.path == "sct-agents":
            return {"README.md": _readme_missing(missing, agents=True)}
        if missing:  # what does not need the missing input is still written
            return {"task-settings.json": settings, "README.md": _readme_missing(missing)}
        out: dict[str, str] = {}
        tasks = self.tasks()
        for n, (_name, mapping) in enumerate(tasks, 1):
            out[self.mapping_file(n)] = json.dumps(mapping, indent=2, ensure_ascii=False) + "\n"
        out["task-settings.json"] = settings
        templates = self.cloudformation_templates()
        for fname, doc in templates.items():
            out[fname] = cloudformation.to_yaml(doc)
        out["README.md"] = self.readme(templates)
        return out

    def mapping_file(self, n: int) -> str:
        """File name of the n-th task's table mappings (1-based)."""
        tasks = self.tasks()
        return "table-mappings.json" if len(tasks) == 1 else f"table-mappings-{self.suffixes[tasks[n - 1][0]]}.json"

    def readme(self, templates: dict[str, dict] | None = None) -> str:
        """How to deploy the files, and what they assume."""
        from migplan import escape

        templates = templates if templates is not None else self.cloudformation_templates()
        tasks = self.tasks()
        limits = facts.cloudformation()
        lines = ["# DMS artifacts", "",
                 f"{len(tasks)} replication task(s) of type {escape.code(self.plan.options.migration_type)}.", ""]
        lines += [f"- {escape.code(self.mapping_file(n))}: table mappings of task {escape.code(name)} "
                  f"({sum(r['rule-type'] == 'selection' for r in m['rules'])} tables)"
                  for n, (name, m) in enumerate(tasks, 1)]
        lines += [f"- {escape.code('task-settings.json')}: the task settings of every task", ""]
        if len(templates) == 1:
            lines += [f"{escape.code(cloudformation.BASE_FILE)} creates the replication instance, the endpoints, "
                      "the role DMS reads the secrets with, and the task(s): one stack.", ""]
        else:
            lines += [f"The whole would pass the {limits['inline_body_bytes']:,}-byte limit of a template sent "
                      f"inline ({facts.url('cfn-quotas')}), so it is split: first create the stack of "
                      f"{escape.code(cloudformation.BASE_FILE)} (instance, endpoints, secrets role; it exports "
                      "their ARNs), then one stack per task file, with BaseStackName set to the first stack's name:",
                      ""]
            lines += [f"- {escape.code(f)}" for f in templates if f != cloudformation.BASE_FILE]
            lines += ["", "A template over the inline limit is read from S3 (`aws cloudformation deploy "
                      "--s3-bucket ...` uploads it); each file here is under the 1 MB limit of a template read "
                      f"from S3 ({facts.url('cfn-create-stack')}).", ""]
        if len(tasks) > 1:
            lines += ["DMS keeps changes transactionally consistent within one task only: a transaction that "
                      "touches tables of two tasks is applied by each task on its own. Keep foreign keys between "
                      "tables of different tasks off until cutover.", ""]
        sizing = self.plan.instance_sizing(self.lob_max_kb is not None)
        lines += [f"Replication instance: {escape.code(sizing.instance_class)}, {sizing.storage_gb} GB of storage "
                  "(the template's defaults), because:", "", *[f"- {escape.cell(r)}" for r in sizing.reasons], ""]
        lines += ["Credentials: each endpoint reads host, port, user and password from a Secrets Manager secret "
                  f"(SecretsManagerSecretId and SecretsManagerAccessRoleArn, {facts.url('secrets')}); nothing "
                  "secret is in these files, and a rotated password is picked up.", "",
                  f"SSL: the SslMode parameters allow only the modes DMS documents for each engine "
                  f"({facts.url('ssl')}); verify-ca and verify-full need the CertificateArn of a certificate "
                  "imported into DMS.", ""]
        return "\n".join(lines)


def _json_bytes(mapping: dict) -> int:
    text = json.dumps(mapping, separators=(",", ":"), ensure_ascii=False)
    return len(text.encode("utf-8")) + text.count("'") + 2


def _readme_missing(missing: list[str], agents: bool = False) -> str:
    from migplan import escape

    why = ("No DMS task: SCT's data extraction agents move the data "
           "(https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/agents.html):" if agents else
           "task-settings.json is written; the table mappings and the templates need an input:")
    return "\n".join(["# DMS artifacts: table mappings and CloudFormation not written", "", why, "",
                      *[f"- {escape.cell(m)}" for m in missing], ""])


def _identifier(text: str) -> str:
    """1-255 letters, digits, hyphens; starts with a letter; no double or trailing hyphen."""
    out = re.sub(r"[^A-Za-z0-9-]+", "-", text)
    out = re.sub(r"-{2,}", "-", out).strip("-")
    return out[:200].rstrip("-") or "migplan-task"  # room for "-wave12-part3" within 255
