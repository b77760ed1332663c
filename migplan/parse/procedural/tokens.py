"""Tokens for the procedural parser: migplan's lexer, plus what procedural code adds.

The lexer (migplan/ingest/lexer.py) already knows each dialect's strings, quoted names and
comments. On top of it this module joins the tokens a block parser needs whole, each with its
line in the input file:

    :=  ..  =>  <<  >>  <>  !=  <=  >=  <=>  ||  ::  **  +=  -=  *=  /=  %=     operators
    @v  @@v  (MySQL user/system variables; T-SQL's come as words already)   kind "var"
    :new  :b1  (Oracle binds and trigger pseudo-records)                    kind "var"
    $1  (PostgreSQL positional parameters),  $$flag  (Oracle inquiry)       kind "var"
    %TYPE  %ROWTYPE  %FOUND  %NOTFOUND  %ISOPEN  %ROWCOUNT ...               kind "attr"
    $IF  $THEN  $ELSIF  $ELSE  $END  $ERROR  (Oracle conditional compilation) kind "cc"

``N'...'`` (national strings) is one string token. A ``1..10`` range is split into ``1``, ``..``,
``10`` (the lexer reads ``1.`` as a number).
Comments and white space are dropped; the text of any node is still a slice of the input.
"""

from __future__ import annotations

from migplan.ingest.lexer import lexer_for
from migplan.parse.procedural.dialects import Flavor

# Kinds: word qident string number punct var attr cc error
_JOIN2 = {":=", "..", "=>", "<<", ">>", "<>", "!=", "<=", ">=", "||", "::", "**", "+=", "-=", "*=", "/=",
          "%=", "&=", "|=", "^=", "!<", "!>"}
_ATTRS = frozenset({"TYPE", "ROWTYPE", "FOUND", "NOTFOUND", "ISOPEN", "ROWCOUNT", "BULK_ROWCOUNT",
                    "BULK_EXCEPTIONS", "CHARSET"})
_CC = frozenset({"IF", "THEN", "ELSIF", "ELSE", "END", "ERROR"})
_MULTILINE = frozenset({"string", "qident", "error"})
_JOIN_FIRST = frozenset(":.=<>!|*+-/%&^@$")  # punctuation that can start a joined token


class Tok:
    """One token: ``kind``, its ``text`` as written, ``up`` (upper-case text of words, vars, attrs,
    cc directives; "" otherwise), the lines it starts and ends on, and its offsets in the text."""

    __slots__ = ("end", "kind", "last_line", "line", "start", "text", "up")

    def __init__(self, kind: str, text: str, line: int, start: int, end: int, last_line: int | None = None):
        self.kind = kind
        self.text = text
        self.up = text.upper() if kind in ("word", "var", "attr", "cc") else ""
        self.line = line
        self.last_line = line if last_line is None else last_line
        self.start = start
        self.end = end

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Tok({self.kind} {self.text!r} @{self.line})"


def tokenize(text: str, fl: Flavor, line: int = 1) -> list[Tok]:
    """Code tokens of ``text`` (which starts on input line ``line``)."""
    out: list[Tok] = []
    append = out.append
    count = text.count
    prev_end = -1
    prev_joinable = False  # only punctuation, numbers and an N before a string ever join the next token
    for kind, start, end in lexer_for(fl.splitter).tokens(text):
        if kind == "nl":
            line += 1
            continue
        if kind == "ws" or kind == "vopen" or kind == "vclose":
            continue
        if kind == "comment":
            line += count("\n", start, end)
            continue
        last = line + count("\n", start, end) if kind in _MULTILINE else line
        if kind == "word" and text[start] == "@":  # T-SQL lexes @v and @@v as words
            kind = "var"
        tok = Tok(kind, text[start:end], line, start, end, last)
        line = last
        if prev_joinable and prev_end == start and _join(out, tok, fl):
            last_tok = out[-1]
            prev_end = last_tok.end
            prev_joinable = last_tok.kind == "punct" and last_tok.text[0] in _JOIN_FIRST
            continue
        append(tok)
        prev_end = end
        prev_joinable = ((kind == "punct" and text[start] in _JOIN_FIRST)
                         or (kind == "number" and text[end - 1] == ".") or (kind == "word" and end - start == 1))
    return out


