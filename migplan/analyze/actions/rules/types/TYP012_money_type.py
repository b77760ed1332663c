from migplan.analyze.actions.base import Rule


class MoneyType(Rule):
    """A money column: written as an exact decimal with the same range and scale.

    What it detects:
        A column of a money type: SQL Server ``money`` / ``smallmoney`` (written as numeric(19,4) /
        numeric(10,4) on PostgreSQL, decimal(19,4) / decimal(10,4) on MySQL) or PostgreSQL ``money``
        going to MySQL (written as decimal(19,2)).

    Why it matters:
        The values are kept exactly, but the type's behaviour is not. SQL Server money arithmetic
        rounds products and quotients to 4 decimals, decimal keeps more digits, so computed totals can
        differ in the last places. PostgreSQL money takes its scale from lc_monetary (a 3-decimal
        currency locale needs decimal(19,3)) and prints with a currency symbol and separators that
        code may parse. DMS moves PostgreSQL MONEY as NUMERIC(38,4).

    Example:
        CREATE TABLE orders (id int PRIMARY KEY, subtotal money NOT NULL);

    Typical rewrite:
        Keep the decimal type; round explicitly where the source relied on money rounding, and
        format amounts in the application instead of casting money to text.

        CREATE TABLE orders (id integer PRIMARY KEY, subtotal numeric(19,4) NOT NULL);

    Effort:
        Simple per column; check calculations that mix money with other types.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (DMS moves PostgreSQL MONEY as NUMERIC(38,4)); SQL Server "money and
        smallmoney (Transact-SQL)"; PostgreSQL manual, "Monetary Types".
    """

    code = "TYP012"
    name = "money-type"
    category = "data types"
    severity = "low"
    effort = "simple"
    sources = ("sqlserver", "postgresql")
    raised_by = "converter"
