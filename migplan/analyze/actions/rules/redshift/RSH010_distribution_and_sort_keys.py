from migplan.analyze.actions.base import Rule


class DistributionAndSortKeys(Rule):
    """migplan's distribution style and sort key for a table, with the reason.

    What it detects:
        Every table converted for Amazon Redshift: the DISTSTYLE/DISTKEY and SORTKEY written, derived from
        the source's own distribution clause (PRIMARY INDEX, DISTRIBUTE ON, SEGMENTED BY, DISTRIBUTED BY,
        DISTRIBUTION =), the foreign-key joins in the schema, the table's size where the scripts say it,
        and date or partition columns.

    Why it matters:
        Distribution decides which rows meet on a node in a join; the sort key decides which blocks a
        range filter skips. A small dimension copied to every node (ALL), a large fact distributed on its
        dominant join column (KEY) and AUTO otherwise follow the Redshift best practices; the reason is
        given so it can be checked against the real query patterns.

    Example:
        PRIMARY INDEX (customer_id) PARTITION BY RANGE_N(sale_date BETWEEN ...)

    Typical rewrite:
        Keep or adjust the recommendation once query patterns are known (Redshift Advisor and automatic
        table optimization can change AUTO tables later).

            CREATE TABLE sales_fact (...) DISTSTYLE KEY DISTKEY (customer_id) SORTKEY (sale_date);

    Effort:
        None: a recommendation.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/c_designing-tables-best-practices.html
        https://docs.aws.amazon.com/redshift/latest/dg/c_best-practices-best-dist-key.html
        https://docs.aws.amazon.com/redshift/latest/dg/c_best-practices-sort-key.html
    """

    code = "RSH010"
    name = "distribution-and-sort-keys"
    category = "tables"
    severity = "info"
    effort = "none"
    targets = ("redshift",)
    raised_by = "converter"
