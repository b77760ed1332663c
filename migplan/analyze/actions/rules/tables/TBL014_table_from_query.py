from migplan.analyze.actions.base import Rule


class TableFromQuery(Rule):
    """A table created from a query or from another table (CTAS / LIKE): not converted.

    What it detects:
        ``CREATE TABLE ... AS SELECT``, ``CREATE TABLE ... AS (query) WITH [NO] DATA`` or
        ``CREATE TABLE ... LIKE other`` without a column list: the columns come from the query or the
        other table, and a script alone does not say what they are. When every column of the query
        is a column of a table of the scripts (``*``, ``t.col``) or a CAST, migplan derives the
        columns and converts the table like any other; this item is for the rest.

    Why it matters:
        migplan cannot write the target table, so it is missing from the converted schema and from the
        DMS table mappings until it is created by hand. DMS does not replicate the data of a CTAS run
        during CDC (the table is created, its rows are not); on SQL Server the SELECT ... INTO pattern
        is not supported either.

    Example:
        CREATE TABLE orders_2023 AS SELECT * FROM orders WHERE order_date < DATE '2024-01-01';

    Typical rewrite:
        Take the table's definition from the source catalog (DBMS_METADATA.GET_DDL, SCT) once it
        exists, and convert it as an ordinary table; if the table is rebuilt by a job, convert the job.

        CREATE TABLE orders_2023 (id bigint, order_date timestamp(0), ...);

    Effort:
        Simple: one table definition from the catalog.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (CTAS data not replicated),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html
        (SELECT ... INTO new_table not supported).
    """

    code = "TBL014"
    name = "table-from-query"
    category = "tables"
    severity = "high"
    effort = "simple"
    raised_by = "converter"
