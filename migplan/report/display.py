"""Small HTML summaries for notebook display (`_repr_html_`). Everything user-supplied is escaped."""

from __future__ import annotations

from html import escape


def _table(headers: list[str], rows: list[list[object]]) -> str:
    head = "".join(f"<th style='text-align:left'>{escape(str(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if c is None else str(c))}</td>" for c in r) + "</tr>"
                   for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def table_html(t) -> str:
    title = f"<b>{escape(t.kind)} {escape(t.qname)}</b> <small>{escape(str(t.location))} · {escape(t.status)}</small>"
    cols = _table(["#", "column", "source type", "null", "default", "comment"],
                  [[c.position, c.name, c.source_type, "yes" if c.nullable else "NOT NULL", c.default, c.comment]
                   for c in t.columns])
    cons = _table(["constraint", "kind", "definition", "where"],
                  [[c.name, c.kind, c.describe(), c.location] for c in t.constraints]) if t.constraints else ""
    idx = ", ".join(escape(i.name) for i in t.indexes)
    extra = f"<p>indexes: {idx}</p>" if idx else ""
    comment = f"<p><i>{escape(t.comment)}</i></p>" if t.comment else ""
    return f"<div>{title}{comment}{cols}{cons}{extra}</div>"


def inventory_html(inv) -> str:
    rows = [[kind, c.get("parsed", 0), c.get("partial", 0), c.get("unparsed", 0)] for kind, c in inv.summary().items()]
    head = (f"<b>Inventory of {escape(inv.engine.display)} scripts</b>: {len(inv.files)} files, "
            f"{len(inv.statements)} statements, {len(inv.objects)} objects, {len(inv.problems)} input problems")
    return f"<div>{head}{_table(['kind', 'parsed', 'partial', 'unparsed'], rows)}</div>"


def _register() -> None:
    from migplan.model import display

    display.register("table", table_html)
    display.register("inventory", inventory_html)


_register()
