"""Teradata's own rewrites (the function map does ZEROIFNULL, NULLIFZERO, OREPLACE...)."""

from __future__ import annotations

from sqlglot import exp

from migplan.convert.transforms import Rewrite, Rewriter


def drop_locking(tree: exp.Expression, rw: Rewriter) -> exp.Expression:
    """LOCKING ROW FOR ACCESS SELECT ...: a request modifier (a dirty read), not part of the query;
    other engines read with their own isolation."""
    inner = tree.expression if isinstance(tree, exp.LockingStatement) else None
    return inner if isinstance(inner, exp.Expression) and isinstance(inner, exp.Query) else tree


PREPASSES = [drop_locking]
REWRITES: list[Rewrite] = []
