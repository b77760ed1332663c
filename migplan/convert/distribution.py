"""Distribution style and sort key for each table on a target that has them (Amazon Redshift), each
with its reason.

What the recommendation reads, in this order of trust:
1. the source's own distribution clause (Teradata PRIMARY INDEX, Netezza DISTRIBUTE ON, Vertica
   SEGMENTED BY / UNSEGMENTED, Greenplum DISTRIBUTED BY / RANDOMLY / REPLICATED, SQL Server DW
   DISTRIBUTION = HASH / ROUND_ROBIN / REPLICATE);
2. the foreign-key joins between the tables of the scripts (the same edges the dependency graph
   draws): a dimension that facts join to, and the dominant join column of a fact;
3. table sizes, where the user gives them (``ConvertOptions.table_rows``);
4. for sort keys: the source's ordering clause (ORGANIZE ON, ORDER BY of a Vertica table),
   the partitioning column, then a date column.

Redshift facts: https://docs.aws.amazon.com/redshift/latest/dg/c_best-practices-best-dist-key.html
(ALL for small, slowly changing tables; KEY on the column of the most frequent large join; AUTO
otherwise), https://docs.aws.amazon.com/redshift/latest/dg/c_best-practices-sort-key.html
(the most recent data is queried most: sort on the timestamp; filter and join columns next).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from migplan.model.schema import Table

# a dimension up to this many rows is copied to every node (DISTSTYLE ALL)
SMALL_TABLE_ROWS = 3_000_000
_DATE_TYPES = ("DATE", "TIMESTAMP", "TIMESTAMPTZ", "DATETIME", "DATETIME2", "SMALLDATETIME",
               "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE")
# audit columns say when a row was written, not what it is about: a poor sort key
_AUDIT = re.compile(r"(^|_)(load|loaded|insert|inserted|update|updated|modified|created|etl|audit)(_|$|ts|at)", re.I)


@dataclass
class Recommendation:
    style: str  # ALL | KEY | EVEN | AUTO
    distkey: str | None = None  # source column name
    dist_reason: str = ""
    sortkey: list[str] = field(default_factory=list)  # source column names; [] = AUTO
    sort_reason: str = ""
    source_clause: str | None = None  # the source's own distribution clause, as written


@dataclass
class _Source:
    """What the source's DDL says about one table's distribution and ordering."""

    style: str | None = None  # KEY | ALL | EVEN | None (nothing said)
    columns: list[str] = field(default_factory=list)
    ordering: list[str] = field(default_factory=list)
    partition_columns: list[str] = field(default_factory=list)
    clause: str | None = None


def recommend(tables: list[Table], resolve, rows: dict[str, int] | None = None) -> dict[int, Recommendation]:
    """One recommendation per table (by ``id``). ``resolve(fk)`` gives the referenced Table of a
    foreign key, or None; ``rows`` maps a table's qualified name (any case) to its row count."""
    sizes = {k.upper(): v for k, v in (rows or {}).items()}
    source = {id(t): source_design(t) for t in tables}
    referenced_by: dict[int, list[tuple[Table, str, str]]] = {id(t): [] for t in tables}
    for t in tables:
        for fk in t.foreign_keys:
            ref = resolve(fk)
            if ref is not None and id(ref) in referenced_by and ref is not t and fk.columns:
                ref_col = fk.ref_columns[0] if fk.ref_columns else (ref.primary_key.columns[0]
                                                                     if ref.primary_key else fk.columns[0])
                referenced_by[id(ref)].append((t, fk.columns[0], ref_col))
    out: dict[int, Recommendation] = {}
    # facts first (the tables fewest others reference): a fact's key decides whether the dimension
    # it joins is co-located or copied
    order = sorted(tables, key=lambda t: (len(referenced_by[id(t)]), t.qname))
    for t in order:
        out[id(t)] = _distribution(t, source[id(t)], referenced_by, out, resolve, _rows(t, sizes), sizes)
    for t in tables:
        _sort(t, source[id(t)], out[id(t)])
    return out


