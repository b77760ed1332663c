from migplan.analyze.actions.base import Rule


class MaterializedViewDifferences(Rule):
    """A materialized view on Redshift: refreshed by REFRESH or AUTO REFRESH, with no query rewrite.

    What it detects:
        Each materialized view converted for Amazon Redshift.

    Why it matters:
        Redshift materialized views are refreshed incrementally or fully by REFRESH MATERIALIZED VIEW (or
        AUTO REFRESH YES); Oracle's ON COMMIT refresh, query rewrite hints and refresh groups do not carry
        over, and some queries (outer joins, some aggregates) only refresh fully.

    Example:
        CREATE MATERIALIZED VIEW mv REFRESH FAST ON COMMIT ENABLE QUERY REWRITE AS SELECT ...

    Typical rewrite:
        Schedule REFRESH MATERIALIZED VIEW after each load, or create it with AUTO REFRESH YES.

            REFRESH MATERIALIZED VIEW sales_by_month_mv;

    Effort:
        Simple.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/materialized-view-overview.html
    """

    code = "RSH015"
    name = "materialized-view-differences"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    targets = ("redshift",)
    raised_by = "converter"
