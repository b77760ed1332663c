"""Enterprise size: a realistic synthetic Oracle schema (5-60 columns per table, foreign-key chains
and fans, indexes, views on views, procedures with typical bodies, a package per 500 tables, data
INSERTs) assessed end to end, each stage timed with its peak memory, next to the floor: sqlglot
parsing the same statements alone, in the same run (and ora2pg where installed).

    python benchmarks/scale.py [--tables 1000 10000] [--workdir DIR] [--no-outputs]

Prints one table per size; nothing is asserted (speed is measured here, never in tests; the smoke
test runs it on 200 tables). Goals (issue "Enterprise size"): the whole run within 1.5x the floor,
cost linear in size (50k at most 5.5x 10k), peak memory under 4 GiB (the peak RSS column is the
process's high-water mark so far).
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import sqlglot

import migplan
from migplan.analyze import Config, analyze
from migplan.assessment import Assessment
from migplan.convert import convert


def schema(n: int, seed: int = 11) -> str:
    """An Oracle script of n tables in the shape real estates have (see the module docstring)."""
    rnd = random.Random(seed)
    out: list[str] = []
    types = ["NUMBER(10)", "NUMBER(12,2)", "VARCHAR2(40)", "VARCHAR2(200)", "DATE", "TIMESTAMP(6)", "CHAR(1)",
             "CLOB"]
    for i in range(n):
        cols = [f"  c{c} {rnd.choice(types)}{' NOT NULL' if rnd.random() < 0.3 else ''}"
                for c in range(rnd.randint(5, 60))]
        out.append(f"CREATE TABLE app.t{i} (\n  id NUMBER(10) PRIMARY KEY,\n  parent_id NUMBER(10),\n"
                   + ",\n".join(cols) + "\n);")
    for i in range(1, n):
        parent = i - 1 if rnd.random() < 0.6 else rnd.randrange(max(1, i // 10))  # chains, and fans on hubs
        out.append(f"ALTER TABLE app.t{i} ADD CONSTRAINT t{i}_fk FOREIGN KEY (parent_id) "
                   f"REFERENCES app.t{parent} (id);")
        if i % 3 == 0:
            out.append(f"CREATE INDEX app.t{i}_ix ON app.t{i} (parent_id, c0);")
    for v in range(n // 10):  # views, every fifth one on another view
        base = f"app.v{v - 1}" if v % 5 == 4 else f"app.t{rnd.randrange(n)}"
        out.append(f"CREATE OR REPLACE VIEW app.v{v} AS SELECT id, NVL(parent_id, 0) AS p FROM {base} WHERE id > {v};")
    for p in range(n // 10):  # procedures with the bodies people write
        t = rnd.randrange(n)
        out.append(f"""CREATE OR REPLACE PROCEDURE app.p{p} (p_id IN NUMBER) IS
  v_count NUMBER;
BEGIN
  SELECT COUNT(*) INTO v_count FROM app.t{t} WHERE parent_id = p_id;
  IF v_count = 0 THEN
    UPDATE app.t{t} SET parent_id = NULL WHERE id = p_id;
  END IF;
  FOR r IN (SELECT id FROM app.t{t} WHERE parent_id = p_id) LOOP
    DELETE FROM app.t{t} WHERE id = r.id;
  END LOOP;
END;
/""")
    for k in range(max(1, n // 500)):
        out.append(f"""CREATE OR REPLACE PACKAGE app.pkg{k} IS
  PROCEDURE touch (p_id IN NUMBER);
END;
/
CREATE OR REPLACE PACKAGE BODY app.pkg{k} IS
  g_calls NUMBER := 0;
  PROCEDURE touch (p_id IN NUMBER) IS
  BEGIN
    g_calls := g_calls + 1;
    UPDATE app.t{k} SET parent_id = parent_id WHERE id = p_id;
  END;
END;
/""")
    for i in range(0, n, 4):  # data
        out.append(f"INSERT INTO app.t{i} (id, parent_id) VALUES ({i}, NULL);")
    return "\n".join(out) + "\n"


def _rss_mb() -> float:
    """The process's peak resident memory so far (MB): cheap, so it never slows a stage."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _floor(inv: object) -> float:
    """sqlglot alone (the compiled build when installed) on the statements migplan read as SQL."""
    texts = [st.text for st in inv.statements]  # type: ignore[attr-defined]
    start = time.perf_counter()
    for text in texts:
        try:
            sqlglot.parse(text, read="oracle")
        except Exception:  # the floor is what sqlglot does; PL/SQL it cannot read is part of it
            continue
    return time.perf_counter() - start


def run(n: int, workdir: Path, outputs: bool) -> list[tuple[str, float, float]]:
    text = schema(n)
    path = workdir / f"schema_{n}.sql"
    path.write_text(text, encoding="utf-8")
    rows: list[tuple[str, float, float]] = []

    def stage(name: str, fn):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        value = fn()
        rows.append((name, time.perf_counter() - start, _rss_mb()))
        return value

    inv = stage("read + split + parse", lambda: migplan.load_schema(str(path), "oracle"))
    conv = stage("convert", lambda: convert(inv, "aurora-postgresql", progress=False))
    items = stage("analyze", lambda: analyze(inv, conv, Config(), progress=False))
    a = Assessment(inv, migplan.matrix.check("oracle", "aurora-postgresql"), conv, items, Config())
    stage("plan (graph, phases, DMS)", lambda: (a.plan.ddl_files(), a.dms.tasks()))
    if outputs:
        out = workdir / f"out_{n}"
        stage("all outputs (a.write)", lambda: a.write(out))
    total = sum(s for _, s, _ in rows)
    rows.append(("total", total, max((m for _, _, m in rows), default=float("nan"))))
    floor = _floor(inv)
    rows.append(("floor: sqlglot parse alone", floor, float("nan")))
    rows.append((f"ratio total / floor = {total / floor:.2f}", 0.0, float("nan")))
    if shutil.which("ora2pg"):
        start = time.perf_counter()
        subprocess.run(["ora2pg", "-i", str(path), "-t", "TABLE", "-o", str(workdir / "ora2pg.sql")],
                       capture_output=True, check=False)
        rows.append(("ora2pg TABLE (same file)", time.perf_counter() - start, float("nan")))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tables", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workdir")
    ap.add_argument("--no-outputs", action="store_true", help="skip writing the outputs")
    args = ap.parse_args()
    tmp = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="migplan_scale_"))
    try:
        for n in args.tables:
            print(f"\n{n} tables (sqlglot {sqlglot.__version__}, threads {threading.active_count()})")
            print(f"{'stage':<34} {'seconds':>9} {'peak RSS MB':>12}")
            for name, seconds, mb in run(n, tmp, not args.no_outputs):
                print(f"{name:<34} {seconds:>9.2f} {mb:>12.0f}" if seconds else name)
    finally:
        if not args.workdir:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
