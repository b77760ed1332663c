from collections.abc import Iterator

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

_REMOTE = ("SP_EXECUTE_REMOTE",)


class AzureElasticQuery(Rule):
    """Elastic query: external data sources of TYPE = RDBMS or SHARD_MAP_MANAGER and sp_execute_remote.

    What it detects:
        In the scripts of an Azure SQL Database: each ``CREATE EXTERNAL DATA SOURCE`` of ``TYPE = RDBMS``
        (another database) or ``SHARD_MAP_MANAGER`` (a sharded set of databases), and each call of
        ``sp_execute_remote``. The external tables over them are held back by the converter (TBL017).

    Why it matters:
        Elastic query is how an Azure SQL Database reads other databases, since it runs no
        cross-database queries: the rows stay in the other database. Neither SCT nor DMS converts it.
        On Aurora PostgreSQL the same reach is a foreign server of postgres_fdw and foreign tables (the
        other database must be reachable from the VPC, or migrated too); Aurora MySQL has no foreign
        tables, so the data is moved into a schema of the target or the application joins it.

    Example:
        CREATE EXTERNAL DATA SOURCE loyalty_db WITH (TYPE = RDBMS, LOCATION = 'srv.database.windows.net',
            DATABASE_NAME = 'loyalty', CREDENTIAL = loyalty_reader);

    Typical rewrite:
        Migrate the other database too and make its tables a schema of the target, or on PostgreSQL
        create a foreign server and user mapping (postgres_fdw) for each external data source.

        CREATE SERVER loyalty_db FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '...', dbname 'loyalty');

    Effort:
        Significant per data source: where the other data lives after the migration is a design choice.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "AZS004"
    name = "azure-elastic-query"
    category = "functional differences"
    severity = "high"
    effort = "significant"
    sources = ("sqlserver",)
    engines = ("azure-sql",)
    kinds = ("external data source", "procedure", "function", "trigger")
    statements = ("session exec", "block")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterator[Finding]:
        if obj.kind == "external data source":
            kind = str((obj.attrs.get("options") or {}).get("TYPE", "")).upper()
            if kind in ("RDBMS", "SHARD_MAP_MANAGER"):
                how = "postgres_fdw foreign server" if ctx.target_family == "postgresql" else \
                    "no foreign tables on MySQL: move the data into a schema of the target"
                yield ctx.hit(self, obj, None, f"external data source {obj.name} (TYPE = {kind}): elastic query "
                              f"over other Azure SQL databases; not converted: {how}")
            return
        for w in ctx.words(obj):
            if w.kind == "word" and w.up.strip("[]") in _REMOTE:
                yield ctx.hit(self, obj, w.line, "sp_execute_remote: elastic query runs this statement in other "
                              "databases; no equivalent on the target (postgres_fdw / dblink on PostgreSQL)",
                              source=w.text)
