"""Which source engine each sample is written for: one list the tests, the benchmarks and the snapshot
script share (a new sample folder is registered here once)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent

# sample folder -> source engine
SAMPLE_ENGINES = {"oracle": "oracle", "sqlserver": "sqlserver", "mysql": "mysql", "postgresql": "postgresql",
                  "db2": "db2-luw", "azure-sql": "azure-sql", "mariadb": "mariadb", "aurora-mysql": "aurora-mysql",
                  "aurora-postgresql": "aurora-postgresql", "teradata": "teradata", "netezza": "netezza",
                  "vertica": "vertica", "greenplum": "greenplum", "cassandra": "cassandra"}
# samples written for an engine of their folder's family other than the folder's own (the warehouses)
SAMPLE_ENGINE_OF = {"oracle/sales_dw": "oracle-dw", "sqlserver/sales_dw": "sqlserver-dw"}
# corpus folder (../shared/corpus) -> source engine
CORPUS_ENGINES = {"oracle": "oracle", "tsql": "sqlserver", "mysql": "mysql", "postgres": "postgresql",
                  "redshift": "redshift", "db2": "db2-luw", "cassandra": "cassandra"}


def samples() -> list[tuple[str, str, Path]]:
    """(``engine_folder/name``, source engine, folder) of every sample, sorted."""
    out = []
    for engine_dir in sorted(p for p in HERE.iterdir() if p.is_dir() and p.name in SAMPLE_ENGINES):
        for d in sorted(p for p in engine_dir.iterdir() if p.is_dir() and not p.name.startswith("__")):
            key = f"{engine_dir.name}/{d.name}"
            out.append((key, SAMPLE_ENGINE_OF.get(key, SAMPLE_ENGINES[engine_dir.name]), d))
    return out
