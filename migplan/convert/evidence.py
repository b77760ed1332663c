"""Evidence that an Oracle ``NUMBER`` column without precision holds whole numbers only.

``NUMBER`` alone can hold any value up to 38 digits, so the safe target type is ``numeric``
(TYP001). Users expect integer keys where the scripts prove it (the SCT option "convert NUMBER
primary/foreign key columns to BIGINT" without the guess). The proof, per key column:

- it is fed by a sequence: ``DEFAULT seq.NEXTVAL``, a trigger that sets ``:NEW.col`` from
  ``seq.NEXTVAL``, or an INSERT that writes ``seq.NEXTVAL`` into it;
- it is a foreign key to a column with evidence (followed through chains of keys);
- every value the scripts' INSERT statements write into it is a whole number within bigint.

The result maps (table qualified name upper-cased, column upper-cased) -> the evidence in words.
"""

from __future__ import annotations

import re

from migplan.ingest.lexer import code_text, lexer_for
from migplan.model.schema import Routine, Table

BIGINT = 2 ** 63 - 1
_NAME = r'(?:"[^"]+"|[\w$#]+)'
_SEQ = rf"(?:{_NAME}\s*\.\s*)?({_NAME})\s*\.\s*NEXTVAL\b"
_DEFAULT_SEQ = re.compile(rf"^\s*\(?\s*{_SEQ}\s*\)?\s*$", re.I)
_TRIGGER_ASSIGN = re.compile(rf":NEW\s*\.\s*({_NAME})\s*:=\s*{_SEQ}", re.I)
_TRIGGER_SELECT = re.compile(rf"\bSELECT\s+{_SEQ}\s+INTO\s+:NEW\s*\.\s*({_NAME})", re.I)
_INSERT_ANYWHERE = re.compile(rf"\bINSERT\s+INTO\s+({_NAME}(?:\s*\.\s*{_NAME})?)\s*(\([^()]*\))?\s*VALUES\s*\(",
                              re.I)
# Oracle types that mean "a decimal number of unstated size" or NUMBER(38,0)
WHOLE_OR_UNSIZED = frozenset({"NUMBER", "NUMERIC", "DECIMAL", "DEC", "INTEGER", "INT", "SMALLINT"})

Evidence = dict[tuple[str, str], str]


def _bare(name: str) -> str:
    name = name.strip()
    return name[1:-1] if name.startswith('"') else name.upper()


def candidate(col) -> bool:
    """Columns the evidence can narrow: whole-or-unsized decimals without precision."""
    return col.type.base in WHOLE_OR_UNSIZED and not col.type.params and col.computed is None


def number_key_evidence(inv) -> Evidence:
    if inv.engine.family != "oracle":
        return {}
    tables = {t.qname.upper(): t for t in inv.tables}
    keys: dict[tuple[str, str], Table] = {}
    for t in tables.values():
        for con in t.constraints:
            if con.kind in ("primary key", "unique", "foreign key"):
                for c in con.columns:
                    col = t.column(c)
                    if col is not None and candidate(col):
                        keys[(t.qname.upper(), col.name.upper())] = t
    if not keys:
        return {}
    found: Evidence = {}
    for (tq, cq), t in keys.items():
        col = t.column(cq)
        m = _DEFAULT_SEQ.match(col.default or "") if col is not None else None
        if m:
            found[(tq, cq)] = f"its default is {_bare(m.group(1))}.NEXTVAL"
    for obj in inv.objects:
        if isinstance(obj, Routine) and obj.kind == "trigger" and obj.table_name:
            _trigger(obj, inv, keys, found)
    values = _insert_values(inv, tables, keys, found)
    for key, (n, whole) in sorted(values.items()):
        if key not in found and n and whole:
            found[key] = f"all {n} values the scripts insert are whole numbers within bigint"
    _follow_foreign_keys(tables, keys, found)
    return found


def _trigger(trg: Routine, inv, keys: dict, found: Evidence) -> None:
    table = inv.lookup("table", trg.table_schema, trg.table_name)
    if not isinstance(table, Table):
        return
    body = code_text(trg.body or trg.source, "oracle")
    hits = [(m.group(1), m.group(2)) for m in _TRIGGER_ASSIGN.finditer(body)]
    hits += [(m.group(2), m.group(1)) for m in _TRIGGER_SELECT.finditer(body)]
    for col_name, seq in hits:
        key = (table.qname.upper(), _bare(col_name).upper())
        if key in keys and key not in found:
            found[key] = f"trigger {trg.qname} sets it from {_bare(seq)}.NEXTVAL"


