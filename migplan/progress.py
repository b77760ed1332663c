"""Progress bars for long work (tqdm: a terminal bar in the CLI, a widget in notebooks).

``progress`` arguments across the API take None (show a bar only for big jobs, so small schemas
and notebooks stay quiet and their output deterministic), True (always) or False (never)."""

from __future__ import annotations

BIG_JOB = 5000  # statements or objects: below this a run takes a few seconds at most


class _Quiet:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def bar(total: int, desc: str, progress: bool | None):
    """A bar with ``update``/``close`` for ``total`` steps, or a silent stand-in."""
    show = progress if progress is not None else total >= BIG_JOB
    if not show:
        return _Quiet()
    try:
        from tqdm.auto import tqdm
    except ImportError:  # pragma: no cover - tqdm is a dependency; stay quiet without it
        return _Quiet()
    return tqdm(total=total, desc=desc, unit="stmt" if desc == "parse" else "obj", leave=False)
