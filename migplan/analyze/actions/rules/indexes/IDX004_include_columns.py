from migplan.analyze.actions.base import Rule


class IncludeColumns(Rule):
    """INCLUDE columns of a covering index are dropped: MySQL has no included columns.

    What it detects:
        An index with ``INCLUDE (...)`` (SQL Server, PostgreSQL 11+) converted for a MySQL target.

    Why it matters:
        Included columns let a query be answered from the index alone. MySQL (and MariaDB) indexes have
        no non-key payload, so migplan writes the index without them: queries that were index-only now
        read the table rows, which can be much slower for wide tables.

    Example:
        CREATE INDEX ix_orders_cust ON dbo.orders (customer_id) INCLUDE (order_date, total);

    Typical rewrite:
        If the index must still cover the query, append the included columns to the key (a wider index,
        and the key length limit applies); otherwise accept the lookups.

        CREATE INDEX ix_orders_cust ON orders (customer_id, order_date, total);

    Effort:
        Simple: decide per index, check the plans of the queries it covered.

    References:
        SCT action code 682 (SQL Server to MySQL, INCLUDE); https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "IDX004"
    name = "include-columns"
    category = "indexes"
    severity = "low"
    effort = "simple"
    sources = ("sqlserver", "postgresql")
    targets = ("mysql",)
    sct = ("SQL Server->MySQL 682",)
    raised_by = "converter"
