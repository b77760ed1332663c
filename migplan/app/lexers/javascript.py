"""JavaScript and TypeScript: quotes with escapes, template literals whose ``${holes}`` become
splices (nested templates included), tagged templates (``sql`...```: the tag is kept, since for
SQL tags a hole is a bind parameter, not text), regular-expression literals (told from a division
by what precedes them), comments.
"""

from __future__ import annotations

import re

from migplan.app.lexers.base import OPS, Interp, LexResult, Scanner, Token, hole_end, unescape

_PATTERN = re.compile(
    r"(?P<c>//[^\n]*|/\*.*?(?:\*/|\Z))"
    r"|(?P<t>`)"
    r"|(?P<s>'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\")"
    r"|(?P<id>[^\W\d][\w$]*|[$#][\w$]*)"
    r"|(?P<num>\.?\d[\w.]*(?:[eE][+-]\d+)?)"
    r"|(?P<re>/)"
    r"|(?P<bad>['\"])"
    rf"|(?P<op>{OPS})",
    re.S,
)
_REGEX_BODY = re.compile(r"/(?:[^/\\\[\n]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[a-z]*")
# After these, a '/' starts a regular expression; after a name, a number or a closing bracket, a division.
_REGEX_AFTER_WORDS = frozenset({"return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void",
                                "throw", "instanceof", "yield", "await"})


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
            out.append(("str", start, end, unescape(text[start + 1:end - 1]), None))
        elif kind == "t":
            tag = _tag(out, start)
            tok, pos = _template(text, start, tag, problems)
            out.append(tok)
            sc.seek(pos)
        elif kind == "re":
            if _regex_allowed(out):
                rm = _REGEX_BODY.match(text, start)
                if rm:
                    out.append(("num", start, rm.end(), rm.group(), None))
                    sc.seek(rm.end())
                    continue
            # '/=' is an operator too
            if text.startswith("/=", start):
                out.append(("op", start, start + 2, "/=", None))
                sc.seek(start + 2)
            else:
                out.append(("op", start, end, "/", None))
        elif kind == "bad":
            problems.append((start, "unterminated string literal"))
        else:
            out.append(("num", start, end, m.group(), None))


def _regex_allowed(out: list[Token]) -> bool:
    if not out:
        return True
    kind, _, _, text, _ = out[-1]
    if kind == "id":
        return text in _REGEX_AFTER_WORDS
    if kind in ("num", "str"):
        return False
    return text not in (")", "]", "}", "++", "--")


def _tag(out: list[Token], start: int) -> str | None:
    """``sql`...``` or ``Prisma.sql`...```: the name right before the backtick, dots included."""
    if not out or out[-1][0] != "id" or out[-1][2] != start:
        return None
    parts = [out[-1][3]]
    j = len(out) - 2
    while j >= 1 and out[j][3] == "." and out[j - 1][0] == "id":
        parts.insert(0, out[j - 1][3])
        j -= 2
    return ".".join(parts)


def _template(text: str, start: int, tag: str | None, problems) -> tuple[Token, int]:
    parts: list[str | tuple[str, str]] = []
    lit: list[str] = []
    i = start + 1
    n = len(text)
    while i < n:
        c = text[i]
        if c == "`":
            break
        if c == "\\":
            lit.append(unescape(text[i:i + 2]))
            i += 2
            continue
        if c == "$" and text.startswith("${", i):
            close = _hole_end(text, i + 2)
            expr = text[i + 2:close].strip()
            if lit:
                parts.append("".join(lit))
                lit = []
            parts.append((expr, "${" + expr + "}"))
            i = close + 1
            continue
        lit.append(c)
        i += 1
    if i >= n:
        problems.append((start, "unterminated template literal"))
        end = n
    else:
        end = i + 1
    if lit:
        parts.append("".join(lit))
    if not tag and not any(isinstance(p, tuple) for p in parts):
        return ("str", start, end, "".join(p for p in parts if isinstance(p, str)), None), end
    return ("str", start, end, "", Interp(tuple(parts), tag)), end


def _hole_end(text: str, pos: int) -> int:
    """End of a ``${...}`` hole: nested templates inside it are skipped whole."""
    depth = 0
    i = pos
    n = len(text)
    while i < n:
        c = text[i]
        if c == "`":
            _, i = _template(text, i, None, [])
            continue
        if c in "'\"":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            if depth == 0:
                return i
            depth -= 1
        i += 1
    return hole_end(text, pos)
