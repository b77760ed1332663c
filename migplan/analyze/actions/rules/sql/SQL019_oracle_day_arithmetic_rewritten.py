from migplan.analyze.actions.base import Rule


class OracleDayArithmeticRewritten(Rule):
    """Oracle day arithmetic in a view, rewritten with the target's intervals: review it.

    What it detects:
        ``date - date`` (a number of days in Oracle) and ``date +/- number`` (days, fractions of days)
        in a view, which migplan wrote as interval arithmetic on the target, value for value:
        ``EXTRACT(EPOCH FROM (a - b)) / 86400`` and ``a + n * INTERVAL '1 day'`` on PostgreSQL,
        ``TIMESTAMPDIFF(SECOND, b, a) / 86400`` and ``a + INTERVAL n DAY`` on MySQL.

    Why it matters:
        The result is the same number or point in time as in Oracle, but the expression reads
        differently and code that consumes the view may have relied on Oracle's types (a NUMBER of
        days). Procedural code with the same arithmetic is not rewritten (SQL014).

    Example:
        CREATE VIEW open_orders AS SELECT order_id, SYSDATE - order_date AS age_days FROM orders;

    Typical rewrite:
        None needed; check the view's consumers, and simplify where a whole number of days or an
        interval is what the application wants (date_part, age(), DATEDIFF).

    Effort:
        Simple: a review per view.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (Oracle date/time semantics row).
    """

    code = "SQL019"
    name = "oracle-day-arithmetic-rewritten"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    raised_by = "converter"
