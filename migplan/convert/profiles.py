"""Target engines as class-level tables (sqlglot-style): how each writes names, identities,
comments and the like. Type maps and function maps live in data files next to this module."""

from __future__ import annotations

from functools import cache
from importlib import resources

from migplan import quoting
from migplan.engines import Engine


class TargetProfile:
    family = ""
    display = ""
    sqlglot = ""
    not_deterministic: frozenset[str] = frozenset()
    max_identifier = 63
    # schemas: PostgreSQL has schemas inside a database; MySQL's "schema" is a database
    create_schema = "CREATE SCHEMA IF NOT EXISTS {name}"
    inline_comments = False  # MySQL writes COMMENT '...' in the column/table definition
    index_names_per_schema = True  # PostgreSQL: index (and PK/UNIQUE constraint) names are schema-wide
    max_varchar = 10485760
    supports_sequences = True
    supports_check = True
    supports_partial_index = True
    supports_include = True
    supports_deferrable = True
    supports_descending_index = True
    supports_functional_index = True
    # what the target's SQL can say (the expression rewrites in convert/transforms key on these)
    has_regexp_like = True  # REGEXP_LIKE(x, p) (else the x REGEXP p operator)
    has_array_any = True  # x = ANY (ARRAY[...])
    has_is_json = True  # x IS JSON
    has_grouping_sets = True  # GROUPING SETS, CUBE
    has_filter_clause = True  # agg(x) FILTER (WHERE ...)
    has_fetch_with_ties = True  # FETCH FIRST n ROWS WITH TIES (PostgreSQL 13+)
    limit_in_quantified_subquery = True  # x IN (SELECT ... LIMIT n), = ANY / ALL (...) likewise
    has_composite_fields = True  # (row).field
    has_arrays = True  # array types and their operators
    has_boolean = True  # a real boolean type (BIT columns become boolean)
    has_to_char = True  # TO_CHAR(value, picture)
    has_date_trunc = True  # DATE_TRUNC(unit, value)
    has_xpath = True  # xpath(), xpath_exists(), XMLTABLE
    has_extractvalue = False  # MySQL's ExtractValue(xml, xpath): an XPath subset without namespaces
    integer_division_truncates = True  # int / int is an int (Oracle's NUMBER division needs a cast)
    intervals_multiply = True  # n * INTERVAL '1 day' (else INTERVAL n DAY)
    strict_text_compare = True  # text = integer is refused (the source's implicit conversion must be written)
    length_counts_bytes = False  # LENGTH() counts bytes (MySQL); else characters
    greatest_ignores_nulls = True  # GREATEST/LEAST skip NULL arguments (PostgreSQL); else a NULL argument wins
    division_by_zero_is_null = False  # x / 0 and MOD(x, 0) are NULL (MySQL); else an error
    substring_from_end = False  # SUBSTRING(s, -n) counts from the end (MySQL); else from before the start
    date_arithmetic_keeps_date = False  # DATE_ADD(date, INTERVAL 1 DAY) is a date (MySQL); else a timestamp
    has_mysql_builtins = False  # DAYOFYEAR(), WEEK(), QUARTER(), TIMESTAMPDIFF(), HEX(), EXTRACT(YEAR_MONTH ...)
    having_sees_aliases = False  # HAVING may name a select-list alias (MySQL)
    has_generate_series = True  # generate_series() as a row source (else a recursive CTE)
    trunc_function = "TRUNC"  # truncation of a number to an integer
    has_generate_series = True  # generate_series(start, stop) as a row source
    concat_skips_null = True  # concat(a, b) skips NULL arguments (else CONCAT_WS('', ...) does)
    has_trim_scale = True  # trim_scale(numeric) drops trailing zeros
    substring_counts_from_end = False  # SUBSTRING(s, -3) starts 3 characters from the end
    greatest_skips_null = True  # GREATEST/LEAST ignore NULL arguments
    trim_takes_set = True  # TRIM(LEADING 'ab' FROM s) removes any of the characters (else the string 'ab')
    extract_second_fraction = True  # EXTRACT(SECOND ...) keeps the fraction of a second
    has_lag_default = True  # LAG/LEAD(x, n, default) (else a CASE on LAG(1, n) IS NULL gives the default)
    has_regexp_occurrence = True  # REGEXP_SUBSTR(s, p, position, occurrence)
    has_percentile_aggregates = True  # PERCENTILE_CONT(f) WITHIN GROUP (ORDER BY x) as an aggregate
    # the target's words for the parts of a date or timestamp {0} (integers), from which the source
    # modules compose their engine's own date functions (convert/transforms/dateparts.py)
    date_parts: dict[str, str] = {
        "year": "CAST(EXTRACT(year FROM {0}) AS integer)", "quarter": "CAST(EXTRACT(quarter FROM {0}) AS integer)",
        "month": "CAST(EXTRACT(month FROM {0}) AS integer)", "day": "CAST(EXTRACT(day FROM {0}) AS integer)",
        "dayofyear": "CAST(EXTRACT(doy FROM {0}) AS integer)",
        "weekday0": "CAST(EXTRACT(dow FROM {0}) AS integer)",  # Sunday 0 .. Saturday 6
        "isoweek": "CAST(EXTRACT(week FROM {0}) AS integer)",
        "hour": "CAST(EXTRACT(hour FROM CAST({0} AS timestamp)) AS integer)",
        "minute": "CAST(EXTRACT(minute FROM CAST({0} AS timestamp)) AS integer)",
        "second": "CAST(FLOOR(EXTRACT(second FROM CAST({0} AS timestamp))) AS integer)",
        "millisecond": "(CAST(FLOOR(EXTRACT(milliseconds FROM CAST({0} AS timestamp))) AS integer) % 1000)",
        "microsecond": "(CAST(EXTRACT(microseconds FROM CAST({0} AS timestamp)) AS integer) % 1000000)",
        "year_start": "CAST(date_trunc('year', {0}) AS date)",
        "days_between": "(CAST({1} AS date) - CAST({0} AS date))",  # midnights from {0} to {1}
        "date_add_on_date": "CAST({0} AS date)",  # date + interval is a timestamp
        "timestamp_literal": "CAST({0} AS timestamp)",
        "int_div": "(({0}) / {1})",  # integer division of integers
    }
    # how the target writes tables (convert/tables.py keys on these)
    identity_clause = "identity"  # "identity": GENERATED ... AS IDENTITY; "auto_increment": AUTO_INCREMENT
    auto_increment_leads_key = False  # an AUTO_INCREMENT column must lead an index
    max_row_bytes: int | None = None  # the engine's row-size limit for a table definition
    table_options = ""  # written after CREATE TABLE (...)
    json_type = "jsonb"
    unsized_decimal = "numeric"  # a decimal of unknown size
    virtual_generated = False  # VIRTUAL generated columns (else STORED only)
    generated_reads_identity = True  # a generated column may read the identity column
    has_on_update = False  # column ON UPDATE CURRENT_TIMESTAMP
    local_time = "LOCALTIME"  # the current time of day without a time zone
    current_schema = "CURRENT_SCHEMA"  # the session's current schema (MySQL: its database)
    current_database = "current_database()"
    case_sensitive_text = True  # text compares case- and accent-sensitively by default
    binary_collation = ""  # where it does not: the collation that does (tables of a binary source get it)
    ci_collation = ""  # case-insensitive, accent-sensitive (SQL Server's default, citext)
    ai_collation = ""  # case- and accent-insensitive
    parenthesised_default_expressions = False  # DEFAULT (expr) (MySQL 8.0.13+, MariaDB); else DEFAULT expr
    bit_string_prefix = "B"  # B'0101' (PostgreSQL) / b'0101' (MySQL)
    constraint_names_per_schema = False  # FK and CHECK names unique in the whole schema (database)
    checks_refuse_nondeterministic = False  # a CHECK may not call NOW(), RAND()...
    checks_refuse_identity_and_cascades = False  # no CHECK on AUTO_INCREMENT or cascading FK columns
    has_not_valid = True  # ADD CONSTRAINT ... NOT VALID
    has_fk_set_default = True  # ON DELETE/UPDATE SET DEFAULT
    # indexes, sequences, types, views, names
    indexes_materialized_views = True
    prefix_indexes = False  # KEY (col(10)); text columns need a prefix to be indexed
    has_operator_classes = True
    index_methods = frozenset({"btree", "hash", "gin", "gist", "spgist", "brin"})
    extension_index_methods = True  # extensions add access methods (hnsw, bloom...): keep any the source names
    index_method_as_prefix = False  # CREATE FULLTEXT INDEX (MySQL) rather than USING method
    spatial_hint = "needs PostGIS (a GIST index on a geometry column) on PostgreSQL"
    has_nulls_ordering = True  # NULLS FIRST / LAST in an index key
    functional_index_caveat: str | None = None  # what to tell about expression keys, where the target needs it
    full_text_hint = "use a tsvector column with a GIN index"
    has_create_sequence = True
    sequence_type = "bigint"  # CREATE SEQUENCE ... AS <type>
    sequence_max: int | None = 9223372036854775807  # the largest MAXVALUE (bigint)
    has_user_types = True  # enums, domains, composite and range types as objects
    has_materialized_views = True
    has_view_comments = True
    names_case_sensitive = True  # "Name" and name are two names (quoted mixed case stays mixed)
    has_definer = False  # DEFINER= on routines and views
    triggers_in_table_schema = True  # a trigger is filed under its table's schema
    has_fk_actions = True  # ON DELETE / ON UPDATE actions on foreign keys
    has_generated_columns = True  # GENERATED ALWAYS AS (expr) columns
    has_indexes = True  # CREATE INDEX
    has_triggers = True
    has_distribution = False  # distribution and sort keys (Redshift)
    matview_with_no_data = True  # CREATE MATERIALIZED VIEW ... WITH NO DATA
    reparse_queries = False  # no local engine checks the target's syntax: view queries must read back in sqlglot
    inline_enum = False  # ENUM('a', 'b') as a column type (MySQL)
    single_byte_char = False  # CHAR/VARCHAR lengths count bytes and CHAR is single-byte (Redshift)

    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def reserved(self) -> frozenset[str]:
        return _reserved(self.family)

    def quote(self, name: str) -> str:
        return quoting.quote(name, self.family)

    def ident(self, name: str) -> str:
        """A target name as it must be written: quoted only when needed."""
        if self.needs_quotes(name):
            return self.quote(name)
        return name

    def needs_quotes(self, name: str) -> bool:
        if not name or not (name[0].isalpha() or name[0] == "_"):
            return True
        if not all(ch.isalnum() or ch in "_$" for ch in name):
            return True
        if name.upper() in self.reserved:
            return True
        return self.case_matters(name)

    def case_matters(self, name: str) -> bool:
        return name != name.lower()

    def qualified(self, schema: str | None, name: str) -> str:
        return f"{self.ident(schema)}.{self.ident(name)}" if schema else self.ident(name)

    def string(self, text: str) -> str:
        return quoting.string(text, self.family)


