"""Parse coverage on the public corpus and our samples: per engine, how many statements of each
disposition and what share of non-procedural DDL statements reach `parsed`; then per collection
(``<engine folder>/<collection>``, and each sample schema) the same share and the share of
non-procedural objects that are `parsed`.

    python benchmarks/corpus_parse.py [--corpus ../shared/corpus] [--show N]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import migplan

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from sample_schemas import CORPUS_ENGINES, samples

ENGINES = CORPUS_ENGINES
PROCEDURAL = ("procedure", "function", "package", "package body", "trigger", "type body", "java", "library",
              "macro", "anonymous block")
DDL_VERBS = ("create", "alter", "comment", "grant", "revoke", "drop")
ROOT = Path(__file__).resolve().parents[1]


def collections_of(root: Path, dialect: str) -> list[Path]:
    """Units that belong together (one install script and what it includes)."""
    base = root / dialect
    units: set[Path] = set()
    for f in base.rglob("*"):
        if f.is_file():
            rel = f.relative_to(base).parts
            units.add(base.joinpath(*rel[:2]) if len(rel) > 2 else base.joinpath(*rel[:1]))
    return sorted(units)


def is_ddl(kind: str) -> bool:
    verb, _, obj = kind.partition(" ")
    return verb in DDL_VERBS and not any(obj.startswith(p) for p in PROCEDURAL)


def is_procedural(kind: str) -> bool:
    return kind in PROCEDURAL


def tally(inv, counts: collections.Counter, bad: list[str]) -> None:
    """Add one inventory's DDL statements and non-procedural objects to ``counts``."""
    for r in inv.records:
        if not is_ddl(r.kind):
            continue
        counts["ddl"] += 1
        status = r.status or ("unparsed" if r.disposition == "unparsed" else "parsed")
        if status == "orphan":
            status = "parsed"  # understood; its target is missing from the scripts
        counts[status] += 1
        if status != "parsed":
            bad.append(f"{r.file}:{r.line} {r.kind}: {(r.message or '')[:110]}")
    for o in inv.objects:
        if not is_procedural(o.kind):
            counts["objects"] += 1
            counts["objects parsed"] += o.status == "parsed"


def share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def sample_units() -> list[tuple[str, str, Path]]:
    return [(f"samples/{key}", engine, d) for key, engine, d in samples()]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--show", type=int, default=0, help="list this many non-parsed DDL statements per engine")
    args = ap.parse_args()
    root = Path(args.corpus)
    details: list[str] = []
    per_collection: dict[str, collections.Counter] = {}
    head = f"{'engine':10} {'stmts':>6} {'ddl':>5} {'parsed':>6} {'share':>7} {'partial':>7}"
    print(f"{head} {'unparsed':>8} {'seconds':>7}")
    for dialect, engine in ENGINES.items():
        counts: collections.Counter = collections.Counter()
        bad: list[str] = []
        t0 = time.perf_counter()
        n_stmt = 0
        for unit in collections_of(root, dialect):
            inv = migplan.load_schema(unit, engine)
            n_stmt += len(inv.statements)
            tally(inv, counts, bad)
            name = f"{dialect}/{unit.relative_to(root / dialect).parts[0]}"
            tally(inv, per_collection.setdefault(name, collections.Counter()), [])
        dt = time.perf_counter() - t0
        print(f"{dialect:10} {n_stmt:6d} {counts['ddl']:5d} {counts['parsed']:6d} "
              f"{share(counts['parsed'], counts['ddl']):7.1%} {counts['partial']:7d} {counts['unparsed']:8d} {dt:7.2f}")
        details.extend(f"  [{dialect}] {line}" for line in bad[: args.show])
    for name, engine, path in sample_units():
        tally(migplan.load_schema(path, engine), per_collection.setdefault(name, collections.Counter()), [])
    print()
    print(f"{'collection':34} {'ddl':>5} {'parsed':>7} {'objects':>7} {'parsed':>7}")
    for name, c in per_collection.items():
        print(f"{name:34} {c['ddl']:5d} {share(c['parsed'], c['ddl']):7.1%} {c['objects']:7d} "
              f"{share(c['objects parsed'], c['objects']):7.1%}")
    for line in details:
        print(line)


if __name__ == "__main__":
    main()
