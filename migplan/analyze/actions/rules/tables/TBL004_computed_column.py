from migplan.analyze.actions.base import Rule


class ComputedColumn(Rule):
    """A computed (virtual or generated) column that could not be carried over as it is.

    What it detects:
        A computed column (Oracle virtual column, SQL Server ``AS (expr)`` column, MySQL/PostgreSQL
        generated column) in one of three situations: its expression could not be read or converted
        (the column is left out of the target table); it has no declared type in the source (migplan
        writes numeric, or decimal(38,10) on MySQL); or it is virtual in the source while PostgreSQL
        (up to 17) only has STORED generated columns.

    Why it matters:
        A left-out column breaks every query and view that reads it. A guessed type can round or
        truncate the computed values. A STORED column is computed on write and takes space, and the
        expression must be immutable on PostgreSQL (no SYSDATE, no non-deterministic functions). DMS
        does not capture changes of computed columns: they are recomputed by the target, so they must
        not be loaded as ordinary columns (exclude them from the task or pre-create the target table).

    Example:
        CREATE TABLE order_lines (
          qty        NUMBER(5),
          unit_price NUMBER(10,2),
          amount     AS (qty * unit_price)
        );

    Typical rewrite:
        Write the generated column by hand with a declared type and a target expression; where the
        expression cannot be a generated column, use a view or a BEFORE INSERT OR UPDATE trigger.
        Exclude the column from the DMS task.

        CREATE TABLE order_lines (
          qty        integer,
          unit_price numeric(10,2),
          amount     numeric(15,2) GENERATED ALWAYS AS (qty * unit_price) STORED
        );

    Effort:
        Simple per column; medium when a trigger replaces it.

    References:
        SCT action codes 7678, 7679 (SQL Server to PostgreSQL), 679 (SQL Server to MySQL: computed
        columns -> triggers);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
        (Oracle virtual columns among the
        table-type items),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (virtual columns),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html (computed-column changes not
        replicated),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (generated columns not captured).
    """

    code = "TBL004"
    name = "computed-column"
    category = "tables"
    severity = "medium"
    effort = "simple"
    sct = ("SQL Server->PostgreSQL 7678", "SQL Server->PostgreSQL 7679", "SQL Server->MySQL 679")
    raised_by = "converter"