def _rows(t: Table, sizes: dict[str, int]) -> int | None:
    for key in (t.qname.upper(), t.name.upper()):
        if key in sizes:
            return sizes[key]
    return None


def _distribution(t: Table, src: _Source, referenced_by, done: dict[int, Recommendation], resolve,
                  rows: int | None, sizes: dict[str, int]) -> Recommendation:
    rec = Recommendation("AUTO", source_clause=src.clause)
    joined = referenced_by[id(t)]
    if t.temporary:
        rec.dist_reason = "temporary table: AUTO"
        return rec
    if src.style == "ALL":
        rec.style, rec.dist_reason = "ALL", f"the source copies it to every node ({src.clause})"
        return rec
    small = rows is not None and rows <= SMALL_TABLE_ROWS
    if rows is not None and not small and src.style != "KEY" and not t.foreign_keys and joined:
        rec.dist_reason = f"{rows:,} rows is too large to copy to every node and no join column dominates: AUTO"
        return rec
    # a dimension a fact is distributed on: distribute it on the same key, the join is then local
    for fact, fk_col, ref_col in joined:
        fact_rec = done.get(id(fact))
        if fact_rec and fact_rec.style == "KEY" and fact_rec.distkey and fact_rec.distkey.upper() == fk_col.upper() \
                and not small:
            rec.style, rec.distkey = "KEY", ref_col
            rec.dist_reason = (f"{fact.qname} is distributed on {fk_col}, which joins {ref_col} here: "
                               "the same key makes that join local")
            return rec
    if src.style == "KEY" and src.columns and joined and (small or rows is None) and _is_own_key(t, src.columns):
        # hashing a dimension on its own key only spreads it (Teradata must hash every table on a
        # primary index): joins to it still move rows, a copy on every node does not
        names = sorted({f.qname for f, _, _ in joined})
        size = f"{rows:,} rows" if rows is not None else "size not given, assumed small"
        rec.style = "ALL"
        rec.dist_reason = (f"dimension joined by {len(joined)} foreign key(s) from {', '.join(names)} ({size}); the "
                           f"source only hashes it on its own key ({src.clause}): a copy on every node makes those "
                           "joins local")
        return rec
    if src.style == "KEY" and src.columns:
        col, why = _pick(t, src.columns, resolve)
        rec.style, rec.distkey = "KEY", col
        rec.dist_reason = f"the source distributes on {', '.join(src.columns)} ({src.clause}){why}"
        return rec
    if joined and not t.foreign_keys and (small or rows is None):
        size = f"{rows:,} rows" if rows is not None else "size not given, assumed small"
        names = sorted({f.qname for f, _, _ in joined})
        rec.style = "ALL"
        rec.dist_reason = (f"dimension joined by {len(joined)} foreign key(s) from {', '.join(names)} ({size}): "
                           "a copy on every node makes those joins local")
        return rec
    if src.style == "EVEN":
        rec.dist_reason = f"the source spreads rows evenly ({src.clause}): AUTO lets Redshift choose"
        return rec
    if t.foreign_keys:
        dominant, why = _dominant_join(t, referenced_by, resolve, sizes)
        if dominant:
            col = dominant
            rec.style, rec.distkey = "KEY", col
            rec.dist_reason = f"dominant join column {col}{why}"
            return rec
    rec.dist_reason = "no distribution clause in the source and no dominant join: AUTO"
    return rec


def _is_own_key(t: Table, columns: list[str]) -> bool:
    """The columns are the table's primary or a unique key."""
    want = [c.upper() for c in columns]
    keys = [k for k in t.constraints if k.kind in ("primary key", "unique")]
    return any([c.upper() for c in k.columns] == want for k in keys)


