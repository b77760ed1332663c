"""DSNs: one parser for every form, the password never in a message, a connect timeout, and every
connection failure a one-line error with exit code 2 (never a psycopg/pymysql traceback)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading

import pytest

from migplan import dsn as dsnlib
from migplan.dsn import ConnectError, DSNError
from tests.conftest import ROOT

SECRET = "Zq9-s3cr3t%pw"  # has a character URLs must encode


class TestParse:
    def test_url_forms(self):
        d = dsnlib.parse("postgres://app:pw@db.example:6432/sales?sslmode=require")
        assert (d.family, d.host, d.port, d.user, d.password, d.database) == \
            ("postgresql", "db.example", "6432", "app", "pw", "sales")
        assert d.option("sslmode") == "require"
        assert dsnlib.parse("mariadb://root@[::1]:3307/").family == "mysql"
        assert dsnlib.parse("mariadb://root@[::1]:3307/").host == "::1"

    def test_encoded_password_and_query_string_password(self):
        d = dsnlib.parse("postgresql://app:Zq9-s3cr3t%25pw@h/db")
        assert d.password == SECRET
        d = dsnlib.parse("postgresql://app@h/db?password=Zq9-s3cr3t%25pw&sslmode=disable")
        assert d.password == SECRET and d.options == (("sslmode", "disable"),)

    def test_socket_directory_in_query_string(self):
        d = dsnlib.parse("postgresql://postgres@/postgres?host=/tmp/x&port=5432")
        assert (d.host, d.port, d.database) == ("/tmp/x", "5432", "postgres")
        assert d.psycopg_kwargs(3)["host"] == "/tmp/x"

    def test_keyword_form(self):
        d = dsnlib.parse(r"host=db port=5433 user=app password='a b\'c' dbname=x sslmode=require")
        assert (d.family, d.host, d.port, d.user, d.password, d.database) == (None, "db", "5433", "app", "a b'c", "x")
        assert d.psycopg_kwargs(None)["sslmode"] == "require"

    @pytest.mark.parametrize("text", ["", "   ", "localhost", "host='unclosed password=x"])
    def test_unreadable(self, text):
        with pytest.raises(DSNError):
            dsnlib.parse(text)

    def test_timeout_reaches_the_drivers(self):
        d = dsnlib.parse("mysql://u:p@h:3306/db")
        assert d.pymysql_kwargs(4)["connect_timeout"] == 4
        assert dsnlib.parse("postgresql://u@h/db").psycopg_kwargs(0.5)["connect_timeout"] == "2"  # libpq's minimum


PASSWORD_FORMS = [
    f"postgresql://app:{SECRET.replace('%', '%25')}@h:5432/db",
    f"postgres://app@h/db?password={SECRET.replace('%', '%25')}",
    f"mysql://app:{SECRET.replace('%', '%25')}@h:3306/",
    f"host=h user=app password={SECRET} dbname=db",
    f"host=h user=app password='{SECRET}' dbname=db",
]


@pytest.mark.parametrize("text", PASSWORD_FORMS)
def test_password_masked_everywhere(text):
    d = dsnlib.parse(text)
    assert d.password == SECRET
    for shown in (str(d), repr(d), d.masked(), f"{d}", str([d])):
        assert "s3cr3t" not in shown and "***" in shown
    echoed = f'connection to "{text}" failed: password {SECRET} or {SECRET.replace("%", "%25")} rejected'
    assert "s3cr3t" not in d.mask(echoed)
    assert "s3cr3t" not in dsnlib.mask(echoed, text)


@pytest.mark.parametrize("text", ["postgress://app:Zq9-s3cr3t@h/db", "jdbc:postgresql://app:Zq9-s3cr3t@h/db",
                                  "oracle://app:Zq9-s3cr3t@h/db?password=Zq9-s3cr3t", "http://x:Zq9-s3cr3t@@h/"])
def test_errors_never_show_the_password(text):
    with pytest.raises(DSNError) as err:
        dsnlib.parse(text)
    assert "s3cr3t" not in str(err.value)


# -- connecting: real drivers, real sockets ----------------------------------------------------------
@pytest.fixture
def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def silent_server():
    """A server that accepts TCP connections and never says a word."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    held = []
    stop = threading.Event()

    def accept():
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(srv.accept()[0])
            except OSError:
                pass

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield srv.getsockname()[1]
    stop.set()
    t.join()
    for c in held:
        c.close()
    srv.close()


