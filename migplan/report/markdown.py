"""report.md: the HTML report's content as GitHub-flavoured Markdown, without the interactivity.

Table cells escape ``|``, newlines and markup; names go in code spans; code in fenced blocks whose
fence is longer than any backtick run inside. The dependency graph is a Mermaid flowchart when it is
small enough to read, else one plain-text line per object.
"""

from __future__ import annotations

from migplan.analyze.items import SEVERITY_ORDER
from migplan.analyze.verdict import VERDICTS
from migplan.escape import cell, code, fenced, table, text
from migplan.report import depgraph
from migplan.report.digest import GROUP_TITLES, Digest, digest, hours, kinds_text, num
from migplan.version import __version__


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def render_markdown(a) -> str:
    dg = digest(a)
    parts = [f"# {text(dg.title)}", "",
             (f"migplan {__version__} · source scripts: {_plural(len(a.inventory.files), 'file')}, "
              f"{_plural(len(a.inventory.statements), 'statement')}, {_plural(dg.summary['objects'], 'object')}; "
              f"{_plural(len(a.inventory.problems), 'input problem')}."), "",
             _summary(a, dg), _charts(dg), _items(a, dg), _objects(dg), _plan(a), _cdc(a), _dms(a), _graph(a),
             _inputs(a)]
    return "\n".join(parts).rstrip("\n") + "\n"


def _summary(a, dg: Digest) -> str:
    c = a.compatibility
    yes = {True: "yes", False: "no"}
    out = ["## Executive summary", "",
           (f"**Pair:** {code(dg.source)} → {code(dg.target)}: **{text(dg.verdict)}**. {text(dg.path)} "
            f"(SCT: {text(yes.get(c.sct, c.sct))}; DMS Schema Conversion: {yes[bool(c.dms_sc)]}; DMS data movement: "
            f"{yes[bool(c.dms)]})"), ""]
    auto = sum(dg.groups[g]["automatic"] for g in dg.groups)
    total = sum(sum(v.values()) for v in dg.groups.values())
    lines = [f"- **Converts by itself:** {auto} of {total} storage and code objects"]
    for g, counts in dg.groups.items():
        lines.append(f"  - {GROUP_TITLES[g]}: {counts['automatic']} of {sum(counts.values())} "
                     f"({dg.percent(g)})")
    work = {g: sum(counts[v] for v in VERDICTS[1:]) for g, counts in dg.groups.items()}
    lines.append(f"- **Does not convert by itself:** {sum(work.values())} objects need simple, medium or complex work")
    for g, counts in dg.groups.items():
        detail = ", ".join(f"{counts[v]} {v}" for v in VERDICTS[1:] if counts[v]) or "none"
        lines.append(f"  - {GROUP_TITLES[g]}: {work[g]} ({detail})")
    if dg.not_converted:
        lines.append(f"  - Not converted by migplan (SCT or by hand): {sum(dg.not_converted.values())} ("
                     + text(kinds_text(dg.not_converted)) + ")")
    e = dg.summary["effort_hours"]
    lines.append(f"- **Effort:** {num(e['low'], 1)}–{num(e['high'], 1)} hours, including {num(e['learning'], 1)} h "
                 f"of one-time learning; {_plural(dg.summary['action_items'], 'action item')} in "
                 f"{_plural(len(dg.codes), 'code')}, {dg.summary['suppressed_items']} suppressed")
    v = dg.verification
    if v is None:
        lines.append("- **Verification:** not run (`a.verify()` or `migplan assess --verify` applies the converted "
                     "DDL to a real engine)")
    else:
        objs = ", ".join(f"{n} {k}" for k, n in sorted(v["objects"].items()))
        lines.append(f"- **Verification on {text(v['engine'])}:** {v['accepted']} of {v['statements']} statements "
                     f"accepted, {v['rejected']} rejected; objects: {text(objs)}; unpredicted failures: "
                     f"{v['unpredicted_failures']}")
    out += lines + [""]
    if dg.other_kinds:
        out += ["Not in these counts: " + text(kinds_text(dg.other_kinds))
                + " (no storage or code to convert).", ""]
    out += ["### Objects by verdict", "",
            table(["objects", "total", *VERDICTS, "automatic %"],
                  [[GROUP_TITLES[g], str(sum(c.values())), *(str(c[v]) for v in VERDICTS), f"{dg.percent(g)}"]
                   for g, c in dg.groups.items()], right=set(range(1, len(VERDICTS) + 3))), ""]
    out += ["### Top blockers", ""]
    if dg.blockers:
        rows = []
        for blocker in dg.blockers:
            objs = ", ".join(code(o) for o in blocker.objects[:3]) + (f" and {len(blocker.objects) - 3} more"
                                                                  if len(blocker.objects) > 3 else "")
            rows.append([blocker.severity, code(blocker.code), cell(blocker.name), str(blocker.occurrences), objs])
        out += [table(["severity", "code", "name", "count", "objects"], rows, right={3}), ""]
        if dg.blockers_left:
            out += [f"… and {_plural(dg.blockers_left, 'more code')} of this severity.", ""]
    else:
        out += ["No action items above info.", ""]
    out += ["### What to do first", ""]
    for n, s in enumerate(dg.first, 1):
        objs = ""
        if s.objects:
            objs = " (" + ", ".join(code(o) for o in s.objects[:6]) + (f" and {len(s.objects) - 6} more"
                                                                        if len(s.objects) > 6 else "") + ")"
        out.append(f"{n}. {text(s.text)}{objs}")
    out.append("")
    return "\n".join(out)


