from migplan.analyze.actions.base import Rule


class ReadOnlyView(Rule):
    """WITH READ ONLY view: the clause is dropped; keep it read-only with privileges.

    What it detects:
        A view created ``WITH READ ONLY`` (Oracle).

    Why it matters:
        PostgreSQL and MySQL have no read-only views. A simple view on one table is updatable on both
        targets, so after the migration INSERT, UPDATE and DELETE through the view succeed where Oracle
        raised ORA-42399: the protection now has to come from privileges.

    Example:
        CREATE VIEW active_customers AS SELECT id, name FROM customers WHERE active = 'Y' WITH READ ONLY;

    Typical rewrite:
        Grant only SELECT on the view to the roles that use it (and nothing on the base table). Where
        writes must be blocked for everyone, add a trigger that raises an error (PostgreSQL: an INSTEAD
        OF trigger on the view).

        CREATE VIEW active_customers AS SELECT id, name FROM customers WHERE active = 'Y';
        REVOKE ALL ON active_customers FROM PUBLIC;
        GRANT SELECT ON active_customers TO app_reader;

    Effort:
        Simple.

    References:
        SCT action codes 5075 (Oracle to PostgreSQL: PostgreSQL has no WITH READ ONLY on views) and 75
        (Oracle to MySQL);
        https://docs.aws.amazon.com/dms/latest/userguide/assessment-reports.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "VEW005"
    name = "read-only-view"
    category = "views and SQL"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    sct = ("Oracle->PostgreSQL 5075", "Oracle->MySQL 75")
    raised_by = "converter"
