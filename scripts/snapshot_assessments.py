"""Write the assessment JSON of every sample and corpus schema to a folder, to compare two versions
of the kit byte for byte (refactors must not change what users get).

    python scripts/snapshot_assessments.py OUT_DIR [--corpus ../shared/corpus]
    diff -r OUT_BEFORE OUT_AFTER

One file per (schema, target); schemas whose source has no converter yet get their inventory JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import migplan  # noqa: E402
from migplan.errors import MigplanError  # noqa: E402
from sample_schemas import CORPUS_ENGINES, samples  # noqa: E402

TARGETS = {"oracle": ("aurora-postgresql", "aurora-mysql"), "sqlserver": ("aurora-postgresql", "aurora-mysql"),
           "mysql": ("aurora-postgresql", "aurora-mysql"), "postgresql": ("aurora-mysql", "aurora-postgresql"),
           "db2-luw": ("aurora-postgresql", "aurora-mysql"),
           "azure-sql": ("aurora-postgresql", "aurora-mysql"), "mariadb": ("postgresql",),
           "aurora-mysql": ("aurora-postgresql",), "aurora-postgresql": ("aurora-mysql", "postgresql"),
           "cassandra": ("dynamodb",),
           **{w: ("redshift",) for w in ("teradata", "netezza", "vertica", "greenplum", "oracle-dw", "sqlserver-dw",
                                         "redshift")}}


def schemas(corpus: Path) -> list[tuple[str, str, Path]]:
    out = []
    for key, engine, d in samples():
        out.append((f"sample-{key.replace('/', '-')}", engine, d))
    if corpus.exists():
        for engine_dir in sorted(corpus.iterdir()):
            if engine_dir.name in CORPUS_ENGINES:
                for d in sorted(p for p in engine_dir.iterdir() if p.is_dir()):
                    out.append((f"corpus-{engine_dir.name}-{d.name}", CORPUS_ENGINES[engine_dir.name], d))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--only", help="schemas whose name contains this text")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, source, path in schemas(Path(args.corpus)):
        if args.only and args.only not in name:
            continue
        targets = TARGETS.get(source, ())
        if not targets:
            inv = migplan.load_schema(path, source)
            (out / f"{name}.inventory.json").write_text(inv.to_json() + "\n", encoding="utf-8")
            print(f"{name}: inventory")
            continue
        for target in targets:
            try:
                a = migplan.assess(path, source, target, force=True, progress=False)
                text = json.dumps(a.to_dict(), indent=2, ensure_ascii=False) + "\n"
            except MigplanError as err:
                text = f"error: {err}\n"
            (out / f"{name}.{target}.json").write_text(text, encoding="utf-8")
            print(f"{name} -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
