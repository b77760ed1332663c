"""Names after parsing: which variables and parameters each embedded SQL statement uses (its
``binds``), and where a trigger refers to its pseudo-records (``TriggerInfo.refs``).

Scopes follow the tree: a routine's parameters, then each enclosing block's declarations, loop
variables and, for a package or type body, the declarations at its top. A name in a statement
counts when it is not qualified by something before it (``t.v`` is a column of ``t``); ``v(i)``
is an element of a collection variable.
"""

from __future__ import annotations

from migplan.parse.procedural import nodes as n
from migplan.parse.procedural.core import Core
from migplan.parse.procedural.tokens import Tok

_PSEUDO = {"NEW": "NEW", "OLD": "OLD", ":NEW": "NEW", ":OLD": "OLD", "INSERTED": "INSERTED", "DELETED": "DELETED"}


def resolve(unit: n.ProcUnit, p: Core) -> None:
    toks: list[Tok] = p.toks
    names = {prm.name.upper() for prm in unit.parameters if prm.name}
    if unit.block is not None:
        walk_binds(unit.block, names, toks)
    if unit.trigger is not None:
        unit.trigger.refs = _trigger_refs(unit, unit.trigger, toks)


def _declared(node: n.Node) -> set[str]:
    out: set[str] = set()
    if isinstance(node, n.Block):
        for d in node.declarations:
            if isinstance(d, (n.VariableDecl, n.CursorDecl, n.ConditionDecl, n.ExceptionDecl)) and d.name:
                out.add(d.name.upper())
        for s in node.statements:  # T-SQL declares anywhere in a block
            if isinstance(s, (n.VariableDecl, n.CursorDecl)) and s.name:
                out.add(s.name.upper())
    elif isinstance(node, (n.ForRange, n.ForCursor, n.ForEach, n.ForAll)):
        out.update(v.strip().upper() for v in node.variable.split(",") if v.strip())
    elif isinstance(node, (n.Subprogram, n.CursorDecl)):
        out.update(prm.name.upper() for prm in node.params if prm.name)
    return out


def walk_binds(node: n.Node, scope: set[str], toks: list[Tok]) -> None:
    stack: list[tuple[n.Node, frozenset[str]]] = [(node, frozenset(scope))]
    while stack:
        cur, names = stack.pop()
        inner = _declared(cur)
        if inner:
            names = names | inner
        if isinstance(cur, n.SqlStatement):
            cur.binds = _binds(cur, names, toks)
            continue
        for c in cur.children():
            stack.append((c, names))


def _binds(stmt: n.SqlStatement, names: frozenset[str], toks: list[Tok]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    end = min(stmt.tok_end, len(toks))
    if stmt.tok_end - stmt.tok_start <= 1 and stmt.tok_end <= len(toks) and stmt.tok_start < len(toks) \
            and toks[stmt.tok_start].kind == "string":
        return stmt.binds  # read from a literal: its tokens are not the unit's (parse_fragment set them)
    targets = {j for e in stmt.into for j in range(e.tok_start, e.tok_end)}
    for j in range(stmt.tok_start, end):
        if j in targets:
            continue
        t = toks[j]
        if t.kind == "var":
            key = t.text
        elif t.kind in ("word", "qident") and t.up in names:
            prev = toks[j - 1] if j > 0 else None
            if prev is not None and prev.kind == "punct" and prev.text == ".":
                continue
            key = t.text
        else:
            continue
        if key.upper() not in seen:
            seen.add(key.upper())
            out.append(key)
    return out


def _trigger_refs(unit: n.ProcUnit, info: n.TriggerInfo, toks: list[Tok]) -> list[n.TriggerRef]:
    aliases = {v.upper(): k.replace("_TABLE", "") for k, v in info.referencing.items()}
    out: list[n.TriggerRef] = []
    tsql = unit.dialect == "tsql"
    for j, t in enumerate(toks):
        key = t.text.upper()
        pseudo = None
        if t.kind == "var" and key in (":NEW", ":OLD"):
            pseudo = _PSEUDO[key]
        elif t.kind == "var" and key[:1] == ":" and key[1:] in aliases:
            pseudo = aliases[key[1:]]
        elif t.kind == "word" and not (j > 0 and toks[j - 1].kind == "punct" and toks[j - 1].text == "."):
            if tsql and key in ("INSERTED", "DELETED"):
                pseudo = _PSEUDO[key]
            elif not tsql and (key in ("NEW", "OLD") or key in aliases) and j + 1 < len(toks) \
                    and toks[j + 1].kind == "punct" and toks[j + 1].text == ".":
                pseudo = aliases.get(key, key)
        if pseudo is None:
            continue
        column = None
        end = j + 1
        if j + 2 < len(toks) and toks[j + 1].kind == "punct" and toks[j + 1].text == "." \
                and toks[j + 2].kind in ("word", "qident"):
            column = toks[j + 2].text
            end = j + 3
        ref = n.TriggerRef(pseudo=pseudo, column=column, text=unit.source[t.start:toks[end - 1].end],
                           line=t.line, end_line=toks[end - 1].last_line, tok_start=j, tok_end=end)
        out.append(ref)
    return out
