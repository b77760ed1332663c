"""A live MySQL or MariaDB source: its schema (mysqldump / mariadb-dump --no-data --routines
--triggers --events, or SHOW CREATE statements where no dump tool is installed), its table
statistics and its binary-log settings.

The session is read-only (SET SESSION TRANSACTION READ ONLY); the dump runs in one consistent
snapshot (--single-transaction) without table locks (--skip-lock-tables) and never reads data
(--no-data). Names reach SQL as bound parameters or through migplan.quoting.
"""

from __future__ import annotations

from typing import Any

from migplan import quoting
from migplan.dsn import DSN
from migplan.ingest.live.connect import (
    LiveSourceError,
    MissingPrivilegesError,
    file_label,
    mysql_connect,
    mysql_message,
    mysql_option_file,
    mysqldump_binary,
    one_line,
    run_dump,
)
from migplan.model.schema import LOB_BASES
from migplan.model.stats import SourceFacts, TableStats

SYSTEM_DATABASES = ("information_schema", "mysql", "performance_schema", "sys")
EXACT_COUNT_BYTES = 64 * 1024 ** 2  # below this a table's rows are counted; above, InnoDB's estimate
_NUMERIC = ("tinyint", "smallint", "mediumint", "int", "bigint", "decimal")
SETTINGS = ("log_bin", "binlog_format", "binlog_row_image", "binlog_expire_logs_seconds", "expire_logs_days",
            "server_id", "binlog_checksum", "log_slave_updates", "log_replica_updates")
# who the current user is, in information_schema's GRANTEE spelling: 'user'@'host'
_GRANTEE = ("CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', "
            "SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')")


def read(target: DSN, connect_timeout: float | None, databases: list[str] | None = None) -> SourceFacts:
    import pymysql

    conn = mysql_connect(target, connect_timeout)
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT VERSION()")
            version = cur.fetchone()[0]
            product = "MariaDB" if "mariadb" in version.lower() else "MySQL"
            dbs = databases or ([target.database] if target.database else _user_databases(cur))
            if not dbs:
                raise LiveSourceError(f"no database to read on {target}: name one in the DSN (mysql://.../NAME)")
            _check_privileges(cur, dbs)
            binary = mysqldump_binary()
            if binary:
                ddl = _dump(binary, target, connect_timeout, dbs)
                tool = binary.rsplit("/", 1)[-1]
                notes = []
            else:
                ddl = catalog_ddl(cur, dbs)
                tool = "catalog queries (SHOW CREATE)"
                notes = ["no mysqldump or mariadb-dump was found: the DDL was read with SHOW CREATE statements"]
            stats = table_stats(cur, dbs)
            settings = cdc_settings(cur)
    except pymysql.MySQLError as err:
        raise LiveSourceError(f"reading {target} failed: {one_line(target.mask(mysql_message(err)))}") from None
    finally:
        conn.close()
    label = file_label(dbs[0]) if len(dbs) == 1 else "databases"
    return SourceFacts("mysql", f"{product} {version.split('-')[0]}", tool, ddl,
                       f"source_ddl/mysql-{label}.sql", stats, settings, {}, notes)


def _user_databases(cur: Any) -> list[str]:
    cur.execute("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME NOT IN %s ORDER BY 1",
                (SYSTEM_DATABASES,))
    return [r[0] for r in cur.fetchall()]


# -- privileges ----------------------------------------------------------------------------------------
def _privileges(cur: Any, database: str) -> set[str]:
    cur.execute(f"SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = {_GRANTEE} "
                f"UNION SELECT PRIVILEGE_TYPE FROM information_schema.SCHEMA_PRIVILEGES WHERE GRANTEE = {_GRANTEE} "
                "AND %s LIKE TABLE_SCHEMA", (database,))
    return {r[0].upper() for r in cur.fetchall()}


def _check_privileges(cur: Any, databases: list[str]) -> None:
    """What the dump and the statistics need, per database: SELECT (tables and statistics), SHOW VIEW
    (views), TRIGGER (triggers), EVENT (events), EXECUTE (the dump describes a view's columns, which
    evaluates the functions it calls), and for routines a global SELECT or SHOW_ROUTINE
    (MySQL 8.0.20+) or SELECT on mysql.proc (MariaDB). Asked for whether or not the database has such
    objects: without the privilege the server hides them, and the dump would leave them out silently.
    All that is missing is listed at once."""
    cur.execute("SELECT CURRENT_USER()")
    user = cur.fetchone()[0]
    cur.execute(f"SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = {_GRANTEE}")
    global_privs = {r[0].upper() for r in cur.fetchall()}
    cur.execute(f"SELECT 1 FROM information_schema.TABLE_PRIVILEGES WHERE GRANTEE = {_GRANTEE} "
                "AND TABLE_SCHEMA = 'mysql' AND TABLE_NAME = 'proc' AND PRIVILEGE_TYPE = 'SELECT'")
    routines = bool({"SELECT", "SHOW_ROUTINE"} & global_privs) or cur.fetchone() is not None
    missing = []
    for db in databases:
        privs = _privileges(cur, db)
        name = quoting.quote(db, "mysql")
        for priv, what in (("SELECT", "its tables and their statistics"), ("SHOW VIEW", "its views"),
                           ("TRIGGER", "its triggers"), ("EVENT", "its events"),
                           ("EXECUTE", "the columns of views that call its functions; migplan calls none")):
            if priv not in privs:
                missing.append(f"{priv} ON {name}.* ({what})")
        if not routines:
            missing.append(f"SHOW_ROUTINE ON *.* (MySQL 8.0.20+) or SELECT ON mysql.proc (MariaDB): the routines of "
                           f"{name}")
    if missing:
        raise MissingPrivilegesError(user, missing, "Without them the server hides those objects and the dump would "
                                     "leave them out. Grant them (GRANT SELECT, SHOW VIEW, TRIGGER, EVENT, "
                                     "EXECUTE ON db.* TO the user) and run again; nothing was read.")


