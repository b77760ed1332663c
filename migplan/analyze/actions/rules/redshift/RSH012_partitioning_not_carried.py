from migplan.analyze.actions.base import Rule


class PartitioningNotCarried(Rule):
    """Redshift tables are not partitioned: the partitioning column becomes the sort key.

    What it detects:
        A partitioned table (Teradata PARTITION BY RANGE_N, Greenplum/Oracle/Vertica/SQL Server
        partitions) converted for Amazon Redshift.

    Why it matters:
        Redshift local tables have no partitions; zone maps on the sort key give the partition pruning.
        Partition maintenance (dropping an old partition, exchanging a partition) becomes DELETE (plus
        VACUUM) or a move of cold data to Amazon S3 queried with Redshift Spectrum.

    Example:
        PARTITION BY RANGE (time_id) (PARTITION p2024 VALUES LESS THAN (...), ...)

    Typical rewrite:
        Sort on the partitioning column; rewrite the partition maintenance jobs.

            CREATE TABLE sales (...) SORTKEY (time_id);

    Effort:
        Simple, plus the maintenance jobs.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/t_Sorting_data.html
        https://docs.aws.amazon.com/redshift/latest/dg/c-spectrum-external-tables.html
    """

    code = "RSH012"
    name = "partitioning-not-carried"
    category = "tables"
    severity = "low"
    effort = "simple"
    targets = ("redshift",)
    raised_by = "converter"
