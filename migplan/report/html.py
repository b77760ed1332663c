"""report.html: one self-contained page a migration team can read on a laptop or print.

    from migplan.report.html import render_html
    Path("report.html").write_text(render_html(a), encoding="utf-8")

Inline CSS and JS only, nothing fetched (a Content-Security-Policy says so to the browser and only
lets our own script run). Every user-supplied string (names, comments, code, file names, messages)
goes through ``esc``; JSON embedded in a <script> goes through ``script_json``. No clock, no
absolute path, every list sorted: the same assessment gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from html import escape
from importlib import resources

from migplan.analyze.items import SEVERITY_ORDER
from migplan.analyze.verdict import VERDICTS
from migplan.report import charts, depgraph
from migplan.report.digest import GROUP_TITLES, CodeGroup, Digest, anchor, digest, hours, kinds_text, num
from migplan.version import __version__

SEVERITY_COLOURS = {"critical": "#7f1d1d", "high": "#c62828", "medium": "#d97706", "low": "#a38a00",
                    "info": "#6b7280"}
VERDICT_COLOURS = {"automatic": "#2e7d32", "simple": "#7cb342", "medium": "#f9a825", "complex": "#d84315"}
SECTIONS = [("summary", "Summary"), ("charts", "Charts"), ("items", "Action items"), ("objects", "Objects"),
            ("plan", "Plan"), ("cdc", "CDC readiness"), ("dms", "DMS artifacts"), ("graph", "Dependency graph"),
            ("inputs", "Inputs")]
OBJECTS_INLINE = 12  # a step lists up to this many objects inline, more go in a <details>


def esc(value) -> str:
    """Text for HTML content and attribute values (quotes too)."""
    return escape("" if value is None else str(value), quote=True)


def script_json(data) -> str:
    """JSON safe inside <script>: no '</script>', '<!--' or line separators can end or bend the block."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch, rep in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        text = text.replace(ch, rep)
    return text


@cache
def _asset(name: str) -> str:
    return resources.files("migplan.report").joinpath("templates", name).read_text("utf-8")


def render_html(a) -> str:
    dg = digest(a)
    js = _asset("report.js")
    sha = base64.b64encode(hashlib.sha256(js.encode("utf-8")).digest()).decode("ascii")
    csp = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{sha}'"
    nav = "".join(f'<li><a href="#{sid}">{esc(title)}</a></li>' for sid, title in SECTIONS)
    body = [
        _summary(a, dg), _charts(dg), _items(a, dg), _objects(a, dg), _plan(a), _cdc(a), _dms(a),
        _graph(a), _inputs(a),
    ]
    data = {"format": 1, "summary": dg.summary, "verification": dg.verification,
            "blockers": [{"code": g.code, "severity": g.severity, "occurrences": g.occurrences,
                          "objects": g.objects} for g in dg.blockers],
            "first": [s.text for s in dg.first]}
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en" class="no-js">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="migplan {esc(__version__)}">',
        f"<title>{esc(dg.title)}</title>",
        f"<style>\n{_asset('report.css')}</style>",
        "</head>",
        "<body>",
        f'<nav class="top" aria-label="Sections"><ul>{nav}</ul></nav>',
        "<main>",
        *body,
        (f'<footer class="muted"><p>migplan {esc(__version__)} · {esc(dg.source)} → {esc(dg.target)} · '
         "the same scripts give the same report, byte for byte.</p></footer>"),
        "</main>",
        f'<script type="application/json" id="migplan-data">{script_json(data)}</script>',
        f"<script>{js}</script>",
        "</body>",
        "</html>",
        "",
    ])


# -- small pieces ---------------------------------------------------------------------------------
def _badge(kind: str, value: str) -> str:
    return f'<span class="badge {kind}-{esc(anchor(value))}">{esc(value)}</span>'


def _code_box(cid: str, text: str, label: str = "Copy") -> str:
    return (f'<div class="code-box"><button type="button" class="copy" data-copy="{cid}" '
            f'aria-label="Copy to the clipboard">{esc(label)}</button><pre id="{cid}">{esc(text)}</pre></div>')


def _th(label: str, sort: bool = True, num_col: bool = False) -> str:
    cls = ' class="num"' if num_col else ""
    inner = f'<button type="button" class="sort">{esc(label)}</button>' if sort else esc(label)
    return f"<th{cls}>{inner}</th>"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


