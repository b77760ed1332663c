"""The block-structured statement parser (one class, grammar switches per dialect family).

``statement()`` reads one statement at the cursor and returns its node(s); the compound ones
(blocks, IF, CASE, loops, TRY/CATCH) read their statement lists with ``statements(stops)``,
which stops at END or at one of the words the construct expects next. A construct that meets
an END that is not its own records an error and leaves the END to the construct it belongs to,
so one missing END IF does not swallow the rest of the body.
"""

from __future__ import annotations

from collections.abc import Callable

from migplan.parse.literals import string_value
from migplan.parse.procedural import nodes as n
from migplan.parse.procedural.core import MAX_DEPTH, TSQL_STARTERS
from migplan.parse.procedural.declarations import Declarations
from migplan.parse.procedural.sql import INTO_END, SQL_VERBS

# Words that can only end a statement list (never start a statement).
_TERMINATORS = frozenset({"END", "ELSE", "ELSIF", "ELSEIF", "WHEN", "EXCEPTION", "UNTIL"})
# After END, the words that say which construct it closes.
_END_OF = frozenset({"IF", "LOOP", "CASE", "WHILE", "REPEAT", "FOR", "TRY", "CATCH", "BEFORE", "AFTER",
                     "INSTEAD"})
_PG_LEVELS = frozenset({"DEBUG", "LOG", "INFO", "NOTICE", "WARNING", "EXCEPTION"})
_FETCH_DIRECTIONS = frozenset({"NEXT", "PRIOR", "FIRST", "LAST", "ABSOLUTE", "RELATIVE", "FORWARD", "BACKWARD"})
_SET_OPTIONS_PSM = frozenset({"NAMES", "CHARACTER", "CHARSET", "SESSION", "GLOBAL", "LOCAL", "PERSIST",
                              "PERSIST_ONLY", "CURRENT", "SCHEMA", "PATH", "ROLE", "PASSWORD", "DEFAULT",
                              "ENCRYPTION", "CURRENT_SCHEMA", "CURRENT_PATH"})
_TX_WORDS = frozenset({"WORK", "TRAN", "TRANSACTION"})
_LOOP_LABEL_TARGETS = frozenset({"BEGIN", "LOOP", "WHILE", "REPEAT", "FOR"})


