from migplan.analyze.actions.base import Rule


class FilteredIndex(Rule):
    """Filtered (partial) index written on every row.

    What it detects:
        An index with a ``WHERE`` filter (SQL Server filtered index, PostgreSQL partial index) when the
        target has no partial indexes (MySQL, MariaDB), or when migplan could not convert the filter
        expression. The index is written without its filter.

    Why it matters:
        An unfiltered index is larger and costs more on every write. A UNIQUE filtered index changes
        meaning: "unique among active rows" becomes "unique among all rows", so loading the data can
        fail with duplicate-key errors, or later inserts that the source accepted are rejected.

    Example:
        CREATE UNIQUE INDEX ux_users_email ON dbo.users (email) WHERE deleted = 0;

    Typical rewrite:
        For a plain filtered index, accept the full index or drop it. For a UNIQUE one on MySQL, index a
        generated column that is NULL outside the filter (NULLs do not collide in a unique index).

        ALTER TABLE users ADD email_active VARCHAR(255)
          AS (CASE WHEN deleted = 0 THEN email END) STORED;
        CREATE UNIQUE INDEX ux_users_email ON users (email_active);

    Effort:
        Simple for a plain index; a UNIQUE one needs the generated-column rewrite and a data check.

    References:
        SCT action code 683 (SQL Server to MySQL, filtered indexes); https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html
    """

    code = "IDX005"
    name = "filtered-index"
    category = "indexes"
    severity = "medium"
    effort = "simple"
    sources = ("sqlserver", "postgresql")
    sct = ("SQL Server->MySQL 683",)
    raised_by = "converter"
