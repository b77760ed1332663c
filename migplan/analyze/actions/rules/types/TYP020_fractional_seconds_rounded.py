from migplan.analyze.actions.base import Rule


class FractionalSecondsRounded(Rule):
    """A timestamp with more fractional digits than the target keeps: values are rounded.

    What it detects:
        A timestamp or time column declared with more fractional-second digits than the target type
        holds: Oracle ``TIMESTAMP(7..9)`` (nanoseconds), SQL Server ``datetime2`` and ``time`` (7
        digits, 100 ns, by default) going to PostgreSQL or MySQL, whose types stop at microseconds (6
        digits). Raised today by the Oracle and SQL Server type maps to PostgreSQL and MySQL.

    Why it matters:
        Values are rounded to the microsecond during the load: two distinct source values can become
        equal (a problem for unique keys on timestamps), and row-by-row comparisons with the source
        (DMS validation, reconciliation queries) report differences.

    Example:
        CREATE TABLE trades (id NUMBER(10) PRIMARY KEY, executed_at TIMESTAMP(9));

    Typical rewrite:
        Accept microseconds in most cases; where nanoseconds matter, store the extra digits in a
        second column (or the whole value as a bigint of nanoseconds) and exclude the column from
        exact validation.

        CREATE TABLE trades (id bigint PRIMARY KEY, executed_at timestamp(6));

    Effort:
        Simple: usually a decision only; more where timestamps are unique keys.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT Oracle -> PostgreSQL date/time precision items),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (SCT precision-loss items for SQL Server sources),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.CustomizingTasks.TaskSettings.DataValidation.html
        (DMS validation).
    """

    code = "TYP020"
    name = "fractional-seconds-rounded"
    category = "data types"
    severity = "low"
    effort = "simple"
    sources = ("oracle", "sqlserver", "db2")
    raised_by = "converter"
