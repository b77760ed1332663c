from migplan.analyze.actions.base import Rule


class PrefixIndex(Rule):
    """MySQL prefix index written on the whole column.

    What it detects:
        An index key with a prefix length, ``name(10)`` (MySQL), converted for a target that has no
        prefix indexes (PostgreSQL).

    Why it matters:
        PostgreSQL indexes whole values, so migplan writes the key on the whole column. The index is
        larger, and a UNIQUE prefix index changes meaning: the source rejected two values with the same
        first N characters, the target accepts them. A b-tree entry is also limited to about a third of
        a page (roughly 2.7 kB): very long values make inserts fail. DMS does not create prefix indexes
        either (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html).

    Example:
        CREATE INDEX ix_customers_name ON customers (last_name(10));

    Typical rewrite:
        Index the whole column if values are short; otherwise index the prefix expression and use it in
        queries. Keep the UNIQUE semantics only if the application needs them.

        CREATE INDEX ix_customers_name ON customers (last_name);
        -- or
        CREATE INDEX ix_customers_name ON customers ((left(last_name, 10)));

    Effort:
        Simple per index.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (prefix indexes among the MySQL to PostgreSQL items),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (DMS does not
        create prefix indexes).
    """

    code = "IDX010"
    name = "prefix-index"
    category = "indexes"
    severity = "low"
    effort = "simple"
    sources = ("mysql",)
    targets = ("postgresql",)
    raised_by = "converter"