class PostgresProfile(TargetProfile):
    family = "postgresql"
    display = "PostgreSQL"
    sqlglot = "postgres"
    max_identifier = 63  # NAMEDATALEN - 1 bytes
    # Not IMMUTABLE in pg_proc (STABLE: depend on settings such as DateStyle, TimeZone, lc_time; or
    # VOLATILE): refused in generated columns and index expressions.
    not_deterministic = frozenset({
        "TO_CHAR", "TO_DATE", "TO_TIMESTAMP", "TO_NUMBER", "AGE", "CONCAT", "CONCAT_WS", "FORMAT", "NOW",
        "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "CLOCK_TIMESTAMP",
        "STATEMENT_TIMESTAMP", "TRANSACTION_TIMESTAMP", "TIMEOFDAY", "RANDOM", "GEN_RANDOM_UUID", "NEXTVAL",
        "CURRVAL", "CURRENT_USER", "SESSION_USER", "CURRENT_SCHEMA", "TXID_CURRENT", "UUID",
    })


class MysqlProfile(TargetProfile):
    family = "mysql"
    display = "MySQL"
    sqlglot = "mysql"
    max_identifier = 64
    create_schema = "CREATE DATABASE IF NOT EXISTS {name}"
    inline_comments = True
    index_names_per_schema = False  # MySQL index names are per table
    max_varchar = 16383  # utf8mb4: 65,535-byte row limit / 4 bytes per character
    supports_sequences = False  # MySQL 8.0 has none (MariaDB 10.3+ does)
    supports_partial_index = False
    supports_include = False
    supports_deferrable = False
    # non-deterministic built-ins, refused in generated columns (and functional key parts)
    not_deterministic = frozenset({
        "NOW", "CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME", "LOCALTIMESTAMP", "LOCALTIME", "SYSDATE",
        "UTC_TIMESTAMP", "UTC_DATE", "UTC_TIME", "UNIX_TIMESTAMP", "CURDATE", "CURTIME", "RAND", "UUID",
        "UUID_SHORT", "USER", "CURRENT_USER", "SESSION_USER", "CONNECTION_ID", "DATABASE", "LAST_INSERT_ID",
        "FOUND_ROWS", "ROW_COUNT", "GET_LOCK", "SLEEP", "NEXTVAL",
    })
    supports_descending_index = True  # MySQL 8.0 honours DESC
    has_regexp_like = False  # MySQL 8 only: MariaDB has the REGEXP operator, which both accept
    has_array_any = False
    has_is_json = False
    has_grouping_sets = False  # only GROUP BY ... WITH ROLLUP
    has_filter_clause = False
    has_fetch_with_ties = False
    limit_in_quantified_subquery = False  # "doesn't yet support 'LIMIT & IN/ALL/ANY/SOME subquery'"
    has_composite_fields = False
    has_arrays = False
    has_boolean = False  # BOOLEAN is TINYINT(1)
    has_to_char = False
    has_date_trunc = False
    has_xpath = False
    has_extractvalue = True
    integer_division_truncates = False  # / is exact (DIV truncates)
    intervals_multiply = False
    strict_text_compare = False
    length_counts_bytes = True
    greatest_ignores_nulls = False
    division_by_zero_is_null = True
    substring_from_end = True
    date_arithmetic_keeps_date = True
    has_mysql_builtins = True
    having_sees_aliases = True
    has_generate_series = False
    trunc_function = "TRUNCATE"
    has_generate_series = False
    concat_skips_null = False
    has_trim_scale = False
    substring_counts_from_end = True
    greatest_skips_null = False
    trim_takes_set = False
    extract_second_fraction = False
    has_lag_default = False  # MySQL 8.0 takes it, MariaDB (a target, and the verify engine) does not
    has_regexp_occurrence = False  # MySQL 8.0 takes it, MariaDB only REGEXP_SUBSTR(s, p)
    has_percentile_aggregates = False
    date_parts = {
        "year": "YEAR({0})", "quarter": "QUARTER({0})", "month": "MONTH({0})", "day": "DAYOFMONTH({0})",
        "dayofyear": "DAYOFYEAR({0})", "weekday0": "(DAYOFWEEK({0}) - 1)", "isoweek": "WEEK({0}, 3)",
        "hour": "HOUR({0})", "minute": "MINUTE({0})", "second": "SECOND({0})",
        "millisecond": "(MICROSECOND({0}) DIV 1000)", "microsecond": "MICROSECOND({0})",
        "year_start": "MAKEDATE(YEAR({0}), 1)", "days_between": "DATEDIFF({1}, {0})",
        "date_add_on_date": "{0}", "timestamp_literal": "CAST({0} AS datetime(6))",
        "int_div": "(({0}) DIV {1})",
    }
    identity_clause = "auto_increment"
    auto_increment_leads_key = True
    max_row_bytes = 65535  # InnoDB, utf8mb4 at 4 bytes a character
    table_options = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"
    json_type = "json"
    unsized_decimal = "decimal(38,10)"
    virtual_generated = True
    generated_reads_identity = False
    has_on_update = True
    local_time = "CURRENT_TIME()"
    current_schema = "DATABASE()"
    current_database = "DATABASE()"
    case_sensitive_text = False  # utf8mb4's default collations compare case-insensitively
    # MySQL 8.0's NO PAD collations: utf8mb4_0900_bin compares code points and 'a ' <> 'a' (utf8mb4_bin pads);
    # utf8mb4_0900_as_ci ignores case but not accents, as citext does (the verifier's MariaDB reads them by
    # its own names: verify/engines.py MARIADB_COLLATIONS)
    binary_collation = "utf8mb4_0900_bin"
    ci_collation = "utf8mb4_0900_as_ci"
    ai_collation = "utf8mb4_0900_ai_ci"
    parenthesised_default_expressions = True
    bit_string_prefix = "b"
    constraint_names_per_schema = True
    checks_refuse_nondeterministic = True
    checks_refuse_identity_and_cascades = True
    has_not_valid = False
    has_fk_set_default = False  # InnoDB refuses it
    indexes_materialized_views = False
    prefix_indexes = True
    has_operator_classes = False
    index_methods = frozenset({"btree", "hash", "fulltext", "spatial"})
    extension_index_methods = False
    index_method_as_prefix = True
    spatial_hint = ("MySQL has SPATIAL indexes on NOT NULL geometry columns with an SRID; create one once the column "
                    "is defined so")
    has_nulls_ordering = False
    functional_index_caveat = "MySQL 8.0.13+ accepts ((expr)); MariaDB needs a virtual column with an index"
    full_text_hint = "use a FULLTEXT index (InnoDB)"
    has_create_sequence = False
    sequence_type = ""
    sequence_max = None
    has_user_types = False
    inline_enum = True
    has_materialized_views = False
    has_view_comments = False
    names_case_sensitive = False
    has_definer = True
    triggers_in_table_schema = False
    supports_functional_index = True  # MySQL 8.0.13+: ((expr)); MariaDB needs a virtual column

    def case_matters(self, name: str) -> bool:
        return False  # table names follow the file system; we write lower case and never need quotes for case


