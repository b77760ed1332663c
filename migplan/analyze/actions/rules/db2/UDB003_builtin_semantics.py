from migplan.analyze.actions.base import Rule


class BuiltinSemantics(Rule):
    """A Db2 built-in function rewritten with the target's equivalent whose edge cases differ.

    What it detects:
        A Db2 built-in the pair's function map (``migplan/data/functions/db2-*.toml``) rewrites with a
        known difference: ``DECIMAL(x, p, s)`` and ``DEC`` (Db2 truncates extra digits, the targets'
        casts round), ``TIMESTAMP(x)`` (Db2's string form ``2024-12-31-23.59.59`` is not read the same
        way), ``GENERATE_UNIQUE()`` (a time-ordered 13-byte value becomes a random UUID), ``VARCHAR_FORMAT``
        and Db2's ``TO_CHAR`` (``TO_CHAR`` on PostgreSQL: the common date pictures match, others differ).

    Why it matters:
        The rewritten expression runs and returns the same type, but some values come out different:
        a rounded last digit in a stored computed value or a check, a timestamp literal rejected or
        misread, keys that no longer sort by creation time, a date formatted with another picture.

    Example:
        CREATE VIEW v AS SELECT DECIMAL(amount * rate, 15, 2) AS interest,
                                TIMESTAMP('2024-12-31-23.59.59') AS cutoff FROM loans;

    Typical rewrite:
        Truncate explicitly where Db2's truncation matters, and write timestamp literals in ISO form.

        CREATE VIEW v AS SELECT CAST(TRUNC(amount * rate, 2) AS numeric(15, 2)) AS interest,
                                TIMESTAMP '2024-12-31 23:59:59' AS cutoff FROM loans;

    Effort:
        Simple per call.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.DB2.html
        (Db2 LUW as a DMS source).
    """

    code = "UDB003"
    name = "builtin-semantics"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    sources = ("db2",)
    raised_by = "converter"