# -- executive summary -----------------------------------------------------------------------------
def _summary(a, dg: Digest) -> str:
    c = a.compatibility
    inv = a.inventory
    yes = {True: "yes", False: "no"}
    facts = (f"SCT: {esc(yes.get(c.sct, c.sct))} · DMS Schema Conversion: {yes[bool(c.dms_sc)]} · "
             f"DMS data movement: {yes[bool(c.dms)]}")
    band = (f'<div class="verdict-band {esc(anchor(dg.verdict))}" id="pair"><strong>{esc(dg.source)} → '
            f'{esc(dg.target)}: {esc(dg.verdict)}.</strong> {esc(dg.path)} <span class="muted">{facts}</span></div>')
    out = [(f'<header><h1>{esc(dg.title)}</h1><p class="sub">Source scripts: {_plural(len(inv.files), "file")}, '
            f'{_plural(len(inv.statements), "statement")}, {_plural(dg.summary["objects"], "object")}; '
            f'{_plural(len(inv.problems), "input problem")}.</p></header>'),
           '<section id="summary" aria-labelledby="summary-h">', '<h2 id="summary-h">Executive summary</h2>', band,
           '<div class="cards">', _card_automatic(dg), _card_work(dg), _card_effort(dg), _card_verification(a, dg),
           "</div>", '<div class="two">', _blockers(dg), _first(dg), "</div>", _verdict_table(dg), "</section>"]
    return "\n".join(out)


def _meter(counts: dict[str, int]) -> str:
    total = sum(counts.values()) or 1
    spans = "".join(f'<span class="v-{v}" style="width:{100.0 * counts[v] / total:.1f}%" title="{counts[v]} {v}">'
                    "</span>" for v in VERDICTS if counts[v])
    return f'<div class="meter" aria-hidden="true">{spans}</div>'


def _card_automatic(dg: Digest) -> str:
    auto = sum(dg.groups[g]["automatic"] for g in dg.groups)
    total = sum(sum(c.values()) for c in dg.groups.values())
    lines = []
    for g, counts in dg.groups.items():
        n = sum(counts.values())
        lines.append(f'<p id="auto-{g}">{GROUP_TITLES[g]}: <strong>{counts["automatic"]} of {n}</strong> '
                     f'({dg.percent(g)})</p>{_meter(counts)}')
    return (f'<div class="card" id="card-automatic"><h3>Converts by itself</h3><div class="big">{auto} of {total}</div>'
            f'<p class="muted">storage and code objects with no manual work</p>{"".join(lines)}</div>')


def _card_work(dg: Digest) -> str:
    items = []
    total = 0
    for g, counts in dg.groups.items():
        n = sum(counts[v] for v in VERDICTS[1:])
        total += n
        detail = ", ".join(f"{counts[v]} {v}" for v in VERDICTS[1:] if counts[v]) or "none"
        items.append(f"<li>{GROUP_TITLES[g]}: <strong>{n}</strong> ({detail})</li>")
    if dg.not_converted:
        items.append(f"<li>Not converted by migplan (SCT or by hand): <strong>{sum(dg.not_converted.values())}"
                     f"</strong> ({esc(kinds_text(dg.not_converted))})</li>")
    return (f'<div class="card" id="card-work"><h3>Does not convert by itself</h3><div class="big">{total}</div>'
            f'<p class="muted">objects needing simple, medium or complex work</p><ul>{"".join(items)}</ul></div>')


def _card_effort(dg: Digest) -> str:
    e = dg.summary["effort_hours"]
    return (f'<div class="card" id="card-effort"><h3>Effort</h3><div class="big">{num(e["low"], 1)}–'
            f'{num(e["high"], 1)} h</div><p>{_plural(dg.summary["action_items"], "action item")} in '
            f'{_plural(len(dg.codes), "code")}; {dg.summary["suppressed_items"]} suppressed.</p>'
            f'<p class="muted">Includes {num(e["learning"], 1)} h of one-time learning (once per code); info items '
            "add no hours.</p></div>")


