"""Every output file is byte-identical for the same input, whatever the hash seed and the order in
which the script files are named (set iteration order changes with PYTHONHASHSEED)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_schemas"


def _run(out: Path, files: list[Path], source: str, target: str, seed: str) -> dict[str, bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    cmd = [sys.executable, "-m", "migplan.cli", "assess", *map(str, files), "-s", source, "-t", target,
           "-o", str(out), "--no-progress"]
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, capture_output=True)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("folder,source,target", [
    ("sqlserver/shop", "sqlserver", "aurora-postgresql"),
    ("mysql/bookstore", "mysql", "aurora-postgresql"),
    ("postgresql/clinic", "postgresql", "aurora-mysql"),
    ("cassandra/streaming", "cassandra", "dynamodb"),
])
def test_outputs_are_byte_identical_across_hash_seeds_and_file_orders(tmp_path, folder, source, target):
    files = sorted(p for p in (SAMPLES / folder).rglob("*") if p.suffix in (".sql", ".cql"))
    assert len(files) > 1, "the check needs several files to reorder"
    one = _run(tmp_path / "one", files, source, target, "0")
    two = _run(tmp_path / "two", list(reversed(files)), source, target, "4242")
    assert sorted(one) == sorted(two)
    differ = [name for name in one if one[name] != two[name]]
    assert not differ, f"outputs differ: {differ}"