class MariadbProfile(MysqlProfile):
    """MariaDB as a target: MySQL's rules, plus what MariaDB adds (sequence objects)."""

    has_create_sequence = True


class RedshiftProfile(TargetProfile):
    """Amazon Redshift: PostgreSQL 8.0.2 underneath, a columnar MPP warehouse on top. What it lacks
    (indexes, sequences, triggers, CHECK, generated columns, enforced keys) and what it adds
    (distribution and sort keys) are flags here; https://docs.aws.amazon.com/redshift/latest/dg/c_unsupported-postgresql-features.html
    lists the PostgreSQL features it does not have."""

    family = "redshift"
    display = "Amazon Redshift"
    sqlglot = "redshift"
    max_identifier = 127  # bytes, https://docs.aws.amazon.com/redshift/latest/dg/r_names.html
    max_varchar = 65535  # bytes, not characters
    supports_sequences = False
    supports_check = False
    supports_partial_index = False
    supports_include = False
    supports_deferrable = False
    supports_descending_index = False
    supports_functional_index = False
    has_regexp_like = False
    has_array_any = False
    has_is_json = False
    has_filter_clause = False
    has_composite_fields = False
    has_arrays = False
    has_xpath = False
    identity_clause = "redshift"  # IDENTITY(seed, step)
    json_type = "super"
    unsized_decimal = "numeric(38,10)"
    generated_reads_identity = False
    has_not_valid = False
    has_fk_set_default = False
    has_fk_actions = False  # REFERENCES t (c) only: no ON DELETE / ON UPDATE, no MATCH
    has_generated_columns = False
    has_indexes = False  # no CREATE INDEX: sort keys and zone maps instead
    has_triggers = False
    has_distribution = True  # DISTSTYLE / DISTKEY / SORTKEY on CREATE TABLE
    matview_with_no_data = False  # a materialized view is filled when created (or AUTO REFRESH)
    reparse_queries = True
    single_byte_char = True  # CHAR holds single-byte characters only; VARCHAR lengths are bytes
    indexes_materialized_views = False
    has_operator_classes = False
    index_methods: frozenset[str] = frozenset()
    extension_index_methods = False
    has_nulls_ordering = False
    has_create_sequence = False
    sequence_type = ""
    sequence_max = None
    has_user_types = False
    names_case_sensitive = False  # names fold to lower case unless enable_case_sensitive_identifier is on
    not_deterministic = PostgresProfile.not_deterministic | {"GETDATE", "SYSDATE"}

    def case_matters(self, name: str) -> bool:
        return False  # Redshift folds quoted names to lower case too (enable_case_sensitive_identifier off)


