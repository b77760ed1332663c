"""The dependency graph: a networkx DiGraph with a node per object and an edge from each object to
what it needs. Every edge says what kind of dependency it is and how it was found:

    ast        read from sqlglot's tree of a view's query
    body scan  identifiers of a routine or trigger body matched against the inventory
    catalog    declared structure (foreign keys, index -> table, trigger -> table, defaults)

Node keys are "kind:QUALIFIED.NAME" (constraints: "constraint:SCHEMA.TABLE.NAME").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import networkx as nx

from migplan.inventory.inventory import Inventory
from migplan.model.schema import Index, Routine, SchemaObject, Sequence, Synonym, Table, UserType, View, node_key

_NEXTVAL = re.compile(r"nextval\s*\(\s*'([^']+)'", re.I)
# the lookbehind starts a match only at the start of a name: without it a 100k-character word is
# tried from each of its positions (quadratic)
_ORA_SEQ = re.compile(r"(?<![\w$#\"])([\w$#\"]+(?:\.[\w$#\"]+)?)\s*\.\s*NEXTVAL", re.I)
_ROUTINE_KINDS = ("procedure", "function", "package", "package body", "trigger", "type body")


def constraint_key(table: Table, name: str) -> str:
    return f"constraint:{table.qname}.{name}"


def build_graph(inv: Inventory) -> nx.DiGraph:
    g = nx.DiGraph()
    for obj in inv.objects:
        g.add_node(node_key(obj), kind=obj.kind, schema=obj.schema or "", name=obj.name, qname=obj.qname,
                   file=obj.location.file, line=obj.location.line)
    resolver = _Resolver(inv)
    for obj in inv.objects:
        key = node_key(obj)
        if isinstance(obj, Table):
            _table_edges(g, obj, key, resolver)
        elif isinstance(obj, Index):
            t = inv.lookup("table", obj.table_schema, obj.table_name)
            if t is not None:
                _edge(g, key, node_key(t), "index on", "catalog")
        elif isinstance(obj, View):
            _view_edges(g, obj, key, resolver)
        elif isinstance(obj, Synonym):
            target = resolver.find(obj.target_schema, obj.target_name, obj.schema)
            if target is not None:
                _edge(g, key, node_key(target), "synonym for", "catalog")
        elif isinstance(obj, Routine):
            if obj.kind == "trigger" and obj.table_name:
                t = resolver.find(obj.table_schema, obj.table_name, obj.schema)
                if t is not None:
                    _edge(g, key, node_key(t), "trigger on", "catalog")
            if obj.kind == "package body":
                spec = inv.lookup("package", obj.schema, obj.name)
                if spec is not None:
                    _edge(g, key, node_key(spec), "body of", "catalog")
            if obj.kind == "type body":
                spec = inv.lookup("type", obj.schema, obj.name)
                if spec is not None:
                    _edge(g, key, node_key(spec), "body of", "catalog")
            _body_edges(g, obj, key, resolver)
    return g


def _edge(g: nx.DiGraph, a: str, b: str, kind: str, how: str, **attrs) -> None:
    if a == b and kind != "foreign key":
        return
    if g.has_edge(a, b):
        return
    g.add_edge(a, b, kind=kind, how=how, **attrs)


def _table_edges(g: nx.DiGraph, t: Table, key: str, r: _Resolver) -> None:
    for con in t.constraints:
        ckey = constraint_key(t, con.name or f"{con.kind}{t.constraints.index(con) + 1}")
        g.add_node(ckey, kind=con.kind, schema=t.schema or "", name=con.name or "", qname=ckey.split(":", 1)[1],
                   file=(con.location.file if con.location else t.location.file),
                   line=(con.location.line if con.location else t.location.line), table=key)
        _edge(g, ckey, key, "constraint on", "catalog")
        if con.kind == "foreign key" and con.ref_table:
            parent = r.inv.lookup("table", con.ref_schema, con.ref_table)
            if parent is not None:
                pkey = node_key(parent)
                nullable = all(col is None or col.nullable for col in map(t.column, con.columns))
                g.add_edge(key, pkey, kind="foreign key", how="catalog", constraint=con.name or "",
                           columns=",".join(con.columns), nullable=nullable)
                _edge(g, ckey, pkey, "references", "catalog")
    for col in t.columns:
        if col.default:
            for seq in _sequences_in(col.default, r):
                _edge(g, key, node_key(seq), "default uses", "catalog", column=col.name)
        if col.type.user_defined or col.type.base not in _COMMON_TYPES:
            ut = r.type_of(col.type.base)
            if ut is not None:
                _edge(g, key, node_key(ut), "uses type", "catalog", column=col.name)


_COMMON_TYPES = frozenset([
    "NUMBER", "NUMERIC", "DECIMAL", "INT", "INTEGER", "SMALLINT", "BIGINT", "TINYINT", "VARCHAR", "VARCHAR2",
    "NVARCHAR", "NVARCHAR2", "CHAR", "NCHAR", "TEXT", "DATE", "TIMESTAMP", "DATETIME", "DATETIME2", "TIME", "CLOB",
    "BLOB", "BOOLEAN", "BIT", "FLOAT", "REAL", "MONEY", "SERIAL", "BIGSERIAL", "UUID", "JSON", "JSONB", "BYTEA",
])


def _view_edges(g: nx.DiGraph, v: View, key: str, r: _Resolver) -> None:
    tree = v.attrs.get("_tree")
    if tree is not None:
        from sqlglot import exp

        from migplan.parse.sqlglot_bridge import table_references

        for t in table_references(tree):
            target = r.find(t.db or None, t.name, v.schema, quoted=bool(t.this and t.this.args.get("quoted")))
            if target is not None:
                _edge(g, key, node_key(target), "reads", "ast")
        for fn in tree.find_all(exp.Anonymous, exp.Dot):
            name = fn.sql(dialect=r.inv.engine.sqlglot or "").split("(")[0]
            target = r.find_routine(name)
            if target is not None:
                _edge(g, key, node_key(target), "calls", "ast")
        for col in tree.find_all(exp.Column):  # Oracle seq.NEXTVAL in a query
            if col.name.upper() in ("NEXTVAL", "CURRVAL") and col.table:
                seq = r.inv.lookup("sequence", None, r.fold(col.table))
                if seq is not None:
                    _edge(g, key, node_key(seq), "uses sequence", "ast")
        return
    _body_edges(g, v, key, r, how="body scan")


def _body_edges(g: nx.DiGraph, obj: SchemaObject, key: str, r: _Resolver, how: str = "body scan") -> None:
    for target, kind in r.scan(obj):
        _edge(g, key, node_key(target), kind, how)


def _sequences_in(text: str, r: _Resolver) -> list[Sequence]:
    out: list[Sequence] = []
    for m in _NEXTVAL.finditer(text):
        name = m.group(1).replace('"', "")
        parts = name.split(".")
        seq = r.inv.lookup("sequence", parts[-2] if len(parts) > 1 else None, parts[-1])
        if isinstance(seq, Sequence):
            out.append(seq)
    for m in _ORA_SEQ.finditer(text):
        parts = m.group(1).replace('"', "").split(".")
        seq = r.inv.lookup("sequence", r.fold(parts[-2]) if len(parts) > 1 else None, r.fold(parts[-1]))
        if isinstance(seq, Sequence):
            out.append(seq)
    return out


class _Resolver:
    """Names in code -> inventory objects, with the source engine's folding rules."""

    def __init__(self, inv: Inventory):
        self.inv = inv
        self.by_name: dict[str, list[SchemaObject]] = {}
        for o in inv.objects:
            if o.kind in ("table", "view", "materialized view", "sequence", "synonym", "procedure", "function",
                          "package", "type"):
                self.by_name.setdefault(o.name.upper(), []).append(o)

    def fold(self, name: str) -> str:
        return self.inv.engine.fold(name)

    def find(self, schema: str | None, name: str, home: str | None = None, quoted: bool = False):
        if not name:
            return None
        n = name if quoted else self.fold(name)
        s = None if schema is None else (schema if quoted else self.fold(schema))
        for kind in ("table", "view", "materialized view", "synonym"):
            obj = self.inv.lookup(kind, s, n)
            if obj is None and s is None and home:
                obj = self.inv.lookup(kind, home, n)
            if obj is not None:
                return obj
        return None

    def find_routine(self, name: str):
        parts = [p.strip('"`[]') for p in name.split(".")]
        cands = self.by_name.get(parts[-1].upper(), [])
        cands = [c for c in cands if c.kind in ("procedure", "function", "package")]
        if len(parts) > 1:
            schema_or_pkg = parts[-2].upper()
            pkg = [c for c in self.by_name.get(schema_or_pkg, []) if c.kind == "package"]
            if pkg:
                return pkg[0]
            cands = [c for c in cands if (c.schema or "").upper() == schema_or_pkg] or cands
        return cands[0] if len(cands) == 1 else None

    def type_of(self, base: str) -> UserType | None:
        parts = base.split(".")
        for kind in ("type", "domain"):
            obj = self.inv.lookup(kind, parts[-2] if len(parts) > 1 else None, parts[-1])
            if isinstance(obj, UserType):
                return obj
        return None

    def scan(self, obj: SchemaObject):
        """(object, edge kind) for every inventory name used in the code (comments and strings skipped)."""
        from migplan.ingest.lexer import code_tokens, unquote

        text = obj.body if isinstance(obj, Routine) and obj.body else obj.source
        toks = code_tokens(text, self.inv.engine.splitter or "generic")
        seen = set()
        i = 0
        n = len(toks)
        while i < n:
            kind, s, e = toks[i]
            if kind not in ("word", "qident"):
                i += 1
                continue
            parts = [unquote(text[s:e])[0]]
            j = i
            while j + 2 < n and text[toks[j + 1][1]:toks[j + 1][2]] == "." and toks[j + 2][0] in ("word", "qident"):
                parts.append(unquote(text[toks[j + 2][1]:toks[j + 2][2]])[0])
                j += 2
            i = j + 1
            for found, edge in self._resolve_parts(parts, obj):
                if id(found) not in seen and found is not obj:
                    seen.add(id(found))
                    yield found, edge

    def _resolve_parts(self, parts: list[str], home: SchemaObject):
        upper = [p.upper() for p in parts]
        if upper[-1] in ("NEXTVAL", "CURRVAL") and len(parts) >= 2:
            seq = self.inv.lookup("sequence", self.fold(parts[-3]) if len(parts) > 2 else None, self.fold(parts[-2]))
            if seq is not None:
                yield seq, "uses sequence"
            return
        candidates: list[tuple[str | None, str]] = []
        if len(parts) >= 2:
            candidates.append((parts[-2], parts[-1]))
        candidates.append((None, parts[0]))
        if len(parts) >= 2:
            candidates.append((None, parts[-1]))
        for schema, name in candidates:
            for o in self.by_name.get(name.upper(), []):
                if schema is not None and (o.schema or "").upper() != schema.upper() and o.kind != "package":
                    continue
                if schema is None and home.schema and o.schema and o.schema.upper() != home.schema.upper():
                    continue
                if o.kind in ("procedure", "function", "package"):
                    yield o, "calls"
                elif o.kind == "sequence":
                    yield o, "uses sequence"
                else:
                    yield o, "reads"
                return


