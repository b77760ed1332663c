"""Small inline SVG charts for the HTML report: horizontal bars, stacked bars and low-high ranges.

Our own code rather than matplotlib or a JS library: the bytes are deterministic (same numbers, same
SVG), nothing is fetched, and the report stays one file. Every chart has a <title> and <desc> for
screen readers and prints its numbers as text next to the bars, so colour is never the only cue.
"""

from __future__ import annotations

from html import escape

FONT_PX = 12
ROW = 22
BAR = 14
TOP = 8


def text_width(text: str, px: float = FONT_PX) -> float:
    """A generous estimate of rendered width in the sans-serif stack (DejaVu Sans is among the widest):
    enough to size label columns and boxes without measuring in a browser."""
    em = 0.0
    for ch in text:
        if ch in "iljtf.,:;'|!() ":
            em += 0.34
        elif ch in "MWmw@%":
            em += 0.9
        elif ch.isupper() or ch.isdigit() or ch in "_#&":
            em += 0.7
        else:
            em += 0.6
    return em * px


def _w(text: str) -> float:
    return text_width(text)


def _f(x: float) -> str:
    """Coordinates with one decimal and no trailing zero: stable, compact text."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _open(cid: str, title: str, desc: str, width: float, height: float) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {_f(width)} {_f(height)}" '
            f'width="{_f(width)}" height="{_f(height)}" role="img" aria-labelledby="{cid}-t {cid}-d">'
            f'<title id="{cid}-t">{escape(title)}</title><desc id="{cid}-d">{escape(desc)}</desc>')


def bar_chart(cid: str, title: str, rows: list[tuple[str, float, str]], *, width: int = 460,
              unit: str = "") -> str:
    """One horizontal bar per (label, value, colour), the value written after the bar."""
    label_w = min(190.0, max([_w(r[0]) for r in rows] + [40.0]) + 10)
    value_w = max([_w(_num(r[1]) + unit) for r in rows] + [20.0]) + 8
    bar_w = max(60.0, width - label_w - value_w)
    top = max([r[1] for r in rows] + [0.0]) or 1.0
    height = TOP + ROW * max(1, len(rows)) + 4
    desc = "; ".join(f"{label}: {_num(v)}{unit}" for label, v, _ in rows) or "nothing to show"
    out = [_open(cid, title, desc, width, height)]
    if not rows:
        out.append(f'<text x="0" y="{TOP + 14}" class="muted">none</text>')
    for n, (label, value, colour) in enumerate(rows):
        y = TOP + n * ROW
        w = bar_w * value / top
        out.append(_label(label, label_w, y))
        out.append(f'<rect x="{_f(label_w)}" y="{y}" width="{_f(max(w, 1 if value else 0))}" height="{BAR}" '
                   f'fill="{escape(colour)}"/>')
        out.append(f'<text x="{_f(label_w + w + 4)}" y="{_f(y + BAR - 2)}">{_num(value)}{escape(unit)}</text>')
    out.append("</svg>")
    return "".join(out)


def stacked_chart(cid: str, title: str, rows: list[tuple[str, list[float]]], series: list[tuple[str, str]],
                  *, width: int = 460) -> str:
    """One stacked bar per row; series are (name, colour); segment counts written inside when they fit."""
    legend_h = 20
    label_w = min(190.0, max([_w(r[0]) for r in rows] + [40.0]) + 10)
    total_w = max([_w(_num(sum(v))) for _, v in rows] + [20.0]) + 8
    bar_w = max(60.0, width - label_w - total_w)
    top = max([sum(v) for _, v in rows] + [0.0]) or 1.0
    height = legend_h + TOP + ROW * max(1, len(rows)) + 4
    desc = "; ".join(f"{label}: " + ", ".join(f"{_num(v)} {name}" for (name, _), v in zip(series, values)) for
                     label, values in rows) or "nothing to show"
    out = [_open(cid, title, desc, width, height)]
    x = 0.0
    for name, colour in series:  # legend
        out.append(f'<rect x="{_f(x)}" y="4" width="10" height="10" fill="{escape(colour)}"/>')
        out.append(f'<text x="{_f(x + 14)}" y="13">{escape(name)}</text>')
        x += 14 + _w(name) + 12
    for n, (label, values) in enumerate(rows):
        y = legend_h + TOP + n * ROW
        out.append(_label(label, label_w, y))
        x = label_w
        for (name, colour), v in zip(series, values):
            if not v:
                continue
            w = bar_w * v / top
            out.append(f'<rect x="{_f(x)}" y="{y}" width="{_f(w)}" height="{BAR}" fill="{escape(colour)}">'
                       f'<title>{escape(label)}: {_num(v)} {escape(name)}</title></rect>')
            if w >= _w(_num(v)) + 4:
                out.append(f'<text x="{_f(x + w / 2)}" y="{_f(y + BAR - 3)}" text-anchor="middle" class="in">'
                           f'{_num(v)}</text>')
            x += w
        out.append(f'<text x="{_f(x + 4)}" y="{_f(y + BAR - 2)}">{_num(sum(values))}</text>')
    out.append("</svg>")
    return "".join(out)


def range_chart(cid: str, title: str, rows: list[tuple[str, float, float]], *, width: int = 460,
                colour: str = "#4e79a7", unit: str = " h") -> str:
    """Low-high ranges: a solid bar to the low value, a light one on to the high value, both written."""
    label_w = min(190.0, max([_w(r[0]) for r in rows] + [40.0]) + 10)
    value_w = max([_w(f"{_num(lo)}–{_num(hi)}{unit}") for _, lo, hi in rows] + [20.0]) + 8
    bar_w = max(60.0, width - label_w - value_w)
    top = max([r[2] for r in rows] + [0.0]) or 1.0
    height = TOP + ROW * max(1, len(rows)) + 4
    desc = "; ".join(f"{label}: {_num(lo)} to {_num(hi)}{unit}" for label, lo, hi in rows) or "nothing to show"
    out = [_open(cid, title, desc, width, height)]
    if not rows:
        out.append(f'<text x="0" y="{TOP + 14}" class="muted">none</text>')
    for n, (label, lo, hi) in enumerate(rows):
        y = TOP + n * ROW
        wl, wh = bar_w * lo / top, bar_w * hi / top
        out.append(_label(label, label_w, y))
        out.append(f'<rect x="{_f(label_w)}" y="{y}" width="{_f(wh)}" height="{BAR}" fill="{escape(colour)}" '
                   f'fill-opacity="0.35"/>')
        out.append(f'<rect x="{_f(label_w)}" y="{y}" width="{_f(wl)}" height="{BAR}" fill="{escape(colour)}"/>')
        value = _num(lo) if _num(lo) == _num(hi) else f"{_num(lo)}–{_num(hi)}"
        out.append(f'<text x="{_f(label_w + wh + 4)}" y="{_f(y + BAR - 2)}">{value}{escape(unit)}</text>')
    out.append("</svg>")
    return "".join(out)


def _label(label: str, label_w: float, y: float) -> str:
    """A row label, right-aligned against the bars."""
    return (f'<text x="{_f(label_w - 8)}" y="{_f(y + BAR - 2)}" text-anchor="end">{escape(_clip(label, label_w))}'
            "</text>")


def _clip(text: str, width: float) -> str:
    """Shorten a label to its column; the full text stays in the chart's <desc>."""
    if text_width(text) <= width - 10:
        return text
    while text and text_width(text + "…") > width - 10:
        text = text[:-1]
    return text + "…"
