"""Servers die with us: real `migplan assess --verify` runs killed with SIGTERM, SIGINT and SIGKILL
leave no server process, no data folder and no scratch database behind.

Each run gets its own TMPDIR so that what it leaves (or not) is told apart from every other run on
the machine. The servers of a run are found by their session id (each runs in its own session, and
a postgres backend's command line does not name its folder)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from migplan import dsn as dsnlib
from migplan.verify import engines
from tests.conftest import ROOT

WAIT = 120  # seconds: an upper bound for events, not a measured speed


def _script(folder: Path, tables: int = 300) -> Path:
    lines = []
    for i in range(tables):
        ref = f", parent_id NUMBER(10) REFERENCES t{i - 1}(id)" if i else ""
        lines.append(f"CREATE TABLE t{i} (id NUMBER(10) PRIMARY KEY, name VARCHAR2(40) NOT NULL, "
                     f"created DATE DEFAULT SYSDATE{ref});")
        lines.append(f"CREATE INDEX t{i}_name ON t{i} (name);")
        lines.append(f"CREATE VIEW v{i} AS SELECT id, UPPER(name) AS name FROM t{i};")
    path = folder / "big.sql"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture
def private_tmp():
    # short on purpose: a Unix socket path has ~100 bytes
    path = Path(tempfile.mkdtemp(prefix="mpk", dir="/tmp"))
    os.chmod(path, 0o755)  # the server users (mysql, postgres) traverse it as they do /tmp
    yield path
    for pid in _sessions_in(path):
        os.killpg(pid, signal.SIGKILL)
    subprocess.run(["rm", "-rf", str(path)], check=False)


def _start(private_tmp: Path, target: str, *args: str, library: bool = False) -> subprocess.Popen:
    script = _script(private_tmp)
    env = {k: v for k, v in os.environ.items() if k not in ("MIGPLAN_VERIFY_DSN",)}
    env["TMPDIR"] = str(private_tmp)
    if library:
        code = ("import migplan, sys; migplan.assess(sys.argv[1], 'oracle', sys.argv[2], verify=True, "
                "verify_dsn=(sys.argv[3] if len(sys.argv) > 3 else None))")
        argv = [sys.executable, "-c", code, str(script), target, *args]
    else:
        argv = [sys.executable, "-m", "migplan.cli", "assess", str(script), "-s", "oracle", "-t", target,
                "-o", str(private_tmp / "out"), *args]
    return subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _server_pids(private_tmp: Path) -> list[int]:
    """The pid of each server the run started and that is up (its pid file written)."""
    pids = []
    pid_files = [*private_tmp.glob("migplan-pg-*/data/postmaster.pid"),
                 *private_tmp.glob("migplan-mariadb-*/mysqld.pid")]
    for pid_file in pid_files:
        try:
            lines = pid_file.read_text().splitlines()
        except OSError:
            continue
        if pid_file.name == "postmaster.pid" and (len(lines) < 8 or lines[7].strip() != "ready"):
            continue
        if lines:
            pids.append(int(lines[0]))
    return pids


def _sessions_in(private_tmp: Path) -> list[int]:
    return [pid for pid in _server_pids(private_tmp) if _session_members(pid)]


def _session_members(sid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":  # fields: state ppid pgrp session ...
            out.append(int(stat.parent.name))
    return out


def _wait_for(condition, what: str, proc: subprocess.Popen | None = None):
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"the run ended before {what}: {proc.returncode}\n{proc.stderr.read()[-2000:]}")
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def _assert_nothing_left(private_tmp: Path, sessions: list[int]) -> None:
    for sid in sessions:
        _wait_for(lambda sid=sid: not _session_members(sid), f"server session {sid} to end")
    left = sorted(p.name for p in private_tmp.glob("migplan-*"))
    assert not left, f"data folders left behind: {left}"


def _assert_clean_exit(proc: subprocess.Popen, sig: int) -> None:
    proc.wait(WAIT)
    err = proc.stderr.read()
    assert proc.returncode == 128 + sig, (proc.returncode, err)
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("migplan: "), err


@pytest.mark.parametrize("target,sig", [("aurora-postgresql", signal.SIGTERM), ("aurora-postgresql", signal.SIGINT),
                                        ("aurora-mysql", signal.SIGTERM), ("aurora-mysql", signal.SIGINT)])
def test_cli_run_killed_during_verification(private_tmp, target, sig):
    if target == "aurora-mysql":
        try:
            engines.LocalMariaDB.shared()  # skips (or fails under CI) without MariaDB
        except engines.VerifyEngineError:
            from tests.conftest import missing

            missing("no local MariaDB server", "install Debian's mariadb-server")
    proc = _start(private_tmp, target, "--verify")
    servers = _wait_for(lambda: _server_pids(private_tmp), "the verification server", proc)
    proc.send_signal(sig)
    _assert_clean_exit(proc, sig)
    _assert_nothing_left(private_tmp, servers)
    assert not (private_tmp / "out").exists()


def test_library_run_terminated(private_tmp):
    proc = _start(private_tmp, "aurora-postgresql", library=True)
    servers = _wait_for(lambda: _server_pids(private_tmp), "the verification server", proc)
    proc.send_signal(signal.SIGTERM)
    proc.wait(WAIT)
    assert proc.returncode != 0
    _assert_nothing_left(private_tmp, servers)


@pytest.mark.parametrize("target", ["aurora-postgresql", "aurora-mysql"])
def test_sigkill_takes_the_servers_and_the_next_run_sweeps_the_folder(private_tmp, target, request):
    if target == "aurora-mysql":
        request.getfixturevalue("mariadb_dsn")  # skips (or fails under CI) without MariaDB
    proc = _start(private_tmp, target, "--verify")
    servers = _wait_for(lambda: _server_pids(private_tmp), "the verification server", proc)
    proc.kill()
    proc.wait(WAIT)
    for sid in servers:  # the kernel's parent-death signal
        _wait_for(lambda sid=sid: not _session_members(sid), f"server session {sid} to end")
    left = list(private_tmp.glob("migplan-*"))
    assert left, "a SIGKILLed run cannot remove its folder: the next run does"
    assert sorted(engines.sweep_stale(private_tmp)) == sorted(left)
    assert not list(private_tmp.glob("migplan-*"))


def test_sweep_leaves_live_and_foreign_folders(private_tmp):
    mine = engines._new_workdir("pg")  # owned by this live process
    try:
        foreign = private_tmp / "migplan-other"
        foreign.mkdir()  # no owner file: not ours to remove
        alive = private_tmp / "migplan-alive"
        alive.mkdir()
        (alive / engines.OWNER_FILE).write_text(f"{os.getpid()} {engines._process_start(os.getpid())}\n")
        dead = private_tmp / "migplan-dead"
        dead.mkdir()
        child = subprocess.Popen(["true"])
        child.wait()
        (dead / engines.OWNER_FILE).write_text(f"{child.pid} 12345\n")
        assert engines.sweep_stale(private_tmp) == [dead]
        assert foreign.exists() and alive.exists() and mine.exists()
    finally:
        subprocess.run(["rm", "-rf", str(mine)], check=False)


# -- a server of the user's: the scratch database goes too -----------------------------------------
def _pg_scratch(server: engines.LocalPostgres) -> list[str]:
    import psycopg

    with psycopg.connect(**dsnlib.parse(server.dsn).psycopg_kwargs(5)) as conn:
        return [r[0] for r in conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'migplan\\_verify\\_%'")]


def _mysql_scratch(dsn: str) -> list[str]:
    import pymysql

    conn = pymysql.connect(**dsnlib.parse(dsn).pymysql_kwargs(5))
    try:
        with conn.cursor() as cur:
            cur.execute("SHOW DATABASES LIKE 'migplan\\_verify\\_%'")
            return [r[0] for r in cur.fetchall()]
    finally:
        conn.close()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_scratch_database_dropped_on_the_users_postgres(private_tmp, sig):
    server = engines.LocalPostgres()  # stands for the user's own server
    try:
        proc = _start(private_tmp, "aurora-postgresql", "--verify-dsn", server.dsn)
        _wait_for(lambda: _pg_scratch(server), "the scratch database", proc)
        proc.send_signal(sig)
        _assert_clean_exit(proc, sig)
        assert _pg_scratch(server) == []
    finally:
        server.stop()


def test_scratch_databases_dropped_on_the_users_mariadb(private_tmp, mariadb_dsn):
    before = set(_mysql_scratch(mariadb_dsn))
    proc = _start(private_tmp, "aurora-mysql", "--verify-dsn", mariadb_dsn)
    # the run's own database and one per source schema
    _wait_for(lambda: set(_mysql_scratch(mariadb_dsn)) - before, "the scratch database", proc)
    proc.send_signal(signal.SIGTERM)
    _assert_clean_exit(proc, signal.SIGTERM)
    assert set(_mysql_scratch(mariadb_dsn)) == before


def test_no_runtime_dir_warning():
    """The embedded server has its own runtime folder: nothing warns about XDG_RUNTIME_DIR."""
    env = {k: v for k, v in os.environ.items() if k != "XDG_RUNTIME_DIR"}
    code = "from migplan.verify import engines; engines.postgres_session().close()"
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], env=env, capture_output=True, text=True,
                          timeout=WAIT)
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_cli_in_process_keeps_its_callers_servers(pg_dsn, tmp_path):
    """main() stops only what it started: a notebook's or a test session's server stays up."""
    from migplan.cli import main

    server = engines.LocalPostgres.shared()
    script = tmp_path / "t.sql"
    script.write_text("CREATE TABLE t (id NUMBER(10) PRIMARY KEY);\n")
    assert main(["assess", str(script), "-s", "oracle", "-t", "aurora-postgresql", "--verify"]) == 0
    assert server.alive() and engines.LocalPostgres.shared() is server
