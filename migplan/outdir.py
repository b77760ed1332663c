"""The output folders migplan writes (``assess -o``, ``scan-app -o``...): the kit owns them.

- :func:`check` runs before any work: a path that is a file, lies under a file, or cannot be
  written is an error at once, not a traceback after the analysis.
- :func:`writing` gives a fresh temporary folder next to the destination; when the block ends
  without an error it replaces the destination in one rename. An interrupted run leaves only a
  hidden ``.NAME.migplan-PID-*`` folder (swept by the next run), never a half-written folder that
  looks complete.
- A manifest (``.migplan-files``) lists what migplan wrote. The next run removes those files (so a
  stale ``table-mappings-wave3.json`` cannot sit beside new output) and keeps everything else the
  user put in the folder. A non-empty folder without a manifest is not ours: migplan refuses it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from migplan.errors import MigplanError

MANIFEST = ".migplan-files"
_TEMP = ".migplan-"


class OutputError(MigplanError):
    """The output folder cannot be used."""


def check(out: str | os.PathLike[str]) -> Path:
    """Validate an output folder before any work; return it as an absolute path."""
    path = Path(out).expanduser().absolute()
    for parent in [path, *path.parents]:
        if parent.exists() and not parent.is_dir():
            where = "is a file" if parent == path else f"lies under {parent}, which is a file"
            raise OutputError(f"cannot write to {out}: it {where}; give a folder")
    if path.is_dir():
        entries = [p.name for p in path.iterdir()]
        if entries and MANIFEST not in entries:
            raise OutputError(f"{out} is not empty and was not written by migplan (no {MANIFEST} in it): give a new "
                              "or empty folder, or one migplan wrote before")
    base = next(p for p in [path, *path.parents] if p.exists())
    try:  # the real test of writability (os.access says yes to root even on a read-only mount)
        probe = tempfile.mkdtemp(prefix=_TEMP + "probe-", dir=base)
        os.rmdir(probe)
    except OSError as err:
        raise OutputError(f"cannot write to {out}: {err.strerror or err}") from None
    return path


@contextlib.contextmanager
def writing(out: str | os.PathLike[str]) -> Iterator[Path]:
    """``with writing(out) as tmp:`` write every file under ``tmp``; on success ``out`` holds exactly
    them plus the files the user kept there."""
    path = check(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    _sweep(path)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}{_TEMP}{os.getpid()}-", dir=path.parent))
    try:
        yield tmp
        written = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
        (tmp / MANIFEST).write_text("".join(f"{name}\n" for name in written), encoding="utf-8")
        _replace(path, tmp)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _replace(path: Path, tmp: Path) -> None:
    if not path.exists():
        os.rename(tmp, path)
        return
    ours = set((path / MANIFEST).read_text("utf-8").splitlines()) if (path / MANIFEST).exists() else set()
    old = Path(tempfile.mkdtemp(prefix=f".{path.name}{_TEMP}{os.getpid()}-old-", dir=path.parent))
    os.rmdir(old)  # a free name for the rename
    os.rename(path, old)
    os.rename(tmp, path)
    # carry over what the user put in the folder; what we wrote last time goes with the old folder
    for item in sorted(old.rglob("*")):
        rel = item.relative_to(old).as_posix()
        if item.is_dir() or rel == MANIFEST or rel in ours or (path / rel).exists():
            continue
        (path / rel).parent.mkdir(parents=True, exist_ok=True)
        os.rename(item, path / rel)
    shutil.rmtree(old, ignore_errors=True)


def _sweep(path: Path) -> None:
    """Remove temporary folders that earlier, interrupted runs left next to ``path``."""
    prefix = f".{path.name}{_TEMP}"
    if not path.parent.is_dir():
        return
    for entry in path.parent.iterdir():
        if not entry.name.startswith(prefix) or not entry.is_dir():
            continue
        pid = entry.name[len(prefix):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
