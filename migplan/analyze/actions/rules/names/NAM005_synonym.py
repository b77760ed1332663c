from migplan.analyze.actions.base import Rule


class Synonym(Rule):
    """Synonym: written as a view when it points to a table or view, otherwise not converted.

    What it detects:
        A ``CREATE [PUBLIC] SYNONYM`` (Oracle, SQL Server, Db2). PostgreSQL and MySQL have no synonyms.
        A synonym for a table or view of the scripts is written as ``CREATE VIEW ... AS SELECT * FROM``
        its target; a synonym for a sequence, a routine, a package or an object outside the scripts is
        not converted.

    Why it matters:
        A view works for queries and for DML on a simple table, but not for everything a synonym does:
        ``SELECT *`` is frozen at creation (new columns are not seen), privileges are granted on the
        view separately, and code that calls a routine or a sequence through a synonym fails. Public
        synonyms resolve from every schema in Oracle; on PostgreSQL the view's schema must be on the
        search_path.

    Example:
        CREATE PUBLIC SYNONYM customers FOR sales.customers;

    Typical rewrite:
        Replace references with the qualified name where you can; keep the view for tables read by
        code you cannot change; for public synonyms, put a schema holding the views on every role's
        search_path (SCT does this with a public_synonyms schema).

        CREATE VIEW public_synonyms.customers AS SELECT * FROM sales.customers;
        ALTER ROLE app_user SET search_path = app, public_synonyms, public;

    Effort:
        Simple per synonym once the approach is chosen.

    References:
        SCT action codes 5352, 5353 (Oracle to PostgreSQL), 352 (Oracle to MySQL), 7792 (SQL Server to
        PostgreSQL), 792 (SQL Server to MySQL); https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html-https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "NAM005"
    name = "synonym"
    category = "names"
    severity = "medium"
    effort = "simple"
    sct = ("Oracle->PostgreSQL 5352", "Oracle->PostgreSQL 5353", "Oracle->MySQL 352",
           "SQL Server->PostgreSQL 7792", "SQL Server->MySQL 792")
    raised_by = "converter"
