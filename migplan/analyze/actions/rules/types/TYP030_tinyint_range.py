from migplan.analyze.actions.base import Rule


class TinyintRange(Rule):
    """A SQL Server tinyint (0..255) written as PostgreSQL smallint: the 0..255 range is not enforced.

    What it detects:
        A SQL Server ``tinyint`` column going to PostgreSQL, which has no 1-byte integer. migplan
        writes ``smallint``. (Going to MySQL it becomes ``tinyint unsigned``, the same range, and
        raises nothing.)

    Why it matters:
        Every value fits, but the column now also accepts -32768..-1 and 256..32767, which SQL Server
        rejected with an overflow error; code that relied on that error (or on tinyint being
        unsigned) behaves differently. DMS reads tinyint as UINT1.

    Example:
        CREATE TABLE reviews (id int PRIMARY KEY, rating tinyint NOT NULL);

    Typical rewrite:
        Add CHECK (col BETWEEN 0 AND 255) where the range is part of the rule (often the table already
        has a narrower CHECK, e.g. rating BETWEEN 1 AND 5, which is enough).

        CREATE TABLE reviews (id integer PRIMARY KEY, rating smallint NOT NULL
                              CHECK (rating BETWEEN 0 AND 255));

    Effort:
        None to simple: one CHECK if the range matters.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html (DMS reads TINYINT as UINT1).
    """

    code = "TYP030"
    name = "tinyint-range"
    category = "data types"
    severity = "info"
    effort = "none"
    sources = ("sqlserver",)
    targets = ("postgresql",)
    raised_by = "converter"
