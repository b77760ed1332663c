from migplan.analyze.actions.base import Rule


class DateArithmeticMonthEnds(Rule):
    """ADD_MONTHS / MONTHS_BETWEEN written with Oracle's month-end rules: review the rewrite.

    What it detects:
        A call to Oracle ``ADD_MONTHS`` or ``MONTHS_BETWEEN`` in a view, default, check or computed
        column, which migplan wrote as an expression with Oracle's rules on the target.

    Why it matters:
        ``ADD_MONTHS`` moves a last day of month to the last day of the target month (30 Apr + 1 month =
        31 May) and keeps the time of day; interval arithmetic keeps the day number (30 Apr + 1 month =
        30 May). ``MONTHS_BETWEEN`` returns fractions of a month on a 31-day basis (whole months when
        both dates are the same day of the month or both month ends). Neither target has the
        functions: migplan writes a CASE expression that gives Oracle's values, which reads very
        differently from the source and from what a developer would write by hand.

    Example:
        CREATE VIEW contracts_due AS
          SELECT id, ADD_MONTHS(start_date, term_months) AS end_date,
                 MONTHS_BETWEEN(SYSDATE, start_date) AS months_running
          FROM contracts;

    Typical rewrite:
        None needed for the values. Where the code is maintained on the target, a function with
        Oracle's semantics reads better (the add_months / months_between of the orafce extension,
        or SCT's aws_oracle_ext emulation); test with month-end dates either way.

        CREATE EXTENSION IF NOT EXISTS orafce;
        SELECT id, add_months(start_date::date, term_months) AS end_date FROM contracts;

    Effort:
        Simple: a review per occurrence.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT emulates Oracle built-ins in aws_oracle_ext, or uses orafce).
    """

    code = "FDM008"
    name = "date-arithmetic-month-ends"
    category = "functional differences"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    raised_by = "converter"
