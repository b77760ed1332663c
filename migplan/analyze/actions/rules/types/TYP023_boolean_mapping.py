from migplan.analyze.actions.base import Rule


class BooleanMapping(Rule):
    """A boolean-like column crosses between 0/1 integers and a true boolean: comparisons change.

    What it detects:
        A column whose boolean meaning is spelled differently on the two sides: SQL Server ``bit``
        and MySQL ``bit(1)`` written as PostgreSQL ``boolean``; MySQL ``tinyint(1)``/``BOOLEAN``
        written as PostgreSQL ``smallint`` (kept as an integer on purpose); PostgreSQL ``boolean``
        and Oracle 23ai ``BOOLEAN`` written as MySQL ``tinyint(1)``.

    Why it matters:
        PostgreSQL boolean does not compare with integers: WHERE flag = 1, SUM(flag), flag + 0 and
        defaults like (0) fail until rewritten to true/false. MySQL tinyint(1) holds -128..127, so it
        cannot go to boolean before the data is checked, and queries written for it compare with 0/1.
        Going to MySQL, DMS moves PostgreSQL BOOLEAN as CHAR(5) 'true'/'false', which a strict
        sql_mode rejects for tinyint; MySQL BIT arrives as BOOLEAN.

    Example:
        CREATE TABLE customers (id int PRIMARY KEY, is_active bit NOT NULL DEFAULT ((1)));

    Typical rewrite:
        For PostgreSQL boolean targets rewrite comparisons with 1/0 to the column itself / NOT column
        (or true/false) in views, checks, indexes and code. For MySQL tinyint(1) -> smallint, switch to
        boolean once SELECT DISTINCT shows only 0/1 and the code is ready. For boolean -> MySQL, map
        'true'/'false' to 1/0 in the DMS task.

        CREATE TABLE customers (id integer PRIMARY KEY, is_active boolean NOT NULL DEFAULT true);
        SELECT * FROM customers WHERE is_active;   -- not: WHERE is_active = 1

    Effort:
        Simple per column; the queries that compare the flag with numbers are the work.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (MySQL BIT -> BOOLEAN, TINYINT -> INT1),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html (PostgreSQL BOOLEAN ->
        CHAR(5) 'true'/'false'),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (TINYINT(1)/BOOLEAN semantics).
    """

    code = "TYP023"
    name = "boolean-mapping"
    category = "data types"
    severity = "low"
    effort = "simple"
    raised_by = "converter"
