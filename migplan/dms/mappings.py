"""DMS table mappings: selection rules with load-order, transformation rules that land every table
exactly where the converted DDL creates it, table settings for LOBs and parallel load.

Pages (migplan/data/dms.toml): selection rules, wildcards, transformation rules.

- Selection rules are ``explicit``: each names exactly one source table by its exact schema and
  name, never a ``%`` or ``_`` wildcard. A table whose schema the scripts never say cannot be
  named, so the mappings are refused with a message saying which input is missing
  (:class:`MissingSourceSchema`) rather than guessed.
- Schema agreement holds by construction: every selected source schema gets a ``rename`` rule to
  the exact schema the converted DDL creates its tables in, whatever DMS would pick by default.
- DMS applies ONE transformation per object, the lowest rule-id that matches, and in a
  transformation's object-locator ``%`` and ``_`` are wildcards. So a rename written for
  ``ORDER_ITEMS`` also matches ``ORDERXITEMS``: every other selected object such a pattern
  matches gets its own exact rule, and rules are ordered so that a more specific one comes first.
  The catch-all lower-casing rules come after all of them.
"""

from __future__ import annotations

import re
from collections import defaultdict

from migplan.errors import MigplanError
from migplan.model.schema import Table
from migplan.quoting import one_line


class MissingSourceSchema(MigplanError):
    """Tables whose source schema the scripts do not say: DMS needs it to select them."""

    def __init__(self, tables: list, engine_family: str):
        self.tables = tables
        first = tables[0]
        hint = _SCHEMA_HINTS.get(engine_family, "the schema the scripts ran in")
        super().__init__(
            f"{len(tables)} table(s) have no schema in the scripts (first: {one_line(first.name)} at "
            f"{one_line(first.location)}): "
            "DMS selection rules name each table by its exact source schema. Give it as an input: "
            "default_schema=NAME (command line: --default-schema NAME), where NAME is "
            f"{hint}; or put the statement that sets it (USE, CONNECT, ALTER SESSION SET CURRENT_SCHEMA, "
            "SET search_path) in the scripts. The DMS artifacts are not written until then.")


_SCHEMA_HINTS = {
    "mysql": "the MySQL database the scripts were run in (the name after USE, or given to mysql on the command line)",
    "sqlserver": "the default schema of the login that ran the scripts (dbo unless it was changed)",
    "oracle": "the user (schema) the scripts were run as",
    "postgresql": "the first schema of the search_path the scripts ran with (public unless it was changed)",
    "db2": "the CURRENT SCHEMA the scripts ran with (the connecting user unless it was set)",
}


def missing_schema(plan) -> list:
    """Selected source tables without a schema."""
    _, by_qname = _indexes(plan)
    return [by_qname[lt.qname] for w in plan.waves for lt in w.tables if by_qname[lt.qname].schema is None]


def _indexes(plan):
    """Source object id -> converted object, and qualified name -> table: built once per plan
    (a plan with many waves asks for one mapping per wave)."""
    cached = plan.__dict__.get("_mapping_indexes")
    if cached is None:
        cached = plan.__dict__["_mapping_indexes"] = (
            {id(c.source): c for c in plan.inputs.conversion.objects},
            {t.qname: t for t in plan.inputs.inventory.tables})
    return cached


