"""A small SQL lexer: enough to know where strings, quoted names and comments start and end.

The splitter walks these tokens to find statement ends, the parse stage uses them to read headers
and strip clauses before sqlglot sees a statement, and the analysis stage scans procedural bodies
with them. It never needs to understand SQL, only to never mistake a ``;`` inside a string, a
quoted name or a comment for a terminator.

Tokens are ``(kind, start, end)`` tuples over the original text. Kinds:

    nl ws  comment  string  qident  number  word  punct  vopen vclose (MySQL /*! ... */)  error
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

Token = tuple[str, int, int]

_WORD = r"[A-Za-z_\u00c0-\uffff][\w$#\u00c0-\uffff]*"
_NUMBER = r"(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"


@dataclass(frozen=True)
class LexRules:
    """What a dialect's lexer recognises. One instance per splitter dialect."""

    name: str
    hash_comments: bool = False  # MySQL, BigQuery: '# ...'
    slash_comments: bool = False  # CQL, Snowflake: '// ...'
    nested_comments: bool = False  # PostgreSQL, SQL Server: /* /* */ */
    version_comments: bool = False  # MySQL: /*! ... */ is code
    mysql_dashdash: bool = False  # MySQL: '--' starts a comment only before white space
    backslash_strings: bool = False  # MySQL: '\'' escapes inside strings
    double_quote_strings: bool = False  # MySQL: "..." is a string, not a name
    escape_strings: bool = False  # PostgreSQL: E'...' with backslash escapes
    dollar_quotes: bool = False  # PostgreSQL, CQL, Snowflake: $tag$ ... $tag$
    q_quotes: bool = False  # Oracle: q'[ ... ]'
    bracket_names: bool = False  # SQL Server: [name]
    backtick_names: bool = False  # MySQL, BigQuery: `name`
    variable_words: bool = False  # SQL Server: @var, @@var, #temp are words


def _compile(rules: LexRules) -> re.Pattern[str]:
    parts = [r"(?P<nl>\n)", r"(?P<ws>[ \t\r\f\v]+)"]
    if rules.mysql_dashdash:
        parts.append(r"(?P<lc>--(?=[ \t\r\f\v\n]|$)[^\n]*)")
    else:
        parts.append(r"(?P<lc>--[^\n]*)")
    if rules.hash_comments:
        parts.append(r"(?P<hc>\#[^\n]*)")
    if rules.slash_comments:
        parts.append(r"(?P<sc>//[^\n]*)")
    parts.append(r"(?P<bc>/\*)")
    if rules.q_quotes:
        parts.append(r"(?P<qq>[nN]?[qQ]')")
    if rules.escape_strings:
        parts.append(r"(?P<es>[eE]'[^'\\]*(?:(?:\\.|'')[^'\\]*)*')")
    if rules.backslash_strings:
        parts.append(r"(?P<str>'[^'\\]*(?:(?:\\.|'')[^'\\]*)*')")
    else:
        parts.append(r"(?P<str>'[^']*(?:''[^']*)*')")
    if rules.double_quote_strings:
        parts.append(r'(?P<dstr>"[^"\\]*(?:(?:\\.|"")[^"\\]*)*")')
    else:
        parts.append(r'(?P<qid>"[^"]*(?:""[^"]*)*")')
    if rules.bracket_names:
        parts.append(r"(?P<bid>\[[^\]]*(?:\]\][^\]]*)*\])")
    if rules.backtick_names:
        parts.append(r"(?P<tid>`[^`]*(?:``[^`]*)*`)")
    if rules.dollar_quotes:
        parts.append(r"(?P<dq>\$(?:[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)?\$)")
    parts.append(rf"(?P<num>{_NUMBER})")
    if rules.variable_words:
        parts.append(rf"(?P<word>(?:@@?|\#\#?)?{_WORD}|@@?\w+)")
    else:
        parts.append(rf"(?P<word>{_WORD})")
    parts.append(r"(?P<punct>.)")
    return re.compile("|".join(parts), re.S)


_VERSION_OPEN = re.compile(r"/\*M?!\d*")  # MySQL/MariaDB version comment: /*!50001 ... */, /*M!100100
_KIND = {
    "nl": "nl", "ws": "ws", "lc": "comment", "hc": "comment", "sc": "comment", "es": "string",
    "str": "string", "dstr": "string", "qid": "qident", "bid": "qident", "tid": "qident",
    "num": "number", "word": "word", "punct": "punct",
}

_Q_CLOSE = {"[": "]", "(": ")", "{": "}", "<": ">"}


