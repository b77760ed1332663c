"""The procedural parser on every procedural object of the public corpus and the bundled samples:
per dialect and collection, how many objects and statements, the share of statements understood
(not Unknown), the share of embedded SQL statements sqlglot reads completely, lines lost (must be
0), structural errors, exceptions (must be 0) and the time spent.

    python benchmarks/procedural_parse.py [--corpus ../shared/corpus] [--show N] [--assess]

``--show N`` lists N Unknown statements and sqlglot failures per dialect; ``--assess`` also times
`migplan assess` on the same collections to compare (slow). Times are CPU seconds of this process
(time.process_time), so that other work on the machine does not skew the comparison.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import migplan  # noqa: E402
from migplan.parse.procedural import (  # noqa: E402
    SqlStatement,
    Unknown,
    lost_tokens,
    parse_block,
    parse_routine_body,
    statement_stats,
)
from migplan.parse.procedural.coverage import statement_nodes  # noqa: E402

# corpus folder -> engine; sample folder -> engine
CORPUS_ENGINES = {"oracle": "oracle", "tsql": "sqlserver", "mysql": "mysql", "postgres": "postgresql",
                  "redshift": "redshift", "db2": "db2-luw"}
SAMPLE_ENGINES = {"oracle": "oracle", "sqlserver": "sqlserver", "mysql": "mysql", "postgresql": "postgresql"}
DIALECT_OF = {"oracle": "oracle", "sqlserver": "tsql", "mysql": "mysql", "postgresql": "postgres",
              "redshift": "redshift", "db2-luw": "db2"}
# what --assess converts each source to (the pairs migplan converts)
ASSESS_TARGETS = {"oracle": "aurora-postgresql", "sqlserver": "aurora-postgresql", "mysql": "aurora-postgresql",
                  "postgresql": "aurora-mysql"}
PROCEDURAL_KINDS = ("procedure", "function", "package", "package body", "trigger", "type", "type body")


@dataclass
class Tally:
    objects: int = 0
    statements: int = 0
    unknown: int = 0
    sql: int = 0
    sql_parsed: int = 0
    lost_lines: int = 0
    errors: int = 0
    exceptions: int = 0
    seconds: float = 0.0
    sql_seconds: float = 0.0
    examples: list[str] = field(default_factory=list)
    sql_examples: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k in ("objects", "statements", "unknown", "sql", "sql_parsed", "lost_lines", "errors", "exceptions",
                  "seconds", "sql_seconds"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.examples += other.examples
        self.sql_examples += other.sql_examples


def collections_of(root: Path, folder: str) -> list[Path]:
    """Units that belong together (one install script and what it includes), as corpus_parse does."""
    base = root / folder
    units: set[Path] = set()
    for f in base.rglob("*"):
        if f.is_file():
            rel = f.relative_to(base).parts
            units.add(base.joinpath(*rel[:2]) if len(rel) > 2 else base.joinpath(*rel[:1]))
    return sorted(units)


def units(root: Path) -> list[tuple[str, str, Path, str]]:
    """(dialect, collection label, path, engine) for the corpus and the samples."""
    out = []
    if root.exists():
        for folder, engine in CORPUS_ENGINES.items():
            for unit in collections_of(root, folder):
                out.append((DIALECT_OF[engine], f"{folder}/{unit.name}", unit, engine))
    samples = ROOT / "sample_schemas"
    for folder, engine in SAMPLE_ENGINES.items():
        for unit in sorted((samples / folder).iterdir()) if (samples / folder).exists() else []:
            if unit.is_dir():
                out.append((DIALECT_OF[engine], f"sample/{folder}/{unit.name}", unit, engine))
    return out


def procedural_objects(inv) -> list[tuple[str, object]]:
    """('routine', Routine) and ('block', Statement) for every procedural object of an inventory."""
    out: list[tuple[str, object]] = [("routine", r) for r in inv.routines if r.kind in PROCEDURAL_KINDS]
    out += [("block", inv.statement(rec.index)) for rec in inv.records if rec.kind == "anonymous block"]
    return out


def parse_one(kind: str, obj, engine: str, tally: Tally, specs: dict, show: int) -> None:
    label = str(obj.location)
    t0 = time.process_time()
    try:
        if kind == "routine":
            spec = specs.get(obj.qname) if obj.kind == "package body" else None
            unit = parse_routine_body(obj, engine, spec=spec)
            if obj.kind == "package":
                specs[obj.qname] = unit
        else:
            unit = parse_block(obj.text, engine, obj.line)
    except Exception:
        tally.exceptions += 1
        tally.examples.append(f"EXCEPTION {label}: {traceback.format_exc(limit=3)}")
        tally.seconds += time.process_time() - t0
        return
    tally.seconds += time.process_time() - t0
    t1 = time.process_time()
    stats = statement_stats(unit)
    tally.sql_seconds += time.process_time() - t1
    tally.objects += 1
    tally.statements += stats["statements"]
    tally.unknown += stats["unknown"]
    tally.sql += stats["sql"]
    tally.sql_parsed += stats["sql_parsed"]
    tally.errors += stats["errors"]
    tally.lost_lines += len({line for line, _ in lost_tokens(unit)})
    if show:
        where = obj.location.file if kind == "routine" else obj.file
        for s in statement_nodes(unit):
            if isinstance(s, Unknown) and len(tally.examples) < show:
                tally.examples.append(f"{where}:{s.line} {s.message}: {' '.join(s.text.split())[:100]}")
            elif isinstance(s, SqlStatement) and not s.parsed and len(tally.sql_examples) < show:
                tally.sql_examples.append(f"{where}:{s.line} {s.kind}: {(s.error or '')[:90]}")
        for e in unit.errors[: max(0, show - len(tally.examples))]:
            tally.examples.append(f"{where} {obj.name if kind == 'routine' else ''}: {e}")


def share(a: int, b: int) -> str:
    return f"{a / b:7.1%}" if b else "      -"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--assess", action="store_true", help="also time `migplan assess` on the same collections")
    args = ap.parse_args()
    per_dialect: dict[str, Tally] = collections.defaultdict(Tally)
    rows = []
    load_seconds = assess_seconds = assessed_parse_seconds = 0.0
    for dialect, label, path, engine in units(Path(args.corpus)):
        t0 = time.process_time()
        inv = migplan.load_schema(path, engine)
        load_seconds += time.process_time() - t0
        objs = procedural_objects(inv)
        if not objs:
            continue
        tally = Tally()
        specs: dict = {}
        for kind, obj in sorted(objs, key=lambda o: (o[1].kind != "package") if o[0] == "routine" else True):
            parse_one(kind, obj, engine, tally, specs, args.show)
        rows.append((dialect, label, tally))
        per_dialect[dialect].add(tally)
        if args.assess and engine in ASSESS_TARGETS:
            t0 = time.process_time()
            migplan.assess(path, engine, ASSESS_TARGETS[engine], force=True)
            assess_seconds += time.process_time() - t0
            assessed_parse_seconds += tally.seconds
    head = (f"{'dialect':9} {'collection':42} {'objs':>5} {'stmts':>6} {'understood':>10} {'sql':>5} "
            f"{'sqlglot':>7} {'lost':>4} {'errs':>4} {'exc':>3} {'parse s':>7} {'sql s':>6}")
    print(head)
    total = Tally()
    for dialect, label, t in rows:
        print(f"{dialect:9} {label[:42]:42} {t.objects:5d} {t.statements:6d} "
              f"{share(t.statements - t.unknown, t.statements):>10} {t.sql:5d} {share(t.sql_parsed, t.sql):>7} "
              f"{t.lost_lines:4d} {t.errors:4d} {t.exceptions:3d} {t.seconds:7.2f} {t.sql_seconds:6.2f}")
    print("-" * len(head))
    for dialect, t in sorted(per_dialect.items()):
        total.add(t)
        print(f"{dialect:9} {'(all)':42} {t.objects:5d} {t.statements:6d} "
              f"{share(t.statements - t.unknown, t.statements):>10} {t.sql:5d} {share(t.sql_parsed, t.sql):>7} "
              f"{t.lost_lines:4d} {t.errors:4d} {t.exceptions:3d} {t.seconds:7.2f} {t.sql_seconds:6.2f}")
    t = total
    print(f"{'all':9} {'':42} {t.objects:5d} {t.statements:6d} {share(t.statements - t.unknown, t.statements):>10} "
          f"{t.sql:5d} {share(t.sql_parsed, t.sql):>7} {t.lost_lines:4d} {t.errors:4d} {t.exceptions:3d} "
          f"{t.seconds:7.2f} {t.sql_seconds:6.2f}")
    print(f"\nprocedural parse {t.seconds:.2f} s (+ {t.sql_seconds:.2f} s for sqlglot on embedded SQL); "
          f"load_schema of the same collections {load_seconds:.2f} s"
          + (f"\non the collections migplan assesses: procedural parse {assessed_parse_seconds:.2f} s, "
             f"migplan assess {assess_seconds:.2f} s ({assessed_parse_seconds / assess_seconds:.1%})"
             if args.assess and assess_seconds else ""))
    if args.show:
        for dialect, t in sorted(per_dialect.items()):
            for line in t.examples[: args.show]:
                print(f"  [{dialect}] {line}")
            for line in t.sql_examples[: args.show]:
                print(f"  [{dialect} sql] {line}")


if __name__ == "__main__":
    main()