def table_mappings(plan, tables: list | None = None, cdc: dict | None = None) -> dict:
    a = plan.inputs
    convs, by_qname = _indexes(plan)
    selected = tables if tables is not None else [t for w in plan.waves for t in w.tables]
    missing = [by_qname[lt.qname] for lt in selected if by_qname[lt.qname].schema is None]
    if missing:
        raise MissingSourceSchema(missing, a.source.family)
    rules: list[dict] = []
    rid = 1
    for lt in sorted(selected, key=lambda t: (-t.load_order, t.qname)):
        t = by_qname[lt.qname]
        rules.append({"rule-type": "selection", "rule-id": str(rid), "rule-name": f"select-{rid}",
                      "object-locator": {"schema-name": t.schema, "table-name": t.name},
                      "rule-action": "explicit", "load-order": str(lt.load_order)})
        rid += 1
    lower = _needs_lowercase(a)
    for target, locator, value in _renames(selected, by_qname, convs, lower):
        names = {"schema": "schema", "table": "table", "column": "column"}
        rules.append({"rule-type": "transformation", "rule-id": str(rid), "rule-name": f"rename-{names[target]}-{rid}",
                      "rule-target": target, "object-locator": locator, "rule-action": "rename", "value": value})
        rid += 1
    if lower:  # after every rename: DMS applies the lowest rule-id that matches
        rules += [
            {"rule-type": "transformation", "rule-id": str(rid), "rule-name": "lowercase-tables",
             "rule-target": "table", "object-locator": {"schema-name": "%", "table-name": "%"},
             "rule-action": "convert-lowercase"},
            {"rule-type": "transformation", "rule-id": str(rid + 1), "rule-name": "lowercase-columns",
             "rule-target": "column", "object-locator": {"schema-name": "%", "table-name": "%", "column-name": "%"},
             "rule-action": "convert-lowercase"},
        ]
        rid += 2
    cdc = cdc if cdc is not None else plan_cdc(plan)
    for lt in selected:
        t = by_qname[lt.qname]
        loc = {"schema-name": t.schema, "table-name": t.name}  # exact names: no wildcards here
        if (
            lt.parallel
            and lt.parallel.get("type")
            and (lt.parallel["type"] != "ranges" or lt.parallel.get("boundaries"))
        ):
            setting = {k: v for k, v in lt.parallel.items() if k != "note"}
            rules.append({"rule-type": "table-settings", "rule-id": str(rid), "rule-name": f"parallel-{rid}",
                          "object-locator": loc, "parallel-load": setting})
            rid += 1
        row = cdc.get(t.qname)
        # LOB table settings only for tables with a key: DMS needs a primary or unique key to
        # look LOBs up (keyless tables keep the task's limited LOB mode; cdc_readiness says so)
        if row is not None and row.lob_columns and row.key != "none":
            size = row.lob_max_kb or 32
            rules.append({"rule-type": "table-settings", "rule-id": str(rid), "rule-name": f"lob-{rid}",
                          "object-locator": loc, "lob-settings": {"mode": "limited", "bulk-max-size": str(size)}})
            rid += 1
    return {"rules": rules}


def plan_cdc(plan) -> dict:
    from migplan.plan.cdc import readiness

    return {t.table: t for t in readiness(plan.inputs.inventory, stats=plan.stats).tables}


def _needs_lowercase(a) -> bool:
    """Source table or column names that are not all lower case (the converter lower-cases them)."""
    return any(t.name != t.name.lower() or any(c.name != c.name.lower() for c in t.columns)
               for t in a.inventory.tables)


def _renames(selected, by_qname, convs, lower: bool) -> list[tuple[str, dict, str]]:
    """(rule-target, object-locator, value) for every rename, in rule-id order."""
    schema_final: dict[tuple, str] = {}
    table_final: dict[tuple, str] = {}
    column_final: dict[tuple, str] = {}
    renamed: dict[tuple, str] = {}  # the objects that need a rule of their own
    for lt in selected:
        t: Table = by_qname[lt.qname]
        c = convs.get(id(t))
        target_schema = c.target_schema if c is not None and c.statements else None
        # every schema gets an exact rule, so DMS writes where the DDL creates (schema agreement)
        schema_final[(t.schema,)] = target_schema or schema_final.get((t.schema,)) or t.schema or ""
        renamed[(t.schema,)] = schema_final[(t.schema,)]
        default_table = t.name.lower() if lower else t.name
        table_final[(t.schema, t.name)] = c.target_name if c is not None and c.statements else default_table
        if table_final[(t.schema, t.name)] != default_table:
            renamed[(t.schema, t.name)] = table_final[(t.schema, t.name)]
        stmt = c.statements[0] if c is not None and c.statements else None
        for col in t.columns:
            default_col = col.name.lower() if lower else col.name
            target = _target_column(stmt, col.name) if stmt is not None else None
            column_final[(t.schema, t.name, col.name)] = target or default_col
            if target is not None and target != default_col:
                renamed[(t.schema, t.name, col.name)] = target
    final = {**schema_final, **table_final, **column_final}
    keys = _close_over_wildcards(renamed, final)
    ordered = _specific_first(keys)
    out = []
    for key in ordered:
        target = ("schema", "table", "column")[len(key) - 1]
        locator = dict(zip(("schema-name", "table-name", "column-name"), key, strict=False))
        out.append((target, locator, final[key]))
    return out


