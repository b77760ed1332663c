from migplan.analyze.actions.base import Rule


class EnumType(Rule):
    """A MySQL ENUM column: written as varchar(255); the list of allowed values must become a CHECK.

    What it detects:
        A MySQL column of type ``ENUM('a', 'b', ...)`` going to PostgreSQL. migplan writes it as
        ``varchar(255)`` (an ENUM value has at most 255 characters), which is what DMS loads into it:
        DMS moves ENUM as a string (WSTRING of the longest value).

    Why it matters:
        The column no longer restricts its values: without a CHECK any string is accepted. MySQL
        also sorts and compares ENUMs by their position in the list (ORDER BY status follows the
        declaration order, status > 2 compares indexes) and turns invalid values into '' in a
        non-strict sql_mode; on PostgreSQL the column sorts alphabetically and numeric comparisons
        fail. A PostgreSQL ENUM type keeps the order, but needs CREATE TYPE, casts during the load
        and ALTER TYPE to add values.

    Example:
        CREATE TABLE orders (id INT PRIMARY KEY,
                             status ENUM('pending', 'paid', 'shipped') NOT NULL DEFAULT 'pending');

    Typical rewrite:
        Add a CHECK with the allowed values (or create an enum type when the order matters), and
        rewrite ORDER BY / comparisons that rely on the ENUM position (array_position or a CASE).

        CREATE TABLE orders (id integer PRIMARY KEY,
                             status varchar(255) NOT NULL DEFAULT 'pending'
                               CHECK (status IN ('pending', 'paid', 'shipped')));

    Effort:
        Simple per column: one CHECK; more where code sorts or compares by position.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (ENUM needs a PostgreSQL enum type or a CHECK),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (DMS moves ENUM as
        WSTRING of the longest value).
    """

    code = "TYP004"
    name = "enum-type"
    category = "data types"
    severity = "medium"
    effort = "simple"
    sources = ("mysql",)
    targets = ("postgresql",)
    raised_by = "converter"
