"""Embedded SQL statements: the span of a statement, its kind, and what is cut out before sqlglot
reads it (INTO variables, T-SQL's SELECT @v = ...), with temporary tables noted."""

from __future__ import annotations

from migplan.parse.procedural import nodes as n
from migplan.parse.procedural.core import Core, Parsed
from migplan.parse.procedural.sql import INTO_END
from migplan.parse.procedural.statements import ASSIGN_OPS

_OBJECT_MODIFIERS_KIND = frozenset({"OR", "REPLACE", "GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNIQUE", "CLUSTERED",
                                    "NONCLUSTERED", "UNLOGGED", "PUBLIC", "EDITIONABLE", "NONEDITIONABLE",
                                    "BITMAP", "COLUMNSTORE", "VOLATILE", "MULTISET", "EXTERNAL", "FORCE"})


class EmbeddedSql(Core):
    # -- embedded SQL ----------------------------------------------------------------------
    def query(self, start: int, end: int) -> n.SqlStatement:
        """The query of a cursor, FOR loop or OPEN over tokens [start, end): always an SqlStatement
        (a T-SQL ``SELECT @v = ...`` there is not an assignment)."""
        got = self.sql_statement(start, end, assign=False)
        assert isinstance(got, n.SqlStatement)
        return got

    def sql_statement(self, start: int | None = None, end: int | None = None, assign: bool = True) -> Parsed:
        """An embedded SQL statement over tokens [start, end) (default: the statement at the
        cursor). The cursor moves past it and its ';'. With ``assign``, a T-SQL
        ``SELECT @v = ...`` becomes the assignments it makes."""
        own = start is None
        start = self.i if start is None else start
        if end is None:
            end = self.statement_end(start)
        node = n.SqlStatement(kind=self._sql_kind(start, end), text=self.text_of(start, end),
                              dialect=self.fl.sqlglot)
        blank: list[tuple[int, int]] = []
        if self.fl.into_variables and not self.sql_body:
            self._into(node, start, end, blank)
        elif assign and node.kind == "select":
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
        while j < end and self.toks[j].kind == "word" and self.toks[j].up in ("DISTINCT", "TOP", "ALL", "PERCENT"):
            if self.toks[j].up == "TOP":  # TOP n | TOP (n) [PERCENT] [WITH TIES]
                j = self.after(self.group_end(j + 1)) if self.is_punct_at(j + 1, "(") else j + 2
                if j + 1 < end and self.toks[j].up == "WITH" and self.toks[j + 1].up == "TIES":
                    j += 2
                continue
            j += 1
        if not (j + 1 < end and self.toks[j].kind == "var" and self.toks[j + 1].kind == "punct"
                and self.toks[j + 1].text in ASSIGN_OPS):
            return None
        clause = self.find_word(start + 1, end, {"FROM", "WHERE", "GROUP", "ORDER", "UNION", "HAVING", "OPTION",
                                                 "INTO"})
        list_end = clause if clause >= 0 else end
        items = self.split_commas(j, list_end)
        if clause < 0 and j == start + 1:  # plain SELECT @a = 1, @b = 2: assignments
            out: list[n.Node] = []
            for a, b in items:
                k = self.find_punct(a, b, ASSIGN_OPS)
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
            k = self.find_punct(a, b, ASSIGN_OPS)
            if k > a and (target := self.expr(a, k)) is not None:
                node.into.append(target)
                blank.append((a, k + 1))
        return None

    def _temp_table(self, start: int, end: int) -> str | None:
        if self.g == "tsql":
            toks = self.toks[start:end]
            ups = [t.up for t in toks]
            for j, t in enumerate(toks):
                if t.kind == "word" and t.text.startswith("#") and j > 0 and ups[j - 1] in ("TABLE", "INTO"):
                    return t.text
            return None
        ups = [t.up for t in self.toks[start:min(end, start + 8)]]
        k = None
        if ups[:1] == ["CREATE"] and ("TEMPORARY" in ups[:4] or "TEMP" in ups[:4]) and "TABLE" in ups[:5]:
            k = ups.index("TABLE") + 1
            while k < len(ups) and ups[k] in ("IF", "NOT", "EXISTS"):
                k += 1
        elif ups[:4] == ["DECLARE", "GLOBAL", "TEMPORARY", "TABLE"]:
            k = 4
        if k is None or start + k >= end:
            return None
        at, self.i = self.i, start + k
        name = self.dotted_name(end)
        self.i = at
        return name or None
