"""Object fidelity: every storage element of the source (table, column with its intended type,
primary/unique/foreign key, check, index, sequence, comment) and every view, and what the real
target has of it after verification. An element missing from the target must be explained by an
action item on its object; one that is not is a silent loss.

    f = a.verification.fidelity(a)
    f.frame()          # one row per element: kind, object, element, status, explained
    f.rates()          # {"storage": 0.99, "views": 0.95}
"""

from __future__ import annotations

from dataclasses import dataclass, field

from migplan.model.schema import Index, Sequence, Table, View

STORAGE = ("table", "column", "primary key", "unique", "foreign key", "check", "index", "sequence", "comment")
PRESENT = ("present", "folded")  # folded: written inside another object on purpose (serial -> AUTO_INCREMENT)


@dataclass
class Element:
    kind: str
    object: str  # source object key (kind:qualified name)
    name: str
    status: str  # present | folded | differs | missing | not converted
    explained: bool = True
    detail: str = ""


@dataclass
class Fidelity:
    elements: list[Element] = field(default_factory=list)

    def rates(self) -> dict[str, float | None]:
        def rate(kinds):
            sel = [e for e in self.elements if e.kind in kinds]
            return round(sum(e.status in PRESENT for e in sel) / len(sel), 4) if sel else None

        return {"storage": rate(STORAGE), "views": rate(("view",))}

    def counts(self) -> dict[str, tuple[int, int]]:
        out: dict[str, list[int]] = {}
        for e in self.elements:
            c = out.setdefault(e.kind, [0, 0])
            c[0] += e.status in PRESENT
            c[1] += 1
        return {k: (v[0], v[1]) for k, v in out.items()}

    @property
    def silent(self) -> list[Element]:
        return [e for e in self.elements if e.status not in PRESENT and not e.explained]

    def frame(self):
        import pandas as pd

        return pd.DataFrame([e.__dict__ for e in self.elements])


def fidelity(assessment, ver) -> Fidelity:
    conversion = ver.conversion or assessment.conversion
    results = {id(r.statement): r for r in ver.results}
    items: dict[str, list] = {}
    for i in assessment.action_items.items:
        if not i.code.startswith("VER"):
            items.setdefault(f"{i.kind}:{i.object}", []).append(i)
    out = Fidelity()
    for conv in conversion.objects:
        src = conv.source
        mine = items.get(conv.key, [])

        def add(kind, name, status, detail="", line=None, sub=None, _mine=mine, _key=conv.key, explained=False):
            explained = explained or status in PRESENT or _explained(_mine, kind, name, line, sub)
            out.elements.append(Element(kind, _key, name, status, explained, detail))
            return out.elements[-1]

        if isinstance(src, Table):
            _table(src, conv, results, add)
        elif isinstance(src, (Index, Sequence)):
            kind = "index" if isinstance(src, Index) else "sequence"
            if not conv.statements:
                add(kind, src.name, "folded" if conv.converted else "not converted", line=src.location.line)
            else:
                r = results.get(id(conv.statements[0]))
                status, detail = _status(r)
                add(kind, src.name, status, detail, src.location.line, explained=bool(r and r.blocked))
        elif isinstance(src, View):
            if src.kind not in ("view", "materialized view"):
                continue
            main = next((s for s in conv.statements if s.kind in ("view", "materialized view")), None)
            r = results.get(id(main)) if main else None
            status, detail = _status(r) if main else ("not converted", "")
            view = add("view", src.qname, status, detail, src.location.line, explained=bool(r and r.blocked))
            for st in conv.statements:
                if st.kind == "comment":
                    status, detail = _status(results.get(id(st)))
                    # a comment on a view that is not there is explained by the view's own item
                    add("comment", f"{src.qname} comment", status, detail, src.location.line,
                        explained=view.status not in PRESENT and view.explained)
    return out


