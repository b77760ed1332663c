"""C, C++ and embedded SQL (Oracle Pro*C/C++, Db2 and Informix ESQL/C, PostgreSQL ECPG).

Strings with their prefixes (``L``, ``u8``, ``u``, ``U``) and escapes, C++ raw strings
``R"delim(...)delim"``, character literals, comments, preprocessor lines (an object-like
``#define NAME "text"`` is kept as the assignment ``NAME = "text";`` so that SQL built from macros is
found; other directives are skipped), and ``EXEC SQL ... ;`` blocks, read up to the ``;`` outside
SQL quotes, or to ``END-EXEC;`` for ``EXEC SQL EXECUTE ... END-EXEC`` PL/SQL blocks. The ``esql``
token's text is what follows ``EXEC SQL``; its extra is the first word (``SELECT``, ``DECLARE`` ...).
"""

from __future__ import annotations

import re

from migplan.app.lexers.base import OPS, LexResult, Scanner, Token, unescape

_PATTERN = re.compile(
    r"(?P<c>//[^\n]*|/\*.*?(?:\*/|\Z)|\\\n)"
    r"|(?P<pp>^[ \t]*\#(?:[^\n\\]|\\.)*)"
    r"|(?P<esql>\b(?i:EXEC[ \t\n]+(?:SQL|ORACLE|TOOLS|IAF))\b)"
    r'|(?P<raw>(?:u8|u|U|L)?R"(?P<delim>[^()\\\s]{0,16})\()'
    r'|(?P<s>(?:u8|u|U|L)?"(?:[^"\\\n]|\\.)*")'
    r"|(?P<ch>(?:u8|u|U|L)?'(?:[^'\\\n]|\\.)+')"
    r"|(?P<id>[^\W\d]\w*)"
    r"|(?P<num>\.?\d[\w.']*(?:[eEpP][+-]\d+)?)"
    r"|(?P<bad>[\"'])"
    rf"|(?P<op>{OPS})",
    re.S | re.M,
)
_DEFINE = re.compile(r"[ \t]*\#[ \t]*define[ \t]+([^\W\d]\w*)(?!\()[ \t]*", re.S)
_ESQL_END = re.compile(r"'(?:[^']|'')*'?|\"[^\"]*\"?|--[^\n]*|/\*.*?(?:\*/|\Z)|;", re.S)
_END_EXEC = re.compile(r"\bEND-EXEC\b[ \t]*;?", re.I)


def tokenize(text: str) -> LexResult:
    out: list[Token] = []
    problems: list[tuple[int, str]] = []
    _lex(text, 0, len(text), out, problems)
    return LexResult(out, problems)


def _lex(text: str, pos: int, stop: int, out: list[Token], problems) -> None:
    sc = Scanner(_PATTERN, text, pos, stop)
    for m in sc:
        kind = m.lastgroup
        start, end = m.span()
        if kind == "c":
            continue
        if kind == "id" or kind == "op":
            out.append((kind, start, end, m.group(), None))
        elif kind == "s":
            body = m.group()
            out.append(("str", start, end, unescape(body[body.index('"') + 1:-1]), None))
        elif kind == "pp":
            d = _DEFINE.match(text, start, end)
            if d:  # NAME = <replacement> ;
                out.append(("id", d.start(1), d.end(1), d.group(1), None))
                out.append(("op", d.end(1), d.end(1), "=", None))
                _lex(text, d.end(), end, out, problems)
                out.append(("op", end, end, ";", None))
        elif kind == "raw":
            delim = m.group("delim")
            close = text.find(")" + delim + '"', end)
            if close < 0:
                problems.append((start, "unterminated raw string literal"))
                close = len(text)
            out.append(("str", start, close + len(delim) + 2, text[end:close], None))
            sc.seek(close + len(delim) + 2)
        elif kind == "esql":
            tok, pos = _esql(text, start, end, problems)
            out.append(tok)
            sc.seek(pos)
        elif kind == "bad":
            problems.append((start, "unterminated string literal"))
        elif kind != "delim":
            out.append(("num", start, end, m.group(), None))


def _esql(text: str, start: int, head_end: int, problems) -> tuple[Token, int]:
    """An EXEC SQL block: (esql, start, end, SQL text, first word)."""
    head = " ".join(text[start:head_end].split()).upper()
    body_start = head_end
    first = re.match(r"\s*([A-Za-z_-]+)", text[body_start:body_start + 80])
    word = first.group(1).upper() if first else ""
    if head == "EXEC SQL" and word == "EXECUTE" and re.match(r"\s*EXECUTE\s+(?:BEGIN|DECLARE)\b", text[body_start:],
                                                              re.I):
        e = _END_EXEC.search(text, body_start)
        if e is None:
            problems.append((start, "EXEC SQL EXECUTE without END-EXEC"))
            return ("esql", start, len(text), text[body_start:].strip(), word), len(text)
        sql = text[body_start:e.start()].strip()
        return ("esql", start, e.end(), sql, word), e.end()
    pos = body_start
    for m in _ESQL_END.finditer(text, body_start):
        if m.group() == ";":
            sql = text[body_start:m.start()].strip()
            if head != "EXEC SQL":
                word = head.split()[1]  # EXEC ORACLE / EXEC TOOLS / EXEC IAF: precompiler directives
            return ("esql", start, m.end(), sql, word), m.end()
        pos = m.end()
    problems.append((start, "EXEC SQL without a closing ';'"))
    return ("esql", start, len(text), text[body_start:].strip(), word), max(pos, len(text))
