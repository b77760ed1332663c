"""Escaping for every text output a user opens: Markdown (plan.md, cdc_readiness.md, report.md) and
CSV meant for spreadsheets. Nothing a script holds (a name, a comment, a message) can become
markup, a link, a formula or a second row. SQL has its own module: ``migplan.quoting``.

Markdown: table cells escape ``|``, newlines and markup; names go in code spans; code in fenced
blocks whose fence is longer than any backtick run inside.

CSV: OWASP's rule for CSV injection — a text cell that starts with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return gets a leading ``'`` so a spreadsheet shows it as text instead of
evaluating it (https://owasp.org/www-community/attacks/CSV_Injection).
"""

from __future__ import annotations

import re
from collections.abc import Set
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

_MD_SPECIAL = re.compile(r"([\\`*\[\]])")
_LONE_UNDERSCORE = re.compile(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")  # intraword _ is not emphasis in GFM
_ENTITY = re.compile(r"&(?=#?\w+;)")


def text(value: object) -> str:
    """Prose: Markdown and HTML markup shown as typed, never interpreted."""
    s = "" if value is None else str(value)
    s = _ENTITY.sub("&amp;", s)
    s = s.replace("<", "&lt;")  # no tag can start; a lone > is harmless (line-start > is handled below)
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = _LONE_UNDERSCORE.sub(r"\\_", s)
    s = re.sub(r"^(\s*)([#>+-])", r"\1\\\2", s, flags=re.MULTILINE)  # headings, quotes, lists at a line start
    return s


def cell(value: object) -> str:
    """Prose for a table cell: newlines as <br> (table() escapes the pipes)."""
    return text(value).replace("\r\n", "\n").replace("\n", "<br>")


def code(value: object) -> str:
    """An inline code span that survives backticks inside it (in a table, table() escapes its pipes)."""
    s = ("" if value is None else str(value)).replace("\r\n", " ").replace("\n", " ")
    if not s:
        return ""
    ticks = max((len(m) for m in re.findall(r"`+", s)), default=0) + 1
    fence = "`" * ticks
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def fenced(body: str, lang: str = "") -> str:
    body = "" if body is None else str(body)
    ticks = max([3] + [len(m) + 1 for m in re.findall(r"`{3,}", body)])
    fence = "`" * ticks
    return f"{fence}{lang}\n{body.rstrip(chr(10))}\n{fence}"


def table(headers: list[str], rows: list[list[str]], right: Set[int] = frozenset()) -> str:
    """Cells come escaped by cell() or code(); pipes (code spans included: GFM splits cells before it
    reads code spans) and stray newlines are escaped here so a row stays one row."""
    def row(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>") for c in cells) + " |"

    sep = "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|"
    return "\n".join([row(headers), sep] + [row(r) for r in rows])


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A cell value a spreadsheet will not evaluate: text starting like a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_frame(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` with every text cell (and the headers) passed through :func:`csv_cell`."""
    from pandas.api.types import is_object_dtype, is_string_dtype

    out = df.copy()
    for col in out.columns:
        dtype = out[col].dtype
        if is_object_dtype(dtype) or is_string_dtype(dtype) or str(dtype) == "category":
            out[col] = out[col].map(csv_cell)
    out.columns = [csv_cell(c) for c in out.columns]
    return out


def write_csv(df: pd.DataFrame, path: Any) -> None:
    """``df`` as a spreadsheet-safe CSV file (UTF-8, \\n line ends, no index)."""
    csv_frame(df).to_csv(path, index=False, lineterminator="\n")
