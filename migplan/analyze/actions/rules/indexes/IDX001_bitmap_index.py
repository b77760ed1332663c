from migplan.analyze.actions.base import Rule


class BitmapIndex(Rule):
    """Oracle bitmap index: written as an ordinary b-tree index.

    What it detects:
        ``CREATE BITMAP INDEX`` in the source (Oracle).

    Why it matters:
        Neither PostgreSQL nor MySQL stores bitmap indexes. PostgreSQL combines b-tree indexes into
        bitmaps at query time (bitmap heap scans); MySQL has nothing similar. migplan writes a b-tree
        index on the same columns, as SCT does. Bitmap indexes usually sit on columns with few distinct
        values in reporting tables: as a b-tree such an index is large, rarely chosen by the planner,
        and it still costs on every write (and during the DMS full load if it exists then).

    Example:
        CREATE BITMAP INDEX orders_status_bix ON orders (status);

    Typical rewrite:
        Keep the b-tree index only if a query plan on the target uses it; otherwise drop it, or replace
        it with a partial index for the rare value that queries look for (PostgreSQL).

        CREATE INDEX orders_status_bix ON orders (status);
        -- or, when queries look for one rare value:
        CREATE INDEX orders_open_ix ON orders (status) WHERE status = 'OPEN';

    Effort:
        Simple: check the plans of the queries that used it.

    References:
        SCT action codes for bitmap indexes (listed first in the index rows of
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html):
        5206 (Oracle to PostgreSQL), 206 (Oracle to MySQL).
    """

    code = "IDX001"
    name = "bitmap-index"
    category = "indexes"
    severity = "low"
    effort = "simple"
    sources = ("oracle",)
    sct = ("Oracle->PostgreSQL 5206", "Oracle->MySQL 206")
    raised_by = "converter"
