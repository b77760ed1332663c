"""Errors a user can act on. Each message says what was wrong and what to do instead."""

from __future__ import annotations


class MigplanError(Exception):
    """Base class for errors migplan reports to the user."""


class UnknownEngineError(MigplanError, ValueError):
    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(
            f"unknown engine {name!r}.{hint} Run `migplan matrix` to list the engines migplan knows."
        )


class InputError(MigplanError):
    """A path or file the user gave cannot be read at all."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C's KeyboardInterrupt so that every ``finally`` block runs (scratch
    databases dropped, servers stopped) and psycopg cancels a running query."""
