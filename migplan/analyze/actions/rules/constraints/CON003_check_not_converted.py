from migplan.analyze.actions.base import Rule


class CheckNotConverted(Rule):
    """A CHECK constraint whose condition could not be converted: it is not created on the target.

    What it detects:
        A CHECK constraint (or the CHECK of a domain) whose condition sqlglot could not read, such as
        an engine-specific predicate or a damaged script. The message carries the reason; the
        constraint is left out of the target DDL.

    Why it matters:
        The target accepts rows the source would have rejected: the data-quality rule is lost
        silently, and application code that relied on the error (e.g. to validate input) no longer
        gets one.

    Example:
        ALTER TABLE orders ADD CONSTRAINT orders_doc_ck
          CHECK (doc IS JSON FORMAT JSON);

    Typical rewrite:
        Rewrite the condition in the target's SQL and add the constraint by hand; where the condition
        needs a function or another table, use a trigger.

        ALTER TABLE orders ADD CONSTRAINT orders_doc_ck CHECK (doc IS JSON);  -- PostgreSQL 16+

    Effort:
        Simple per constraint.

    References:
        SCT action codes 325 (Oracle to MySQL) and 678 (SQL Server to MySQL) for CHECK constraints
        that MySQL before 8.0.16 did not enforce;
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-mysql-migration-playbook/chap-sql-server-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "CON003"
    name = "check-not-converted"
    category = "constraints"
    severity = "medium"
    effort = "simple"
    sct = ("Oracle->MySQL 325", "SQL Server->MySQL 678")
    raised_by = "converter"
