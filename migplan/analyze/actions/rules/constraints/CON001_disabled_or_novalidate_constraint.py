from migplan.analyze.actions.base import Rule


class DisabledOrNovalidateConstraint(Rule):
    """A constraint that is disabled, or not validated for existing rows, in the source.

    What it detects:
        A constraint declared ``DISABLE`` (Oracle), ``NOT ENFORCED`` (MySQL 8, Db2) or switched off by a
        later ``ALTER TABLE ... DISABLE CONSTRAINT`` / ``NOCHECK CONSTRAINT``; or one enabled without
        checking the rows already there: Oracle ``ENABLE NOVALIDATE``, PostgreSQL ``NOT VALID``, SQL
        Server ``WITH NOCHECK``. A disabled constraint is not created; a NOVALIDATE check or foreign key
        is created (``NOT VALID`` on PostgreSQL, where only new rows are checked). The item points at
        the constraint's definition.

    Why it matters:
        The source data may break the rule: rows that violate a disabled or never-validated
        constraint load fine through DMS but make a later ``VALIDATE CONSTRAINT`` (or the MySQL
        ALTER TABLE, which always checks) fail. A constraint disabled on purpose may also hide a rule
        the application no longer keeps, or one that is only switched off during batch loads.

    Example:
        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
          REFERENCES customers (id) ENABLE NOVALIDATE;

    Typical rewrite:
        Find the violating rows on the source, clean them (or agree to keep them), then create or
        validate the constraint on the target after the full load.

        ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
          REFERENCES customers (id) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;  -- after cleaning the data

    Effort:
        Simple per constraint, more when the data must be cleaned.

    References:
        SCT action code 326 (Oracle to MySQL, disabled constraints);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
        (SCT option
        to ignore disabled triggers and constraints),
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_BestPractices.html (create constraints after the load).
    """

    code = "CON001"
    name = "disabled-or-novalidate-constraint"
    category = "constraints"
    severity = "medium"
    effort = "simple"
    sct = ("Oracle->MySQL 326",)
    raised_by = "converter"