def _card_verification(a, dg: Digest) -> str:
    v = dg.verification
    if v is None:
        eng = a.compatibility.verify_engine
        how = (f"Not run. <code>a.verify()</code> or <code>migplan assess --verify</code> applies the converted "
               f"DDL to a real {esc(eng)} and compares its catalog." if eng else
               "No local engine can check this target.")
        return f'<div class="card" id="card-verification"><h3>Verification</h3><p>{how}</p></div>'
    objs = ", ".join(f"{n} {esc(k)}" for k, n in sorted(v["objects"].items()))
    return (f'<div class="card" id="card-verification"><h3>Verification on {esc(v["engine"])}</h3>'
            f'<div class="big">{v["accepted"]} of {v["statements"]}</div><p>statements accepted by the engine; '
            f'{v["rejected"]} rejected.</p><p>Objects: {objs}.</p>'
            f'<p class="muted">Failures no action item predicted: {v["unpredicted_failures"]}.</p></div>')


def _blockers(dg: Digest) -> str:
    if not dg.blockers:
        return '<div id="blockers"><h3>Top blockers</h3><p>No action items above info.</p></div>'
    rows = []
    for g in dg.blockers:
        objs = ", ".join(f"<code>{esc(o)}</code>" for o in g.objects[:3])
        more = f" and {len(g.objects) - 3} more" if len(g.objects) > 3 else ""
        rows.append(f'<tr><td>{_badge("sev", g.severity)}</td><td><a href="#code-{anchor(g.code)}">'
                    f"{esc(g.code)}</a></td><td>{esc(g.name)}</td><td class=\"num\">{g.occurrences}</td>"
                    f"<td>{objs}{more}</td></tr>")
    left = f'<p class="muted">… and {_plural(dg.blockers_left, "more code")} of this severity.</p>' \
        if dg.blockers_left else ""
    return ('<div id="blockers"><h3>Top blockers</h3><table class="compact"><thead><tr><th>severity</th><th>code'
            '</th><th>name</th><th class="num">count</th><th>objects</th></tr></thead><tbody>'
            f'{"".join(rows)}</tbody></table>{left}</div>')


def _first(dg: Digest) -> str:
    items = []
    for s in dg.first:
        text = f'<a href="#{esc(s.anchor)}">{esc(s.title)}</a>' if s.anchor else esc(s.title)
        text += esc(s.detail)
        if s.objects:
            shown = ", ".join(f"<code>{esc(o)}</code>" for o in s.objects[:6])
            more = f" and {len(s.objects) - 6} more" if len(s.objects) > 6 else ""
            text += f' <span class="muted">({shown}{more})</span>'
        items.append(f"<li>{text}</li>")
    return f'<div id="first"><h3>What to do first</h3><ol class="first">{"".join(items)}</ol></div>'


def _verdict_table(dg: Digest) -> str:
    head = "".join(f'<th class="num">{v}</th>' for v in VERDICTS)
    rows = []
    for g, counts in dg.groups.items():
        cells = "".join(f'<td class="num">{counts[v]}</td>' for v in VERDICTS)
        rows.append(f'<tr><td>{GROUP_TITLES[g]}</td><td class="num">{sum(counts.values())}</td>{cells}'
                    f'<td class="num">{dg.percent(g)}</td></tr>')
    other = (f'<p class="muted">Not in these counts: {esc(kinds_text(dg.other_kinds))} (no storage or code to '
             "convert).</p>") if dg.other_kinds else ""
    return ('<h3>Objects by verdict</h3><table class="compact" id="verdicts"><thead><tr><th>objects</th>'
            f'<th class="num">total</th>{head}<th class="num">automatic %</th></tr></thead><tbody>{"".join(rows)}'
            f"</tbody></table>{other}")


