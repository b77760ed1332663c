from migplan.analyze.actions.base import Rule


class FulltextIndex(Rule):
    """Full-text index: not converted; text search must be rebuilt on the target.

    What it detects:
        A full-text index (MySQL ``FULLTEXT``, SQL Server ``CREATE FULLTEXT INDEX``) in the source.
        migplan writes nothing for it.

    Why it matters:
        Full-text engines differ in tokenising, stemming, stop words, ranking and query syntax. On
        PostgreSQL the equivalent is a ``tsvector`` (a generated column or an expression) with a GIN
        index, queried with ``@@``; on MySQL it is an InnoDB ``FULLTEXT`` index queried with ``MATCH ...
        AGAINST``. Every query that used ``MATCH``, ``CONTAINS`` or ``FREETEXT`` must be rewritten, and
        results (ranking, which rows match) will not be identical.

    Example:
        CREATE FULLTEXT INDEX ft_articles ON articles (title, body);

    Typical rewrite:
        PostgreSQL: add a generated tsvector column with a GIN index and rewrite the searches to use it;
        pick the text search configuration (language) deliberately.

        ALTER TABLE articles ADD COLUMN search tsvector
          GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))) STORED;
        CREATE INDEX ft_articles ON articles USING gin (search);
        -- WHERE search @@ websearch_to_tsquery('english', 'cloud migration')

    Effort:
        Significant: the index is quick, the searches that use it must be rewritten and their results
        compared with the source's.

    References:
        SCT action code 7688 (SQL Server to PostgreSQL, FREETEXT/CONTAINS: no automation);
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (MySQL FULLTEXT indexes).
    """

    code = "IDX008"
    name = "fulltext-index"
    category = "indexes"
    severity = "high"
    effort = "significant"
    sources = ("mysql", "sqlserver")
    sct = ("SQL Server->PostgreSQL 7688",)
    raised_by = "converter"