class Lexer:
    def __init__(self, rules: LexRules):
        self.rules = rules
        self._pattern = _compile(rules)
        self.errors: list[tuple[int, str]] = []

    def tokens(self, text: str, pos: int = 0, end: int | None = None) -> Iterator[Token]:
        """Yield tokens from ``pos``. Unterminated strings/comments yield one ``error`` token to the end."""
        match = self._pattern.match
        n = len(text) if end is None else end
        in_version = False
        rules = self.rules
        while pos < n:
            m = match(text, pos, n)
            if m is None:  # pragma: no cover - '.' with re.S always matches
                break
            group = m.lastgroup
            start, stop = m.start(), m.end()
            if group == "bc":
                if rules.version_comments and text.startswith(("/*!", "/*M!"), start):
                    vm = _VERSION_OPEN.match(text, start)
                    in_version = True
                    pos = vm.end() if vm else start + 3
                    yield ("vopen", start, pos)
                    continue
                close = self._block_comment_end(text, start, n)
                if close < 0:
                    yield ("error", start, n)
                    return
                yield ("comment", start, close)
                pos = close
                continue
            if group == "punct" and in_version and text.startswith("*/", start):
                in_version = False
                yield ("vclose", start, start + 2)
                pos = start + 2
                continue
            if group == "dq":
                tag = text[start:stop]
                close = text.find(tag, stop, n)
                if close < 0:
                    yield ("error", start, n)
                    return
                yield ("string", start, close + len(tag))
                pos = close + len(tag)
                continue
            if group == "qq":
                if stop >= n:
                    yield ("error", start, n)
                    return
                opener = text[stop]
                closer = _Q_CLOSE.get(opener, opener) + "'"
                close = text.find(closer, stop + 1, n)
                if close < 0:
                    yield ("error", start, n)
                    return
                yield ("string", start, close + 2)
                pos = close + 2
                continue
            if group == "punct" and text[start] in "'\"`[" and self._unterminated(text, start, group):
                yield ("error", start, n)
                return
            yield (_KIND[group or ""], start, stop)
            pos = stop

    def _unterminated(self, text: str, start: int, group: str) -> bool:
        ch = text[start]
        if ch == "'":
            return True
        if ch == '"':
            return True
        if ch == "`":
            return self.rules.backtick_names
        if ch == "[":
            return self.rules.bracket_names
        return False

    def _block_comment_end(self, text: str, start: int, n: int) -> int:
        if not self.rules.nested_comments:
            close = text.find("*/", start + 2, n)
            return -1 if close < 0 else close + 2
        depth = 0
        pos = start
        while pos < n:
            o = text.find("/*", pos, n)
            c = text.find("*/", pos, n)
            if c < 0:
                return -1
            if 0 <= o < c:
                depth += 1
                pos = o + 2
            else:
                depth -= 1
                pos = c + 2
                if depth == 0:
                    return pos
        return -1


# The rule sets per splitter dialect (see engines.toml `splitter`).
RULES: dict[str, LexRules] = {
    "oracle": LexRules("oracle", q_quotes=True),
    "tsql": LexRules("tsql", nested_comments=True, bracket_names=True, variable_words=True),
    "mysql": LexRules(
        "mysql", hash_comments=True, version_comments=True, mysql_dashdash=True,
        backslash_strings=True, double_quote_strings=True, backtick_names=True,
    ),
    "postgres": LexRules("postgres", nested_comments=True, escape_strings=True, dollar_quotes=True),
    # Redshift keeps PostgreSQL's $$ quoting but reads backslash escapes in plain strings ('\'').
    "redshift": LexRules("redshift", escape_strings=True, dollar_quotes=True, backslash_strings=True),
    "teradata": LexRules("teradata"),
    "db2": LexRules("db2"),
    "cql": LexRules("cql", slash_comments=True, dollar_quotes=True),
    "snowflake": LexRules("snowflake", slash_comments=True, dollar_quotes=True),
    "bigquery": LexRules("bigquery", hash_comments=True, backtick_names=True, backslash_strings=True,
                         double_quote_strings=True),
    "generic": LexRules("generic"),
}

_LEXERS: dict[str, Lexer] = {}


def lexer_for(dialect: str) -> Lexer:
    lx = _LEXERS.get(dialect)
    if lx is None:
        lx = _LEXERS[dialect] = Lexer(RULES.get(dialect, RULES["generic"]))
    return lx


def code_tokens(text: str, dialect: str) -> list[Token]:
    """All tokens except white space and comments (the MySQL version-comment markers are dropped too)."""
    return [t for t in lexer_for(dialect).tokens(text) if t[0] not in ("ws", "nl", "comment", "vopen", "vclose")]


def code_text(text: str, dialect: str) -> str:
    """The text with comments blanked out (same length and line breaks, so positions still match).

    MySQL version comments keep their content: ``/*!40101 SET x=1 */`` becomes ``         SET x=1   ``.
    """
    out = list(text)
    for kind, start, end in lexer_for(dialect).tokens(text):
        if kind in ("comment", "vopen", "vclose"):
            for i in range(start, end):
                if out[i] != "\n":
                    out[i] = " "
    return "".join(out)


def word_upper(text: str, tok: Token) -> str:
    """Upper-cased text of a word token (unquoted), '' for other tokens."""
    return text[tok[1]:tok[2]].upper() if tok[0] == "word" else ""


def unquote(name: str) -> tuple[str, bool]:
    """Strip SQL quoting from one identifier part; return (name, was_quoted)."""
    if len(name) >= 2 and name[0] in '"[`' and name[-1] in '"]`':
        q = name[-1]
        return name[1:-1].replace(q + q, q), True
    return name, False