@pytest.mark.parametrize("scheme", ["postgresql", "mysql"])
def test_silent_server_times_out(scheme, silent_server):
    from migplan.verify.engines import open_session

    family = "postgresql" if scheme == "postgresql" else "mysql"
    with pytest.raises(ConnectError) as err:
        open_session(family, f"{scheme}://app:{SECRET.replace('%', '%25')}@127.0.0.1:{silent_server}/db",
                     connect_timeout=2)
    assert "s3cr3t" not in str(err.value) and "\n" not in str(err.value)


def test_wrong_password_on_a_real_server(mariadb_dsn):
    from migplan.verify.engines import open_session

    wrong = dsnlib.parse(mariadb_dsn)
    text = f"mysql://root:{SECRET.replace('%', '%25')}@{wrong.host}:{wrong.port}/"
    with pytest.raises(ConnectError) as err:
        open_session("mysql", text)
    assert "Access denied" in str(err.value) and "s3cr3t" not in str(err.value)


# -- the command line --------------------------------------------------------------------------------
def _cli(tmp_path, target: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    script = tmp_path / "t.sql"
    script.write_text("CREATE TABLE t (id NUMBER PRIMARY KEY, name VARCHAR2(20));\n")
    full_env = {k: v for k, v in os.environ.items() if k != "MIGPLAN_VERIFY_DSN"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "migplan.cli", "assess", str(script), "-s", "oracle", "-t", target,
                           *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=120)


def _assert_clean_failure(done: subprocess.CompletedProcess, *expected: str) -> None:
    out = done.stdout + done.stderr
    assert done.returncode == 2, out
    assert "s3cr3t" not in out and "Zq9" not in out, out
    assert "Traceback" not in out, out
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("migplan: error: "), out
    for word in expected:
        assert word in lines[0], out


def test_cli_wrong_scheme(tmp_path):
    _assert_clean_failure(_cli(tmp_path, "aurora-postgresql", "--verify-dsn", "postgress://app:Zq9-s3cr3t@h/db"),
                          "postgress")


def test_cli_keyword_form_refused(tmp_path, closed_port):
    dsn = f"host=127.0.0.1 port={closed_port} user=app password='Zq9-s3cr3t' dbname=db"
    _assert_clean_failure(_cli(tmp_path, "aurora-postgresql", "--verify-dsn", dsn), "cannot connect", "refused")


def test_cli_query_string_password_refused(tmp_path, closed_port):
    dsn = f"postgresql://app@127.0.0.1:{closed_port}/db?password=Zq9-s3cr3t"
    _assert_clean_failure(_cli(tmp_path, "aurora-postgresql", "--verify-dsn", dsn), "cannot connect")


def test_cli_mysql_refused(tmp_path, closed_port):
    dsn = f"mysql://app:Zq9-s3cr3t@127.0.0.1:{closed_port}/"
    _assert_clean_failure(_cli(tmp_path, "aurora-mysql", "--verify-dsn", dsn), "cannot connect")


def test_cli_wrong_family(tmp_path):
    _assert_clean_failure(_cli(tmp_path, "aurora-mysql", "--verify-dsn", "postgresql://app:Zq9-s3cr3t@h/db"),
                          "PostgreSQL", "MySQL")


def test_cli_bad_password(tmp_path, mariadb_dsn):
    d = dsnlib.parse(mariadb_dsn)
    dsn = f"mysql://root:Zq9-s3cr3t@{d.host}:{d.port}/"
    _assert_clean_failure(_cli(tmp_path, "aurora-mysql", "--verify-dsn", dsn), "Access denied")


@pytest.mark.parametrize("scheme,target", [("postgresql", "aurora-postgresql"), ("mysql", "aurora-mysql")])
def test_cli_silent_server_and_connect_timeout(tmp_path, silent_server, scheme, target):
    dsn = f"{scheme}://app:Zq9-s3cr3t@127.0.0.1:{silent_server}/db"
    _assert_clean_failure(_cli(tmp_path, target, "--verify-dsn", dsn, "--connect-timeout", "2"), "cannot connect")


def test_cli_reads_the_dsn_from_the_environment(tmp_path, closed_port):
    env = {"MIGPLAN_VERIFY_DSN": f"mysql://app:Zq9-s3cr3t@127.0.0.1:{closed_port}/"}
    _assert_clean_failure(_cli(tmp_path, "aurora-mysql", env=env), "cannot connect", str(closed_port))


def test_local_mariadb_has_a_password(mariadb_dsn):
    import pymysql

    d = dsnlib.parse(mariadb_dsn)
    assert d.password and len(d.password) >= 16
    with pytest.raises(pymysql.err.OperationalError):
        pymysql.connect(host=d.host, port=int(d.port), user="root", password="", connect_timeout=5)
    from migplan.verify.engines import LocalMariaDB

    assert d.password not in repr(LocalMariaDB.shared())
