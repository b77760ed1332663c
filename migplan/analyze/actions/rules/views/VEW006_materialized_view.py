from migplan.analyze.actions.base import Rule


class MaterializedView(Rule):
    """Materialized view whose refresh the target cannot do: schedule it (MySQL: a table to refill).

    What it detects:
        - on PostgreSQL: a materialized view with refresh options (``REFRESH FAST``, ``ON COMMIT``,
          ``START WITH ... NEXT``, ``ENABLE QUERY REWRITE``, ``BUILD DEFERRED``): the view is written,
          the options are not;
        - on MySQL: any materialized view, written as a table filled once by the query.

    Why it matters:
        PostgreSQL refreshes a materialized view only when told to (``REFRESH MATERIALIZED VIEW``), and
        always completely: no fast (incremental) refresh, no refresh on commit, no query rewrite. MySQL
        has no materialized views at all. Without a scheduled refresh the data goes stale silently, and
        queries that Oracle rewrote to use the view now read the base tables.

    Example:
        CREATE MATERIALIZED VIEW sales_by_day REFRESH FAST ON COMMIT AS
          SELECT sale_date, SUM(amount) total FROM sales GROUP BY sale_date;

    Typical rewrite:
        Schedule the refresh (pg_cron, an EventBridge job, or the application after its loads); add a
        unique index so that REFRESH ... CONCURRENTLY does not block readers. For ON COMMIT freshness, a
        summary table maintained by triggers. On MySQL: a table refilled by an event or a job.

        CREATE MATERIALIZED VIEW sales_by_day AS
          SELECT sale_date, SUM(amount) AS total FROM sales GROUP BY sale_date;
        CREATE UNIQUE INDEX ON sales_by_day (sale_date);
        SELECT cron.schedule('*/15 * * * *', 'REFRESH MATERIALIZED VIEW CONCURRENTLY sales_by_day');

    Effort:
        Medium: choose the refresh mechanism and check that the staleness is acceptable.

    References:
        SCT action code 5095 (Oracle to PostgreSQL: no incremental refresh), 94 and 95 (Oracle to
        MySQL: no materialized views);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "VEW006"
    name = "materialized-view"
    category = "views and SQL"
    severity = "medium"
    effort = "medium"
    sct = ("Oracle->PostgreSQL 5095", "Oracle->MySQL 94", "Oracle->MySQL 95")
    raised_by = "converter"