class Parser(Declarations):
    # -- statement lists -------------------------------------------------------------------
    def statements(self, stops: frozenset[str] | set[str] = frozenset()) -> list[n.Node]:
        """Statements up to END, one of ``stops``, a conditional-compilation directive or the end.
        A stray ELSE/WHEN/EXCEPTION/UNTIL the construct does not expect becomes an Unknown."""
        out: list[n.Node] = []
        toks = self.toks
        while self.i < self.n:
            t = toks[self.i]
            if t.kind == "punct" and t.text == ";":
                self.i += 1
                continue
            if t.kind == "word" and t.up in _TERMINATORS:
                if t.up == "END" or t.up in stops:
                    break
                start = self.i
                self.i += 1
                self.error(t.line, f"{t.up} without the construct it belongs to")
                out.append(self.make(n.Unknown, start, text=t.text, message=f"{t.up} out of place"))
                continue
            if t.kind == "cc" and t.up != "$IF" and t.up != "$ERROR":
                break
            start = self.i
            out.extend(self.statement())
            if self.i == start:  # pragma: no cover - every statement reader consumes a token
                out.append(self.unknown(start, "not understood"))
        return out

    def statements_to_eof(self) -> list[n.Node]:
        """A whole body: statements to the end of the text; stray closers become Unknown nodes."""
        out = self.statements()
        while self.i < self.n:
            start = self.i
            t = self.toks[start]
            self.error(t.line, f"{t.text} closes nothing")
            end = start + 1
            if t.kind == "word" and t.up == "END":
                while end < self.n and self.toks[end].kind in ("word", "qident") and end - start < 3 \
                        and (self.toks[end].up in _END_OF or self._end_label_at(end)):
                    end += 1
            self.i = end
            self.semi()
            out.append(self.make(n.Unknown, start, text=self.text_of(start, end), message="closes nothing"))
            out.extend(self.statements())
        return out

    def single_statement(self) -> n.Node | None:
        """One statement (T-SQL IF/WHILE bodies, handler bodies); several nodes come in a Block."""
        while self.is_punct(";"):
            self.i += 1
        t = self.tok()
        if t is None or (t.kind == "word" and t.up in _TERMINATORS) or (t.kind == "cc" and t.up != "$IF"):
            return None
        start = self.i
        got = self.statement()
        if len(got) == 1:
            return got[0]
        return self.make(n.Block, start, statements=got)

    # -- one statement ---------------------------------------------------------------------
    def statement(self) -> list[n.Node]:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                return [self._too_deep()]
            return self._statement()
        finally:
            self.depth -= 1

    def _statement(self) -> list[n.Node]:
        start = self.i
        t = self.toks[start]
        g = self.g
        label = self._label()
        label_end = self.i
        if label is not None:
            t2 = self.tok()
            if t2 is None or (t2.kind == "word" and t2.up in _TERMINATORS) or g == "tsql" \
                    or (t2.kind == "cc" and t2.up != "$IF"):
                return [self.make(n.Label, start, name=label)]
            got = self._statement()
            first = got[0]
            if isinstance(first, n.Statement) and first.label is None:
                first.label = label
                self.place(first, start, first.tok_end)
                return got
            return [self.make(n.Label, start, label_end, name=label), *got]  # a second label
        if t.kind == "cc":
            return [self._conditional(self.statements)]
        if t.kind == "word":
            handler = _DISPATCH.get(t.up)
            if handler is not None:
                got = handler(self)
                return got if isinstance(got, list) else [got]
            if t.up in SQL_VERBS:
                got = self.sql_statement()
                return got if isinstance(got, list) else [got]
        elif t.kind == "punct" and t.text == "(" and self.up(1) in ("SELECT", "WITH", "VALUES"):
            return [self.sql_statement()]
        if (t.kind in ("word", "qident", "var") or (t.kind == "punct" and t.text == "(")) and g in ("plsql", "plpgsql"):
            return [self._assign_or_call()]
        return [self.unknown(start, f"a statement starting with {t.text!r} is not understood")]

    def _label(self) -> str | None:
        """Read a label in front of a statement: <<l>> (PL/SQL, PL/pgSQL), l: (PSM, T-SQL)."""
        t = self.tok()
        if t is None:
            return None
        if t.kind == "punct" and t.text == "<<" and self.g in ("plsql", "plpgsql") and self.is_name(1) \
                and self.is_punct(">>", 2):
            name = self.toks[self.i + 1].text
            self.i += 3
            return name
        nxt = self.tok(1)
        if t.kind in ("word", "qident") and nxt is not None and nxt.kind == "punct" and nxt.text == ":":
            if self.g == "tsql" and self._tsql_label(self.i):
                self.i += 2
                return t.text
            if self.g == "psm" and (self.up(2) in _LOOP_LABEL_TARGETS or t.up not in TSQL_STARTERS):
                self.i += 2
                return t.text
        return None

    def _too_deep(self) -> n.Unknown:
        """Past MAX_DEPTH: the statement and everything nested in it become one Unknown, found by a
        flat count of block openers and ENDs (no recursion)."""
        start = self.i
        toks = self.toks
        balance = 0
        j = start
        while j < self.n:
            t = toks[j]
            if t.kind == "word":
                before = toks[j - 1].up if j > start else ""
                u = t.up
                if u == "END":
                    balance -= 1
                    if balance <= 0:
                        j += 1
                        while j < self.n and toks[j].kind == "word" and toks[j].up in _END_OF:
                            j += 1
                        break
                elif before != "END" and (u in ("BEGIN", "CASE", "LOOP", "REPEAT")
                                          or (u == "IF" and self.g != "tsql") or (u == "DO" and self.g == "psm")):
                    if u == "BEGIN" and self.g == "tsql" and j + 1 < self.n \
                            and toks[j + 1].up in ("TRAN", "TRANSACTION", "DISTRIBUTED"):
                        pass
                    else:
                        balance += 1
            elif t.kind == "punct" and t.text == ";" and balance == 0:
                break
            j += 1
        self.error(toks[start].line, f"nesting deeper than {MAX_DEPTH} levels is not analysed")
        return self.unknown(start, f"nested deeper than {MAX_DEPTH} levels", end=j)

    def _end(self, *what: str) -> bool:
        """Consume ``END what [label] [;]``; False (nothing consumed) when the END is another's."""
        if not self.at("END", *what):
            return False
        if not what and self.up(1) in _END_OF and not (self.g == "tsql" and self.up(1) not in ("TRY", "CATCH")):
            return False
        self.i += 1 + len(what)
        self.end_label = None
        if self.g != "tsql" and self._end_label_at(self.i):
            self.end_label = self.toks[self.i].text
            self.i += 1
        self.semi()
        return True

    def _end_label_at(self, j: int) -> bool:
        if j >= self.n or self.toks[j].kind not in ("word", "qident"):
            return False
        if self.toks[j].up in _TERMINATORS or self.toks[j].up in _END_OF:
            return False
        return j + 1 >= self.n or (self.toks[j + 1].kind == "punct" and self.toks[j + 1].text == ";")

    def _close(self, node: n.Node, start: int, what: str, construct: str) -> None:
        if self._end(*what.split()):
            if isinstance(node, n.Statement):
                node.end_label = self.end_label
        else:
            self.error(self.toks[start].line, f"{construct} has no END {what}".rstrip())
        self.place(node, start, self.i)

    # -- blocks ----------------------------------------------------------------------------
    def _begin(self) -> n.Node:
        if self.g == "tsql":
            if self.at("BEGIN", "TRY"):
                return self._try()
            if self.up(1) in ("TRAN", "TRANSACTION", "DISTRIBUTED"):
                return self._transaction()
            if self.up(1) in ("DIALOG", "CONVERSATION"):
                return self.sql_statement()
        elif self.up(1) in ("WORK", "TRANSACTION"):
            return self._transaction()
        return self.block(self.i)

    def block(self, start: int, declarations: list[n.Node] | None = None, end_what: tuple[str, ...] = ()) -> n.Block:
        """BEGIN ... [EXCEPTION handlers] END, the cursor on BEGIN (``start`` may be a DECLARE)."""
        self.i += 1
        b = n.Block(declarations=declarations or [])
        if self.accept("NOT", "ATOMIC"):
            b.atomic = False
        elif self.accept("ATOMIC"):
            b.atomic = True
            if self.g == "tsql" and self.at("WITH") and self.is_punct("(", 1):
                close = self.group_end(self.i + 1)
                b.options = self.text_of(self.i, self.after(close))
                self.i = self.after(close)
        if self.g == "psm":
            b.declarations.extend(self.psm_declarations())
        handler_words = {"EXCEPTION"} if self.g in ("plsql", "plpgsql") else set()
        b.statements = self.statements(handler_words)
        if handler_words and self.accept("EXCEPTION"):
            b.handlers = self.handlers()
        self._close(b, start, " ".join(end_what), "BEGIN")
        return b

    def handlers(self) -> list[n.ExceptionHandler]:
        out = []
        while self.at("WHEN"):
            start = self.i
            self.i += 1
            end = self.scan(stops={"THEN"})
            conds = [self.text_of(a, b) for a, b in self._split_words(self.i, end, "OR")]
            self.i = end
            if not self.accept("THEN"):
                self.error(self.toks[start].line, "WHEN without THEN in an exception handler")
            h = n.ExceptionHandler(conditions=conds, statements=self.statements({"WHEN"}))
            self.place(h, start, self.i)
            out.append(h)
        return out

    def _split_words(self, start: int, end: int, word: str) -> list[tuple[int, int]]:
        out, a = [], start
        for j in range(start, end):
            if self.toks[j].kind == "word" and self.toks[j].up == word:
                out.append((a, j))
                a = j + 1
        out.append((a, end))
        return [(x, y) for x, y in out if y > x]

    def _try(self) -> n.TryCatch:
        start = self.i
        self.i += 2
        body = self.statements()
        node = n.TryCatch(body=body)
        if not self._end("TRY"):
            self.error(self.toks[start].line, "BEGIN TRY has no END TRY")
        if self.accept("BEGIN", "CATCH"):
            node.catch = self.statements()
            if not self._end("CATCH"):
                self.error(self.toks[start].line, "BEGIN CATCH has no END CATCH")
        else:
            self.error(self.toks[start].line, "BEGIN TRY has no BEGIN CATCH")
        self.place(node, start, self.i)
        return node

    def _declare(self) -> list[n.Node] | n.Node:
        start = self.i
        if self.g in ("plsql", "plpgsql"):
            self.i += 1
            decls = self.declare_section({"BEGIN"})
            if self.at("BEGIN"):
                return self.block(start, decls)
            self.error(self.toks[start].line, "DECLARE section without BEGIN")
            b = self.make(n.Block, start, declarations=decls)
            return b
        if self.g == "psm":
            return self.psm_declare()
        return self.tsql_declare()

    # -- conditionals ----------------------------------------------------------------------
    def _if(self) -> n.Node:
        start = self.i
        if self.g == "tsql":
            return self._tsql_if()
        node = n.If()
        self.i += 1
        while True:
            b_start = self.i - 1
            end = self.scan(stops={"THEN"})
            cond = self.expr(self.i, end)
            self.i = end
            if not self.accept("THEN"):
                self.error(self.toks[start].line, "IF without THEN")
                self.i = start
                return self.unknown(start, "IF without THEN")
            br = n.IfBranch(condition=cond, statements=self.statements({"ELSIF", "ELSEIF", "ELSE"}))
            self.place(br, b_start, self.i)
            node.branches.append(br)
            if self.at_any(("ELSIF", "ELSEIF")):
                self.i += 1
                continue
            break
        if self.accept("ELSE"):
            node.else_ = self.statements()
        self._close(node, start, "IF", "IF")
        return node

    def _tsql_if(self) -> n.Node:
        start = self.i
        self.i += 1
        end = self.scan(tsql_kind="IF")
        cond = self.expr(self.i, end)
        self.i = end
        body = self.single_statement()
        br = n.IfBranch(condition=cond, statements=[body] if body else [])
        self.place(br, start, self.i)
        node = n.If(branches=[br])
        if body is None:
            self.error(self.toks[start].line, "IF without a statement")
        if self.accept("ELSE"):
            other = self.single_statement()
            node.else_ = [other] if other else []
        self.place(node, start, self.i)
        return node

    def _case(self) -> n.Node:
        start = self.i
        if self.g == "tsql":
            return self.unknown(start, "CASE is not a T-SQL statement")
        self.i += 1
        node = n.Case()
        if not self.at("WHEN"):
            end = self.scan(stops={"WHEN"})
            node.selector = self.expr(self.i, end)
            self.i = end
        while self.at("WHEN"):
            w = self.i
            self.i += 1
            end = self.scan(stops={"THEN"})
            cond = self.expr(self.i, end)
            self.i = end
            if not self.accept("THEN"):
                self.error(self.toks[w].line, "WHEN without THEN")
            cw = n.CaseWhen(condition=cond, statements=self.statements({"WHEN", "ELSE"}))
            self.place(cw, w, self.i)
            node.whens.append(cw)
        if self.accept("ELSE"):
            node.else_ = self.statements()
        self._close(node, start, "CASE", "CASE")
        return node

    def _conditional(self, body: Callable[[], list[n.Node]]) -> n.Node:
        """Oracle $IF ... $THEN ... [$ELSIF ... $THEN ...] [$ELSE ...] $END; $ERROR ... $END."""
        start = self.i
        t = self.toks[start]
        if t.up == "$ERROR":
            self.i += 1
            end = self._cc_find(self.i, ("$END",))
            node = n.Raise(keyword="$ERROR", message=self.expr(self.i, end))
            self.i = min(end + 1, self.n)
            self.place(node, start, self.i)
            return node
        if t.up != "$IF":
            self.i += 1
            self.error(t.line, f"{t.text} without $IF")
            return self.make(n.Unknown, start, text=t.text, message=f"{t.text} without $IF")
        node = n.ConditionalCompilation()
        self.i += 1
        while True:
            b_start = self.i - 1
            end = self._cc_find(self.i, ("$THEN",))
            cond = self.expr(self.i, end)
            self.i = min(end + 1, self.n)
            br = n.IfBranch(condition=cond, statements=body())
            self.place(br, b_start, self.i)
            node.branches.append(br)
            if self.tok() is not None and self.tok().kind == "cc" and self.tok().up == "$ELSIF":
                self.i += 1
                continue
            break
        if self.tok() is not None and self.tok().kind == "cc" and self.tok().up == "$ELSE":
            self.i += 1
            node.else_ = body()
        if self.tok() is not None and self.tok().kind == "cc" and self.tok().up == "$END":
            self.i += 1
        else:
            self.error(t.line, "$IF without $END")
        self.place(node, start, self.i)
        return node

    def _cc_find(self, j: int, ups: tuple[str, ...]) -> int:
        while j < self.n and not (self.toks[j].kind == "cc" and self.toks[j].up in ups):
            j += 1
        return j

    # -- loops -----------------------------------------------------------------------------
    def _loop(self) -> n.Node:
        start = self.i
        self.i += 1
        node = n.Loop(statements=self.statements())
        self._close(node, start, "LOOP", "LOOP")
        return node

    def _while(self) -> n.Node:
        start = self.i
        self.i += 1
        if self.g == "tsql":
            end = self.scan(tsql_kind="WHILE")
            node = n.While(condition=self.expr(self.i, end))
            self.i = end
            body = self.single_statement()
            node.statements = [body] if body else []
            self.place(node, start, self.i)
            return node
        word = "DO" if self.g == "psm" else "LOOP"
        end = self.scan(stops={word})
        node = n.While(condition=self.expr(self.i, end))
        self.i = end
        if not self.accept(word):
            self.error(self.toks[start].line, f"WHILE without {word}")
        node.statements = self.statements()
        self._close(node, start, "WHILE" if self.g == "psm" else "LOOP", "WHILE")
        return node

    def _repeat(self) -> n.Node:
        start = self.i
        if self.g != "psm":
            return self.unknown(start, "REPEAT is not a statement here")
        self.i += 1
        node = n.Repeat(statements=self.statements({"UNTIL"}))
        if self.accept("UNTIL"):
            end = self.scan()
            node.until = self.expr(self.i, end)
            self.i = end
        else:
            self.error(self.toks[start].line, "REPEAT without UNTIL")
        self._close(node, start, "REPEAT", "REPEAT")
        return node

    def _for(self) -> n.Node:
        start = self.i
        if self.g == "tsql":
            return self.unknown(start, "FOR is not a T-SQL statement")
        self.i += 1
        var_start = self.i
        while self.i < self.n and not self.at_any(("IN", "AS")) and not self.is_punct(";"):
            self.i += 1
        variable = self.text_of(var_start, self.i)
        body_word = "DO" if self.g == "psm" else "LOOP"
        if self.accept("AS"):  # Db2: FOR v AS [c CURSOR [WITH HOLD] FOR] select DO
            node = n.ForCursor(variable=variable)
            if self.is_name() and self.up(1) == "CURSOR":
                node.cursor = self.toks[self.i].text
                self.i += 2
                self.accept("WITH", "HOLD") or self.accept("WITHOUT", "HOLD")
                self.accept("FOR")
            end = self.scan(stops={body_word})
            node.query = self.sql_statement(self.i, end)
        elif self.accept("IN"):
            node = self._for_in(variable, body_word)
        else:
            return self.unknown(start, "FOR without IN")
        if not self.accept(body_word):
            self.error(self.toks[start].line, f"FOR without {body_word}")
        node.statements = self.statements()
        self._close(node, start, "FOR" if self.g == "psm" else "LOOP", "FOR")
        return node

    def _for_in(self, variable: str, body_word: str) -> n.Node:
        reverse = self.accept("REVERSE")
        end = self.scan(stops={body_word})
        dots = self.find_punct(self.i, end, {".."})
        if dots >= 0:
            by = self.find_word(dots + 1, end, {"BY"})
            node = n.ForRange(variable=variable, reverse=reverse, low=self.expr(self.i, dots),
                              high=self.expr(dots + 1, by if by >= 0 else end))
            if by >= 0:
                node.step = self.expr(by + 1, end)
            self.i = end
            return node
        node = n.ForCursor(variable=variable)
        if self.at("EXECUTE"):
            self.i += 1
            using = self.find_word(self.i, end, {"USING"})
            node.dynamic = self.expr(self.i, using if using >= 0 else end)
            if using >= 0:
                node.using = [e for a, b in self.split_commas(using + 1, end) if (e := self.expr(a, b))]
        elif self.is_punct("(") and self.up(1) in ("SELECT", "WITH"):
            close = self.group_end(self.i)
            node.query = self.sql_statement(self.i + 1, close)
            self.i = self.after(close)
            if self.i < end:
                self.error(self.toks[self.i].line, "text after the cursor FOR query")
                node.statements.append(self.unknown(self.i, "text after the cursor FOR query", end))
        elif self.at_any(("SELECT", "WITH", "VALUES")):
            node.query = self.sql_statement(self.i, end)
        else:
            paren = self.find_punct(self.i, end, {"("})
            name_end = paren if paren >= 0 else end
            node.cursor = self.text_of(self.i, name_end)
            if paren >= 0:
                close = self.group_end(paren)
                node.args = [e for a, b in self.split_commas(paren + 1, close) if (e := self.expr(a, b))]
        self.i = end
        return node

    def _foreach(self) -> n.Node:
        start = self.i
        self.i += 1
        var_start = self.i
        while self.i < self.n and not self.at_any(("SLICE", "IN")) and not self.is_punct(";"):
            self.i += 1
        node = n.ForEach(variable=self.text_of(var_start, self.i))
        if self.accept("SLICE") and self.tok() is not None and self.tok().kind == "number":
            node.slice = int(self.toks[self.i].text) if self.toks[self.i].text.isdigit() else None
            self.i += 1
        self.accept("IN")
        self.accept("ARRAY")
        end = self.scan(stops={"LOOP"})
        node.array = self.expr(self.i, end)
        self.i = end
        self.accept("LOOP")
        node.statements = self.statements()
        self._close(node, start, "LOOP", "FOREACH")
        return node

    def _forall(self) -> n.Node:
        start = self.i
        self.i += 1
        var_start = self.i
        while self.i < self.n and not self.at("IN") and not self.is_punct(";"):
            self.i += 1
        node = n.ForAll(variable=self.text_of(var_start, self.i))
        self.accept("IN")
        end = self.scan(stops={"INSERT", "UPDATE", "DELETE", "MERGE", "EXECUTE", "SAVE"})
        if self.at_any(("INDICES", "VALUES")) and self.up(1) == "OF":
            node.of = self.up()
            self.i += 2
            between = self.find_word(self.i, end, {"BETWEEN"})
            node.collection = self.expr(self.i, between if between >= 0 else end)
            if between >= 0:
                and_ = self.find_word(between + 1, end, {"AND"})
                node.low = self.expr(between + 1, and_ if and_ >= 0 else end)
                node.high = self.expr(and_ + 1, end) if and_ >= 0 else None
        else:
            dots = self.find_punct(self.i, end, {".."})
            node.low = self.expr(self.i, dots if dots >= 0 else end)
            node.high = self.expr(dots + 1, end) if dots >= 0 else None
        self.i = end
        node.save_exceptions = self.accept("SAVE", "EXCEPTIONS")
        node.statement = self.single_statement()
        self.place(node, start, self.i)
        return node

    def _loop_control(self) -> n.Node:
        start = self.i
        word = self.up()
        cls = n.Continue if word in ("CONTINUE", "ITERATE") else n.Exit
        self.i += 1
        node = cls(keyword=word)
        if self.g == "tsql":
            self.semi()
            self.place(node, start, self.i)
            return node
        if self.is_name() and not self.at("WHEN"):
            node.target = self.toks[self.i].text
            self.i += 1
        if self.accept("WHEN"):
            end = self.scan()
            node.condition = self.expr(self.i, end)
            self.i = end
        return self._finish(node, start)

    def _finish(self, node: n.Node, start: int) -> n.Node:
        """End a simple statement: anything left before its end is an Unknown error, then ';'."""
        end = self.statement_end(start)
        if end > self.i:
            self.error(self.toks[self.i].line, f"unexpected {self.toks[self.i].text!r}")
            extra = self.unknown(self.i, "text after the statement", end)
            self.place(node, start, extra.tok_start)
            self.semi()
            return [node, extra]
        self.semi()
        self.place(node, start, self.i)
        return node

    def _goto(self) -> n.Node:
        start = self.i
        self.i += 1
        node = n.Goto(target=self.toks[self.i].text if self.is_name() else "")
        if self.is_name():
            self.i += 1
        return self._finish(node, start)

    def _null(self) -> n.Node:
        start = self.i
        if self.g not in ("plsql", "plpgsql"):
            return self.unknown(start, "NULL is not a statement here")
        self.i += 1
        return self._finish(n.Null(), start)

    # -- simple statements -----------------------------------------------------------------
    def _assign_or_call(self) -> n.Node:
        start = self.i
        end = self.statement_end(start)
        ops = {":="} if self.g == "plsql" else {":=", "="}
        k = self.find_punct(start, end, ops)
        if k > start:
            node = n.Assignment(target=self.expr(start, k), value=self.expr(k + 1, end), op=self.toks[k].text)
            self.i = end
            self.semi()
            self.place(node, start, self.i)
            return node
        node = self.call_from(start, end)
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def call_from(self, start: int, end: int, keyword: str | None = None) -> n.Node:
        """A call ``name[(args)]`` read from tokens [start, end); RAISE_APPLICATION_ERROR is a Raise."""
        paren = -1
        if end > start and self.toks[end - 1].kind == "punct" and self.toks[end - 1].text == ")":
            depth = 0
            for j in range(end - 1, start - 1, -1):
                t = self.toks[j]
                if t.kind == "punct" and t.text == ")":
                    depth += 1
                elif t.kind == "punct" and t.text == "(":
                    depth -= 1
                    if depth == 0:
                        paren = j
                        break
        name_end = paren if paren > start else end
        name = self.text_of(start, name_end)
        args = self.args(paren + 1, end - 1) if paren > start else []
        if "".join(name.split()).upper().rsplit(".", 1)[-1] == "RAISE_APPLICATION_ERROR":
            vals = [a.value for a in args]
            node = n.Raise(keyword="RAISE_APPLICATION_ERROR", code=vals[0] if vals else None,
                           message=vals[1] if len(vals) > 1 else None, args=[v for v in vals[2:] if v])
            self.place(node, start, end)
            return node
        node = n.Call(keyword=keyword, name=name, args=args)
        self.place(node, start, end)
        return node

    def args(self, start: int, end: int, tsql: bool = False) -> list[n.Arg]:
        out = []
        for a, b in self.split_commas(start, end):
            if b <= a:
                continue
            arg = n.Arg()
            if b - a >= 2 and self.toks[a].kind in ("word", "qident", "var") and self.toks[a + 1].kind == "punct" \
                    and (self.toks[a + 1].text == "=>" or (tsql and self.toks[a + 1].text == "=")):
                arg.name = self.toks[a].text
                a += 2
            if tsql and b > a and self.toks[b - 1].kind == "word" and self.toks[b - 1].up in ("OUTPUT", "OUT"):
                arg.output = True
                b -= 1
            arg.value = self.expr(a, b)
            self.place(arg, a - (2 if arg.name else 0), b + (1 if arg.output else 0))
            out.append(arg)
        return out

    def _call(self) -> n.Node:
        start = self.i
        self.i += 1
        end = self.statement_end(start)
        node = self.call_from(self.i, end, keyword="CALL")
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _perform(self) -> n.Node:
        start = self.i
        end = self.statement_end(start)
        j = start + 1
        while j < end and (self.toks[j].kind in ("word", "qident") or (self.toks[j].kind == "punct"
                                                                        and self.toks[j].text == ".")):
            j += 1
        if j > start + 1 and j < end and self.is_punct_at(j, "(") and self.group_end(j) == end - 1:
            node = self.call_from(start + 1, end, keyword="PERFORM")
            self.i = end
            self.semi()
            self.place(node, start, self.i)
            return node
        node = self.sql_statement(start, end)
        node.discard = True
        node.kind = "select"
        node.sql = "SELECT " + node.sql[len("PERFORM"):]
        return node

    def is_punct_at(self, j: int, text: str) -> bool:
        return 0 <= j < self.n and self.toks[j].kind == "punct" and self.toks[j].text == text

    def _return(self) -> n.Node:
        start = self.i
        self.i += 1
        node = n.Return()
        if self.g == "plpgsql" and self.at_any(("NEXT", "QUERY")):
            node.keyword = "RETURN " + self.up()
            self.i += 1
            if node.keyword == "RETURN QUERY" and self.at("EXECUTE"):
                node.keyword = "RETURN QUERY EXECUTE"
                self.i += 1
        end = self.statement_end(start)
        if self.i < end:
            first = self.toks[self.i]
            if node.keyword == "RETURN QUERY" or (first.kind == "word" and first.up in ("SELECT", "WITH", "VALUES")):
                node.query = self.sql_statement(self.i, end)
            elif first.kind == "punct" and first.text == "(" and self.up(1) in ("SELECT", "WITH") \
                    and self.group_end(self.i) == end - 1 and self.g in ("tsql", "psm"):
                node.query = self.sql_statement(self.i + 1, end - 1)
            else:
                node.value = self.expr(self.i, end)
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _pipe(self) -> n.Node:
        start = self.i
        if not self.at("PIPE", "ROW"):
            return self._assign_or_call()
        self.i += 2
        end = self.statement_end(start)
        node = n.Return(keyword="PIPE ROW")
        if self.is_punct("(") and self.group_end(self.i) == end - 1:
            node.value = self.expr(self.i + 1, end - 1)
        else:
            node.value = self.expr(self.i, end)
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    # -- errors and messages ---------------------------------------------------------------
    def _raise(self) -> n.Node:
        start = self.i
        if self.g not in ("plsql", "plpgsql"):
            return self.unknown(start, "RAISE is not a statement here")
        self.i += 1
        node = n.Raise(keyword="RAISE")
        end = self.statement_end(start)
        if self.g == "plsql":
            if self.i < end:
                node.exception = self.text_of(self.i, end)
                self.i = end
            node.reraise = node.exception is None
            return self._finish(node, start)
        if self.at_any(_PG_LEVELS):
            node.level = self.up()
            self.i += 1
        using = self.find_word(self.i, end, {"USING"})
        body_end = using if using >= 0 else end
        if self.i < body_end:
            t = self.toks[self.i]
            if t.kind == "string":
                parts = self.split_commas(self.i, body_end)
                node.message = self.expr(*parts[0])
                node.args = [e for a, b in parts[1:] if (e := self.expr(a, b))]
            else:
                node.exception = self.text_of(self.i, body_end)
        if using >= 0:
            node.options = self._option_items(using + 1, end)
        node.reraise = node.exception is None and node.message is None and not node.options
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _option_items(self, start: int, end: int) -> list[n.Arg]:
        """``name = expr, ...`` (PL/pgSQL RAISE USING, SIGNAL SET)."""
        out = []
        for a, b in self.split_commas(start, end):
            k = self.find_punct(a, b, {"=", ":="})
            arg = n.Arg(name=self.text_of(a, k) if k > a else None, value=self.expr(k + 1 if k > a else a, b))
            self.place(arg, a, b)
            out.append(arg)
        return out

    def _signal(self) -> n.Node:
        start = self.i
        word = self.up()
        self.i += 1
        node = n.Raise(keyword=word)
        end = self.statement_end(start)
        set_at = self.find_word(self.i, end, {"SET"})
        head_end = set_at if set_at >= 0 else end
        if self.i < head_end:
            paren = self.find_punct(self.i, head_end, {"("})
            exc_end = paren if paren >= 0 else head_end
            node.exception = self.text_of(self.i, exc_end) or None
            if paren >= 0:  # Db2: SIGNAL SQLSTATE '75000' ('message')
                close = min(self.group_end(paren), head_end)
                node.message = self.expr(paren + 1, close)
                if close + 1 < head_end:
                    node.args.append(self.expr(close + 1, head_end))
        if set_at >= 0:
            node.options = self._option_items(set_at + 1, end)
            for o in node.options:
                if o.name and o.name.upper() == "MESSAGE_TEXT" and node.message is None:
                    node.message = o.value
        node.reraise = word == "RESIGNAL" and node.exception is None
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _throw(self) -> n.Node:
        start = self.i
        if self.g != "tsql":
            return self._assign_or_call() if self.g in ("plsql", "plpgsql") else self.unknown(start, "THROW")
        self.i += 1
        end = self.statement_end(start)
        node = n.Raise(keyword="THROW")
        parts = [e for a, b in self.split_commas(self.i, end) if (e := self.expr(a, b))]
        if parts:
            node.code = parts[0]
            node.message = parts[1] if len(parts) > 1 else None
            node.args = parts[2:]
        node.reraise = not parts
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _raiserror(self) -> n.Node:
        start = self.i
        self.i += 1
        end = self.statement_end(start)
        node = n.Raise(keyword="RAISERROR")
        with_at = self.find_word(self.i, end, {"WITH"})
        body_end = with_at if with_at >= 0 else end
        if self.is_punct("(") and self.group_end(self.i) == body_end - 1:
            parts = [e for a, b in self.split_commas(self.i + 1, body_end - 1) if (e := self.expr(a, b))]
        else:
            parts = [e for a, b in self.split_commas(self.i, body_end) if (e := self.expr(a, b))]
        if parts:
            node.message = parts[0]
            node.level = parts[1].text if len(parts) > 1 else None
            node.args = parts[2:]
        if with_at >= 0:
            for a, b in self.split_commas(with_at + 1, end):
                arg = n.Arg(name=self.text_of(a, b))
                self.place(arg, a, b)
                node.options.append(arg)
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _print(self) -> n.Node:
        start = self.i
        if self.g != "tsql":
            return self.unknown(start, "PRINT is not a statement here")
        self.i += 1
        end = self.statement_end(start)
        node = n.Print(value=self.expr(self.i, end))
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _assert(self) -> n.Node:
        start = self.i
        if self.g != "plpgsql":
            return self._assign_or_call() if self.g == "plsql" else self.unknown(start, "ASSERT")
        self.i += 1
        end = self.statement_end(start)
        parts = self.split_commas(self.i, end)
        node = n.Assert(condition=self.expr(*parts[0]) if parts else None,
                        message=self.expr(parts[1][0], end) if len(parts) > 1 else None)
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    # -- cursors ---------------------------------------------------------------------------
    def _open(self) -> n.Node:
        start = self.i
        self.i += 1
        end = self.statement_end(start)
        self.accept("GLOBAL")
        node = n.Open()
        node.cursor = self.dotted_name(end)
        if self.is_punct("("):
            close = self.group_end(self.i)
            node.args = [e for a, b in self.split_commas(self.i + 1, close) if (e := self.expr(a, b))]
            self.i = self.after(close)
        self.accept("NO", "SCROLL") or self.accept("SCROLL")
        if self.accept("FOR"):
            using = self.find_word(self.i, end, {"USING"})
            body_end = using if using >= 0 else end
            if self.at("EXECUTE"):
                self.i += 1
                node.dynamic = self.expr(self.i, body_end)
            elif self.at_any(("SELECT", "WITH", "VALUES")) or (self.is_punct("(") and self.up(1) in ("SELECT", "WITH")):
                node.query = self.sql_statement(self.i, body_end)
            else:
                node.dynamic = self.expr(self.i, body_end)
            self.i = body_end
            if using >= 0:
                self.i = using
        if self.accept("USING"):
            node.using = [e for a, b in self.split_commas(self.i, end) if (e := self.expr(a, b))]
            self.i = end
        return self._finish(node, start)

    def _fetch(self) -> n.Node:
        start = self.i
        self.i += 1
        end = self.statement_end(start)
        node = n.Fetch()
        if self.at_any(_FETCH_DIRECTIONS) and self.up(1) not in ("INTO", "BULK"):
            d0 = self.i
            self.i += 1
            if self.i < end and (self.tok().kind in ("number", "var") or self.at("ALL")) and \
                    self.toks[d0].up in ("ABSOLUTE", "RELATIVE", "FORWARD", "BACKWARD"):
                self.i += 1
            node.direction = self.text_of(d0, self.i)
        self.accept("FROM") or self.accept("IN")
        self.accept("GLOBAL")
        if not self.at_any(("INTO", "BULK")):
            node.cursor = self.dotted_name(end)
        if self.accept("BULK", "COLLECT"):
            node.bulk_collect = True
        if self.accept("INTO"):
            limit = self.find_word(self.i, end, {"LIMIT"})
            t_end = limit if limit >= 0 else end
            node.into = [e for a, b in self.split_commas(self.i, t_end) if (e := self.expr(a, b))]
            self.i = t_end
            if self.accept("LIMIT"):
                node.limit = self.expr(self.i, end)
                self.i = end
        return self._finish(node, start)

    def _close_cursor(self) -> n.Node:
        start = self.i
        self.i += 1
        self.accept("GLOBAL")
        node = n.Close(cursor=self.toks[self.i].text if self.is_name() else "")
        if self.is_name():
            self.i += 1
        return self._finish(node, start)

    def _deallocate(self) -> n.Node:
        start = self.i
        if self.g != "tsql" and self.up(1) == "PREPARE":
            self.i += 2
            node = n.DynamicSql(keyword="DEALLOCATE PREPARE", statement_name=self.toks[self.i].text
                                if self.is_name() else None)
            if self.is_name():
                self.i += 1
            return self._finish(node, start)
        self.i += 1
        self.accept("GLOBAL")
        node = n.Close(cursor=self.toks[self.i].text if self.is_name() else "", deallocate=True)
        if self.is_name():
            self.i += 1
        return self._finish(node, start)

    # -- dynamic SQL and EXEC --------------------------------------------------------------
    def _execute(self) -> n.Node:
        start = self.i
        g = self.g
        if self.up(1) == "IMMEDIATE":
            self.i += 2
            return self._dynamic(start, "EXECUTE IMMEDIATE")
        if g == "tsql":
            return self._tsql_exec()
        if self.up(1) in ("FUNCTION", "PROCEDURE"):  # PostgreSQL trigger body
            self.i += 2
            end = self.statement_end(start)
            node = self.call_from(self.i, end, keyword=f"EXECUTE {self.toks[start + 1].up}")
            self.i = end
            self.semi()
            self.place(node, start, self.i)
            return node
        if g == "plpgsql":
            self.i += 1
            return self._dynamic(start, "EXECUTE")
        end = self.statement_end(start)
        if g == "psm" and self.is_name(1) and (start + 2 >= end or self.up(2) in ("INTO", "USING")):
            # EXECUTE stmt [INTO ...] [USING ...]
            self.i += 2
            return self._dynamic(start, "EXECUTE", name=self.toks[start + 1].text)
        return self.unknown(start, "EXECUTE without IMMEDIATE")

    def _dynamic(self, start: int, keyword: str, name: str | None = None) -> n.Node | list[n.Node]:
        """``<text> [BULK COLLECT] [INTO t, ...] [USING [IN|OUT] a, ...] [RETURNING INTO ...]``;
        with ``name`` (a prepared statement's) there is no text."""
        end = self.statement_end(start)
        node = n.DynamicSql(keyword=keyword, statement_name=name)
        clause = self.find_word(self.i, end, {"INTO", "USING", "BULK", "RETURNING", "RETURN"})
        text_end = clause if clause >= 0 else end
        if name is None:
            self._dynamic_text(node, self.i, text_end)
        self.i = text_end
        while self.i < end:
            if self.accept("BULK", "COLLECT"):
                node.bulk_collect = True
            elif self.accept("RETURNING") or self.accept("RETURN"):
                continue
            elif self.accept("INTO"):
                self.accept("STRICT")
                nxt = self.find_word(self.i, end, {"USING", "RETURNING", "RETURN"})
                stop = nxt if nxt >= 0 else end
                node.into.extend(e for a, b in self.split_commas(self.i, stop) if (e := self.expr(a, b)))
                self.i = stop
            elif self.accept("USING"):
                nxt = self.find_word(self.i, end, {"INTO", "RETURNING", "RETURN"})
                stop = nxt if nxt >= 0 else end
                for a, b in self.split_commas(self.i, stop):
                    arg = n.Arg()
                    a0 = a
                    while a < b and self.toks[a].kind == "word" and self.toks[a].up in ("IN", "OUT"):
                        arg.output = arg.output or self.toks[a].up == "OUT"
                        a += 1
                    arg.value = self.expr(a, b)
                    self.place(arg, a0, b)
                    node.using.append(arg)
                self.i = stop
            else:
                break
        return self._finish(node, start)

    def _dynamic_text(self, node: n.DynamicSql, start: int, end: int) -> None:
        node.sql = self.expr(start, end)
        if end - start == 1 and self.toks[start].kind == "string":
            tok = self.toks[start]
            node.literal = string_value(tok.text, backslash=self.fl.splitter == "mysql")
            node.parsed = self.parse_literal(node.literal, tok, start)
        else:
            node.built = node.sql is not None

    def parse_literal(self, text: str, tok, index: int) -> n.Node | None:
        """The statement or block a literal string holds, read by a parser of its own (its nodes
        point at the literal's token for their span, and at their real lines)."""
        from migplan.parse.procedural.units import parse_fragment

        if not text.strip() or self.depth > MAX_DEPTH // 2:
            return None
        return parse_fragment(text, self.fl, tok.line, index, self.depth + 1)

    def _tsql_exec(self) -> n.Node:
        start = self.i
        self.i += 1
        end = self.statement_end(start)
        if self.is_punct("("):  # EXEC ('SELECT ...' + @x) [AS USER = ...] [AT server]
            close = self.group_end(self.i)
            node = n.DynamicSql(keyword="EXEC")
            self._dynamic_text(node, self.i + 1, close)
            self.i = self.after(close)
            if self.at_any(("AS", "AT")) and self.i < end:
                node.options = self.text_of(self.i, end)
                self.i = end
            return self._finish(node, start)
        if self.at("AS"):
            return self._set_option(start, end)
        result = None
        if self.tok() is not None and self.tok().kind == "var" and self.is_punct("=", 1):
            result = self.expr(self.i, self.i + 1)
            self.i += 2
        name = self.dotted_name(end)
        with_at = self.find_word(self.i, end, {"WITH"})
        args_end = with_at if with_at >= 0 else end
        args = self.args(self.i, args_end, tsql=True)
        if name.split(".")[-1].strip("[]").upper() == "SP_EXECUTESQL":
            node = n.DynamicSql(keyword="sp_executesql", procedure=name)
            if args:
                first = args[0].value
                node.sql = first
                if first is not None and first.tok_end - first.tok_start == 1 \
                        and self.toks[first.tok_start].kind == "string":
                    tok = self.toks[first.tok_start]
                    node.literal = string_value(tok.text)
                    node.parsed = self.parse_literal(node.literal, tok, first.tok_start)
                else:
                    node.built = first is not None
                node.params = args[1].value if len(args) > 1 else None
                node.using = args[2:]
        else:
            node = n.Call(keyword=self.toks[start].up, name=name, args=args, result=result)
            if with_at >= 0:
                node.options = self.text_of(with_at, end)
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _prepare(self) -> n.Node:
        start = self.i
        if self.g != "psm" or not self.is_name(1) or self.up(2) != "FROM":
            return self.sql_statement()
        node = n.DynamicSql(keyword="PREPARE", statement_name=self.toks[start + 1].text)
        self.i += 3
        end = self.statement_end(start)
        self._dynamic_text(node, self.i, end)
        self.i = end
        return self._finish(node, start)

    def _statement_pragma(self) -> n.Node:
        """PL/SQL PRAGMA INLINE (f, 'YES') in a statement list."""
        if self.g != "plsql":
            return self.unknown(self.i, "PRAGMA is not a statement here")
        return self._pragma()

    # -- transactions and settings ---------------------------------------------------------
    def _transaction(self) -> n.Node:
        start = self.i
        end = self.statement_end(start)
        words = [t.up for t in self.toks[start:end] if t.kind == "word"]
        action = words[0]
        node = n.Transaction(action=action, text=self.text_of(start, end))
        if action in ("BEGIN", "START", "SET"):
            node.action = {"BEGIN": "BEGIN", "START": "BEGIN", "SET": "SET TRANSACTION"}[action]
        if action == "ROLLBACK" and "TO" in words:
            k = words.index("TO") + 1
            if k < len(words) and words[k] == "SAVEPOINT":
                k += 1
            names = [t.text for t in self.toks[start:end] if t.kind in ("word", "qident", "var")]
            node.savepoint = names[k] if k < len(names) else None
        elif action in ("SAVEPOINT", "RELEASE", "SAVE"):
            names = [t.text for t in self.toks[start + 1:end] if t.kind in ("word", "qident", "var")
                     and t.up not in ("SAVEPOINT", "TRAN", "TRANSACTION")]
            node.savepoint = names[0] if names else None
            node.action = {"SAVE": "SAVEPOINT"}.get(action, action)
        elif self.g == "tsql" and action in ("BEGIN", "COMMIT", "ROLLBACK"):
            names = [t.text for t in self.toks[start + 1:end] if t.kind in ("word", "qident", "var")
                     and t.up not in _TX_WORDS and t.up not in ("DISTRIBUTED", "WITH", "MARK", "DELAYED_DURABILITY")]
            node.name = names[0] if names and end - start <= 4 else None
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _commit(self) -> n.Node:
        if self.up() == "START" and self.up(1) != "TRANSACTION":
            return self.sql_statement()
        if self.up() == "SAVE" and self.g != "tsql":
            return self.unknown(self.i, "SAVE is not a statement here")
        return self._transaction()

    def _set(self) -> n.Node | list[n.Node]:
        start = self.i
        end = self.statement_end(start)
        g = self.g
        nxt = self.tok(1)
        if self.up(1) == "TRANSACTION" or (self.up(1) in ("SESSION", "GLOBAL", "LOCAL")
                                           and self.up(2) == "TRANSACTION"):
            return self._transaction()
        if g == "plsql":
            return self.sql_statement()
        if g == "tsql":
            if nxt is not None and nxt.kind == "var" and self.find_punct(start + 2, end, _ASSIGN_OPS) == start + 2:
                return self._assignments(start, end)
            return self._set_option(start, end)
        if g == "plpgsql":
            return self._set_option(start, end)
        # PSM: SET v = e, @u = e, @@sys = e are assignments; NAMES, SESSION x, CURRENT SCHEMA... settings
        if self.up(1) in _SET_OPTIONS_PSM or self.find_punct(start + 1, end, _ASSIGN_OPS) < 0:
            return self._set_option(start, end)
        return self._assignments(start, end)

    def _assignments(self, start: int, end: int) -> list[n.Node]:
        """SET a = 1, b = 2 (PSM, T-SQL): one Assignment per item."""
        out: list[n.Node] = []
        for a, b in self._assignment_items(start + 1, end):
            k = self.find_punct(a, b, _ASSIGN_OPS)
            if k <= a:
                out.append(self.unknown(a, "SET item without '='", b))
                continue
            node = n.Assignment(target=self.expr(a, k), value=self.expr(k + 1, b), op=self.toks[k].text)
            self.place(node, a, b)
            out.append(node)
        self.i = end
        self.semi()
        if out:
            self.place(out[0], start, out[0].tok_end)
            self.place(out[-1], out[-1].tok_start, self.i)
        else:
            out.append(self.make(n.Unknown, start, text=self.text_of(start, end), message="empty SET"))
        return out

    def _assignment_items(self, start: int, end: int) -> list[tuple[int, int]]:
        """Comma-separated ``target = value`` items; a comma inside a value (SET c = CURSOR FOR
        SELECT a, b ...) does not start an item unless ``target =`` follows it."""
        items: list[tuple[int, int]] = []
        for a, b in self.split_commas(start, end):
            if items and not self._starts_assignment(a, b):
                items[-1] = (items[-1][0], b)
            else:
                items.append((a, b))
        return items

    def _starts_assignment(self, a: int, b: int) -> bool:
        """Tokens [a, b) start with ``name[.name...] =`` or ``(a, b) =`` (Db2)."""
        j = a
        if self.is_punct_at(j, "("):
            j = self.group_end(j) + 1
        elif j < b and self.toks[j].kind in ("word", "qident", "var"):
            j += 1
            while j + 1 < b and self.is_punct_at(j, ".") and self.toks[j + 1].kind in ("word", "qident"):
                j += 2
        return j < b and self.toks[j].kind == "punct" and self.toks[j].text in _ASSIGN_OPS

    def _set_option(self, start: int, end: int) -> n.Node:
        """SET [SESSION|GLOBAL|LOCAL] name [= | TO] value: ``name`` and ``value`` as written."""
        j = start + 1
        if j < end and self.toks[j].up in ("SESSION", "GLOBAL", "LOCAL", "PERSIST", "PERSIST_ONLY", "CURRENT"):
            j += 1
        k = min(j + 1, end)
        while k + 1 < end and self.is_punct_at(k, ".") and self.toks[k + 1].kind in ("word", "qident"):
            k += 2
        name = self.text_of(start + 1, k)
        if k < end and (self.toks[k].text in ("=", ":=") or self.toks[k].up == "TO"):
            k += 1
        node = n.SetOption(name=name, value=self.text_of(k, end) or None)
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _get(self) -> n.Node:
        start = self.i
        if not (self.up(1) == "DIAGNOSTICS" or self.up(2) == "DIAGNOSTICS"):
            return self._assign_or_call() if self.g in ("plsql", "plpgsql") else self.unknown(start, "GET")
        end = self.statement_end(start)
        self.i += 1
        node = n.GetDiagnostics()
        if self.at_any(("CURRENT", "STACKED")):
            node.stacked = self.up() == "STACKED"
            self.i += 1
        self.i += 1  # DIAGNOSTICS
        if self.at_any(("CONDITION", "EXCEPTION")) and self.i + 1 < end:
            self.i += 2
            node.condition = self.expr(self.i - 1, self.i)
        for a, b in self.split_commas(self.i, end):
            k = self.find_punct(a, b, {"=", ":="})
            if k <= a:
                node.items.append(self.unknown(a, "diagnostics item without '='", b))  # type: ignore[arg-type]
                continue
            item = n.Assignment(target=self.expr(a, k), value=self.expr(k + 1, b), op=self.toks[k].text)
            self.place(item, a, b)
            node.items.append(item)
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    # -- embedded SQL ----------------------------------------------------------------------
    def sql_statement(self, start: int | None = None, end: int | None = None) -> n.SqlStatement | n.Node:
        """An embedded SQL statement over tokens [start, end) (default: the statement at the
        cursor). The cursor moves past it and its ';'."""
        own = start is None
        start = self.i if start is None else start
        if end is None:
            end = self.statement_end(start)
        node = n.SqlStatement(kind=self._sql_kind(start, end), text=self.text_of(start, end),
                              dialect=self.fl.sqlglot)
        blank: list[tuple[int, int]] = []
        if self.fl.into_variables and not self.sql_body:
            self._into(node, start, end, blank)
        elif node.kind == "select":
            assigned = self._tsql_select_assign(node, start, end, blank)
            if assigned is not None:
                self.i = end
                if own:
                    self.semi()
                return assigned
        node.temp_table = self._temp_table(start, end)
        node.sql = self.sqlglot_text(start, end, blank)
        self.place(node, start, end)
        self.i = end
        if own:
            self.semi()
            self.place(node, start, self.i)
        return node

    def _sql_kind(self, start: int, end: int) -> str:
        words = [t for t in self.toks[start:min(end, start + 12)] if t.kind == "word"]
        if not words:
            return "select" if end > start else ""
        first = words[0].up
        if first in ("CREATE", "DROP", "ALTER", "DECLARE"):
            rest = [w.up for w in words[1:] if w.up not in _OBJECT_MODIFIERS_KIND]
            return f"{first.lower()} {rest[0].lower()}" if rest else first.lower()
        if first == "WITH":
            k = self.find_word(start + 1, end, {"SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"})
            return self.toks[k].up.lower() if k >= 0 else "select"
        if first == "TRUNCATE":
            return "truncate"
        return first.lower()

    def _into(self, node: n.SqlStatement, start: int, end: int, blank: list[tuple[int, int]]) -> None:
        """Cut the variable INTO clause out of a SELECT/VALUES (and RETURNING ... INTO of DML)."""
        kind = node.kind
        if kind not in ("select", "values", "insert", "update", "delete", "merge"):
            return
        if kind not in ("select", "values") and self.find_word(start, end, {"RETURNING", "RETURN"}) < 0:
            return  # DML stores into variables only through RETURNING ... INTO
        j = start
        while True:
            k = self.find_word(j, end, {"INTO"})
            if k < 0:
                return
            prev = self.toks[k - 1].up if k > start else ""
            nxt = self.toks[k + 1].up if k + 1 < end else ""
            if kind in ("select", "values") or prev in ("RETURNING", "RETURN") or (
                    prev == "COLLECT" and k >= start + 2):
                if nxt in ("OUTFILE", "DUMPFILE", "TEMP", "TEMPORARY", "UNLOGGED", "TABLE"):
                    return
                if kind not in ("select", "values") and prev not in ("RETURNING", "RETURN", "COLLECT") \
                        and not self._after_returning(start, k):
                    j = k + 1
                    continue
                break
            if kind not in ("select", "values") and self._after_returning(start, k):
                break
            j = k + 1
        b0 = k
        if prev == "COLLECT" and self.toks[k - 2].up == "BULK":
            node.bulk_collect = True
            b0 = k - 2
        t0 = k + 1
        if nxt == "STRICT":
            node.strict = True
            t0 += 1
        stop = self.find_word(t0, end, INTO_END | {"USING"})
        stop = end if stop < 0 else stop
        node.into = [e for a, b in self.split_commas(t0, stop) if (e := self.expr(a, b))]
        blank.append((b0, stop))

    def _after_returning(self, start: int, k: int) -> bool:
        return self.find_word(start, k, {"RETURNING", "RETURN"}) >= 0

    def _tsql_select_assign(self, node: n.SqlStatement, start: int, end: int,
                            blank: list[tuple[int, int]]) -> n.Node | list[n.Node] | None:
        """T-SQL ``SELECT @a = e1, @b = e2 [FROM ...]``: variables assigned by a query."""
        j = start + 1
        while j < end and self.toks[j].kind == "word" and self.toks[j].up in ("DISTINCT", "TOP", "ALL"):
            j += 1
        if not ((j + 1 < end and self.toks[j].kind == "var" and self.is_punct_at(j + 1, "="))
                or (j + 1 < end and self.toks[j].kind == "var" and self.toks[j + 1].text in _ASSIGN_OPS)):
            return None
        clause = self.find_word(start + 1, end, {"FROM", "WHERE", "GROUP", "ORDER", "UNION", "HAVING", "OPTION",
                                                 "INTO"})
        list_end = clause if clause >= 0 else end
        items = self.split_commas(j, list_end)
        if clause < 0:
            out: list[n.Node] = []
            for a, b in items:
                k = self.find_punct(a, b, _ASSIGN_OPS)
                if k <= a:
                    out.append(self.unknown(a, "SELECT item without '='", b))
                    continue
                asg = n.Assignment(target=self.expr(a, k), value=self.expr(k + 1, b), op=self.toks[k].text)
                self.place(asg, a, b)
                out.append(asg)
            if out:
                self.place(out[0], start, out[0].tok_end)
            return out
        for a, b in items:
            k = self.find_punct(a, b, _ASSIGN_OPS)
            if k > a:
                node.into.append(self.expr(a, k))
                blank.append((a, k + 1))
        return None

    def _temp_table(self, start: int, end: int) -> str | None:
        if self.g == "tsql":
            toks = self.toks[start:end]
            ups = [t.up for t in toks]
            for k, t in enumerate(toks):
                if t.kind == "word" and t.text.startswith("#") and k > 0 and ups[k - 1] in ("TABLE", "INTO"):
                    return t.text
            return None
        toks = self.toks[start:min(end, start + 8)]
        ups = [t.up for t in toks]
        if ups[:1] == ["CREATE"] and ("TEMPORARY" in ups[:4] or "TEMP" in ups[:4]) and "TABLE" in ups[:5]:
            k = ups.index("TABLE") + 1
            while k < len(toks) and ups[k] in ("IF", "NOT", "EXISTS"):
                k += 1
            return toks[k].text if k < len(toks) else None
        if ups[:4] == ["DECLARE", "GLOBAL", "TEMPORARY", "TABLE"] and len(toks) > 4:
            return toks[4].text
        return None


