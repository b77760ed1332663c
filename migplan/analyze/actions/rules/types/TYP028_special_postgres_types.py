from migplan.analyze.actions.base import Rule


class SpecialPostgresTypes(Rule):
    """A PostgreSQL-only type going to MySQL (network, range, full-text, geometric, hstore): kept as text.

    What it detects:
        A PostgreSQL column of a type MySQL does not have: network addresses (``inet``, ``cidr``,
        ``macaddr``), ranges and multiranges (``int4range``, ``tstzrange`` ...), full-text types
        (``tsvector``, ``tsquery``), built-in geometric types (``point``, ``box``, ``circle`` ...),
        ``hstore``, varying bit strings, and system types (``oid``, ``pg_lsn``). migplan writes a
        varchar or longtext holding the text form, which is how DMS moves most of them (STRING or
        CLOB).

    Why it matters:
        The values survive as text, but the type's behaviour does not: validation (an invalid address
        is accepted), operators (<<= for subnets, && and @> for ranges, @@ for text search),
        exclusion constraints on ranges, GiST/GIN indexes, and defaults or casts written with the
        type ('[8,18)'::int4range). Generated tsvector columns have no meaning at all on MySQL.

    Example:
        CREATE TABLE clinics (id int PRIMARY KEY, opening_hours int4range NOT NULL, network cidr);

    Typical rewrite:
        Model the value with MySQL types: two columns for a range's bounds, varbinary(16) with
        INET6_ATON() for addresses, a FULLTEXT index with MATCH ... AGAINST instead of tsvector, MySQL
        spatial types for geometry; convert the data during the load and rewrite the queries.

        CREATE TABLE clinics (id int PRIMARY KEY, opens_at tinyint NOT NULL, closes_at tinyint NOT NULL,
                              network varbinary(16), network_bits tinyint);

    Effort:
        Medium per column: a model change, a data conversion and the queries that use the operators.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (DMS: INET/CIDR -> STRING(50), MACADDR -> STRING(18), TSVECTOR/TSQUERY -> CLOB,
        ranges -> STRING(255), HSTORE -> NCLOB).
    """

    code = "TYP028"
    name = "special-postgres-types"
    category = "data types"
    severity = "medium"
    effort = "medium"
    sources = ("postgresql",)
    targets = ("mysql",)
    raised_by = "converter"
