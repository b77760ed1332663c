"""Planning at scale: a synthetic Oracle schema of N tables with 2N foreign keys (default 10,000 /
20,000). Prints the time of each stage; planning (graph, cycles, waves, phase DDL, DMS mappings)
should be a small fraction of parsing.

    python benchmarks/plan_scale.py [--tables 10000]
"""

from __future__ import annotations

import argparse
import random
import time

import migplan
from migplan.analyze import Config, analyze
from migplan.assessment import Assessment
from migplan.convert import convert
from migplan.dms import DmsArtifacts
from migplan.plan.graph import break_cycles, build_graph, cycles
from migplan.plan.phases import Plan, PlanOptions


def script(n: int, seed: int = 7) -> str:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        out.append(f"CREATE TABLE app.t{i} (id NUMBER(9) PRIMARY KEY, a_id NUMBER(9), b_id NUMBER(9), "
                   f"name VARCHAR2(100) NOT NULL, created DATE DEFAULT SYSDATE);")
    for i in range(1, n):
        a, b = rnd.randrange(i), rnd.randrange(i)  # parents created earlier: mostly acyclic...
        out.append(f"ALTER TABLE app.t{i} ADD CONSTRAINT t{i}_a_fk FOREIGN KEY (a_id) REFERENCES app.t{a} (id);")
        out.append(f"ALTER TABLE app.t{i} ADD CONSTRAINT t{i}_b_fk FOREIGN KEY (b_id) REFERENCES app.t{b} (id);")
    out.append(
        "ALTER TABLE app.t0 ADD CONSTRAINT t0_cycle_fk FOREIGN KEY (a_id) REFERENCES app.t1 (id);"
    )  # ...and one cycle
    for i in range(0, n, 5):
        out.append(f"CREATE INDEX app.t{i}_name_ix ON app.t{i} (name);")
    return "\n".join(out) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tables", type=int, default=10000)
    args = ap.parse_args()
    text = script(args.tables)
    t0 = time.perf_counter()
    inv = migplan.load_text(text, "oracle")
    t1 = time.perf_counter()
    conv = convert(inv, "aurora-postgresql", progress=False)
    t2 = time.perf_counter()
    items = analyze(inv, conv, Config(), progress=False)
    t3 = time.perf_counter()
    a = Assessment(inv, migplan.matrix.check("oracle", "aurora-postgresql"), conv, items, Config())
    g = build_graph(inv)
    cyc = cycles(g)
    deferred = break_cycles(g)
    plan = Plan(a.plan_input(), PlanOptions(fks_during_load=True), g)
    plan.ddl_files()
    DmsArtifacts(plan).tasks()
    t4 = time.perf_counter()
    fks = sum(1 for _, _, d in g.edges(data=True) if d["kind"] == "foreign key")
    print(f"tables {len(inv.tables)}, foreign keys {fks}, graph nodes {g.number_of_nodes()}, "
          f"edges {g.number_of_edges()}, cycles {len(cyc)}, deferred FKs {len(deferred)}, waves {len(plan.waves)}")
    print(f"{'stage':10} {'seconds':>8}")
    for name, s in (("parse", t1 - t0), ("convert", t2 - t1), ("analyze", t3 - t2), ("plan", t4 - t3)):
        print(f"{name:10} {s:8.2f}")
    print(f"plan / parse = {(t4 - t3) / (t1 - t0):.2f}")


if __name__ == "__main__":
    main()
