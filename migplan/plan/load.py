"""Full-load ordering, load waves and duration estimates.

DMS ``load-order`` only orders when tables *start* loading; with more than one sub-task nothing
waits for a parent to finish (aws_dms_sct.md §5.1, §10 item 11). So by default the plan loads
with foreign keys absent. When foreign keys must be present during the load, tables are grouped
into waves by topological generation of the foreign-key graph (parents first) and each wave is a
task of its own (or one task with MaxFullLoadSubTasks=1), which costs parallelism.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from migplan.model.stats import StatsProblem, TableStats

DEFAULT_THROUGHPUT_MB_S = 10.0  # per load stream; an assumption to replace with a proof-of-concept figure (§8.4)
DEFAULT_PARALLEL_THRESHOLD_GB = 10.0
DEFAULT_SUBTASKS = 8  # MaxFullLoadSubTasks default (§6.2); max 49


@dataclass
class LoadTable:
    key: str  # graph node key of the source table
    qname: str  # source qualified name
    stats: TableStats = field(default_factory=TableStats)
    wave: int = 0
    load_order: int = 0
    parallel: dict | None = None  # DMS parallel-load table setting, when the table is big


@dataclass
class Wave:
    number: int
    tables: list[LoadTable]
    minutes: float | None = None

    @property
    def bytes(self) -> int:
        return sum(t.stats.bytes or 0 for t in self.tables)


# The one CSV shape table statistics come in (`migplan stats-query -s ENGINE` prints the query that
# writes it; a live source gives the same figures). One row per table; a row that names a `column`
# gives that LOB column's largest value, a row that names a `partition` gives that partition's size.
STATS_COLUMNS = ("schema", "table", "partition", "column", "rows", "bytes", "lob_bytes", "max_lob_bytes",
                 "min_key", "max_key")
_WHOLE = ("rows", "bytes", "lob_bytes", "max_lob_bytes")


def read_table_stats(source) -> dict[str, TableStats]:
    """Table statistics by upper-cased 'SCHEMA.TABLE' (or 'TABLE'); rows that cannot be read are left
    out (read_table_stats_checked says which and why)."""
    return read_table_stats_checked(source)[0]


def read_table_stats_checked(source) -> tuple[dict[str, TableStats], list[StatsProblem]]:
    """A CSV path (columns of STATS_COLUMNS, ``schema`` and everything but ``table`` optional), a
    DataFrame or a list of row dicts of the same shape, or a dict 'SCHEMA.TABLE' -> TableStats or
    field dict. Bad rows become problems with their file and line, and the rest is read."""
    if source is None:
        return {}, []
    if isinstance(source, dict):
        return {k.upper(): (v if isinstance(v, TableStats) else TableStats(**v)) for k, v in source.items()}, []
    name = "table_stats"
    if isinstance(source, (str, Path)):
        name = str(source)
        with open(source, newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = list(reader.fieldnames or [])
            rows = [(reader.line_num, r) for r in reader]
    else:
        records = source.to_dict("records") if hasattr(source, "to_dict") else list(source)
        header = list(records[0]) if records else list(STATS_COLUMNS)
        rows = [(n, r) for n, r in enumerate(records, 2)]  # as if line 1 were the header
    problems: list[StatsProblem] = []
    header = [str(h).strip().lower() for h in header]
    unknown = [h for h in header if h not in STATS_COLUMNS]
    if unknown:
        problems.append(StatsProblem(name, 1, f"unknown column(s) {', '.join(unknown)} ignored; the columns are "
                                     f"{','.join(STATS_COLUMNS)}"))
    if "table" not in header:
        problems.append(StatsProblem(name, 1, "no 'table' column: nothing read"))
        return {}, problems
    out: dict[str, TableStats] = {}
    for line, raw in rows:
        row = {str(k).strip().lower(): ("" if v is None or v != v else str(v).strip()) for k, v in raw.items()
               if k is not None}
        try:
            _read_row(row, out)
        except ValueError as err:
            problems.append(StatsProblem(name, line, f"{err}; row left out"))
    return out, problems


def _name(text: str) -> str:
    """A name as written by a spreadsheet-safe CSV (migplan.escape.csv_cell) read back."""
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@", "\t", "\r") else text


def _read_row(row: dict[str, str], out: dict[str, TableStats]) -> None:
    for key in ("schema", "table", "partition", "column"):
        if row.get(key):
            row[key] = _name(row[key])
    table = row.get("table", "")
    if not table:
        raise ValueError("no table name")
    key = (f"{row['schema']}.{table}" if row.get("schema") else table).upper()
    values = {f: _whole(row, f) for f in _WHOLE}
    low, high = _number(row, "min_key"), _number(row, "max_key")
    if low is not None and high is not None and low > high:
        raise ValueError(f"min_key {row['min_key']} is above max_key {row['max_key']}")
    if row.get("column"):
        if values["max_lob_bytes"] is None:
            raise ValueError(f"column {row['column']} without max_lob_bytes")
        st = out.setdefault(key, TableStats())
        st.max_lob_bytes[row["column"]] = values["max_lob_bytes"]
        if values["lob_bytes"] is not None:  # a column's share of the table's LOB bytes
            st.lob_bytes = (st.lob_bytes or 0) + values["lob_bytes"]
        return
    if row.get("partition"):
        if values["bytes"] is None:
            raise ValueError(f"partition {row['partition']} without bytes")
        out.setdefault(key, TableStats()).partitions[row["partition"]] = values["bytes"]
        return
    st = out.setdefault(key, TableStats())
    # a table's figures may come in several rows (sizes, then its key range): each figure once
    new = {"rows": values["rows"], "bytes": values["bytes"], "lob_bytes": values["lob_bytes"], "min_key": low,
           "max_key": high}
    twice = [f for f, v in new.items() if v is not None and getattr(st, f) is not None]
    if twice:
        raise ValueError(f"{key}: {', '.join(twice)} given twice (the first is kept)")
    for f, v in new.items():
        if v is not None:
            setattr(st, f, v)


def stats_rows(stats: dict[str, TableStats]) -> list[dict]:
    """Statistics as rows of the CSV shape read_table_stats reads (the table, then its LOB columns
    and partitions), sorted: the file a live run writes beside its DDL for offline runs."""
    out = []
    for key in sorted(stats):
        st = stats[key]
        schema, _, table = key.rpartition(".")
        base = dict.fromkeys(STATS_COLUMNS, None) | {"schema": schema or None, "table": table}
        out.append(base | {"rows": st.rows, "bytes": st.bytes, "lob_bytes": st.lob_bytes,
                           "min_key": _plain(st.min_key), "max_key": _plain(st.max_key)})
        out += [base | {"column": c, "max_lob_bytes": v} for c, v in sorted(st.max_lob_bytes.items())]
        out += [base | {"partition": p, "bytes": v} for p, v in sorted(st.partitions.items())]
    return out


def _plain(value: float | None) -> float | int | None:
    return int(value) if value is not None and value == int(value) else value


def _whole(row: dict[str, str], field_name: str) -> int | None:
    text = row.get(field_name, "")
    if text == "":
        return None
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{field_name} {text!r} is not a number") from None
    if value < 0 or value != int(value):
        raise ValueError(f"{field_name} {text!r} is not a whole number of zero or more")
    return int(value)


def _number(row: dict[str, str], field_name: str) -> float | None:
    text = row.get(field_name, "")
    if text == "":
        return None
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"{field_name} {text!r} is not a number") from None


def waves(fk_graph: nx.DiGraph, tables: list[str], deferred: list[tuple[str, str, dict]],
          aliases: dict[str, list[str]] | None = None) -> list[list[str]]:
    """Topological generations: wave 0 has tables that reference nobody (parents), then their children.

    ``aliases`` maps a table that is not loaded itself to the loaded tables that hold its rows: a
    partitioned parent to its partitions (their foreign keys are the parent's), or a partition to
    its parent."""
    aliases = aliases or {}
    g = nx.DiGraph()
    g.add_nodes_from(tables)
    skip = {(a, b) for a, b, _ in deferred}

    def rows_of(key: str) -> list[str]:
        return [key] if key in g else [k for k in aliases.get(key, []) if k in g]

    for a, b, d in fk_graph.edges(data=True):
        if d.get("kind") == "foreign key" and a != b and (a, b) not in skip:
            for child in rows_of(a):
                for parent in rows_of(b):
                    if child != parent:
                        g.add_edge(parent, child)  # parent before child
    return [sorted(gen) for gen in nx.topological_generations(g)]


def parallel_setting(t: LoadTable, threshold_gb: float, partitioned: bool, key_column: str | None,
                     subtasks: int) -> dict | None:
    """DMS `parallel-load` for a big table: partitions-auto when the source is partitioned, else ranges
    on a numeric key when its minimum and maximum are known (§5.4)."""
    size = t.stats.bytes or 0
    if size < threshold_gb * 1024 ** 3:
        return None
    if partitioned:
        return {"type": "partitions-auto"}
    if key_column and t.stats.min_key is not None and t.stats.max_key is not None:
        segments = max(2, min(subtasks, math.ceil(size / (threshold_gb * 1024 ** 3))))
        step = (t.stats.max_key - t.stats.min_key) / segments
        bounds = [[str(int(t.stats.min_key + step * i))] for i in range(1, segments)]
        return {"type": "ranges", "columns": [key_column], "boundaries": bounds}
    if not key_column:
        return {"type": "ranges", "columns": [], "boundaries": [],
                "note": "no single-column numeric key to split on: give the table a range column, or load it "
                        "whole (no parallel load)"}
    return {"type": "ranges", "columns": [key_column], "boundaries": [],
            "note": "give min_key/max_key in table_stats to compute the boundaries"}


def estimate_minutes(tables: list[LoadTable], throughput_mb_s: float, subtasks: int) -> float | None:
    """max(total / (streams * throughput), biggest table / (its segments * throughput)) (§8.4)."""
    sizes = [t.stats.bytes for t in tables if t.stats.bytes is not None]
    if not sizes:
        return None
    mb = [s / 1024 ** 2 for s in sizes]

    def segments(t: LoadTable) -> int:  # a parallel-load table is read by one stream per segment
        return len(t.parallel["boundaries"]) + 1 if t.parallel and t.parallel.get("boundaries") else 1

    streams = max(1, min(subtasks, sum(segments(t) for t in tables)))
    critical = 0.0
    for t in tables:
        if t.stats.bytes is None:
            continue
        critical = max(critical, t.stats.bytes / 1024 ** 2 / (segments(t) * throughput_mb_s))
    total = sum(mb) / (streams * throughput_mb_s)
    return round(max(total, critical) / 60.0, 1)


def order_basis(tables: list[LoadTable], source: str = "table_stats") -> str:
    """What the load order (biggest first) rests on: sizes when table_stats (or a live source) gives
    them, else the alphabetical fallback, said as such."""
    known = sum(1 for t in tables if t.stats.bytes is not None)
    if tables and known == len(tables):
        return f"table sizes from {source}: the biggest tables start first"
    if known:
        return (f"sizes for {known} of {len(tables)} tables ({source}): those start first, biggest first; the "
                "rest follow in alphabetical order, a fallback")
    return ("no table sizes: alphabetical order, a fallback, not biggest first; give table_stats (rows and bytes "
            "per table) to start the biggest tables first")
