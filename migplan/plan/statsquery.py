"""`migplan stats-query -s ENGINE`: the read-only catalog queries a DBA runs on a source migplan
cannot reach, whose CSV result is what ``table_stats=`` / ``--table-stats`` reads (the shape of
``migplan.plan.load.STATS_COLUMNS``). The queries are data: ``migplan/data/stats_queries.toml``."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from migplan import engines
from migplan.datafile import ANY, check
from migplan.errors import MigplanError
from migplan.plan.load import STATS_COLUMNS
from migplan.quoting import line_comment

_SCHEMA = {ANY: {"tool": str, "ddl": str, "sizes": str, "lobs": str, "keys": str}}
# engine family -> the entry of stats_queries.toml
_FAMILY = {"oracle": "oracle", "sqlserver": "sqlserver", "db2": "db2-luw", "teradata": "teradata",
           "postgresql": "postgresql", "mysql": "mysql"}


@lru_cache(maxsize=1)
def queries() -> dict:
    raw = tomllib.loads(resources.files("migplan.data").joinpath("stats_queries.toml").read_text("utf-8"))
    check(raw, _SCHEMA, "stats_queries.toml", {})
    return raw


def entry_for(engine: str) -> tuple[str, dict]:
    e = engines.get(engine)
    key = _FAMILY.get(e.family) or (e.name if e.name in queries() else None)
    if key is None or key not in queries():
        raise MigplanError(f"no statistics query for {e.display} yet; queries exist for "
                           f"{', '.join(sorted(queries()))}. Write the CSV by hand: {','.join(STATS_COLUMNS)}")
    return key, queries()[key]


def stats_query(engine: str) -> str:
    """The script to run on the source: how to save its CSV, then the three queries."""
    key, q = entry_for(engine)
    head = [f"migplan statistics queries for {engines.get(engine).display} ({key}). Read-only: they read the catalog "
            "and, in the generated SELECTs, the LOB columns' lengths and the key ranges.",
            f"Save the results as one CSV with the header {','.join(STATS_COLUMNS)}",
            "and pass it to `migplan assess ... --table-stats stats.csv` (table_stats= in Python).",
            f"How: {q['tool']}",
            f"The DDL scripts migplan reads: {q['ddl']}"]
    out = [line_comment(h) for h in head] + ["", line_comment("1. Table and partition sizes"), q["sizes"].strip(), ""]
    if q["lobs"].strip():
        out += [line_comment("2. Writes one SELECT per LOB column (its largest value): run its output, append the "
                             "rows"), q["lobs"].strip(), ""]
    if q["keys"].strip():
        out += [line_comment("3. Writes one SELECT per table with a single-column numeric primary key (its range, "
                             "for parallel-load boundaries): run its output, append the rows"), q["keys"].strip(), ""]
    return "\n".join(out)