# -- charts ------------------------------------------------------------------------------------------
def _charts(dg: Digest) -> str:
    sev = [(s, float(dg.severity_counts.get(s, 0)), SEVERITY_COLOURS[s]) for s in SEVERITY_ORDER]
    cat = [(k, float(n), "#4e79a7") for k, n in dg.category_counts.items()]
    kinds = [(k, [float(c[v]) for v in VERDICTS]) for k, c in dg.verdict_by_kind.items()]
    figs = [
        ("Action items by severity", charts.bar_chart("ch-sev", "Action items by severity", sev)),
        ("Action items by category", charts.bar_chart("ch-cat", "Action items by category", cat)),
        ("Objects by verdict, per kind", charts.stacked_chart("ch-verdict", "Objects by verdict, per kind", kinds,
                                                              [(v, VERDICT_COLOURS[v]) for v in VERDICTS])),
        ("Effort by schema (hours, low–high)", charts.range_chart("ch-effort", "Effort by schema in hours",
                                                                   dg.effort_by_schema)),
    ]
    body = "".join(f"<figure><figcaption>{esc(t)}</figcaption>{svg}</figure>" for t, svg in figs)
    return (f'<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">Charts</h2>'
            f'<p class="muted">Active action items only; effort by schema adds up to the total, learning counted '
            f'once per code.</p><div class="charts">{body}</div></section>')


# -- action items ------------------------------------------------------------------------------------
def _items(a, dg: Digest) -> str:
    ddl = {(r["kind"], r["qualified_name"]): r["ddl"] for r in dg.rows}
    sev_options = "".join(f'<option value="{s}">{s}</option>' for s in SEVERITY_ORDER
                          if dg.severity_counts.get(s))
    controls = ('<div class="controls" data-for="items-table"><input type="search" placeholder="Filter: code, '
                'object, message…" aria-label="Filter action items"><select data-attr="sev" aria-label="Severity">'
                f'<option value="">all severities</option>{sev_options}</select>'
                '<button type="button" data-expand="items-table" data-open="1">Expand all</button>'
                '<button type="button" data-expand="items-table" data-open="0">Collapse all</button>'
                '<span class="count muted"></span></div>')
    head = ("<thead><tr><th><span class=\"muted\" title=\"open an entry\">▸</span></th>" + _th("Code") +
            _th("Name") + _th("Severity") + _th("Category") + _th("Occurrences", num_col=True) +
            _th("Objects", num_col=True) + _th("Effort (h)", num_col=True) + "</tr></thead>")
    units = "".join(_code_unit(a, g, ddl) for g in dg.codes)
    intro = (f"<p>{_plural(sum(g.occurrences for g in dg.codes), 'active item')} in {_plural(len(dg.codes), 'code')}, "
             "most severe first. Effort per code is its one-time learning plus each counted occurrence; the column "
             "adds up to the total effort. Open an entry for every occurrence with its source and converted code."
             "</p>")
    table = f'<table id="items-table" class="sortable items">{head}{units}</table>' if dg.codes else \
        "<p>No active action items.</p>"
    return (f'<section id="items" aria-labelledby="items-h"><h2 id="items-h">Action items</h2>{intro}{controls}'
            f"{table}{_suppressed(dg)}</section>")


def _code_unit(a, g: CodeGroup, ddl: dict) -> str:
    cid = anchor(g.code)
    fixes = sorted({i.fix for i in g.items if i.fix})
    shared_fix = fixes[0] if len(fixes) == 1 else None
    refs = sorted({r for i in g.items for r in i.sct}), sorted({r for i in g.items for r in i.dms})
    detail = [f"<p>{esc(g.summary)}</p>" if g.summary else "",
              f'<p><strong>Fix:</strong> {esc(shared_fix)}</p>' if shared_fix else "",
              f'<p class="muted">SCT: {esc("; ".join(refs[0]))}</p>' if refs[0] else "",
              f'<p class="muted">DMS: {esc("; ".join(refs[1]))}</p>' if refs[1] else "",
              f"<p class=\"muted\">Effort bucket: {esc(g.effort)}; learning {num(g.learning)} h.</p>"]
    for n, i in enumerate(g.items):
        detail.append(_occurrence(a, i, f"{cid}-{n}", None if shared_fix else i.fix, ddl))
    first = (f'<tr><td><button type="button" class="toggle" aria-expanded="false" aria-controls="occ-{cid}" '
             f'aria-label="Occurrences of {esc(g.code)}">▸</button></td><td><code>{esc(g.code)}</code></td>'
             f'<td>{esc(g.name)}</td><td data-v="{g.severity_rank}">{_badge("sev", g.severity)}</td>'
             f'<td>{esc(g.category)}</td><td class="num">{g.occurrences}</td><td class="num">{len(g.objects)}</td>'
             f'<td class="num" data-v="{g.hours_high:.2f}">{esc(hours(g.hours_low, g.hours_high, ""))}</td></tr>')
    return (f'<tbody class="unit" id="code-{cid}" data-sev="{esc(g.severity)}">{first}<tr class="detail" '
            f'id="occ-{cid}"><td></td><td colspan="7">{"".join(detail)}</td></tr></tbody>')


