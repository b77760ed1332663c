from migplan.analyze.actions.base import Rule


class GlobalTemporaryTable(Rule):
    """A temporary table in a schema script: written as a regular table, the code using it must change.

    What it detects:
        A global temporary table (Oracle ``CREATE GLOBAL TEMPORARY TABLE``, Db2 ``DECLARE GLOBAL
        TEMPORARY TABLE``, SQL Server ``##name``): a permanent definition whose rows are private to
        each session or transaction. Also any other temporary table found in a schema script (Oracle
        private temporary tables, SQL Server ``#name``, ``CREATE TEMPORARY TABLE``). migplan writes
        a regular table so the definition is not lost.

    Why it matters:
        PostgreSQL and MySQL only have session-local temporary tables created at run time: the
        regular table migplan writes is shared by all sessions, so rows from concurrent sessions mix
        and ON COMMIT DELETE ROWS no longer empties it. The code that uses it must create its own
        temporary table (or use SCT's extension-pack emulation, which lacks ON COMMIT DELETE ROWS).
        DMS neither loads nor captures global temporary tables.

    Example:
        CREATE GLOBAL TEMPORARY TABLE tmp_order_totals (
          order_id NUMBER(10),
          total    NUMBER(12,2)
        ) ON COMMIT DELETE ROWS;

    Typical rewrite:
        Drop the regular table from the target schema and create the temporary table where the code
        needs it (at the start of the session or procedure), or keep a permanent table keyed by
        session id; exclude it from the DMS task.

        CREATE TEMPORARY TABLE IF NOT EXISTS tmp_order_totals (
          order_id bigint,
          total    numeric(12,2)
        ) ON COMMIT DELETE ROWS;

    Effort:
        Medium: every routine that uses the table must be changed and tested for concurrency.

    References:
        SCT action codes 5198, 5620 (Oracle to PostgreSQL), 198 (Oracle to MySQL), 680 (SQL Server to
        MySQL, global temporary tables);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (SQL Server temp-table items
        7659, 7680, 7812, 7802),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html
        (global temporary tables are neither loaded nor
        captured).
    """

    code = "TBL001"
    name = "global-temporary-table"
    category = "tables"
    severity = "high"
    effort = "medium"
    sct = ("Oracle->PostgreSQL 5198", "Oracle->PostgreSQL 5620", "Oracle->MySQL 198", "SQL Server->MySQL 680")
    raised_by = "converter"
