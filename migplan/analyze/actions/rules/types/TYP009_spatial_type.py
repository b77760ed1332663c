from migplan.analyze.actions.base import Rule


class SpatialType(Rule):
    """A spatial column or index: it needs PostGIS or MySQL spatial types, and a data path of its own.

    What it detects:
        A column of a spatial type: Oracle ``SDO_GEOMETRY``, SQL Server ``geometry``/``geography``,
        MySQL ``GEOMETRY``, ``POINT`` ..., PostGIS ``geometry``/``geography``. Going to PostgreSQL,
        migplan writes a placeholder (``bytea`` or ``text``) since PostGIS may not be installed; going
        to MySQL it writes ``geometry``, which holds the shapes but not every semantic (geography,
        3-D, Oracle's own shape model). Also a spatial index (SQL Server ``CREATE SPATIAL INDEX``,
        MySQL ``SPATIAL INDEX``), which migplan does not convert. Raised today by every type map.

    Why it matters:
        A placeholder type keeps bytes or text, not geometry: spatial functions, SRIDs and spatial
        indexes are gone until the column is redefined with PostGIS (``geometry(Point, 4326)``); on
        MySQL the spatial functions and the SRID handling differ. DMS does not carry spatial semantics
        across engines: Oracle SDO_GEOMETRY arrives
        as CLOB on PostgreSQL, SQL Server geometry/geography as CLOB where the target lacks them (with
        SRIDs reset to defaults), MySQL spatial types as BLOB; PostGIS is supported only PostgreSQL to
        PostgreSQL.

    Example:
        CREATE TABLE stores (id NUMBER(10) PRIMARY KEY, location SDO_GEOMETRY);

    Typical rewrite:
        Install PostGIS on the target, declare geometry columns with their type and SRID, and move the
        data as WKT/WKB (SDO_UTIL.TO_WKTGEOMETRY on Oracle, STAsText() on SQL Server) with a custom
        load or a transformation; rewrite spatial queries (SDO_RELATE -> ST_Intersects ...).

        CREATE EXTENSION IF NOT EXISTS postgis;
        CREATE TABLE stores (id bigint PRIMARY KEY, location geometry(Point, 4326));
        CREATE INDEX stores_location_gix ON stores USING gist (location);

    Effort:
        Significant: a data path of its own and rewritten spatial queries.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html
        (SDO_GEOMETRY -> CLOB on PostgreSQL targets),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html (geometry/geography ->
        CLOB; SRID reset; GEOMETRY in full LOB mode unsupported),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html (spatial -> BLOB),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html (PostGIS
        only PostgreSQL to PostgreSQL),
        https://docs.aws.amazon.com/dms/latest/sql-server-to-aurora-postgresql-migration-playbook/chap-sql-server-aurora-pg.tools.actioncode.html
        (SCT SQL Server -> PostgreSQL data-type items),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html
    """

    code = "TYP009"
    name = "spatial-type"
    category = "data types"
    severity = "high"
    effort = "significant"
    raised_by = "converter"