def _charts(dg: Digest) -> str:
    out = ["## Charts (as tables)", "", "### Action items by severity", "",
           table(["severity", "items"], [[s, str(dg.severity_counts.get(s, 0))] for s in SEVERITY_ORDER], {1}), "",
           "### Action items by category", "",
           table(["category", "items"], [[cell(k), str(n)] for k, n in dg.category_counts.items()], {1}), "",
           "### Objects by verdict, per kind", "",
           table(["kind", *VERDICTS, "total"], [[cell(k), *(str(c[v]) for v in VERDICTS), str(sum(c.values()))]
                                                for k, c in dg.verdict_by_kind.items()],
                 set(range(1, len(VERDICTS) + 2))), "",
           "### Effort by schema (hours)", "",
           table(["schema", "low", "high"], [[cell(s), num(lo), num(hi)] for s, lo, hi in dg.effort_by_schema],
                 {1, 2}), ""]
    return "\n".join(out)


def _items(a, dg: Digest) -> str:
    ddl = {(r["kind"], r["qualified_name"]): r["ddl"] for r in dg.rows}
    out = ["## Action items", "",
           (f"{_plural(sum(g.occurrences for g in dg.codes), 'active item')} in {_plural(len(dg.codes), 'code')}, "
            "most severe first; effort per code is its one-time learning plus each counted occurrence."), ""]
    if dg.codes:
        out += [table(["code", "name", "severity", "category", "occurrences", "objects", "effort (h)"],
                      [[code(g.code), cell(g.name), g.severity, cell(g.category), str(g.occurrences),
                        str(len(g.objects)), hours(g.hours_low, g.hours_high, "")] for g in dg.codes], {4, 5, 6}), ""]
    for g in dg.codes:
        out += [f"### {text(g.code)} {text(g.name)}", "",
                (f"{g.severity} · {text(g.category)} · {_plural(g.occurrences, 'occurrence')} · "
                 f"{hours(g.hours_low, g.hours_high)}"), ""]
        if g.summary:
            out += [text(g.summary), ""]
        fixes = sorted({i.fix for i in g.items if i.fix})
        if len(fixes) == 1:
            out += [f"**Fix:** {text(fixes[0])}", ""]
        for i in g.items:
            out += [f"- {code(i.object)} ({text(i.kind)}) at {code(i.location) or 'no location'}: "
                    f"{text(i.message)}".replace("\n", " "), ""]
            if len(fixes) > 1 and i.fix:
                out += [f"  **Fix:** {text(i.fix)}".replace("\n", " "), ""]
            if i.source:
                out += [f"Source ({text(a.source.display)}):", "", fenced(i.source, "sql"), ""]
            if i.source or i.converted:
                conv = i.converted or ddl.get((i.kind, i.object))
                what = "Converted" if i.converted else "Converted object DDL"
                out += ([f"{what} ({text(a.target.display)}):", "", fenced(conv, "sql"), ""] if conv else
                        ["Not converted by migplan.", ""])
    out += ["### Suppressed action items", ""]
    if dg.suppressed:
        out += [table(["code", "severity", "object", "location", "message", "reason"],
                      [[code(i.code), i.severity, code(i.object), code(i.location), cell(i.message),
                        cell(i.suppression or "")]
                       for i in sorted(dg.suppressed, key=lambda i: (i.code, i.object, i.file, i.line))]), ""]
    else:
        out += ["None.", ""]
    return "\n".join(out)


