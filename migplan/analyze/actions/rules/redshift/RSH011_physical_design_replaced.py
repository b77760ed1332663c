from migplan.analyze.actions.base import Rule


class PhysicalDesignReplaced(Rule):
    """The source's physical design clauses are not carried over as written; distribution and sort keys replace them.

    What it detects:
        Teradata PRIMARY INDEX, FALLBACK, journals and COMPRESS value lists; Netezza DISTRIBUTE ON and
        ORGANIZE ON; Vertica projections, SEGMENTED BY / UNSEGMENTED, ORDER BY and KSAFE; Greenplum
        DISTRIBUTED BY/RANDOMLY/REPLICATED and append-optimized storage options; Oracle and SQL Server
        storage, compression, columnstore and DISTRIBUTION options.

    Why it matters:
        These clauses have no Redshift syntax. Their intent (co-location, ordering, compression) is
        carried by DISTSTYLE/DISTKEY, SORTKEY and Redshift's automatic column encoding (ENCODE AUTO).

    Example:
        DISTRIBUTE ON (item_id) ORGANIZE ON (sale_date, store_id)

    Typical rewrite:
        Nothing to write by hand: check the recommendation (RSH010).

            DISTSTYLE KEY DISTKEY (item_id) COMPOUND SORTKEY (sale_date, store_id)

    Effort:
        None.

    References:
        https://docs.aws.amazon.com/redshift/latest/dg/c_designing-tables-best-practices.html
        https://docs.aws.amazon.com/redshift/latest/dg/c_Compression_encodings.html
    """

    code = "RSH011"
    name = "physical-design-replaced"
    category = "tables"
    severity = "info"
    effort = "none"
    targets = ("redshift",)
    raised_by = "converter"