# -- DDL -----------------------------------------------------------------------------------------------
def _dump(binary: str, target: DSN, connect_timeout: float | None, databases: list[str]) -> str:
    argv = [binary, "--no-data", "--routines", "--triggers", "--events", "--single-transaction",
            "--skip-lock-tables", "--no-tablespaces", "--skip-dump-date", "--default-character-set=utf8mb4",
            "--databases", *databases]
    return run_dump(argv, target, None, binary.rsplit("/", 1)[-1], mysql_option_file(target, connect_timeout))


def catalog_ddl(cur: Any, databases: list[str]) -> str:
    """SHOW CREATE for every database, table, view, routine, trigger and event, in dump order."""
    q = lambda *parts: quoting.qualified(list(parts), "mysql")  # noqa: E731
    out = ["-- DDL read with SHOW CREATE statements by migplan", "SET FOREIGN_KEY_CHECKS = 0;", ""]
    for db in databases:
        cur.execute(f"SHOW CREATE DATABASE {q(db)}")
        out += [cur.fetchone()[1] + ";", f"USE {q(db)};", ""]
        cur.execute("SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = %s "
                    "ORDER BY TABLE_TYPE <> 'BASE TABLE', TABLE_NAME", (db,))
        for name, kind in cur.fetchall():
            cur.execute(f"SHOW CREATE {'VIEW' if kind == 'VIEW' else 'TABLE'} {q(db, name)}")
            out += [cur.fetchone()[1] + ";", ""]
        blocks = []
        cur.execute("SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = %s "
                    "ORDER BY ROUTINE_TYPE, ROUTINE_NAME", (db,))
        for name, kind in cur.fetchall():
            cur.execute(f"SHOW CREATE {kind} {q(db, name)}")
            blocks.append(cur.fetchone()[2])
        cur.execute("SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = %s ORDER BY 1", (db,))
        for (name,) in cur.fetchall():
            cur.execute(f"SHOW CREATE TRIGGER {q(db, name)}")
            blocks.append(cur.fetchone()[2])
        cur.execute("SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = %s ORDER BY 1", (db,))
        for (name,) in cur.fetchall():
            cur.execute(f"SHOW CREATE EVENT {q(db, name)}")
            blocks.append(cur.fetchone()[3])
        if blocks:
            out += ["DELIMITER ;;", *[b + " ;;" for b in blocks if b], "DELIMITER ;", ""]
    return "\n".join(out) + "\n"