@dataclass
class Cycle:
    kind: str  # "foreign key" | "routine"
    nodes: list[str]
    edges: list[tuple[str, str, dict]]
    resolution: str


def cycles(g: nx.DiGraph) -> list[Cycle]:
    """Foreign-key cycles (self-references included) and mutually recursive routines, with what the plan does."""
    out: list[Cycle] = []
    fk = nx.DiGraph([(a, b, d) for a, b, d in g.edges(data=True) if d.get("kind") == "foreign key"])
    for a, b, d in fk.edges(data=True):
        if a == b:
            out.append(Cycle("foreign key", [a], [(a, b, d)],
                             f"self-reference {d.get('constraint')}: created after the load (or rows loaded "
                             "parents-first within the table when foreign keys are present during the load)"))
    for comp in sorted(nx.strongly_connected_components(fk), key=lambda c: sorted(c)):
        if len(comp) < 2:
            continue
        sub = fk.subgraph(comp)
        edges = sorted(sub.edges(data=True), key=lambda e: (e[0], e[1]))
        out.append(Cycle("foreign key", sorted(comp), edges,
                         "tables that reference each other: the foreign keys are created after the load; when they "
                         "must be present during it, the plan defers one of them (see break_cycles)"))
    calls = nx.DiGraph([(a, b) for a, b, d in g.edges(data=True) if d.get("kind") == "calls"
                        and g.nodes[a].get("kind") in _ROUTINE_KINDS and g.nodes[b].get("kind") in _ROUTINE_KINDS])
    for comp in sorted(nx.strongly_connected_components(calls), key=lambda c: sorted(c)):
        if len(comp) > 1:
            out.append(Cycle("routine", sorted(comp), [], "mutually recursive routines: create them together "
                             "(PostgreSQL resolves calls at run time; create all, then test)"))
    return out


