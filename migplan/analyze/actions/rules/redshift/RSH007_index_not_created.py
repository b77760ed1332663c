from migplan.analyze.actions.base import Rule


class IndexNotCreated(Rule):
    """Redshift has no indexes: the index is not created; sort keys and zone maps do its work.

    What it detects:
        Each index of the scripts (secondary, bitmap, columnstore, Teradata secondary and join indexes)
        converted for Amazon Redshift.

    Why it matters:
        Redshift has no CREATE INDEX. Range-restricted scans use the sort key (zone maps skip blocks);
        a unique index's guarantee is lost (see RSH001). migplan folds the index columns into the sort key
        recommendation where they look like filter columns.

    Example:
        CREATE BITMAP INDEX sales_channel_bix ON sales (channel_id);

    Typical rewrite:
        Nothing to create; check the table's sort key covers the columns the index served.

            ALTER TABLE sales ALTER SORTKEY (time_id, channel_id);

    Effort:
        None.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/c_unsupported-postgresql-features.html
        https://docs.aws.amazon.com/redshift/latest/dg/t_Sorting_data.html
    """

    code = "RSH007"
    name = "index-not-created"
    category = "indexes"
    severity = "info"
    effort = "none"
    targets = ("redshift",)
    raised_by = "converter"