def _occurrence(a, i, oid: str, fix: str | None, ddl: dict) -> str:
    head = (f'<div class="occ-head"><code>{esc(i.object)}</code> <span class="muted">{esc(i.kind)}</span> · '
            f'<span class="mono">{esc(i.location) or "no location"}</span>'
            + (f' · <span class="tag">{hours(i.hours_low, i.hours_high)}</span>' if i.hours_high else "") + "</div>")
    parts = [head, f"<p>{esc(i.message)}</p>"]
    if fix:
        parts.append(f"<p><strong>Fix:</strong> {esc(fix)}</p>")
    if i.source or i.converted:
        right_title, right = f"Converted ({a.target.display})", i.converted
        if right is None and ddl.get((i.kind, i.object)):
            right_title, right = f"Converted object DDL ({a.target.display})", ddl[(i.kind, i.object)]
        right_html = f"<pre>{esc(right)}</pre>" if right else '<p class="muted">Not converted by migplan.</p>'
        left_html = f"<pre>{esc(i.source)}</pre>" if i.source else '<p class="muted">No source snippet.</p>'
        parts.append(f'<div class="side"><figure><figcaption>Source ({esc(a.source.display)})</figcaption>'
                     f"{left_html}</figure><figure><figcaption>{esc(right_title)}</figcaption>{right_html}</figure>"
                     "</div>")
    return f'<div class="occ" id="occ-{oid}">{"".join(parts)}</div>'


def _suppressed(dg: Digest) -> str:
    if not dg.suppressed:
        return '<h3 id="suppressed">Suppressed action items</h3><p class="muted">None.</p>'
    rows = "".join(
        f'<tr><td><code>{esc(i.code)}</code> <span class="tag suppressed-tag">suppressed</span></td>'
        f"<td>{esc(i.name)}</td><td>{_badge('sev', i.severity)}</td><td><code>{esc(i.object)}</code></td>"
        f'<td class="mono">{esc(i.location)}</td><td>{esc(i.message)}</td><td>{esc(i.suppression or "")}</td></tr>'
        for i in sorted(dg.suppressed, key=lambda i: (i.code, i.object, i.file, i.line)))
    return (f'<h3 id="suppressed">Suppressed action items ({len(dg.suppressed)})</h3><p class="muted">Hidden by the '
            "configuration: not counted in the effort or verdicts, listed so nothing disappears.</p>"
            '<table class="compact"><thead><tr><th>code</th><th>name</th><th>severity</th><th>object</th>'
            f"<th>location</th><th>message</th><th>reason</th></tr></thead><tbody>{rows}</tbody></table>")


