"""The inventory: every object found in the scripts, and what became of every statement."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from migplan.engines import Engine
from migplan.model.schema import (
    Index,
    Routine,
    SchemaObject,
    Table,
    View,
)
from migplan.model.statement import Statement
from migplan.parse import names

# What became of a statement: exactly one of these per statement (the nothing-lost invariant).
DISPOSITIONS = ("object", "part", "client", "data", "session", "drop", "block", "unparsed")


@dataclass
class StatementRecord:
    index: int
    file: str
    line: int
    end_line: int
    kind: str  # classification, e.g. "create table", "alter table", "data insert", "client PROMPT"
    disposition: str
    object: str | None = None  # qualified name of the object it created or changed
    status: str | None = None
    message: str | None = None


@dataclass
class FileRecord:
    path: str
    encoding: str
    lines: int
    statements: int
    problems: list[str] = field(default_factory=list)
    included_by: str | None = None


@dataclass
class Problem:
    """Something in the input that a user must know about (unreadable file, truncated script...)."""

    file: str
    line: int | None
    message: str
    code: str = "INPUT"


# the schema an unqualified name lands in when the script does not say (SQL Server's dbo, PostgreSQL's public)
IMPLICIT_SCHEMA = {"sqlserver": "dbo", "sap-ase": "dbo", "postgresql": "public", "greenplum": "public",
                   "redshift": "public"}


class Inventory:
    def __init__(self, engine: Engine, default_schema: str | None = None):
        self.engine = engine
        self.default_schema = default_schema
        self.objects: list[SchemaObject] = []
        self.statements: list[Statement] = []
        self.records: list[StatementRecord] = []
        self.files: list[FileRecord] = []
        self.problems: list[Problem] = []
        self.skipped_files: list[str] = []
        self.data: list[tuple[int, str, str]] = []  # (statement index, target table key, verb)
        self._by_key: dict[tuple[str, str], SchemaObject] = {}
        # (namespace, name key without schema) -> keys: unqualified lookups without a scan
        self._by_name: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self._by_qname: dict[str, list[SchemaObject]] | None = None
        self._tables: tuple[int, list] | None = None  # (objects seen, tables): the plan asks often
        self._schemas: set[str] = set()  # schemas objects of the scripts live in

    # -- adding --------------------------------------------------------------------------
    def key_of(self, kind: str, schema: str | None, name: str) -> tuple[str, str]:
        return (_namespace(kind), names.key(schema, name, self.engine))

    def object_key(self, obj: SchemaObject) -> tuple[str, str]:
        if isinstance(obj, Index) and self.engine.family in _INDEX_PER_TABLE and obj.table_name:
            return ("index", names.key(obj.schema, f"{obj.table_name}.{obj.name}", self.engine))
        return self.key_of(obj.kind, obj.schema, obj.name)

    def existing(self, obj: SchemaObject) -> SchemaObject | None:
        """The object already in the inventory under ``obj``'s name, if any."""
        return self._by_key.get(self.object_key(obj)) if obj.name else None

    def add(self, obj: SchemaObject, note: str | None = None) -> SchemaObject | None:
        """Add an object; if one of the same name exists, the later one replaces it (with a note)."""
        k = self.object_key(obj)
        old = self._by_key.get(k) if obj.name else None
        if old is not None:
            obj.notes.append(note or f"replaces the {old.kind} defined at {old.location} (same name)")
            self.objects[self.objects.index(old)] = obj
        else:
            self.objects.append(obj)
        if obj.schema:
            self._schemas.add(names.key(None, obj.schema, self.engine))
        if obj.name:
            if k not in self._by_key:
                self._by_name.setdefault((k[0], k[1].rsplit(".", 1)[-1]), []).append(k)
            self._by_key[k] = obj
        self._by_qname = None
        self._tables = None
        return old

    def lookup(self, kind: str, schema: str | None, name: str) -> SchemaObject | None:
        obj = self._by_key.get(self.key_of(kind, schema, name))
        if obj is None and schema is None and self.default_schema:
            obj = self._by_key.get(self.key_of(kind, self.default_schema, name))
        if obj is None and schema is not None and (schema.lower() == IMPLICIT_SCHEMA.get(self.engine.family) or
                                                   names.key(None, schema, self.engine) not in self._schemas):
            # dbo.T names the unqualified CREATE TABLE T; so does SH.SALES in a script run as user SH
            # that creates its tables unqualified (no object of the scripts lives in a schema SH)
            obj = self._by_key.get(self.key_of(kind, None, name))
        if obj is None and schema is None:
            # unqualified reference: unique match by name across schemas
            keys = self._by_name.get((_namespace(kind), names.key(None, name, self.engine)), [])
            if len(keys) == 1:
                obj = self._by_key.get(keys[0])
        return obj

    # -- reading -------------------------------------------------------------------------
    def __iter__(self) -> Iterator[SchemaObject]:
        return iter(self.objects)

    def __len__(self) -> int:
        return len(self.objects)

    def __getitem__(self, name: str) -> SchemaObject:
        obj = self.get(name)
        if obj is None:
            close = [o.qname for o in self.objects if name.upper().split(".")[-1] in o.qname.upper()][:5]
            hint = f" Close: {', '.join(close)}" if close else ""
            raise KeyError(f"no object named {name!r} in the inventory.{hint}")
        return obj

    def get(self, name: str, kind: str | None = None) -> SchemaObject | None:
        parts = [p.strip('"[]`') for p in name.split(".")]
        schema = parts[-2] if len(parts) > 1 else None
        obj_name = parts[-1]
        kinds = [kind] if kind else ["table", "view", "sequence", "synonym", "procedure", "type", "index",
                                     "trigger", "package", "schema", "user", "role", "grant"]
        for k in kinds:
            for s, n in ((schema, obj_name), (_fold(schema, self.engine), self.engine.fold(obj_name))):
                found = self.lookup(k, s, n)
                if found is not None:
                    return found
        if self._by_qname is None:
            self._by_qname = {}
            for o in self.objects:
                self._by_qname.setdefault(o.qname.upper(), []).append(o)
        matches = [o for o in self._by_qname.get(name.upper(), []) if kind is None or o.kind == kind]
        return matches[0] if len(matches) == 1 else None

    def of_kind(self, *kinds: str) -> list[SchemaObject]:
        return [o for o in self.objects if o.kind in kinds]

    @property
    def tables(self) -> list[Table]:
        if self._tables is None or self._tables[0] != len(self.objects):
            self._tables = (len(self.objects), [o for o in self.objects if isinstance(o, Table)])
        return list(self._tables[1])

    @property
    def views(self) -> list[View]:
        return [o for o in self.objects if isinstance(o, View)]

    @property
    def indexes(self) -> list[Index]:
        return [o for o in self.objects if isinstance(o, Index)]

    @property
    def routines(self) -> list[Routine]:
        return [o for o in self.objects if isinstance(o, Routine)]

    @property
    def client_commands(self) -> list[Statement]:
        return [s for s, r in zip(self.statements, self.records) if r.disposition == "client"]

    def statement(self, index: int) -> Statement:
        return self.statements[index]

    def summary(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for o in self.objects:
            row = out.setdefault(o.kind, {"parsed": 0, "partial": 0, "unparsed": 0})
            row[o.status] = row.get(o.status, 0) + 1
        return dict(sorted(out.items()))

    # -- tables for notebooks and reports ------------------------------------------------
    def frame(self):
        from migplan.inventory.frames import objects_frame

        return objects_frame(self)

    def columns_frame(self):
        from migplan.inventory.frames import columns_frame

        return columns_frame(self)

    def constraints_frame(self):
        from migplan.inventory.frames import constraints_frame

        return constraints_frame(self)

    def statements_frame(self):
        from migplan.inventory.frames import statements_frame

        return statements_frame(self)

    def to_dict(self) -> dict:
        from migplan.inventory.serialize import inventory_to_dict

        return inventory_to_dict(self)

    def to_json(self, **kw) -> str:
        import json

        return json.dumps(self.to_dict(), indent=kw.pop("indent", 2), ensure_ascii=False, sort_keys=False, **kw)

    def __repr__(self) -> str:
        counts = ", ".join(f"{sum(v.values())} {k}" for k, v in self.summary().items())
        return f"<Inventory {self.engine.name}: {len(self.statements)} statements, {counts}>"

    def _repr_html_(self) -> str | None:  # pragma: no cover - notebook display
        from migplan.model import display

        return display.render("inventory", self)


# Engines where an index name is unique per table, not per schema.
_INDEX_PER_TABLE = ("sqlserver", "mysql", "sap-ase")


def _namespace(kind: str) -> str:
    # Tables, views, sequences and synonyms share one namespace per schema in most engines;
    # indexes, triggers, constraints and routines have their own.
    if kind in ("table", "view", "materialized view", "sequence", "synonym"):
        return "relation"
    if kind in ("procedure", "function", "package"):
        return "routine"
    return kind


def _fold(schema: str | None, engine: Engine) -> str | None:
    return engine.fold(schema) if schema else schema