def _pick(t: Table, columns: list[str], resolve) -> tuple[str, str]:
    """Redshift distributes on one column: of a multi-column source key, the one that joins."""
    if len(columns) == 1:
        return columns[0], ""
    for fk in t.foreign_keys:
        for c in columns:
            if fk.columns and fk.columns[0].upper() == c.upper() and resolve(fk) is not None:
                return c, f"; Redshift distributes on one column: {c}, which joins {resolve(fk).qname}"
    return columns[0], f"; Redshift distributes on one column: the first, {columns[0]}"


def _dominant_join(t: Table, referenced_by, resolve, sizes: dict[str, int]) -> tuple[str | None, str]:
    """The foreign-key column of the join to the largest table it references: by known row count,
    else a dimension with its own foreign keys (snowflaked, so larger than the leaves, which are
    copied to every node), else the wider table; ties: the first key."""
    best = None
    for fk in t.foreign_keys:
        ref = resolve(fk)
        if ref is None or not fk.columns or ref is t:
            continue
        rows = _rows(ref, sizes)
        score = (rows if rows is not None else -1, len(ref.foreign_keys), len(ref.columns))
        if best is None or score > best[0]:
            best = (score, fk.columns[0], ref, rows)
    if best is None:
        return None, ""
    _score, col, ref, rows = best
    why = (f"{rows:,} rows" if rows is not None else
           "it has foreign keys of its own" if ref.foreign_keys else f"{len(ref.columns)} columns")
    return col, f": joins {ref.qname}, the largest table it references ({why})"


def _sort(t: Table, src: _Source, rec: Recommendation) -> None:
    if src.ordering:
        rec.sortkey = src.ordering
        rec.sort_reason = f"the source stores rows in this order ({_short(src.clause or '')})"
        return
    if src.partition_columns:
        rec.sortkey = src.partition_columns[:1]
        rec.sort_reason = "partitioning column in the source: zone maps on the sort key prune blocks as partitions did"
        return
    dates = [c for c in t.columns if c.type.base in _DATE_TYPES]
    preferred = [c for c in dates if not _AUDIT.search(c.name)] or dates
    if preferred:
        col = sorted(preferred, key=lambda c: (c.nullable, c.position))[0]
        rec.sortkey = [col.name]
        rec.sort_reason = "date column: recent-data and range filters skip blocks"
        return
    if rec.style == "KEY" and rec.distkey:
        rec.sortkey = [rec.distkey]
        rec.sort_reason = "join column: sorted on the distribution key, joins can merge"
        return
    rec.sort_reason = "no date, ordering or partitioning column: AUTO"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:77] + "..."


# -- the source's design --------------------------------------------------------------------------
_IDENT = r'"(?:[^"]|"")+"|\[[^\]]+\]|[\w$#@]+'
_COLS = re.compile(rf"\(\s*((?:{_IDENT})(?:\s*,\s*(?:{_IDENT}))*)\s*\)")


def _columns(text: str) -> list[str]:
    m = _COLS.search(text or "")
    if not m:
        return []
    return [c.strip().strip('"[]') for c in m.group(1).split(",")]


