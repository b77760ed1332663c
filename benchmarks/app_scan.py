"""How fast is scan_app on a big code base? Generates one (default: 1,000,000 lines in Java, C#,
Python, PHP, TypeScript, Go and Pro*C, about one SQL statement per 25 lines, every statement
distinct) and prints the scan time next to the time to read and decode the same files.

    python benchmarks/app_scan.py                 # 1M lines, serial and parallel, outputs compared
    python benchmarks/app_scan.py --lines 200000  # smaller
    python benchmarks/app_scan.py --keep out/big  # keep the generated code base there

The goal is under a minute on a 2-core machine. The serial and the parallel scan must give the
same scan.json byte for byte, and find exactly the generated statements (the script fails
otherwise). Each run also prints its CPU time: on a machine shared with other work, the wall time
depends on the neighbours.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import migplan  # noqa: E402
from migplan.app.files import discover  # noqa: E402
from migplan.ingest.files import read_source  # noqa: E402

TABLES = ["orders", "customers", "products", "order_items", "payments", "stores", "inventories", "categories"]
COLUMNS = ["id", "status", "name", "created_at", "amount", "quantity", "price", "code", "note", "owner_id"]


def _sql(rng: random.Random, n: int) -> tuple[str, str]:
    """A distinct statement and its kind; n makes it unique (a literal or an alias)."""
    t = rng.choice(TABLES)
    a, b = rng.sample(COLUMNS, 2)
    kind = rng.choice(["select", "select", "select", "insert", "update", "delete"])
    if kind == "select":
        u = rng.choice(TABLES)
        return (f"SELECT x.{a}, x.{b}, y.{a} AS c{n} FROM {t} x JOIN {u} y ON y.id = x.{b} "
                f"WHERE x.{a} = ? AND x.{b} > {n} ORDER BY x.{a}"), kind
    if kind == "insert":
        return f"INSERT INTO {t} ({a}, {b}) VALUES (?, {n})", kind
    if kind == "update":
        return f"UPDATE {t} SET {a} = ?, {b} = {b} + {n} WHERE id = ?", kind
    return f"DELETE FROM {t} WHERE {a} < {n} AND {b} = ?", kind


def _method(lang: str, rng: random.Random, n: int) -> str:
    """About 25 lines: code, comments, log and UI strings, and one statement."""
    sql, _ = _sql(rng, n)
    half = len(sql) // 2
    while sql[half] != " ":
        half += 1
    head, tail = sql[:half], sql[half:]
    body = {
        "java": f'''
    /** Loads the rows for report {n}; see the wiki. SELECT * FROM old_table is gone. */
    public List<Row> load{n}(Connection c, long id) throws SQLException {{
        log.debug("select rows for {n}: {{}}", id);
        String label = "Select a row, then update it";
        int limit = Math.max(10, (int) id % {n + 7});
        // two steps: prepare, then bind
        try (PreparedStatement ps = c.prepareStatement("{head}"
                + "{tail}")) {{
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {{
                List<Row> out = new ArrayList<>();
                while (rs.next() && out.size() < limit) {{
                    out.add(new Row(rs.getLong(1), rs.getString(2)));
                }}
                return out;
            }}
        }} catch (SQLException e) {{
            log.error("query {n} failed for " + id, e);
            throw e;
        }}
    }}
''',
        "csharp": f'''
        /// <summary>Report {n}: rows for one owner.</summary>
        public IList<Row> Load{n}(SqlConnection conn, long id)
        {{
            var label = "Select a row, then update it";
            var limit = Math.Max(10, (int)(id % {n + 7}));
            // SELECT * FROM old_table was replaced
            using (var cmd = new SqlCommand(@"{head}
                {tail}", conn))
            {{
                cmd.Parameters.AddWithValue("@id", id);
                using (var reader = cmd.ExecuteReader())
                {{
                    var rows = new List<Row>();
                    while (reader.Read() && rows.Count < limit)
                    {{
                        rows.Add(new Row(reader.GetInt64(0), reader.GetString(1)));
                    }}
                    Console.WriteLine("{{0}} rows for {n}", rows.Count);
                    return rows;
                }}
            }}
        }}
''',
        "python": f'''

    def load_{n}(self, cur, row_id):
        """Rows for report {n}. SELECT * FROM old_table is gone."""
        label = "Select a row, then update it"
        limit = max(10, row_id % {n + 7})
        # two steps: execute, then fetch
        cur.execute(
            "{head}"
            "{tail}",
            (row_id,),
        )
        rows = cur.fetchmany(limit)
        if not rows:
            log.info("no rows selected for %s", row_id)
        out = []
        for r in rows:
            out.append({{"id": r[0], "name": r[1], "label": label}})
        return out
''',
        "php": f'''
    /** Rows for report {n}. SELECT * FROM old_table is gone. */
    public function load{n}(int $id): array
    {{
        $label = 'Select a row, then update it';
        $limit = max(10, $id % {n + 7});
        // prepare, then bind
        $stmt = $this->pdo->prepare("{head}"
            . "{tail}");
        $stmt->execute([$id]);
        $out = [];
        while (($row = $stmt->fetch()) && count($out) < $limit) {{
            $out[] = ['id' => $row[0], 'name' => $row[1], 'label' => $label];
        }}
        error_log("report {n}: " . count($out) . " rows selected");
        return $out;
    }}
''',
        "typescript": f'''
  /** Rows for report {n}. SELECT * FROM old_table is gone. */
  async load{n}(id: number): Promise<Row[]> {{
    const label = "Select a row, then update it";
    const limit = Math.max(10, id % {n + 7});
    // one round trip
    const {{ rows }} = await this.pool.query(
      `{head}
       {tail}`,
      [id],
    );
    const out: Row[] = [];
    for (const r of rows.slice(0, limit)) {{
      out.push({{ id: r.id, name: r.name, label }});
    }}
    console.log(`report {n}: ${{out.length}} rows selected`);
    return out;
  }}
''',
        "go": f'''
// Load{n} returns the rows for report {n}. SELECT * FROM old_table is gone.
func (s *Store) Load{n}(ctx context.Context, id int64) ([]Row, error) {{
	label := "Select a row, then update it"
	limit := 10 + int(id%{n + 7})
	rows, err := s.db.QueryContext(ctx, `{head}
		{tail}`, id)
	if err != nil {{
		return nil, fmt.Errorf("query {n}: %w", err)
	}}
	defer rows.Close()
	var out []Row
	for rows.Next() && len(out) < limit {{
		var r Row
		if err := rows.Scan(&r.ID, &r.Name); err != nil {{
			return nil, err
		}}
		r.Label = label
		out = append(out, r)
	}}
	return out, rows.Err()
}}
''',
        "proc": f'''
/* report {n}: EXEC SQL SELECT * FROM old_table is gone */
static int load_{n}(long id)
{{
    int limit = 10 + (int)(id % {n + 7});
    char label[] = "Select a row, then update it";
    row_id = id;
    EXEC SQL {sql.replace("?", ":row_id")};
    if (sqlca.sqlcode != 0) {{
        fprintf(stderr, "report {n} failed: %d\\n", sqlca.sqlcode);
        return -1;
    }}
    printf("%s: %d rows\\n", label, limit);
    for (int i = 0; i < limit; i++) {{
        total += i;
    }}
    return 0;
}}
''',
    }[lang]
    return body


_HEADER = {
    "java": ("package gen;\n\nimport java.sql.*;\nimport java.util.*;\n\npublic class {name} {{\n"
             "    private static final org.slf4j.Logger log =\n"
             "        org.slf4j.LoggerFactory.getLogger({name}.class);\n", "}\n"),
    "csharp": ("using System;\nusing System.Collections.Generic;\nusing System.Data.SqlClient;\n\nnamespace Gen\n{{\n"
               "    public class {name}\n    {{\n", "    }\n}\n"),
    "python": ('"""Generated module {name}."""\n\nimport logging\n\nlog = logging.getLogger(__name__)\n\n\n'
               "class {name}:\n    pass\n", ""),
    "php": ("<?php\nnamespace Gen;\n\nfinal class {name}\n{{\n"
            "    public function __construct(private \\PDO $pdo) {{}}\n", "}\n"),
    "typescript": ('import {{ Pool }} from "pg";\n\nexport class {name} {{\n  constructor(private pool: Pool) {{}}\n',
                   "}\n"),
    "go": ('package gen\n\nimport (\n\t"context"\n\t"fmt"\n)\n\ntype {name} struct{{}}\n', ""),
    "proc": ("#include <stdio.h>\nEXEC SQL INCLUDE SQLCA;\nEXEC SQL BEGIN DECLARE SECTION;\nlong row_id;\n"
             "EXEC SQL END DECLARE SECTION;\nstatic long total;\n", ""),
}
_EXT = {"java": ".java", "csharp": ".cs", "python": ".py", "php": ".php", "typescript": ".ts", "go": ".go",
        "proc": ".pc"}


def generate(root: Path, lines: int, seed: int = 7) -> tuple[int, int, int]:
    """Write the code base; return (lines, files, statements): each method runs one statement,
    and nothing else in the code is one (comments, log and UI strings, format strings)."""
    rng = random.Random(seed)
    written = files = n = 0
    langs = list(_EXT)
    while written < lines:
        lang = langs[files % len(langs)]
        name = f"Report{files:05d}"
        head, tail = _HEADER[lang]
        methods = []
        for _ in range(rng.randint(8, 40)):
            methods.append(_method(lang, rng, n))
            n += 1
        if lang == "python":  # methods belong to the class
            head = head.replace("    pass\n", "")
        text = head.format(name=name) + "".join(methods) + tail
        path = root / lang / f"{name}{_EXT[lang]}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += text.count("\n")
        files += 1
    return written, files, n


def _cpu() -> float:
    """CPU seconds of this process and its finished children: on a shared machine the wall time
    depends on the neighbours, the CPU time much less."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="processes for the parallel run")
    ap.add_argument("--keep", help="generate into this folder and keep it")
    ap.add_argument("--no-serial", action="store_true", help="skip the serial run (and the comparison)")
    args = ap.parse_args(argv)
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="migplan-appbench-"))
    try:
        if root.exists() and any(root.iterdir()) and not args.keep:
            raise SystemExit(f"{root} is not empty")
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True)
        t0 = time.perf_counter()
        lines, files, statements = generate(root, args.lines)
        print(f"generated {lines:,} lines in {files:,} files, {statements:,} statements "
              f"({time.perf_counter() - t0:.1f} s)")

        t0 = time.perf_counter()
        total = sum(len(read_source(p, d).text) for p, d, _ in discover(root))
        read_s = time.perf_counter() - t0
        print(f"baseline: find, read and decode the files: {read_s:6.1f} s ({total / 1e6:.1f} M characters)")

        t0, c0 = time.perf_counter(), _cpu()
        parallel = migplan.scan_app(root, "oracle", workers=args.workers)
        par_s, par_cpu = time.perf_counter() - t0, _cpu() - c0
        print(f"scan_app, {args.workers} worker processes:     {par_s:6.1f} s  "
              f"({len(parallel):,} statements, {lines / par_s:,.0f} lines/s; CPU {par_cpu:.1f} s)")
        if not args.no_serial:
            t0, c0 = time.perf_counter(), _cpu()
            serial = migplan.scan_app(root, "oracle", workers=1)
            ser_s, ser_cpu = time.perf_counter() - t0, _cpu() - c0
            print(f"scan_app, one process:              {ser_s:6.1f} s  ({lines / ser_s:,.0f} lines/s; "
                  f"CPU {ser_cpu:.1f} s)")
            same = serial.to_json() == parallel.to_json()
            print(f"serial and parallel scan.json identical: {same}")
            if not same:
                return 1
        print(f"statements found / generated: {len(parallel):,} / {statements:,}")
        if len(parallel) != statements:
            return 1
        s = parallel.summary()
        print("statements by language:", ", ".join(f"{k} {v}" for k, v in s["by_language"].items()))
        print("by parse status:", ", ".join(f"{k} {v}" for k, v in s["by_parse_status"].items()))
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
