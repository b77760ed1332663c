from migplan.analyze.actions.base import Rule


class DateArithmeticMonthEnds(Rule):
    """ADD_MONTHS / MONTHS_BETWEEN rewritten with intervals: month ends and fractions differ.

    What it detects:
        A call to Oracle ``ADD_MONTHS`` (written as ``date + n * interval '1 month'``) or
        ``MONTHS_BETWEEN`` (written with ``age()``) in a view, default, check or computed column.

    Why it matters:
        ``ADD_MONTHS`` moves a last day of month to the last day of the target month (30 Apr + 1 month =
        31 May); interval arithmetic keeps the day number (30 Apr + 1 month = 30 May). Both clip 31 Jan
        to the end of February. ``MONTHS_BETWEEN`` returns fractions of a month on a 31-day basis; the
        ``age()`` rewrite returns whole months. Billing periods, due dates and ages computed this way
        change by a day or a fraction, without error.

    Example:
        CREATE VIEW contracts_due AS
          SELECT id, ADD_MONTHS(start_date, term_months) AS end_date,
                 MONTHS_BETWEEN(SYSDATE, start_date) AS months_running
          FROM contracts;

    Typical rewrite:
        Where month-end behaviour or fractions matter, use a function with Oracle's semantics (the
        add_months / months_between of the orafce extension, or SCT's aws_oracle_ext emulation), and
        test with month-end dates.

        CREATE EXTENSION IF NOT EXISTS orafce;
        SELECT id, add_months(start_date::date, term_months) AS end_date FROM contracts;

    Effort:
        Simple per occurrence; test with 28th-31st dates.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT emulates Oracle built-ins in aws_oracle_ext, or uses orafce).
    """

    code = "FDM008"
    name = "date-arithmetic-month-ends"
    category = "functional differences"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    raised_by = "converter"
