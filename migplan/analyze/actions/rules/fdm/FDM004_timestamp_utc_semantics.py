from migplan.analyze.actions.base import Rule


class TimestampUtcSemantics(Rule):
    """A MySQL TIMESTAMP column: it stores UTC instants, so it becomes timestamptz and is loaded in UTC.

    What it detects:
        A MySQL ``TIMESTAMP`` / ``TIMESTAMP(p)`` column going to PostgreSQL. MySQL stores TIMESTAMP
        values in UTC and converts them from and to the session's time_zone; migplan writes
        ``timestamptz(p)``, which behaves the same way (unlike DATETIME, written as timestamp).

    Why it matters:
        The meaning is kept only if the load is right: DMS converts TIMESTAMP values to UTC when it
        reads them, so they must be written with the PostgreSQL session time zone set to UTC, or every
        value is shifted by the zone offset. Queries then see the values in their session's zone: an
        application that connected with a non-UTC time_zone must set the same TimeZone. The MySQL
        range limit (1970 .. 2038-01-19) disappears, and ON UPDATE CURRENT_TIMESTAMP needs a trigger
        (TBL005).

    Example:
        CREATE TABLE books (id int PRIMARY KEY,
                            updated_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP);

    Typical rewrite:
        Keep timestamptz; run the DMS load with the target session time zone UTC (extra connection
        attribute or the PostgreSQL role's timezone setting) and compare a few rows with the source
        after the load.

        CREATE TABLE books (id integer PRIMARY KEY,
                            updated_at timestamptz(0) NOT NULL DEFAULT CURRENT_TIMESTAMP);

    Effort:
        Simple per table: a load setting and a check.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (DMS: DATETIME not converted, TIMESTAMP converted to UTC),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
    """

    code = "FDM004"
    name = "timestamp-utc-semantics"
    category = "functional differences"
    severity = "medium"
    effort = "simple"
    sources = ("mysql",)
    targets = ("postgresql",)
    raised_by = "converter"
