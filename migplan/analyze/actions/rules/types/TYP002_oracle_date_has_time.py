from migplan.analyze.actions.base import Rule


class OracleDateHasTime(Rule):
    """Oracle DATE carries a time of day; it becomes timestamp(0), not date.

    What it detects:
        A column of Oracle type DATE.

    Why it matters:
        Oracle DATE stores a date and a time to the second. Converting it to a target DATE would drop
        the time; migplan writes timestamp(0) (PostgreSQL) or datetime (MySQL), as SCT does. Code that
        compares such columns with a date literal, truncates them (TRUNC), or sends them to clients
        expecting a date must be checked: the value now has a time part on both sides.

    Example:
        CREATE TABLE orders (order_date DATE DEFAULT SYSDATE);

    Typical rewrite:
        Keep timestamp(0); where only the day is meant, compare with date_trunc('day', col) or cast
        the value: order_date::date.

        CREATE TABLE orders (order_date timestamp(0) DEFAULT LOCALTIMESTAMP(0));

    Effort:
        Usually nothing for the column itself; review queries that rely on DATE-only semantics.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT Oracle to PostgreSQL),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (DMS maps DATE to DATETIME).
    """

    code = "TYP002"
    name = "oracle-date-has-time"
    category = "data types"
    severity = "info"
    effort = "none"
    sources = ("oracle",)
    raised_by = "converter"