def _objects(dg: Digest) -> str:
    rows = []
    for r in dg.rows:
        ver = "not run" if r["verification"] is None else cell(r["verification"]) + (
            f": {cell(r['verification_message'])}" if r["verification_message"] else "")
        rows.append([cell(r["kind"]), code(r["qualified_name"]),
                     code(f"{r['file']}:{r['line']}") if r["file"] else "",
                     r["verdict"] + ("" if r["converted"] else " (not converted)"),
                     ", ".join(code(c) for c in r["codes"]), hours(r["hours_low"], r["hours_high"], ""), ver])
    out = ["## Objects", "", table(["kind", "name", "location", "verdict", "action items", "effort (h)",
                                    "verification"], rows, {5}), "", "### Converted DDL", ""]
    for r in dg.rows:
        if r["ddl"]:
            out += [f"#### {text(r['kind'])} {code(r['qualified_name'])}", "", fenced(r["ddl"], "sql"), ""]
    return "\n".join(out)


def _plan(a) -> str:
    from migplan.plan.phases import HELD_FILE

    plan = a.plan
    o = plan.options
    fks = "yes (load waves)" if o.fks_during_load else "no"
    intro = f"Migration type `{o.migration_type}`; foreign keys during the load: {fks}; MaxFullLoadSubTasks " \
        f"{o.max_subtasks}."
    out = ["## Plan", "", intro, ""]
    if plan.cycles:
        out += ["### Dependency cycles", ""]
        out += [f"- {text(c.kind)} cycle: " + ", ".join(code(n.split(":", 1)[1]) for n in c.nodes) +
                f". {text(c.resolution)}" for c in plan.cycles]
        out.append("")
    out += ["### Runbook", ""]
    for st in plan.steps:
        out += [f"#### {text(st.number)} {text(st.title)}", "", f"*{text(st.phase)} · {text(st.action)}*", "",
                f"Why: {text(st.reason)}", ""]
        if st.ddl_file:
            out += [f"Run `ddl/{st.ddl_file}` ({_plural(len(st.sql), 'statement')}).", ""]
        if st.objects:
            out += [f"Objects, in order ({len(st.objects)}): " + ", ".join(code(x) for x in st.objects), ""]
        out += [f"- {text(n)}" for n in st.notes]
        out += ["- [ ] done", ""]
    out += ["### Held-back DDL", ""]
    files = plan.ddl_files()
    if plan.held:
        out += [table(["object", "kind", "why"], [[code(k.split(":", 1)[1]), cell(k.split(":", 1)[0]), cell(w)]
                                                  for k, w in sorted(plan.held.items())]), ""]
        if HELD_FILE in files:
            out += [fenced(files[HELD_FILE], "sql"), ""]
    else:
        out += ["Nothing held back.", ""]
    out += ["### DDL files", ""]
    for name, body in files.items():
        out += [f"#### `ddl/{name}`", "", fenced(body, "sql"), ""]
    return "\n".join(out)


