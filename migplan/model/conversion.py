"""What conversion produces: target statements per source object, and findings for what did not
convert cleanly. Findings become action items in the analyze stage (severity, effort, docs)."""

from __future__ import annotations

from dataclasses import dataclass, field

from migplan.model.schema import SchemaObject


@dataclass
class Finding:
    """A problem found while converting or analysing one object (before severity/effort are attached)."""

    code: str
    object: str  # source object's qualified name
    kind: str  # source object's kind
    file: str
    line: int
    message: str
    source: str | None = None  # the source snippet the finding is about
    converted: str | None = None  # what migplan wrote instead (or None)
    sub: str | None = None  # column / constraint / index the finding is about
    effort: str | None = None  # effort bucket for this occurrence when it differs from the rule's default
    severity: str | None = None  # severity of this occurrence when it differs from the rule's default
    caused_by: str | None = None  # another object's failure this one only follows from (verification)


@dataclass
class TargetStatement:
    """One statement of target DDL. The converter emits each key, index, comment... separately so
    the plan can put it in its phase (convert/order.py and plan/phases.py say which)."""

    kind: str
    sql: str
    name: str  # target-side name of what it creates (table, constraint, index ...)
    table: str | None = None  # target table it belongs to (for constraints, indexes, comments)
    source_line: int | None = None
    expect: dict = field(default_factory=dict)  # what verification should find in the catalog afterwards
    origin: str | None = None  # the source element it comes from, e.g. "constraint:EMP_PK", "comment:NAME"


@dataclass
class TargetRequest:
    """One API request for a target that has no DDL (Amazon DynamoDB): the operation and its
    parameters exactly as botocore takes them (``CreateTable``, ``UpdateTimeToLive``)."""

    operation: str
    params: dict
    name: str  # the target table it creates or changes


@dataclass
class ConvertedObject:
    source: SchemaObject
    target_schema: str | None
    target_name: str
    statements: list[TargetStatement] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    converted: bool = True  # False: migplan does not convert this kind (procedural code) or could not
    # Known not faithful (a blocking item): the statements as far as they convert, never applied with
    # the rest; the plan writes them to 05_held_back.sql with the items beside them
    draft: list[TargetStatement] = field(default_factory=list)
    requests: list[TargetRequest] = field(default_factory=list)  # API requests, for targets without DDL
    # what each source column becomes on a target without DDL: (column, attribute, target type, why)
    attributes: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def written(self) -> bool:
        """Whether migplan wrote something runnable for the object (DDL, or API requests)."""
        return self.converted and bool(self.statements or self.requests)

    @property
    def key(self) -> str:
        return f"{self.source.kind}:{self.source.qname}"

    @property
    def target_qname(self) -> str:
        return f"{self.target_schema}.{self.target_name}" if self.target_schema else self.target_name

    def sql(self, terminator: str = ";") -> str:
        return "\n\n".join(s.sql + terminator for s in self.statements)

    def text(self) -> str:
        """What migplan wrote for the object: its DDL, or its API requests as JSON (DynamoDB)."""
        if self.statements:
            return self.sql()
        if self.requests:
            import json

            return "\n\n".join(json.dumps({r.operation: r.params}, indent=2, ensure_ascii=False) for r in self.requests)
        return ""


@dataclass
class Conversion:
    source_engine: str
    target_engine: str
    objects: list[ConvertedObject] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # findings not tied to one converted object
    prelude: list[TargetStatement] = field(default_factory=list)  # CREATE SCHEMA ...

    def by_source(self, obj: SchemaObject) -> ConvertedObject | None:
        index = self.__dict__.get("_index")
        if index is None or len(index) != len(self.objects):  # objects only get appended
            index = self.__dict__["_index"] = {id(c.source): c for c in self.objects}
        return index.get(id(obj))

    def all_findings(self) -> list[Finding]:
        out = list(self.findings)
        for c in self.objects:
            out.extend(c.findings)
        return out

    def statements(self) -> list[TargetStatement]:
        return [s for c in self.objects for s in c.statements]

    def requests(self) -> list[TargetRequest]:
        return [r for c in self.objects for r in c.requests]
