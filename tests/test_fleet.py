"""Fleet assessment: the same answers on every executor (local processes, threads, a Dask cluster),
in input order, byte-identical outputs; a bad row is a message with its line; a failing database is
its own row."""

from __future__ import annotations

import filecmp
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import migplan
from migplan.errors import InputError
from migplan.fleet import assess_fleet, read_fleet

ROOT = Path(__file__).resolve().parents[1]
FLEET = ROOT / "sample_fleet" / "fleet.csv"


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    out = tmp_path_factory.mktemp("fleet") / "local"
    return assess_fleet(FLEET, output=out, workers=2), out


def test_every_database_for_every_target_in_input_order(local):
    fleet, _ = local
    pairs = [(r.database, r.target) for r in fleet.results]
    assert pairs == [("retail", "aurora-postgresql"), ("retail", "aurora-mysql"), ("shop", "aurora-postgresql"),
                     ("shop", "aurora-mysql"), ("bookstore", "aurora-mysql"), ("bookstore", "aurora-postgresql"),
                     ("clinic", "aurora-postgresql"), ("clinic", "aurora-mysql")]
    assert all(r.ok for r in fleet.results), [r.error for r in fleet.results]
    # same-family moves are the least work: the recommendation says so
    rec = {r.database: r.target for r in fleet.recommended()}
    assert rec["bookstore"] == "aurora-mysql" and rec["clinic"] == "aurora-postgresql"
    one = migplan.assess(str(ROOT / "sample_schemas/oracle/retail"), source="oracle", target="aurora-postgresql",
                         progress=False).summary().to_dict()
    retail = fleet.results[0]
    assert (retail.effort_low, retail.effort_high, retail.action_items) == (
        one["effort_hours"]["low"], one["effort_hours"]["high"], one["action_items"])


def test_outputs_per_database_and_fleet_files(local):
    _, out = local
    for name in ("fleet.csv", "fleet.json", "fleet.md", "fleet.html"):
        assert (out / name).is_file()
    assert (out / "retail" / "aurora-postgresql" / "report.html").is_file()
    assert "Content-Security-Policy" in (out / "fleet.html").read_text()


def test_threads_and_dask_give_byte_identical_outputs(local, tmp_path):
    _, out = local
    threads = tmp_path / "threads"
    with ThreadPoolExecutor(max_workers=3) as pool:
        assess_fleet(FLEET, output=threads, executor=pool)
    from distributed import Client, LocalCluster

    dask_out = tmp_path / "dask"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assess_fleet(FLEET, output=dask_out, executor=client.get_executor())
    for other in (threads, dask_out):
        for name in ("fleet.csv", "fleet.json", "fleet.md", "fleet.html"):
            assert filecmp.cmp(out / name, other / name, shallow=False), (other, name)


def test_bad_rows_are_messages_with_their_line(tmp_path):
    bad = tmp_path / "fleet.csv"
    bad.write_text("name,source,scripts,targets\nok,oracle,x,aurora-postgresql\nok,oracle,y,aurora-mysql\n")
    with pytest.raises(InputError, match=r"fleet.csv:3: the name 'ok' is used twice"):
        read_fleet(bad)
    bad.write_text("name,source,scripts\nx,oracle,y\n")
    with pytest.raises(InputError, match=r"fleet.csv:1: the fleet file needs the columns"):
        read_fleet(bad)


def test_a_failing_database_is_its_own_row(tmp_path):
    f = tmp_path / "fleet.csv"
    retail = ROOT / "sample_schemas/oracle/retail"
    f.write_text(f"name,source,scripts,targets\nnope,nosuchengine,{retail},aurora-postgresql\n"
                 f"gone,oracle,{tmp_path / 'missing'},aurora-postgresql\nretail,oracle,{retail},aurora-postgresql\n")
    fleet = assess_fleet(f, executor=ThreadPoolExecutor(max_workers=2))
    errors = {r.database: r.error for r in fleet.results}
    assert errors["nope"] and "nosuchengine" in errors["nope"]
    assert errors["gone"] and errors["retail"] is None
    assert [r.database for r in fleet.recommended()] == ["retail"]
