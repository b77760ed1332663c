from migplan.analyze.actions.base import Rule


class UnsizedType(Rule):
    """A PostgreSQL type without length or precision going to MySQL, which needs one.

    What it detects:
        A PostgreSQL ``numeric`` without precision (written as ``decimal(65,30)``), ``varchar``
        without length (written as ``longtext``) or the ``citext`` extension type (written as
        ``varchar(255)``) going to MySQL, where DECIMAL, VARCHAR and keys need explicit sizes.

    Why it matters:
        The chosen size is a guess. decimal(65,30) holds 35 integer and 30 fractional digits, not
        numeric's thousands, and DMS itself moves numeric without precision as NUMERIC(28,6),
        rounding to 6 decimals. longtext cannot be a primary or unique key nor be indexed without a
        prefix length, and takes no literal default before MySQL 8.0.13. varchar(255) for citext
        rejects longer values.

    Example:
        CREATE TABLE medications (id int PRIMARY KEY, name varchar NOT NULL UNIQUE, strength numeric);

    Typical rewrite:
        Measure the data (max(length(col)), max(scale(col))) and declare real sizes, on the source too
        if you can, and set the same precision for DMS.

        CREATE TABLE medications (id int PRIMARY KEY, name varchar(200) NOT NULL UNIQUE,
                                  strength decimal(12,4));

    Effort:
        Simple per column: a data check and a size.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (DMS: NUMERIC without precision -> NUMERIC(28,6); unsized CHAR/VARCHAR/NUMERIC
        move only partially).
    """

    code = "TYP029"
    name = "unsized-type"
    category = "data types"
    severity = "medium"
    effort = "simple"
    sources = ("postgresql",)
    targets = ("mysql",)
    raised_by = "converter"
