"""Splitter rules per script dialect: one module each, looked up by the engine's ``splitter`` name."""

from __future__ import annotations

from migplan.ingest.split import Splitter


def splitter_for(dialect: str, options: dict | None = None) -> Splitter:
    from migplan.ingest.dialects import cql, db2, mysql, oracle, postgres, teradata, tsql

    classes: dict[str, type[Splitter]] = {
        "oracle": oracle.OracleSplitter,
        "tsql": tsql.TsqlSplitter,
        "mysql": mysql.MysqlSplitter,
        "postgres": postgres.PostgresSplitter,
        "teradata": teradata.TeradataSplitter,
        "db2": db2.Db2Splitter,
        "cql": cql.CqlSplitter,
        "redshift": postgres.RedshiftSplitter,
        "snowflake": postgres.SnowflakeSplitter,
        "bigquery": mysql.BigQuerySplitter,
    }
    cls = classes.get(dialect, Splitter)
    return cls(options)