def _cdc(a) -> str:
    if a.target.family == "dynamodb":
        return "\n".join(["## CDC readiness", "", f"No change data capture: AWS DMS does not read "
                          f"{text(a.source.display)}; SCT's data extraction agent copies the data (see the plan).", ""])
    c = a.cdc
    out = [f"## CDC readiness: {text(c.engine)}", ""]
    if c.live_checks:
        failed = sum(x["status"] == "failed" for x in c.live_checks)
        passed = len(c.live_checks) - failed
        out += [f"Checked on the live source ({text(c.server)}): {passed} passed, {failed} failed.",
                "", table(["check", "status", "found", "expected", "to fix", "ref"],
                          [[cell(x["name"]), cell(x["status"]), code(x["found"]), cell(x["expected"]),
                            cell(x["fix"] if x["status"] == "failed" else "-"), cell(x["ref"])]
                           for x in c.live_checks]), ""]
    if c.checks:
        out += [table(["check", "read", "change (self-managed)", "change (RDS)", "ref"],
                      [[cell(x.get("name")), code(x.get("check")), code(x.get("fix")), cell(x.get("rds")),
                        cell(x.get("ref"))] for x in c.checks]), ""]
    out += [f"Tables without a primary or unique key: {text(c.keyless_behaviour)}.", ""]
    out += [table(["table", "key", "LOB columns", "LOB mode", "types DMS cannot move", "statement", "note"],
                  [[code(t.table), cell(t.key), cell(", ".join(t.lob_columns) or "-"), cell(t.lob_mode),
                    cell(", ".join(t.unsupported) or "-"), code(t.statement) or "-",
                    cell("; ".join([*t.dms_keys, t.note] if t.note else t.dms_keys))] for t in c.tables]), ""]
    return "\n".join(out)


def _dms(a) -> str:
    if a.target.family == "dynamodb":
        return _dynamodb(a)
    out = ["## DMS artifacts", ""]
    files = a.dms.files()
    out += [files["README.md"].split("\n", 1)[1].strip(), ""]  # its own heading is this section's
    for name, body in files.items():
        if name != "README.md":
            out += [f"### `dms/{name}`", "", fenced(body, "yaml" if name.endswith(".yaml") else "json"), ""]
    return "\n".join(out)


def _dynamodb(a) -> str:
    out = ["## DynamoDB tables", ""]
    files = a.dynamodb.files()
    out += [files["README.md"].split("\n", 1)[1].strip(), ""]
    for name, body in files.items():
        if name != "README.md":
            lang = "yaml" if name.endswith(".yaml") else "csv" if name.endswith(".csv") else "json"
            out += [f"### `dynamodb/{name}`", "", fenced(body, lang), ""]
    return "\n".join(out)


def _graph(a) -> str:
    pic = depgraph.select(a.graph, max_nodes=depgraph.MERMAID_MAX)
    intro = (f"{_plural(pic.total, 'table, view or code object')}; arrows point from an object to what it "
             "needs. graph.graphml and graph.dot hold the full graph.")
    out = ["## Dependency graph", "", intro, ""]
    if pic.home:
        out += [f"Names without a schema are in {code(pic.home)}.", ""]
    if pic.note:
        out += [text(pic.note), ""]
    if pic.graph.number_of_nodes() == 0:
        out += ["Nothing to draw.", ""]
    elif pic.graph.number_of_nodes() <= depgraph.MERMAID_MAX and pic.graph.number_of_edges() <= 200:
        out += [fenced(depgraph.to_mermaid(pic), "mermaid"), ""]
    else:
        out += [fenced(depgraph.to_text(pic), "text"), ""]
    return "\n".join(out)


def _inputs(a) -> str:
    inv = a.inventory
    out = ["## Inputs", "", table(["file", "encoding", "statements", "problems"],
                                  [[code(f.path), cell(f.encoding), str(f.statements),
                                    cell("; ".join(str(p) for p in f.problems))] for f in inv.files], {2}), ""]
    out += ["### Input problems", ""]
    if inv.problems:
        out += [table(["code", "where", "message"], [[code(p.code), code(f"{p.file}:{p.line}"), cell(p.message)]
                                                     for p in inv.problems]), ""]
    else:
        out += ["No input problems.", ""]
    return "\n".join(out)
