from migplan.analyze.actions.base import Rule


class TimeRange(Rule):
    """A MySQL TIME column written as PostgreSQL time: values beyond a day or below zero do not fit.

    What it detects:
        A MySQL ``TIME`` / ``TIME(p)`` column going to PostgreSQL. migplan writes ``time(p)``, the
        usual meaning (a time of day such as an opening hour).

    Why it matters:
        MySQL TIME is also a duration type: it holds -838:59:59 to 838:59:59. PostgreSQL time only
        holds 00:00:00 to 24:00:00, so a column used for elapsed times (durations, time worked,
        offsets) fails to load its negative or long values. DMS moves TIME as a STRING, which
        PostgreSQL parses on insert. Arithmetic also differs: MySQL adds TIME values as numbers
        unless TIMEDIFF/ADDTIME are used.

    Example:
        CREATE TABLE shipments (id int PRIMARY KEY, dispatch_time time DEFAULT NULL);

    Typical rewrite:
        Check the data (SELECT MIN(col), MAX(col)); keep time for times of day, and use interval for
        durations, which accepts the same 'hhh:mm:ss' text.

        CREATE TABLE shipments (id integer PRIMARY KEY, dispatch_time interval);

    Effort:
        Simple per column: a data check and a type decision.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (DMS moves MySQL TIME as STRING); MySQL manual, "The TIME Type"; PostgreSQL
        manual, "Date/Time Types".
    """

    code = "TYP026"
    name = "time-range"
    category = "data types"
    severity = "medium"
    effort = "simple"
    sources = ("mysql",)
    targets = ("postgresql",)
    raised_by = "converter"