def _join(out: list[Tok], tok: Tok, fl: Flavor) -> bool:
    """Merge ``tok`` into the previous token when they form one procedural token; True if merged."""
    prev = out[-1]
    if prev.end != tok.start:
        return False
    if prev.kind == "word" and prev.up == "N" and tok.kind == "string" and tok.text[:1] == "'":
        out[-1] = Tok("string", prev.text + tok.text, prev.line, prev.start, tok.end, tok.last_line)  # N'...'
        return True
    if prev.kind == "punct":
        pair = prev.text + tok.text
        if tok.kind == "punct" and pair in _JOIN2:
            out[-1] = Tok("punct", pair, prev.line, prev.start, tok.end)
            return True
        if pair == "<=>" and prev.text == "<=":
            out[-1] = Tok("punct", pair, prev.line, prev.start, tok.end)
            return True
        if tok.kind in ("word", "qident", "string") and fl.at_variables and prev.text in ("@", "@@"):
            out[-1] = Tok("var", prev.text + tok.text, prev.line, prev.start, tok.end, tok.last_line)
            return True
        if tok.kind == "punct" and tok.text == "@" and prev.text == "@" and fl.at_variables:
            out[-1] = Tok("punct", "@@", prev.line, prev.start, tok.end)
            return True
        if tok.kind in ("word", "number") and prev.text == ":" and fl.bind_colon and not _before_colon_is_name(out) \
                and (tok.kind == "word" or tok.text.isdigit()):
            out[-1] = Tok("var", ":" + tok.text, prev.line, prev.start, tok.end)
            return True
        if tok.kind == "number" and prev.text == "$" and fl.dollar_params and tok.text.isdigit():
            out[-1] = Tok("var", "$" + tok.text, prev.line, prev.start, tok.end)
            return True
        if tok.kind == "punct" and tok.text == "$" and prev.text == "$" and fl.conditional_compilation:
            out[-1] = Tok("punct", "$$", prev.line, prev.start, tok.end)
            return True
        if tok.kind == "word" and prev.text in ("$", "$$") and fl.conditional_compilation:
            kind = "cc" if prev.text == "$" and tok.text.upper() in _CC else "var"
            out[-1] = Tok(kind, prev.text + tok.text, prev.line, prev.start, tok.end)
            return True
        if tok.kind == "word" and prev.text == "%" and (fl.cursor_attributes or fl.type_anchors) \
                and tok.text.upper() in _ATTRS:
            out[-1] = Tok("attr", "%" + tok.text, prev.line, prev.start, tok.end)
            return True
        return False
    if prev.kind == "number" and prev.text.endswith(".") and tok.text.startswith("."):
        # 1..10: the lexer read "1." and then "." or ".10"
        num = Tok("number", prev.text[:-1], prev.line, prev.start, prev.end - 1)
        dots = Tok("punct", "..", prev.line, prev.end - 1, tok.start + 1)
        out[-1:] = [num, dots]
        if tok.kind == "number" and len(tok.text) > 1:
            out.append(Tok("number", tok.text[1:], tok.line, tok.start + 1, tok.end))
        elif tok.kind != "punct" or tok.text != ".":
            out.append(Tok(tok.kind, tok.text[1:], tok.line, tok.start + 1, tok.end))  # pragma: no cover
        return True
    return False


def _before_colon_is_name(out: list[Tok]) -> bool:
    """``a:b`` (a label, a slice) is not a bind: the ':' follows a name with no space."""
    if len(out) < 2:
        return False
    before, colon = out[-2], out[-1]
    return before.end == colon.start and before.kind in ("word", "qident", "number")
