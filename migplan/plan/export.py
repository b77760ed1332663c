"""The dependency graph as GraphML and DOT, and as a picture (matplotlib)."""

from __future__ import annotations

import io

import networkx as nx

_COLOURS = {"table": "#4e79a7", "view": "#59a14f", "materialized view": "#8cd17d", "index": "#bab0ac",
            "sequence": "#f28e2b", "synonym": "#b07aa1", "procedure": "#e15759", "function": "#e15759",
            "package": "#ff9d9a", "package body": "#ff9d9a", "trigger": "#edc948", "type": "#76b7b2"}
_CONSTRAINT_KINDS = ("primary key", "unique", "foreign key", "check", "exclude")


def to_graphml(g: nx.DiGraph) -> str:
    clean = nx.DiGraph()
    for n, d in sorted(g.nodes(data=True)):
        clean.add_node(n, **{k: ("" if v is None else v) for k, v in d.items()})
    for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
        clean.add_edge(a, b, **{k: ("" if v is None else v) for k, v in d.items()})
    buf = io.BytesIO()
    nx.write_graphml(clean, buf)
    return buf.getvalue().decode("utf-8")


def to_dot(g: nx.DiGraph) -> str:
    def q(text: str) -> str:
        return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["digraph migplan {", "  rankdir=LR;", "  node [shape=box, style=filled, fontname=Helvetica];"]
    for n, d in sorted(g.nodes(data=True)):
        colour = _COLOURS.get(d.get("kind"), "#dddddd")
        lines.append(f"  {q(n)} [label={q(d.get('qname', n))}, fillcolor={q(colour)}];")
    for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
        lines.append(f"  {q(a)} -> {q(b)} [label={q(d.get('kind', ''))}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def draw(g: nx.DiGraph, ax=None, cluster_over: int = 300, with_constraints: bool = False):
    """Draw the graph; beyond ``cluster_over`` nodes, draw one node per schema and kind instead."""
    import matplotlib.pyplot as plt

    nodes = [n for n, d in g.nodes(data=True) if with_constraints or d.get("kind") not in _CONSTRAINT_KINDS]
    h = g.subgraph(nodes).copy()
    if h.number_of_nodes() > cluster_over:
        h = _clustered(h)
    if ax is None:
        size = min(24, 6 + h.number_of_nodes() / 12)
        _, ax = plt.subplots(figsize=(size, size * 0.7))
    _layers(h)
    pos = _positions(h)
    colours = [_COLOURS.get(h.nodes[n].get("kind"), "#dddddd") for n in h.nodes]
    nx.draw_networkx_nodes(h, pos, ax=ax, node_color=colours, node_size=300)
    nx.draw_networkx_edges(h, pos, ax=ax, arrows=True, arrowsize=8, edge_color="#999999", width=0.7)
    names = [h.nodes[n].get("name") or n.split(":", 1)[-1] for n in h.nodes]
    # a bare name two objects share (table sales.Customers, synonym dbo.Customers) gets its qualifier
    labels = {n: (h.nodes[n].get("qname") or name) if names.count(name) > 1 else name
              for n, name in zip(h.nodes, names)}
    nx.draw_networkx_labels(h, pos, labels, ax=ax, font_size=7)
    from matplotlib.patches import Patch

    kinds = sorted({h.nodes[n].get("kind") for n in h.nodes if h.nodes[n].get("kind")})
    ax.legend(handles=[Patch(color=_COLOURS.get(k, "#dddddd"), label=k) for k in kinds], loc="upper left",
              bbox_to_anchor=(1.0, 1.0),
              fontsize=7, frameon=False)
    ax.set_axis_off()
    return ax


def _positions(h: nx.DiGraph) -> dict:
    """Layers top to bottom (what the others depend on first), nodes of a layer in name order: the
    same picture every run (networkx's layouts group layers in sets)."""
    by_layer: dict[int, list] = {}
    for n in sorted(h.nodes, key=str):
        by_layer.setdefault(h.nodes[n]["layer"], []).append(n)
    pos = {}
    for layer, members in by_layer.items():
        width = max(len(members) - 1, 1)
        for i, n in enumerate(members):
            pos[n] = ((i / width) - 0.5 if len(members) > 1 else 0.0, -float(layer))
    return pos


def _layers(h: nx.DiGraph) -> bool:
    """Layer 0: objects that depend on nothing; then what depends on them (ranks of the condensation)."""
    cond = nx.condensation(h)
    rank = {}
    for layer, comps in enumerate(nx.topological_generations(cond.reverse())):
        for c in comps:
            for n in cond.nodes[c]["members"]:
                rank[n] = layer
    for n in h.nodes:
        h.nodes[n]["layer"] = rank.get(n, 0)
    return True


def _clustered(h: nx.DiGraph) -> nx.DiGraph:
    c = nx.DiGraph()
    for _n, d in h.nodes(data=True):
        key = f"{d.get('schema') or '-'}:{d.get('kind')}"
        if key not in c:
            c.add_node(key, kind=d.get("kind"), name=f"{d.get('schema') or '-'} {d.get('kind')}s (1)", count=1)
        else:
            c.nodes[key]["count"] += 1
            c.nodes[key]["name"] = f"{d.get('schema') or '-'} {d.get('kind')}s ({c.nodes[key]['count']})"
    for a, b in h.edges():
        ka = f"{h.nodes[a].get('schema') or '-'}:{h.nodes[a].get('kind')}"
        kb = f"{h.nodes[b].get('schema') or '-'}:{h.nodes[b].get('kind')}"
        if ka != kb:
            c.add_edge(ka, kb)
    return c
