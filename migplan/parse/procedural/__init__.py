"""migplan's own procedural-code layer: a tokenizer and block-structured parser for PL/SQL, T-SQL,
MySQL/MariaDB stored programs, Db2 SQL PL and PL/pgSQL, producing a typed AST (nodes.py) that
conversion can rewrite as tree transforms. Embedded SQL statements are read by sqlglot in the
source dialect. See docs/procedural.md.

    unit = parse_routine_body(routine, "oracle")     # a Routine from the inventory
    unit = parse_block("BEGIN NULL; END;", "oracle")  # an anonymous block
    for stmt in unit.find_all(SqlStatement): stmt.tree, stmt.into, stmt.binds, stmt.line
"""

from migplan.parse.procedural.coverage import lost_tokens, statement_stats, uncovered_lines
from migplan.parse.procedural.dialects import Flavor, flavor
from migplan.parse.procedural.nodes import *  # noqa: F403 - the node classes are the API
from migplan.parse.procedural.nodes import __all__ as _node_names
from migplan.parse.procedural.units import mark_public, parse_block, parse_routine_body

__all__ = [
    "Flavor", "flavor", "lost_tokens", "mark_public", "parse_block", "parse_routine_body", "statement_stats",
    "uncovered_lines", *_node_names,
]