def _close_over_wildcards(renamed: dict[tuple, str], final: dict[tuple, str]) -> list[tuple]:
    """The objects that need an exact rule: those renamed, plus every selected object that a
    renamed object's pattern (with its ``_`` or ``%``) would also match, transitively."""
    universe = defaultdict(list)
    for key in final:
        universe[len(key)].append(key)
    need = dict.fromkeys(renamed)
    todo = list(renamed)
    while todo:
        key = todo.pop()
        if not _has_wildcard(key):
            continue
        for other in _matches(key, universe[len(key)]):
            if other not in need:
                need[other] = None
                todo.append(other)
    return sorted(need, key=lambda k: (len(k), k))


def _specific_first(keys: list[tuple]) -> list[tuple]:
    """Order rules so that when one rule's pattern matches another rule's object, the other rule
    (the exact one for that object) comes first. Patterns made of ``_`` alone cannot match each
    other both ways, so this order exists; ``%`` in real names could make a cycle: then refuse."""
    by_len = defaultdict(list)
    for k in keys:
        by_len[len(k)].append(k)
    before: dict[tuple, set] = {k: set() for k in keys}  # k -> rules that must precede k
    for k in keys:
        if _has_wildcard(k):
            for other in _matches(k, by_len[len(k)]):
                before[k].add(other)
    out: list[tuple] = []
    done: set[tuple] = set()
    pending = list(keys)
    while pending:
        ready = [k for k in pending if before[k] <= done]
        if not ready:
            names = ", ".join(".".join(k) for k in pending[:5])
            raise MigplanError(f"DMS transformation rules cannot be ordered for names that match each other as "
                               f"wildcard patterns: {names}; rename them on the source or write these rules by hand")
        for k in ready:
            out.append(k)
            done.add(k)
        pending = [k for k in pending if k not in done]
    return out


def _has_wildcard(key: tuple) -> bool:
    return any("%" in part or "_" in part for part in key)


_PATTERNS: dict[str, re.Pattern] = {}


def _pattern(text: str) -> re.Pattern:
    p = _PATTERNS.get(text)
    if p is None:
        body = "".join(".*" if ch == "%" else "." if ch == "_" else re.escape(ch) for ch in text)
        p = _PATTERNS[text] = re.compile(body, re.DOTALL)
    return p


def matches(pattern: str, value: str | None) -> bool:
    """DMS object-locator matching: ``%`` any run of characters, ``_`` exactly one."""
    if value is None:
        return pattern == "%"
    return _pattern(pattern).fullmatch(value) is not None


def _matches(key: tuple, universe: list[tuple]) -> list[tuple]:
    return [other for other in universe if other != key and all(matches(p, v) for p, v in zip(key, other))]


def _target_column(table_stmt, source_name: str) -> str | None:
    cols = table_stmt.expect.get("columns", [])
    for col in cols:
        if col["name"].lower() == source_name.lower():
            return col["name"]
    return None


def apply_transformations(mappings: dict, schema: str | None, table: str, columns: list[str]):
    """What DMS would name a source table and its columns after these mappings (one action per
    object, lowest rule-id first) — used to check the names match the converted DDL."""
    rules = sorted(
        (r for r in mappings["rules"] if r["rule-type"] == "transformation"), key=lambda r: int(r["rule-id"])
    )

    def apply(target, value, loc):
        for r in rules:
            if r["rule-target"] != target:
                continue
            ol = r["object-locator"]
            if not all(matches(ol[k], loc.get(k)) for k in ol):
                continue
            if r["rule-action"] == "rename":
                return r["value"]
            if r["rule-action"] == "convert-lowercase":
                return value.lower() if value else value
            if r["rule-action"] == "convert-uppercase":
                return value.upper() if value else value
            return value
        return value

    new_schema = apply("schema", schema, {"schema-name": schema}) if schema else None
    new_table = apply("table", table, {"schema-name": schema, "table-name": table})
    new_cols = [apply("column", c, {"schema-name": schema, "table-name": table, "column-name": c}) for c in columns]
    return new_schema, new_table, new_cols