def _insert_values(inv, tables: dict[str, Table], keys: dict, found: Evidence) -> dict:
    """(table, column) -> (values seen, all whole numbers within bigint); sequence inserts are
    recorded in ``found`` directly. Routine bodies count for sequences only (their values are
    variables)."""
    wanted = {tq for tq, _ in keys}
    seen: dict[tuple[str, str], tuple[int, bool]] = {}
    # data statements, and anonymous blocks (Oracle's sample scripts insert their rows in BEGIN ... END)
    scripts = sorted({i for i, _t, _v in inv.data} | {r.index for r in inv.records if r.disposition == "block"})
    for stmt_index in scripts:
        text = code_text(inv.statements[stmt_index].text, "oracle")
        if "INSERT" not in text.upper():
            continue
        for m in _INSERT_ANYWHERE.finditer(text):
            _one_insert(m, text, inv, tables, wanted, keys, found, seen, literal_values=True)
    for obj in inv.objects:
        if isinstance(obj, Routine) and obj.body and "NEXTVAL" in obj.body.upper():
            body = code_text(obj.body, "oracle")
            for m in _INSERT_ANYWHERE.finditer(body):
                _one_insert(m, body, inv, tables, wanted, keys, found, seen, literal_values=False)
    return seen


def _one_insert(m, text, inv, tables, wanted, keys, found, seen, literal_values: bool) -> None:
    parts = [_bare(p) for p in re.split(r"\s*\.\s*", m.group(1))]
    table = inv.lookup("table", parts[0] if len(parts) > 1 else None, parts[-1])
    if not isinstance(table, Table) or table.qname.upper() not in wanted:
        return
    if m.group(2):
        columns = [_bare(c).upper() for c in m.group(2)[1:-1].split(",")]
    else:
        columns = [c.name.upper() for c in table.columns]
    values = _values(text, m.end())
    if values is None or len(values) != len(columns):
        return
    tq = table.qname.upper()
    for col, value in zip(columns, values):
        key = (tq, col)
        if key not in keys:
            continue
        seq = re.fullmatch(_SEQ, value, re.I)
        if seq:
            found.setdefault(key, f"the scripts insert {_bare(seq.group(1))}.NEXTVAL into it")
            continue
        if not literal_values:
            continue
        n, whole = seen.get(key, (0, True))
        if value.upper() == "NULL":
            continue
        seen[key] = (n + 1, whole and _whole(value))


def _whole(value: str) -> bool:
    text = value.replace(" ", "")
    if not re.fullmatch(r"[+-]?\d+", text):
        return False
    return abs(int(text)) <= BIGINT


def _values(text: str, start: int) -> list[str] | None:
    """The comma-separated items of the VALUES list whose '(' ends just before ``start``."""
    depth, items, begin = 0, [], start
    for kind, a, b in lexer_for("oracle").tokens(text, start):
        if kind != "punct":
            continue
        ch = text[a:b]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                items.append(text[begin:a].strip())
                return items
            depth -= 1
        elif ch == "," and depth == 0:
            items.append(text[begin:a].strip())
            begin = b
    return None


def _follow_foreign_keys(tables: dict[str, Table], keys: dict, found: Evidence) -> None:
    changed = True
    while changed:  # chains of keys: a key to a key to a sequence-fed key
        changed = False
        for tq, t in sorted(tables.items()):
            for con in t.foreign_keys:
                ref = tables.get((con.ref_qname or "").upper())
                if ref is None:
                    continue
                ref_cols = con.ref_columns or (ref.primary_key.columns if ref.primary_key else [])
                for c, rc in zip(con.columns, ref_cols):
                    key, ref_key = (tq, c.upper()), (ref.qname.upper(), rc.upper())
                    if key in keys and key not in found and ref_key in found:
                        found[key] = f"it references {ref.qname}.{rc} ({found[ref_key]})"
                        changed = True
