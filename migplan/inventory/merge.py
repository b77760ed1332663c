"""Merging later statements into the objects they change (ALTER, COMMENT, extended properties).

Parts are applied after every CREATE has been read, in statement order, so a script that adds
constraints in a file read before the table's file still ends up with them. A part whose object
is nowhere in the inventory is reported, not dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from migplan.inventory.inventory import Inventory, Problem
from migplan.model.schema import (
    PARSED,
    PARTIAL,
    Column,
    Constraint,
    Identity,
    Index,
    Location,
    Part,
    Routine,
    SchemaObject,
    Sequence,
    Table,
)
from migplan.parse.alter import Action, AlterTable
from migplan.parse.context import ParseContext


def apply_parts(inv: Inventory, pending: list[tuple[int, str, object]]) -> None:
    for index, what, payload in pending:
        stmt = inv.statements[index]
        record = inv.records[index]
        loc = Location(stmt.file, stmt.line, stmt.end_line)
        try:
            target = _apply(inv, what, payload, stmt, loc)
        except _Unresolved as err:
            record.status = "orphan"
            record.message = str(err)
            inv.problems.append(Problem(stmt.file, stmt.line, str(err), "INPUT-ORPHAN"))
            continue
        if target is not None:
            record.object = target.qname
            part = target.parts[-1] if target.parts and target.parts[-1].statement == index else None
            record.status = part.status if part else PARSED
            record.message = part.message if part else None


class _Unresolved(Exception):
    pass


def _apply(inv: Inventory, what: str, payload, stmt, loc: Location) -> SchemaObject | None:
    if what == "alter table":
        alter, ctx = payload
        return _alter_table(inv, alter, ctx, stmt, loc)
    if what == "comment":
        return _comment(inv, payload, stmt, loc)
    if what == "extended property":
        return _extended_property(inv, payload, stmt, loc)
    if what.startswith("alter "):
        kind, schema, name, detail = payload
        obj = inv.lookup(kind, schema, name)
        if obj is None and kind in ("view", "materialized view"):
            obj = inv.lookup("table", schema, name)
        if obj is None and kind == "index":  # the index behind a PRIMARY KEY / UNIQUE constraint
            obj = _constraint_owner(inv, name)
        if obj is None:
            raise _Unresolved(
                f"ALTER {kind.upper()} {schema + '.' if schema else ''}{name}: no such {kind} in the scripts"
            )
        rest = (detail.get("rest") or "").upper()
        action = f"alter {kind}"
        if isinstance(obj, Routine) and kind == "trigger":
            if rest.startswith("DISABLE"):
                obj.enabled = False
                action = "disable trigger"
            elif rest.startswith("ENABLE"):
                obj.enabled = True
                action = "enable trigger"
        if isinstance(obj, Sequence) and "sequence" in detail:
            new: Sequence = detail["sequence"]
            for f in ("start", "increment", "min_value", "max_value", "cache", "owned_by", "data_type"):
                if getattr(new, f) is not None:
                    setattr(obj, f, getattr(new, f))
            obj.options.update(new.options)
            if new.owned_by:
                action = "owned by"
            if "owner" in new.attrs:  # ALTER SEQUENCE ... OWNER TO, as ALTER TABLE's
                obj.attrs["owner"] = new.attrs["owner"]
                action = "owner"
        obj.parts.append(Part(loc, action, PARSED, None, stmt.index))
        return obj
    raise _Unresolved(f"unknown part {what}")  # pragma: no cover


def _constraint_owner(inv: Inventory, name: str) -> Table | None:
    up = name.upper()
    for t in inv.tables:
        if any(c.name and c.name.upper() == up and c.kind in ("primary key", "unique") for c in t.constraints):
            return t
    return None


def _table(inv: Inventory, schema, name, what: str) -> Table:
    obj = inv.lookup("table", schema, name)
    if not isinstance(obj, Table):
        raise _Unresolved(f"{what} {schema + '.' if schema else ''}{name}: no such table in the scripts")
    return obj


def _alter_table(inv: Inventory, alter: AlterTable, ctx, stmt, loc: Location) -> Table:
    schema, name, _q, _e = ctx.qualify(alter.name)
    table = _table(inv, schema, name, "ALTER TABLE")
    status = PARTIAL if (ctx.problems or ctx.lost) else PARSED
    message = "; ".join(ctx.problems) or (("sqlglot dropped tokens: " + ", ".join(ctx.lost)) if ctx.lost else None)
    for act in alter.actions:
        desc = _table_action(inv, table, act, ctx, loc)
        table.parts.append(Part(Location(stmt.file, ctx.line_at(act.offset)), desc, status, message, stmt.index))
    if not alter.actions:
        table.parts.append(Part(loc, "alter table", status, message, stmt.index))
    return table


def _find_constraint(table: Table, name: str | None) -> Constraint | None:
    if not name:
        return None
    up = name.upper()
    return next((c for c in table.constraints if c.name and c.name.upper() == up), None)


# ALTER TABLE actions, one small function per action: (inventory, table, action, parse context,
# location) -> the description the statement's record shows. Unknown actions keep their text.
TableAction = Callable[[Inventory, Table, Action, ParseContext, Location], str]


def _add_constraint(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    con: Constraint = act.target
    con.inline = False
    table.constraints.append(con)
    if con.kind == "primary key":
        for cname in con.columns:
            col = table.column(cname)
            if col is not None:
                col.nullable = False
    return f"add {con.kind} {con.name or ''}".strip()


def _add_column(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    col: Column = act.target
    col.position = len(table.columns) + 1
    table.columns.append(col)
    return f"add column {col.name}"


def _change_column(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    a = act.action
    col = table.column(act.target)
    if col is None:
        ctx.problems.append(f"column {act.target} is not in table {table.qname}")
        return f"{a} {act.target} (unknown column)"
    if a == "set default":
        col.default = act.detail["default"]
        if act.detail.get("constraint"):
            col.default_constraint = act.detail["constraint"]
    elif a == "drop default":
        col.default = None
    elif a == "set nullable":
        col.nullable = act.detail["nullable"]
    elif a in ("modify column", "change column"):
        new: Column = act.detail["column"]
        if new.type.base:
            col.type = new.type
        if new.nullable is not None:
            col.nullable = new.nullable
        if new.default is not None:
            col.default = new.default
        if new.identity is not None:
            col.identity = new.identity
        if a == "change column":
            col.name = new.name
    else:  # column option
        col.attrs.setdefault("alter_options", []).append(act.detail.get("text"))
        text = (act.detail.get("text") or "").upper()
        if text.startswith("ADD GENERATED"):
            col.identity = Identity("identity", always="ALWAYS" in text.split("AS")[0])
            col.nullable = False
    return f"{a} {act.target}"


def _enable_constraint(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    a = act.action
    enabled = a.split()[0] in ("enable", "check")
    con = _find_constraint(table, act.target)
    if act.target == "ALL":
        for c in table.constraints:
            if c.kind in ("foreign key", "check"):
                c.enabled = enabled
    elif con is not None:
        con.enabled = enabled
        if act.detail.get("validate") == "NOVALIDATE":
            con.validated = False
    else:
        ctx.problems.append(f"constraint {act.target} is not defined on {table.qname}")
    return f"{a} {act.target}"


def _constraint_state(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    con = _find_constraint(table, act.target) if act.target != "PRIMARY KEY" else table.primary_key
    state = act.detail.get("state", [])
    if con is not None:
        if "DISABLE" in state:
            con.enabled = False
        if "ENABLE" in state:
            con.enabled = True
    return f"modify constraint {act.target}"


def _enable_trigger(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    for trg in inv.routines:
        if trg.kind == "trigger" and (act.target == "ALL" or trg.name.upper() == str(act.target).upper()):
            if act.target == "ALL" and trg.table_name and trg.table_name.upper() != table.name.upper():
                continue
            trg.enabled = act.action.startswith("enable")
    return act.action


def _drop_constraint(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    con = table.primary_key if act.action == "drop primary key" else _find_constraint(table, act.target)
    if con is not None:
        table.constraints.remove(con)
    return f"{act.action} {act.target or ''}".strip()


def _drop_column(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    col = table.column(act.target)
    if col is not None:
        table.columns.remove(col)
    return f"drop column {act.target}"


def _add_index(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    idx = Index(kind="index", schema=table.schema, name=act.target or "", location=loc,
                table_schema=table.schema, table_name=table.name, columns=act.detail["columns"],
                method=act.detail.get("method"), options=act.detail.get("options") or {})
    idx.statement = None
    if not idx.name:
        idx.name = f"{table.name}_{'_'.join(c.expression for c in idx.columns)}"[:60]
    inv.add(idx)
    return f"add index {idx.name}"


def _owner(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    table.attrs["owner"] = act.target
    return "owner"


def _partition(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    table.attrs.setdefault("partitions", []).append(act.target)
    pschema, _, pname = act.target.rpartition(".")
    child = inv.lookup("table", pschema or table.schema, pname)
    if isinstance(child, Table) and act.action == "attach partition":
        # pg_dump creates the partition as a plain table and attaches it later: it is a partition all the same
        child.partition_of = table.qname
        child.partitioning = " ".join(act.detail.get("bounds", "").split()) or child.partitioning
    elif isinstance(child, Table):
        child.partition_of = None
    return act.action


def _other(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    table.attrs.setdefault("alter_options", []).append(act.target if isinstance(act.target, str) else str(act.target))
    return act.action


_TABLE_ACTIONS: dict[str, TableAction] = {
    "add constraint": _add_constraint,
    "add column": _add_column,
    **dict.fromkeys(("set default", "drop default", "set nullable", "modify column", "change column",
                     "column option"), _change_column),
    **dict.fromkeys(("enable constraint", "disable constraint", "check constraint", "nocheck constraint"),
                    _enable_constraint),
    "constraint state": _constraint_state,
    **dict.fromkeys(("enable trigger", "disable trigger"), _enable_trigger),
    **dict.fromkeys(("drop constraint", "drop primary key"), _drop_constraint),
    "drop column": _drop_column,
    "add index": _add_index,
    "owner": _owner,
    **dict.fromkeys(("attach partition", "detach partition"), _partition),
}


def _table_action(inv: Inventory, table: Table, act: Action, ctx: ParseContext, loc: Location) -> str:
    return _TABLE_ACTIONS.get(act.action, _other)(inv, table, act, ctx, loc)


def _comment(inv: Inventory, action, stmt, loc: Location) -> SchemaObject:
    from migplan.parse.names import qualify

    target = action.target
    if target == "columns":
        schema, name, _q, _e = qualify(action.name, inv.engine, inv.default_schema)
        table = _table(inv, schema, name, "COMMENT ON")
        for cname, text in action.columns:
            col = table.column(inv.engine.fold(cname))
            if col is not None:
                col.comment = text
        table.parts.append(Part(loc, "comment", PARSED, None, stmt.index))
        return table
    if target == "column":
        parts = action.name
        from migplan.parse.tokens import Name

        tname = Name(parts.parts[:-1], parts.quoted[:-1])
        schema, name, _q, _e = qualify(tname, inv.engine, inv.default_schema)
        obj = inv.lookup("table", schema, name)
        if obj is None:
            raise _Unresolved(f"COMMENT ON COLUMN {parts}: no such table or view in the scripts")
        colname = parts.parts[-1] if parts.quoted[-1] else inv.engine.fold(parts.parts[-1])
        col = obj.column(colname) if isinstance(obj, Table) else None
        if col is None and isinstance(obj, Table):
            raise _Unresolved(f"COMMENT ON COLUMN {parts}: table {obj.qname} has no such column")
        if col is not None:
            col.comment = action.text
        else:
            obj.attrs.setdefault("column_comments", {})[colname] = action.text
        obj.parts.append(Part(loc, f"comment on column {colname}", PARSED, None, stmt.index))
        return obj
    kind = {"materialized view": "materialized view"}.get(target, target)
    schema, name, _q, _e = (
        qualify(action.on or action.name, inv.engine, inv.default_schema)
        if action.on and target in ("constraint", "trigger")
        else qualify(action.name, inv.engine, inv.default_schema)
    )
    lookup_kind = "table" if kind in ("view", "materialized view", "constraint") else kind
    if kind in ("database", "role", "extension", "tablespace"):
        obj = inv.lookup(kind, None, name)
    else:
        obj = inv.lookup(lookup_kind, schema, name)
    if obj is None:
        raise _Unresolved(f"COMMENT ON {target.upper()} {action.name}: no such {target} in the scripts")
    if target == "constraint":
        cname = action.name.last
        con = _find_constraint(obj, cname) if isinstance(obj, Table) else None
        if con is not None:
            con.attrs["comment"] = action.text
    else:
        obj.comment = action.text
    obj.parts.append(Part(loc, "comment", PARSED, None, stmt.index))
    return obj


def _extended_property(inv: Inventory, prop, stmt, loc: Location) -> SchemaObject | None:
    levels = dict(prop.levels)
    schema = levels.get("SCHEMA") or levels.get("USER")
    obj = None
    for kind in ("TABLE", "VIEW", "PROCEDURE", "FUNCTION", "SEQUENCE", "SYNONYM", "TYPE"):
        if kind in levels:
            lookup = "table" if kind == "VIEW" else kind.lower()
            obj = inv.lookup(lookup, schema, levels[kind])
            if obj is None:
                raise _Unresolved(f"extended property on {kind} {schema}.{levels[kind]}: no such object in the scripts")
            break
    if obj is None:
        if "SCHEMA" in levels and len(levels) == 1:
            obj = inv.lookup("schema", None, levels["SCHEMA"])
        if obj is None:
            inv.records[stmt.index].message = f"database-level property {prop.name}"
            return None
    description = prop.name.upper() == "MS_DESCRIPTION"
    sub = None
    for sub_kind in ("COLUMN", "INDEX", "CONSTRAINT", "TRIGGER", "PARAMETER"):
        if sub_kind in levels:
            sub = (sub_kind, levels[sub_kind])
    if sub is None:
        if description:
            obj.comment = prop.value
        else:
            obj.attrs.setdefault("extended_properties", {})[prop.name] = prop.value
    elif sub[0] == "COLUMN" and isinstance(obj, Table):
        col = obj.column(sub[1])
        if col is None:
            raise _Unresolved(f"extended property on column {obj.qname}.{sub[1]}: no such column")
        if description:
            col.comment = prop.value
        else:
            col.attrs.setdefault("extended_properties", {})[prop.name] = prop.value
    else:
        obj.attrs.setdefault("extended_properties", {})[f"{sub[0]} {sub[1]}: {prop.name}"] = prop.value
    obj.parts.append(Part(loc, "comment" if description else "extended property", PARSED, None, stmt.index))
    return obj