# -- objects ------------------------------------------------------------------------------------------
def _objects(a, dg: Digest) -> str:
    verdicts = sorted({r["verdict"] for r in dg.rows}, key=VERDICTS.index)
    options = "".join(f'<option value="{v}">{v}</option>' for v in verdicts)
    controls = ('<div class="controls" data-for="objects-table"><input type="search" placeholder="Filter: name, '
                'kind, file, code…" aria-label="Filter objects"><select data-attr="verdict" aria-label="Verdict">'
                f'<option value="">all verdicts</option>{options}</select><span class="count muted"></span></div>')
    head = ("<thead><tr>" + _th("Kind") + _th("Name") + _th("Location") + _th("Verdict") + _th("Action items") +
            _th("Effort (h)", num_col=True) + _th("Verification") + "</tr></thead>")
    units = []
    for n, r in enumerate(dg.rows):
        codes = " ".join(f'<a href="#code-{anchor(c)}">{esc(c)}</a>' for c in r["codes"]) or \
            '<span class="muted">none</span>'
        where = f'{r["file"]}:{r["line"]}' if r["file"] else ""
        conv = "" if r["converted"] else ' <span class="tag">not converted</span>'
        ver = '<span class="muted">not run</span>' if r["verification"] is None else \
            _badge("ver", r["verification"]) + (f' <span class="mono">{esc(r["verification_message"])}</span>'
                                                if r["verification_message"] else "")
        target = f'<br><span class="muted">→ {esc(r["target_name"])}</span>' if r["converted"] and \
            r["target_name"] and r["target_name"] != r["qualified_name"] else ""
        first = (f'<tr><td>{esc(r["kind"])}</td><td><code>{esc(r["qualified_name"])}</code>{target}</td>'
                 f'<td class="mono">{esc(where)}</td><td data-v="{VERDICTS.index(r["verdict"])}">'
                 f'{_badge("verdict", r["verdict"])}{conv}</td><td>{codes}</td>'
                 f'<td class="num" data-v="{r["hours_high"]:.2f}">{esc(hours(r["hours_low"], r["hours_high"], ""))}'
                 f"</td><td>{ver}</td></tr>")
        sub = ""
        if r["ddl"]:
            lines = r["ddl"].count("\n") + 1
            sub = (f'<tr class="sub"><td></td><td colspan="6"><details><summary>Converted DDL '
                   f'({_plural(lines, "line")})</summary>{_code_box(f"ddl-{n}", r["ddl"])}</details></td></tr>')
        units.append(f'<tbody class="unit" id="obj-{n}" data-verdict="{esc(r["verdict"])}">{first}{sub}</tbody>')
    return (f'<section id="objects" aria-labelledby="objects-h"><h2 id="objects-h">Objects</h2><p>'
            f"{_plural(len(dg.rows), 'object')} in script order, each with its verdict, action items, converted "
            f"DDL and what the target engine said.</p>{controls}"
            f'<table id="objects-table" class="sortable objects">{head}{"".join(units)}</table></section>')


# -- plan -------------------------------------------------------------------------------------------
def _plan(a) -> str:
    from migplan.plan.phases import HELD_FILE

    plan = a.plan
    o = plan.options
    out = ['<section id="plan" aria-labelledby="plan-h"><h2 id="plan-h">Plan</h2>',
           (f"<p>Migration type <code>{esc(o.migration_type)}</code>; foreign keys during the load: "
            f"{'yes (load waves)' if o.fks_during_load else 'no'}; MaxFullLoadSubTasks {o.max_subtasks}. Each step "
            "says why it sits where it does; the DDL files below are the ones written to <code>ddl/</code>.</p>")]
    if plan.cycles:
        items = "".join(f"<li>{esc(c.kind)} cycle: {esc(', '.join(n.split(':', 1)[1] for n in c.nodes))}. "
                        f"{esc(c.resolution)}</li>" for c in plan.cycles)
        out.append(f'<h3 id="cycles">Dependency cycles</h3><ul>{items}</ul>')
    out.append('<h3 id="runbook">Runbook</h3>')
    files = plan.ddl_files()
    phase = None
    for st in plan.steps:
        if st.phase != phase:
            phase = st.phase
            out.append(f"<h4>{esc(phase[:1].upper() + phase[1:])}</h4>")
        out.append(_step(st, files))
    if any(w.minutes for w in plan.waves):
        rows = "".join(f'<tr><td class="num">{w.number}</td><td class="num">{len(w.tables)}</td>'
                       f'<td class="num">{w.bytes / 1024 ** 3:.1f}</td><td class="num">{w.minutes or "-"}</td></tr>'
                       for w in plan.waves)
        out.append(f'<h3>Full-load estimate</h3><p>At {esc(o.throughput_mb_s)} MB/s per load stream.</p><table '
                   'class="compact"><thead><tr><th class="num">wave</th><th class="num">tables</th><th class="num">'
                   f'GB</th><th class="num">minutes</th></tr></thead><tbody>{rows}</tbody></table>')
    out.append(_held(plan, files.get(HELD_FILE)))
    out.append('<h3 id="ddl-files">DDL files</h3>')
    for n, (name, text) in enumerate(files.items()):
        out.append(f'<details id="ddl-{anchor(name)}"><summary><code>ddl/{esc(name)}</code> '
                   f"({_plural(text.count(chr(10)), 'line')})</summary>{_code_box(f'file-{n}', text)}</details>")
    out.append("</section>")
    return "\n".join(out)


