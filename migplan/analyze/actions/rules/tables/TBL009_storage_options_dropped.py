from migplan.analyze.actions.base import Rule


class StorageOptionsDropped(Rule):
    """Physical storage options of a table or index are not carried over to the target.

    What it detects:
        Storage and physical clauses of a CREATE TABLE or CREATE INDEX that have no meaning on the
        target: TABLESPACE, PCTFREE/PCTUSED/INITRANS, STORAGE (...), LOGGING/NOLOGGING, COMPRESS,
        filegroups and DATA_COMPRESSION, WITH (FILLFACTOR ...) and the like. The message lists them.

    Why it matters:
        Usually it does not: the target manages storage itself, and Aurora has no tablespaces to
        place data in. It is listed so nothing is dropped silently, and because a few options carried
        intent worth a look (compression for very large tables, fill factor for update-heavy ones).

    Example:
        CREATE TABLE orders (id NUMBER(10)) TABLESPACE app_data PCTFREE 10 STORAGE (INITIAL 64K);

    Typical rewrite:
        Nothing to do in most cases; set a fillfactor or compression on the target by hand where the
        source option mattered.

        CREATE TABLE orders (id bigint);

    Effort:
        None.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (SCT raises items 7781-7791 for SQL Server index options such as
        PAD_INDEX, SORT_IN_TEMPDB and DATA_COMPRESSION),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
        (index WITH options).
    """

    code = "TBL009"
    name = "storage-options-dropped"
    category = "tables"
    severity = "info"
    effort = "none"
    raised_by = "converter"
