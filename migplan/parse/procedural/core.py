"""The parser's cursor over tokens: look-ahead, flat scans that find where an expression or a
statement ends, and node construction with lines and token spans.

Scans are loops, not recursion: only nested statements recurse, and that is bounded by
``MAX_DEPTH``. Parentheses and CASE ... END pairs are tracked so that a THEN, END or ELSE inside
an expression never ends it.

T-SQL needs no ';' between statements, so where a T-SQL statement ends is decided by the words
that start the next one (``_tsql_new``): the reserved statement words, except where the current
statement can go on with them (``INSERT ... SELECT``, ``UPDATE ... SET``, ``UNION SELECT``,
``MERGE ... THEN UPDATE``, ``IF UPDATE(c)``, ``OFFSET ... FETCH``, ``DROP TABLE IF EXISTS``...).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from migplan.parse.procedural import nodes as n
from migplan.parse.procedural.dialects import Flavor
from migplan.parse.procedural.nodes import DataType, Expr, Node, Unknown
from migplan.parse.procedural.tokens import Tok, tokenize

N = TypeVar("N", bound=Node)
# What a statement reader returns: its node, or the node and an Unknown for text left after it.
Parsed = Node | list[Node]


def as_list(got: Parsed) -> list[Node]:
    return got if isinstance(got, list) else [got]

MAX_DEPTH = 100  # nested statements; deeper code becomes one Unknown node

# A word that ends any expression or SQL statement when it stands outside parentheses and CASE.
_ALWAYS_STOP = frozenset({"ELSE", "ELSIF", "ELSEIF", "END"})

# T-SQL words that start a statement (all reserved, so never a bare name).
TSQL_STARTERS = frozenset({
    "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "SET", "DECLARE", "IF", "ELSE", "WHILE", "BEGIN",
    "END", "RETURN", "PRINT", "RAISERROR", "THROW", "GOTO", "BREAK", "CONTINUE", "OPEN", "FETCH", "CLOSE",
    "DEALLOCATE", "EXEC", "EXECUTE", "COMMIT", "ROLLBACK", "SAVE", "TRUNCATE", "CREATE", "ALTER", "DROP",
    "USE", "WAITFOR", "GRANT", "DENY", "REVOKE", "DBCC", "KILL", "RECONFIGURE", "CHECKPOINT", "REVERT",
    "BULK", "WITH", "SETUSER", "READTEXT", "WRITETEXT", "UPDATETEXT", "SHUTDOWN", "ENABLE", "DISABLE",
})
_OBJECT_WORDS = frozenset({"TABLE", "VIEW", "PROCEDURE", "PROC", "FUNCTION", "INDEX", "SCHEMA", "TRIGGER",
                           "SEQUENCE", "TYPE", "DATABASE", "SYNONYM", "USER", "ROLE", "DEFAULT", "RULE",
                           "ASSEMBLY", "STATISTICS", "COLUMN", "CONSTRAINT"})
_SETOPERATORS = frozenset({"UNION", "ALL", "EXCEPT", "INTERSECT", "FOR", "AS", "DISTINCT"})


class Core:
    def __init__(self, text: str, fl: Flavor, line: int = 1):
        self.text = text
        self.fl = fl
        self.g = fl.grammar
        self.toks: list[Tok] = tokenize(text, fl, line)
        self.n = len(self.toks)
        self.i = 0
        self.depth = 0
        self.first_line = line
        self.errors: list[str] = []
        self.sql_body = False  # an SQL-language function body: INTO names a table, not variables
        self.end_label: str | None = None  # the label after the last END read

    if TYPE_CHECKING:  # provided by the mixins that make up parser.Parser; declared for the checker
        def sql_statement(self, start: int | None = None, end: int | None = None, assign: bool = True) -> Parsed: ...
        def query(self, start: int, end: int) -> n.SqlStatement: ...
        def _finish(self, node: n.Node, start: int) -> Parsed: ...
        def _pragma(self) -> n.Node: ...
        def is_punct_at(self, j: int, text: str) -> bool: ...
        def single_statement(self) -> n.Node | None: ...
        def _too_deep(self) -> n.Unknown: ...
        def _end(self, *what: str) -> bool: ...
        def block(self, start: int, declarations: list[n.Node] | None = None,
                  end_what: tuple[str, ...] = ()) -> n.Block: ...
        def _conditional(self, body: Callable[[], list[n.Node]]) -> n.Node: ...

    # -- look-ahead ------------------------------------------------------------------------
    def tok_kind(self, k: int = 0) -> str | None:
        """The kind of the token k ahead of the cursor, None past the end."""
        t = self.tok(k)
        return t.kind if t is not None else None

    def tok(self, k: int = 0) -> Tok | None:
        j = self.i + k
        return self.toks[j] if 0 <= j < self.n else None

    def up(self, k: int = 0) -> str:
        t = self.tok(k)
        return t.up if t is not None and t.kind == "word" else ""

    @property
    def eof(self) -> bool:
        return self.i >= self.n

    def at(self, *words: str) -> bool:
        for k, w in enumerate(words):
            t = self.tok(k)
            if t is None or t.kind != "word" or t.up != w:
                return False
        return True

    def at_any(self, words: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
        t = self.tok()
        return t is not None and t.kind == "word" and t.up in words

    def accept(self, *words: str) -> bool:
        if self.at(*words):
            self.i += len(words)
            return True
        return False

    def is_punct(self, text: str, k: int = 0) -> bool:
        t = self.tok(k)
        return t is not None and t.kind == "punct" and t.text == text

    def accept_punct(self, text: str) -> bool:
        if self.is_punct(text):
            self.i += 1
            return True
        return False

    def semi(self) -> None:
        """Consume the ';' that ends a statement, if there is one."""
        if self.is_punct(";"):
            self.i += 1

    def is_name(self, k: int = 0) -> bool:
        t = self.tok(k)
        return t is not None and t.kind in ("word", "qident", "var")

    def dotted_name(self, end: int | None = None) -> str:
        """Read ``name(.name)*`` at the cursor; '' when there is no name."""
        end = self.n if end is None else end
        start = self.i
        if self.i >= end or not self.is_name():
            return ""
        self.i += 1
        while self.i + 1 < end and self.is_punct(".") and self.is_name(1):
            self.i += 2
        return self.text_of(start, self.i)

    # -- nodes -----------------------------------------------------------------------------
    def make(self, cls: type[N], start: int, end: int | None = None, **kw: Any) -> N:
        """A node spanning tokens [start, end) (end defaults to the cursor)."""
        end = self.i if end is None else end
        n = cls(**kw)
        self.place(n, start, end)
        return n

    def place(self, n: Node, start: int, end: int) -> None:
        n.tok_start, n.tok_end = start, end
        if end > start:
            n.line, n.end_line = self.toks[start].line, self.toks[end - 1].last_line
        else:
            t = self.toks[start] if start < self.n else (self.toks[-1] if self.toks else None)
            n.line = n.end_line = t.line if t is not None else self.first_line

    def text_of(self, start: int, end: int) -> str:
        if end <= start:
            return ""
        return self.text[self.toks[start].start:self.toks[end - 1].end]

    def expr(self, start: int, end: int) -> Expr | None:
        """An Expr for tokens [start, end), None when empty."""
        if end <= start:
            return None
        e = self.make(Expr, start, end, text=self.text_of(start, end), dialect=self.fl.sqlglot)
        if self.fl.cursor_attributes:
            sql = self.sqlglot_text(start, end)
            if sql != e.text:
                e.sql = sql
        return e

    def sqlglot_text(self, start: int, end: int, blank: Sequence[tuple[int, int]] = ()) -> str:
        """The text of tokens [start, end) as sqlglot should read it: token ranges in ``blank``
        become spaces (line breaks kept, so sqlglot's lines still match), Oracle cursor attributes
        ``c%ROWCOUNT`` become ``c."%ROWCOUNT"`` (a reference, not a modulo)."""
        if end <= start:
            return ""
        base = self.toks[start].start
        if not blank and not (self.fl.cursor_attributes and any(t.kind == "attr" for t in self.toks[start:end])):
            return self.text[base:self.toks[end - 1].end]
        chars = list(self.text[base:self.toks[end - 1].end])
        for a, b in blank:
            if b <= a:
                continue
            for k in range(self.toks[a].start - base, self.toks[b - 1].end - base):
                if chars[k] != "\n":
                    chars[k] = " "
        if self.fl.cursor_attributes:
            for t in reversed(self.toks[start:end]):
                if t.kind == "attr" and t.up not in ("%TYPE", "%ROWTYPE"):
                    chars[t.start - base:t.end - base] = list(f'."{t.text}"')
        return "".join(chars)

    def datatype(self, start: int, end: int) -> DataType | None:
        if end <= start:
            return None
        dt = self.make(DataType, start, end, text=self.text_of(start, end))
        last = self.toks[end - 1]
        if last.kind == "attr" and last.up in ("%TYPE", "%ROWTYPE"):
            dt.anchor = last.up[1:]
            dt.anchored_to = self.text_of(start, end - 1)
        return dt

    def unknown(self, start: int, message: str, end: int | None = None) -> Unknown:
        """Unknown for tokens [start, end); end defaults to where the statement at ``start`` ends.
        Always consumes at least one token."""
        if end is None:
            end = self.statement_end(start)
        end = max(end, start + 1)
        self.i = end
        self.semi()
        return self.make(Unknown, start, text=self.text_of(start, min(end, self.n)), message=message)

    def error(self, line: int, message: str) -> None:
        self.errors.append(f"line {line}: {message}")

    # -- scans -----------------------------------------------------------------------------
    def scan(self, start: int | None = None, stops: frozenset[str] | set[str] = frozenset(),
             puncts: frozenset[str] | set[str] = frozenset(), tsql_kind: str | None = None) -> int:
        """Index of the first token from ``start`` (default: cursor) that ends an expression: a ';'
        or unbalanced ')', a word of ``stops`` or ELSE/ELSIF/ELSEIF/END, a punctuation of ``puncts``,
        a conditional-compilation directive -- each only outside parentheses and CASE ... END.
        With ``tsql_kind``, also where the next T-SQL statement starts."""
        toks, n = self.toks, self.n
        j = self.i if start is None else start
        depth = case = 0
        while j < n:
            t = toks[j]
            kind = t.kind
            if kind == "punct":
                tx = t.text
                if tx == "(" or tx == "[":
                    depth += 1
                elif tx == ")" or tx == "]":
                    if depth == 0:
                        return j
                    depth -= 1
                elif depth == 0 and case == 0 and (tx == ";" or tx in puncts):
                    return j
            elif depth == 0:
                if kind == "word":
                    u = t.up
                    if u == "CASE":
                        case += 1
                    elif case:
                        if u == "END":
                            case -= 1
                    elif u in stops or u in _ALWAYS_STOP or self._tsql_stop(j, tsql_kind):
                        return j
                elif kind == "cc" and case == 0:
                    return j
            j += 1
        return j

    def _tsql_stop(self, j: int, kind: str | None) -> bool:
        if kind is None:
            return False
        return (self.toks[j].up in TSQL_STARTERS and self._tsql_new(j, kind, set())) or self._tsql_label(j)

    def statement_end(self, start: int, kind: str | None = None) -> int:
        """Index just past the last token of the statement starting at ``start`` (its ';' excluded)."""
        if self.g == "tsql":
            return self.tsql_end(start, kind)
        if start >= self.n:
            return start
        first = self.toks[start]
        return self.scan(start if first.kind == "punct" and first.text == "(" else start + 1)

    def split_commas(self, start: int, end: int) -> list[tuple[int, int]]:
        """Ranges of the comma-separated items of tokens [start, end) at parenthesis depth 0."""
        out: list[tuple[int, int]] = []
        depth = 0
        case = 0
        a = start
        for j in range(start, end):
            t = self.toks[j]
            if t.kind == "punct":
                if t.text in ("(", "["):
                    depth += 1
                elif t.text in (")", "]"):
                    depth -= 1
                elif t.text == "," and depth == 0 and case == 0:
                    out.append((a, j))
                    a = j + 1
            elif t.kind == "word" and depth == 0:
                if t.up == "CASE":
                    case += 1
                elif t.up == "END" and case:
                    case -= 1
        if a < end or out:
            out.append((a, end))
        return out

    def group_end(self, start: int) -> int:
        """Index of the ')' matching the '(' at ``start``; the end of the tokens when unmatched."""
        depth = 0
        for j in range(start, self.n):
            t = self.toks[j]
            if t.kind == "punct":
                if t.text == "(":
                    depth += 1
                elif t.text == ")":
                    depth -= 1
                    if depth == 0:
                        return j
        return self.n

    def after(self, close: int) -> int:
        """Index after a group's ')' (or the end of the tokens)."""
        return min(close + 1, self.n)

    def find_word(self, start: int, end: int, words: frozenset[str] | set[str]) -> int:
        """First index in [start, end) of a word of ``words`` outside parentheses and CASE, or -1."""
        depth = case = 0
        for j in range(start, end):
            t = self.toks[j]
            if t.kind == "punct":
                if t.text in ("(", "["):
                    depth += 1
                elif t.text in (")", "]"):
                    depth -= 1
            elif t.kind == "word" and depth == 0:
                if t.up == "CASE":
                    case += 1
                elif t.up == "END" and case:
                    case -= 1
                elif case == 0 and t.up in words:
                    return j
        return -1

    def find_punct(self, start: int, end: int, texts: frozenset[str] | set[str]) -> int:
        """First index in [start, end) of a punctuation of ``texts`` outside parentheses, or -1."""
        depth = 0
        for j in range(start, end):
            t = self.toks[j]
            if t.kind == "punct":
                if depth == 0 and t.text in texts:
                    return j
                if t.text in ("(", "["):
                    depth += 1
                elif t.text in (")", "]"):
                    depth -= 1
        return -1

    # -- T-SQL statement boundaries --------------------------------------------------------
    def tsql_end(self, start: int, kind: str | None = None) -> int:
        toks, n = self.toks, self.n
        if start >= n:
            return start
        kind = kind or toks[start].up or toks[start].text
        seen: set[str] = set()
        depth = case = 0
        j = start + 1
        while j < n:
            t = toks[j]
            if t.kind == "punct":
                tx = t.text
                if tx == "(":
                    depth += 1
                elif tx == ")":
                    if depth == 0:
                        return j
                    depth -= 1
                elif tx == ";" and depth == 0:
                    return j
            elif depth == 0 and t.kind == "word":
                u = t.up
                if u == "CASE":
                    case += 1
                elif u == "END":
                    if case == 0:
                        return j
                    case -= 1
                elif case == 0:
                    if u in TSQL_STARTERS and self._tsql_new(j, kind, seen):
                        return j
                    if self._tsql_label(j):
                        return j
                    if kind == "WITH" and u in ("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"):
                        kind = u
                    seen.add(u)
            j += 1
        return n

    def _tsql_new(self, j: int, kind: str, seen: set[str]) -> bool:
        """Whether the T-SQL starter word at ``j`` begins a new statement (see the module doc)."""
        toks = self.toks
        u = toks[j].up
        prev = toks[j - 1] if j > 0 else None
        pu = (prev.up or prev.text) if prev is not None else ""
        nxt = toks[j + 1] if j + 1 < self.n else None
        if u == "SELECT":
            if pu in _SETOPERATORS:
                return False
            if kind == "INSERT" and not seen & {"SELECT", "VALUES", "EXEC", "EXECUTE", "DEFAULT"}:
                return False
            return kind != "WITH"
        if u in ("INSERT", "UPDATE", "DELETE", "MERGE"):
            if pu in ("THEN", "FOR", "OF", "AFTER", "INSTEAD", ",", "GRANT", "DENY", "REVOKE"):
                return False
            if pu == "ON" and kind in ("ALTER", "CREATE"):  # ON DELETE CASCADE of a foreign key
                return False
            if u == "UPDATE" and nxt is not None and nxt.kind == "punct" and nxt.text == "(":
                return False  # IF UPDATE(col)
            return kind != "WITH"
        if u == "SET":
            if kind == "UPDATE" and "SET" not in seen:
                return False
            return pu not in ("UPDATE", "DELETE") and kind != "ALTER"
        if u in ("EXEC", "EXECUTE"):
            if pu in ("WITH", "GRANT", "DENY", "REVOKE", ","):
                return False
            return not (kind == "INSERT" and not seen & {"SELECT", "VALUES", "EXEC", "EXECUTE"})
        if u == "FETCH":
            return pu not in ("ROWS", "ROW")
        if u == "IF":
            return not (pu in _OBJECT_WORDS and nxt is not None and nxt.up == "EXISTS")
        if u in ("CREATE", "ALTER", "DROP"):
            return kind != "ALTER" and pu not in (",", "GRANT", "DENY", "REVOKE")
        if u == "WITH":
            return False  # a CTE must follow a ';', so a WITH here belongs to this statement
        if u in ("GRANT", "ENABLE", "DISABLE"):
            return pu not in ("WITH", ",") and kind not in ("ALTER",)
        return True

    def _tsql_label(self, j: int) -> bool:
        """``name:`` -- a GOTO label (T-SQL uses ':' for nothing else but '::')."""
        t = self.toks[j]
        nxt = self.toks[j + 1] if j + 1 < self.n else None
        return (t.kind == "word" and nxt is not None and nxt.kind == "punct" and nxt.text == ":"
                and t.end == nxt.start and t.up not in TSQL_STARTERS)
