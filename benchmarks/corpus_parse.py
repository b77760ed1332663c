"""Parse coverage on the public corpus: per engine, how many statements of each disposition,
and what share of non-procedural DDL statements reach `parsed`.

    python benchmarks/corpus_parse.py [--corpus ../shared/corpus] [--show N]
"""

from __future__ import annotations

import argparse
import collections
import time
from pathlib import Path

import migplan

ENGINES = {"oracle": "oracle", "tsql": "sqlserver", "mysql": "mysql", "postgres": "postgresql",
           "redshift": "redshift", "db2": "db2-luw", "cassandra": "cassandra"}
PROCEDURAL = ("procedure", "function", "package", "package body", "trigger", "type body", "java", "library",
              "macro", "anonymous block")
DDL_VERBS = ("create", "alter", "comment", "grant", "revoke", "drop")


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "corpus"))
    ap.add_argument("--show", type=int, default=0, help="list this many non-parsed DDL statements per engine")
    args = ap.parse_args()
    root = Path(args.corpus)
    details: list[str] = []
    head = f"{'engine':10} {'stmts':>6} {'ddl':>5} {'parsed':>6} {'share':>7} {'partial':>7}"
    print(f"{head} {'unparsed':>8} {'seconds':>7}")
    for dialect, engine in ENGINES.items():
        counts = collections.Counter()
        bad = []
        t0 = time.perf_counter()
        n_stmt = 0
        for unit in collections_of(root, dialect):
            inv = migplan.load_schema(unit, engine)
            n_stmt += len(inv.statements)
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
        dt = time.perf_counter() - t0
        share = counts["parsed"] / counts["ddl"] if counts["ddl"] else 1.0
        print(f"{dialect:10} {n_stmt:6d} {counts['ddl']:5d} {counts['parsed']:6d} {share:7.1%} "
              f"{counts['partial']:7d} {counts['unparsed']:8d} {dt:7.2f}")
        details.extend(f"  [{dialect}] {line}" for line in bad[: args.show])
    for line in details:
        print(line)


if __name__ == "__main__":
    main()
