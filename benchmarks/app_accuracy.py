"""How many of the statements a careful reader finds does scan_app report (recall), and how many of
its reports are statements (precision)? Per language, on the sample applications (sample_apps/,
lists in tests/fixtures/app/<language>.yaml) and on the application sources of the public corpus
(../shared/corpus/app, list in tests/fixtures/app/corpus.yaml; skipped when absent).

    python benchmarks/app_accuracy.py

"wrong" counts found statements whose kind or main object differs from the hand-written list.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import migplan  # noqa: E402
from tests.conftest import CORPUS  # noqa: E402
from tests.test_app_samples import FIXTURES, SAMPLE_FILES, accuracy, corpus_statements  # noqa: E402


def _fingerprint(entry: dict) -> str:
    for mode in ("write", "read", "call"):
        if entry.get(mode):
            return f"{entry['kind']} {entry[mode][0].rsplit('.', 1)[-1]}"
    return entry["kind"]


def sample_scores() -> dict:
    expected: dict[str, list] = {}
    statements = []
    for fixture in SAMPLE_FILES:
        spec = yaml.safe_load(fixture.read_text("utf-8"))
        app_dir = spec["app"]
        for file, rows in spec["files"].items():
            expected[f"{app_dir}/{file}"] = [(e["line"], _fingerprint(e)) for e in rows]
        for s in migplan.scan_app(ROOT / app_dir, spec["source"], schema=ROOT / spec["schema"]).statements:
            s.file = f"{app_dir}/{s.file}"
            statements.append(s)
    return accuracy(expected, statements)


def _print(title: str, scores: dict) -> None:
    print(f"\n{title}")
    print(f"  {'language':<11} {'expected':>8} {'found':>6} {'recall':>7} {'precision':>9} {'wrong':>6}")
    for lang in sorted(scores):
        r = scores[lang]
        expected, found = r["tp"] + r["fn"], r["tp"] + r["fp"]
        recall = r["tp"] / expected if expected else 1.0
        precision = r["tp"] / found if found else 1.0
        print(f"  {lang:<11} {expected:>8} {found:>6} {recall:>7.1%} {precision:>9.1%} {r['wrong']:>6}")


def main() -> int:
    _print("sample applications (sample_apps/)", sample_scores())
    if (CORPUS / "app").exists() and (FIXTURES / "corpus.yaml").exists():
        expected, statements = corpus_statements()
        _print(f"public corpus ({CORPUS / 'app'})", accuracy(expected, statements))
    else:
        print(f"\npublic corpus not found at {CORPUS / 'app'}: skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
