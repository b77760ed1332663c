"""Bounds on one statement before sqlglot reads it: sqlglot parses and writes SQL recursively, so an
expression nested a few hundred levels deep (a CHECK with 500 parentheses, a view with 400 nested
subqueries) raised RecursionError and ended the whole run.

Nesting is measured with our own lexer (linear, no recursion): parentheses and CASE ... END. Past
MAX_NESTING levels the expression is not handed to sqlglot at all: the object gets a PRS008 item and
the run goes on. Below the bound, sqlglot runs with enough recursion room for it whatever the
caller's stack depth (the pure-Python build needs ~25 frames per level), and a RecursionError that
still happens is caught and reported the same way.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from migplan.ingest.lexer import lexer_for

MAX_NESTING = 100  # levels of parentheses and CASE ... END in one expression or query
RECURSION_ROOM = 6000  # frames sqlglot may use below the caller (~25 per level, pure-Python build)
CODE = "PRS008"

# sqlglot dialect -> the lexer rules of our splitter for it
_LEXER = {"postgres": "postgresql", "tsql": "tsql", "oracle": "oracle", "mysql": "mysql", "redshift": "postgresql",
          "snowflake": "snowflake", "bigquery": "bigquery"}


def nesting(text: str, dialect: str) -> int:
    """The deepest nesting of parentheses and CASE ... END in ``text``, strings and comments aside."""
    depth = deepest = 0
    cases: list[int] = []  # the parenthesis depth each open CASE is at
    for kind, start, end in lexer_for(dialect).tokens(text):
        if kind == "punct":
            ch = text[start]
            if ch == "(":
                depth += 1
            elif ch == ")" and depth:
                depth -= 1
                while cases and cases[-1] > depth:  # a CASE left open inside the parentheses
                    cases.pop()
        elif kind == "word" and end - start in (3, 4):
            word = text[start:end].upper()
            if word == "CASE":
                cases.append(depth)
            elif word == "END" and cases and cases[-1] == depth:
                cases.pop()
        else:
            continue
        deepest = max(deepest, depth + len(cases))
    return deepest


def too_deep(text: str, dialect: str | None, what: str = "expression") -> str | None:
    """The message for an expression nested deeper than MAX_NESTING, None when it is within it."""
    if text.count("(") + text.upper().count("CASE") <= MAX_NESTING:  # the usual case: no lexing
        return None
    levels = nesting(text, _LEXER.get(dialect or "", dialect or "generic"))
    if levels <= MAX_NESTING:
        return None
    return (f"this {what} is nested {levels} levels deep (parentheses, subqueries, CASE), more than the "
            f"{MAX_NESTING} migplan reads")


def recursion_message(what: str = "expression") -> str:
    return f"this {what} is nested too deeply for sqlglot to read or write (RecursionError)"


@contextmanager
def recursion_room() -> Iterator[None]:
    """Let sqlglot recurse RECURSION_ROOM frames below the current one, then restore the limit."""
    depth = 0
    frame: FrameType | None = sys._getframe()
    while frame is not None:
        depth += 1
        frame = frame.f_back
    old = sys.getrecursionlimit()
    need = depth + RECURSION_ROOM
    if need > old:
        sys.setrecursionlimit(need)
    try:
        yield
    finally:
        if need > old:
            sys.setrecursionlimit(old)
