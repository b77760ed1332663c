"""MySQL's (and MariaDB's) own rewrites."""

from __future__ import annotations

from sqlglot import exp

from migplan.convert.transforms import rewrite
from migplan.convert.transforms.tsql import text_vs_number

REWRITES = [
    # MySQL, like SQL Server, compares a character column with a number as numbers
    rewrite((exp.EQ, exp.NEQ, exp.GT, exp.GTE, exp.LT, exp.LTE), text_vs_number,
            needs=lambda p: p.strict_text_compare),
]
