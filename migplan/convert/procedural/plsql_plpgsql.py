"""Oracle PL/SQL -> PostgreSQL PL/pgSQL: standalone procedures, functions and triggers.

The procedural tree (migplan.parse.procedural) is written statement by statement with the rule of
each node class (``PlpgsqlWriter.STATEMENTS``); every expression and embedded SQL statement goes
through the pair's expression converter, so bodies get the rewrites views get (NVL, SYSDATE,
sequences, DUAL, names). What PL/pgSQL does differently and is rewritten here:

- ``SELECT ... INTO`` becomes ``SELECT ... INTO STRICT``: Oracle raises NO_DATA_FOUND/TOO_MANY_ROWS,
  PL/pgSQL only with STRICT.
- triggers become a trigger function plus CREATE TRIGGER; ``:NEW``/``:OLD`` (and REFERENCING
  aliases) become NEW/OLD, INSERTING/UPDATING/DELETING test TG_OP, the function returns NEW (BEFORE
  row triggers) or NULL.
- RAISE_APPLICATION_ERROR becomes RAISE EXCEPTION with SQLSTATE P0001 (the Oracle number in DETAIL),
  DBMS_OUTPUT.PUT_LINE a RAISE NOTICE, calls of the scripts' procedures CALL, of functions PERFORM.
- ``x := SQL%ROWCOUNT`` becomes GET DIAGNOSTICS; SQL%FOUND/%NOTFOUND become FOUND/NOT FOUND.
- ``FOR i IN REVERSE a..b`` swaps its bounds (PL/pgSQL counts from the first bound down).

Everything else without a faithful rewrite (packages and their calls, collections, BULK COLLECT,
user-defined exceptions, autonomous transactions, explicit cursors, dynamic SQL that is not a
literal, COMMIT inside a block with an exception handler...) raises NotConverted at its line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlglot import exp

from migplan.convert.context import ConvertContext
from migplan.convert.expressions import BLOCKING
from migplan.convert.procedural.base import NotConverted, outside_strings, sub_outside_strings
from migplan.model.conversion import ConvertedObject, TargetStatement
from migplan.model.schema import Routine, Table
from migplan.parse.procedural import nodes as pp
from migplan.parse.tokens import ParseError
from migplan.parse.types import parse_type_text

# Oracle's predefined exceptions and the PostgreSQL condition that is raised in the same case
EXCEPTIONS = {
    "NO_DATA_FOUND": "no_data_found",
    "TOO_MANY_ROWS": "too_many_rows",
    "ZERO_DIVIDE": "division_by_zero",
    "DUP_VAL_ON_INDEX": "unique_violation",
    "INVALID_NUMBER": "invalid_text_representation",
    "OTHERS": "OTHERS",
}
# declarations without a rewrite, as the item names them
_DECLARATIONS = {
    "ExceptionDecl": "a user-defined exception", "TypeDecl": "a PL/SQL type (record or collection)",
    "PragmaDecl": "PRAGMA", "Subprogram": "a nested subprogram", "CursorDecl": "a cursor with parameters",
    "VariableDecl": "an alias", "ConditionDecl": "a condition", "HandlerDecl": "a handler",
}
_MODES = {"IN": "IN", "OUT": "OUT", "IN OUT": "INOUT", "INOUT": "INOUT"}
_PREDICATE = re.compile(r"(?<![\w$#.:])(INSERTING|DELETING|UPDATING)\b(\s*\(\s*'([^']*)'\s*\))?", re.I)
_CURSOR_ATTR = re.compile(r"(?<![\w$#])SQL\s*%\s*(FOUND|NOTFOUND|ROWCOUNT|ISOPEN|BULK_\w+)", re.I)
_ANY_CURSOR_ATTR = re.compile(r"%\s*(FOUND|NOTFOUND|ROWCOUNT|ISOPEN|BULK_\w+)\b", re.I)
_SQLCODE = re.compile(r"(?<![\w$#])SQLCODE\b", re.I)
_BIND = re.compile(r"(?<![\w$#:]):(\w+)")


class PlpgsqlWriter:
    """Writes one ProcUnit as PL/pgSQL. ``kind``: function | procedure | trigger."""

    def __init__(self, unit: pp.ProcUnit, obj: Routine, ctx: ConvertContext, conv: ConvertedObject):
        self.unit = unit
        self.obj = obj
        self.ctx = ctx
        self.conv = conv
        self.kind = obj.kind
        self.lines: list[str] = []
        self.records: list[str] = []  # loop records PL/pgSQL wants declared (cursor FOR loops)
        self.placeholders: dict[str, str] = {}
        self.pseudo = {"NEW": "NEW", "OLD": "OLD"}
        if unit.trigger is not None:
            for k, alias in unit.trigger.referencing.items():
                if k in ("NEW", "OLD"):
                    self.pseudo[alias.upper()] = k
        routines = {(o.name.upper()): o for o in ctx.inventory.routines if o.kind in ("procedure", "function")}
        self.procedures = {k for k, o in routines.items() if o.kind == "procedure"}
        self.functions = {k for k, o in routines.items() if o.kind == "function"}

    # -- text of expressions -------------------------------------------------------------------
    def _source_text(self, text: str, line: int) -> str:
        """Oracle-only spellings a PostgreSQL reading would not see, rewritten in the source text."""
        def fix(part: str) -> str:
            if _SQLCODE.search(part):
                raise NotConverted(line, "SQLCODE (PostgreSQL has SQLSTATE, a five-character code, not Oracle's "
                                         "error number)")
            part = _CURSOR_ATTR.sub(lambda m: self._sql_attr(m.group(1), line), part)
            if _ANY_CURSOR_ATTR.search(part):
                raise NotConverted(line, "an explicit cursor's attribute (%FOUND, %ROWCOUNT...)")

            def bind(m: re.Match[str]) -> str:
                pseudo = self.pseudo.get(m.group(1).upper()) if self.unit.trigger is not None else None
                if pseudo is None:
                    raise NotConverted(line, f"bind variable :{m.group(1)}")
                return pseudo
            return _BIND.sub(bind, part)
        # UPDATING('COL') holds a string: trigger predicates are found in the whole text first
        text = sub_outside_strings(_PREDICATE, lambda m: self._predicate(m, line), text)
        return outside_strings(text, fix)

    # PL/pgSQL spellings are put in after the conversion: the Oracle reading of the text sees a
    # placeholder name (a column to sqlglot) where the target text goes
    def _placeholder(self, target_text: str) -> str:
        key = f"migplan_ph{len(self.placeholders)}"
        self.placeholders[key] = target_text
        return key

    def _sql_attr(self, attr: str, line: int) -> str:
        attr = attr.upper()
        if attr == "FOUND":
            return self._placeholder("FOUND")
        if attr == "NOTFOUND":
            return self._placeholder("(NOT FOUND)")
        raise NotConverted(line, f"SQL%{attr} inside an expression (only x := SQL%ROWCOUNT has a rewrite)")

    def _predicate(self, m: re.Match[str], line: int) -> str:
        if self.unit.trigger is None:
            raise NotConverted(line, f"{m.group(1)} outside a trigger")
        op = {"INSERTING": "INSERT", "DELETING": "DELETE", "UPDATING": "UPDATE"}[m.group(1).upper()]
        if m.group(3) is None:
            return self._placeholder(f"(TG_OP = '{op}')")
        # UPDATING('COL') is true when the UPDATE names the column; PostgreSQL can only see a change
        # (TRG006, raised by the rule for every predicate, says so)
        col = self.ctx.profile.ident(self.ctx.names.base(m.group(3)))
        return self._placeholder(f"(TG_OP = 'UPDATE' AND NEW.{col} IS DISTINCT FROM OLD.{col})")

    def _fill(self, sql: str) -> str:
        if not self.placeholders:
            return sql
        return re.sub(r"\bmigplan_ph\d+\b", lambda m: self.placeholders[m.group().lower()], sql, flags=re.I)

    def expr(self, e: pp.Expr | None, line: int | None = None) -> str:
        if e is None:
            raise NotConverted(line or self.obj.location.line, "an expression migplan could not read")
        return self._convert(self._source_text(e.text, e.line), "expression", e.line).sql or ""

    def _convert(self, text: str, context: str, line: int):
        c = self.ctx.exprs.convert(text, context=context)
        if c.sql is not None:
            c.sql = self._fill(c.sql)
        for code, message in c.problems:
            if code in BLOCKING or c.sql is None:
                raise NotConverted(line, message)
            self.ctx.finding(self.conv, code, message, line)
        if c.sql is None:
            raise NotConverted(line, "no PostgreSQL rewrite")
        return c

    def sql(self, s: pp.SqlStatement) -> str:
        if s.bulk_collect:
            raise NotConverted(s.line, "BULK COLLECT (a collection)")
        if s.kind not in ("select", "insert", "update", "delete", "merge", "with"):
            raise NotConverted(s.line, f"{s.kind.upper()} statement in a body")
        c = self._convert(self._source_text(s.sql, s.line), "query", s.line)
        if not s.into:
            return c.sql
        tree = c.tree
        if not isinstance(tree, exp.Select):
            raise NotConverted(s.line, "SELECT ... INTO over a set operation")
        targets = ", ".join(self.target(t) for t in s.into)
        tree = tree.copy()
        tree.set("into", exp.Into(this=exp.to_table("migplan_into_targets")))
        text = self._fill(tree.sql(dialect=self.ctx.profile.sqlglot))
        return text.replace("INTO migplan_into_targets", f"INTO STRICT {targets}", 1)

    def target(self, e: pp.Expr | None) -> str:
        """An assignment target: a variable, a parameter or NEW.column."""
        if e is None:
            raise NotConverted(self.obj.location.line, "an assignment target migplan could not read")
        text = self._source_text(e.text, e.line).strip()
        if not re.fullmatch(r"[A-Za-z_][\w$#]*(\.[A-Za-z_][\w$#]*)?", text):
            raise NotConverted(e.line, f"assignment to {e.text.strip()} (a collection element or record field path)")
        head, _, col = text.partition(".")
        if col:
            if head not in ("NEW", "OLD"):
                raise NotConverted(e.line, f"assignment to a record field {e.text.strip()}")
            return f"{head}.{self.ctx.profile.ident(self.ctx.names.base(col))}"
        return head.lower()

    def datatype(self, d: pp.DataType | None, line: int) -> str:
        if d is None:
            raise NotConverted(line, "a declaration without a type")
        if d.anchor is not None:
            return self._anchored(d, line)
        try:
            spec = parse_type_text(d.text, self.ctx.source.splitter or "oracle")
        except ParseError as err:
            raise NotConverted(line, f"type {d.text}: {err}") from None
        if spec.base in ("PLS_INTEGER", "BINARY_INTEGER", "SIMPLE_INTEGER", "NATURAL", "POSITIVE"):
            return "integer"
        if spec.base in ("BOOLEAN",):
            return "boolean"
        if spec.base in ("VARCHAR2", "NVARCHAR2", "VARCHAR", "CHAR", "NCHAR") and not spec.params:
            return "text"  # a PL/SQL variable with no length: as long as a value can be
        mapped = self.ctx.map_type(spec)
        if mapped.item and mapped.item in BLOCKING:
            raise NotConverted(line, mapped.message or f"type {d.text}")
        return mapped.sql

    def _anchored(self, d: pp.DataType, line: int) -> str:
        parts: list[str | None] = [p.strip('"') for p in (d.anchored_to or "").split(".")]
        if d.anchor == "TYPE" and len(parts) in (2, 3):
            schema, table_name, column = (parts if len(parts) == 3 else [None, *parts])
            table, qualified = self.ctx.table_target(schema, table_name or "")
            if isinstance(table, Table):
                col = table.column(column or "")
                if col is not None:
                    return f"{qualified}.{self.ctx.profile.ident(self.ctx.names.base(col.name))}%TYPE"
        if d.anchor == "ROWTYPE" and len(parts) in (1, 2):
            schema, table_name = (parts if len(parts) == 2 else [None, *parts])
            table, qualified = self.ctx.table_target(schema, table_name or "")
            if isinstance(table, Table):
                return f"{qualified}%ROWTYPE"
        raise NotConverted(line, f"{d.text} (anchored to something the scripts do not define as a table column)")

    # -- output --------------------------------------------------------------------------------
    def emit(self, depth: int, text: str) -> None:
        self.lines.append("    " * depth + text)

    def statements(self, nodes: list[pp.Node], depth: int) -> None:
        for node in nodes:
            self.statement(node, depth)

    def statement(self, node: pp.Node, depth: int) -> None:
        if isinstance(node, pp.Statement) and node.label and not isinstance(node, pp.Label):
            self.emit(depth, f"<<{node.label.lower()}>>")
        for cls, method in self.STATEMENTS:
            if isinstance(node, cls):
                method(self, node, depth)
                return
        name = type(node).__name__
        raise NotConverted(node.line, f"{name} statement ({getattr(node, 'text', '') or name})"[:200])

    # one method per statement class; the first class that matches wins (subclasses first)
    def _block(self, b: pp.Block, depth: int) -> None:
        if b.declarations:
            self.emit(depth, "DECLARE")
            self.declarations(b.declarations, depth + 1)
        self.emit(depth, "BEGIN")
        self.body(b, depth + 1)
        self.emit(depth, "END;")

    def body(self, b: pp.Block, depth: int) -> None:
        if b.handlers and _ends_transaction(b):
            raise NotConverted(b.line, "COMMIT or ROLLBACK inside a block with an exception handler (PostgreSQL "
                                       "cannot end a transaction there)")
        self.statements(b.statements, depth)
        if b.handlers:
            self.emit(depth - 1, "EXCEPTION")
            for h in b.handlers:
                conds = []
                for c in h.conditions:
                    pg = EXCEPTIONS.get(c.upper())
                    if pg is None:
                        raise NotConverted(h.line, f"exception handler for {c} (a user-defined or unmapped exception)")
                    conds.append(pg)
                self.emit(depth, f"WHEN {' OR '.join(conds)} THEN")
                self.statements(h.statements, depth + 1)

    def _if(self, node: pp.If, depth: int) -> None:
        for k, br in enumerate(node.branches):
            self.emit(depth, f"{'IF' if k == 0 else 'ELSIF'} {self.expr(br.condition, br.line)} THEN")
            self.statements(br.statements, depth + 1)
        if node.else_ is not None:
            self.emit(depth, "ELSE")
            self.statements(node.else_, depth + 1)
        self.emit(depth, "END IF;")

    def _case(self, node: pp.Case, depth: int) -> None:
        head = f"CASE {self.expr(node.selector, node.line)}" if node.selector is not None else "CASE"
        self.emit(depth, head)
        for w in node.whens:
            self.emit(depth + 1, f"WHEN {self.expr(w.condition, w.line)} THEN")
            self.statements(w.statements, depth + 2)
        if node.else_ is not None:
            self.emit(depth + 1, "ELSE")
            self.statements(node.else_, depth + 2)
        else:  # Oracle raises CASE_NOT_FOUND, as PL/pgSQL does: nothing to add
            pass
        self.emit(depth, "END CASE;")

    def _loop(self, node: pp.Loop, depth: int) -> None:
        self.emit(depth, "LOOP")
        self.statements(node.statements, depth + 1)
        self.emit(depth, "END LOOP;")

    def _while(self, node: pp.While, depth: int) -> None:
        self.emit(depth, f"WHILE {self.expr(node.condition, node.line)} LOOP")
        self.statements(node.statements, depth + 1)
        self.emit(depth, "END LOOP;")

    def _for_range(self, node: pp.ForRange, depth: int) -> None:
        if node.step is not None:
            raise NotConverted(node.line, "FOR ... BY step")
        low, high = self.expr(node.low, node.line), self.expr(node.high, node.line)
        if node.reverse:  # Oracle: REVERSE a..b counts b down to a; PL/pgSQL: REVERSE b..a
            low, high = high, low
        rev = "REVERSE " if node.reverse else ""
        self.emit(depth, f"FOR {node.variable.lower()} IN {rev}{low}..{high} LOOP")
        self.statements(node.statements, depth + 1)
        self.emit(depth, "END LOOP;")

    def _for_cursor(self, node: pp.ForCursor, depth: int) -> None:
        if node.query is None or node.dynamic is not None:
            raise NotConverted(node.line, "cursor FOR loop over a declared cursor or dynamic SQL")
        var = node.variable.lower()
        self.records.append(var)
        self.emit(depth, f"FOR {var} IN {self.sql(node.query)} LOOP")
        self.statements(node.statements, depth + 1)
        self.emit(depth, "END LOOP;")

    def _exit(self, node: pp.LoopControl, depth: int) -> None:
        text = node.keyword.upper()
        if text not in ("EXIT", "CONTINUE"):
            raise NotConverted(node.line, text)
        if node.target:
            text += f" {node.target.lower()}"
        if node.condition is not None:
            text += f" WHEN {self.expr(node.condition, node.line)}"
        self.emit(depth, text + ";")

    def _null(self, node: pp.Null, depth: int) -> None:
        self.emit(depth, "NULL;")

    def _assign(self, node: pp.Assignment, depth: int) -> None:
        if node.op != ":=":
            raise NotConverted(node.line, f"assignment with {node.op}")
        target = self.target(node.target)
        value = (node.value.text if node.value is not None else "").strip()
        m = re.fullmatch(r"SQL\s*%\s*ROWCOUNT", value, re.I)
        if m:
            self.emit(depth, f"GET DIAGNOSTICS {target} = ROW_COUNT;")
            return
        self.emit(depth, f"{target} := {self.expr(node.value, node.line)};")

    def _return(self, node: pp.Return, depth: int) -> None:
        if node.query is not None or node.using:
            raise NotConverted(node.line, "RETURN of a query")
        if self.kind == "trigger":
            if node.value is not None:
                raise NotConverted(node.line, "RETURN with a value in a trigger")
            self.emit(depth, f"RETURN {self._trigger_result()};")
        elif self.kind == "function":
            self.emit(depth, f"RETURN {self.expr(node.value, node.line)};")
        else:
            self.emit(depth, "RETURN;")

    def _raise(self, node: pp.Raise, depth: int) -> None:
        key = node.keyword.upper()
        if key == "RAISE_APPLICATION_ERROR":
            code = node.code.text.strip() if node.code is not None else ""
            if not re.fullmatch(r"-?\d+", code):
                raise NotConverted(node.line, "RAISE_APPLICATION_ERROR with a computed error number")
            message = self.expr(node.message, node.line)
            self.emit(depth, f"RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = {message}, "
                             f"DETAIL = 'ORA{int(code):06d}';")
            self.ctx.finding(self.conv, "COD003", f"RAISE_APPLICATION_ERROR({code}, ...) raises SQLSTATE P0001 with "
                             f"DETAIL 'ORA{int(code):06d}': code that catches the Oracle number must test that",
                             node.line)
            return
        if key == "RAISE" and node.reraise:
            self.emit(depth, "RAISE;")
            return
        if key == "RAISE" and node.exception and node.exception.upper() in EXCEPTIONS:
            self.emit(depth, f"RAISE {EXCEPTIONS[node.exception.upper()]};")
            return
        raise NotConverted(node.line, f"{key} {node.exception or ''}".strip())

    def _call(self, node: pp.Call, depth: int) -> None:
        name = node.name.strip()
        key = "".join(name.split()).upper()
        if key in ("DBMS_OUTPUT.PUT_LINE", "SYS.DBMS_OUTPUT.PUT_LINE") and len(node.args) == 1:
            self.emit(depth, f"RAISE NOTICE '%', {self.expr(node.args[0].value, node.line)};")
            return
        if any(a.name for a in node.args):
            raise NotConverted(node.line, f"call of {name} with named arguments")
        base = key.rsplit(".", 1)[-1]
        qual = key.rsplit(".", 1)[0] if "." in key else None
        routine = None
        for o in self.ctx.inventory.routines:
            if o.name.upper() == base and o.kind in ("procedure", "function") and (
                    qual is None or (o.schema or "").upper() == qual):
                routine = o
                break
        if routine is None:
            raise NotConverted(node.line, f"call of {name} (a package routine or a routine the scripts do not define)")
        schema, target_name = self.ctx.target_of(routine)
        args = ", ".join(self.expr(a.value, node.line) for a in node.args)
        verb = "CALL" if routine.kind == "procedure" else "PERFORM"
        self.emit(depth, f"{verb} {self.ctx.profile.qualified(schema, target_name)}({args});")

    def _sql_statement(self, node: pp.SqlStatement, depth: int) -> None:
        self.emit(depth, self.sql(node) + ";")

    def _transaction(self, node: pp.Transaction, depth: int) -> None:
        action = node.action.upper()
        if self.kind != "procedure" or action not in ("COMMIT", "ROLLBACK") or node.savepoint:
            raise NotConverted(node.line, f"{node.text.strip() or action} in a {self.kind}")
        self.emit(depth, f"{action};")

    def _dynamic(self, node: pp.DynamicSql, depth: int) -> None:
        if node.literal is None or node.into or node.using:
            raise NotConverted(node.line, "dynamic SQL built at run time (EXECUTE IMMEDIATE of an expression)")
        c = self._convert(node.literal, "query", node.line)
        quoted = "'" + c.sql.replace("'", "''") + "'"
        self.emit(depth, f"EXECUTE {quoted};")

    STATEMENTS: list[tuple[type, Callable[..., None]]] = [
        (pp.Block, _block), (pp.If, _if), (pp.Case, _case), (pp.Loop, _loop), (pp.While, _while),
        (pp.ForRange, _for_range), (pp.ForCursor, _for_cursor), (pp.LoopControl, _exit), (pp.Null, _null),
        (pp.Assignment, _assign), (pp.Return, _return), (pp.Raise, _raise), (pp.Call, _call),
        (pp.SqlStatement, _sql_statement), (pp.Transaction, _transaction), (pp.DynamicSql, _dynamic),
    ]

    # -- declarations ------------------------------------------------------------------------------
    def declarations(self, decls: list[pp.Node], depth: int) -> None:
        for d in decls:
            if isinstance(d, pp.VariableDecl) and d.alias_of is None:
                text = f"{d.name.lower()} {'CONSTANT ' if d.constant else ''}{self.datatype(d.datatype, d.line)}"
                if d.not_null:
                    text += " NOT NULL"
                if d.default is not None:
                    text += f" := {self.expr(d.default, d.line)}"
                self.emit(depth, text + ";")
            elif isinstance(d, pp.CursorDecl) and d.query is not None and not d.params:
                self.emit(depth, f"{d.name.lower()} CURSOR FOR {self.sql(d.query)};")
            else:
                what = _DECLARATIONS.get(type(d).__name__, type(d).__name__)
                raise NotConverted(d.line, f"{what} {getattr(d, 'name', '')}".strip())

    # -- the routine ---------------------------------------------------------------------------------
    def _trigger_result(self) -> str:
        t = self.obj
        if t.timing == "BEFORE" and t.for_each_row:
            return "OLD" if t.events == ["DELETE"] else "NEW"
        return "NULL"

    def write(self) -> None:
        block = self.unit.block
        if block is None:
            raise NotConverted(self.obj.location.line, "no body")
        decls = list(block.declarations)
        self.lines = []
        self.declarations(decls, 1)  # first: a declaration that stops the routine is the item's line
        decl_lines = self.lines
        self.lines = []
        body_depth = 1
        self.emit(0, "BEGIN")
        self.body(block, body_depth)
        if self.kind == "trigger":
            if self.obj.timing == "BEFORE" and self.obj.for_each_row and "DELETE" in self.obj.events \
                    and self.obj.events != ["DELETE"]:
                self.emit(1, "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;")
            self.emit(1, f"RETURN {self._trigger_result()};")
        self.emit(0, "END;")
        statements = self.lines
        self.lines = []
        if decl_lines or self.records:
            self.emit(0, "DECLARE")
            self.lines += decl_lines
            for r in dict.fromkeys(self.records):
                self.emit(1, f"{r} record;")
        body = "\n".join(self.lines + statements)
        if "$migplan$" in body:
            raise NotConverted(self.obj.location.line, "the body contains the text $migplan$")
        if self.kind == "trigger":
            self._write_trigger(body)
        else:
            self._write_routine(body)

    def _params(self) -> str:
        out = []
        for p in self.unit.parameters:
            mode = _MODES.get((p.mode or "IN").upper().replace("NOCOPY", "").strip())
            if mode is None:
                raise NotConverted(p.line, f"parameter mode {p.mode}")
            text = f"{'' if mode == 'IN' else mode + ' '}{p.name.lower()} {self.datatype(p.datatype, p.line)}"
            if p.default is not None:
                text += f" DEFAULT {self.expr(p.default, p.line)}"
            out.append(text)
        return ", ".join(out)

    def _write_routine(self, body: str) -> None:
        schema, name = self.conv.target_schema, self.conv.target_name
        head = f"CREATE OR REPLACE {self.kind.upper()} {self.ctx.profile.qualified(schema, name)}({self._params()})"
        if self.kind == "function":
            head += f"\nRETURNS {self.datatype(self.unit.returns, self.obj.location.line)}"
        sql = f"{head}\nLANGUAGE plpgsql\nAS $migplan$\n{body}\n$migplan$"
        self.conv.statements.append(TargetStatement("routine", sql, name, None, self.obj.location.line,
                                                    {"routine": (schema, name), "routine_kind": self.kind}))

    def _write_trigger(self, body: str) -> None:
        t = self.obj
        info = self.unit.trigger
        if info is None or info.compound or t.timing not in ("BEFORE", "AFTER", "INSTEAD OF"):
            raise NotConverted(t.location.line, "a compound, system or DDL trigger")
        if not t.table_name:
            raise NotConverted(t.location.line, "a trigger without a table")
        table, qualified_table = self.ctx.table_target(t.table_schema, t.table_name)
        if table is None:
            raise NotConverted(t.location.line, f"trigger on {t.table_name}, which the scripts do not define as a "
                                                "table")
        schema, name = self.conv.target_schema, self.conv.target_name
        table_schema = self.ctx.names.schema(t.table_schema) if t.table_schema else schema
        fn = self.ctx.profile.qualified(table_schema, f"{name}_fn")
        events = []
        for ev in t.events:
            if ev == "UPDATE" and t.attrs.get("update_of"):
                cols = ", ".join(self.ctx.profile.ident(self.ctx.names.base(c)) for c in t.attrs["update_of"])
                events.append(f"UPDATE OF {cols}")
            elif ev in ("INSERT", "UPDATE", "DELETE"):
                events.append(ev)
            else:
                raise NotConverted(t.location.line, f"trigger event {ev}")
        level = "ROW" if t.for_each_row else "STATEMENT"
        when = ""
        if t.attrs.get("when"):
            cond = self._source_text(re.sub(r"(?<![\w$#:])(NEW|OLD)\.", lambda m: m.group(1).upper() + ".",
                                            t.attrs["when"], flags=re.I), t.location.line)
            when = f"\nWHEN ({self._convert(cond, 'expression', t.location.line).sql})"
        fn_sql = (f"CREATE OR REPLACE FUNCTION {fn}()\nRETURNS trigger\nLANGUAGE plpgsql\n"
                  f"AS $migplan$\n{body}\n$migplan$")
        trg_sql = (f"CREATE TRIGGER {self.ctx.profile.ident(name)}\n{t.timing} {' OR '.join(events)} ON "
                   f"{qualified_table}\nFOR EACH {level}{when}\nEXECUTE FUNCTION {fn}()")
        meta = {"routine": (table_schema, name), "routine_kind": "trigger"}
        fn_meta = {"routine": (table_schema, f"{name}_fn"), "routine_kind": "function"}
        self.conv.statements.append(TargetStatement("routine", fn_sql, f"{name}_fn", None, t.location.line, fn_meta))
        self.conv.statements.append(TargetStatement("trigger", trg_sql, name, qualified_table, t.location.line, meta))
        if not t.enabled:
            self.conv.statements.append(TargetStatement(
                "trigger", f"ALTER TABLE {qualified_table} DISABLE TRIGGER {self.ctx.profile.ident(name)}", name,
                qualified_table, t.location.line, meta))


def _ends_transaction(b: pp.Block) -> bool:
    """A COMMIT or ROLLBACK anywhere in the block (nested blocks included)."""
    return any(isinstance(n, pp.Transaction) and n.action.upper() in ("COMMIT", "ROLLBACK") for n in b.walk())


def write_plpgsql(unit: pp.ProcUnit, obj: Routine, ctx: ConvertContext, conv: ConvertedObject) -> None:
    PlpgsqlWriter(unit, obj, ctx, conv).write()
