"""The procedural parser on real code: every procedural object of the bundled samples and of the
public corpus (../shared/corpus) parses without an exception, loses no token, keeps its nodes'
lines inside the body, and at least 95% of its statements per dialect are understood (not
Unknown). benchmarks/procedural_parse.py prints the figures per dialect and collection."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

import migplan
from migplan.parse.procedural import lost_tokens, parse_block, parse_routine_body, statement_stats
from migplan.parse.procedural.coverage import bad_lines
from tests.conftest import CORPUS, needs_corpus

spec = importlib.util.spec_from_file_location(
    "procedural_parse", Path(__file__).parents[1] / "benchmarks" / "procedural_parse.py")
bench = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = bench  # its dataclass needs the module registered
spec.loader.exec_module(bench)

UNDERSTOOD = 0.95


def _check_units(units):
    counts: Counter = Counter()
    problems = []
    for _dialect, label, path, engine in units:
        inv = migplan.load_schema(path, engine)
        specs = {}
        for kind, obj in sorted(bench.procedural_objects(inv), key=lambda o: o[0] != "routine" or
                                o[1].kind != "package"):
            if kind == "routine":
                unit = parse_routine_body(obj, engine, spec=specs.get(obj.qname))
                if obj.kind == "package":
                    specs[obj.qname] = unit
            else:
                unit = parse_block(obj.text, engine, obj.line)
            where = f"{label} {obj.location}"
            lost = lost_tokens(unit)
            if lost:
                problems.append(f"{where}: lost {lost[:5]}")
            bad = bad_lines(unit)
            if bad:
                problems.append(f"{where}: {bad[:3]}")
            counts.update(statement_stats(unit, sql=False))
            counts["objects"] += 1
    return counts, problems


@pytest.mark.parametrize("dialect", ["oracle", "tsql", "mysql", "postgres"])
def test_samples_parse_completely(dialect):
    units = [u for u in bench.units(Path("/nonexistent")) if u[0] == dialect]
    assert units
    counts, problems = _check_units(units)
    assert counts["objects"] > 0
    assert not problems, "\n".join(problems[:10])
    assert counts["unknown"] == 0 and counts["errors"] == 0


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("dialect", ["oracle", "tsql", "mysql", "postgres", "redshift", "db2"])
def test_corpus_parses_completely(dialect):
    units = [u for u in bench.units(CORPUS) if u[0] == dialect and not u[1].startswith("sample/")]
    counts, problems = _check_units(units)
    assert counts["objects"] > 0
    assert not problems, "\n".join(problems[:10])
    understood = 1 - counts["unknown"] / counts["statements"]
    assert understood >= UNDERSTOOD, f"{dialect}: {understood:.1%} of {counts['statements']} statements understood"