def _step(st, files: dict) -> str:
    parts = [(f'<div class="step" id="step-{anchor(st.number)}"><label class="done"><input type="checkbox"> done'
              f"</label><h4>{esc(st.number)} {esc(st.title)}</h4>"),
             f'<p><span class="tag">{esc(st.phase)}</span> <span class="tag">{esc(st.action)}</span></p>',
             f"<p><em>Why:</em> {esc(st.reason)}</p>"]
    if st.ddl_file:
        parts.append(f'<p>Run <a href="#ddl-{anchor(st.ddl_file)}"><code>ddl/{esc(st.ddl_file)}</code></a> '
                     f"({_plural(len(st.sql), 'statement')}).</p>")
    if st.objects:
        lis = "".join(f"<li>{esc(o)}</li>" for o in st.objects)
        if len(st.objects) <= OBJECTS_INLINE:
            parts.append(f"<p>Objects, in order:</p><ol class=\"objects\">{lis}</ol>")
        else:
            parts.append(f"<details><summary>Objects, in order ({len(st.objects)})</summary>"
                         f'<ol class="objects">{lis}</ol></details>')
    if st.notes:
        parts.append("<ul>" + "".join(f"<li>{esc(n)}</li>" for n in st.notes) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


def _held(plan, text: str | None) -> str:
    if not plan.held:
        return '<h3 id="held">Held-back DDL</h3><p class="muted">Nothing held back: every converted view and ' \
               "routine has what it needs.</p>"
    rows = "".join(f"<tr><td><code>{esc(k.split(':', 1)[1])}</code></td><td>{esc(k.split(':', 1)[0])}</td>"
                   f"<td>{esc(why)}</td></tr>" for k, why in sorted(plan.held.items()))
    box = _code_box("held-ddl", text) if text else ""
    return (f'<h3 id="held">Held-back DDL ({len(plan.held)})</h3><p>These views and routines read or call an object '
            "migplan did not convert; run their DDL once that object exists on the target.</p>"
            '<table class="compact"><thead><tr><th>object</th><th>kind</th><th>why</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>{box}")


# -- CDC, DMS, graph, inputs --------------------------------------------------------------------------
def _cdc(a) -> str:
    if a.target.family == "dynamodb":
        return ('<section id="cdc" aria-labelledby="cdc-h"><h2 id="cdc-h">CDC readiness</h2><p>No change data '
                f"capture: AWS DMS does not read {esc(a.source.display)}; SCT's data extraction agent copies the data "
                "(see the plan).</p></section>")
    c = a.cdc
    checks = "".join(f"<tr><td>{esc(x.get('name'))}</td><td><code>{esc(x.get('check'))}</code></td>"
                     f"<td><code>{esc(x.get('fix'))}</code></td><td>{esc(x.get('rds'))}</td><td>{esc(x.get('ref'))}"
                     "</td></tr>" for x in c.checks)
    tables = "".join(
        f"<tr><td><code>{esc(t.table)}</code></td><td>{esc(t.key)}</td><td>{esc(', '.join(t.lob_columns) or '-')}</td>"
        f"<td>{esc(t.lob_mode)}</td><td>{esc(', '.join(t.unsupported) or '-')}</td>"
        f"<td>{'<code>' + esc(t.statement) + '</code>' if t.statement else '-'}</td>"
        f"<td>{esc(', '.join(t.dms_keys))}{'<br>' if t.dms_keys and t.note else ''}{esc(t.note)}</td></tr>"
        for t in c.tables)
    check_table = ('<table class="compact"><thead><tr><th>check</th><th>read</th><th>change (self-managed)</th>'
                   f'<th>change (RDS)</th><th>ref</th></tr></thead><tbody>{checks}</tbody></table>') if checks else \
        '<p class="muted">No source settings listed for this engine.</p>'
    live = ""
    if c.live_checks:
        failed = sum(x["status"] == "failed" for x in c.live_checks)
        rows = "".join(f'<tr><td>{esc(x["name"])}</td><td class="{esc(x["status"])}">{esc(x["status"])}</td>'
                       f'<td><code>{esc(x["found"])}</code></td><td>{esc(x["expected"])}</td>'
                       f'<td>{esc(x["fix"]) if x["status"] == "failed" else "-"}</td><td>{esc(x["ref"])}</td></tr>'
                       for x in c.live_checks)
        live = (f"<h3>Checked on the live source ({esc(c.server)})</h3>"
                f"<p>{len(c.live_checks) - failed} passed, {failed} failed.</p>"
                '<table class="compact"><thead><tr><th>check</th><th>status</th><th>found</th><th>expected</th>'
                f"<th>to fix</th><th>ref</th></tr></thead><tbody>{rows}</tbody></table>")
    return (f'<section id="cdc" aria-labelledby="cdc-h"><h2 id="cdc-h">CDC readiness: {esc(c.engine)}</h2>'
            f"{live}<h3>Source checklist</h3>{check_table}"
            f"<p>Tables without a primary or unique key: {esc(c.keyless_behaviour)}.</p>"
            f"<h3>Per table</h3>"
            '<table class="compact"><thead><tr><th>table</th><th>key</th><th>LOB columns</th><th>LOB mode</th>'
            '<th>types DMS cannot move</th><th>statement</th><th>DMS assessment / note</th></tr></thead>'
            f"<tbody>{tables}</tbody></table></section>")


def _dms(a) -> str:
    if a.target.family == "dynamodb":
        return _dynamodb(a)
    files = a.dms.files()
    out = ['<section id="dms" aria-labelledby="dms-h"><h2 id="dms-h">DMS artifacts</h2>',
           ("<p>The same files as <code>dms/</code>: paste them into <code>aws dms create-replication-task</code> or "
            "deploy the CloudFormation templates.</p>")]
    for n, (name, body) in enumerate(files.items(), 1):
        out.append(f"<h3><code>dms/{esc(name)}</code></h3>")
        out.append(_code_box(f"dms-{n}", body))
    out.append("</section>")
    return "\n".join(out)


def _dynamodb(a) -> str:
    files = a.dynamodb.files()
    out = ['<section id="dms" aria-labelledby="dms-h"><h2 id="dms-h">DynamoDB tables</h2>',
           "<p>The same files as <code>dynamodb/</code>: one <code>CreateTable</code> request per table for "
           "<code>aws dynamodb create-table --cli-input-json</code>, <code>UpdateTimeToLive</code> requests, or the "
           "CloudFormation template; <code>attributes.csv</code> says what each column becomes.</p>"]
    for n, (name, body) in enumerate(files.items(), 1):
        out.append(f"<h3><code>dynamodb/{esc(name)}</code></h3>")
        out.append(_code_box(f"dms-{n}", body))
    out.append("</section>")
    return "\n".join(out)


def _graph(a) -> str:
    pic = depgraph.select(a.graph)
    note = " ".join(x for x in (f"Names without a schema are in {pic.home}." if pic.home else "", pic.note) if x)
    note = f'<p class="muted">{esc(note)}</p>' if note else ""
    return (f'<section id="graph" aria-labelledby="graph-h"><h2 id="graph-h">Dependency graph</h2>'
            f"<p>{_plural(pic.total, 'table, view or code object')}; arrows point from an object to what it needs, "
            "so columns read left to right in creation order. Hover a box or an arrow for details; "
            "<code>graph.graphml</code> and <code>graph.dot</code> hold the full graph with constraints and "
            f'indexes.</p>{note}<div class="graph-wrap">{depgraph.to_svg(pic)}</div></section>')


def _inputs(a) -> str:
    inv = a.inventory
    files = "".join(f'<tr><td class="mono">{esc(f.path)}</td><td>{esc(f.encoding)}</td><td class="num">'
                    f"{f.statements}</td><td>{esc('; '.join(str(p) for p in f.problems))}</td></tr>" for f in inv.files)
    probs = "".join(f'<tr><td><code>{esc(p.code)}</code></td><td class="mono">{esc(p.file)}:{esc(p.line)}</td>'
                    f"<td>{esc(p.message)}</td></tr>" for p in inv.problems)
    problems = ('<table class="compact"><thead><tr><th>code</th><th>where</th><th>message</th></tr></thead>'
                f"<tbody>{probs}</tbody></table>") if probs else '<p class="muted">No input problems.</p>'
    return (f'<section id="inputs" aria-labelledby="inputs-h"><h2 id="inputs-h">Inputs</h2>'
            '<table class="compact"><thead><tr><th>file</th><th>encoding</th><th class="num">statements</th>'
            f"<th>problems</th></tr></thead><tbody>{files}</tbody></table><h3>Input problems</h3>{problems}</section>")
