"""Declarations: PL/SQL and PL/pgSQL declare sections (variables, constants, cursors, exceptions,
types, pragmas, nested and package subprograms, compound-trigger timing points), PSM and T-SQL
DECLARE statements (variables, cursors, handlers, conditions, table variables), parameter lists.
"""

from __future__ import annotations

from migplan.parse.procedural import nodes as n
from migplan.parse.procedural.core import MAX_DEPTH, Core, N, as_list

_METHOD_WORDS = frozenset({"MEMBER", "STATIC", "CONSTRUCTOR", "MAP", "ORDER", "OVERRIDING", "FINAL",
                           "INSTANTIABLE", "NOT"})
_SUBPROGRAM_OPTIONS = frozenset({"DETERMINISTIC", "PIPELINED", "PARALLEL_ENABLE", "RESULT_CACHE", "AUTHID",
                                 "ACCESSIBLE", "AGGREGATE", "SQL_MACRO", "DEFAULT", "SHARING", "RELIES_ON",
                                 "USING", "CURRENT_USER", "DEFINER", "BY"})
_PARAM_MODES = frozenset({"IN", "OUT", "INOUT", "NOCOPY", "OUTPUT", "READONLY", "VARIADIC"})
_TIMING = frozenset({"BEFORE", "AFTER", "INSTEAD"})
_PSM_CURSOR_WORDS = frozenset({"CURSOR", "SCROLL", "INSENSITIVE", "ASENSITIVE", "SENSITIVE", "NO"})
_TSQL_CURSOR_WORDS = frozenset({"CURSOR", "INSENSITIVE", "SCROLL"})


def _copy(node: N | None) -> N | None:
    return node.copy() if node is not None else None


