from migplan.analyze.actions.base import Rule


class Rowversion(Rule):
    """A SQL Server rowversion (timestamp) column: its values move, but nothing updates them any more.

    What it detects:
        A column of type ``rowversion`` or its old name ``timestamp`` (a row version counter, not a
        date), written as ``bytea`` (PostgreSQL) or ``binary(8)`` (MySQL).

    Why it matters:
        SQL Server sets a new database-wide increasing value on every insert and update of the row;
        applications use it for optimistic locking (UPDATE ... WHERE RowVer = @old) and for change
        detection (WHERE RowVer > @last). On the target the column is plain data: inserts fail on
        NOT NULL, updates keep the old value, and both patterns silently stop working. DMS moves it as
        BYTES.

    Example:
        CREATE TABLE orders (id int PRIMARY KEY, RowVer rowversion NOT NULL);

    Typical rewrite:
        Replace it with a version column maintained by a trigger (or by the application), or on
        PostgreSQL use the system column xmin for optimistic locking; keep the migrated bytes only if
        something reads the old values.

        CREATE TABLE orders (id integer PRIMARY KEY, row_version bigint NOT NULL DEFAULT 1);
        -- plus a BEFORE UPDATE trigger: NEW.row_version := OLD.row_version + 1

    Effort:
        Medium per table: a trigger and the code that compares versions.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html
        (DMS moves TIMESTAMP/rowversion as BYTES).
    """

    code = "TYP014"
    name = "rowversion"
    category = "data types"
    severity = "medium"
    effort = "medium"
    sources = ("sqlserver",)
    raised_by = "converter"
