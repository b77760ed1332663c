from migplan.analyze.actions.base import Rule


class RemoteSynonym(Rule):
    """Synonym for an object in another database (database link, linked server): not converted.

    What it detects:
        A synonym whose target is reached over an Oracle database link (``FOR orders@sales_link``) or is
        in another SQL Server database or linked server (``FOR srv.db.dbo.orders``).

    Why it matters:
        The object lives outside the migrated database. On PostgreSQL it can be reached through a
        foreign table (postgres_fdw, or oracle_fdw where available); MySQL has only the limited
        FEDERATED engine. Often the remote database is migrated too, or the application should call
        it itself: a design decision, not a syntax change.

    Example:
        CREATE SYNONYM remote_orders FOR orders@sales_link;

    Typical rewrite:
        Decide where the remote data will live after the migration. If it stays remote, create a
        foreign server and a foreign table with the synonym's name; otherwise point the code at the
        migrated table.

        CREATE EXTENSION IF NOT EXISTS postgres_fdw;
        CREATE SERVER sales_srv FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'sales-db', dbname 'sales');
        CREATE USER MAPPING FOR app_user SERVER sales_srv OPTIONS (user 'app', password '...');
        IMPORT FOREIGN SCHEMA public LIMIT TO (orders) FROM SERVER sales_srv INTO app;

    Effort:
        Medium: the remote access must be set up (network, credentials) and tested, or the code changed.

    References:
        SCT action codes for database links (no automation, rewrite with postgres_fdw): 5605, 5639-5641,
        5657 (Oracle to PostgreSQL); synonyms 5352, 5353; https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
    """

    code = "NAM006"
    name = "remote-synonym"
    category = "names"
    severity = "high"
    effort = "medium"
    sct = ("Oracle->PostgreSQL 5605", "Oracle->PostgreSQL 5639", "Oracle->PostgreSQL 5640",
           "Oracle->PostgreSQL 5641", "Oracle->PostgreSQL 5657")
    raised_by = "converter"
