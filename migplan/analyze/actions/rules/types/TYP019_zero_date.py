from migplan.analyze.actions.base import Rule


class ZeroDate(Rule):
    """A MySQL column defaults to the zero date '0000-00-00': the target rejects it, DMS loads NULL.

    What it detects:
        A MySQL DATE, DATETIME or TIMESTAMP column whose default is the zero date ('0000-00-00' or
        '0000-00-00 00:00:00'). migplan writes the column without a default, since the target has no
        such value. Raised for MySQL and MariaDB sources on every target: PostgreSQL has no zero date,
        and MySQL 8 / Aurora MySQL 3 reject it under their default sql_mode (NO_ZERO_DATE, strict).

    Why it matters:
        A zero-date default means the table very likely holds zero dates (and other invalid dates
        such as '2024-02-00' allowed by a lax sql_mode). PostgreSQL rejects them, and so does a strict
        MySQL 8 target; DMS turns zero dates into NULL on targets that reject them, which fails on NOT
        NULL columns and silently changes the meaning elsewhere. Code that tests "= '0000-00-00'"
        finds nothing on the target.

    Example:
        CREATE TABLE orders (
          id INT PRIMARY KEY,
          shipped_at DATETIME NOT NULL DEFAULT '0000-00-00 00:00:00'
        );

    Typical rewrite:
        Decide what a zero date means (unknown -> NULL, or a sentinel such as '1970-01-01'), make the
        target column nullable or give it that default, clean the data before or during the load, and
        change the code that compares with '0000-00-00'.

        CREATE TABLE orders (id integer PRIMARY KEY, shipped_at timestamp(0) NULL);

    Effort:
        Simple per column once the meaning is agreed; check the data and the queries.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (zero dates become NULL if the target rejects them),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (DMS MySQL
        source: zero dates -> NULL on targets that reject them).
    """

    code = "TYP019"
    name = "zero-date"
    category = "data types"
    severity = "high"
    effort = "simple"
    sources = ("mysql",)
    raised_by = "converter"
