"""CDC readiness: the source engine's prerequisites as a checklist with the exact statements to
run, and per table what DMS will do with it in CDC (keys, LOBs, types it cannot move).

The per-engine facts are data (``migplan/data/cdc.toml``); the per-table rows reuse DMS's own
premigration assessment keys (aws_dms_sct.md §7.0).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pandas as pd

from migplan.model.schema import Table

# Declared maximum sizes of LOB types, in KB, where the type says it (MySQL); others are unbounded.
_LOB_KB = {"TINYTEXT": 0.25, "TINYBLOB": 0.25, "TEXT": 64, "BLOB": 64, "MEDIUMTEXT": 16384, "MEDIUMBLOB": 16384}
LOB_MAX_KB = 102400  # LobMaxSize maximum (aws_dms_sct.md §6.1)
DEFAULT_LOB_KB = 32


@dataclass
class TableReadiness:
    table: str
    key: str  # "primary key" | "unique" | "none"
    key_columns: list[str]
    lob_columns: list[str]
    lob_mode: str
    lob_max_kb: int | None
    unsupported: list[str]
    statement: str
    dms_keys: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class CdcReadiness:
    engine: str
    checks: list[dict]
    tables: list[TableReadiness]
    keyless_behaviour: str

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "table": t.table, "key": t.key, "lob_columns": ", ".join(t.lob_columns), "lob_mode": t.lob_mode,
            "lob_max_kb": t.lob_max_kb, "unsupported_types": ", ".join(t.unsupported), "statement": t.statement,
            "dms_assessment": ", ".join(t.dms_keys), "note": t.note,
        } for t in self.tables])

    def checklist_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.checks)

    @property
    def lob_max_kb(self) -> int:
        sizes = [t.lob_max_kb for t in self.tables if t.lob_max_kb]
        return min(max(sizes), LOB_MAX_KB) if sizes else DEFAULT_LOB_KB

    def markdown(self) -> str:
        out = [f"## CDC readiness: {self.engine}", "", "| check | read | change (self-managed) | change (RDS) | ref |",
               "|---|---|---|---|---|"]
        for c in self.checks:
            out.append(f"| {c['name']} | `{c['check']}` | `{c['fix']}` | {c['rds']} | {c['ref']} |")
        out += ["", f"Tables without a primary or unique key: {self.keyless_behaviour}.", ""]
        out += [
            "| table | key | LOB columns | LOB mode | types DMS cannot move | statement |",
            "|---|---|---|---|---|---|",
        ]
        for t in self.tables:
            out.append(f"| `{t.table}` | {t.key} | {', '.join(t.lob_columns) or '-'} | {t.lob_mode} | "
                       f"{', '.join(t.unsupported) or '-'} | `{t.statement}` |" if t.statement else
                       f"| `{t.table}` | {t.key} | {', '.join(t.lob_columns) or '-'} | {t.lob_mode} | "
                       f"{', '.join(t.unsupported) or '-'} | - |")
        return "\n".join(out) + "\n"


@lru_cache(maxsize=1)
def _data() -> dict:
    return tomllib.loads(resources.files("migplan.data").joinpath("cdc.toml").read_text("utf-8"))


# Types DMS does not move from each source (aws_dms_sct.md §7.1, §7.2, §7.4); replicated as NULL or skipped.
UNSUPPORTED = {
    "oracle": {"BFILE", "ROWID", "UROWID", "REF", "ANYDATA", "SYS.ANYDATA"},
    "sqlserver": {"CURSOR", "SQL_VARIANT", "TABLE"},
    "postgresql": set(),
    "mysql": set(),
}


def readiness(inv, target_family: str | None = None) -> CdcReadiness:
    family = inv.engine.family
    data = _data().get(family, {})
    checks = [dict(c) for c in data.get("check", [])]
    table_sql = data.get("table", {})
    rows = []
    for t in inv.tables:
        if t.temporary:
            rows.append(TableReadiness(t.qname, "-", [], [], "-", None, [], "", [],
                                       "temporary table: DMS neither loads nor captures it"))
            continue
        rows.append(_table_row(t, inv, family, table_sql))
    return CdcReadiness(inv.engine.display, checks, rows, data.get("keyless", "see the DMS source documentation"))


def _table_row(t: Table, inv, family: str, table_sql: dict) -> TableReadiness:
    pk = t.primary_key
    uniques = [c for c in t.unique_keys if all(not (t.column(x) and t.column(x).nullable) for x in c.columns)] \
        or t.unique_keys
    if pk:
        key, cols, group = "primary key", pk.columns, pk.name or ""
    elif uniques:
        key, cols, group = "unique", uniques[0].columns, uniques[0].name or f"{t.name}_uk"
    else:
        key, cols, group = "none", [], ""
    lobs = [c for c in t.columns if c.is_lob]
    declared = [_declared_kb(c) for c in lobs]
    lob_kb = None
    if lobs:
        known = [d for d in declared if d is not None]
        lob_kb = int(min(max(known) * 3, LOB_MAX_KB)) if known and len(known) == len(declared) else None
    unsupported = [f"{c.name} {c.source_type}" for c in t.columns if c.type.base in UNSUPPORTED.get(family, set())]
    dms_keys = []
    if key == "none":
        dms_keys.append("table-with-no-primary-key-or-unique-constraint")
        if lobs:
            dms_keys.append("table-with-lob-but-without-primary-key-or-unique-constraint")
    if unsupported:
        dms_keys.append("unsupported-data-types-in-source")
    template = table_sql.get({"primary key": "primary", "unique": "unique", "none": "none"}[key], "")
    stmt = template.format(table=t.qname, schema=t.schema or "", name=t.name, columns=", ".join(cols),
                           group=(group or f"{t.name}_lg")[:30]) if template else ""
    note = ""
    if lobs:
        mode = "limited" if lob_kb is not None else "limited (size unknown)"
        note = (f"LobMaxSize {lob_kb} KB covers the declared sizes (x3 for DMS's binary form)" if lob_kb else
                f"LOB sizes are not declared: measure the largest value (MAX(LENGTH(col))) and set LobMaxSize; "
                f"the default {DEFAULT_LOB_KB} KB truncates longer values")
        if key == "none":
            mode = "LOBs need a key for CDC"
    else:
        mode = "-"
    return TableReadiness(t.qname, key, list(cols), [c.name for c in lobs], mode, lob_kb, unsupported, stmt,
                          dms_keys, note)


def _declared_kb(col) -> float | None:
    base = col.type.base
    if base in _LOB_KB:
        return _LOB_KB[base]
    return None
