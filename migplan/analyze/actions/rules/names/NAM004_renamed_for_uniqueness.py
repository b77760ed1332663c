from migplan.analyze.actions.base import Rule


class RenamedForUniqueness(Rule):
    """A name collides with another one on the target: migplan added a numeric suffix.

    What it detects:
        Two source names that become the same target name within one target scope (relations of a
        schema, indexes of a schema on PostgreSQL, columns of a table ...), for instance because the
        target compares names case-insensitively, or because names unique per table in the source are
        unique per schema on the target. The second one gets ``_2``, the next ``_3``.

    Why it matters:
        The renamed object no longer has its source name: code, monitoring, hints and DMS mappings that
        name it must use the new one. PostgreSQL index and constraint names are unique per schema,
        while SQL Server and MySQL index names are unique per table, so migrated schemas often hit this
        on indexes.

    Example:
        CREATE INDEX ix_created ON dbo.orders (created_at);
        CREATE INDEX ix_created ON dbo.invoices (created_at);

    Typical rewrite:
        Give each object a deliberate unique name (for indexes: ``<table>_<columns>_idx``, as SCT's
        option to generate unique index names does) and use it everywhere.

        CREATE INDEX orders_created_idx ON dbo.orders (created_at);
        CREATE INDEX invoices_created_idx ON dbo.invoices (created_at);

    Effort:
        Simple per name.

    References:
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (SCT can generate unique index names for PostgreSQL),
        https://docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Source.html (unique
        constraint names).
    """

    code = "NAM004"
    name = "renamed-for-uniqueness"
    category = "names"
    severity = "medium"
    effort = "simple"
    raised_by = "names"
