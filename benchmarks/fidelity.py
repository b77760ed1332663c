"""Object fidelity on real engines: each schema is assessed, its converted DDL applied to a real
PostgreSQL (embedded) or MariaDB (loopback), the catalog read back, and every source storage
element (table, column with its intended type, keys, checks, indexes, sequences, comments) and
view counted present or not. Prints one row per schema and target.

    python benchmarks/fidelity.py [--corpus ../shared/corpus] [--only NAME] [--show-missing]

Goals: storage >= 98% and views >= 90%; silent losses (missing, no action item) and unpredicted
verification failures 0 everywhere; homogeneous pairs (PostgreSQL -> Aurora PostgreSQL, MySQL ->
Aurora MySQL) accept every statement.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import migplan
from migplan.verify.engines import LocalMariaDB, VerifyEngineError, embedded_postgres_uri

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_schemas"

# (name, path relative to its root, source engine, corpus?)
SCHEMAS = [
    ("retail (sample)", "oracle/retail", "oracle", False),
    ("HR", "oracle/db-sample-schemas/human_resources/hr_create.sql", "oracle", True),
    ("CO", "oracle/db-sample-schemas/customer_orders/co_create.sql", "oracle", True),
    ("SH", "oracle/db-sample-schemas/sales_history/sh_create.sql", "oracle", True),
    ("Logger", "oracle/logger", "oracle", True),
    ("utPLSQL", "oracle/utplsql", "oracle", True),
    ("shop (sample)", "sqlserver/shop", "sqlserver", False),
    ("Northwind", "tsql/northwind-pubs/instnwnd.sql", "sqlserver", True),
    ("pubs", "tsql/northwind-pubs/instpubs.sql", "sqlserver", True),
    ("AdventureWorks", "tsql/adventure-works/oltp-install-script/instawdb.sql", "sqlserver", True),
    ("AdventureWorksDW", "tsql/adventure-works/data-warehouse-install-script", "sqlserver", True),
    ("in-memory OLTP", "tsql/in-memory-oltp", "sqlserver", True),
    ("sakila (T-SQL)", "tsql/sakila/sql-server-sakila-schema.sql", "sqlserver", True),
    ("bookstore (sample)", "mysql/bookstore", "mysql", False),
    ("sakila", "mysql/sakila/sakila-schema.sql", "mysql", True),
    ("mysql-sys", "mysql/mysql-sys", "mysql", True),
    ("clinic (sample)", "postgresql/clinic", "postgresql", False),
    ("pagila", "postgres/pagila/pagila-schema.sql", "postgresql", True),
    ("pagila-jsonb", "postgres/pagila/pagila-schema-jsonb.sql", "postgresql", True),
    ("petclinic", "postgres/petclinic/postgresql/schema.sql", "postgresql", True),
    ("bank (sample)", "db2/bank", "db2-luw", False),
    ("Db2 constraints", "db2/db2-samples/clp/tbconstr.db2", "db2-luw", True),
    ("Db2 temporal STT", "db2/db2-samples/clp/temporal_stt.db2", "db2-luw", True),
    ("Db2 temporal BTT", "db2/db2-samples/clp/temporal_btt.db2", "db2-luw", True),
    ("Db2 CGTT", "db2/db2-samples/admin_scripts/cgtt.db2", "db2-luw", True),
    ("Db2 RCAC", "db2/db2-samples/admin_scripts/sec_rcac.db2", "db2-luw", True),
    ("Db2 global vars", "db2/db2-samples/admin_scripts/globvarsupport.db2", "db2-luw", True),
    ("Db2 autonomous tx", "db2/db2-samples/admin_scripts/autonomous_transaction.db2", "db2-luw", True),
    ("Db2 scalar functions", "db2/db2-samples/clp/scalarfunction.db2", "db2-luw", True),
    ("Db2 SQL PL modules", "db2/db2-samples/sqlpl/modules.db2", "db2-luw", True),
    ("Db2 db-library", "db2/db2-samples/db_library/db-library.sql", "db2-luw", True),
]
# every pair migplan writes DDL for, homogeneous ones included (they must accept 100%)
TARGETS = {"oracle": ("aurora-postgresql", "aurora-mysql"), "sqlserver": ("aurora-postgresql", "aurora-mysql"),
           "mysql": ("aurora-postgresql", "aurora-mysql"), "postgresql": ("aurora-mysql", "aurora-postgresql"),
           "db2-luw": ("aurora-postgresql", "aurora-mysql", "postgresql", "mysql")}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--only", help="schemas whose name contains this text")
    ap.add_argument("--show-missing", action="store_true", help="list the elements not on the target")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    dsn = {"postgresql": embedded_postgres_uri()}
    try:
        dsn["mysql"] = LocalMariaDB.shared().dsn
    except VerifyEngineError as err:
        print(f"(MariaDB targets skipped: {err})")
    head = (f"{'schema':20} {'target':18} {'accepted':>9} {'storage':>15} {'views':>11} {'PK':>7} {'FK':>7} "
            f"{'checks':>7} {'silent':>6} {'unpred.':>7} {'sec':>5}")
    print(head)
    print("-" * len(head))
    totals: dict[str, list[int]] = {}
    for name, rel, source, in_corpus in SCHEMAS:
        if args.only and args.only.lower() not in name.lower():
            continue
        path = (corpus if in_corpus else SAMPLES) / rel
        if not path.exists():
            print(f"{name:20} (not found: {path})")
            continue
        for target in TARGETS[source]:
            family = "postgresql" if "postgresql" in target else "mysql"
            if family not in dsn:
                continue
            t0 = time.perf_counter()
            a = migplan.assess(path, source, target, progress=False)
            v = a.verify(dsn=dsn[family])
            f = v.fidelity(a)
            counts = f.counts()
            storage = [sum(counts.get(k, (0, 0))[i] for k in counts if k != "view") for i in (0, 1)]
            views = counts.get("view", (0, 0))
            # views that need procedural code converted first (SQL018) or objects no script creates
            # (VEW012) cannot exist on any target until then: counted apart
            waiting = {i.object for i in a.action_items.items if i.code in ("SQL018", "VEW012")}
            waiting |= {key.split(":", 1)[1] for key in a.plan.held}  # and views reading those views
            own = [e for e in f.elements if e.kind == "view" and e.object.split(":", 1)[1] not in waiting]
            views_own = (sum(e.status in ("present", "folded") for e in own), len(own))
            for key, (ok, total) in (("storage", storage), ("views", views), ("views*", views_own)):
                t = totals.setdefault(f"{source}->{family}:{key}", [0, 0])
                t[0] += ok
                t[1] += total
            vs = v.summary()
            print(f"{name:20} {target:18} {vs['accepted']:>4}/{vs['statements']:<4} {_pct(*storage):>15} "
                  f"{_pct(*views):>11} {_frac(counts, 'primary key'):>7} "
                  f"{_frac(counts, 'foreign key'):>7} {_frac(counts, 'check'):>7} {len(f.silent):>6} "
                  f"{v.unpredicted:>7} {time.perf_counter() - t0:>5.1f}")
            if args.show_missing:
                for e in f.elements:
                    if e.status not in ("present", "folded"):
                        mark = "" if e.explained else "  << SILENT"
                        print(f"    {e.status:13} {e.kind:11} {e.name}  {e.detail[:110]}{mark}")
    print()
    for key, (ok, total) in sorted(totals.items()):
        print(f"{key:32} {_pct(ok, total)}")
    print("views*: views that need neither procedural code converted first (SQL018) nor an object no "
          "script creates (VEW012), directly or through another view")


def _pct(ok: int, total: int) -> str:
    return f"{ok}/{total} {100 * ok / total:5.1f}%" if total else "-"


def _frac(counts, kind) -> str:
    ok, total = counts.get(kind, (0, 0))
    return f"{ok}/{total}" if total else "-"


if __name__ == "__main__":
    main()