_ASSIGN_OPS = frozenset({"=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="})
_OBJECT_MODIFIERS_KIND = frozenset({"OR", "REPLACE", "GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNIQUE", "CLUSTERED",
                                    "NONCLUSTERED", "UNLOGGED", "PUBLIC", "EDITIONABLE", "NONEDITIONABLE",
                                    "BITMAP", "COLUMNSTORE", "VOLATILE", "MULTISET", "EXTERNAL", "FORCE"})

_DISPATCH: dict[str, Callable[[Parser], n.Node | list[n.Node]]] = {
    "BEGIN": Parser._begin, "DECLARE": Parser._declare, "IF": Parser._if, "CASE": Parser._case,
    "LOOP": Parser._loop, "WHILE": Parser._while, "REPEAT": Parser._repeat, "FOR": Parser._for,
    "FOREACH": Parser._foreach, "FORALL": Parser._forall, "EXIT": Parser._loop_control,
    "CONTINUE": Parser._loop_control, "LEAVE": Parser._loop_control, "ITERATE": Parser._loop_control,
    "BREAK": Parser._loop_control, "GOTO": Parser._goto, "NULL": Parser._null, "RETURN": Parser._return,
    "PIPE": Parser._pipe, "RAISE": Parser._raise, "SIGNAL": Parser._signal, "RESIGNAL": Parser._signal,
    "THROW": Parser._throw, "RAISERROR": Parser._raiserror, "PRINT": Parser._print, "ASSERT": Parser._assert,
    "OPEN": Parser._open, "FETCH": Parser._fetch, "CLOSE": Parser._close_cursor, "DEALLOCATE": Parser._deallocate,
    "EXECUTE": Parser._execute, "EXEC": Parser._execute, "CALL": Parser._call, "PERFORM": Parser._perform,
    "PREPARE": Parser._prepare, "COMMIT": Parser._commit, "ROLLBACK": Parser._commit,
    "SAVEPOINT": Parser._commit, "RELEASE": Parser._commit, "SAVE": Parser._commit, "START": Parser._commit,
    "SET": Parser._set, "GET": Parser._get, "PRAGMA": Parser._statement_pragma,
}
