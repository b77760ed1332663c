"""Nothing lost: every code character of the input lies in exactly one statement, and every statement
lands in exactly one inventory record. Over our samples and the public corpus."""

import pytest

import migplan
from migplan import engines
from migplan.ingest.files import UnreadableFile, read_source
from migplan.ingest.split import split_source, uncovered_code
from migplan.inventory.inventory import DISPOSITIONS
from tests.conftest import CORPUS, corpus_files, needs_corpus, sample_dirs


def _check_file(path, engine_name):
    engine = engines.get(engine_name)
    try:
        src = read_source(path, path.name)
    except UnreadableFile:
        pytest.fail(f"{path} unreadable")
    stmts = split_source(src, engine.splitter)
    assert uncovered_code(src, stmts, engine.splitter) == []


@pytest.mark.parametrize("engine,folder", sample_dirs(), ids=lambda v: getattr(v, "name", v))
def test_samples_lose_nothing(engine, folder):
    for f in sorted(folder.rglob("*")):
        if f.is_file() and f.suffix.lower() != ".md":
            _check_file(f, engine)
    inv = migplan.load_schema(folder, engine)
    _check_records(inv)


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize(
    "engine,path", corpus_files(), ids=lambda v: str(v.relative_to(CORPUS)) if hasattr(v, "relative_to") else v
)
def test_corpus_file_loses_nothing(engine, path):
    if path.suffix.lower() in (".java", ".cs", ".php", ".py"):
        pytest.skip("application code")
    _check_file(path, engine)
    inv = migplan.load_schema(path, engine)
    _check_records(inv)


def _check_records(inv):
    assert len(inv.records) == len(inv.statements)
    assert [r.index for r in inv.records] == list(range(len(inv.statements)))
    for r in inv.records:
        assert r.disposition in DISPOSITIONS
        if r.disposition == "object":
            assert r.object, r
        if r.disposition == "unparsed":
            assert r.message, r
    for o in inv.objects:
        if o.status != "parsed":
            assert o.message, o