def break_cycles(g: nx.DiGraph) -> list[tuple[str, str, dict]]:
    """Foreign-key edges to create after the load so the remaining FK graph is acyclic.
    Self-references always; in larger cycles, prefer an edge whose columns are nullable (fewest first)."""
    fk = nx.DiGraph()
    deferred = []
    for a, b, d in g.edges(data=True):
        if d.get("kind") != "foreign key":
            continue
        if a == b:
            deferred.append((a, b, d))
        else:
            fk.add_edge(a, b, **d)
    # only strongly connected components can hold cycles: search there, not in the whole graph
    todo = [c for c in nx.strongly_connected_components(fk) if len(c) > 1]
    while todo:
        sub = fk.subgraph(todo.pop()).copy()
        try:
            cyc = nx.find_cycle(sub)
        except nx.NetworkXNoCycle:
            continue
        edges = [(u, v, sub.edges[u, v]) for u, v in cyc]
        edges.sort(key=lambda e: (not e[2].get("nullable", True), e[0], e[1]))
        u, v, d = edges[0]
        fk.remove_edge(u, v)
        sub.remove_edge(u, v)
        deferred.append((u, v, d))
        todo.extend(c for c in nx.strongly_connected_components(sub) if len(c) > 1)
    return sorted(deferred, key=lambda e: (e[0], e[1]))
