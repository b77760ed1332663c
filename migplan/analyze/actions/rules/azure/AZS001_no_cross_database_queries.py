from migplan.analyze.actions.rules.tsql.TSQ016_cross_database_names import CrossDatabaseNames


class AzureNoCrossDatabaseQueries(CrossDatabaseNames):
    """A three- or four-part name in Azure SQL Database code: Azure SQL runs no cross-database queries.

    What it detects:
        In the views, procedures, functions and triggers of an Azure SQL Database, each object name with a
        database part (``archive.sales.refunds``), each four-part linked-server name and each
        ``OPENQUERY`` / ``OPENROWSET`` / ``OPENDATASOURCE`` call — the same places as TSQ016, which this
        rule replaces for Azure SQL Database sources.

    Why it matters:
        An Azure SQL Database is one database of a logical server: a query cannot name another database
        (only the current one, or another through an elastic-query external table) and there are no
        linked servers. A reference to another database in these scripts either names the current
        database (drop the database part) or comes from code written for SQL Server that fails on Azure
        SQL today; it is not a dependency to carry over. On the target, data of other databases is
        reached through postgres_fdw (PostgreSQL) or moved into a schema of the same database.

    Example:
        INSERT INTO ticketing_archive.sales.refunds (order_id) VALUES (@order_id);

    Typical rewrite:
        If the database part names this database, drop it; if it names another database, decide where
        that data lives after the migration (a schema of the target database, or a foreign table) and
        rewrite the name; elastic-query external tables are items of their own (AZS004).

        INSERT INTO sales_archive.refunds (order_id) VALUES (p_order_id);

    Effort:
        Simple per name once the database's place on the target is chosen.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.AzureSQL.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "AZS001"
    name = "azure-no-cross-database-queries"
    engines = ("azure-sql",)
    except_engines = ()
    sct = ()

    def other_database(self, parts: list[str], mysql: bool) -> str:
        place = f"a schema of the target (MySQL: {parts[0]}.{parts[-1]})" if mysql else \
            "a schema of the target database, or a foreign table (postgres_fdw)"
        return (f"Azure SQL Database runs no cross-database queries: drop {parts[0]} if it is this database; "
                f"otherwise this code fails on Azure SQL already and the data it names needs {place}")
