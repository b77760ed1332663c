from migplan.analyze.actions.base import Rule


class IndexOrganizedTable(Rule):
    """An Oracle index-organized table: written as a heap table with a primary key index.

    What it detects:
        A table created with ``ORGANIZATION INDEX``, whose rows are stored in the primary key's
        B-tree. migplan writes an ordinary table with its primary key.

    Why it matters:
        The data and the key are kept, but rows are no longer stored in key order: range scans on the
        key read more pages, and the table plus its index take more space. The overflow segment,
        PCTTHRESHOLD and key compression options are dropped. (InnoDB tables are always clustered on
        the primary key, so MySQL targets keep the physical order.) DMS does not support IOTs with an
        overflow segment as a CDC source.

    Example:
        CREATE TABLE country_codes (
          code VARCHAR2(2) PRIMARY KEY,
          name VARCHAR2(100)
        ) ORGANIZATION INDEX;

    Typical rewrite:
        Usually nothing: keep the heap table and its primary key. For large range-scanned tables on
        PostgreSQL, consider CLUSTER on the primary key index after the load, or a covering index.

        CLUSTER country_codes USING country_codes_pkey;

    Effort:
        Simple: a review of the access pattern.

    References:
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT Oracle -> PostgreSQL table-type items, which include IOTs),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (IOTs
        with overflow segment not supported by DMS).
    """

    code = "TBL007"
    name = "index-organized-table"
    category = "tables"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    raised_by = "converter"