def source_design(t: Table) -> _Source:
    o = {k.upper(): v for k, v in t.options.items()}
    src = _Source()
    for key in ("UNIQUE PRIMARY INDEX", "PRIMARY INDEX"):  # Teradata
        if key in o:
            src.style, src.columns, src.clause = "KEY", _columns(o[key]), f"{key} {o[key]}"
    if "NO PRIMARY INDEX" in o:
        src.style, src.clause = "EVEN", "NO PRIMARY INDEX"
    if "DISTRIBUTE ON" in o:  # Netezza
        value = o["DISTRIBUTE ON"]
        src.clause = f"DISTRIBUTE ON {value}"
        if value.strip().upper() == "RANDOM":
            src.style = "EVEN"
        else:
            src.style, src.columns = "KEY", _columns(value)
    if "ORGANIZE ON" in o:
        src.ordering = _columns(o["ORGANIZE ON"])
        src.clause = " ".join(filter(None, [src.clause, f"ORGANIZE ON {o['ORGANIZE ON']}"]))
    if "DISTRIBUTED BY" in o:  # Greenplum
        by = o["DISTRIBUTED BY"]
        src.style, src.columns, src.clause = "KEY", _columns(by), f"DISTRIBUTED BY {by}"
    if "DISTRIBUTED RANDOMLY" in o:
        src.style, src.clause = "EVEN", "DISTRIBUTED RANDOMLY"
    if "DISTRIBUTED REPLICATED" in o:
        src.style, src.clause = "ALL", "DISTRIBUTED REPLICATED"
    if "SEGMENTED BY" in o:  # Vertica
        src.style, src.columns, src.clause = "KEY", _columns(o["SEGMENTED BY"]), f"SEGMENTED BY {o['SEGMENTED BY']}"
    if "UNSEGMENTED" in o:
        src.style, src.clause = "ALL", f"UNSEGMENTED {o['UNSEGMENTED']}".strip()
    if "ORDER BY" in o:
        src.ordering = [c.strip().strip('"') for c in o["ORDER BY"].split(",") if c.strip()]
        src.clause = " ".join(filter(None, [src.clause, f"ORDER BY {o['ORDER BY']}"]))
    if "DISTSTYLE" in o:  # Redshift itself (the Redshift -> Redshift optimization pair)
        style = o["DISTSTYLE"].upper()
        src.style = {"ALL": "ALL", "EVEN": "EVEN", "KEY": "KEY"}.get(style)
        src.clause = f"DISTSTYLE {style}"
    if "DISTKEY" in o:
        src.style, src.columns = "KEY", _columns(o["DISTKEY"])
        src.clause = " ".join(filter(None, [src.clause, f"DISTKEY {o['DISTKEY']}"]))
    for key in ("SORTKEY", "COMPOUND SORTKEY", "INTERLEAVED SORTKEY"):
        if key in o and _columns(o[key]):
            src.ordering = _columns(o[key])
            src.clause = " ".join(filter(None, [src.clause, f"{key} {o[key]}"]))
    with_ = o.get("WITH", "")  # SQL Server DW / Synapse: WITH (DISTRIBUTION = HASH(c), ...)
    m = re.search(r"DISTRIBUTION\s*=\s*(HASH\s*\([^)]*\)|ROUND_ROBIN|REPLICATE)", with_, re.I)
    if m:
        src.clause = f"DISTRIBUTION = {m.group(1)}"
        word = m.group(1).upper()
        if word.startswith("HASH"):
            src.style, src.columns = "KEY", _columns(m.group(1))
        else:
            src.style = "ALL" if word == "REPLICATE" else "EVEN"
    m = re.search(r"PARTITION\s*\(\s*(" + _IDENT + r")\s+RANGE", with_, re.I)
    if m:
        src.partition_columns = [m.group(1).strip('"[]')]
    if t.partitioning or "PARTITION BY" in o:
        src.partition_columns = src.partition_columns or _partition_columns(t.partitioning or o["PARTITION BY"])
    return src


def _partition_columns(text: str) -> list[str]:
    """The column a PARTITION BY clause ranges over: RANGE (col), LIST (col), RANGE_N(col BETWEEN ...),
    a Vertica expression over one column (EXTRACT(YEAR FROM col))."""
    m = re.search(r"RANGE_N\s*\(\s*(" + _IDENT + r")\s+BETWEEN", text, re.I)
    if m:
        return [m.group(1).strip('"')]
    m = re.search(r"(?:RANGE|LIST|HASH)\s*(?:COLUMNS\s*)?\(\s*(" + _IDENT + r")\s*[,)]", text, re.I)
    if m:
        return [m.group(1).strip('"`[]')]
    m = re.search(r"\bFROM\s+(" + _IDENT + r")\s*\)", text, re.I)  # EXTRACT(... FROM col)
    if m:
        return [m.group(1).strip('"')]
    return []
