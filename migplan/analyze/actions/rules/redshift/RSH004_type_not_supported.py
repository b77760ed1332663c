from migplan.analyze.actions.base import Rule


class TypeNotSupported(Rule):
    """A source data type Redshift does not have: written as the nearest Redshift type.

    What it detects:
        A column whose type has no exact Redshift form (the pair's type map names the item): CLOB/BLOB
        and other large objects beyond 65,535 bytes (VARCHAR) or 1,024,000 bytes (VARBYTE), intervals,
        XML, UUID, JSON (SUPER), numbers over 38 digits or without a scale, network and bit types.

    Why it matters:
        Values may not fit (large objects are truncated or refused by COPY), or queries on the column
        must change (SUPER is navigated with PartiQL, text stands in for XML or intervals).

    Example:
        notes CLOB(64000)

    Typical rewrite:
        Check the largest value in the source; keep large documents in Amazon S3 and query them with
        Redshift Spectrum, or split them.

            notes VARCHAR(65535)

    Effort:
        Medium: check the data, then adapt the queries that read the column.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/c_Supported_data_types.html
    """

    code = "RSH004"
    name = "type-not-supported"
    category = "data types"
    severity = "medium"
    effort = "medium"
    targets = ("redshift",)
    raised_by = "converter"
