"""The inventory as readable fixed-width text for terminals and CI logs."""

from __future__ import annotations

from collections import Counter


def inventory_table(inv) -> str:
    rows = [("KIND", "NAME", "WHERE", "STATUS", "DETAIL")]
    df = inv.frame()
    for r in df.itertuples(index=False):
        rows.append((r.kind, r.qualified_name, f"{r.file}:{r.line}", str(r.parse_status), r.detail or r.message or ""))
    widths = [min(max(len(row[i]) for row in rows), cap) for i, cap in enumerate((18, 48, 40, 8, 60))]
    lines = []
    for row in rows:
        cells = [c if len(c) <= w else c[: w - 1] + "…" for c, w in zip(row, widths)]
        lines.append("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())
    disp = Counter(r.disposition for r in inv.records)
    status = Counter(o.status for o in inv.objects)
    head = (f"{inv.engine.display}: {len(inv.files)} files, {len(inv.statements)} statements "
            f"({', '.join(f'{n} {d}' for d, n in sorted(disp.items()))}); "
            f"{len(inv.objects)} objects ({', '.join(f'{n} {s}' for s, n in sorted(status.items()))})")
    out = [head, ""] + lines
    if inv.problems:
        out += ["", f"{len(inv.problems)} input problems:"]
        out += [f"  {p.file}:{p.line or '-'}  {p.message}" for p in inv.problems]
    return "\n".join(out) + "\n"
