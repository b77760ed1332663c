from migplan.analyze.actions.base import Rule


class TimeZoneKeptAsInstant(Rule):
    """A timestamp with its time zone: the target keeps the instant, not the original zone or offset.

    What it detects:
        A column that stores a timestamp (or time) together with a time zone or offset, written as a
        type that keeps less: PostgreSQL ``timestamptz`` keeps the instant (in UTC, shown in the
        session's time zone) but not the original zone; MySQL has no zone-aware type, so migplan
        writes ``datetime`` holding UTC values. Sources: Oracle ``TIMESTAMP WITH [LOCAL] TIME ZONE``,
        SQL Server ``datetimeoffset``, PostgreSQL ``timestamptz`` and ``timetz`` going to MySQL. Raised
        today by the Oracle and SQL Server type maps to PostgreSQL and MySQL, and PostgreSQL to MySQL.

    Why it matters:
        On PostgreSQL comparisons and arithmetic stay right, but the zone each value was written in is
        lost: EXTRACT(TIMEZONE_REGION ...), TO_CHAR(... 'TZR'), reports that show the customer's local
        time. On MySQL the values are only right if they are converted to UTC during the load and
        every session reads them as UTC. DMS moves Oracle TSTZ/TSLTZ and SQL Server DATETIMEOFFSET as
        strings and PostgreSQL TIMESTAMPTZ/TIMETZ only partially, so the load must be tested.

    Example:
        CREATE TABLE flights (id NUMBER(10) PRIMARY KEY, departs TIMESTAMP WITH TIME ZONE);

    Typical rewrite:
        Keep timestamptz (PostgreSQL) or UTC datetime (MySQL) for the instant; where the original zone
        matters, add a column with the zone name or offset and fill it during the load (Oracle
        TO_CHAR(col, 'TZR'), SQL Server DATEPART(TZOFFSET, col)).

        CREATE TABLE flights (id bigint PRIMARY KEY, departs timestamptz(6), departs_tz text);

    Effort:
        Simple per column, more where code reads the stored zone.

    References:
        SCT action code 214 (Oracle to MySQL, time-zone types);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT
        time-zone settings and items),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (TSTZ/TSLTZ -> STRING),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html (DATETIMEOFFSET -> WSTRING),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (TIMESTAMPTZ/TIMETZ migrate only partially).
    """

    code = "TYP011"
    name = "time-zone-kept-as-instant"
    category = "data types"
    severity = "medium"
    effort = "simple"
    sources = ("oracle", "sqlserver", "postgresql")
    sct = ("Oracle->MySQL 214",)
    raised_by = "converter"
