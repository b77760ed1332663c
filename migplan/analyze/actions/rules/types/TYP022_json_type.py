from migplan.analyze.actions.base import Rule


class JsonType(Rule):
    """A JSON column: the documents move, the JSON operators, functions and indexes need rewriting.

    What it detects:
        A JSON column crossing between MySQL and PostgreSQL (MySQL ``json`` -> ``jsonb``; PostgreSQL
        ``json``/``jsonb`` -> MySQL ``json``), or an Oracle 21c ``JSON`` column going to MySQL.

    Why it matters:
        Both sides store JSON, but each has its own syntax: MySQL JSON_EXTRACT(doc, '$.a'), ->> and
        JSON_TABLE against PostgreSQL's ->, ->>, #>, @>, ? and jsonb_* functions; MySQL indexes JSON
        through generated columns or multi-valued indexes, PostgreSQL through GIN. Binary JSON drops
        duplicate keys and key order on both sides (PostgreSQL json keeps them). In MariaDB json is
        longtext with a JSON_VALID check. DMS moves JSON as a LOB (CLOB / NCLOB), so LOB settings
        apply.

    Example:
        CREATE TABLE books (id int PRIMARY KEY, metadata json DEFAULT NULL);

    Typical rewrite:
        Keep the column; rewrite queries, generated columns and indexes that read inside the
        documents, and test them with real data.

        CREATE TABLE books (id integer PRIMARY KEY, metadata jsonb);
        CREATE INDEX books_metadata_gin ON books USING gin (metadata);

    Effort:
        Simple per column; the queries that use JSON paths are the work.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (MySQL JSON -> CLOB),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html (PostgreSQL JSON/JSONB -> NCLOB),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
    """

    code = "TYP022"
    name = "json-type"
    category = "data types"
    severity = "low"
    effort = "simple"
    raised_by = "converter"
