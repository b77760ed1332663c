"""Simple statements: assignments and calls, RETURN, errors and messages (RAISE, SIGNAL, THROW,
RAISERROR, PRINT, ASSERT), cursors (OPEN, FETCH, CLOSE), dynamic SQL and EXEC, transactions,
SET and GET DIAGNOSTICS. Each reads its statement to where it ends and accounts for every token
in it: what it does not expect becomes an Unknown next to it, with an error.
"""

from __future__ import annotations

from migplan.parse.literals import string_value
from migplan.parse.procedural import nodes as n
from migplan.parse.procedural.core import MAX_DEPTH, Core, Parsed
from migplan.parse.procedural.tokens import Tok

ASSIGN_OPS = frozenset({"=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^="})
_PG_LEVELS = frozenset({"DEBUG", "LOG", "INFO", "NOTICE", "WARNING", "EXCEPTION"})
_FETCH_DIRECTIONS = frozenset({"NEXT", "PRIOR", "FIRST", "LAST", "ABSOLUTE", "RELATIVE", "FORWARD", "BACKWARD"})
_SET_OPTIONS_PSM = frozenset({"NAMES", "CHARACTER", "CHARSET", "SESSION", "GLOBAL", "LOCAL", "PERSIST",
                              "PERSIST_ONLY", "CURRENT", "SCHEMA", "PATH", "ROLE", "PASSWORD", "DEFAULT",
                              "ENCRYPTION", "CURRENT_SCHEMA", "CURRENT_PATH"})
_TX_WORDS = frozenset({"WORK", "TRAN", "TRANSACTION"})


class Statements(Core):
    # -- simple statements -----------------------------------------------------------------
    def _assign_or_call(self) -> n.Node:
        start = self.i
        end = self.statement_end(start)
        ops = {":="} if self.g == "plsql" else {":=", "="}
        k = self.find_punct(start, end, ops)
        if k > start:
            assign = n.Assignment(target=self.expr(start, k), value=self.expr(k + 1, end), op=self.toks[k].text)
            self.i = end
            self.semi()
            self.place(assign, start, self.i)
            return assign
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
            raise_ = n.Raise(keyword="RAISE_APPLICATION_ERROR", code=vals[0] if vals else None,
                             message=vals[1] if len(vals) > 1 else None, args=[v for v in vals[2:] if v])
            self.place(raise_, start, end)
            return raise_
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

    def _perform(self) -> Parsed:
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
        sql = self.sql_statement(start, end)
        if isinstance(sql, n.SqlStatement):  # PERFORM query: a SELECT whose rows are discarded
            sql.discard = True
            sql.kind = "select"
            sql.sql = "SELECT " + sql.sql[len("PERFORM"):]
        return sql

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
        if node.keyword == "RETURN QUERY EXECUTE":
            using = self.find_word(self.i, end, {"USING"})
            if using >= 0:
                node.using = [e for a, b in self.split_commas(using + 1, end) if (e := self.expr(a, b))]
                end_value = using
            else:
                end_value = end
            node.value = self.expr(self.i, end_value)
        elif self.i < end:
            first = self.toks[self.i]
            if node.keyword == "RETURN QUERY" or (first.kind == "word" and first.up in ("SELECT", "WITH", "VALUES")):
                node.query = self.query(self.i, end)
            elif first.kind == "punct" and first.text == "(" and self.up(1) in ("SELECT", "WITH") \
                    and self.group_end(self.i) == end - 1 and self.g in ("tsql", "psm"):
                node.query = self.query(self.i + 1, end - 1)
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
    def _raise(self) -> Parsed:
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
                if close + 1 < head_end and (extra := self.expr(close + 1, head_end)) is not None:
                    node.args.append(extra)
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
    def _open(self) -> Parsed:
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
                node.query = self.query(self.i, body_end)
            else:
                node.dynamic = self.expr(self.i, body_end)
            self.i = body_end
            if using >= 0:
                self.i = using
        if self.accept("USING"):
            node.using = [e for a, b in self.split_commas(self.i, end) if (e := self.expr(a, b))]
            self.i = end
        return self._finish(node, start)

    def _fetch(self) -> Parsed:
        start = self.i
        self.i += 1
        end = self.statement_end(start)
        node = n.Fetch()
        if self.at_any(_FETCH_DIRECTIONS) and self.up(1) not in ("INTO", "BULK"):
            d0 = self.i
            self.i += 1
            if self.i < end and (self.tok_kind() in ("number", "var") or self.at("ALL")) and \
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

    def _close_cursor(self) -> Parsed:
        start = self.i
        self.i += 1
        self.accept("GLOBAL")
        node = n.Close(cursor=self.toks[self.i].text if self.is_name() else "")
        if self.is_name():
            self.i += 1
        return self._finish(node, start)

    def _deallocate(self) -> Parsed:
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
        close = n.Close(cursor=self.toks[self.i].text if self.is_name() else "", deallocate=True)
        if self.is_name():
            self.i += 1
        return self._finish(close, start)

    # -- dynamic SQL and EXEC --------------------------------------------------------------
    def _execute(self) -> Parsed:
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

    def parse_literal(self, text: str, tok: Tok, index: int) -> n.Node | None:
        """The statement or block a literal string holds, read by a parser of its own (its nodes
        point at the literal's token for their span, and at their real lines)."""
        from migplan.parse.procedural.units import parse_fragment

        if not text.strip() or self.depth > MAX_DEPTH // 2:
            return None
        return parse_fragment(text, self.fl, tok.line, index, self.depth + 1)

    def _tsql_exec(self) -> Parsed:
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
        if self.at("AS"):  # EXECUTE AS USER = 'x': a context switch, not a call
            switch = n.SetOption(name="EXECUTE AS", value=self.text_of(start + 2, end) or None)
            self.i = end
            self.semi()
            self.place(switch, start, self.i)
            return switch
        result = None
        if self.tok_kind() == "var" and self.is_punct("=", 1):
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
                node.arg_names = [a.name for a in args[:2] if a.name]
            if with_at >= 0:
                node.options = self.text_of(with_at, end)
            out: n.Node = node
        else:
            call = n.Call(keyword=self.toks[start].up, name=name, args=args, result=result)
            if with_at >= 0:
                call.options = self.text_of(with_at, end)
            out = call
        self.i = end
        self.semi()
        self.place(out, start, self.i)
        return out

    def _prepare(self) -> Parsed:
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

    def _commit(self) -> Parsed:
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
            if nxt is not None and nxt.kind == "var" and self.find_punct(start + 2, end, ASSIGN_OPS) == start + 2:
                return self._assignments(start, end)
            return self._set_option(start, end)
        if g == "plpgsql":
            return self._set_option(start, end)
        # PSM: SET v = e, @u = e, @@sys = e are assignments; NAMES, SESSION x, CURRENT SCHEMA... settings
        if self.up(1) in _SET_OPTIONS_PSM or self.find_punct(start + 1, end, ASSIGN_OPS) < 0:
            return self._set_option(start, end)
        return self._assignments(start, end)

    def _assignments(self, start: int, end: int) -> list[n.Node]:
        """SET a = 1, b = 2 (PSM, T-SQL): one Assignment per item."""
        out: list[n.Node] = []
        for a, b in self._assignment_items(start + 1, end):
            k = self.find_punct(a, b, ASSIGN_OPS)
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
        return j < b and self.toks[j].kind == "punct" and self.toks[j].text in ASSIGN_OPS

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
