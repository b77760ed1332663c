from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject

# extension -> what replaces it on MySQL
_MYSQL = {
    "POSTGIS": "MySQL spatial types and ST_ functions (a subset; DMS moves PostGIS types only to PostgreSQL)",
    "PGCRYPTO": "MySQL's AES_ENCRYPT/SHA2/RANDOM_BYTES (different formats) or the application",
    "CITEXT": "a case-insensitive collation on the column (utf8mb4_0900_as_ci)",
    "PG_TRGM": "no trigram similarity; FULLTEXT with the ngram parser covers some searches",
    "UUID-OSSP": "UUID() (or UUID_TO_BIN for storage)",
    "HSTORE": "a JSON column",
    "LTREE": "a materialised path column with LIKE 'a.b.%' searches",
    "TABLEFUNC": "conditional aggregation instead of crosstab()",
    "FUZZYSTRMATCH": "SOUNDEX() only",
    "UNACCENT": "an accent-insensitive collation",
    "POSTGRES_FDW": "no foreign tables: replicate the data or query it from the application",
    "DBLINK": "no cross-server queries: replicate the data or query it from the application",
    "PG_STAT_STATEMENTS": "performance_schema statement digests",
    "BTREE_GIST": "not needed (no exclusion constraints on MySQL)",
    "INTARRAY": "JSON arrays or child tables",
}


class Extensions(Rule):
    """CREATE EXTENSION: the extension must exist on the target, or be replaced on MySQL.

    What it detects:
        Each PostgreSQL extension the scripts create (PostGIS, pgcrypto, citext, pg_trgm, uuid-ossp,
        hstore, postgres_fdw ...).

    Why it matters:
        On a PostgreSQL target only the extensions the managed service offers for that engine version
        can be created: check the target's supported extensions (and their versions) before the
        migration. On a MySQL target there are no extensions: the types, functions, operators and
        indexes the extension provides must be replaced one by one. DMS moves PostGIS data only between
        PostgreSQL databases.

    Example:
        CREATE EXTENSION IF NOT EXISTS citext;
        CREATE TABLE users (email citext UNIQUE);

    Typical rewrite:
        PostgreSQL: confirm the extension is available on the target version and create it first.
        MySQL: replace what it provides (collations for citext, JSON for hstore, spatial types for
        PostGIS ...).

        CREATE TABLE users (email VARCHAR(320) COLLATE utf8mb4_0900_as_ci UNIQUE);

    Effort:
        Simple on a PostgreSQL target; medium or more on MySQL, depending on how much of the extension
        is used.

    References:
        https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.PostgreSQL.html
        (PostGIS only PostgreSQL to PostgreSQL; pglogical as DMS decoding plugin).
    """

    code = "PGS012"
    name = "extensions"
    category = "functional differences"
    severity = "medium"
    effort = "medium"
    sources = ("postgresql",)
    kinds = ("extension",)

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        name = obj.name.strip('"')
        if ctx.target_family == "postgresql":
            msg = f"extension {name}: check the target's supported extensions (and version)"
            if name.upper() == "PGLOGICAL":
                msg += "; DMS uses pglogical as its decoding plugin when it is installed on the source"
            effort = "simple"
        else:
            how = _MYSQL.get(name.upper(), "replace the types and functions it provides")
            msg, effort = f"extension {name}: no extensions on MySQL; {how}", "medium"
        f = ctx.hit(self, obj, obj.location.line, msg, source=f"CREATE EXTENSION {name}")
        f.effort = effort
        yield f
