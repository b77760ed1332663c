"""What a schema is made of, as migplan records it: the objects a statement becomes.

Names are stored the way the source engine stores them (Oracle folds unquoted names to upper
case, PostgreSQL to lower, SQL Server and MySQL keep them as written); ``key`` is the form used
for look-ups (upper-cased where the engine compares names case-insensitively).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from migplan.model import display

# Parse status of an object (see README "Parse status").
PARSED = "parsed"  # every token understood (our structure parser + sqlglot for expressions)
PARTIAL = "partial"  # header/structure understood, some part kept as text
UNPARSED = "unparsed"  # kept verbatim with the parser's message

STORAGE_KINDS = ("table", "index", "sequence", "synonym", "type", "domain")
# Read in full, kept as data in attrs (no object class, no converter): PRS007 says they are not converted.
DEFINITION_KINDS = ("aggregate", "rule", "dimension", "assembly", "external data source", "external file format",
                    "row permission", "column mask")
CODE_KINDS = ("view", "materialized view", "procedure", "function", "package", "package body",
              "trigger", "type body")

LOB_BASES = frozenset({
    "CLOB", "NCLOB", "BLOB", "BFILE", "LONG", "LONG RAW", "XMLTYPE", "TEXT", "NTEXT", "IMAGE",
    "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "BYTEA", "JSON",
    "JSONB", "XML", "DBCLOB", "GRAPHIC LOB", "LONG VARCHAR", "LONG VARGRAPHIC", "SDO_GEOMETRY",
})
_MAX_LOBS = frozenset({"VARCHAR", "NVARCHAR", "VARBINARY"})  # SQL Server (MAX) types are LOBs to DMS


@dataclass(frozen=True)
class Location:
    file: str
    line: int
    end_line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class TypeSpec:
    """A data type as the source spells it, split into parts the type maps read.

    ``base`` is upper-cased and space-normalised ("NUMBER", "TIMESTAMP WITH TIME ZONE",
    "DOUBLE PRECISION"); ``params`` are the parenthesised arguments as text ("20 CHAR", "MAX",
    "'a'"); ``modifiers`` hold words such as UNSIGNED or ZEROFILL; ``array`` counts ``[]``.
    A user-defined type keeps its (qualified) name in ``base`` and sets ``user_defined``.
    """

    base: str
    params: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    array: int = 0
    user_defined: bool = False
    raw: str = ""

    def param_int(self, i: int) -> int | None:
        if i < len(self.params):
            head = self.params[i].split()[0] if self.params[i].split() else ""
            try:
                return int(head)
            except ValueError:
                return None
        return None

    @property
    def is_lob(self) -> bool:
        if self.base in LOB_BASES:
            return True
        return self.base in _MAX_LOBS and bool(self.params) and self.params[0].upper() == "MAX"

    def __str__(self) -> str:
        return self.raw or self.base


@dataclass
class Identity:
    """An identity / auto-increment / serial column."""

    kind: str  # "identity" (SQL standard/Oracle/T-SQL IDENTITY), "auto_increment", "serial"
    always: bool = False  # GENERATED ALWAYS (values cannot be supplied)
    start: str | None = None
    increment: str | None = None
    options: dict[str, str] = field(default_factory=dict)


@dataclass
class Column:
    name: str
    type: TypeSpec
    position: int
    nullable: bool = True
    default: str | None = None
    identity: Identity | None = None
    computed: str | None = None  # expression of a computed / generated / virtual column
    computed_stored: bool = False
    on_update: str | None = None  # MySQL ON UPDATE CURRENT_TIMESTAMP
    collation: str | None = None
    charset: str | None = None
    comment: str | None = None
    quoted: bool = False
    line: int | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    default_constraint: str | None = None  # SQL Server named default constraint
    static: bool = False  # CQL STATIC: one value per partition, shared by its rows

    @property
    def source_type(self) -> str:
        return str(self.type)

    @property
    def is_lob(self) -> bool:
        return self.type.is_lob


@dataclass
class Constraint:
    kind: str  # "primary key" | "unique" | "foreign key" | "check"
    name: str | None
    columns: list[str] = field(default_factory=list)
    expression: str | None = None  # CHECK condition
    ref_schema: str | None = None
    ref_table: str | None = None
    ref_columns: list[str] = field(default_factory=list)
    on_delete: str | None = None
    on_update: str | None = None
    deferrable: bool = False
    initially_deferred: bool = False
    enabled: bool = True
    validated: bool = True
    clustered: bool | None = None
    inline: bool = True  # declared with the column/table, not by a later ALTER
    location: Location | None = None
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def ref_qname(self) -> str | None:
        if not self.ref_table:
            return None
        return f"{self.ref_schema}.{self.ref_table}" if self.ref_schema else self.ref_table

    def describe(self) -> str:
        cols = ", ".join(self.columns)
        if self.kind == "foreign key":
            return f"FOREIGN KEY ({cols}) REFERENCES {self.ref_qname} ({', '.join(self.ref_columns)})"
        if self.kind == "check":
            return f"CHECK ({self.expression})"
        return f"{self.kind.upper()} ({cols})"


@dataclass
class Part:
    """A statement merged into an object after its CREATE (ALTER, COMMENT, ENABLE/DISABLE...)."""

    location: Location
    action: str  # e.g. "add constraint", "comment", "disable trigger", "set default"
    status: str = PARSED
    message: str | None = None
    statement: int | None = None  # index of the statement in the run


@dataclass
class SchemaObject:
    kind: str
    schema: str | None
    name: str
    location: Location
    source: str = ""  # the statement text as written
    status: str = PARSED
    message: str | None = None
    comment: str | None = None
    parts: list[Part] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    statement: int | None = None
    quoted: bool = False  # name was quoted in the source (case kept as written)
    lost: list[str] = field(default_factory=list)  # source tokens the parser did not account for

    @property
    def qname(self) -> str:
        return f"{self.schema}.{self.name}" if self.schema else self.name

    def __repr__(self) -> str:
        return f"<{self.kind} {self.qname} {self.location} {self.status}>"


@dataclass(repr=False)
class Table(SchemaObject):
    columns: list[Column] = field(default_factory=list)
    constraints: list[Constraint] = field(default_factory=list)
    temporary: str | None = None  # "global" (Oracle GTT / ##), "local" (#temp), None
    partition_of: str | None = None  # qualified name of the parent when this table is a partition
    created_from: str | None = None  # "AS" (CREATE TABLE ... AS query) or "LIKE" (copy of another table)
    query: str | None = None  # the query of a CREATE TABLE ... AS
    of_type: str | None = None  # an object table: CREATE TABLE t OF type
    external: bool = False  # data outside the database (external / foreign / PolyBase tables)
    partitioning: str | None = None  # PARTITION BY clause text
    options: dict[str, str] = field(default_factory=dict)  # physical/storage options as written
    # CQL: the partition key columns and the clustering columns with their order (primary_key holds
    # both, partition key first); empty for SQL tables
    partition_key: list[str] = field(default_factory=list)
    clustering: list[IndexColumn] = field(default_factory=list)
    indexes: list[Index] = field(default_factory=list)  # filled by the inventory
    triggers: list[Routine] = field(default_factory=list)  # filled by the inventory

    def column(self, name: str) -> Column | None:
        up = name.upper()
        for c in self.columns:
            if c.name == name:
                return c
        for c in self.columns:
            if c.name.upper() == up:
                return c
        return None

    @property
    def primary_key(self) -> Constraint | None:
        return next((c for c in self.constraints if c.kind == "primary key"), None)

    @property
    def unique_keys(self) -> list[Constraint]:
        return [c for c in self.constraints if c.kind == "unique"]

    @property
    def foreign_keys(self) -> list[Constraint]:
        return [c for c in self.constraints if c.kind == "foreign key"]

    @property
    def checks(self) -> list[Constraint]:
        return [c for c in self.constraints if c.kind == "check"]

    @property
    def lob_columns(self) -> list[Column]:
        return [c for c in self.columns if c.is_lob]

    def _repr_html_(self) -> str | None:  # pragma: no cover - notebook display
        return display.render("table", self)


@dataclass
class IndexColumn:
    expression: str  # a column name, or an expression for function-based indexes
    descending: bool = False
    is_expression: bool = False
    prefix_length: int | None = None  # MySQL prefix index: name(10)
    opclass: str | None = None  # PostgreSQL operator class: gin_trgm_ops, jsonb_path_ops...
    nulls: str | None = None  # NULLS FIRST / NULLS LAST


@dataclass(repr=False)
class Index(SchemaObject):
    table_schema: str | None = None
    table_name: str = ""
    columns: list[IndexColumn] = field(default_factory=list)
    unique: bool = False
    method: str | None = None  # bitmap, clustered, nonclustered, fulltext, spatial, gin, gist, hash, columnstore...
    include: list[str] = field(default_factory=list)
    where: str | None = None  # filtered / partial index predicate
    options: dict[str, str] = field(default_factory=dict)

    @property
    def table_qname(self) -> str:
        return f"{self.table_schema}.{self.table_name}" if self.table_schema else self.table_name

    @property
    def function_based(self) -> bool:
        return any(c.is_expression for c in self.columns)


@dataclass(repr=False)
class View(SchemaObject):
    query: str = ""
    column_names: list[str] = field(default_factory=list)
    options: dict[str, str] = field(default_factory=dict)
    references: list[str] = field(default_factory=list)  # tables/views the query reads (qualified as written)
    of_type: str | None = None  # an object view: CREATE VIEW v OF type
    # CQL materialized view: its own primary key (partition key, clustering columns with their order)
    partition_key: list[str] = field(default_factory=list)
    clustering: list[IndexColumn] = field(default_factory=list)


@dataclass(repr=False)
class Sequence(SchemaObject):
    start: str | None = None
    increment: str | None = None
    min_value: str | None = None
    max_value: str | None = None
    cache: str | None = None
    cycle: bool = False
    order: bool | None = None
    data_type: str | None = None
    owned_by: str | None = None
    options: dict[str, str] = field(default_factory=dict)


@dataclass(repr=False)
class Synonym(SchemaObject):
    target_schema: str | None = None
    target_name: str = ""
    dblink: str | None = None
    public: bool = False

    @property
    def target_qname(self) -> str:
        name = f"{self.target_schema}.{self.target_name}" if self.target_schema else self.target_name
        return f"{name}@{self.dblink}" if self.dblink else name


@dataclass
class Parameter:
    name: str
    mode: str = "IN"
    type: str = ""
    default: str | None = None


@dataclass(repr=False)
class Routine(SchemaObject):
    """Procedures, functions, packages, package bodies, triggers, types and type bodies."""

    parameters: list[Parameter] = field(default_factory=list)
    returns: str | None = None
    language: str | None = None
    body: str = ""  # the code after the header, as written
    body_line: int | None = None  # line where the body starts
    # triggers
    table_schema: str | None = None
    table_name: str | None = None
    timing: str | None = None  # BEFORE | AFTER | INSTEAD OF | FOR
    events: list[str] = field(default_factory=list)
    for_each_row: bool | None = None
    enabled: bool = True
    external: bool = False  # implemented outside SQL (CLR assembly, Java, C library)

    @property
    def table_qname(self) -> str | None:
        if not self.table_name:
            return None
        return f"{self.table_schema}.{self.table_name}" if self.table_schema else self.table_name


@dataclass(repr=False)
class UserType(SchemaObject):
    """CREATE TYPE ... AS ENUM / AS TABLE / AS OBJECT, and domains."""

    type_kind: str = ""  # enum | table | object | composite | domain | alias | range | varray | nested table
    values: list[str] = field(default_factory=list)  # enum labels
    columns: list[Column] = field(default_factory=list)  # attributes of object/composite/table types
    base_type: str | None = None  # domain / alias base type
    check: str | None = None


@dataclass(repr=False)
class Grant(SchemaObject):
    privileges: list[str] = field(default_factory=list)
    on_object: str | None = None
    grantees: list[str] = field(default_factory=list)
    revoke: bool = False


def node_key(obj: SchemaObject) -> str:
    """The key of an object in the dependency graph and in per-object look-ups: ``kind:qname``."""
    return f"{obj.kind}:{obj.qname}"


OBJECT_CLASSES: dict[str, type[SchemaObject]] = {
    "table": Table,
    "index": Index,
    "view": View,
    "materialized view": View,
    "sequence": Sequence,
    "synonym": Synonym,
    "procedure": Routine,
    "function": Routine,
    "package": Routine,
    "package body": Routine,
    "trigger": Routine,
    "type body": Routine,
    "type": UserType,
    "domain": UserType,
    "grant": Grant,
}
