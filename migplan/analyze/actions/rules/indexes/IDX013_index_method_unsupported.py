from migplan.analyze.actions.base import Rule


class IndexMethodUnsupported(Rule):
    """Index access method the target lacks: columnstore, XML, hash, GIN/GiST on MySQL.

    What it detects:
        - SQL Server columnstore indexes (clustered or nonclustered) and XML indexes: not converted;
        - hash indexes (SQL Server memory-optimized tables, PostgreSQL ``USING hash``): written as b-tree
          indexes;
        - PostgreSQL GIN, GiST, SP-GiST and BRIN indexes converted for MySQL: not converted.

    Why it matters:
        Columnstore indexes serve analytic scans and batch-mode execution that row-store targets do not
        have; XML indexes serve XQuery methods that are rewritten anyway; GIN/GiST serve operators
        (arrays, JSONB containment, full text, ranges, geometry) that MySQL answers differently. The
        queries that relied on them will be slower, or must change.

    Example:
        CREATE NONCLUSTERED COLUMNSTORE INDEX csi_sales ON dbo.sales (sale_date, amount);

    Typical rewrite:
        Find the queries that used the index and index for them on the target: b-tree indexes for
        selective predicates, expression indexes on xpath() for XML (PostgreSQL), a FULLTEXT or
        multi-valued index for JSON arrays on MySQL; move heavy analytics to a warehouse (Amazon
        Redshift) if columnstore speed is required.

        CREATE INDEX ix_sales_date ON sales (sale_date) INCLUDE (amount);  -- PostgreSQL

    Effort:
        Medium per index: the queries must be found and their plans checked.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html
        (DMS does not support columnstore indexes on SQL Server sources) and
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
    """

    code = "IDX013"
    name = "index-method-unsupported"
    category = "indexes"
    severity = "medium"
    effort = "medium"
    sources = ("sqlserver", "postgresql")
    raised_by = "converter"
