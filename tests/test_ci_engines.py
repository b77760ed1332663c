"""CI cannot go green without the real engines and the browser: scripts/sysdeps.sh fails under
CI=true when one cannot be installed, and the engine/browser fixtures fail instead of skipping.
Users without them still get skips that say what to install."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def _bare_path(tmp_path: Path) -> str:
    """A PATH with the shell tools the script needs, no engine, no browser, no apt-get, not root."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "ls", "cat"):
        (bin_dir / tool).symlink_to(f"/bin/{tool}" if Path(f"/bin/{tool}").exists() else f"/usr/bin/{tool}")
    (bin_dir / "id").write_text("#!/bin/bash\necho 1000\n")
    (bin_dir / "id").chmod(0o755)
    return str(bin_dir)


def _sysdeps(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess:
    env = {"PATH": _bare_path(tmp_path)}
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(["/bin/bash", str(ROOT / "scripts" / "sysdeps.sh")], env=env, capture_output=True,
                          text=True, timeout=60)


def test_sysdeps_fails_under_ci_when_something_is_missing(tmp_path):
    done = _sysdeps(tmp_path, "true")
    assert done.returncode != 0, done.stderr
    assert "chromium" in done.stderr


def test_sysdeps_only_warns_for_users(tmp_path):
    done = _sysdeps(tmp_path, None)
    assert done.returncode == 0, done.stderr
    assert "chromium" in done.stderr and "skipped" in done.stderr


def _pytest(tmp_path: Path, ci: str | None, *tests: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PATH"] = _bare_path(tmp_path)  # neither mariadb-install-db nor chromium can be found
    if ci is not None:
        env["CI"] = ci
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rsf", *tests],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


TESTS = ("tests/test_hierarchical.py::test_connect_by_view_gives_oracles_rows[aurora-mysql]",
         "tests/test_report.py::test_hostile_report_in_chromium")


def test_missing_engine_and_browser_fail_under_ci(tmp_path):
    done = _pytest(tmp_path, "true", *TESTS)
    assert done.returncode == 1, done.stdout[-2000:]
    counts = dict((w, int(n)) for n, w in re.findall(r"(\d+) (failed|errors?|passed|skipped)", done.stdout))
    assert counts.get("failed", 0) + counts.get("error", 0) + counts.get("errors", 0) == 2, done.stdout[-2000:]
    assert "no local MariaDB server" in done.stdout and "chromium not found" in done.stdout


def test_missing_engine_and_browser_skip_for_users(tmp_path):
    done = _pytest(tmp_path, None, *TESTS)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "2 skipped" in done.stdout, done.stdout[-2000:]
    assert "install" in done.stdout
