"""DMS artifacts from a plan, exactly as AWS accepts them: table mappings (for
``aws dms create-replication-task --table-mappings``), task settings (``--replication-task-settings``)
and a CloudFormation template. Checked in the tests with botocore's DMS model and cfn-lint."""

from __future__ import annotations

import json
import re

from migplan.dms import cloudformation
from migplan.dms.mappings import apply_transformations, plan_cdc, table_mappings
from migplan.dms.settings import task_settings

__all__ = ["DmsArtifacts", "apply_transformations"]


class DmsArtifacts:
    def __init__(self, plan):
        self.plan = plan
        self._cdc = plan_cdc(plan)

    def __repr__(self) -> str:
        tasks = self.tasks()
        rules = sum(len(m["rules"]) for _, m in tasks)
        return (f"<DmsArtifacts: {len(tasks)} task(s) of type {self.plan.options.migration_type}, {rules} "
                "table-mapping rules; .table_mappings(), .task_settings(), .cloudformation_yaml()>")

    @property
    def lob_max_kb(self) -> int | None:
        sizes = [t.lob_max_kb for t in self._cdc.values() if t.lob_columns]
        if not sizes:
            return None
        known = [s for s in sizes if s]
        return min(max(known), 102400) if known else 32

    def table_mappings(self, wave: int | None = None) -> dict:
        if wave is None:
            return table_mappings(self.plan, cdc=self._cdc)
        w = self.plan.waves[wave - 1]
        return table_mappings(self.plan, w.tables, cdc=self._cdc)

    def task_settings(self) -> dict:
        return task_settings(self.plan, self.lob_max_kb)

    def tasks(self) -> list[tuple[str, dict]]:
        """(task identifier, table mappings): one task, or one per load wave when foreign keys are present."""
        base = _identifier(f"migplan-{self.plan.a.source.name}-to-{self.plan.a.target.name}")
        if self.plan.options.fks_during_load and len(self.plan.waves) > 1:
            return [(f"{base}-wave{w.number}", self.table_mappings(w.number)) for w in self.plan.waves]
        return [(base, self.table_mappings())]

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

    def cloudformation(self) -> dict:
        return cloudformation.template(self.plan, self.tasks(), self.task_settings(), self.lob_max_kb is not None)

    def cloudformation_yaml(self) -> str:
        return cloudformation.to_yaml(self.cloudformation())


def _identifier(text: str) -> str:
    """1-255 letters, digits, hyphens; starts with a letter; no double or trailing hyphen (§6.7)."""
    out = re.sub(r"[^A-Za-z0-9-]+", "-", text)
    out = re.sub(r"-{2,}", "-", out).strip("-")
    return out[:255].rstrip("-") or "migplan-task"
