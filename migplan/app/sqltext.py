"""Placeholders and splices in the SQL text an application builds, and the masked text sqlglot reads.

Bind placeholders (``?``, ``:name``, ``@name``, ``$1``, ``%s``, ``%(name)s``, ``#{name}``) are found
outside SQL string literals, quoted names and comments. Which forms count depends on the language
(its drivers) and on how the text is used: ``%s`` is a DB-API placeholder in Python but a format
specifier when the string goes through ``%`` or ``String.format``; ``{0}`` is a splice only in a
format string. For sqlglot, every placeholder becomes ``:__mpN`` (a named placeholder every sqlglot
dialect reads) and every splice the identifier ``__mpsN``; :func:`restore` puts the application's
text back into SQL written from the masked tree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from migplan.model.app import Placeholder, Splice

FORMAT_PERCENT = "fmt%"  # String.format, sprintf, fmt.Sprintf, Python's %
FORMAT_BRACES = "fmt{}"  # C# string.Format, MessageFormat, Python's str.format
BRACE_BINDS = "binds{}"  # Entity Framework's raw SQL: {0} is a bind parameter

# Which optional placeholder forms a language's drivers use.
AT_NAMES = frozenset({"csharp"})  # ADO.NET providers (SqlClient, MySqlConnector, Npgsql), Dapper
AT_NAMES_TSQL = frozenset({"javascript", "typescript", "go"})  # tedious/mssql, go-mssqldb: on SQL Server only
PYFORMAT = frozenset({"python"})  # DB-API paramstyle format / pyformat

_SCAN = re.compile(
    r"(?P<skip>'(?:[^']|'')*'?|\"(?:[^\"]|\"\")*\"?|`[^`]*`?|--[^\n]*|/\*.*?(?:\*/|\Z)"
    r"|\$(?P<tag>[A-Za-z_]\w*)?\$.*?\$(?P=tag)?\$|::|:=|@@\w+|%%)"
    r"|(?P<mybind>\#\{[^}]*\})"
    r"|(?P<mysplice>\$\{[^}]*\})"
    r"|(?P<pyname>%\((?P<pyn>[A-Za-z_]\w*)\)[sdrfi])"
    r"|(?P<pct>%[-+ #0]*\d*(?:\.\d+)?(?:l{0,2}|h)[sdifFeEgGxXoucb])"
    r"|(?P<qn>\?\d+)"
    r"|(?P<q>\?)"
    r"|(?P<colon>(?<![\w:]):(?P<cn>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|\d+)"
    r"(?P<ind>(?:[ \t]*INDICATOR[ \t]*)?:[A-Za-z_]\w*)?)"
    r"|(?P<at>(?<![\w@])@(?P<an>[A-Za-z_]\w*))"
    r"|(?P<dollar>(?<![\w$])\$(?P<dn>\d+))"
    r"|(?P<brace>\{(?P<bn>\d+|[A-Za-z_]\w*|)(?::[^{}]*)?\})",
    re.S | re.I,
)
_PERCENT_SPEC = re.compile(r"%%|%\((?P<n>[A-Za-z_]\w*)\)[sdrfi]|%[-+ #0]*\d*(?:\.\d+)?(?:l{0,2}|h)[sdifFeEgGxXoucb]")
_BRACE_SPEC = re.compile(r"\{\{|\}\}|\{(?P<n>\d+|[A-Za-z_]\w*)?(?:[:!][^{}]*)?\}")
_EXEC = re.compile(r"\s*EXEC(?:UTE)?\s", re.I)
_NAMED_ARG = re.compile(r"\s*=(?!=)")
_DECLARED = re.compile(r"\bDECLARE\s+(@\w+)|\bDECLARE\s+@\w+[^;]*?,\s*(@\w+)", re.I)


@dataclass
class Marked:
    """The SQL text with its placeholders and splices, and the masked text for sqlglot."""

    sql: str
    placeholders: list[Placeholder]
    splices: list[Splice]
    masked: str
    masks: dict[str, str]  # dummy token -> the application's text


def mark(sql: str, language: str, known_splices: list[Splice], formats: set[str], host_vars: bool = False,
         mybatis: bool = False, known_placeholders: Sequence[Placeholder] = (), dialect: str = "") -> Marked:
    """Find placeholders and format splices in ``sql``; ``known_splices`` and ``known_placeholders``
    are spans the code itself made (interpolation holes, concatenated values), never scanned inside."""
    placeholders: list[Placeholder] = list(known_placeholders)
    splices: list[Splice] = list(known_splices)
    skip = sorted([(s.start, s.start + len(s.text)) for s in known_splices] +
                  [(p.start, p.start + len(p.text)) for p in known_placeholders])
    declared = {m.lower() for g in _DECLARED.findall(sql) for m in g if m}
    exec_call = bool(_EXEC.match(sql))  # EXEC proc @Param = value: @Param names a parameter
    at_names = language in AT_NAMES or (language in AT_NAMES_TSQL and dialect == "tsql")
    pos = 0
    for lo, hi in skip + [(len(sql), len(sql))]:
        if formats & {FORMAT_PERCENT, FORMAT_BRACES}:  # format specs count inside SQL quotes too
            spec = _PERCENT_SPEC if FORMAT_PERCENT in formats else _BRACE_SPEC
            splices.extend(Splice(m.group(), m.group("n") or m.group(), m.start())
                           for m in spec.finditer(sql, pos, lo) if m.group() not in ("%%", "{{", "}}"))
        for m in _SCAN.finditer(sql, pos, lo):
            _classify(m, sql, language, formats, host_vars, mybatis, declared, exec_call and at_names, at_names,
                      placeholders, splices)
        pos = max(pos, hi)
    placeholders.sort(key=lambda p: p.start)
    splices.sort(key=lambda s: s.start)
    masked, masks = _mask(sql, placeholders, splices)
    return Marked(sql, placeholders, splices, masked, masks)


def _classify(m: re.Match[str], sql: str, language: str, formats: set[str], host_vars: bool, mybatis: bool,
              declared: set[str], exec_call: bool, at_names: bool, placeholders: list[Placeholder],
              splices: list[Splice]) -> None:
    kind = m.lastgroup
    text = m.group()
    start = m.start()
    pct = FORMAT_PERCENT in formats
    if kind == "skip" or kind == "tag":
        return
    if kind == "mybind":
        name = text[2:-1].split(",")[0].strip()
        placeholders.append(Placeholder(text, "#{name}", name or None, start))
    elif kind == "mysplice":
        if mybatis:
            splices.append(Splice(text, text[2:-1].strip(), start))
    elif kind == "pyname":
        if not pct and language in PYFORMAT:
            placeholders.append(Placeholder(text, "%(name)s", m.group("pyn"), start))
    elif kind == "pct":
        if not pct and language in PYFORMAT and text == "%s":
            placeholders.append(Placeholder(text, "%s", None, start))
    elif kind == "qn":
        placeholders.append(Placeholder(text, "?n", text[1:], start))
    elif kind == "q":
        placeholders.append(Placeholder(text, "?", None, start))
    elif kind == "colon":
        name = m.group("cn")
        style = ":host" if host_vars else (":n" if name.isdigit() else ":name")
        placeholders.append(Placeholder(text, style, name, start))
    elif kind == "at":
        if at_names and text.lower() not in declared and not (exec_call and _NAMED_ARG.match(sql, m.end())):
            placeholders.append(Placeholder(text, "@name", m.group("an"), start))
    elif kind == "dollar":
        placeholders.append(Placeholder(text, "$n", m.group("dn"), start))
    elif kind == "brace":
        if BRACE_BINDS in formats and m.group("bn").isdigit():
            placeholders.append(Placeholder(text, "{n}", m.group("bn"), start))



def _mask(sql: str, placeholders: list[Placeholder], splices: list[Splice]) -> tuple[str, dict[str, str]]:
    spans: list[tuple[int, int, str]] = []
    masks: dict[str, str] = {}
    for n, p in enumerate(placeholders):
        token = f":__mp{n}"
        spans.append((p.start, p.start + len(p.text), token))
        masks[token] = p.text
    for n, s in enumerate(splices):
        token = f"__mps{n}"
        spans.append((s.start, s.start + len(s.text), token))
        masks[token] = s.text
    spans.sort()
    out: list[str] = []
    pos = 0
    for lo, hi, token in spans:
        if lo < pos:  # overlapping marks (a format spec inside a splice): keep the first
            continue
        out.append(sql[pos:lo])
        out.append(token)  # glued to a word ("tbl_${x}") it stays one identifier
        pos = hi
    out.append(sql[pos:])
    return "".join(out), masks


def without_splices(masked: str) -> str:
    """The masked text with every splice left out: the second try when a splice stands for SQL
    words rather than a name or a value (``ORDER BY x ${direction}``)."""
    return re.sub(r"__mps\d+", "", masked)


def restore(sql: str, masks: dict[str, str]) -> str:
    """Put the application's placeholders and splices back into SQL written from a masked tree."""
    if not masks:
        return sql
    pattern = re.compile("|".join(re.escape(k) for k in sorted(masks, key=len, reverse=True)))
    return pattern.sub(lambda m: masks[m.group()], sql)
