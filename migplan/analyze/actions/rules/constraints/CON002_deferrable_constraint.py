from migplan.analyze.actions.base import Rule


class DeferrableConstraint(Rule):
    """A DEFERRABLE foreign key going to a target that checks every row immediately.

    What it detects:
        A foreign key declared ``DEFERRABLE`` (``INITIALLY DEFERRED`` or ``IMMEDIATE``) when the target
        (MySQL, Aurora MySQL) has no deferrable constraints. migplan writes an ordinary foreign key.
        PostgreSQL targets keep the clause and do not raise it.

    Why it matters:
        Transactions that insert children before parents, swap keys or load cyclic references rely on
        the check running at COMMIT; on MySQL each statement fails instead. DMS does not support
        deferred constraints on Oracle and PostgreSQL sources either, so the load order matters.

    Example:
        ALTER TABLE employees ADD CONSTRAINT employees_manager_fk FOREIGN KEY (manager_id)
          REFERENCES employees (id) DEFERRABLE INITIALLY DEFERRED;

    Typical rewrite:
        Reorder the statements in the code that relies on deferral (parents first, or insert with
        NULL and update afterwards); for bulk loads, create the foreign keys after the full load or set
        foreign_key_checks = 0 for the loading session.

    Effort:
        Medium: find and test the transactions that relied on deferred checking.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (DMS: deferred constraints not supported),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (create foreign
        keys after the full load).
    """

    code = "CON002"
    name = "deferrable-constraint"
    category = "constraints"
    severity = "medium"
    effort = "medium"
    targets = ("mysql",)
    raised_by = "converter"
