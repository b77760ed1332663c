from migplan.analyze.actions.base import Rule


class PartitioningNotConverted(Rule):
    """A partitioned table is written unpartitioned.

    What it detects:
        A table declared with partitioning (Oracle/MySQL ``PARTITION BY``, SQL Server partition schemes,
        Db2 ``DISTRIBUTE BY``, PostgreSQL ``PARTITION BY`` going to MySQL). migplan writes one plain
        table; the message quotes the source partitioning clause. A PostgreSQL partition
        (``CREATE TABLE ... PARTITION OF``) whose parent is written unpartitioned is not created: its
        rows belong in the parent. PostgreSQL declarative partitioning going to PostgreSQL is kept as
        written and does not raise it.

    Why it matters:
        The data fits in a plain table, but what partitioning gave is gone: partition pruning for big
        scans, cheap removal of old data (DROP/TRUNCATE PARTITION), per-partition maintenance.
        Partition types, default partitions, NULL partition keys and foreign keys on partitioned tables
        differ between engines. DMS does not replicate partition ADD/DROP/EXCHANGE/TRUNCATE changes
        (the table must be reloaded), and PostgreSQL partitioned sources land as plain tables.

    Example:
        CREATE TABLE sales (
          id      NUMBER(12),
          sold_on DATE
        )
        PARTITION BY RANGE (sold_on) (
          PARTITION p2023 VALUES LESS THAN (DATE '2024-01-01'),
          PARTITION pmax  VALUES LESS THAN (MAXVALUE)
        );

    Typical rewrite:
        Decide whether the table still needs partitioning (size, retention jobs); if so, create it
        with the target's declarative partitioning before the load (pre-created tables, DMS
        TargetTablePrepMode DO_NOTHING or TRUNCATE_BEFORE_LOAD) and move the maintenance jobs.

        CREATE TABLE sales (id bigint, sold_on timestamp(0)) PARTITION BY RANGE (sold_on);
        CREATE TABLE sales_p2023 PARTITION OF sales FOR VALUES FROM (MINVALUE) TO ('2024-01-01');
        CREATE TABLE sales_pmax PARTITION OF sales FOR VALUES FROM ('2024-01-01') TO (MAXVALUE);

    Effort:
        Medium: the partition layout plus the jobs that add and drop partitions.

    References:
        SCT action codes 5201 (Oracle to PostgreSQL, partition type not supported), 201 (Oracle to
        MySQL), 907 (SQL Server to MySQL);
        https://docs.aws.amazon.com/dms/latest/userguide/assessment-reports.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT partition support and
        other partition items),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.FullLoad.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
    """

    code = "TBL003"
    name = "partitioning-not-converted"
    category = "tables"
    severity = "medium"
    effort = "medium"
    sct = ("Oracle->PostgreSQL 5201", "Oracle->MySQL 201", "SQL Server->MySQL 907")
    raised_by = "converter"
