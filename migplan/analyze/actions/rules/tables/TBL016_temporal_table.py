from migplan.analyze.actions.base import Rule


class TemporalTable(Rule):
    """A temporal table: row-begin/end columns, periods and history tables the target does not maintain.

    What it detects:
        A table with columns the source engine sets on every change (Db2 ``GENERATED ALWAYS AS ROW
        BEGIN | ROW END | TRANSACTION START ID``, SQL Server ``GENERATED ALWAYS AS ROW START | END``),
        a ``PERIOD SYSTEM_TIME`` / ``PERIOD BUSINESS_TIME`` (or ``PERIOD FOR SYSTEM_TIME``), a
        ``PRIMARY KEY (..., BUSINESS_TIME WITHOUT OVERLAPS)``, or system versioning added with
        ``ALTER TABLE ... ADD VERSIONING USE HISTORY TABLE``.

    Why it matters:
        PostgreSQL and MySQL have no system-period or application-period tables. The columns are
        written as plain timestamp/date columns and DMS copies the source values into them, so the
        data is complete after the load; but afterwards nothing sets the row begin/end columns, the
        history table stops receiving old row versions, ``FOR SYSTEM_TIME AS OF`` and ``FOR PORTION
        OF BUSINESS_TIME`` do not exist, and a key ``WITHOUT OVERLAPS`` is written with the period's
        begin column instead (unique, but overlapping periods are accepted).

    Example:
        CREATE TABLE accounts (
          id        BIGINT NOT NULL PRIMARY KEY,
          balance   DECIMAL(15,2),
          sys_start TIMESTAMP(12) NOT NULL GENERATED ALWAYS AS ROW BEGIN,
          sys_end   TIMESTAMP(12) NOT NULL GENERATED ALWAYS AS ROW END,
          PERIOD SYSTEM_TIME (sys_start, sys_end));
        ALTER TABLE accounts ADD VERSIONING USE HISTORY TABLE accounts_history;

    Typical rewrite:
        Keep the columns; after the load (and CDC), add a trigger that sets them and copies the old
        row into the history table on UPDATE and DELETE; rewrite AS OF queries as a UNION of the table
        and its history filtered on the period columns; check overlaps with an exclusion constraint
        (PostgreSQL, btree_gist) or a trigger.

        CREATE TRIGGER accounts_versioning BEFORE UPDATE OR DELETE ON accounts
          FOR EACH ROW EXECUTE FUNCTION accounts_keep_history();

    Effort:
        Medium per table: a trigger and the queries that read history.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.DB2.html
        (DMS Db2 LUW source),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (order of
        operations: triggers after the load).
    """

    code = "TBL016"
    name = "temporal-table"
    category = "tables"
    severity = "medium"
    effort = "medium"
    sources = ("db2", "sqlserver")
    raised_by = "converter"
