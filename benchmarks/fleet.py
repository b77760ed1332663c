"""Fleet assessment on a real distributed engine: N small synthetic databases (Oracle, 5-30 tables
with keys, indexes and a view each) assessed for Aurora PostgreSQL on a Dask LocalCluster with one
worker and with two, in the same run; prints both wall times and the speed-up.

    python benchmarks/fleet.py [--databases 200] [--tables 12]

Goal (issue "Enterprise size"): at least 1.7x faster on two workers than on one (2-core machine).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from migplan.fleet import assess_fleet


def _schema(rng: random.Random, tables: int) -> str:
    out = []
    for t in range(tables):
        cols = [f"  c{c} {'NUMBER(10)' if c % 3 else 'VARCHAR2(40)'}" for c in range(rng.randint(3, 12))]
        fk = f",\n  CONSTRAINT t{t}_fk FOREIGN KEY (p_id) REFERENCES t{t - 1} (id)" if t else ""
        out.append(f"CREATE TABLE t{t} (\n  id NUMBER(10) PRIMARY KEY,\n  p_id NUMBER(10),\n" + ",\n".join(cols)
                   + fk + "\n);\n" + f"CREATE INDEX t{t}_ix ON t{t} (p_id);\n")
    out.append("CREATE VIEW v_last AS SELECT id, NVL(p_id, 0) AS p FROM t0 WHERE ROWNUM <= 10;\n")
    return "".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--databases", type=int, default=200)
    ap.add_argument("--tables", type=int, default=12)
    args = ap.parse_args()
    from distributed import Client, LocalCluster

    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        lines = ["name,source,scripts,targets"]
        for n in range(args.databases):
            (root / f"db{n}.sql").write_text(_schema(rng, rng.randint(max(1, args.tables // 2), args.tables)))
            lines.append(f"db{n},oracle,db{n}.sql,aurora-postgresql")
        (root / "fleet.csv").write_text("\n".join(lines) + "\n")
        times = {}
        for workers in (1, 2):
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as c, \
                    Client(c) as client:
                client.run(lambda: __import__("migplan.assessment"))  # warm the workers: imports are not the job
                start = time.perf_counter()
                fleet = assess_fleet(root / "fleet.csv", executor=client.get_executor())
                times[workers] = time.perf_counter() - start
            assert all(r.ok for r in fleet.results), [r.error for r in fleet.results if not r.ok][:3]
    print(f"{'databases':>10} {'1 worker s':>11} {'2 workers s':>12} {'speed-up':>9}")
    print(f"{args.databases:>10} {times[1]:>11.1f} {times[2]:>12.1f} {times[1] / times[2]:>8.2f}x")


if __name__ == "__main__":
    main()
