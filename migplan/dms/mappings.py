"""DMS table mappings (aws_dms_sct.md §5): selection rules with load-order, transformation rules
for the target's identifier case and renames, table settings for LOBs and parallel load.

Selection rules use ``explicit`` (one named table each): with ``include``, an ``_`` in a name is a
one-character wildcard and would select other tables too (§5.1, §5.6 note).
Transformation rules: DMS applies ONE rule per object, the lowest rule-id wins (§5.3), so specific
renames get lower ids than the catch-all lower-casing rules and carry their final spelling.
"""

from __future__ import annotations

from migplan.model.schema import Table


def _indexes(plan):
    """Source object id -> converted object, and qualified name -> table: built once per plan
    (a plan with many waves asks for one mapping per wave)."""
    cached = plan.__dict__.get("_mapping_indexes")
    if cached is None:
        cached = plan.__dict__["_mapping_indexes"] = (
            {id(c.source): c for c in plan.a.conversion.objects}, {t.qname: t for t in plan.a.inventory.tables})
    return cached


def table_mappings(plan, tables: list | None = None, cdc: dict | None = None) -> dict:
    a = plan.a
    convs, by_qname = _indexes(plan)
    rules: list[dict] = []
    selected = tables if tables is not None else [t for w in plan.waves for t in w.tables]
    rid = 1
    for lt in sorted(selected, key=lambda t: (-t.load_order, t.qname)):
        t = by_qname[lt.qname]
        rules.append({"rule-type": "selection", "rule-id": str(rid), "rule-name": f"select-{rid}",
                      "object-locator": {"schema-name": t.schema or "%", "table-name": t.name},
                      "rule-action": "explicit", "load-order": str(lt.load_order)})
        rid += 1
    rename_rules, rid = _renames(a, selected, by_qname, convs, rid)
    rules += rename_rules
    if _needs_lowercase(a):
        base = rid  # after the renames: DMS applies the lowest rule-id that matches (§5.3)
        rid += 3
        rules += [
            {"rule-type": "transformation", "rule-id": str(base), "rule-name": "lowercase-schemas",
             "rule-target": "schema", "object-locator": {"schema-name": "%"}, "rule-action": "convert-lowercase"},
            {"rule-type": "transformation", "rule-id": str(base + 1), "rule-name": "lowercase-tables",
             "rule-target": "table", "object-locator": {"schema-name": "%", "table-name": "%"},
             "rule-action": "convert-lowercase"},
            {"rule-type": "transformation", "rule-id": str(base + 2), "rule-name": "lowercase-columns",
             "rule-target": "column", "object-locator": {"schema-name": "%", "table-name": "%", "column-name": "%"},
             "rule-action": "convert-lowercase"},
        ]
    cdc = cdc if cdc is not None else plan_cdc(plan)
    for lt in selected:
        t = by_qname[lt.qname]
        loc = {"schema-name": t.schema or "%", "table-name": t.name}
        if t.schema is None:
            continue  # table-settings rules need exact names (§5.4)
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
        if row is not None and row.lob_columns:
            size = row.lob_max_kb or 32
            rules.append({"rule-type": "table-settings", "rule-id": str(rid), "rule-name": f"lob-{rid}",
                          "object-locator": loc, "lob-settings": {"mode": "limited", "bulk-max-size": str(size)}})
            rid += 1
    return {"rules": rules}


def plan_cdc(plan) -> dict:
    from migplan.plan.cdc import readiness

    return {t.table: t for t in readiness(plan.a.inventory).tables}


def _needs_lowercase(a) -> bool:
    """Source names that are not all lower case but land lower case on the target."""
    for t in a.inventory.tables:
        if t.name != t.name.lower() or (t.schema and t.schema != t.schema.lower()) or \
                any(c.name != c.name.lower() for c in t.columns):
            return True
    return False


def _renames(a, selected, by_qname, convs, rid):
    """Rename rules for names the converter changed beyond lower-casing (shortened, made unique,
    schema renamed), with lower ids than the lower-casing rules."""
    rules = []
    schemas_done = set()
    for lt in selected:
        t: Table = by_qname[lt.qname]
        c = convs.get(id(t))
        if c is None or not c.statements:
            continue
        if t.schema and c.target_schema and c.target_schema != t.schema.lower() and t.schema not in schemas_done:
            rules.append({"rule-type": "transformation", "rule-id": str(rid), "rule-name": f"rename-schema-{rid}",
                          "rule-target": "schema", "object-locator": {"schema-name": t.schema},
                          "rule-action": "rename", "value": c.target_schema})
            schemas_done.add(t.schema)
            rid += 1
        if c.target_name != t.name.lower():
            rules.append(
                {
                    "rule-type": "transformation",
                    "rule-id": str(rid),
                    "rule-name": f"rename-table-{rid}",
                    "rule-target": "table",
                    "object-locator": {"schema-name": t.schema or "%", "table-name": t.name},
                    "rule-action": "rename",
                    "value": c.target_name,
                }
            )
            rid += 1
        table_stmt = c.statements[0]
        for col in t.columns:
            tn = _target_column(table_stmt, col.name)
            if tn is not None and tn != col.name.lower():
                rules.append(
                    {
                        "rule-type": "transformation",
                        "rule-id": str(rid),
                        "rule-name": f"rename-column-{rid}",
                        "rule-target": "column",
                        "object-locator": {
                            "schema-name": t.schema or "%",
                            "table-name": t.name,
                            "column-name": col.name,
                        },
                        "rule-action": "rename",
                        "value": tn,
                    }
                )
                rid += 1
    return rules, rid


def _target_column(table_stmt, source_name: str) -> str | None:
    cols = table_stmt.expect.get("columns", [])
    for col in cols:
        if col["name"].lower() == source_name.lower():
            return col["name"]
    return None


def apply_transformations(mappings: dict, schema: str | None, table: str, columns: list[str]):
    """What DMS would name a source table and its columns after these mappings (one action per
    object, lowest rule-id first) — used to check the names match the converted DDL."""
    import fnmatch

    def match(pattern, value):
        if value is None:
            return pattern == "%"
        regex = pattern.replace("%", "*").replace("_", "?")
        return fnmatch.fnmatchcase(value, regex)

    rules = sorted(
        (r for r in mappings["rules"] if r["rule-type"] == "transformation"), key=lambda r: int(r["rule-id"])
    )

    def apply(target, value, loc):
        for r in rules:
            if r["rule-target"] != target:
                continue
            ol = r["object-locator"]
            if not all(match(ol.get(k, "%"), loc.get(k)) for k in ol):
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
