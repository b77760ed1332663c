"""Where migplan hands text to sqlglot, and checks that nothing was lost on the way.

sqlglot can drop tokens silently (an Oracle ``IS BEGIN UPDATE ...`` body, physical clauses) or
fall back to ``exp.Command``. So every tree we keep is checked: the identifiers, strings and
numbers of the source text must all appear again when the tree is written back in the same
dialect. What is missing is reported as lost.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from functools import cache

import sqlglot
from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ErrorLevel, ParseError, TokenError
from sqlglot.tokens import TokenType

from migplan.parse.depth import recursion_message, recursion_room, too_deep

logging.getLogger("sqlglot").setLevel(logging.ERROR)  # we report Command fallbacks ourselves

_SIGNIFICANT = {TokenType.VAR, TokenType.IDENTIFIER, TokenType.STRING, TokenType.NUMBER,
                TokenType.NATIONAL_STRING, TokenType.BIT_STRING, TokenType.HEX_STRING,
                TokenType.BYTE_STRING, TokenType.RAW_STRING}


# Date/time unit words that sqlglot normalises (yy -> YEAR, seconds -> SECOND).
_DATE_PARTS = frozenset([
    "yy", "yyyy", "year", "years", "qq", "q", "quarter", "quarters", "mm", "m", "month", "months", "dy", "y",
    "dayofyear", "dd", "d", "day", "days", "wk", "ww", "week", "weeks", "dw", "w", "weekday", "hh", "hour", "hours",
    "mi", "n", "minute", "minutes", "ss", "s", "second", "seconds", "ms", "millisecond", "milliseconds", "mcs",
    "microsecond", "microseconds", "ns", "nanosecond", "nanoseconds", "tzoffset", "tz", "iso_week", "isowk", "isoww",
    "epoch", "dow", "doy",
])


# Words of multi-word type names that sqlglot reads into one type and writes back shorter
# (``timestamp without time zone`` -> TIMESTAMP): understood, not lost.
_TYPE_PHRASES = re.compile(r"\b(?:with(?:out)?\s+(?:local\s+)?time\s+zone)\b", re.I)
# Oracle TRANSLATE(x USING CHAR_CS | NCHAR_CS) is TO_CHAR(x) / TO_NCHAR(x); sqlglot 30 reads only the
# three-argument TRANSLATE.
_TRANSLATE_USING = {"CHAR_CS": "TO_CHAR", "NCHAR_CS": "TO_NCHAR"}


# Db2 special registers are two words (CURRENT TIMESTAMP); sqlglot reads the one-word forms.
_DB2_REGISTERS = frozenset({"TIMESTAMP", "DATE", "TIME", "SCHEMA", "SERVER", "USER", "PATH", "TIMEZONE", "MEMBER",
                            "SQLID", "DEGREE", "ISOLATION", "CLIENT_ACCTNG", "CLIENT_APPLNAME", "CLIENT_USERID",
                            "CLIENT_WRKSTNNAME", "DBPARTITIONNUM", "EXPLAIN", "QUERY", "REFRESH", "MAINTAINED",
                            "FEDERATED", "IMPLICIT", "LOCALE", "LOCK", "MDC", "OPTIMIZATION", "PACKAGE",
                            "TEMPORAL", "DECFLOAT", "DEFAULT", "APPLICATION", "ROUTINE"})
# Db2 special registers of several words after CURRENT: read as one name (CURRENT_LOCK_TIMEOUT)
_DB2_REGISTER_WORDS = {
    "DECFLOAT": ("ROUNDING", "MODE"), "DEFAULT": ("TRANSFORM", "GROUP"), "EXPLAIN": ("MODE",), "LOCK": ("TIMEOUT",),
    "QUERY": ("OPTIMIZATION",), "REFRESH": ("AGE",), "IMPLICIT": ("XMLPARSE", "OPTION"), "LOCALE": ("LC_TIME",),
    "MDC": ("ROLLOUT", "MODE"), "OPTIMIZATION": ("PROFILE",), "PACKAGE": ("PATH",), "MAINTAINED": ("TABLE", "TYPES"),
    "FEDERATED": ("ASYNCHRONY",), "TEMPORAL": ("SYSTEM_TIME",), "APPLICATION": ("COMPATIBILITY",),
    "ROUTINE": ("PATH",),
}
# Db2 string length units: VARCHAR(128 OCTETS), CHARACTER_LENGTH(x USING CODEUNITS32).
_DB2_UNITS = frozenset({"OCTETS", "CODEUNITS16", "CODEUNITS32"})


def prepare(text: str, dialect_name: str | None, source: str | None = None) -> str:
    """Rewrite constructs sqlglot cannot read into equivalent ones it can (same meaning).
    ``source`` is the script dialect (splitter name) when it differs from sqlglot's (Db2 is read
    with sqlglot's generic dialect)."""
    if dialect_name == "oracle" and "USING" in text.upper():
        text = _translate_using(text)
    if source == "db2":
        text = _db2_words(text)
    return text