def profile_for(engine: Engine) -> TargetProfile:
    if engine.family == "redshift":
        return RedshiftProfile(engine)
    if engine.family == "postgresql":
        return PostgresProfile(engine)
    if engine.name.startswith("mariadb"):
        return MariadbProfile(engine)
    if engine.family == "mysql":
        return MysqlProfile(engine)
    raise ValueError(f"migplan does not write DDL for {engine.display} yet")


@cache
def _reserved(family: str) -> frozenset[str]:
    text = resources.files("migplan.data").joinpath(f"reserved/{family}.txt").read_text("utf-8")
    words = [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]
    return frozenset(words)


def non_deterministic_calls(tree, profile: TargetProfile) -> list[str]:
    """Functions in a converted expression the target refuses where values must be reproducible
    (generated columns, index expressions)."""
    from sqlglot import exp

    found = []
    for node in tree.walk() if tree is not None else ():
        if isinstance(node, exp.Anonymous):
            name = str(node.this).upper()
        elif isinstance(node, exp.Func):
            cls = type(node).__name__.upper()
            name = _FUNC_CLASSES.get(cls) or node.sql_name().upper()
            if name == "RAND" and profile.family == "postgresql":
                name = "RANDOM"
        else:
            continue
        if name in profile.not_deterministic and name not in found:
            found.append(name)
    return found


# sqlglot expression classes -> the function name the target knows them by
_FUNC_CLASSES = {"TIMETOSTR": "TO_CHAR", "STRTOTIME": "TO_TIMESTAMP", "STRTODATE": "TO_DATE",
                 "CURRENTTIMESTAMP": "CURRENT_TIMESTAMP", "CURRENTDATE": "CURRENT_DATE",
                 "CURRENTTIME": "CURRENT_TIME", "CURRENTUSER": "CURRENT_USER", "CONCATWS": "CONCAT_WS",
                 "TOCHAR": "TO_CHAR", "TONUMBER": "TO_NUMBER", "UUID": "UUID"}
