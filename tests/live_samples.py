"""Our sample schemas loaded into real servers (the embedded PostgreSQL, a local MariaDB) with their
sample rows and generated ones, to be read back as live sources (tests/test_live_source.py,
benchmarks/live_plan.py).

Generated data: enough rows and one large value per LOB table that the plan's sizes, LOB settings
and parallel-load ranges differ visibly from the script-only plan.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from migplan import dsn as dsnlib

ROOT = Path(__file__).resolve().parents[1]
CLINIC = ROOT / "sample_schemas" / "postgresql" / "clinic"
BOOKSTORE = ROOT / "sample_schemas" / "mysql" / "bookstore"

# rows added to the samples' own (ids above theirs), and one value of this many bytes in a LOB column
PG_GENERATED = """
INSERT INTO clinic.audit_log (logged_at, table_name, operation, row_data, txid)
SELECT timestamptz '2025-01-01' + g * interval '1 minute', 'visits', 'U',
       jsonb_build_object('id', g, 'note', repeat('x', 200)), g
FROM generate_series(1, {rows}) g;
INSERT INTO clinic.audit_log (logged_at, table_name, operation, row_data, txid)
VALUES (timestamptz '2025-06-01', 'visits', 'U', jsonb_build_object('blob', repeat('y', {lob})), 0);
"""
MARIADB_GENERATED = """
INSERT INTO reviews (book_id, customer_id, rating, title, body, created_at)
SELECT 1 + seq % 5, NULL, 1 + seq % 5, CONCAT('generated ', seq), REPEAT('z', 300), '2024-01-01 00:00:00'
FROM seq_1_to_{rows};
UPDATE reviews SET body = REPEAT('w', {lob}) WHERE id = (SELECT MAX(id) FROM (SELECT id FROM reviews) r);
"""


def _psql() -> str:
    from migplan.verify.engines import wheel_binary

    return str(wheel_binary("psql"))


def load_clinic(server_dsn: str, database: str = "clinic", rows: int = 0, lob: int = 0) -> str:
    """The clinic sample (roles, schema, data) in a new database of the server; its DSN."""
    target = dsnlib.parse(server_dsn)
    env = {"PGHOST": target.host or "", "PGPORT": target.port or "5432", "PGUSER": target.user or "postgres",
           "PATH": "/usr/bin:/bin"}
    psql = [_psql(), "-X", "-q", "-v", "ON_ERROR_STOP=1"]
    subprocess.run(psql + ["-d", "postgres", "-c", f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'],
                   env=env, check=True, capture_output=True)
    subprocess.run(psql + ["-d", "postgres", "-c", f'CREATE DATABASE "{database}"'], env=env, check=True,
                   capture_output=True)
    roles = (CLINIC / "roles.sql").read_text()
    subprocess.run(psql[:-2] + ["-d", "postgres"], input=roles, env=env,
                   capture_output=True, text=True)  # roles are cluster-wide: a second load finds them (no stop)
    for name in ("schema.sql", "data.sql"):
        text = (CLINIC / name).read_text().replace("\\connect clinic", f'\\connect "{database}"')
        subprocess.run(psql + ["-d", database], input=text, env=env, check=True, capture_output=True, text=True)
    if rows or lob:
        subprocess.run(psql + ["-d", database], input=PG_GENERATED.format(rows=rows, lob=lob), env=env, check=True,
                       capture_output=True, text=True)
    subprocess.run(psql + ["-d", database, "-c", "ANALYZE"], env=env, check=True, capture_output=True)
    assert target.password is None, "the embedded server has no password: its DSN names the database as is"
    return target.with_database(database).masked()


def bookstore_script() -> str:
    """The bookstore schema as MariaDB takes it: MySQL 8.0's default collation named MariaDB's way
    (the one thing of a MySQL 8.0 dump MariaDB 10.11 refuses)."""
    return (BOOKSTORE / "schema.sql").read_text().replace("utf8mb4_0900_ai_ci", "utf8mb4_unicode_ci")


def mariadb_client(server_dsn: str, database: str | None, sql: str) -> None:
    target = dsnlib.parse(server_dsn)
    argv = ["mariadb", "--no-defaults", "-h", target.host or "127.0.0.1", "-P", target.port or "3306",
            "-u", target.user or "root"]
    env = {"MYSQL_PWD": target.password or "", "PATH": "/usr/bin:/bin"}
    subprocess.run(argv + ([database] if database else []), input=sql, env=env, check=True, capture_output=True,
                   text=True)


def load_bookstore(server_dsn: str, database: str = "bookstore", rows: int = 0, lob: int = 0) -> str:
    """The bookstore sample (schema and data) in a new database of the server; its DSN."""
    mariadb_client(server_dsn, None, f"DROP DATABASE IF EXISTS `{database}`; CREATE DATABASE `{database}`;")
    mariadb_client(server_dsn, database, bookstore_script())
    data = (BOOKSTORE / "data.sql").read_text()
    mariadb_client(server_dsn, database, data)
    if rows or lob:
        mariadb_client(server_dsn, database, MARIADB_GENERATED.format(rows=rows, lob=lob))
    mariadb_client(server_dsn, database, "ANALYZE TABLE reviews;")
    return server_dsn.rstrip("/") + "/" + database
