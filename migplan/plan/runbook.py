"""The plan as a Markdown runbook a DBA hands to an operator."""

from __future__ import annotations

from migplan.escape import code, text


def render(plan) -> str:
    a = plan.inputs
    opts = plan.options
    out = [f"# Migration runbook: {text(a.source.display)} to {text(a.target.display)}", ""]
    out.append(f"Pair verdict: **{a.compatibility.verdict}** ({a.compatibility.recommended_path})  ")
    out.append(f"Migration type: `{opts.migration_type}`; foreign keys during the load: "
               f"{'yes (load waves)' if opts.fks_during_load else 'no'}; MaxFullLoadSubTasks: {opts.max_subtasks}.")
    out.append(f"Objects: {a.objects}; action items: {len(a.items)}; estimated manual effort "
               f"{a.hours[0]:.0f}-{a.hours[1]:.0f} hours.")
    out.append("")
    if plan.cycles:
        out.append("## Dependency cycles")
        for c in plan.cycles:
            names = ", ".join(code(n.split(":", 1)[1]) for n in c.nodes)
            out.append(f"- {text(c.kind)} cycle: {names}. {text(c.resolution)}")
        out.append("")
    phase = None
    for step in plan.steps:
        if step.phase != phase:
            phase = step.phase
            out += [f"## {phase[0].upper()}{phase[1:]}", ""]
        out.append(f"### {step.number} {text(step.title)}")
        out.append("")
        out.append(f"*Why:* {text(step.reason)}")
        out.append("")
        if step.ddl_file:
            out.append(f"Run `ddl/{step.ddl_file}` ({len(step.sql)} statements).")
            out.append("")
        if step.action in ("start task", "resume task"):
            out.append(
                f"Action: {step.action} (`aws dms start-replication-task"
                f"{'' if step.action == 'start task' else ' --start-replication-task-type resume-processing'}`)."
            )
            out.append("")
        if step.objects:
            shown = step.objects[:40]
            out.append(f"Objects, in order ({len(step.objects)}):")
            out += [f"{n}. {code(o)}" for n, o in enumerate(shown, 1)]
            if len(step.objects) > len(shown):
                out.append(f"... and {len(step.objects) - len(shown)} more (see plan.csv).")
            out.append("")
        for note in step.notes:
            out.append("> " + text(note).replace("\n", "\n> "))
        if step.notes:
            out.append("")
        out.append("- [ ] done")
        out.append("")
    if plan.waves and any(w.minutes for w in plan.waves):
        out.append("## Full-load estimate")
        out.append("")
        out.append(f"Assumption: {opts.throughput_mb_s} MB/s per load stream; measure it in a proof of concept "
                   "(AWS publishes no formula for full-load time).")
        out.append("")
        out.append("| wave | tables | GB | minutes |")
        out.append("|---|---|---|---|")
        for w in plan.waves:
            out.append(f"| {w.number} | {len(w.tables)} | {w.bytes / 1024 ** 3:.1f} | {w.minutes or '-'} |")
        out.append("")
    return "\n".join(out)
