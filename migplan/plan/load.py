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

DEFAULT_THROUGHPUT_MB_S = 10.0  # per load stream; an assumption to replace with a proof-of-concept figure (§8.4)
DEFAULT_PARALLEL_THRESHOLD_GB = 10.0
DEFAULT_SUBTASKS = 8  # MaxFullLoadSubTasks default (§6.2); max 49


@dataclass
class TableStats:
    rows: int | None = None
    bytes: int | None = None
    min_key: float | None = None
    max_key: float | None = None


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


def read_table_stats(source) -> dict[str, TableStats]:
    """CSV with columns schema,table,rows,bytes[,min_key,max_key] (a dict or DataFrame is accepted too).
    Keys are upper-cased 'SCHEMA.TABLE' (or 'TABLE')."""
    if source is None:
        return {}
    rows: list[dict] = []
    if isinstance(source, (str, Path)):
        with open(source, newline="", encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
    elif hasattr(source, "to_dict"):
        rows = source.to_dict("records")
    elif isinstance(source, dict):
        return {k.upper(): (v if isinstance(v, TableStats) else TableStats(**v)) for k, v in source.items()}
    else:
        rows = list(source)
    out = {}
    for r in rows:
        name = f"{r['schema']}.{r['table']}" if r.get("schema") else r["table"]
        out[name.upper()] = TableStats(_int(r.get("rows")), _int(r.get("bytes")), _num(r.get("min_key")),
                                       _num(r.get("max_key")))
    return out


def _int(v):
    return None if v in (None, "") else int(float(v))


def _num(v):
    return None if v in (None, "") else float(v)


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


def order_basis(tables: list[LoadTable]) -> str:
    """What the load order (biggest first) rests on: sizes when table_stats gives them, else the
    alphabetical fallback, said as such."""
    known = sum(1 for t in tables if t.stats.bytes is not None)
    if tables and known == len(tables):
        return "table sizes from table_stats: the biggest tables start first"
    if known:
        return (f"sizes for {known} of {len(tables)} tables (table_stats): those start first, biggest first; the "
                "rest follow in alphabetical order, a fallback")
    return ("no table sizes: alphabetical order, a fallback, not biggest first; give table_stats (rows and bytes "
            "per table) to start the biggest tables first")
