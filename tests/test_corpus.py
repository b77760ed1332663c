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
           "db2": 0.90}
# Db2 is read with sqlglot's generic dialect, and its monitoring scripts declare temporary tables
# whose columns come from catalog table functions: those stay partial, honestly.
COLLECTION_TARGETS = {"db2": 0.80}


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


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("dialect", sorted(TARGETS))
def test_non_procedural_objects_parsed_per_collection(dialect):
    """At least 97% of the non-procedural objects of each collection (an engine folder's first level)
    are `parsed`."""
    import collections

    import migplan

    counts: dict[str, collections.Counter] = {}
    for unit in corpus_parse.collections_of(CORPUS, dialect):
        name = unit.relative_to(CORPUS / dialect).parts[0]
        corpus_parse.tally(migplan.load_schema(unit, corpus_parse.ENGINES[dialect]),
                           counts.setdefault(name, collections.Counter()), [])
    for name, c in counts.items():
        share = corpus_parse.share(c["objects parsed"], c["objects"])
        assert share >= COLLECTION_TARGETS.get(dialect, 0.97), f"{dialect}/{name}: {c['objects parsed']}/{c['objects']}"


ASSESS_TARGETS = {"oracle": ("aurora-postgresql", "aurora-mysql"), "tsql": ("aurora-postgresql", "aurora-mysql"),
                  "mysql": ("aurora-postgresql",), "postgres": ("aurora-mysql",)}


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("dialect", sorted(ASSESS_TARGETS))
def test_every_rule_and_converter_runs_on_the_corpus(dialect):
    """The whole pipeline on real scripts: no rule fails on any object (MIG001), the JSON output
    is written, and every object gets a verdict."""
    import migplan
    from migplan.report.files import assessment_to_dict

    for unit in corpus_parse.collections_of(CORPUS, dialect):
        for target in ASSESS_TARGETS[dialect]:
            a = migplan.assess(unit, corpus_parse.ENGINES[dialect], target, force=True)
            failed = [f"{i.file}:{i.line} {i.message}" for i in a.action_items.items if i.code == "MIG001"]
            assert not failed, f"{unit.name} -> {target}: " + "\n".join(failed[:5])
            data = assessment_to_dict(a)
            assert all(o["verdict"] for o in data["objects"])
