"""Parse quality on the public corpus: at least 97% of non-procedural DDL statements reach `parsed`
for each engine we convert from. Figures per engine come from benchmarks/corpus_parse.py."""

import importlib.util
from pathlib import Path

import pytest

from tests.conftest import CORPUS, needs_corpus

spec = importlib.util.spec_from_file_location(
    "corpus_parse", Path(__file__).parents[1] / "benchmarks" / "corpus_parse.py"
)
corpus_parse = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus_parse)

TARGETS = {"oracle": 0.97, "tsql": 0.97, "mysql": 0.97, "postgres": 0.97, "redshift": 0.97, "cassandra": 0.97,
           "db2": 0.85}


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("dialect", sorted(TARGETS))
def test_ddl_parse_rate(dialect):
    import migplan

    parsed = ddl = 0
    for unit in corpus_parse.collections_of(CORPUS, dialect):
        inv = migplan.load_schema(unit, corpus_parse.ENGINES[dialect])
        for r in inv.records:
            if corpus_parse.is_ddl(r.kind):
                ddl += 1
                parsed += (r.status in (None, "parsed", "orphan") and r.disposition != "unparsed")
    assert ddl > 0
    assert parsed / ddl >= TARGETS[dialect], f"{dialect}: {parsed}/{ddl} DDL statements parsed"
