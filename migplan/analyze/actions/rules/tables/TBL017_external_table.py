from migplan.analyze.actions.base import Rule


class ExternalTable(Rule):
    """An external or foreign table (elastic query, PolyBase, Oracle external tables): held back.

    What it detects:
        ``CREATE EXTERNAL TABLE`` (SQL Server PolyBase, Azure SQL Database elastic query), Oracle
        ``ORGANIZATION EXTERNAL`` tables and ``CREATE FOREIGN TABLE`` moving to another engine family.

    Why it matters:
        The table's rows are not in the database: another database, files or a Hadoop cluster hold
        them. Written as a plain table on the target it would stay empty (DMS does not load external
        tables) while every query reading it seems to work. Its draft goes to 05_held_back.sql.

    Example:
        CREATE EXTERNAL TABLE ext.points (customer_id uniqueidentifier, balance int)
        WITH (DATA_SOURCE = loyalty_db);

    Typical rewrite:
        On PostgreSQL, a foreign table over a foreign server (postgres_fdw for another database,
        file_fdw or aws_s3 imports for files); otherwise migrate the data it reads and make it a table.

        CREATE FOREIGN TABLE ext.points (customer_id uuid, balance integer) SERVER loyalty_db
            OPTIONS (schema_name 'dbo', table_name 'points');

    Effort:
        Medium per table: where its data lives after the migration decides the rewrite.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "TBL017"
    name = "external-table"
    category = "tables"
    severity = "high"
    effort = "medium"
    raised_by = "converter"
