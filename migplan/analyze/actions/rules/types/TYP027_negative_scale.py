from migplan.analyze.actions.base import Rule


class NegativeScale(Rule):
    """A decimal column whose scale the target cannot declare (negative, or beyond its limits).

    What it detects:
        A decimal column whose precision or scale is outside what the target type accepts. Mainly a
        negative scale, such as Oracle ``NUMBER(7,-2)``, which rounds every stored value to the left
        of the decimal point (here to hundreds): migplan writes ``numeric(p)`` on PostgreSQL and
        ``decimal(38,0)`` on MySQL, which keep the values but not the rounding. Going to MySQL it also
        covers scales above 30 and precisions above 65 (MySQL's decimal limits), written as
        decimal(65,30) or decimal(65,s). Raised today by the Oracle to PostgreSQL, Oracle to MySQL,
        PostgreSQL to MySQL and SQL Server to MySQL type maps.

    Why it matters:
        With a negative scale the data moves unchanged, but new rows are no longer rounded on insert:
        12,345 is stored as 12,345 instead of 12,300. PostgreSQL 15+ accepts a negative scale
        (numeric(7,-2)); older versions and MySQL do not. With a scale above 30, MySQL rounds the
        fraction to 30 digits; with more than 65 digits, large values no longer fit.

    Example:
        CREATE TABLE budgets (id NUMBER(10) PRIMARY KEY, amount NUMBER(7,-2));

    Typical rewrite:
        On PostgreSQL 15 or later, declare the same negative scale; otherwise round in the code or
        with a trigger (ROUND(amount, -2)) if new rows must stay rounded. For scales or precisions
        beyond MySQL's limits, check the real values and pick a scale that holds them.

        CREATE TABLE budgets (id bigint PRIMARY KEY, amount numeric(7,-2));

    Effort:
        Simple per column.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT Oracle -> PostgreSQL),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (SCT SQL Server -> MySQL item for
        DECIMAL scale > 30); PostgreSQL 15 release notes (negative scale for numeric).
    """

    code = "TYP027"
    name = "negative-scale"
    category = "data types"
    severity = "low"
    effort = "simple"
    sources = ("oracle", "postgresql", "sqlserver")
    raised_by = "converter"
