"""Notebook display of model objects. The pictures are drawn by ``report/display.py``, which
registers its renderers here when ``migplan`` is imported: the model imports nothing of ours."""

from __future__ import annotations

from collections.abc import Callable

_RENDERERS: dict[str, Callable[[object], str]] = {}


def register(what: str, render: Callable[[object], str]) -> None:
    _RENDERERS[what] = render


def render(what: str, obj: object) -> str | None:
    """HTML for ``obj``, or None (Jupyter then shows its repr)."""
    fn = _RENDERERS.get(what)
    return fn(obj) if fn is not None else None
