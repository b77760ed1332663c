from migplan.analyze.actions.base import Rule


class IntervalOnMysql(Rule):
    """An INTERVAL column going to MySQL, which has no interval type: kept as its text form.

    What it detects:
        A column of an interval type (Oracle ``INTERVAL YEAR TO MONTH`` / ``INTERVAL DAY TO SECOND``,
        PostgreSQL ``interval``) going to MySQL. migplan writes a varchar holding the source's text
        form ('+02-06', '+03 04:05:06.000000', '1 day 02:00:00'), which is how DMS moves intervals
        (STRING).

    Why it matters:
        MySQL only knows INTERVAL inside date arithmetic (DATE_ADD(d, INTERVAL 3 DAY)); a string
        cannot be added to a date, summed, averaged or compared by length of time ('10 days' sorts
        before '9 days'). Defaults written as interval literals cannot be kept. Code that adds the
        column to dates must be rewritten.

    Example:
        CREATE TABLE vaccinations (given_on date NOT NULL, valid_for interval NOT NULL DEFAULT '1 year');

    Typical rewrite:
        Store a number in one unit (months for year-month intervals, seconds or minutes for
        day-time intervals) and use it in DATE_ADD / TIMESTAMPADD; convert during the load
        (EXTRACT(EPOCH FROM valid_for) on PostgreSQL, EXTRACT(DAY FROM ...) * 86400 + ... on Oracle).

        CREATE TABLE vaccinations (given_on date NOT NULL, valid_for_months int NOT NULL DEFAULT 12);

    Effort:
        Medium per column: a data conversion and the date arithmetic that uses it.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (DMS moves Oracle INTERVAL as STRING),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html (DMS moves PostgreSQL INTERVAL
        as STRING(128)).
    """

    code = "TYP010"
    name = "interval-on-mysql"
    category = "data types"
    severity = "medium"
    effort = "medium"
    sources = ("oracle", "postgresql")
    targets = ("mysql",)
    raised_by = "converter"
