"""End to end, one test per registered SCT pair (tests/e2e/<source>.toml): a sample's scripts are
read, converted, applied to a real engine, planned, and the DMS or agent artifacts checked with the
real validators. Each registry claim is asserted here; the README's coverage table is generated from
the same registry (scripts/update_readme_coverage.py), so it says nothing these tests do not check.
The registry's shape and how to add a check of your own: tests/e2e/__init__.py."""

from __future__ import annotations

import botocore.session
import pytest
from botocore.validate import ParamValidator

import migplan
from migplan import matrix
from migplan.assessment import UnsupportedTargetError
from tests import e2e
from tests.conftest import SAMPLE_ENGINES, SAMPLES
from tests.e2e import check

e2e.load_plugins()
PAIRS = e2e.pairs()
DDL_VERBS = ("create", "alter", "comment", "grant", "revoke", "drop")
PROCEDURAL = ("procedure", "function", "package", "package body", "trigger", "type body", "java", "library",
              "macro", "anonymous block")


def parsed_share(inv) -> float:
    """Share of the non-procedural DDL statements that reach `parsed` (benchmarks/corpus_parse.py's measure)."""
    ddl = parsed = 0
    for r in inv.records:
        verb, _, obj = r.kind.partition(" ")
        if verb not in DDL_VERBS or any(obj.startswith(p) for p in PROCEDURAL):
            continue
        ddl += 1
        status = r.status or ("unparsed" if r.disposition == "unparsed" else "parsed")
        parsed += status in ("parsed", "orphan")
    return parsed / ddl if ddl else 1.0


# -- convert ----------------------------------------------------------------------------------------
@check("convert", "converted", e2e.LABELS["convert"]["converted"])
def _converted(a, pair, request):
    convs = a.conversion.objects
    assert any(c.statements for c in convs if c.source.kind == "table")
    named = {i.object for i in a.action_items.items}
    # nothing lost: every table, view and index is written, or named by the items that say why not
    # (a partition's own index is the parent's on targets whose partitions are not tables)
    partitions = {t.name.upper() for t in a.inventory.tables if t.partition_of}
    lost = [c.source.qname for c in convs if c.source.kind in ("table", "view", "index")
            and not c.statements and c.source.qname not in named
            and getattr(c.source, "table_name", "").upper() not in partitions]
    assert not lost, lost


@check("convert", "as-written", e2e.LABELS["convert"]["as-written"])
def _as_written(a, pair, request):
    assert a.plan.homogeneous
    assert all(c.statements for c in a.conversion.objects if c.source.kind == "table")


# -- verify -----------------------------------------------------------------------------------------
def _on_engine(a, pair, dsn):
    a.verify(dsn=dsn)
    unpredicted = [i for i in a.action_items.items if i.code == "VER004"]
    assert not unpredicted, "\n".join(f"{i.object} {i.line}: {i.message}" for i in unpredicted)
    rates = a.fidelity().rates()
    assert pair.storage is not None, f"{pair.id}: a verified pair claims its least storage fidelity (storage =)"
    assert rates["storage"] >= pair.storage, (rates, a.verification.frame().query("not ok").to_string())


@check("verify", "postgresql", e2e.LABELS["verify"]["postgresql"])
def _on_postgresql(a, pair, request):
    _on_engine(a, pair, request.getfixturevalue("pg_dsn"))


@check("verify", "mariadb", e2e.LABELS["verify"]["mariadb"])
def _on_mariadb(a, pair, request):
    _on_engine(a, pair, request.getfixturevalue("mariadb_dsn"))


# -- plan and artifacts -----------------------------------------------------------------------------
def _lint(text: str) -> list:
    from cfnlint.api import ManualArgs, lint

    return [m for m in lint(text, config=ManualArgs(regions=["us-east-1"])) if m.rule.id.startswith("E")]


