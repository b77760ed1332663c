from migplan.analyze.actions.base import Rule


class ObjectNotSupported(Rule):
    """A source object with no Redshift counterpart (projection, dimension, user type, generated column, referential action).

    What it detects:
        Vertica projections, Oracle DIMENSION objects, user-defined types, generated (computed) columns and
        ON DELETE / ON UPDATE actions of foreign keys, converted for Amazon Redshift.

    Why it matters:
        Redshift has none of these. A projection's ordering and segmentation feed the table's sort and
        distribution keys; a dimension's hierarchy is documentation for query rewrite (no effect on data);
        a generated column is written as a plain column the load must fill; referential actions do not run.

    Example:
        CREATE PROJECTION page_view_by_page AS SELECT ... ORDER BY page_id SEGMENTED BY HASH(page_id) ALL NODES;

    Typical rewrite:
        Fill generated columns in the load, run cascades in the load, and check the table's sort key covers
        the projection's order.

            INSERT INTO t (a, b, a_plus_b) SELECT a, b, a + b FROM stage;

    Effort:
        Simple per object.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/c_unsupported-postgresql-features.html
    """

    code = "RSH016"
    name = "object-not-supported"
    category = "tables"
    severity = "low"
    effort = "simple"
    targets = ("redshift",)
    raised_by = "converter"