# -- statistics ----------------------------------------------------------------------------------------
def table_stats(cur: Any, databases: list[str]) -> dict[str, TableStats]:
    """Rows, bytes (data, LOB pages included, indexes not), the largest value of each LOB column, the
    range of a single-column numeric primary key, and partition sizes."""
    out: dict[str, TableStats] = {}
    cur.execute("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_ROWS, DATA_LENGTH FROM information_schema.TABLES "
                "WHERE TABLE_SCHEMA IN %s AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1, 2", (tuple(databases),))
    for db, name, estimate, size in cur.fetchall():
        table = quoting.qualified([db, name], "mysql")
        st = TableStats(bytes=int(size or 0))
        if estimate is None or int(size or 0) <= EXACT_COUNT_BYTES:
            cur.execute(f"SELECT COUNT(*) FROM {table}")
            st.rows = int(cur.fetchone()[0])
        else:
            st.rows = int(estimate)
        cur.execute("SELECT COLUMN_NAME, DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %s "
                    "AND TABLE_NAME = %s ORDER BY ORDINAL_POSITION", (db, name))
        columns = cur.fetchall()
        lobs = [c for c, t in columns if t.upper() in LOB_BASES]
        if lobs:
            exprs = ", ".join(f"MAX(LENGTH({quoting.quote(c, 'mysql')})), SUM(LENGTH({quoting.quote(c, 'mysql')}))"
                              for c in lobs)
            cur.execute(f"SELECT {exprs} FROM {table}")
            values = cur.fetchone()
            st.max_lob_bytes = {c: int(values[2 * i] or 0) for i, c in enumerate(lobs)}
            st.lob_bytes = sum(int(values[2 * i + 1] or 0) for i in range(len(lobs)))
        cur.execute("SELECT k.COLUMN_NAME, c.DATA_TYPE FROM information_schema.KEY_COLUMN_USAGE k "
                    "JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = k.TABLE_SCHEMA "
                    "AND c.TABLE_NAME = k.TABLE_NAME AND c.COLUMN_NAME = k.COLUMN_NAME "
                    "WHERE k.TABLE_SCHEMA = %s AND k.TABLE_NAME = %s AND k.CONSTRAINT_NAME = 'PRIMARY'", (db, name))
        key = cur.fetchall()
        if len(key) == 1 and key[0][1].lower() in _NUMERIC:
            col = quoting.quote(key[0][0], "mysql")
            cur.execute(f"SELECT MIN({col}), MAX({col}) FROM {table}")
            lo, hi = cur.fetchone()
            if lo is not None:
                st.min_key, st.max_key = float(lo), float(hi)
        cur.execute("SELECT COALESCE(SUBPARTITION_NAME, PARTITION_NAME), DATA_LENGTH FROM "
                    "information_schema.PARTITIONS WHERE TABLE_SCHEMA = %s AND TABLE_NAME = %s "
                    "AND PARTITION_NAME IS NOT NULL ORDER BY PARTITION_ORDINAL_POSITION, "
                    "SUBPARTITION_ORDINAL_POSITION", (db, name))
        st.partitions = {p: int(b or 0) for p, b in cur.fetchall()}
        out[f"{db}.{name}".upper()] = st
    return out


# -- CDC -----------------------------------------------------------------------------------------------
def cdc_settings(cur: Any) -> dict[str, str]:
    """The binary-log settings DMS's MySQL source page asks for, and the user's replication grants."""
    cur.execute("SHOW GLOBAL VARIABLES WHERE Variable_name IN (" + ", ".join(["%s"] * len(SETTINGS)) + ")",
                SETTINGS)
    settings = {k.lower(): str(v) for k, v in cur.fetchall()}
    cur.execute(f"SELECT PRIVILEGE_TYPE FROM information_schema.USER_PRIVILEGES WHERE GRANTEE = {_GRANTEE}")
    privs = {r[0].upper() for r in cur.fetchall()}
    settings["user_replication"] = ",".join(sorted(privs & {"REPLICATION CLIENT", "REPLICATION SLAVE",
                                                             "BINLOG MONITOR", "SUPER"}))
    try:  # Amazon RDS keeps its binary-log retention in a table of its own
        cur.execute("SELECT value FROM mysql.rds_configuration WHERE name = 'binlog retention hours'")
        row = cur.fetchone()
        if row is not None:
            settings["rds_binlog_retention_hours"] = str(row[0])
    except Exception:  # not RDS: no such table
        pass
    # derived values the CDC checks read (migplan/data/cdc.toml [[mysql.live]])
    settings["binlog_retention_seconds"] = _retention(settings)
    privs = set(settings["user_replication"].split(","))
    can = "SUPER" in privs or ("REPLICATION SLAVE" in privs and privs & {"REPLICATION CLIENT", "BINLOG MONITOR"})
    settings["user_can_replicate"] = "yes" if can else "no"
    rate = _binlog_rate(cur, settings)
    if rate is not None:
        settings["binlog_gb_per_hour"] = f"{rate:.4f}"
    return settings


def _retention(settings: dict[str, str]) -> str:
    """How long binary logs are kept, in seconds, or "unlimited" (no expiry set on a self-managed
    server). RDS's 'binlog retention hours' wins where it exists (NULL there: purged at once)."""
    if "rds_binlog_retention_hours" in settings:
        hours = settings["rds_binlog_retention_hours"]
        return str(int(float(hours) * 3600)) if hours not in ("None", "") else "0"
    seconds = float(settings.get("binlog_expire_logs_seconds") or 0)
    days = float(settings.get("expire_logs_days") or 0)
    value = max(seconds, days * 86400)
    return "unlimited" if value == 0 else str(int(value))


def _binlog_rate(cur: Any, settings: dict[str, str]) -> float | None:
    """Binary log written per hour over the logs on disk and the server's uptime: the change rate."""
    if settings.get("log_bin", "").upper() not in ("ON", "1"):
        return None
    try:
        cur.execute("SHOW BINARY LOGS")
        total = sum(int(r[1]) for r in cur.fetchall())
        cur.execute("SHOW GLOBAL STATUS LIKE 'Uptime'")
        uptime = float(cur.fetchone()[1])
    except Exception:  # no privilege to list them
        return None
    if uptime < 60:
        return None
    return total / 1024 ** 3 / (uptime / 3600)