@check("plan", "dms", e2e.LABELS["plan"]["dms"])
def _dms(a, pair, request):
    from migplan.dms import cloudformation

    assert not a.plan.homogeneous and any(s.title.startswith("Full load") for s in a.plan.steps)
    model = botocore.session.get_session().get_service_model("dms")
    shape = model.operation_model("CreateReplicationTask").input_shape
    requests = a.dms.create_replication_task_requests()
    assert requests
    for req in requests:
        report = ParamValidator().validate(req, shape)
        assert not report.has_errors(), report.generate_report()
    for name, doc in a.dms.cloudformation_templates().items():
        errors = _lint(cloudformation.to_yaml(doc))
        assert not errors, f"{name}:\n" + "\n".join(str(m) for m in errors)


@check("plan", "native", e2e.LABELS["plan"]["native"])
def _native(a, pair, request):
    assert a.plan.homogeneous
    assert any("native" in s.title.lower() for s in a.plan.steps), [s.title for s in a.plan.steps]


@check("plan", "sct-agents", e2e.LABELS["plan"]["sct-agents"])
def _agents(a, pair, request):
    titles = [s.title for s in a.plan.steps]
    assert a.plan.inputs.compatibility.path == "sct-agents", a.plan.inputs.compatibility.path
    assert "Install and register the data extraction agents" in titles, titles
    assert "Run the extraction tasks: extract, upload, copy" in titles, titles


# -- the test ---------------------------------------------------------------------------------------
@pytest.mark.engine
@pytest.mark.parametrize("pair", PAIRS, ids=[p.id for p in PAIRS])
def test_pair_end_to_end(pair, request):
    folder = SAMPLES / pair.sample
    assert folder.is_dir(), f"{pair.file}: no sample {pair.sample}"
    assert SAMPLE_ENGINES.get(pair.sample.split("/")[0]) == pair.source, \
        f"{pair.sample}: register the sample's folder for {pair.source} in tests/conftest.py SAMPLE_ENGINES"
    # read: every statement accounted for, the DDL parsed
    inv = migplan.load_schema(folder, source=pair.source)
    assert all(r.disposition for r in inv.records)
    assert parsed_share(inv) >= pair.read, [(r.file, r.line, r.message) for r in inv.records
                                            if r.disposition == "unparsed" or r.status not in (None, "parsed")]
    if pair.convert == "matrix-only":
        with pytest.raises(UnsupportedTargetError):
            migplan.assess(folder, pair.source, pair.target, default_schema=pair.default_schema)
        assert pair.verify == pair.plan == "none"
        return
    a = migplan.assess(folder, pair.source, pair.target, default_schema=pair.default_schema)
    codes = {i.code for i in a.action_items.items}
    assert set(pair.items) <= codes, f"not raised: {sorted(set(pair.items) - codes)}"
    for stage in e2e.STAGES:
        value = getattr(pair, stage)
        if value == "none":
            continue
        found = e2e.CHECKS[stage].get(value)
        assert found is not None, f"{pair.file}: {stage} = {value!r} has no check (tests/e2e/__init__.py)"
        found.fn(a, pair, request)


def test_registry_names_documented_pairs_and_known_values():
    """Every registered pair is a row of matrix.toml, and every claim has a check and a label."""
    documented = {(c.source, c.target) for c in matrix.pairs(documented_only=True)}
    for p in PAIRS:
        assert (p.source, p.target) in documented, f"{p.file}: {p.id} is not a pair of migplan/data/matrix.toml"
        for stage in e2e.STAGES:
            value = getattr(p, stage)
            assert value in e2e.LABELS[stage], f"{p.file}: {p.id}: unknown {stage} {value!r}"
            assert value == "none" or value == "matrix-only" or value in e2e.CHECKS[stage], (p.id, stage, value)


def test_readme_coverage_table_matches_registry():
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("update_readme_coverage", ROOT / "scripts/update_readme_coverage.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    text = (ROOT / "README.md").read_text("utf-8")
    assert script.START in text and script.END in text, "README.md lost its coverage markers"
    block = text.split(script.START, 1)[1].split(script.END, 1)[0]
    assert block.strip() == script.markdown_table().strip(), (
        "README.md's coverage table is out of date: run `python scripts/update_readme_coverage.py`")
    rows = [line for line in block.splitlines() if line.startswith("| `")]
    assert len(rows) == len(matrix.pairs(documented_only=True))  # one row per pair, every cell filled
    assert all(all(cell.strip() for cell in row.strip("|").split(" | ")) for row in rows)
