"""The benchmark scripts run (small sizes, nothing timed: speed is measured by the scripts themselves)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_scale_benchmark_runs_on_a_small_schema():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--tables", "40"],
                         capture_output=True, text=True, timeout=600, check=True).stdout
    stages = [line.split()[0] for line in out.splitlines()[3:]]
    assert {"read", "convert", "analyze", "plan", "all", "total", "floor:"} <= set(stages), out
    assert "ratio total / floor" in out
