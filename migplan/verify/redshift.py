"""Redshift DDL without a Redshift: every statement migplan wrote is read back with sqlglot's Redshift
dialect, and its PostgreSQL-compatible subset is what the real (embedded) PostgreSQL then applies.

The subset drops what only Redshift says (DISTSTYLE, DISTKEY, SORTKEY, ENCODE, BACKUP) and stands
in PostgreSQL types for Redshift-only ones (SUPER -> jsonb, VARBYTE -> bytea, GEOMETRY/GEOGRAPHY ->
bytea): tables, columns, NOT NULL, defaults, identity, keys, comments and views are then checked
on a real engine. What the subset cannot check (the Redshift-only clauses themselves) is what the
re-parse and our Redshift rules check.
"""

from __future__ import annotations

import dataclasses
import re

import sqlglot
from sqlglot import exp

from migplan.model.conversion import Conversion, Finding, TargetStatement

_REDSHIFT_ONLY = (exp.DistStyleProperty, exp.DistKeyProperty, exp.SortKeyProperty, exp.BackupProperty)
# Redshift type (as sqlglot reads it) -> the PostgreSQL type that stands in for it
_STAND_INS = {exp.DataType.Type.SUPER: "JSONB", exp.DataType.Type.VARBINARY: "BYTEA",
              exp.DataType.Type.GEOMETRY: "BYTEA", exp.DataType.Type.GEOGRAPHY: "BYTEA"}
_TYPE_WORDS = {"super": "jsonb", "varbyte": "bytea", "geometry": "bytea", "geography": "bytea"}


# Redshift's own system relations (STL/STV/SVL/SVV/SYS views and tables, and its pg_catalog additions):
# a view over them can only be checked on Redshift itself
_SYSTEM = re.compile(r"^(stl|stv|svl|svv|svcs|stcs|sys)_|^pg_(database_info|library|user_info|table_def)$", re.I)


@dataclasses.dataclass
class Reparsed:
    """One Redshift statement read back: its PostgreSQL subset, or why it could not be read."""

    redshift: str
    postgres: str | None
    error: str | None = None
    system: list[str] = dataclasses.field(default_factory=list)  # Redshift system relations it reads

    @property
    def ok(self) -> bool:
        """Read back as Redshift SQL (whether or not PostgreSQL can check it)."""
        return self.error is None


def reparse(sql: str) -> Reparsed:
    """Read ``sql`` as Redshift and write its PostgreSQL-compatible subset."""
    try:
        trees = [t for t in sqlglot.parse(sql, read="redshift") if t is not None]
    except Exception as err:  # ParseError, TokenError: the statement is not Redshift SQL sqlglot knows
        return Reparsed(sql, None, _first_line(err))
    if len(trees) != 1:
        return Reparsed(sql, None, f"read as {len(trees)} statements")
    tree = trees[0]
    if isinstance(tree, exp.Command):  # sqlglot gave up and kept the text: not read
        return Reparsed(sql, None, f"sqlglot kept {tree.name} ... as an unparsed command")
    system = sorted({t.name for t in tree.find_all(exp.Table) if _SYSTEM.search(t.name or "")})
    if system:
        return Reparsed(sql, None, system=system)
    return Reparsed(sql, subset(tree)) if isinstance(tree, exp.Expression) else Reparsed(sql, None, "not a statement")


def subset(tree: exp.Expression) -> str:
    for prop in list(tree.find_all(*_REDSHIFT_ONLY)):
        prop.pop()
    for enc in list(tree.find_all(exp.EncodeColumnConstraint)):
        (enc.parent if isinstance(enc.parent, exp.ColumnConstraint) else enc).pop()
    props = tree.args.get("properties")
    if isinstance(props, exp.Properties) and not props.expressions:
        props.pop()
    for add in list(tree.find_all(exp.Add)):  # Redshift's 'text' + x concatenates: PostgreSQL's ||
        if any(_is_text(side) for side in (add.this, add.expression)):
            add.replace(exp.DPipe(this=add.this, expression=add.expression))
    for dtype in list(tree.find_all(exp.DataType)):
        stand_in = _STAND_INS.get(dtype.this)
        if stand_in:
            dtype.replace(exp.DataType.build(stand_in))
        elif any(p.name.upper() == "MAX" for p in dtype.expressions if isinstance(p, (exp.DataTypeParam, exp.Var))):
            dtype.replace(exp.DataType.build("TEXT"))  # VARCHAR(MAX): Redshift's 65,535 bytes
    return tree.sql(dialect="postgres")


def _is_text(node: exp.Expression) -> bool:
    if isinstance(node, exp.Literal):
        return node.is_string
    if isinstance(node, (exp.DPipe, exp.Concat)):
        return True
    if isinstance(node, exp.Cast):
        return node.to.is_type(*exp.DataType.TEXT_TYPES)
    if isinstance(node, exp.Add):
        return _is_text(node.this) or _is_text(node.expression)
    if isinstance(node, exp.Paren):
        return _is_text(node.this)
    if isinstance(node, exp.Case):
        branches = [i.args.get("true") for i in node.args.get("ifs") or []] + [node.args.get("default")]
        return any(b is not None and _is_text(b) for b in branches)
    return isinstance(node, exp.Anonymous) and node.name.upper() in ("QUOTE_IDENT", "QUOTE_LITERAL")


def pg_type(type_sql: str) -> str:
    """The PostgreSQL type that stands in for a Redshift column type in the catalog comparison."""
    m = re.match(r"\s*(\w+)", type_sql)
    if m and m.group(1).lower() in _TYPE_WORDS:
        return _TYPE_WORDS[m.group(1).lower()]
    return type_sql


def postgres_subset(conversion: Conversion) -> tuple[Conversion, list[Finding], dict[str, int]]:
    """A copy of ``conversion`` whose statements are their PostgreSQL subsets; a statement that does
    not read back as Redshift is left out and reported (VER001). Also the counts (statements, read
    back) for the benchmark and the report."""
    findings: list[Finding] = []
    counts = {"statements": 0, "reparsed": 0, "system": 0}
    objects = []
    for conv in conversion.objects:
        statements = []
        for st in conv.statements:
            counts["statements"] += 1
            r = reparse(st.sql)
            if r.system:  # read back, but only Redshift has the relations it reads: not applied
                counts["reparsed"] += 1
                counts["system"] += 1
                continue
            if r.postgres is None:
                obj = conv.source
                findings.append(Finding("VER001", obj.qname, obj.kind, obj.location.file,
                                        st.source_line or obj.location.line,
                                        f"{st.kind} {st.name}: does not read back as Redshift SQL ({r.error}); "
                                        "not verified", None, st.sql, st.name))
                continue
            counts["reparsed"] += 1
            statements.append(dataclasses.replace(st, sql=r.postgres, expect=_expect(st)))
        objects.append(dataclasses.replace(conv, statements=statements))
    prelude = [dataclasses.replace(st, sql=reparse(st.sql).postgres or st.sql) for st in conversion.prelude]
    return dataclasses.replace(conversion, objects=objects, prelude=prelude), findings, counts


def _expect(st: TargetStatement) -> dict:
    cols = st.expect.get("columns")
    if st.kind != "table" or not cols:
        return st.expect
    return {**st.expect, "columns": [{**c, "type": pg_type(c["type"])} if isinstance(c, dict) and "type" in c else c
                                     for c in cols]}


def _first_line(err: Exception) -> str:
    # sqlglot's messages can carry ANSI underlining and the statement: keep the first line, plain
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(err)).strip().splitlines()
    return text[0][:200] if text else type(err).__name__
