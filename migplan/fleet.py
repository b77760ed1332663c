"""Fleet assessment: many databases, each for one or more targets, on any executor.

    fleet = migplan.assess_fleet("fleet.csv")                         # local processes
    fleet = migplan.assess_fleet("fleet.csv", executor=client.get_executor())   # a Dask cluster
    fleet.frame()            # one row per database and target
    fleet.recommended()      # one row per database: the target with the least work
    fleet.write("out/")      # fleet.csv, fleet.json, fleet.md, fleet.html, one folder per database

The fleet file has one row per database (CSV with a header): ``name, source, scripts, targets``
and optional ``default_schema``. ``targets`` holds one or more engine names separated by ``;``.
``scripts`` is a folder or file, relative to the fleet file; ``s3://...`` and other fsspec URLs are
copied to a temporary folder first (needs ``fsspec`` and the matching filesystem package).

Each database is one task (``assess_database``), a top-level function of plain arguments so any
``concurrent.futures.Executor`` can run it: a ProcessPoolExecutor (default), a ThreadPoolExecutor,
or Dask's ``Client.get_executor()`` (``migplan fleet --executor dask://host:8786``). Results come
back in input order, so the outputs are byte-identical whatever the executor or worker count.
A database that fails (unreadable scripts, an unknown engine) is a row with its error; the rest go on.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from migplan import engines, outdir
from migplan.errors import InputError
from migplan.escape import cell, csv_cell, table

FLEET_FORMAT = "migplan-fleet/1"
COLUMNS = ("name", "source", "scripts", "targets")

# complexity 1..5 from the effort (high estimate, hours): where SCT's assessment puts its bands
_COMPLEXITY = ((40.0, 1), (160.0, 2), (480.0, 3), (1200.0, 4))


@dataclass(frozen=True)
class FleetRow:
    name: str
    source: str
    scripts: str
    targets: tuple[str, ...]
    default_schema: str | None = None
    line: int = 0  # line of the fleet file


@dataclass
class TargetResult:
    """One database assessed for one target: the figures the fleet view compares."""

    database: str
    source: str
    target: str
    verdict: str  # the matrix verdict of the pair (homogeneous, heterogeneous...)
    objects: int = 0
    storage_automatic_percent: float | None = None
    code_automatic_percent: float | None = None
    action_items: int = 0
    critical_items: int = 0
    effort_low: float = 0.0
    effort_high: float = 0.0
    complexity: int = 0  # 1 (little work) .. 5 (a project of its own)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class Fleet:
    rows: list[FleetRow]
    results: list[TargetResult] = field(default_factory=list)

    def frame(self) -> Any:
        import pandas as pd

        return pd.DataFrame([asdict(r) for r in self.results])

    def recommended(self) -> list[TargetResult]:
        """Per database, the target with the least work: no error, then the highest automation, the lowest
        effort, then the target's name (a stable tie-break)."""
        out = []
        for row in self.rows:
            done = [r for r in self.results if r.database == row.name and r.ok]
            if done:
                out.append(min(done, key=_work))
        return out

    def to_dict(self) -> dict:
        rec = {r.database: r.target for r in self.recommended()}
        return {"format": FLEET_FORMAT, "databases": len(self.rows),
                "results": [asdict(r) | {"recommended": rec.get(r.database) == r.target} for r in self.results]}

    def write(self, directory: str | Path) -> Path:
        """The fleet files (fleet.csv/.json/.md/.html) into an output folder migplan owns."""
        with outdir.writing(directory) as tmp:
            self._write_files(tmp)
        return Path(directory)

    def _write_files(self, out: Path) -> None:
        rec = {r.database: r.target for r in self.recommended()}
        with open(out / "fleet.csv", "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, lineterminator="\n")
            names = [f for f in TargetResult.__dataclass_fields__]
            w.writerow([*names, "recommended"])
            for r in self.results:
                values = ["" if getattr(r, f) is None else getattr(r, f) for f in names]
                w.writerow([csv_cell(v) for v in values] + ["yes" if rec.get(r.database) == r.target else ""])
        (out / "fleet.json").write_text(json.dumps(self.to_dict(), indent=2, sort_keys=True) + "\n", "utf-8")
        (out / "fleet.md").write_text(self.markdown(), "utf-8")
        (out / "fleet.html").write_text(self.html(), "utf-8")

    def markdown(self) -> str:
        rec = {r.database: r.target for r in self.recommended()}
        rows = []
        for r in self.results:
            if r.ok:
                rows.append([cell(r.database), cell(r.source), cell(r.target) + (" **(recommended)**"
                                                                                  if rec.get(r.database) == r.target
                                                                                  else ""),
                             _pct(r.storage_automatic_percent), _pct(r.code_automatic_percent), str(r.action_items),
                             f"{r.effort_low:g}-{r.effort_high:g}", str(r.complexity)])
            else:
                rows.append([cell(r.database), cell(r.source), cell(r.target), "", "", "", "", cell(r.error or "")])
        lines = ["# Fleet assessment", "",
                 f"{len(self.rows)} databases, {len(self.results)} database-target assessments.", "",
                 table(["database", "source", "target", "storage auto", "code auto", "items", "effort h",
                        "complexity"], rows, right={3, 4, 5, 6, 7}), ""]
        return "\n".join(lines)

    def html(self) -> str:
        from html import escape

        rec = {r.database: r.target for r in self.recommended()}
        ok = [r for r in self.results if r.ok]
        top = max((r.effort_high for r in ok), default=0.0) or 1.0
        bars = []
        for i, r in enumerate(ok):  # effort range per database and target, an offline SVG bar chart
            y = 20 + i * 22
            x1, x2 = 220 + 400 * r.effort_low / top, 220 + 400 * r.effort_high / top
            label = f"{r.database} -> {r.target}"
            bars.append(f'<text x="0" y="{y + 12}">{escape(label[:34])}</text>'
                        f'<rect x="{x1:.1f}" y="{y}" width="{max(x2 - x1, 2):.1f}" height="14" '
                        f'fill="{"#2f7d4f" if rec.get(r.database) == r.target else "#8a96a3"}">'
                        f'<title>{escape(label)}: {r.effort_low:g}-{r.effort_high:g} h</title></rect>')
        svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="660" height="{40 + 22 * len(ok)}" role="img" '
               f'aria-label="effort range per database and target"><g font-size="11">{"".join(bars)}</g></svg>')
        head = ["database", "source", "target", "storage auto", "code auto", "items", "effort h", "complexity",
                "error"]
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(str(v))}</td>" for v in (
                r.database, r.source, r.target + (" (recommended)" if rec.get(r.database) == r.target else ""),
                _pct(r.storage_automatic_percent), _pct(r.code_automatic_percent), r.action_items,
                f"{r.effort_low:g}-{r.effort_high:g}", r.complexity, r.error or "")) + "</tr>"
            for r in self.results)
        return ("<!doctype html><html><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" "
                "content=\"default-src 'none'; style-src 'unsafe-inline'\"><title>Fleet assessment</title>"
                "<style>body{font-family:sans-serif}td,th{padding:2px 8px;border-bottom:1px solid #ddd}</style>"
                f"</head><body><h1>Fleet assessment</h1><p>{len(self.rows)} databases.</p>{svg}<table><tr>"
                + "".join(f"<th>{h}</th>" for h in head) + f"</tr>{rows}</table></body></html>\n")

    def __repr__(self) -> str:
        bad = sum(1 for r in self.results if not r.ok)
        return (f"fleet of {len(self.rows)} databases: {len(self.results)} assessments"
                + (f", {bad} failed" if bad else ""))


