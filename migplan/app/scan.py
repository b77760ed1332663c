"""``scan_app``: the SQL an application runs, found in its code and linked to the schema.

    app = migplan.scan_app("src/", source="oracle", schema=a)   # a: Assessment, Inventory or a path
    app.frame()                  # one row per statement
    app.by_object()              # which files read, write, call each object
    app.unreferenced_objects()   # schema objects no scanned file touches (needs schema=)
    app.unknown_references()     # what the code touches that the scripts do not define (needs schema=)
    app.write("out-app/")        # statements.csv, scan.json
"""

from __future__ import annotations

import json
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from migplan import engines
from migplan.app import link
from migplan.app.files import discover, scan_files
from migplan.engines import Engine
from migplan.errors import InputError
from migplan.inventory import Inventory
from migplan.model.app import PARSE_STATUSES, AppFile, AppStatement, ObjectRef
from migplan.version import __version__

SCAN_FORMAT = 1
# Below this many bytes of code one process is faster than starting workers.
_PARALLEL_BYTES = 4 << 20


def scan_app(path, source="oracle", target=None, schema=None, *, workers: int | None = None) -> AppScan:
    """Find the SQL in the application code under ``path``, written for the ``source`` engine.

    ``schema``: an Assessment, an Inventory, the path of an ``assessment.json`` (``migplan assess
    -o``) or of the schema scripts, to resolve the objects each statement touches. ``target`` is
    recorded for the conversion of the statements (not done by the scan). ``workers``: processes
    to use (None: one for small code bases, every core for big ones); the result is the same."""
    engine = engines.get(source)
    if engine.splitter is None:
        raise InputError(f"{engine.display} has no SQL dialect migplan reads; name the engine the application "
                         "runs its SQL on")
    target_engine = engines.get(target) if target is not None else None
    inv = link.load(schema, engine)
    root = Path(path)
    files = discover(root)
    results = _run(files, engine, workers)
    resolver = link.Resolver(inv, engine)
    app_files: list[AppFile] = []
    statements: list[AppStatement] = []
    for r in results:
        if r is None:
            continue
        record, found = r
        app_files.append(record)
        for st, raws in found:
            refs = {ref for ref in (resolver.resolve(raw) for raw in raws) if ref is not None}
            st.objects = sorted(refs, key=lambda o: (o.mode, o.key, o.name, o.kind))
            statements.append(st)
    statements.sort(key=lambda s: (s.file, s.line, s.column))
    app_files.sort(key=lambda f: f.path)
    return AppScan(root.name or str(root), engine, target_engine, inv, app_files, statements)


def _run(files: list[tuple[Path, str, str]], engine: Engine, workers: int | None) -> list:
    batch = [(str(p), d, lang) for p, d, lang in files]
    dialect, splitter = engine.sqlglot or "", engine.splitter or ""
    sizes = [_size(p) for p, _, _ in files]
    if workers is None:
        workers = 1 if sum(sizes) < _PARALLEL_BYTES else (os.cpu_count() or 1)
    if workers <= 1 or len(batch) < 2:
        return scan_files(batch, dialect, splitter)
    chunks = _chunks(batch, sizes, workers * 8)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        parts = list(pool.map(scan_files, chunks, repeat(dialect), repeat(splitter)))
    return [r for part in parts for r in part]


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0


