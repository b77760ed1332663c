from migplan.analyze.actions.base import Rule


class SqlVariant(Rule):
    """A SQL Server sql_variant column: no target equivalent, and DMS does not move it.

    What it detects:
        A column of type ``sql_variant``, which stores values of different base types together with
        their type. migplan writes ``text`` so the table can be created.

    Why it matters:
        Neither PostgreSQL nor MySQL has a type that remembers each value's type, and DMS does not
        support SQL_VARIANT: the column's data does not arrive with the load. Numbers and dates kept
        as text lose their ordering and arithmetic, and code using SQL_VARIANT_PROPERTY() has nothing
        to ask.

    Example:
        CREATE TABLE app_settings (name sysname PRIMARY KEY, value sql_variant NULL);

    Typical rewrite:
        Decide on a model: one typed column per kind of value (value_int, value_text, value_date) or
        text plus a type column; copy the data with a query that converts each value
        (CAST(value AS nvarchar(4000)), SQL_VARIANT_PROPERTY(value, 'BaseType')).

        CREATE TABLE app_settings (name varchar(128) PRIMARY KEY, value text, value_type varchar(30));

    Effort:
        Medium per column: a model decision and a separate copy of the data.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html (SQL_VARIANT is unsupported by DMS),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (sql_variant among SCT's
        data-type items for SQL Server to PostgreSQL).
    """

    code = "TYP015"
    name = "sql-variant"
    category = "data types"
    severity = "high"
    effort = "medium"
    sources = ("sqlserver",)
    dms = ("unsupported-data-types-in-source",)
    raised_by = "converter"