def read_fleet(path: str | Path) -> list[FleetRow]:
    """The fleet file's rows; a bad row is an InputError naming its line."""
    p = Path(path)
    try:
        text = p.read_text("utf-8-sig")
    except OSError as err:
        raise InputError(f"{p}: cannot read the fleet file ({err.strerror})") from None
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"{p}:1: the fleet file needs the columns {', '.join(COLUMNS)} (missing: "
                         f"{', '.join(missing)})")
    rows: list[FleetRow] = []
    seen: set[str] = set()
    for n, rec in enumerate(reader, start=2):
        name = (rec.get("name") or "").strip()
        if not name:
            raise InputError(f"{p}:{n}: a row without a name")
        if name in seen:
            raise InputError(f"{p}:{n}: the name {name!r} is used twice")
        seen.add(name)
        targets = tuple(t.strip() for t in (rec.get("targets") or "").split(";") if t.strip())
        if not targets:
            raise InputError(f"{p}:{n}: {name}: no targets")
        scripts = (rec.get("scripts") or "").strip()
        if "://" not in scripts and not Path(scripts).is_absolute():
            scripts = str((p.parent / scripts).resolve())
        rows.append(FleetRow(name, (rec.get("source") or "").strip(), scripts, targets,
                             (rec.get("default_schema") or "").strip() or None, n))
    return rows


