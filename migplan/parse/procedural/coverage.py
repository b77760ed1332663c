"""Checks that parsing lost nothing, and the figures the benchmark reports.

Each token of a body belongs to the innermost node whose span holds it. A node that keeps its
text (an expression, a type, an embedded SQL statement, an Unknown...) accounts for all of its
tokens; any other node accounts only for punctuation, the keywords of the constructs the parser
reads, and the names and words it stores in its fields. A token nothing accounts for is lost:
the parser skipped it. ``uncovered_lines`` are the lines that hold one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields

from migplan.parse.procedural import nodes as n

# Keywords the parser consumes as structure (never stored in a field).
_STRUCTURAL_WORDS = """
ABSOLUTE AFTER ALIAS ALL AND ARRAY AS ASSERT ATOMIC BACKWARD BEFORE BEGIN BETWEEN BREAK BULK BY CALL
CASE CATCH CLOSE COLLATE COLLECT COMPOUND CONDITION CONSTANT CONSTRUCTOR CONTINUE CURRENT CURSOR
DEALLOCATE DEBUG DECLARE DEFAULT DIAGNOSTICS DO EACH ELSE ELSEIF ELSIF END EXCEPTION EXCEPTIONS EXEC
EXECUTE EXIT EXTERNAL FETCH FINAL FIRST FOR FORALL FOREACH FORWARD FOUND FROM FUNCTION GET GLOBAL GOTO
HANDLER HOLD IF IMMEDIATE IN INDEX INDICES INFO INOUT INSTANTIABLE INSTEAD INTO IS ITERATE LANGUAGE LAST
LEAVE LIMIT LOG LOOP MAP MEMBER NEXT NO NOCOPY NOT NOTICE NULL OBJECT OF OPEN OR ORDER OUT OUTPUT
OVERRIDING PERFORM PIPE PRAGMA PREPARE PRINT PRIOR PROCEDURE QUERY RAISE RAISERROR RANGE RECORD REF
RELATIVE REPEAT RESIGNAL RESULT RETURN RETURNS REVERSE ROW SAVE SCROLL SELECT SELF SET SIGNAL SLICE
SQLEXCEPTION SQLSTATE SQLWARNING STACKED STATEMENT STATIC STRICT SUBTYPE TABLE THEN THROW TO TRIGGER TRY
TYPE UNDO UNTIL USING VALUE VALUES VARRAY VARYING WARNING WHEN WHILE WITH WITHOUT
"""
STRUCTURAL = frozenset(_STRUCTURAL_WORDS.split())


def _owners(unit: n.ProcUnit) -> list[n.Node | None]:
    owner: list[n.Node | None] = [None] * len(unit.tokens)
    roots = [r for r in (unit.options, unit.block) if r is not None]
    for root in roots:
        for node in _walk_own(root):
            for j in range(node.tok_start, min(node.tok_end, len(owner))):
                owner[j] = node
    return owner


def _walk_own(root: n.Node) -> Iterator[n.Node]:
    """Pre-order walk of the nodes read from the unit's own tokens: a statement read from a
    literal (DynamicSql.parsed) has its own tokens, and the literal's Expr accounts for it."""
    stack = [root]
    while stack:
        node = stack.pop()
        yield node
        kids = [c for c in node.children() if not (isinstance(node, n.DynamicSql) and c is node.parsed)]
        stack.extend(reversed(kids))


_KEEPS_TEXT = (n.Expr, n.DataType, n.SqlStatement, n.Unknown, n.RoutineOptions, n.Transaction)


def _stored(node: n.Node) -> str:
    parts: list[str] = []
    for f in fields(node):
        if f.name in ("parent", "tokens", "source"):
            continue
        v = getattr(node, f.name)
        if isinstance(v, str):
            parts.append(v)
        elif isinstance(v, int) and not isinstance(v, bool) and f.name not in ("line", "end_line", "tok_start",
                                                                                 "tok_end"):
            parts.append(str(v))
        elif isinstance(v, list):
            parts.extend(x for x in v if isinstance(x, str))
        elif isinstance(v, dict):
            parts.extend(str(x) for x in v.values())
    return "\n".join(parts).upper()


def lost_tokens(unit: n.ProcUnit) -> list[tuple[int, str]]:
    """(line, text) of every token no node accounts for."""
    out: list[tuple[int, str]] = []
    stored: dict[int, str] = {}
    for j, (tok, node) in enumerate(zip(unit.tokens, _owners(unit), strict=True)):
        if node is None:
            out.append((tok.line, tok.text))
            continue
        if isinstance(node, _KEEPS_TEXT) or tok.kind in ("punct", "cc"):
            continue
        if tok.kind == "word" and tok.up in STRUCTURAL:
            continue
        blob = stored.get(id(node))
        if blob is None:
            blob = stored[id(node)] = _stored(node)
        if tok.text.upper() not in blob:
            out.append((tok.line, tok.text))
        del j
    return out


def uncovered_lines(unit: n.ProcUnit) -> list[int]:
    """Lines holding a token that no node accounts for (empty when nothing was lost)."""
    return sorted({line for line, _ in lost_tokens(unit)})


def statement_nodes(unit: n.ProcUnit) -> list[n.Node]:
    """Statement-level nodes of the unit (literal dynamic SQL read separately is left out)."""
    out: list[n.Node] = []
    if unit.block is None:
        return out
    stack: list[n.Node] = [unit.block]
    while stack:
        node = stack.pop()
        if isinstance(node, n.Statement):
            out.append(node)
        for c in node.children():
            if isinstance(node, n.DynamicSql) and c is node.parsed:
                continue
            stack.append(c)
    return out


def statement_stats(unit: n.ProcUnit, sql: bool = True) -> dict[str, int]:
    """Counts: statements, unknown (not understood), sql (embedded SQL statements) and
    sql_parsed (read completely by sqlglot), errors (structural problems)."""
    stmts = statement_nodes(unit)
    stats = {"statements": len(stmts), "unknown": 0, "sql": 0, "sql_parsed": 0, "errors": len(unit.errors)}
    for s in stmts:
        if isinstance(s, n.Unknown):
            stats["unknown"] += 1
        elif isinstance(s, n.SqlStatement):
            stats["sql"] += 1
            if sql and s.parsed:
                stats["sql_parsed"] += 1
    return stats


def bad_lines(unit: n.ProcUnit) -> list[str]:
    """Nodes of the body whose lines are not an ordered range inside the body's lines."""
    out: list[str] = []
    roots = [r for r in (unit.options, unit.block) if r is not None]
    for root in roots:
        for node in root.walk():
            if node.line > node.end_line or (unit.tokens and (node.line < unit.line or node.end_line > unit.end_line)):
                out.append(f"{node.key} {node.line}-{node.end_line} outside {unit.line}-{unit.end_line}")
    return out
