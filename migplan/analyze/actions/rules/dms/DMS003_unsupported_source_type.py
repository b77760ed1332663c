from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._scan import bare, dms_scope, has_key
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import Table

_ORACLE = {"BFILE", "ROWID", "UROWID", "REF", "ANYDATA", "SYS.ANYDATA"}
_SQLSERVER = {"CURSOR", "SQL_VARIANT", "TABLE"}
_PG_TO_PG = {"INET", "MACADDR", "MACADDR8", "TSVECTOR", "TSQUERY", "LINE", "LSEG", "BOX", "PATH", "CIRCLE",
             "INT4RANGE", "INT8RANGE", "NUMRANGE", "TSRANGE", "TSTZRANGE", "DATERANGE"}
_POSTGIS = {"GEOMETRY", "GEOGRAPHY"}


class UnsupportedSourceType(Rule[Table]):
    """A column type DMS cannot move from this source engine: its values arrive as NULL or not at all.

    What it detects:
        Columns whose type DMS does not support for the source engine: Oracle BFILE, ROWID, UROWID, REF,
        ANYDATA and user-defined object types; SQL Server CURSOR, SQL_VARIANT and TABLE; PostgreSQL to
        PostgreSQL ENUM, INET, MACADDR, TSVECTOR, TSQUERY, geometric (LINE, LSEG, BOX, PATH, CIRCLE),
        composite and range types, PostGIS types to a non-PostgreSQL target, OID large objects, and
        arrays in tables without a primary key; Db2 DECFLOAT; SAP ASE user-defined types. Oracle types
        the converter already reported for the same column are not repeated.

    Why it matters:
        The table migrates, but these columns do not: Oracle replicates them as NULL, Db2 ignores
        DECFLOAT changes, ASE user-defined type columns arrive as NULL, PostgreSQL tables with arrays and
        no primary key are suspended in CDC. The data must be moved another way or the column changed
        before the migration.

    Example:
        CREATE TABLE scans (id NUMBER PRIMARY KEY, image BFILE);   -- Oracle
        CREATE TABLE settings (id INT PRIMARY KEY, value SQL_VARIANT);  -- SQL Server

    Typical rewrite:
        Change the column to a supported type on the source (or a view/transformation that casts it),
        or copy the data outside DMS (export/import, application) and exclude the column from the task.

        ALTER TABLE settings ADD value_text NVARCHAR(4000);  -- filled from CAST(value AS NVARCHAR(4000))

    Effort:
        Medium per column: a data path outside DMS or a source-side change.

    References:
        DMS premigration assessment unsupported-data-types-in-source;
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Tasks.AssessmentReport.Assessments.All.html,
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html (Oracle
        unsupported types),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html (SQL Server),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html (PostgreSQL),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.DB2.html (Db2 DECFLOAT),
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SAP.html (SAP ASE).
    """

    code = "DMS003"
    name = "unsupported-source-type"
    category = "DMS readiness"
    severity = "high"
    effort = "medium"
    kinds = ("table",)
    dms = ("unsupported-data-types-in-source",)

    def check(self, obj: Table, ctx: AnalysisContext) -> Iterable[Finding]:
        if not dms_scope(obj, ctx):
            return
        conv = ctx.conversion.by_source(obj)
        reported = {f.sub for f in conv.findings if f.code == "TYP008"} if conv else set()
        for col in obj.columns:
            why = self._why(obj, col, ctx)
            if why and col.name not in reported:
                line = col.line or obj.location.line
                yield ctx.hit(self, obj, line, f"column {col.name} {col.source_type}: {why}",
                              source=col.source_type, sub=col.name)

    @staticmethod
    def _why(table, col, ctx) -> str | None:
        family = ctx.source.family
        base = bare(col.type.base)
        udt = ctx.inventory.get(col.type.base, "type")  # unqualified user types are not always marked
        udt_kind = getattr(udt, "type_kind", "") if udt is not None else ""
        if family == "oracle":
            if base in _ORACLE or udt_kind == "object":
                return "not supported by DMS from Oracle; replicated as NULL"
        elif family == "sqlserver":
            if base in _SQLSERVER:
                return "not supported by DMS from SQL Server"
        elif family == "sap-ase":
            if col.type.user_defined or udt is not None:
                return "user-defined type: DMS replicates it as NULL from SAP ASE"
        elif family == "db2":
            if base == "DECFLOAT":
                return "DECFLOAT is not supported by DMS CDC from Db2 (changes ignored)"
        elif family == "postgresql":
            if base in ("OID", "LO"):
                return "OID large objects are not migrated by DMS"
            if col.type.array and not has_key(table, ctx):
                return "array column in a table without primary key: DMS suspends the table in CDC"
            if ctx.target_family == "postgresql":
                if base in _PG_TO_PG or udt_kind in ("enum", "composite", "range"):
                    return "DMS does not migrate this type from PostgreSQL to PostgreSQL"
            elif base in _POSTGIS:
                return "DMS moves PostGIS types only between PostgreSQL databases"
        return None
