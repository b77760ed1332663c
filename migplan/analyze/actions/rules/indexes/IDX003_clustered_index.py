from migplan.analyze.actions.base import Rule


class ClusteredIndex(Rule):
    """Clustered index: the target does not keep the table in index order.

    What it detects:
        A ``CLUSTERED`` index (SQL Server, SAP ASE) other than a clustered columnstore index.

    Why it matters:
        A SQL Server table is stored in the order of its clustered index. PostgreSQL tables are heaps:
        ``CLUSTER`` orders the rows once and is not maintained. InnoDB clusters every table on its
        primary key only. migplan writes the clustered index as a plain index, so range scans that
        relied on the physical order read more pages, and a clustered key that is not the primary key
        loses its storage role on MySQL.

    Example:
        CREATE CLUSTERED INDEX ix_orders_date ON dbo.orders (order_date);

    Typical rewrite:
        Keep the plain index; on PostgreSQL run CLUSTER after the load if range scans need it (and
        schedule it again, it is not maintained); on MySQL make the clustering columns the leading
        columns of the primary key if that is what the queries need.

        CREATE INDEX ix_orders_date ON dbo.orders (order_date);
        CLUSTER dbo.orders USING ix_orders_date;  -- PostgreSQL, once after the load

    Effort:
        Simple: check the plans of range queries on the table.

    References:
        SCT action codes 7681 (SQL Server to PostgreSQL) and 681 (SQL Server to MySQL), the first
        codes of the index rows in
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "IDX003"
    name = "clustered-index"
    category = "indexes"
    severity = "low"
    effort = "simple"
    sources = ("sqlserver",)
    sct = ("SQL Server->PostgreSQL 7681", "SQL Server->MySQL 681")
    raised_by = "converter"