def _chunks(batch: list, sizes: list[int], n: int) -> list[list]:
    """Consecutive runs of files of about the same total size (the order is kept)."""
    target = max(1, sum(sizes) // max(1, n))
    out: list[list] = [[]]
    acc = 0
    for item, size in zip(batch, sizes):
        if acc >= target and out[-1]:
            out.append([])
            acc = 0
        out[-1].append(item)
        acc += size
    return out


class AppScan:
    """The statements found in an application, and the schema they were linked to (if any)."""

    def __init__(self, root: str, source: Engine, target: Engine | None, schema: Inventory | None,
                 files: list[AppFile], statements: list[AppStatement]):
        self.root = root
        self.source = source
        self.target = target
        self.schema = schema
        self.files = files
        self.statements = statements

    def __len__(self) -> int:
        return len(self.statements)

    def __iter__(self):
        return iter(self.statements)

    def __repr__(self) -> str:
        langs = ", ".join(f"{n} {lang}" for lang, n in sorted(Counter(s.language for s in self.statements).items()))
        linked = f", linked to {len(self.schema)} schema objects" if self.schema is not None else ""
        with_sql = sum(1 for f in self.files if f.statements)
        return (f"<AppScan {self.root} ({self.source.name}): {len(self.statements)} statements in {with_sql} of "
                f"{len(self.files)} files{': ' + langs if langs else ''}{linked}>")

    @property
    def problems(self) -> list[tuple[str, str]]:
        return [(f.path, p) for f in self.files for p in f.problems]

    # -- frames ------------------------------------------------------------------------------
    def frame(self):
        """One row per statement: where, how it is built, its SQL and what it touches."""
        import pandas as pd

        rows = [{
            "file": s.file, "line": s.line, "column": s.column, "language": s.language, "api": s.api,
            "api_family": s.api_family, "construction": s.construction, "kind": s.kind, "sql": s.sql,
            "placeholder_style": s.placeholder_style,
            "placeholders": " ".join(p.text for p in s.placeholders),
            "splices": " ".join(x.text for x in s.splices), "parse_status": s.parse_status, "message": s.message,
            "reads": s.touched("read"), "writes": s.touched("write"), "calls": s.touched("call"),
            "unresolved": self._unresolved(s),
        } for s in self.statements]
        return pd.DataFrame(rows, columns=_FRAME_COLUMNS)

    def _unresolved(self, s: AppStatement) -> list[str]:
        if self.schema is None:
            return []
        return sorted({o.name for o in s.objects if o.resolved is None and o.kind != "system"})

    def by_object(self):
        """One row per object the code touches: which files read, write and call it."""
        import pandas as pd

        return pd.DataFrame(self._objects(), columns=["object", "kind", "in_schema", "statements", "read_by",
                                                      "written_by", "called_by"])

    def _objects(self) -> list[dict]:
        acc: dict[tuple[str, str], dict] = {}
        for s in self.statements:
            for o in s.objects:
                if o.kind == "system":
                    continue
                row = acc.setdefault((o.key, o.kind), {
                    "object": o.key, "kind": o.kind, "in_schema": o.resolved is not None if self.schema is not None
                    else None, "statements": set(), "read_by": set(), "written_by": set(), "called_by": set()})
                row["statements"].add((s.file, s.line, s.column))
                row[{"read": "read_by", "write": "written_by", "call": "called_by"}[o.mode]].add(s.file)
        out = []
        for key in sorted(acc):
            row = acc[key]
            out.append({**row, "statements": len(row["statements"]), "read_by": sorted(row["read_by"]),
                        "written_by": sorted(row["written_by"]), "called_by": sorted(row["called_by"])})
        return out

    def unreferenced_objects(self):
        """Tables, views, sequences and routines of the schema that no scanned statement names
        directly (candidates to check before migrating them; what a view or routine uses
        inside the database is not followed here)."""
        import pandas as pd

        self._need_schema("unreferenced_objects")
        return pd.DataFrame(self._unreferenced(), columns=["kind", "object", "file", "line"])

    def _unreferenced(self) -> list[dict]:
        used = {o.resolved for s in self.statements for o in s.objects if o.resolved}
        rows = [{"kind": o.kind, "object": o.qname, "file": o.location.file, "line": o.location.line}
                for o in (self.schema.objects if self.schema is not None else [])
                if o.kind in link.TOUCHABLE and o.qname not in used]
        return sorted(rows, key=lambda r: (r["kind"], r["object"]))

    def unknown_references(self):
        """What the code touches that the schema scripts do not define: one row per use."""
        import pandas as pd

        self._need_schema("unknown_references")
        return pd.DataFrame(self._unknown(), columns=["object", "kind", "mode", "file", "line"])

    def _unknown(self) -> list[dict]:
        rows = [{"object": o.name, "kind": o.kind, "mode": o.mode, "file": s.file, "line": s.line}
                for s in self.statements for o in s.objects if o.resolved is None and o.kind != "system"]
        return sorted(rows, key=lambda r: (r["object"], r["file"], r["line"], r["mode"]))

    def _need_schema(self, what: str) -> None:
        if self.schema is None:
            raise InputError(f"{what}() needs the schema: scan_app(..., schema=assessment, inventory or "
                             "path of assessment.json or of the schema scripts)")

    def summary(self) -> dict:
        return {
            "files": len(self.files),
            "files_with_sql": sum(1 for f in self.files if f.statements),
            "statements": len(self.statements),
            "by_language": dict(sorted(Counter(s.language for s in self.statements).items())),
            "by_kind": dict(sorted(Counter(s.kind for s in self.statements).items())),
            "by_construction": dict(sorted(Counter(s.construction for s in self.statements).items())),
            "by_parse_status": {k: sum(1 for s in self.statements if s.parse_status == k) for k in PARSE_STATUSES},
        }

    # -- output ------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        linked = self.schema is not None
        return {
            "format": SCAN_FORMAT,
            "generator": f"migplan {__version__}",
            "source": self.source.name,
            "target": self.target.name if self.target else None,
            "schema": ({"source": self.schema.engine.name, "objects": len(self.schema.objects)}
                       if self.schema is not None else None),
            "summary": self.summary(),
            "files": [{"path": f.path, "language": f.language, "encoding": f.encoding, "lines": f.lines,
                       "statements": f.statements, "problems": list(f.problems)} for f in self.files],
            "statements": [_statement_dict(s, linked) for s in self.statements],
            "objects": self._objects(),
            "unreferenced_objects": self._unreferenced() if linked else None,
            "unknown_references": self._unknown() if linked else None,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def write(self, directory) -> Path:
        """statements.csv (spreadsheet-safe) and scan.json into ``directory``, which migplan owns
        (``migplan.outdir``: the previous run's files go, the user's own files stay); returns it."""
        from migplan import outdir
        from migplan.escape import write_csv

        df = self.frame()
        for col in ("reads", "writes", "calls", "unresolved"):
            df[col] = df[col].map(", ".join)
        with outdir.writing(directory) as tmp:
            write_csv(df, tmp / "statements.csv")
            (tmp / "scan.json").write_text(self.to_json(), encoding="utf-8", newline="\n")
        return Path(directory)


_FRAME_COLUMNS = ["file", "line", "column", "language", "api", "api_family", "construction", "kind", "sql",
                  "placeholder_style", "placeholders", "splices", "parse_status", "message", "reads", "writes", "calls",
                  "unresolved"]


def _statement_dict(s: AppStatement, linked: bool) -> dict:
    return {
        "file": s.file, "line": s.line, "column": s.column, "end_line": s.end_line, "language": s.language,
        "api": s.api, "api_family": s.api_family, "construction": s.construction, "kind": s.kind, "sql": s.sql,
        "placeholder_style": s.placeholder_style,
        "placeholders": [{"text": p.text, "style": p.style, "name": p.name, "start": p.start} for p in s.placeholders],
        "splices": [{"text": x.text, "expression": x.expression, "start": x.start} for x in s.splices],
        "parse_status": s.parse_status, "message": s.message,
        "objects": [_ref_dict(o, linked) for o in s.objects],
    }


def _ref_dict(o: ObjectRef, linked: bool) -> dict:
    return {"name": o.name, "kind": o.kind, "mode": o.mode, "resolved": o.resolved if linked else None}

