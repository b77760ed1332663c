"""What each language's code does with SQL: the calls that run it, how strings are joined and
formatted, string builders. One table per language; the extractor (``extract.py``) is generic.

A *sink* is a call (or annotation, constructor, property, tagged template) whose argument the
database runs. Names are matched on the method name as written; generic names (``query``,
``execute``) are fine because only a string that reads as SQL, or starts like SQL when a sink
receives it, is ever reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from migplan.app.sqltext import FORMAT_BRACES, FORMAT_PERCENT


@dataclass(frozen=True)
class Sink:
    family: str  # the API family shown to users: JDBC, Spring JDBC, ADO.NET, Dapper, DB-API, PDO ...
    arg: int = 0  # position of the SQL among the positional arguments
    keyword: str | None = None  # or the named argument that holds it (value=, query=, sql=)
    takes: str = "sql"  # "sql"; "routine": a routine name; "jpql": an ORM query language, not SQL (dropped)
    binds_holes: bool = False  # interpolation holes are bind parameters, not pasted text
    receivers: frozenset[str] = frozenset()  # only when called on one of these (DB::select)
    context_arg: bool = False  # a leading context argument (Go's ctx) moves the SQL one place right
    native_flag: str | None = None  # an annotation argument that makes a JPQL sink native SQL (nativeQuery=true)
    join: str = ""  # an array of strings is joined with this (MyBatis @Select({"...", "..."}) joins with " ")
    brace_binds: bool = False  # {0}, {1} are bind parameters (Entity Framework's FromSqlRaw, ExecuteSqlRaw)


def _sinks(family: str, names: str, **kw) -> dict[str, Sink]:
    return {n: Sink(family, **kw) for n in names.split()}


@dataclass(frozen=True)
class Spec:
    language: str
    concat: frozenset[str]
    adjacent: bool = False  # "a" "b" is one string (Python, C)
    assign: frozenset[str] = frozenset({"="})
    append: frozenset[str] = frozenset({"+="})
    calls: dict[str, Sink] = field(default_factory=dict)
    constructors: dict[str, Sink] = field(default_factory=dict)
    annotations: dict[str, Sink] = field(default_factory=dict)
    properties: dict[str, Sink] = field(default_factory=dict)
    tags: dict[str, Sink] = field(default_factory=dict)
    formats: dict[str, tuple[int, str]] = field(default_factory=dict)  # function -> (format argument, style)
    string_formats: dict[str, str] = field(default_factory=dict)  # "...".format(...) -> style
    percent_operator: bool = False  # Python's "..." % args
    passthrough: frozenset[str] = frozenset()  # methods that return the same text ("...".strip())
    wrappers: dict[str, Sink] = field(default_factory=dict)  # text("..."): the same SQL, handed to an API
    builders: frozenset[str] = frozenset()
    builder_append: frozenset[str] = frozenset()
    builder_done: frozenset[str] = frozenset()
    receivers: frozenset[str] = frozenset()  # this, self: left out of variable names
    casts: bool = False  # (type) value
    type_annotations: bool = False  # name: type = value
    jpql_unless_import: str | None = None  # a JPQL sink reads SQL when the file imports this (JDBI's createQuery)


_JDBC = "JDBC"
_SPRING = "Spring JDBC"

JAVA = Spec(
    language="java",
    concat=frozenset({"+"}),
    calls={
        **_sinks(_JDBC, "prepareStatement prepareCall executeQuery executeUpdate execute executeLargeUpdate "
                        "addBatch nativeSQL"),
        **_sinks(_SPRING, "query queryForObject queryForList queryForMap queryForRowSet queryForStream queryForLong "
                          "queryForInt update batchUpdate sql"),
        **_sinks("JPA", "createNativeQuery createSQLQuery createNativeMutationQuery"),
        **_sinks("JPA", "createQuery", takes="jpql"),
        **_sinks("Spring SimpleJdbcCall", "withProcedureName withFunctionName", takes="routine"),
    },
    annotations={
        "Query": Sink("Spring Data @Query", keyword="value", takes="jpql", native_flag="nativeQuery"),
        "NamedNativeQuery": Sink("JPA @NamedNativeQuery", keyword="query", arg=-1),
        "NamedQuery": Sink("JPA @NamedQuery", keyword="query", arg=-1, takes="jpql"),
        **{a: Sink("MyBatis @" + a, keyword="value", join=" ") for a in ("Select", "Insert", "Update", "Delete")},
        **{a: Sink("JDBI @" + a, keyword="value") for a in ("SqlQuery", "SqlUpdate", "SqlBatch", "SqlCall")},
        "Procedure": Sink("Spring Data @Procedure", keyword="procedureName", takes="routine"),
    },
    formats={"String.format": (0, FORMAT_PERCENT), "MessageFormat.format": (0, FORMAT_BRACES)},
    string_formats={"formatted": FORMAT_PERCENT},
    passthrough=frozenset({"trim", "strip", "stripIndent", "intern", "toString"}),
    builders=frozenset({"StringBuilder", "StringBuffer"}),
    builder_append=frozenset({"append"}),
    builder_done=frozenset({"toString"}),
    receivers=frozenset({"this"}),
    casts=True,
    jpql_unless_import="org.jdbi",
)

_ADO = "ADO.NET"
_DAPPER = "Dapper"
_EF = "Entity Framework"

CSHARP = Spec(
    language="csharp",
    concat=frozenset({"+"}),
    calls={
        **_sinks(_DAPPER, "Query QueryAsync QueryFirst QueryFirstAsync QueryFirstOrDefault QueryFirstOrDefaultAsync "
                          "QuerySingle QuerySingleAsync QuerySingleOrDefault QuerySingleOrDefaultAsync QueryMultiple "
                          "QueryMultipleAsync Execute ExecuteAsync ExecuteScalar ExecuteScalarAsync ExecuteReader "
                          "ExecuteReaderAsync"),
        **_sinks(_EF, "FromSqlRaw ExecuteSqlRaw ExecuteSqlRawAsync SqlQueryRaw", brace_binds=True),
        **_sinks(_EF, "FromSqlInterpolated ExecuteSqlInterpolated ExecuteSqlInterpolatedAsync FromSql ExecuteSql "
                      "ExecuteSqlAsync SqlQuery", binds_holes=True),
    },
    constructors=_sinks(_ADO, "SqlCommand OracleCommand NpgsqlCommand MySqlCommand OdbcCommand OleDbCommand "
                              "SqliteCommand DB2Command SqlDataAdapter OracleDataAdapter NpgsqlDataAdapter "
                              "MySqlDataAdapter OdbcDataAdapter OleDbDataAdapter"),
    properties=_sinks(_ADO, "CommandText"),
    formats={"string.Format": (0, FORMAT_BRACES), "String.Format": (0, FORMAT_BRACES)},
    passthrough=frozenset({"Trim", "TrimEnd", "TrimStart", "ToString"}),
    builders=frozenset({"StringBuilder"}),
    builder_append=frozenset({"Append", "AppendLine"}),
    builder_done=frozenset({"ToString"}),
    receivers=frozenset({"this"}),
    casts=True,
)

_DBAPI = "DB-API"

PYTHON = Spec(
    language="python",
    concat=frozenset({"+"}),
    adjacent=True,
    calls={
        **_sinks(_DBAPI, "execute executemany executescript mogrify copy_expert", keyword="operation"),
        **_sinks(_DBAPI, "callproc", takes="routine", keyword="procname"),
        **_sinks("asyncpg", "fetch fetchrow fetchval copy", keyword="query"),
        **_sinks("pandas", "read_sql read_sql_query", keyword="sql"),
        **_sinks("SQLAlchemy", "exec_driver_sql", keyword="statement"),
    },
    wrappers={"text": Sink("SQLAlchemy text()", keyword="text"), "dedent": Sink(""), "cleandoc": Sink("")},
    string_formats={"format": FORMAT_BRACES},
    percent_operator=True,
    passthrough=frozenset({"strip", "lstrip", "rstrip"}),
    receivers=frozenset({"self", "cls"}),
    type_annotations=True,
)

PHP = Spec(
    language="php",
    concat=frozenset({"."}),
    append=frozenset({".="}),
    calls={
        **_sinks("PDO/mysqli", "prepare query exec real_query multi_query"),
        **_sinks("mysqli", "mysqli_query mysqli_real_query mysqli_multi_query mysqli_prepare", arg=1),
        **_sinks("sqlsrv", "sqlsrv_query sqlsrv_prepare", arg=1),
        **_sinks("pgsql", "pg_query pg_query_params pg_send_query", arg=1),
        **_sinks("pgsql", "pg_prepare", arg=2),
        **_sinks("oci8", "oci_parse", arg=1),
        **_sinks("ODBC", "odbc_exec odbc_prepare db2_exec db2_prepare", arg=1),
        **_sinks("wpdb", "get_results get_row get_var get_col"),
        **_sinks("Laravel DB", "select selectOne insert update delete statement unprepared raw",
                 receivers=frozenset({"DB"})),
    },
    formats={"sprintf": (0, FORMAT_PERCENT), "vsprintf": (0, FORMAT_PERCENT)},
    passthrough=frozenset({"trim"}),
    receivers=frozenset({"$this", "self", "static"}),
)

_JS = "node driver"

JAVASCRIPT = Spec(
    language="javascript",
    concat=frozenset({"+"}),
    calls={
        **_sinks(_JS, "query execute run all get exec prepare raw unsafe many one none any oneOrNone manyOrNone "
                      "$queryRawUnsafe $executeRawUnsafe"),
    },
    tags={**_sinks("tagged template", "sql SQL Prisma.sql $queryRaw $executeRaw prisma.$queryRaw "
                                      "prisma.$executeRaw", binds_holes=True)},
    passthrough=frozenset({"trim"}),
    receivers=frozenset({"this"}),
    type_annotations=True,
)
TYPESCRIPT = replace(JAVASCRIPT, language="typescript")

_GO = "database/sql"

GO = Spec(
    language="go",
    concat=frozenset({"+"}),
    assign=frozenset({"=", ":="}),
    calls={
        **_sinks(_GO, "Query QueryRow Exec Prepare Queryx QueryRowx Preparex MustExec NamedExec NamedQuery Rebind",
                 context_arg=True),
        **_sinks(_GO, "QueryContext QueryRowContext ExecContext PrepareContext", arg=1),
        **_sinks("sqlx", "Get Select", arg=1, context_arg=True),
        **_sinks("sqlx", "GetContext SelectContext", arg=2),
    },
    formats={"fmt.Sprintf": (0, FORMAT_PERCENT)},
    passthrough=frozenset(),
)

C = Spec(
    language="c",
    concat=frozenset(),
    adjacent=True,
    calls={
        **_sinks("ODBC", "SQLExecDirect SQLExecDirectA SQLExecDirectW SQLPrepare SQLPrepareA SQLPrepareW", arg=1),
        **_sinks("libpq", "PQexec PQexecParams PQsendQuery PQsendQueryParams", arg=1),
        **_sinks("libpq", "PQprepare PQsendPrepare", arg=2),
        **_sinks("MySQL C API", "mysql_query mysql_real_query", arg=1),
        **_sinks("SQLite", "sqlite3_exec sqlite3_prepare sqlite3_prepare_v2 sqlite3_prepare_v3", arg=1),
        **_sinks("OCI", "OCIStmtPrepare", arg=2),
        **_sinks("OCI", "OCIStmtPrepare2", arg=3),
    },
    formats={"sprintf": (1, FORMAT_PERCENT), "snprintf": (2, FORMAT_PERCENT), "asprintf": (1, FORMAT_PERCENT)},
    casts=True,
)

SPECS: dict[str, Spec] = {s.language: s for s in (JAVA, CSHARP, PYTHON, PHP, JAVASCRIPT, TYPESCRIPT, GO, C)}
