"""PostgreSQL's (and Greenplum's) own rewrites. What MySQL cannot say of PostgreSQL's syntax
(FILTER, = ANY (ARRAY[...]), composite fields, array operators) is in common.AFTER, keyed on the
target's profile flags: any source that writes them meets the same target."""

from __future__ import annotations

from migplan.convert.transforms import Rewrite

REWRITES: list[Rewrite] = []
