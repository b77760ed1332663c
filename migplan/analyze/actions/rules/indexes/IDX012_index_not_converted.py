from migplan.analyze.actions.base import Rule


class IndexNotConverted(Rule):
    """An index migplan did not write: domain index, index on a non-table, or no usable key.

    What it detects:
        - an Oracle domain index (``INDEXTYPE IS CTXSYS.CONTEXT``, spatial, or a user indextype);
        - an index on an object that is not a table of the scripts (a view, a materialized view, or a
          table created elsewhere);
        - an index none of whose keys could be written.

    Why it matters:
        The index is missing on the target. Oracle Text and spatial indexes have no drop-in equivalent:
        the searches built on them (``CONTAINS``, ``SDO_RELATE`` ...) must be rewritten. An index on a
        table outside the scripts must be created where that table is defined.

    Example:
        CREATE INDEX docs_text_ix ON docs (body) INDEXTYPE IS CTXSYS.CONTEXT;

    Typical rewrite:
        Oracle Text: a tsvector column with a GIN index (PostgreSQL) or an InnoDB FULLTEXT index (MySQL),
        and rewritten searches; spatial: PostGIS with a GiST index. For an index on a view, index the
        base table (or the materialized view on PostgreSQL).

        ALTER TABLE docs ADD COLUMN body_tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED;
        CREATE INDEX docs_text_ix ON docs USING gin (body_tsv);

    Effort:
        Medium: simple for an index on a table defined elsewhere, significant for Oracle Text searches.

    References:
        SCT action codes for domain indexes: 5208 (Oracle to PostgreSQL), 208 (Oracle to MySQL);
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-mysql-migration-playbook/chap-oracle-aurora-mysql.tools.actioncode.html
    """

    code = "IDX012"
    name = "index-not-converted"
    category = "indexes"
    severity = "medium"
    effort = "medium"
    sct = ("Oracle->PostgreSQL 5208", "Oracle->MySQL 208")
    raised_by = "converter"
