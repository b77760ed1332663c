"""The dependency graph as a picture: inline SVG for the HTML report, Mermaid or plain text for Markdown.

Layered layout of our own (no matplotlib, no JS): columns are the topological generations of the
graph's condensation, so what everything needs (tables) sits on the left and what needs it (views,
code) to the right; within a column nodes are ordered by a few barycentre sweeps to cut crossings.
Only floats computed in a fixed order and sorted names go in, so the SVG is byte-identical per input.
Big graphs are drawn one box per schema and kind, and beyond that the most connected boxes only.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import networkx as nx

from migplan.plan.export import _COLOURS as COLOURS
from migplan.report.charts import text_width

KINDS = ("table", "view", "materialized view", "synonym", "sequence", "type", "procedure", "function",
         "package", "package body", "trigger", "type body")
MAX_NODES = 80
MERMAID_MAX = 60
NODE_W_MIN, NODE_W_MAX, NODE_H, GAP_X, GAP_Y, PAD = 80, 230, 22, 56, 8, 10
FONT_PX = 11


@dataclass
class Picture:
    graph: nx.DiGraph  # nodes have kind and label; edges have kind
    note: str
    total: int  # objects of the drawn kinds in the full graph
    home: str = ""  # the schema most objects are in: their labels leave it out


def select(g: nx.DiGraph, max_nodes: int = MAX_NODES) -> Picture:
    """Tables, views and code with the edges between them; clustered or cut when there are too many."""
    keep = sorted(n for n, d in g.nodes(data=True) if d.get("kind") in KINDS)
    h = nx.DiGraph()
    for n in keep:
        d = g.nodes[n]
        h.add_node(n, kind=d.get("kind"), label=d.get("qname") or n.split(":", 1)[-1], schema=d.get("schema") or "",
                   where=f"{d.get('file') or ''}:{d.get('line') or ''}".strip(":"), count=1)
    for a, b, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
        if a in h and b in h and a != b:
            h.add_edge(a, b, kind=d.get("kind", ""), how=d.get("how", ""))
    total = h.number_of_nodes()
    home = _home_schema(h)
    if home:  # shorter boxes: the common schema is said once, in the caption
        for n in h.nodes:
            d = h.nodes[n]
            if d["schema"] == home and d["label"].startswith(home + "."):
                d["label"] = d["label"][len(home) + 1:]
    seen: dict[str, list[str]] = {}
    for n in h.nodes:
        seen.setdefault(h.nodes[n]["label"], []).append(n)
    for same in seen.values():  # a package and its body: say which is which
        if len(same) > 1:
            for n in same:
                h.nodes[n]["label"] += f" ({h.nodes[n]['kind']})"
    note = ""
    if total > max_nodes:
        h = _clustered(h)
        note = f"{total} objects drawn as {h.number_of_nodes()} boxes, one per schema and kind."
    if h.number_of_nodes() > max_nodes:
        ranked = sorted(h.nodes, key=lambda n: (-h.degree(n), n))[:max_nodes]
        h = h.subgraph(sorted(ranked)).copy()
        note += f" Only the {max_nodes} most connected boxes are drawn; graph.graphml has everything."
    return Picture(h, note.strip(), total, home)


def _home_schema(h: nx.DiGraph) -> str:
    """The schema of at least half the objects, if there is one."""
    counts: dict[str, int] = {}
    for _, d in h.nodes(data=True):
        if d["schema"]:
            counts[d["schema"]] = counts.get(d["schema"], 0) + 1
    if not counts:
        return ""
    best = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return best[0] if best[1] * 2 >= h.number_of_nodes() else ""


def _clustered(h: nx.DiGraph) -> nx.DiGraph:
    c = nx.DiGraph()
    group = {}
    for n in sorted(h.nodes):
        d = h.nodes[n]
        key = f"{d['kind']}:{d['schema'] or '-'}"
        group[n] = key
        if key in c:
            c.nodes[key]["count"] += 1
        else:
            c.add_node(key, kind=d["kind"], schema=d["schema"], where="", count=1)
    for key in c.nodes:
        d = c.nodes[key]
        d["label"] = f"{d['schema'] or '-'}: {d['count']} {d['kind']}" + ("s" if d["count"] != 1 else "")
    for a, b, d in sorted(h.edges(data=True), key=lambda e: (e[0], e[1])):
        ka, kb = group[a], group[b]
        if ka != kb and not c.has_edge(ka, kb):
            c.add_edge(ka, kb, kind=d["kind"], how=d["how"])
    return c


def layers(h: nx.DiGraph) -> list[list[str]]:
    """Columns left to right: column 0 needs nothing drawn; members of a cycle share a column."""
    cond = nx.condensation(h)
    rank: dict[str, int] = {}
    for n, comps in enumerate(nx.topological_generations(cond.reverse(copy=True))):
        for c in comps:
            for m in cond.nodes[c]["members"]:
                rank[m] = n
    cols: list[list[str]] = [[] for _ in range(max(rank.values(), default=-1) + 1)]
    order = {k: i for i, k in enumerate(KINDS)}
    for n in sorted(h.nodes, key=lambda n: (order.get(h.nodes[n]["kind"], 99), h.nodes[n]["label"], n)):
        cols[rank[n]].append(n)
    # barycentre sweeps: right to left on dependencies, then back on dependents
    for _ in range(2):
        for i in range(1, len(cols)):
            cols[i] = _by_centre(cols[i], _positions(cols), h.successors, lambda c, i=i: c < i)
        for i in range(len(cols) - 2, -1, -1):
            cols[i] = _by_centre(cols[i], _positions(cols), h.predecessors, lambda c, i=i: c > i)
    return cols


def _positions(cols: list[list[str]]) -> dict[str, tuple[int, int]]:
    return {n: (c, r) for c, col in enumerate(cols) for r, n in enumerate(col)}


def _by_centre(col: list[str], pos: dict, neighbours, side) -> list[str]:
    """Order a column by the mean row of its neighbours on one side (ties: current order)."""
    keyed = []
    for r, n in enumerate(col):
        ps = [pos[m] for m in neighbours(n) if m in pos and side(pos[m][0])]
        centre = sum(p[1] for p in ps) / len(ps) if ps else float(r)
        keyed.append((round(centre, 6), r, n))
    return [n for _, _, n in sorted(keyed)]


def to_svg(p: Picture, cid: str = "graph") -> str:
    h = p.graph
    if h.number_of_nodes() == 0:
        return '<p class="muted">No tables, views or code to draw.</p>'
    cols = layers(h)
    rows = max(len(c) for c in cols)
    legend_h = 22
    # each column as wide as its longest label (within bounds): short names keep the picture narrow
    widths = [min(NODE_W_MAX, max(NODE_W_MIN, *(text_width(h.nodes[n]["label"], FONT_PX) + 12 for n in col)))
              for col in cols]
    lefts = [PAD + sum(widths[:c]) + c * GAP_X for c in range(len(cols))]
    width = int(lefts[-1] + widths[-1] + PAD + GAP_X / 2)  # room for arcs right of the last column
    height = legend_h + PAD * 2 + rows * NODE_H + (rows - 1) * GAP_Y
    xy: dict[str, tuple[float, float]] = {}
    box_w: dict[str, float] = {}
    for c, col in enumerate(cols):
        offset = (rows - len(col)) * (NODE_H + GAP_Y) / 2  # centre short columns
        for r, n in enumerate(col):
            xy[n] = (lefts[c], legend_h + PAD + offset + r * (NODE_H + GAP_Y))
            box_w[n] = widths[c]
    col_of = {n: c for c, col in enumerate(cols) for n in col}
    desc = (f"{h.number_of_nodes()} boxes and {h.number_of_edges()} dependencies in {len(cols)} columns; "
            "arrows point from an object to what it needs.")
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" class="depgraph" viewBox="0 0 {width} {_f(height)}" '
            f'width="{width}" height="{_f(height)}" role="img" aria-labelledby="{cid}-t {cid}-d">'
            f'<title id="{cid}-t">Dependency graph: tables, views and code</title>'
            f'<desc id="{cid}-d">{escape(desc)}</desc>'
            f'<defs><marker id="{cid}-arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="7" markerHeight="7" '
            'orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="#7a828c"/></marker></defs>')]
    lx = PAD  # legend
    for kind in [k for k in KINDS if any(d["kind"] == k for _, d in h.nodes(data=True))]:
        out.append(f'<rect x="{lx}" y="6" width="10" height="10" fill="{COLOURS.get(kind, "#dddddd")}"/>'
                   f'<text x="{lx + 14}" y="15">{escape(kind)}</text>')
        lx += 14 + int(text_width(kind, FONT_PX)) + 14
    out.append('<g class="edges" fill="none">')
    for a, b, d in sorted(h.edges(data=True), key=lambda e: (e[0], e[1])):
        (ax, ay), (bx, by) = xy[a], xy[b]
        ay, by = ay + NODE_H / 2, by + NODE_H / 2
        if col_of[a] > col_of[b]:  # to the left: from a's left side to b's right side
            x1, x2 = ax, bx + box_w[b]
            mid = (x1 + x2) / 2
            path = f"M{_f(x1)},{_f(ay)} C{_f(mid)},{_f(ay)} {_f(mid)},{_f(by)} {_f(x2)},{_f(by)}"
        else:  # same column (a cycle) or to the right: an arc on the right side
            x1, x2 = ax + box_w[a], bx + box_w[b]
            bulge = max(x1, x2) + 24 + abs(ay - by) / 6
            path = f"M{_f(x1)},{_f(ay)} C{_f(bulge)},{_f(ay)} {_f(bulge)},{_f(by)} {_f(x2)},{_f(by)}"
        fk = d.get("kind") == "foreign key"
        how = f" ({d['how']})" if d.get("how") else ""
        out.append(f'<path d="{path}" stroke="{"#4e5a66" if fk else "#a3abb3"}" stroke-width="{"1.2" if fk else "1"}" '
                   f'marker-end="url(#{cid}-arrow)"><title>{escape(_label(h, a))} → {escape(_label(h, b))}: '
                   f'{escape((d.get("kind") or "") + how)}</title></path>')
    out.append("</g><g class=\"nodes\">")
    for n in sorted(h.nodes):
        d = h.nodes[n]
        x, y = xy[n]
        label = d["label"]
        tip = f"{d['kind']} {label}" + (f" ({d['where']})" if d.get("where") else "")
        out.append(f'<g><title>{escape(tip)}</title><rect x="{_f(x)}" y="{_f(y)}" width="{_f(box_w[n])}" '
                   f'height="{NODE_H}" rx="3" fill="{COLOURS.get(d["kind"], "#dddddd")}"/>'
                   f'<text x="{_f(x + 6)}" y="{_f(y + 15)}">{escape(_clip(label, box_w[n]))}</text></g>')
    out.append("</g></svg>")
    return "".join(out)


def _label(h: nx.DiGraph, n: str) -> str:
    return h.nodes[n]["label"]


def _clip(text: str, width: float) -> str:
    """The longest prefix of ``text`` that fits with an ellipsis (one pass: a name can be 100k long)."""
    if text_width(text, FONT_PX) <= width - 12:
        return text
    limit = width - 12
    ellipsis = text_width("…", 1.0)  # widths in em, summed in the order text_width sums them
    em = 0.0
    keep = 0
    for i, ch in enumerate(text):
        em += text_width(ch, 1.0)
        if (em + ellipsis) * FONT_PX > limit:
            break
        keep = i + 1
    return text[:keep] + "…"


def _f(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


# -- Markdown ---------------------------------------------------------------------------------------
def to_mermaid(p: Picture) -> str:
    """A Mermaid flowchart (GitHub renders it); labels use Mermaid's entity codes so nothing breaks out."""
    h = p.graph
    ids = {n: f"n{i}" for i, n in enumerate(sorted(h.nodes))}
    lines = ["flowchart LR"]
    for n in sorted(h.nodes):
        d = h.nodes[n]
        lines.append(f'  {ids[n]}["{_mermaid_text(d["label"])}"]:::{_css_kind(d["kind"])}')
    for a, b, d in sorted(h.edges(data=True), key=lambda e: (e[0], e[1])):
        lines.append(f"  {ids[a]} -->|{_mermaid_text(d.get('kind') or 'needs')}| {ids[b]}")
    for kind in sorted({d["kind"] for _, d in h.nodes(data=True)}):
        lines.append(f"  classDef {_css_kind(kind)} fill:{COLOURS.get(kind, '#dddddd')},color:#000")
    return "\n".join(lines)


def to_text(p: Picture) -> str:
    """One line per box: what it needs. For graphs too big for Mermaid."""
    h = p.graph
    lines = []
    for n in sorted(h.nodes, key=lambda n: (h.nodes[n]["kind"], h.nodes[n]["label"])):
        d = h.nodes[n]
        needs = sorted(f"{h.nodes[m]['label']} ({h.edges[n, m].get('kind') or 'needs'})" for m in h.successors(n))
        lines.append(f"{d['kind']} {d['label']}" + (" -> " + "; ".join(needs) if needs else ""))
    return "\n".join(lines)


def _mermaid_text(text: str) -> str:
    out = []
    for ch in str(text):
        if ch.isascii() and (ch.isalnum() or ch in " ._-:,()/$+*=!?@"):
            out.append(ch)
        elif ch in "\r\n\t":
            out.append(" ")
        else:
            out.append(f"#{ord(ch)};")
    return "".join(out)


def _css_kind(kind: str) -> str:
    return "k_" + "".join(c if c.isalnum() else "_" for c in kind)
