"""The kit on both sqlglot builds: assessments of the samples (and, when present, corpus schemas)
must be byte-identical on the compiled build (sqlglot[c], this venv) and on the pure-Python build
(a throwaway venv with sqlglot alone). Prints one line per pair and the time each build took.

    python benchmarks/sqlglot_builds.py [--keep-venv DIR]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
PAIRS = [
    ("sample_schemas/oracle/retail", "oracle", "aurora-postgresql"),
    ("sample_schemas/oracle/retail", "oracle", "aurora-mysql"),
    ("sample_schemas/sqlserver/shop", "sqlserver", "aurora-postgresql"),
    ("sample_schemas/sqlserver/shop", "sqlserver", "aurora-mysql"),
    ("sample_schemas/mysql/bookstore", "mysql", "aurora-postgresql"),
    ("sample_schemas/postgresql/clinic", "postgresql", "aurora-mysql"),
    (str(CORPUS / "tsql/adventure-works/oltp-install-script/instawdb.sql"), "sqlserver", "aurora-postgresql"),
    (str(CORPUS / "oracle/db-sample-schemas/customer_orders/co_create.sql"), "oracle", "aurora-postgresql"),
]

WORKER = """
import hashlib, json, sys, time
import migplan, sqlglot.parser
from migplan.report.files import assessment_to_dict
pairs = json.loads(sys.argv[1])
t0 = time.perf_counter()
out = {}
for path, source, target in pairs:
    d = assessment_to_dict(migplan.assess(path, source, target))
    d.pop("generator", None)
    out[f"{path} -> {target}"] = hashlib.sha1(json.dumps(d, sort_keys=True).encode()).hexdigest()
print(json.dumps({"build": "compiled" if sqlglot.parser.__file__.endswith(".so") else "pure-python",
                  "seconds": round(time.perf_counter() - t0, 2), "digests": out}))
"""


def run(python: str, pairs: list) -> dict:
    done = subprocess.run([python, "-c", WORKER, json.dumps(pairs)], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def pure_venv(where: Path) -> str:
    python = where / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "sqlglot==30.30.0", "networkx", "pandas", "tqdm",
                        "pyyaml"], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "-e", str(ROOT)], check=True)
    return str(python)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep-venv", help="build (or reuse) the pure-Python venv here")
    args = ap.parse_args()
    pairs = [p for p in PAIRS if Path(ROOT / p[0]).exists() or Path(p[0]).exists()]
    where = Path(args.keep_venv) if args.keep_venv else Path(tempfile.mkdtemp(prefix="migplan-pure-"))
    t0 = time.perf_counter()
    compiled = run(sys.executable, pairs)
    pure = run(pure_venv(where), pairs)
    for key in compiled["digests"]:
        same = compiled["digests"][key] == pure["digests"].get(key)
        print(f"{'identical' if same else 'DIFFERENT':9}  {key.replace(str(ROOT) + '/', '')}")
    print(f"{compiled['build']}: {compiled['seconds']} s; {pure['build']}: {pure['seconds']} s "
          f"(ratio {pure['seconds'] / compiled['seconds']:.2f}); total {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
