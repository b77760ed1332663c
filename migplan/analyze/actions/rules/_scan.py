"""Helpers shared by the T-SQL, MySQL, PostgreSQL and DMS rules: tokens (on top of ``ctx.words``) and keys.

Kept here rather than in every rule module; nothing in this module is a rule.
"""

from __future__ import annotations

from migplan.analyze.context import Word, tokenize
from migplan.model.schema import Routine, Table

# words after which a semicolon-terminated dialect (MySQL, PL/pgSQL) starts a new statement
STATEMENT_OPENERS = frozenset({";", "BEGIN", "THEN", "ELSE", "DO", "LOOP", "REPEAT", "DECLARE"})
CHAR_TYPES = frozenset({"CHAR", "VARCHAR", "NCHAR", "NVARCHAR", "TEXT", "NTEXT", "SYSNAME", "CHARACTER",
                        "CHARACTER VARYING", "NATIONAL CHARACTER", "NATIONAL CHAR VARYING"})


def header_words(obj, ctx) -> list[Word]:
    """Code tokens of the statement text before a routine's body (the whole statement otherwise)."""
    text = obj.source
    cut = len(text)
    if isinstance(obj, Routine) and obj.body and obj.body.strip():
        at = text.find(obj.body.strip()[:200])
        if at >= 0:
            cut = at
    return tokenize(text, obj.location.line, ctx.source.splitter, stop=cut)


def depths(words: list[Word]) -> list[int]:
    """Parenthesis depth of each token (the depth it sits at; '(' and ')' count as the outer level)."""
    out, d = [], 0
    for w in words:
        if w.up == ")" and w.kind == "punct":
            d = max(0, d - 1)
        out.append(d)
        if w.up == "(" and w.kind == "punct":
            d += 1
    return out


def is_name(w: Word) -> bool:
    return w.kind in ("word", "qident")


def bare(text: str) -> str:
    """An identifier without its quotes/brackets, upper-cased."""
    if len(text) >= 2 and text[0] in "[\"`" and text[-1] in "]\"`":
        text = text[1:-1]
    return text.upper()


def dotted_name(words: list[Word], i: int) -> tuple[list[str], int]:
    """The dotted name starting at ``i``: its parts as written ('' for the empty part of db..t) and the
    index after it."""
    parts: list[str] = []
    j = i
    if j >= len(words) or not is_name(words[j]):
        return parts, j
    parts.append(words[j].text)
    j += 1
    while j < len(words) and words[j].up == "." and words[j].kind == "punct":
        j += 1
        if j < len(words) and is_name(words[j]):
            parts.append(words[j].text)
            j += 1
        elif j < len(words) and words[j].up == ".":
            parts.append("")
        else:
            break
    return parts, j


def starts_statement(words: list[Word], i: int) -> bool:
    """True when token ``i`` opens a statement in a semicolon-terminated body (MySQL, PL/pgSQL)."""
    if i == 0:
        return True
    prev = words[i - 1]
    return prev.kind != "string" and prev.up in STATEMENT_OPENERS


def column_types(ctx, table_names=None) -> dict[str, set[str]]:
    """Upper-cased column name -> base types of columns of that name, in ``table_names`` (qualified
    names as written) or in every table of the inventory."""
    wanted = None
    if table_names:
        wanted = {bare(n.split(".")[-1]) for n in table_names}
    out: dict[str, set[str]] = {}
    for t in ctx.inventory.objects:
        if not isinstance(t, Table):
            continue
        if wanted is not None and t.name.upper() not in wanted:
            continue
        for c in t.columns:
            out.setdefault(c.name.upper(), set()).add(c.type.base.upper() + ("[]" if c.type.array else ""))
    return out


def columns_using_type(ctx, name: str) -> int:
    """How many table columns of the inventory are declared with the (user-defined) type ``name``."""
    up = bare(name.split(".")[-1])
    return sum(1 for t in ctx.inventory.objects if isinstance(t, Table)
               for c in t.columns if bare(c.type.base.split(".")[-1]) == up)


# -- tables, for the DMS readiness rules ----------------------------------------------------
def dms_scope(t, ctx) -> bool:
    """A table DMS would move: a DMS source engine, a table migplan could read (an unreadable
    CREATE TABLE has its own item, PRS001), and not a temporary or external table (the plan loads
    neither; an external table's rows live elsewhere, TBL017)."""
    from migplan.model.schema import Table

    return (bool(ctx.source.dms_source) and isinstance(t, Table) and not getattr(t, "temporary", None)
            and not getattr(t, "external", False))


def has_unique_key(t) -> bool:
    """An enabled UNIQUE constraint, or a plain unique index (no filter, no expression) on the table."""
    if any(c.enabled for c in t.unique_keys):
        return True
    return any(i.unique and not i.where and not i.function_based for i in t.indexes)


def has_key(t, ctx) -> bool:
    """What DMS needs to apply UPDATE/DELETE by key. PostgreSQL: only the primary key counts, since
    REPLICA IDENTITY DEFAULT logs the old primary key and nothing else."""
    pk = t.primary_key
    if pk is not None and pk.enabled:
        return True
    if ctx.source.family not in ("postgresql",) and has_unique_key(t):
        return True
    parent = t.partition_of  # a PostgreSQL partition gets its parent's primary key index
    if parent:
        p = ctx.inventory.get(parent, "table")
        return p is not None and p is not t and has_key(p, ctx)
    return False