# Db2 labeled durations (CURRENT DATE - 30 DAYS, d + t.n MONTHS): the unit words, singular or plural.
_DB2_DURATIONS = {u + s: u for u in ("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "MICROSECOND")
                  for s in ("", "S")}
# A query's isolation clause (WITH UR | CS | RS | RR [USE AND KEEP ... LOCKS]) at its end.
_DB2_ISOLATION = re.compile(r"\s+WITH\s+(?:UR|CS|RS|RR)(?:\s+USE\s+AND\s+KEEP\s+(?:SHARE|UPDATE|EXCLUSIVE)"
                            r"\s+LOCKS)?\s*;?\s*$", re.I)


def db2_isolation(text: str) -> str | None:
    """The isolation clause ending a Db2 query (``WITH UR``), if any."""
    m = _DB2_ISOLATION.search(_strip_comments_tail(text))
    return " ".join(m.group(0).split()).rstrip(";").strip() if m else None


def _strip_comments_tail(text: str) -> str:
    return re.sub(r"(?:\s*--[^\n]*)+\s*$", "", text)


def _db2_durations(text: str) -> str:
    """``x + 30 DAYS`` -> ``x + INTERVAL '30' DAY``; ``x + t.n MONTHS`` -> ``x + INTERVAL (t.n) MONTH``: a
    labeled duration is an interval, which sqlglot reads (and writes per target)."""
    from migplan.ingest.lexer import code_tokens

    toks = code_tokens(text, "db2")
    kinds = [k for k, _s, _e in toks]
    words = [text[s:e].upper() for _k, s, e in toks]
    edits: list[tuple[int, int, str]] = []
    for i, w in enumerate(words):
        unit = _DB2_DURATIONS.get(w)
        if unit is None or kinds[i] != "word" or i < 2:
            continue
        if i + 1 < len(toks) and words[i + 1] in ("(", "."):
            continue  # DAY(x) is a function, t.DAY a column
        j = i - 1  # the operand: a number, a (qualified) name or a parenthesised group
        if kinds[j] == "number":
            start = j
        elif words[j] == ")":
            depth, start = 0, j
            while start >= 0:
                depth += (words[start] == ")") - (words[start] == "(")
                if depth == 0:
                    break
                start -= 1
            if start < 0 or (start and kinds[start - 1] in ("word", "qident") and words[start - 1] not in ("+", "-")):
                continue  # f(x) DAYS: a call's result, kept only when it is a plain group
        elif kinds[j] in ("word", "qident"):
            start = j
            while start >= 2 and words[start - 1] == "." and kinds[start - 2] in ("word", "qident"):
                start -= 2
        else:
            continue
        before = words[start - 1] if start else ""
        if before not in ("+", "-"):
            continue
        operand = text[toks[start][1]:toks[j][2]]
        amount = f"'{operand}'" if kinds[j] == "number" and start == j else f"({operand})" \
            if not operand.startswith("(") else operand
        edits.append((toks[start][1], toks[i][2], f"INTERVAL {amount} {unit}"))
    for start, end, repl in reversed(edits):
        text = text[:start] + repl + text[end:]
    return text


def _db2_words(text: str) -> str:
    from migplan.ingest.lexer import code_tokens

    iso = _DB2_ISOLATION.search(_strip_comments_tail(text))
    if iso:
        text = text[:iso.start()]
    text = _db2_durations(text)
    out: list[str] = []
    pos = 0
    toks = code_tokens(text, "db2")
    words = [text[s:e].upper() if k == "word" else text[s:e] for k, s, e in toks]
    for i, (_kind, start, end) in enumerate(toks):
        if words[i] in ("X", "BX") and toks[i][0] == "word" and i + 1 < len(toks) and toks[i + 1][0] == "string" \
                and toks[i + 1][1] == end:
            out.append(text[pos:start] + f"HEXTORAW({text[toks[i + 1][1]:toks[i + 1][2]]})")
            pos = toks[i + 1][2]  # x'00': a binary string constant
            continue
        if words[i] == "CURRENT" and i + 1 < len(toks) and words[i + 1] in _DB2_REGISTERS:
            more = _DB2_REGISTER_WORDS.get(words[i + 1], ())
            if more and words[i + 2:i + 2 + len(more)] != list(more):
                more = ()
            if words[i + 1] in _DB2_REGISTER_WORDS and not more and words[i + 1] not in ("DEGREE", "DATE"):
                continue  # CURRENT DEFAULT ... that is not a register: left as written
            out.append(text[pos:start] + "CURRENT_" + "_".join((words[i + 1], *more)))
            pos = toks[i + 1 + len(more)][2]  # CURRENT  LOCK TIMEOUT -> CURRENT_LOCK_TIMEOUT
        elif words[i] in _DB2_UNITS and i and (words[i - 1] == "USING" or toks[i - 1][0] == "number"
                                                or (words[i - 1][-1:] in "KMG" and toks[i - 2][0] == "number")):
            out.append(text[pos:start])
            pos = end
            if words[i - 1] == "USING":  # CHARACTER_LENGTH(x USING OCTETS): drop both words
                out[-1] = out[-1][:out[-1].upper().rfind("USING")]
    out.append(text[pos:])
    return "".join(out)


def _translate_using(text: str) -> str:
    from migplan.ingest.lexer import code_tokens

    for _ in range(50):  # one call per pass, innermost calls are found again on the next pass
        toks = code_tokens(text, "oracle")
        words = [text[s:e].upper() if k in ("word", "punct") else "" for k, s, e in toks]
        for i, w in enumerate(words[:-1]):
            if w != "TRANSLATE" or words[i + 1] != "(":
                continue
            depth, j, using = 0, i + 1, None
            while j < len(toks):
                depth += (words[j] == "(") - (words[j] == ")")
                if depth == 1 and words[j] == "USING" and j + 1 < len(toks) and words[j + 1] in _TRANSLATE_USING:
                    using = j
                if depth == 0:
                    break
                j += 1
            if using is None or j >= len(toks) or using + 2 != j:
                continue
            inner = text[toks[i + 2][1]:toks[using - 1][2]]
            call = f"{_TRANSLATE_USING[words[using + 1]]}({inner})"
            text = text[:toks[i][1]] + call + text[toks[j][2]:]
            break
        else:
            return text
    return text


@cache
def dialect(name: str | None) -> Dialect:
    return Dialect.get_or_raise(name or "")


class Parsed:
    """A sqlglot tree with what the coverage check found."""

    __slots__ = ("error", "lost", "tree")

    def __init__(self, tree: exp.Expr | None, error: str | None = None, lost: list[str] | None = None):
        self.tree = tree
        self.error = error
        self.lost = lost or []

    @property
    def ok(self) -> bool:
        return self.tree is not None and not self.error and not self.lost

    def __bool__(self) -> bool:  # pragma: no cover
        return self.ok


def _significant(text: str, d: Dialect, formats: frozenset[str] = frozenset()) -> Counter:
    """Names and literals, lower-cased. Function names are left out: a function sqlglot read into a
    typed node was understood even when it writes it under another name (IFNULL -> COALESCE), and so
    are the date format strings it read (``formats``: their Python form), which it may write back in
    another spelling of the same format (MySQL's '%H:%i:%s' comes back as '%T')."""
    out: Counter = Counter()
    toks = d.tokenize(text)
    for i, tok in enumerate(toks):
        if tok.token_type not in _SIGNIFICANT:
            continue
        if formats and tok.token_type == TokenType.STRING and "%" in tok.text and _read_format(d, tok.text) in formats:
            continue
        if (tok.token_type in (TokenType.VAR, TokenType.IDENTIFIER) and i + 1 < len(toks)
                and toks[i + 1].token_type == TokenType.L_PAREN):
            continue
        if tok.token_type == TokenType.VAR and tok.text.lower() in _DATE_PARTS:
            continue  # DATEDIFF(yy, ...) is written back as 'YEAR'

        if tok.token_type == TokenType.NUMBER:
            # .95 is read as '.' then 95: the number is 0.95
            fraction = i > 0 and toks[i - 1].token_type == TokenType.DOT and toks[i - 1].end + 1 == tok.start and (
                i < 2 or toks[i - 2].token_type not in (TokenType.VAR, TokenType.IDENTIFIER, TokenType.R_PAREN))
            out[_number("." + tok.text if fraction else tok.text)] += 1
            continue
        out[tok.text.lower()] += 1
    return out


def _read_format(d: Dialect, text: str) -> str | None:
    try:
        read = d.format_time(exp.Literal.string(text).sql())
    except Exception:  # sqlglot's own reading of an odd format: then it is compared as text
        return None
    return read.this if isinstance(read, exp.Literal) else None


def _formats(tree: exp.Expr) -> frozenset[str]:
    """The date format strings sqlglot read into the tree (in its Python strftime form)."""
    out = set()
    for node in tree.find_all(exp.TimeToStr, exp.StrToTime, exp.StrToDate):
        fmt = node.args.get("format")
        if isinstance(fmt, exp.Literal) and fmt.is_string:
            out.add(fmt.this)
    return frozenset(out)


def _number(text: str) -> str:
    """A number as written back: a fraction without its leading zero (.95) comes back as 0.95."""
    return ("0" + text if text.startswith(".") else text).lower()


def lost_tokens(source: str, tree: exp.Expr, dialect_name: str | None, *, copy: bool = True) -> list[str]:
    """Identifiers/literals of ``source`` that are missing from ``tree`` written back.

    ``copy=False`` writes the tree without copying it first (faster; the generator may change the
    tree, so only for a tree the caller no longer needs)."""
    d = dialect(dialect_name)
    try:
        before = _significant(source, d, _formats(tree))
        for phrase in _TYPE_PHRASES.findall(source):
            before -= Counter(w.lower() for w in phrase.split())
        # any token of the output may carry a source word: a type name in a cast comes back as a keyword
        after = Counter(_number(tok.text) if tok.token_type == TokenType.NUMBER else tok.text.lower()
                        for tok in d.tokenize(d.generate(tree, copy=copy)))
    except (TokenError, Exception):
        return ["<tree could not be written back>"]
    missing = before - after
    return sorted(missing.elements())


def _commands(tree: exp.Expr) -> list[str]:
    return [c.sql() for c in tree.find_all(exp.Command)]


def parse_statement(text: str, dialect_name: str | None, source: str | None = None) -> Parsed:
    """Parse one statement; Command fallbacks and lost tokens count as failures."""
    deep = too_deep(text, dialect_name, "statement")
    if deep:
        return Parsed(None, deep)
    text = prepare(text, dialect_name, source)
    d = dialect(dialect_name)
    try:
        with recursion_room():
            trees = d.parse(text, error_level=ErrorLevel.RAISE)
    except (ParseError, TokenError) as err:
        return Parsed(None, _first_line(err))
    except RecursionError:
        return Parsed(None, recursion_message("statement"))
    except Exception as err:  # sqlglot's own bug on odd input: it could not read it all the same
        return Parsed(None, _failed(err))
    read = [t for t in trees if t is not None]
    if len(read) != 1:
        return Parsed(None, f"sqlglot read {len(read)} statements here")
    tree = read[0]
    if isinstance(tree, exp.Command) or _commands(tree):
        return Parsed(tree, "sqlglot does not understand this statement (it kept it as an opaque command)")
    with recursion_room():
        lost = lost_tokens(text, tree, dialect_name)
    return Parsed(tree, None, lost)


def parse_expression(text: str, dialect_name: str | None, source: str | None = None) -> Parsed:
    """Parse an expression (default, check condition, computed column, index key)."""
    deep = too_deep(text, dialect_name)
    if deep:
        return Parsed(None, deep)
    text = prepare(text, dialect_name, source)
    d = dialect(dialect_name)
    try:
        with recursion_room():
            tree = sqlglot.parse_one(text, read=d, error_level=ErrorLevel.RAISE)
    except (ParseError, TokenError) as err:
        return Parsed(None, _first_line(err))
    except RecursionError:
        return Parsed(None, recursion_message())
    except Exception as err:  # sqlglot's own bug on odd input
        return Parsed(None, _failed(err))
    if tree is None:
        return Parsed(None, "empty expression")
    if isinstance(tree, exp.Command):
        return Parsed(tree, "not an expression sqlglot understands")
    with recursion_room():
        return Parsed(tree, None, lost_tokens(text, tree, dialect_name))


def read_tree(text: str, dialect_name: str | None) -> exp.Expr | None:
    """sqlglot's tree of ``text``, or None when it cannot read it (bad syntax, nested too deeply)."""
    if too_deep(text, dialect_name):
        return None
    try:
        with recursion_room():
            return sqlglot.parse_one(text, read=dialect_name)
    except Exception:  # ParseError, TokenError, RecursionError, or sqlglot's own bug on odd input
        return None


def parse_query(text: str, dialect_name: str | None, source: str | None = None) -> Parsed:
    parsed = parse_statement(text, dialect_name, source)
    if isinstance(parsed.tree, exp.LockingStatement) and isinstance(parsed.tree.expression, exp.Query):
        parsed.tree = parsed.tree.expression  # Teradata LOCKING ... FOR ACCESS: a request modifier, not the query
    if parsed.tree is not None and not isinstance(parsed.tree, exp.Query) and not parsed.error:
        parsed.error = f"expected a query, sqlglot read a {type(parsed.tree).__name__}"
    return parsed


def _first_line(err: Exception) -> str:
    return error_text(err, 300)


def _failed(err: Exception) -> str:
    return f"sqlglot failed on this text ({type(err).__name__}: {error_text(err, 200)})"


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_CLASS = re.compile(r"<class 'sqlglot\.[\w.]*?(\w+)'>")


def error_text(err: BaseException, limit: int = 300) -> str:
    """One line for an error of sqlglot's, the same in every process: a ParseError lists its errors
    in hash order (the missing arguments of a node are a set), so the first one by position and
    text is taken; terminal underlines and class reprs are left out."""
    errors = [e for e in getattr(err, "errors", None) or [] if isinstance(e, dict) and e.get("description")]
    if errors:
        first = min(errors, key=lambda e: (e.get("line") or 0, e.get("col") or 0, str(e["description"])))
        text = f"{first['description']}. Line {first.get('line')}, Col: {first.get('col')}."
    else:
        text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
    return _CLASS.sub(r"\1", _ANSI.sub("", text))[:limit]


def table_references(tree: exp.Expr) -> list[exp.Table]:
    """Tables a query reads, CTE names excluded (aliases are not tables)."""
    ctes = {c.alias_or_name.lower() for c in tree.find_all(exp.CTE)}
    out = []
    for t in tree.find_all(exp.Table):
        if not t.name:
            continue
        if not t.db and t.name.lower() in ctes:
            continue
        out.append(t)
    return out