def _table(t: Table, conv, results, add) -> None:
    if t.partition_of:
        # a partition: natively partitioned it is a table of the target; otherwise its rows live in
        # the parent (TBL003), and it counts as one element either way
        status = _status(results.get(id(conv.statements[0])))[0] if conv.statements else "folded"
        add("table", t.qname, status, line=t.location.line)
        return
    create = next((s for s in conv.statements if s.kind == "table"), None)
    r = results.get(id(create)) if create else None
    status, detail = _status(r, own=True)
    table = add("table", t.qname, status, detail, t.location.line)
    if status != "present" and table.explained:  # the table's own item explains what it held
        plain = add

        def add(*args, **kw):
            kw["explained"] = True
            return plain(*args, **kw)
    by_source = {c.get("source", "").upper(): c for c in (create.expect.get("columns", []) if create else [])}
    for col in t.columns:
        spec = by_source.get(col.name.upper())
        if spec is None:
            add("column", f"{t.qname}.{col.name}", "not converted", line=col.line, sub=col.name)
            continue
        cstatus = status
        problems = [p for p in (r.problems if r else []) if p.startswith(f"column {spec['name']} ") or
                    p.startswith(f"column {spec['name']}:")]
        if status == "present" and problems:
            cstatus = "missing" if any("missing" in p for p in problems) else "differs"
        add("column", f"{t.qname}.{col.name}", cstatus, "; ".join(problems), col.line, col.name)
    for n, con in enumerate(t.constraints):
        name = con.name or f"{con.kind} ({', '.join(con.columns)})"
        line = con.location.line if con.location else t.location.line
        if con.kind == "primary key":
            pk_problems = [p for p in (r.problems if r else []) if p.startswith("primary key")]
            pstatus = status if status != "present" else ("differs" if pk_problems else "present")
            if create is None or "primary_key" not in create.expect:
                pstatus = "not converted"
            add("primary key", name, pstatus, "; ".join(pk_problems), line, con.name)
            continue
        st = next((s for s in conv.statements if s.origin == f"constraint:{n}"), None)
        if st is None:
            add(con.kind if con.kind in STORAGE else "check", name, "not converted", line=line, sub=con.name)
            continue
        r_con = results.get(id(st))
        cstatus, detail = _status(r_con)
        # a foreign key not applied because the table it references was rejected: that table's item says why
        add(con.kind if con.kind in STORAGE else "check", name, cstatus, detail, line, con.name,
            explained=bool(r_con and r_con.blocked))
    comments = {s.origin: s for s in conv.statements if s.kind == "comment"}
    targets = [("comment:", t.comment, t.qname)] + [(f"comment:{c.name}", c.comment, f"{t.qname}.{c.name}")
                                                   for c in t.columns]
    for origin, text, name in targets:
        if not text:
            continue
        st = comments.get(origin)
        if st is None:  # MySQL: written inline in the CREATE TABLE
            add("comment", name, status if create is not None else "not converted", line=t.location.line)
            continue
        cstatus, detail = _status(results.get(id(st)))
        add("comment", name, cstatus, detail, t.location.line)


def _status(r, own: bool = False) -> tuple[str, str]:
    if r is None:
        return "not converted", ""
    if not r.ok:
        return "missing", r.error or ""
    if own:  # a table statement: its own presence; column differences are counted per column
        gone = [p for p in r.problems if "is not in the catalog" in p]
        return ("missing", gone[0]) if gone else ("present", "")
    if r.problems:
        return ("missing" if any("not in the catalog" in p for p in r.problems) else "differs"), "; ".join(r.problems)
    return "present", ""


def _explained(items, kind, name, line, sub) -> bool:
    """An action item on the object that is about this element (its line, its column or constraint
    name), or about the whole object when the element is the object itself."""
    for i in items:
        if kind in ("table", "view", "index", "sequence"):
            return True
        if sub and i.sub and i.sub.upper() == str(sub).upper():
            return True
        if line is not None and i.line == line:
            return True
        if sub and str(sub).upper() in i.message.upper():
            return True
    return False