def assess_database(row: FleetRow, output: str | None = None) -> list[TargetResult]:
    """One database for each of its targets (the fleet's task: plain arguments, picklable result)."""
    import migplan

    out: list[TargetResult] = []
    try:
        source = engines.get(row.source).name
    except Exception as err:  # an unknown engine: the row's error, not the fleet's
        return [TargetResult(row.name, row.source, t, "", error=str(err)) for t in row.targets]
    with _LocalScripts(row.scripts) as scripts:
        for target in row.targets:
            try:
                a = migplan.assess(scripts, source=source, target=target, default_schema=row.default_schema,
                                   progress=False)
                d = a.summary().to_dict()
                critical = sum(1 for i in a.action_items.active() if i.severity == "critical")
                res = TargetResult(row.name, source, a.target.name, d["verdict"], d["objects"],
                                   d["storage_automatic_percent"], d["code_automatic_percent"], d["action_items"],
                                   critical, d["effort_hours"]["low"], d["effort_hours"]["high"],
                                   _complexity(d["effort_hours"]["high"], critical))
                if output:
                    a.write(Path(output) / _safe(row.name) / a.target.name)
            except Exception as err:  # one database's failure is its row; the fleet goes on
                res = TargetResult(row.name, source, target, "", error=f"{type(err).__name__}: {err}")
            out.append(res)
    return out


def assess_fleet(fleet: str | Path | Iterable[FleetRow], output: str | Path | None = None,
                 executor: Executor | None = None, workers: int | None = None) -> Fleet:
    """Assess every database of the fleet on ``executor`` (default: local processes, ``workers`` of them)."""
    rows = read_fleet(fleet) if isinstance(fleet, (str, Path)) else list(fleet)
    if output is None:
        return Fleet(rows, _run(rows, None, executor, workers))
    # every database's outputs and the fleet files land in the folder together (or not at all);
    # the tasks write into it, so with a cluster it must be a path the workers share
    with outdir.writing(output) as tmp:
        fleet_out = Fleet(rows, _run(rows, str(tmp), executor, workers))
        fleet_out._write_files(tmp)
    return fleet_out


def _run(rows: list[FleetRow], out_dir: str | None, executor: Executor | None, workers: int | None
         ) -> list[TargetResult]:
    own = executor is None
    pool = executor or ProcessPoolExecutor(max_workers=workers or min(len(rows), os.cpu_count() or 1) or 1)
    try:
        futures = [pool.submit(assess_database, row, out_dir) for row in rows]
        return [r for f in futures for r in f.result()]  # input order: deterministic outputs
    finally:
        if own:
            pool.shutdown()


def executor_for(spec: str | None, workers: int | None = None) -> tuple[Executor | None, Any]:
    """``dask://host:port`` -> (the cluster's executor, its client to close); None -> (None, None)."""
    if not spec:
        return None, None
    if spec.startswith("dask://"):
        try:
            from distributed import Client
        except ImportError:
            raise InputError("--executor dask://...: install the dask extra (pip install 'migplan[dask]')") from None
        client = Client(spec.replace("dask://", "tcp://", 1))
        return client.get_executor(), client
    if spec == "threads":
        from concurrent.futures import ThreadPoolExecutor

        return ThreadPoolExecutor(max_workers=workers), None
    if spec == "processes":
        return ProcessPoolExecutor(max_workers=workers), None
    raise InputError(f"--executor {spec!r}: use processes, threads or dask://host:port")


class _LocalScripts:
    """The scripts as a local path: a remote URL (s3://...) is copied to a temporary folder."""

    def __init__(self, location: str):
        self.location = location
        self.tmp: str | None = None

    def __enter__(self) -> str:
        if "://" not in self.location or self.location.startswith("file://"):
            return self.location.removeprefix("file://")
        try:
            import fsspec
        except ImportError:
            raise InputError(f"{self.location}: reading remote scripts needs fsspec (and s3fs for s3://)") from None
        self.tmp = tempfile.mkdtemp(prefix="migplan_fleet_")
        fs, root = fsspec.core.url_to_fs(self.location)
        fs.get(root, self.tmp, recursive=True)
        return self.tmp

    def __exit__(self, *exc: object) -> None:
        if self.tmp:
            shutil.rmtree(self.tmp, ignore_errors=True)


def _complexity(effort_high: float, critical: int) -> int:
    level = next((lvl for limit, lvl in _COMPLEXITY if effort_high <= limit), 5)
    return min(5, level + (1 if critical else 0))


def _work(r: TargetResult) -> tuple:
    storage = r.storage_automatic_percent if r.storage_automatic_percent is not None else 100.0
    code = r.code_automatic_percent if r.code_automatic_percent is not None else 100.0
    return (r.complexity, -(storage + code), r.effort_high, r.target)


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{v:g}%"


def _safe(name: str) -> str:
    """A database name as a folder name: letters, digits, ._- only."""
    return "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name).strip(".") or "database"
