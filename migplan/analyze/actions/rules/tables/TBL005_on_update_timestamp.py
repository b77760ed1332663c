from migplan.analyze.actions.base import Rule


class OnUpdateTimestamp(Rule):
    """A MySQL column set automatically by ON UPDATE CURRENT_TIMESTAMP: the target needs a trigger.

    What it detects:
        A column declared with ``ON UPDATE CURRENT_TIMESTAMP`` (or another ON UPDATE expression), which
        MySQL and MariaDB refresh on every UPDATE of the row. Raised when the target is not MySQL;
        MySQL targets keep the clause.

    Why it matters:
        PostgreSQL has no such column attribute: the DEFAULT still fills the column on INSERT, but
        UPDATEs leave the old value, so "last modified" columns silently stop changing. Incremental
        extracts, caches and audit queries that rely on them miss changes.

    Example:
        CREATE TABLE customers (
          id         INT PRIMARY KEY,
          updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP
        );

    Typical rewrite:
        Add a BEFORE UPDATE trigger that sets the column; create it after the DMS full load (or
        disable it during CDC) so the replicated values are kept.

        CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.updated_at := current_timestamp; RETURN NEW; END $$;
        CREATE TRIGGER customers_updated_at BEFORE UPDATE ON customers
          FOR EACH ROW EXECUTE FUNCTION set_updated_at();

    Effort:
        Simple: one trigger per table (one shared function).

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
        (ON UPDATE CURRENT_TIMESTAMP columns need triggers),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (order of
        operations: triggers after the load).
    """

    code = "TBL005"
    name = "on-update-timestamp"
    category = "tables"
    severity = "medium"
    effort = "simple"
    sources = ("mysql", "db2")
    targets = ("postgresql",)
    raised_by = "converter"
