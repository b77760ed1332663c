"""Helpers for the rules that look inside code and view queries (a helper module, not a rule).

Lines: a sqlglot node's line comes from the ``meta`` sqlglot keeps on identifiers, literals and
functions, relative to the view's query text; ``node_line`` makes it a line of the input file.
"""

from __future__ import annotations

from sqlglot import exp

from migplan.analyze.context import Word, tokenize
from migplan.convert.transforms.functions import is_number_literal
from migplan.ingest.lexer import lexer_for
from migplan.model.schema import Routine, Table

# Procedural kinds: ROUTINES includes package specs (declarations only), CODE is where statements run.
ROUTINES = ("procedure", "function", "package", "package body", "trigger", "type body")
CODE = ("procedure", "function", "package body", "trigger", "type body")
VIEWS = ("view", "materialized view")
DATE_WORDS = {"SYSDATE", "SYSTIMESTAMP", "CURRENT_DATE", "LOCALTIMESTAMP", "CURRENT_TIMESTAMP"}


def hit(rule, obj, ctx, line, message, source=None, *, severity=None, effort=None):
    """ctx.hit plus per-occurrence effort and severity (severity is read by analyze when it honours it)."""
    f = ctx.hit(rule, obj, line, message, source=source)
    if effort:
        f.effort = effort
    if severity:
        f.severity = severity
    return f


def target_name(ctx) -> str:
    return {"postgresql": "PostgreSQL", "mysql": "MySQL"}.get(ctx.target_family, ctx.target_family)


# -- tokens --------------------------------------------------------------------------------
def statement_words(ctx, obj) -> list[Word]:
    """Code tokens of the whole statement (a routine's header included), with input lines."""
    if not isinstance(obj, Routine) or not obj.body:
        return ctx.words(obj)
    return tokenize(obj.source, obj.location.line, ctx.source.splitter)


def comments(ctx, obj) -> list[tuple[str, int]]:
    """Comments of the statement with their input lines (hints live there)."""
    text, line, out = obj.source, obj.location.line, []
    for kind, start, end in lexer_for(ctx.source.splitter or "generic").tokens(text):
        if kind == "comment":
            out.append((text[start:end], line))
        line += text.count("\n", start, end)
    return out


def is_word(ws: list[Word], i: int, *ups: str) -> bool:
    return 0 <= i < len(ws) and ws[i].kind == "word" and (not ups or ws[i].up in ups)


def is_punct(ws: list[Word], i: int, text: str) -> bool:
    return 0 <= i < len(ws) and ws[i].kind == "punct" and ws[i].up == text


def close_paren(ws: list[Word], i: int) -> int:
    """Index of the ')' matching the '(' at ``i`` (or the last token)."""
    depth = 0
    for j in range(i, len(ws)):
        if ws[j].kind == "punct" and ws[j].up == "(":
            depth += 1
        elif ws[j].kind == "punct" and ws[j].up == ")":
            depth -= 1
            if depth == 0:
                return j
    return len(ws) - 1


def call_args(ws: list[Word], i: int) -> list[list[Word]]:
    """Arguments of the call whose '(' is at ``i``, split at top-level commas."""
    end = close_paren(ws, i)
    args: list[list[Word]] = [[]]
    depth = 0
    for w in ws[i + 1:end]:
        if w.kind == "punct" and w.up == "(":
            depth += 1
        elif w.kind == "punct" and w.up == ")":
            depth -= 1
        if depth == 0 and w.kind == "punct" and w.up == ",":
            args.append([])
            continue
        args[-1].append(w)
    return [a for a in args if a]


def names_declared_as(ws: list[Word], types: set[str]) -> set[str]:
    """PL/SQL names declared with one of ``types`` (``l_d DATE;``, ``p_d IN DATE``)."""
    out = set()
    for i, w in enumerate(ws):
        if w.kind != "word" or w.up not in types:
            continue
        j = i - 1
        while is_word(ws, j, "IN", "OUT", "NOCOPY", "CONSTANT"):
            j -= 1
        if is_word(ws, j) and (is_punct(ws, j - 1, ";") or is_punct(ws, j - 1, "(") or is_punct(ws, j - 1, ",")
                               or is_word(ws, j - 1, "IS", "AS", "DECLARE")):
            out.add(ws[j].up)
    return out


# -- view queries --------------------------------------------------------------------------
def query_line(obj) -> int:
    """Input line where a view's query starts."""
    query = getattr(obj, "query", "") or ""
    at = obj.source.find(query) if query else -1
    return obj.location.line + (obj.source.count("\n", 0, at) if at > 0 else 0)


def node_line(obj, node: exp.Expr) -> int:
    """Input line of a node of the view's query tree (its first line that sqlglot recorded)."""
    lines = [n.meta["line"] for n in node.walk() if n.meta and "line" in n.meta]
    return query_line(obj) + min(lines) - 1 if lines else obj.location.line


