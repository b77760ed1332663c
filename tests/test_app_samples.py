"""The sample applications (sample_apps/<language>) against their hand-checked statement lists
(tests/fixtures/app/<language>.yaml), and the application sources of the public corpus against
corpus.yaml: recall and precision per language."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
import yaml

import migplan
from tests.conftest import CORPUS, ROOT, needs_corpus

FIXTURES = ROOT / "tests" / "fixtures" / "app"
SAMPLE_FILES = sorted(p for p in FIXTURES.glob("*.yaml") if p.name != "corpus.yaml")
_HOW = {"how": "construction", "status": "parse_status", "kind": "kind", "api": "api"}


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


@pytest.fixture(scope="module")
def schemas():
    cache: dict[tuple[str, str], object] = {}

    def get(path: str, source: str):
        if (path, source) not in cache:
            cache[(path, source)] = migplan.load_schema(ROOT / path, source)
        return cache[(path, source)]

    return get


@pytest.mark.parametrize("fixture", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_app_statements(fixture: Path, schemas):
    spec = _load(fixture)
    app = migplan.scan_app(ROOT / spec["app"], spec["source"], schema=schemas(spec["schema"], spec["source"]))
    found = defaultdict(list)
    for s in app.statements:
        found[s.file].append(s)
    errors: list[str] = []
    for file, expected in spec["files"].items():
        got = {s.line: s for s in found.pop(file, [])}
        want = {e["line"]: e for e in expected}
        for line in sorted(set(got) - set(want)):
            errors.append(f"{file}:{line}: not expected: {got[line].sql[:80]!r}")
        for line in sorted(set(want) - set(got)):
            errors.append(f"{file}:{line}: expected statement not found")
        for line in sorted(set(want) & set(got)):
            errors.extend(f"{file}:{line}: {e}" for e in _compare(want[line], got[line]))
    errors.extend(f"{file}: file not in the fixture, has statements at {[s.line for s in sts]}"
                  for file, sts in found.items())
    assert not errors, "\n".join(errors)
    unknown = sorted({r for r in app.unknown_references()["object"]})
    assert unknown == sorted(spec["unknown"])
    assert not app.problems


def _compare(want: dict, st) -> list[str]:
    out = []
    for key, attr in _HOW.items():
        if key in want and getattr(st, attr) != want[key]:
            out.append(f"{key}: expected {want[key]!r}, got {getattr(st, attr)!r}")
    for mode in ("read", "write", "call"):
        if mode in want and st.touched(mode) != sorted(want[mode]):
            out.append(f"{mode}: expected {sorted(want[mode])}, got {st.touched(mode)}")
    if "placeholders" in want and [p.text for p in st.placeholders] != want["placeholders"]:
        out.append(f"placeholders: expected {want['placeholders']}, got {[p.text for p in st.placeholders]}")
    if "splices" in want and [x.text for x in st.splices] != want["splices"]:
        out.append(f"splices: expected {want['splices']}, got {[x.text for x in st.splices]}")
    return out


def _language(path: str) -> str:
    from migplan.app.files import LANGUAGES

    lang = LANGUAGES[Path(path).suffix.lower()]
    return "java" if lang == "xml" else lang


def accuracy(expected: dict[str, list[tuple[int, str]]], statements) -> dict[str, dict[str, int]]:
    """Per language: statements expected and found (tp), found but not expected (fp), missed (fn),
    and expected statements whose kind or main object differ from the fingerprint (wrong)."""
    by_file = defaultdict(dict)
    for s in statements:
        by_file[s.file][s.line] = s
    out: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0, "wrong": 0})
    for file in sorted(set(expected) | set(by_file)):
        row = out[_language(file)]
        want = dict(expected.get(file, []))
        got = by_file.get(file, {})
        row["fp"] += len(set(got) - set(want))
        row["fn"] += len(set(want) - set(got))
        for line in set(want) & set(got):
            row["tp"] += 1
            kind, _, obj = want[line].partition(" ")
            st = got[line]
            names = {part.upper() for o in st.objects for part in (o.name + "." + (o.resolved or "")).split(".")}
            if st.kind != kind or (obj and obj.upper() not in names):
                row["wrong"] += 1
    return dict(out)


def corpus_statements() -> tuple[dict, list]:
    spec = _load(FIXTURES / "corpus.yaml")
    expected = {f"{Path(file).parts[0]}/{Path(*Path(file).parts[1:]).as_posix()}": [tuple(e) for e in rows]
                for file, rows in spec["files"].items()}
    statements = []
    for collection, source in spec["collections"].items():
        app = migplan.scan_app(CORPUS / "app" / collection, source)
        for s in app.statements:
            s.file = f"{collection}/{s.file}"
            statements.append(s)
    return expected, statements


@needs_corpus
def test_corpus_recall_and_precision_per_language():
    expected, statements = corpus_statements()
    scored = accuracy(expected, statements)
    assert set(scored) == {"java", "csharp", "php", "python"}
    for lang, r in scored.items():
        recall = r["tp"] / max(1, r["tp"] + r["fn"])
        precision = r["tp"] / max(1, r["tp"] + r["fp"])
        assert recall >= 0.95 and precision >= 0.95, f"{lang}: recall {recall:.3f}, precision {precision:.3f} {r}"
        assert r["wrong"] <= 0.05 * r["tp"], f"{lang}: {r['wrong']} statements of another kind or object"


@needs_corpus
def test_every_corpus_app_file_is_in_the_expected_list():
    spec = _load(FIXTURES / "corpus.yaml")
    on_disk = sorted(p.relative_to(CORPUS / "app").as_posix() for p in (CORPUS / "app").rglob("*") if p.is_file())
    assert on_disk == sorted(spec["files"]), "a corpus app file is missing from corpus.yaml (or gone from disk)"
