"""The block-structured statement parser (one class, grammar switches per dialect family).

``statement()`` reads one statement at the cursor and returns its node(s); the compound ones
(blocks, IF, CASE, loops, TRY/CATCH) read their statement lists with ``statements(stops)``,
which stops at END or at one of the words the construct expects next. A construct that meets
an END that is not its own records an error and leaves the END to the construct it belongs to,
so one missing END IF does not swallow the rest of the body.
"""

from __future__ import annotations

from collections.abc import Callable

from migplan.parse.procedural import nodes as n
from migplan.parse.procedural.core import MAX_DEPTH, TSQL_STARTERS, Parsed, as_list
from migplan.parse.procedural.declarations import Declarations
from migplan.parse.procedural.embedded import EmbeddedSql
from migplan.parse.procedural.sql import SQL_VERBS
from migplan.parse.procedural.statements import Statements

# Words that can only end a statement list (never start a statement).
_TERMINATORS = frozenset({"END", "ELSE", "ELSIF", "ELSEIF", "WHEN", "EXCEPTION", "UNTIL"})
# After END, the words that say which construct it closes.
_END_OF = frozenset({"IF", "LOOP", "CASE", "WHILE", "REPEAT", "FOR", "TRY", "CATCH", "BEFORE", "AFTER",
                     "INSTEAD"})
_LOOP_LABEL_TARGETS = frozenset({"BEGIN", "LOOP", "WHILE", "REPEAT", "FOR"})


class Parser(Statements, EmbeddedSql, Declarations):
    """The statement parser: control flow here, simple statements in statements.py, embedded SQL
    in embedded.py, declarations in declarations.py; the cursor and scans in core.py."""

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
                return as_list(handler(self))
            if t.up in SQL_VERBS:
                return as_list(self.sql_statement())
        elif t.kind == "punct" and t.text == "(" and self.up(1) in ("SELECT", "WITH", "VALUES"):
            return as_list(self.sql_statement())
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
    def _begin(self) -> Parsed:
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

    def _cc_at(self, word: str) -> bool:
        t = self.tok()
        return t is not None and t.kind == "cc" and t.up == word

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
        cc = n.ConditionalCompilation()
        self.i += 1
        while True:
            b_start = self.i - 1
            end = self._cc_find(self.i, ("$THEN",))
            cond = self.expr(self.i, end)
            self.i = min(end + 1, self.n)
            br = n.IfBranch(condition=cond, statements=body())
            self.place(br, b_start, self.i)
            cc.branches.append(br)
            if self._cc_at("$ELSIF"):
                self.i += 1
                continue
            break
        if self._cc_at("$ELSE"):
            self.i += 1
            cc.else_ = body()
        if self._cc_at("$END"):
            self.i += 1
        else:
            self.error(t.line, "$IF without $END")
        self.place(cc, start, self.i)
        return cc

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
        node: n.LoopStatement
        if self.accept("AS"):  # Db2: FOR v AS [c CURSOR [WITH HOLD] FOR] select DO
            node = cur = n.ForCursor(variable=variable)
            if self.is_name() and self.up(1) == "CURSOR":
                cur.cursor = self.toks[self.i].text
                self.i += 2
                self.accept("WITH", "HOLD") or self.accept("WITHOUT", "HOLD")
                self.accept("FOR")
            end = self.scan(stops={body_word})
            cur.query = self.query(self.i, end)
        elif self.accept("IN"):
            node = self._for_in(variable, body_word)
        else:
            return self.unknown(start, "FOR without IN")
        if not self.accept(body_word):
            self.error(self.toks[start].line, f"FOR without {body_word}")
        node.statements.extend(self.statements())
        self._close(node, start, "FOR" if self.g == "psm" else "LOOP", "FOR")
        return node

    def _for_in(self, variable: str, body_word: str) -> n.LoopStatement:
        reverse = self.accept("REVERSE")
        end = self.scan(stops={body_word})
        dots = self.find_punct(self.i, end, {".."})
        if dots >= 0:
            by = self.find_word(dots + 1, end, {"BY"})
            rng = n.ForRange(variable=variable, reverse=reverse, low=self.expr(self.i, dots),
                             high=self.expr(dots + 1, by if by >= 0 else end))
            if by >= 0:
                rng.step = self.expr(by + 1, end)
            self.i = end
            return rng
        node = n.ForCursor(variable=variable)
        if self.at("EXECUTE"):
            self.i += 1
            using = self.find_word(self.i, end, {"USING"})
            node.dynamic = self.expr(self.i, using if using >= 0 else end)
            if using >= 0:
                node.using = [e for a, b in self.split_commas(using + 1, end) if (e := self.expr(a, b))]
        elif self.is_punct("(") and self.up(1) in ("SELECT", "WITH"):
            close = self.group_end(self.i)
            node.query = self.query(self.i + 1, close)
            self.i = self.after(close)
            if self.i < end:
                self.error(self.toks[self.i].line, "text after the cursor FOR query")
                node.statements.append(self.unknown(self.i, "text after the cursor FOR query", end))
        elif self.at_any(("SELECT", "WITH", "VALUES")):
            node.query = self.query(self.i, end)
        else:
            paren = self.find_punct(self.i, end, {"("})
            name_end = paren if paren >= 0 else end
            node.cursor = self.text_of(self.i, name_end)
            if paren >= 0:
                close = self.group_end(paren)
                node.args = [e for a, b in self.split_commas(paren + 1, close) if (e := self.expr(a, b))]
                if self.after(close) < end:
                    self.error(self.toks[self.after(close)].line, "text after the cursor FOR arguments")
                    node.statements.append(self.unknown(self.after(close), "text after the cursor", end))
        self.i = end
        return node

    def _foreach(self) -> n.Node:
        start = self.i
        self.i += 1
        var_start = self.i
        while self.i < self.n and not self.at_any(("SLICE", "IN")) and not self.is_punct(";"):
            self.i += 1
        node = n.ForEach(variable=self.text_of(var_start, self.i))
        if self.accept("SLICE") and self.tok_kind() == "number":
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

    def _loop_control(self) -> Parsed:
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

    def _finish(self, node: n.Node, start: int) -> Parsed:
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

    def _goto(self) -> Parsed:
        start = self.i
        self.i += 1
        node = n.Goto(target=self.toks[self.i].text if self.is_name() else "")
        if self.is_name():
            self.i += 1
        return self._finish(node, start)

    def _null(self) -> Parsed:
        start = self.i
        if self.g not in ("plsql", "plpgsql"):
            return self.unknown(start, "NULL is not a statement here")
        self.i += 1
        return self._finish(n.Null(), start)

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
