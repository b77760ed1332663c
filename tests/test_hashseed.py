"""sqlglot's error texts are normalised where migplan stores them: a ParseError lists its errors in
hash order (the missing arguments of a node are a set), which made assessment.json differ from one
process to the next. The same input must give the same bytes whatever PYTHONHASHSEED."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from migplan.parse.sqlglot_bridge import error_text
from tests.conftest import ROOT

# each expression misses several arguments of one sqlglot node: Between(low, high), Stuff(start,
# length, expression), If(this, true)
SCRIPT = """CREATE TABLE dbo.t (a INT PRIMARY KEY, b INT, CONSTRAINT t_ck CHECK (b BETWEEN AND));
GO
CREATE VIEW dbo.v AS SELECT STUFF() AS s, IIF() AS i FROM dbo.t;
GO
CREATE TABLE dbo.u (a INT DEFAULT (STUFF()), b AS IIF());
GO
"""


def _run(tmp_path: Path, seed: int) -> dict[str, bytes]:
    script = tmp_path / "errors.sql"
    script.write_text(SCRIPT)
    out = tmp_path / f"out{seed}"
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    done = subprocess.run([sys.executable, "-m", "migplan.cli", "assess", str(script), "-s", "sqlserver", "-t",
                           "aurora-postgresql", "-o", str(out)], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    files = {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
             if p.is_file() and p.suffix in (".json", ".csv", ".sql", ".yaml")}
    assert "assessment.json" in files
    return files


def test_same_bytes_whatever_the_hash_seed(tmp_path):
    first = _run(tmp_path, 1)
    assert b"missing for Between" in first["assessment.json"]  # the input does reach sqlglot's errors
    for seed in (2, 3, 4, 5):
        other = _run(tmp_path, seed)
        assert sorted(other) == sorted(first)
        for name in first:
            assert other[name] == first[name], f"{name} differs with PYTHONHASHSEED={seed}"


def test_error_text_takes_the_first_error_by_position_then_text():
    from sqlglot.errors import ParseError

    err = ParseError("x", errors=[{"description": "Required keyword: 'this' missing for <class "
                                   "'sqlglot.expressions.functions.If'>", "line": 1, "col": 5},
                                  {"description": "Required keyword: 'true' missing for <class "
                                   "'sqlglot.expressions.functions.If'>", "line": 1, "col": 5}])
    swapped = ParseError("x", errors=list(reversed(err.errors)))
    assert error_text(err) == error_text(swapped) == "Required keyword: 'this' missing for If. Line 1, Col: 5."