def tables_in(tree: exp.Expr, ctx) -> dict[str, Table]:
    """Inventory tables a query reads, by alias and by name (upper case)."""
    out: dict[str, Table] = {}
    for t in tree.find_all(exp.Table):
        if not t.name:
            continue
        table = ctx.inventory.lookup("table", t.db or None, t.name)
        if isinstance(table, Table):
            out[t.alias_or_name.upper()] = table
            out.setdefault(t.name.upper(), table)
    return out


def column_base(col: exp.Column, tables: dict[str, Table]) -> str | None:
    """Source type (upper base) of a column of the query, when the inventory knows it."""
    if not isinstance(col, exp.Column) or not isinstance(col.this, exp.Identifier):
        return None
    if col.table:
        table = tables.get(col.table.upper())
        c = table.column(col.name) if table else None
        return c.type.base if c else None
    found = [c for t in tables.values() if (c := t.column(col.name)) is not None]
    bases = {c.type.base for c in found}
    return bases.pop() if len(bases) == 1 else None


def is_sysdate(node: exp.Expr) -> bool:
    if isinstance(node, exp.CurrentTimestamp) and node.args.get("sysdate"):
        return True
    return isinstance(node, exp.Column) and not node.table and node.name.upper() in ("SYSDATE", "SYSTIMESTAMP")


is_number = is_number_literal  # the converter's test: a number literal or arithmetic on them only


DATE_TYPES = {"DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITH LOCAL TIME ZONE"}
_DATE_FUNCS = (exp.StrToDate, exp.StrToTime, exp.DateTrunc, exp.LastDay, exp.AddMonths, exp.NextDay)


def is_date(node: exp.Expr, tables: dict[str, Table]) -> bool:
    """An Oracle DATE/TIMESTAMP value: SYSDATE, a date column, or a function returning a date."""
    if isinstance(node, exp.Paren):
        return is_date(node.this, tables)
    if is_sysdate(node) or isinstance(node, _DATE_FUNCS):
        return True
    if isinstance(node, exp.Column):
        return column_base(node, tables) in DATE_TYPES
    if isinstance(node, exp.Cast):
        return node.to.this in (exp.DataType.Type.DATE, exp.DataType.Type.TIMESTAMP)
    if isinstance(node, (exp.Anonymous, exp.Round)) and (
            isinstance(node, exp.Round) or str(node.this).upper() in ("TRUNC", "ROUND")):
        first = node.this if isinstance(node, exp.Round) else (node.expressions or [None])[0]
        return first is not None and is_date(first, tables)
    return False


def date_names(ctx, obj) -> set[str]:
    """Names that hold dates in a routine: SYSDATE & co, DATE/TIMESTAMP variables and parameters,
    and :NEW/:OLD columns of a trigger's table typed DATE (as 'NEW.COL')."""
    names = set(DATE_WORDS) | names_declared_as(statement_words(ctx, obj), {"DATE", "TIMESTAMP"})
    if isinstance(obj, Routine) and obj.kind == "trigger" and obj.table_name:
        table = ctx.inventory.lookup("table", obj.table_schema, obj.table_name)
        if isinstance(table, Table):
            for c in table.columns:
                if c.type.base in DATE_TYPES:
                    names |= {f"NEW.{c.name.upper()}", f"OLD.{c.name.upper()}"}
    return names


def operand_before(ws: list[Word], i: int) -> tuple[str, int]:
    """Text (upper) of the simple operand ending just before token ``i`` and its first index:
    a name, ``:NEW.col`` as 'NEW.COL', or a call ``f(...)`` as 'F(...)'."""
    j = i - 1
    if is_punct(ws, j, ")"):
        depth = 0
        for k in range(j, -1, -1):
            if is_punct(ws, k, ")"):
                depth += 1
            elif is_punct(ws, k, "("):
                depth -= 1
                if depth == 0:
                    return (f"{ws[k - 1].up}(...)" if is_word(ws, k - 1) else "(...)"), k - 1
        return "", j
    if is_word(ws, j) and is_punct(ws, j - 1, ".") and is_word(ws, j - 2):
        return f"{ws[j - 2].up}.{ws[j].up}", j - 2
    return (ws[j].up if 0 <= j < len(ws) and ws[j].kind in ("word", "number") else ""), j


def line_of_words(ws: list[Word], *seq: str) -> int | None:
    """Line of the first place where the words ``seq`` follow each other (strings never match)."""
    n = len(seq)
    for i in range(len(ws) - n + 1):
        if all(ws[i + k].up == seq[k] and ws[i + k].kind != "string" for k in range(n)):
            return ws[i].line
    return None


DML_EVENTS = {"INSERT", "UPDATE", "DELETE"}


def is_dml_trigger(obj) -> bool:
    """A trigger on a table or view for INSERT/UPDATE/DELETE (not a system, DDL or compound one)."""
    return (obj.kind == "trigger" and bool(obj.table_name) and bool(set(obj.events) & DML_EVENTS)
            and not obj.attrs.get("compound") and not obj.attrs.get("scope"))
