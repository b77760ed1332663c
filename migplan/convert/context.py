"""Everything a converter needs while it writes one pair's DDL."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from migplan.convert.expressions import BLOCKING as _BLOCKING
from migplan.convert.expressions import ExpressionConverter
from migplan.convert.names import NameMapper
from migplan.convert.profiles import TargetProfile
from migplan.convert.types import MappedType, TypeMap
from migplan.engines import Engine
from migplan.inventory.inventory import Inventory
from migplan.model.conversion import ConvertedObject, Finding
from migplan.model.schema import SchemaObject, Table, TypeSpec, UserType


@dataclass
class ConvertOptions:
    identifier_case: str = "lower"  # lower | preserve
    schema_map: dict[str, str] = field(default_factory=dict)  # source schema -> target schema
    default_schema: str | None = None  # target schema for unqualified source names (None: leave unqualified)
    # Oracle NUMBER key columns without precision: "evidence" narrows them to bigint where the scripts
    # prove whole numbers (convert.evidence), "numeric" always keeps every value
    number_keys: str = "evidence"
    # row counts by table name ("schema.table" or "table"), where known: sizes feed the distribution
    # style on targets that have one (Redshift: DISTSTYLE ALL for small dimensions)
    table_rows: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.number_keys not in NUMBER_KEYS:
            from migplan.errors import MigplanError

            raise MigplanError(f"number_keys must be one of {', '.join(NUMBER_KEYS)}, not {self.number_keys!r}")


NUMBER_KEYS = ("evidence", "numeric")


# type-map items after which a column's values are kept in a stand-in type (text, bytes, varchar)
LOSSY_ITEMS = frozenset({"TYP005", "TYP007", "TYP009", "TYP010", "TYP015", "TYP016", "TYP017", "TYP018",
                         "TYP021", "TYP028", "RSH004"})


@dataclass
class ConvertContext:
    inventory: Inventory
    source: Engine
    target: Engine
    profile: TargetProfile
    names: NameMapper
    types: TypeMap | None
    exprs: ExpressionConverter
    options: ConvertOptions
    # source object id -> (target schema, target name)
    targets: dict[int, tuple[str | None, str]] = field(default_factory=dict)
    # (table id, column upper name) -> target column name / target type
    columns: dict[tuple[int, str], str] = field(default_factory=dict)
    column_types: dict[tuple[int, str], str] = field(default_factory=dict)
    # source table id -> its CREATE TABLE as the target writes it (convert.tables.TableDef)
    table_defs: dict[int, Any] = field(default_factory=dict)
    # source table id -> distribution/sort recommendation (convert.distribution), on targets that have them
    distribution: dict[int, Any] | None = None
    # (table qname upper, column upper) -> why the column holds whole numbers (convert.evidence)
    number_keys: dict[tuple[str, str], str] = field(default_factory=dict)

    def finding(self, conv: ConvertedObject, code: str, message: str, line: int | None = None,
                source: str | None = None, converted: str | None = None, sub: str | None = None) -> Finding:
        obj = conv.source
        f = Finding(code, obj.qname, obj.kind, obj.location.file, line or obj.location.line, message, source,
                    converted, sub)
        conv.findings.append(f)
        return f

    def failure_code(self, expr, wrapper: str) -> str:
        """The code for an expression that could not be written: the specific cause when there is one
        (SEQ001 a sequence, SQL004 a session function...), else the object's own code (SQL002 for a
        default, VEW011 for a view...) for what is only 'unreadable' (PRS002) or 'no equivalent' (SQL001)."""
        blocking = [code for code, _ in expr.problems if code in _BLOCKING]
        first = blocking[0] if blocking else (expr.problems[0][0] if expr.problems else wrapper)
        return wrapper if first in ("PRS002", "SQL001") else first

    def failure_message(self, expr) -> str:
        blocking = [msg for code, msg in expr.problems if code in _BLOCKING]
        return blocking[0] if blocking else (expr.problems[0][1] if expr.problems else "not converted")

    def lossy_reads(self, table, tree) -> str | None:
        """If an expression (check, generated column, index key) reads a column whose type has no
        equivalent on the target (kept as text or bytes), the column named with its source type:
        the expression's operators and functions would meet a different type there."""
        if tree is None or self.types is None:
            return None
        from sqlglot import exp

        used = {str(c.name).upper() for c in tree.find_all(exp.Column)}
        for col in table.columns:
            if col.name.upper() in used and col.type.base and not col.computed:
                mapped = self.map_type(col.type)
                if mapped.item in LOSSY_ITEMS:
                    return f"{col.name} ({col.source_type} -> {mapped.sql})"
        return None

    def target_of(self, obj: SchemaObject) -> tuple[str | None, str]:
        return self.targets[id(obj)]

    def table_target(self, schema: str | None, name: str) -> tuple[Table | None, str]:
        """The converted (qualified, written) name of a source table, resolving it in the inventory."""
        table = self.inventory.lookup("table", schema, name)
        if isinstance(table, Table) and id(table) in self.targets:
            ts, tn = self.targets[id(table)]
            return table, self.profile.qualified(ts, tn)
        tschema = self.names.schema(schema) if schema else self.options.default_schema
        return None, self.profile.qualified(tschema, self.names.base(name))

    def column_name(self, table: Table, name: str) -> str:
        col = table.column(name)
        key = (id(table), (col.name if col else name).upper())
        if key in self.columns:
            return self.columns[key]
        return self.names.base(col.name if col else name, bool(col and col.quoted))

    def base_sql(self, spec: TypeSpec) -> str:
        """The built-in target type under a domain or alias type (what a default must be written for)."""
        ut = self._user_type(spec) if (spec.user_defined or spec.base not in _BUILTIN_HINT) else None
        if isinstance(ut, UserType) and ut.type_kind in ("alias", "domain") and ut.base_type:
            from migplan.parse.types import parse_type_text

            return self.base_sql(parse_type_text(ut.base_type, self.source.splitter))
        return self.map_type(spec).sql

    def map_type(self, spec: TypeSpec) -> MappedType:
        if self.types is None:  # same family: keep the type as written
            return MappedType(spec.raw or spec.base, None)
        if spec.user_defined or spec.base not in _BUILTIN_HINT:
            ut = self._user_type(spec)
            if ut is not None:
                return self._map_user_type(spec, ut)
        return self.types.map(spec)

    def _user_type(self, spec: TypeSpec) -> UserType | None:
        parts = spec.base.split(".")
        schema = parts[-2] if len(parts) > 1 else None
        for kind in ("type", "domain"):
            obj = self.inventory.lookup(kind, schema, parts[-1]) or self.inventory.lookup(
                kind, schema, self.source.fold(parts[-1]))
            if isinstance(obj, UserType):
                return obj
        return None

    def _map_user_type(self, spec: TypeSpec, ut: UserType) -> MappedType:
        if self.profile.has_user_types and id(ut) in self.targets and (
                ut.type_kind in ("alias", "domain", "enum", "composite", "object", "range") and
                (ut.base_type or ut.values or ut.columns or ut.type_kind == "range")):
            return MappedType(self.profile.qualified(*self.targets[id(ut)]), None)  # created as a type/domain
        if ut.type_kind in ("alias", "domain") and ut.base_type:
            from migplan.parse.types import parse_type_text

            base = parse_type_text(ut.base_type, self.source.splitter)
            mapped = self.map_type(base)
            checks = list(mapped.checks)
            if ut.check:
                conv = self.exprs.convert(ut.check.replace("VALUE", "__col__").replace("value", "__col__"))
                if conv.ok:
                    checks.append(conv.sql.replace("__col__", "{col}"))
            return MappedType(mapped.sql, mapped.rule, mapped.item, mapped.message, checks)
        if ut.type_kind == "enum" and not self.profile.has_user_types and not self.profile.inline_enum:
            longest = max((len(v) for v in ut.values), default=1)
            size = min(4 * longest, self.profile.max_varchar)  # byte lengths: up to 4 bytes a character
            return MappedType(f"varchar({size})", None, "RSH004" if self.profile.family == "redshift" else "TYP017",
                              f"enum {ut.qname} ({', '.join(ut.values)}): no enum types; its values as text, "
                              "unchecked")
        if ut.type_kind == "enum":
            if not self.profile.has_user_types:  # MySQL's column type ENUM('a', 'b')
                values = ", ".join(self.profile.string(v) for v in ut.values)
                return MappedType(f"enum({values})", None)
            ts, tn = self.targets.get(id(ut), (None, ut.name.lower()))
            return MappedType(self.profile.qualified(ts, tn), None)
        return MappedType("text", None, "TYP017",
                          f"user-defined type {ut.qname} ({ut.type_kind}) has no direct {self.profile.family} form")


# Built-in type names that never need a user-type look-up (speed only; the look-up is the truth).
_BUILTIN_HINT = frozenset([
    "NUMBER", "NUMERIC", "DECIMAL", "INT", "INTEGER", "SMALLINT", "BIGINT", "TINYINT", "MEDIUMINT", "VARCHAR",
    "VARCHAR2", "NVARCHAR", "NVARCHAR2", "CHAR", "NCHAR", "TEXT", "DATE", "TIMESTAMP", "DATETIME", "DATETIME2",
    "TIME", "CLOB", "BLOB", "BOOLEAN", "BIT", "FLOAT", "REAL", "MONEY",
])