class Declarations(Core):
    # -- PL/SQL and PL/pgSQL declare sections ----------------------------------------------
    def declare_section(self, stops: frozenset[str] | set[str]) -> list[n.Node]:
        """Declarations up to BEGIN/END (or one of ``stops``)."""
        out: list[n.Node] = []
        while self.i < self.n:
            t = self.toks[self.i]
            if t.kind == "punct" and t.text == ";":
                self.i += 1
                continue
            if t.kind == "word" and (t.up in stops or t.up == "END" or t.up == "BEGIN"):
                break
            if t.kind == "cc":
                if t.up in ("$IF", "$ERROR"):
                    out.append(self._conditional(lambda: self.declare_section(stops)))
                    continue
                break
            if self.g == "plpgsql" and t.kind == "word" and t.up == "DECLARE":
                self.i += 1
                continue
            start = self.i
            out.extend(self.declaration())
            if self.i == start:  # pragma: no cover - declaration() always consumes
                out.append(self.unknown(start, "not understood"))
        return out

    def declaration(self) -> list[n.Node]:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                return [self._too_deep()]
            return self._declaration()
        finally:
            self.depth -= 1

    def _declaration(self) -> list[n.Node]:
        start = self.i
        t = self.toks[start]
        u = t.up if t.kind == "word" else ""
        plsql = self.g == "plsql"
        if u == "PRAGMA":
            return [self._pragma()]
        if u == "CURSOR" and plsql:
            return [self._plsql_cursor()]
        if u in ("TYPE", "SUBTYPE") and plsql and self.is_name(1):
            return [self._type_decl()]
        if u in ("PROCEDURE", "FUNCTION") or (u in _METHOD_WORDS and self._method_ahead()):
            return [self.subprogram()]
        if u in _TIMING and plsql and self._timing_point_ahead():
            return [self._timing_point()]
        if t.kind in ("word", "qident"):
            nxt = self.up(1)
            if nxt == "EXCEPTION" and self.is_punct(";", 2):
                self.i += 2
                self.semi()
                return [self.make(n.ExceptionDecl, start, name=t.text)]
            if self.g == "plpgsql" and nxt == "ALIAS":
                return [self._pg_alias()]
            if self.g == "plpgsql" and (nxt == "CURSOR" or (nxt in ("SCROLL", "NO") and "CURSOR" in
                                                            (self.up(2), self.up(3)))):
                return [self._pg_cursor()]
            return [self.variable()]
        return [self.unknown(start, f"a declaration starting with {t.text!r} is not understood")]

    def _method_ahead(self) -> bool:
        j = self.i
        while j < self.n and self.toks[j].kind == "word" and self.toks[j].up in _METHOD_WORDS:
            j += 1
        return j < self.n and self.toks[j].up in ("PROCEDURE", "FUNCTION")

    def _timing_point_ahead(self) -> bool:
        words = [t.up for t in self.toks[self.i:self.i + 5]]
        return words[:2] in (["BEFORE", "STATEMENT"], ["AFTER", "STATEMENT"]) or \
            words[:3] in (["BEFORE", "EACH", "ROW"], ["AFTER", "EACH", "ROW"]) or \
            words[:4] == ["INSTEAD", "OF", "EACH", "ROW"]

    def variable(self) -> n.Node:
        """``name [CONSTANT] type [NOT NULL] [:= | DEFAULT | = expr]``."""
        start = self.i
        node = n.VariableDecl(name=self.toks[start].text)
        self.i += 1
        node.constant = self.accept("CONSTANT")
        ops = {":=", "="} if self.g == "plpgsql" else {":="}
        type_end = self.scan(stops={"DEFAULT", "NOT", "COLLATE"}, puncts=ops)
        node.datatype = self.datatype(self.i, type_end)
        self.i = type_end
        if self.accept("COLLATE") and self.is_name():
            self.i += 1
        node.not_null = self.accept("NOT", "NULL")
        t = self.tok()
        if self.accept("DEFAULT") or (t is not None and t.kind == "punct" and t.text in ops
                                      and self.accept_punct(t.text)):
            end = self.scan()
            node.default = self.expr(self.i, end)
            self.i = end
        return self._decl_end(node, start)

    def _decl_end(self, node: n.Node, start: int) -> n.Node:
        """End a declaration at its ';'; anything before it becomes part of an Unknown."""
        end = self.scan()
        if end > self.i:
            self.error(self.toks[self.i].line, f"unexpected {self.toks[self.i].text!r} in a declaration")
            self.place(node, start, self.i)
            self.i = end
            self.semi()
            return self.make(n.Unknown, start, text=self.text_of(start, end), message="declaration not understood")
        self.semi()
        self.place(node, start, self.i)
        return node

    def _pragma(self) -> n.Node:
        start = self.i
        self.i += 1
        node = n.PragmaDecl(name=self.toks[self.i].text if self.is_name() else "")
        if self.is_name():
            self.i += 1
        if self.is_punct("("):
            close = self.group_end(self.i)
            node.args = [e for a, b in self.split_commas(self.i + 1, close) if (e := self.expr(a, b))]
            self.i = self.after(close)
        return self._decl_end(node, start)

    def _plsql_cursor(self) -> n.Node:
        """CURSOR c [(params)] [RETURN type] [IS select];"""
        start = self.i
        self.i += 1
        node = n.CursorDecl(name=self.toks[self.i].text if self.is_name() else "")
        if self.is_name():
            self.i += 1
        if self.is_punct("("):
            node.params = self.params()
        if self.accept("RETURN"):
            end = self.scan(stops={"IS"})
            node.return_type = self.datatype(self.i, end)
            self.i = end
        if self.accept("IS"):
            end = self.scan()
            node.query = self.query(self.i, end)
        return self._decl_end(node, start)

    def _pg_cursor(self) -> n.Node:
        """name [[NO] SCROLL] CURSOR [(args)] FOR|IS query;"""
        start = self.i
        node = n.CursorDecl(name=self.toks[start].text)
        self.i += 1
        while self.at_any(("NO", "SCROLL")):
            node.options.append(self.up())
            self.i += 1
        self.accept("CURSOR")
        if self.is_punct("("):
            node.params = self.params()
        if self.accept("FOR") or self.accept("IS"):
            end = self.scan()
            node.query = self.query(self.i, end)
        return self._decl_end(node, start)

    def _pg_alias(self) -> n.Node:
        start = self.i
        node = n.VariableDecl(name=self.toks[start].text)
        self.i += 2
        self.accept("FOR")
        end = self.scan()
        node.alias_of = self.text_of(self.i, end)
        self.i = end
        return self._decl_end(node, start)

    def _type_decl(self) -> n.Node:
        start = self.i
        sub = self.up() == "SUBTYPE"
        self.i += 1
        node = n.TypeDecl(name=self.toks[self.i].text)
        self.i += 1
        self.accept("IS") or self.accept("AS")
        end = self.scan()
        node.definition = self.text_of(self.i, end)
        if sub:
            node.type_kind = "subtype"
            rng = self.find_word(self.i, end, {"RANGE", "NOT"})
            node.element = self.datatype(self.i, rng if rng >= 0 else end)
        elif self.at("RECORD") or self.at("OBJECT"):
            node.type_kind = self.up().lower()
            self.i += 1
            if self.is_punct("("):
                close = self.group_end(self.i)
                node.fields = [self._field(a, b) for a, b in self.split_commas(self.i + 1, close) if b > a]
        elif self.at("TABLE", "OF") or self.at("VARRAY") or self.at("VARYING", "ARRAY"):
            node.type_kind = "table" if self.at("TABLE") else "varray"
            of = self.find_word(self.i, end, {"OF"})
            index = self.find_word(self.i, end, {"INDEX"})
            stop = self.find_word(of + 1, end, {"INDEX", "NOT"}) if of >= 0 else -1
            node.element = self.datatype(of + 1, stop if stop >= 0 else end) if of >= 0 else None
            if index >= 0 and self.toks[index + 1].up == "BY":
                stop2 = self.find_word(index + 2, end, {"NOT"})
                node.index_by = self.datatype(index + 2, stop2 if stop2 >= 0 else end)
        elif self.at("REF", "CURSOR"):
            node.type_kind = "ref cursor"
            ret = self.find_word(self.i, end, {"RETURN"})
            node.element = self.datatype(ret + 1, end) if ret >= 0 else None
        else:
            node.type_kind = "other"
        self.i = end
        self.semi()
        self.place(node, start, self.i)
        return node

    def _field(self, a: int, b: int) -> n.VariableDecl:
        """A record field: ``name type [NOT NULL] [:= | DEFAULT expr]`` within tokens [a, b)."""
        f = n.VariableDecl(name=self.toks[a].text)
        d = self.find_word(a + 1, b, {"DEFAULT"})
        k = self.find_punct(a + 1, b, {":="})
        cut = min(x for x in (d, k, b) if x >= 0)
        type_end = cut
        if type_end - 2 > a and self.toks[type_end - 2].up == "NOT" and self.toks[type_end - 1].up == "NULL":
            f.not_null = True
            type_end -= 2
        f.datatype = self.datatype(a + 1, type_end)
        if cut < b:
            f.default = self.expr(cut + 1, b)
        self.place(f, a, b)
        return f

    def params(self) -> list[n.Param]:
        """A parenthesised parameter list at the cursor."""
        open_ = self.i
        close = self.group_end(open_)
        out = []
        for a, b in self.split_commas(open_ + 1, close):
            if b <= a:
                continue
            p = n.Param(name=self.toks[a].text)
            j = a + 1
            modes = []
            while j < b and self.toks[j].kind == "word" and self.toks[j].up in _PARAM_MODES:
                modes.append(self.toks[j].up)
                j += 1
            if "INOUT" in modes or ("IN" in modes and "OUT" in modes):
                p.mode = "IN OUT"
            elif "OUT" in modes or "OUTPUT" in modes:
                p.mode = "OUT"
            d = self.find_word(j, b, {"DEFAULT"})
            k = self.find_punct(j, b, {":=", "="})
            cut = min(x for x in (d, k, b) if x >= 0)
            p.datatype = self.datatype(j, cut)
            if cut < b:
                p.default = self.expr(cut + 1, b)
            self.place(p, a, b)
            out.append(p)
        self.i = self.after(close)
        return out

    def subprogram(self) -> n.Node:
        """[method words] PROCEDURE|FUNCTION name [(params)] [RETURN t] [options] (; | IS|AS body)."""
        start = self.i
        method = []
        while self.at_any(_METHOD_WORDS):
            method.append(self.up())
            self.i += 1
        node = n.Subprogram(kind=self.up().lower())
        node.method = " ".join(w for w in method if w in ("MEMBER", "STATIC", "CONSTRUCTOR", "MAP", "ORDER")) or None
        node.options = [w for w in method if w not in ("MEMBER", "STATIC", "CONSTRUCTOR", "MAP", "ORDER")]
        self.i += 1
        node.name = self.dotted_name()
        if self.is_punct("("):
            node.params = self.params()
        if self.accept("RETURN") or self.accept("RETURNS"):
            if self.at("SELF", "AS", "RESULT"):
                node.returns = self.make(n.DataType, self.i, self.i + 3, text=self.text_of(self.i, self.i + 3))
                self.i += 3
            else:
                end = self.scan(stops={"IS", "AS"} | _SUBPROGRAM_OPTIONS, puncts={","})
                node.returns = self.datatype(self.i, end)
                self.i = end
        while self.at_any(_SUBPROGRAM_OPTIONS) or self._at_cc_if():
            o = self.i
            if self._at_cc_if():  # $IF ... $THEN result_cache ... $END in a header: kept as an option
                self.i = self.cc_block_end(self.i)
                node.options.append(self.text_of(o, self.i))
                continue
            self.i += 1
            while (self.is_name() and not self.at_any(_SUBPROGRAM_OPTIONS | {"IS", "AS"})) or self.is_punct("("):
                if self.is_punct("("):
                    self.i = self.after(self.group_end(self.i))
                else:
                    self.i += 1
            node.options.append(self.text_of(o, self.i))
        if self.accept("IS") or self.accept("AS"):
            if self.at_any(("LANGUAGE", "EXTERNAL")):
                end = self.scan()
                node.external = self.text_of(self.i, end)
                self.i = end
            else:
                body_start = self.i
                decls = self.declare_section({"BEGIN"})
                if self.at("BEGIN"):
                    node.block = self.block(body_start, decls)
                else:
                    self.error(self.toks[start].line, f"{node.kind} {node.name} has no BEGIN")
                    node.block = self.make(n.Block, body_start, declarations=decls)
                    if self._end():
                        node.block.end_label = self.end_label
                        self.place(node.block, body_start, self.i)
                self.place(node, start, self.i)
                return node
        return self._decl_end(node, start)

    def _at_cc_if(self) -> bool:
        t = self.tok()
        return t is not None and t.kind == "cc" and t.up == "$IF"

    def cc_block_end(self, j: int) -> int:
        """Index just past the $END matching the $IF at ``j`` (flat count, nesting aware)."""
        depth = 0
        while j < self.n:
            t = self.toks[j]
            if t.kind == "cc" and t.up == "$IF":
                depth += 1
            elif t.kind == "cc" and t.up == "$END":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return j

    def _timing_point(self) -> n.Node:
        """A compound trigger section: BEFORE STATEMENT IS ... END BEFORE STATEMENT;"""
        start = self.i
        while not self.at("IS") and self.i < self.n and self.i - start < 4:
            self.i += 1
        words = self.text_of(start, self.i)
        node = n.TimingPoint(name=" ".join(words.upper().split()))
        self.accept("IS")
        body_start = self.i
        decls = self.declare_section({"BEGIN"})
        if self.at("BEGIN"):
            node.block = self.block(body_start, decls, end_what=tuple(node.name.split()))
        else:
            self.error(self.toks[start].line, f"{node.name} section has no BEGIN")
            node.block = self.make(n.Block, body_start, declarations=decls)
        self.place(node, start, self.i)
        return node

    # -- PSM (MySQL, Db2) DECLARE ----------------------------------------------------------
    def psm_declarations(self) -> list[n.Node]:
        out: list[n.Node] = []
        while self.at("DECLARE"):
            out.extend(self.psm_declare())
        return out

    def psm_declare(self) -> list[n.Node]:
        start = self.i
        self.i += 1
        end = self.statement_end(start)
        if self.at_any(("CONTINUE", "EXIT", "UNDO")) and self.up(1) == "HANDLER":
            return [self._handler(start)]
        if self.is_name() and self.up(1) == "CONDITION":
            node = n.ConditionDecl(name=self.toks[self.i].text)
            self.i += 2
            self.accept("FOR")
            node.condition = self.text_of(self.i, end)
            self.i = end
            return [self._decl_end(node, start)]
        if self.is_name() and self.up(1) in _PSM_CURSOR_WORDS and "CURSOR" in (self.up(1), self.up(2), self.up(3)):
            return [self._psm_cursor(start, end)]
        if self.at("GLOBAL", "TEMPORARY") or self.at("GLOBAL", "TEMP"):
            return as_list(self.sql_statement(start))
        names = [self.toks[self.i].text] if self.is_name() else []
        name_at = [self.i]
        if names:
            self.i += 1
        while self.is_punct(",") and self.is_name(1):
            names.append(self.toks[self.i + 1].text)
            name_at.append(self.i + 1)
            self.i += 2
        if not names:
            return [self.unknown(start, "DECLARE not understood", end)]
        dflt = self.find_word(self.i, end, {"DEFAULT"})
        datatype = self.datatype(self.i, dflt if dflt >= 0 else end)
        default = self.expr(dflt + 1, end) if dflt >= 0 else None
        self.i = end
        self.semi()
        # one node per name: each spans its name, the first the DECLARE too, the last the type
        # and default (the others get their own copies of those)
        out: list[n.Node] = []
        for k, name in enumerate(names):
            last = k == len(names) - 1
            v = n.VariableDecl(name=name, datatype=datatype if last else _copy(datatype),
                               default=default if last else _copy(default))
            at = name_at[k]
            self.place(v, start if k == 0 else at, self.i if last else at + 1)
            out.append(v)
        return out

    def _handler(self, start: int) -> n.Node:
        node = n.HandlerDecl(action=self.up())
        self.i += 2
        self.accept("FOR")
        while self.i < self.n:
            c0 = self.i
            if self.accept("SQLSTATE"):
                self.accept("VALUE")
                self.i += 1
            elif self.accept("NOT", "FOUND") or self.accept("SQLWARNING") or self.accept("SQLEXCEPTION"):
                pass
            elif self.is_name() or self.tok_kind() == "number":
                self.i += 1
            node.conditions.append(self.text_of(c0, self.i))
            if not self.accept_punct(","):
                break
        node.name = ", ".join(node.conditions)
        node.body = self.single_statement()
        if node.body is None:
            self.error(self.toks[start].line, "handler without a statement")
        self.semi()
        self.place(node, start, self.i)
        return node

    def _psm_cursor(self, start: int, end: int) -> n.Node:
        node = n.CursorDecl(name=self.toks[self.i].text)
        self.i += 1
        words = []
        while self.i < end and not self.at("FOR"):
            if not self.at("CURSOR"):
                words.append(self.toks[self.i].text.upper())
            self.i += 1
        for w in words:  # phrases: SCROLL, WITH HOLD, WITH RETURN TO CALLER
            if w == "WITH" or not node.options:
                node.options.append(w)
            else:
                node.options[-1] += " " + w
        if self.accept("FOR"):
            if self.at_any(("SELECT", "WITH", "VALUES")) or self.is_punct("("):
                node.query = self.query(self.i, end)
            elif self.is_name() and self.i + 1 == end:
                node.statement_name = self.toks[self.i].text
            else:
                node.query = self.query(self.i, end)
        self.i = end
        return self._decl_end(node, start)

    # -- T-SQL DECLARE ---------------------------------------------------------------------
    def tsql_declare(self) -> list[n.Node]:
        start = self.i
        self.i += 1
        end = self.statement_end(start)
        t = self.tok()
        if t is not None and t.kind in ("word", "qident") and self.up(1) in _TSQL_CURSOR_WORDS:
            node = n.CursorDecl(name=t.text)
            self.i += 1
            k = self.find_word(self.i, end, {"FOR"})
            opts = self.text_of(self.i, k if k >= 0 else end).split()
            node.options = [o.upper() for o in opts if o.upper() != "CURSOR"]
            if k >= 0:
                q_end = end
                tail = self._cursor_tail(k + 1, end)
                if tail >= 0:
                    node.options.append(" ".join(self.text_of(tail, end).upper().split()))
                    q_end = tail
                node.query = self.query(k + 1, q_end)
            self.i = end
            self.semi()
            self.place(node, start, self.i)
            return [node]
        out: list[n.Node] = []
        for a, b in self.split_commas(self.i, end):
            if b <= a or self.toks[a].kind not in ("var", "word"):
                out.append(self.unknown(a, "DECLARE item not understood", b))
                continue
            v = n.VariableDecl(name=self.toks[a].text)
            j = a + 1
            if j < b and self.toks[j].up == "AS":
                j += 1
            eq = self.find_punct(j, b, {"="})
            v.datatype = self.datatype(j, eq if eq >= 0 else b)
            if eq >= 0:
                v.default = self.expr(eq + 1, b)
            self.place(v, a, b)
            out.append(v)
        self.i = end
        self.semi()
        if out:
            self.place(out[0], start, out[0].tok_end)
            self.place(out[-1], out[-1].tok_start, self.i)
        else:
            out.append(self.make(n.Unknown, start, text=self.text_of(start, end), message="empty DECLARE"))
        return out

    def _cursor_tail(self, start: int, end: int) -> int:
        """Where a T-SQL cursor query's trailing FOR UPDATE [OF ...] / FOR READ ONLY starts, or -1."""
        j = start
        while True:
            k = self.find_word(j, end, {"FOR"})
            if k < 0:
                return -1
            if k + 1 < end and self.toks[k + 1].up in ("UPDATE", "READ"):
                return k
            j = k + 1
