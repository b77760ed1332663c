"""The procedural AST: typed nodes for PL/SQL, T-SQL, SQL/PSM (MySQL, Db2) and PL/pgSQL code.

One node class per construct, whatever the dialect wrote it as: a T-SQL ``WHILE`` and a PL/SQL
``WHILE ... LOOP`` are both ``While``; ``SIGNAL``, ``THROW``, ``RAISERROR``,
``RAISE_APPLICATION_ERROR`` and ``RAISE EXCEPTION`` are all ``Raise`` (``keyword`` says which).
docs/procedural.md lists every class with its fields and the source forms it stands for.

Every node knows the input-file lines it spans (``line``, ``end_line``) and, through
``tok_start``/``tok_end``, the tokens of its unit it was read from. Expressions are ``Expr``
leaves that keep their text; sqlglot reads them on demand (``Expr.tree``). Embedded SQL statements
are ``SqlStatement`` leaves read by sqlglot in the source dialect (``SqlStatement.tree``).
What the parser did not understand is an ``Unknown`` node with its text: never dropped.

Trees are walked and rewritten like sqlglot's: ``walk()``, ``find_all(Cls)``, ``find(Cls)``,
``parent``, ``replace(new)``, ``transform(fn)``.
"""

from __future__ import annotations

import copy as _copy
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from sqlglot import exp

# Every node: identity equality (nodes are tree positions, not values) and keyword-only fields.

@dataclass(eq=False, kw_only=True)
class Node:
    line: int = 0
    end_line: int = 0
    tok_start: int = field(default=0, repr=False)
    tok_end: int = field(default=0, repr=False)
    parent: Node | None = field(default=None, repr=False)
    # names of the fields that hold child nodes (a node, or a list of nodes), in source order
    _children: ClassVar[tuple[str, ...]] = ()

    # -- tree ------------------------------------------------------------------------------
    def children(self) -> Iterator[Node]:
        for name in self._children:
            value = getattr(self, name)
            if isinstance(value, Node):
                yield value
            elif isinstance(value, list):
                for v in value:
                    if isinstance(v, Node):
                        yield v

    def walk(self) -> Iterator[Node]:
        """This node and every node below it, depth first, in source order."""
        stack: list[Node] = [self]
        while stack:
            n = stack.pop()
            yield n
            stack.extend(reversed(list(n.children())))

    def find_all(self, *types: type[Node]) -> Iterator[Any]:
        for n in self.walk():
            if isinstance(n, types):
                yield n

    def find(self, *types: type[Node]) -> Any:
        return next(self.find_all(*types), None)

    def link(self) -> Self:
        """Set ``parent`` on every node below this one (the parser does it; call it after edits)."""
        for n in self.walk():
            for c in n.children():
                c.parent = n
        return self

    def replace(self, new: Node | None) -> Node | None:
        """Put ``new`` where this node is in its parent (``None`` removes it from a list)."""
        parent = self.parent
        if parent is None:
            return new
        for name in parent._children:
            value = getattr(parent, name)
            if value is self:
                setattr(parent, name, new)
                break
            if isinstance(value, list) and any(v is self for v in value):
                i = next(k for k, v in enumerate(value) if v is self)
                if new is None:
                    del value[i]
                else:
                    value[i] = new
                break
        if new is not None:
            new.parent = parent
        self.parent = None
        return new

    def transform(self, fn: Callable[[Node], Node | None], copy: bool = True) -> Node | None:
        """Apply ``fn`` to every node, top down; what it returns replaces the node (like sqlglot)."""
        root = self.copy() if copy else self
        new_root = fn(root)
        if new_root is not root:
            return new_root
        stack = [root]
        while stack:
            n = stack.pop()
            for c in list(n.children()):
                new = fn(c)
                if new is not c:
                    c.replace(new)
                if new is not None:
                    stack.append(new)
        return root.link()

    def copy(self) -> Self:
        parent, self.parent = self.parent, None
        try:
            return _copy.deepcopy(self).link()
        finally:
            self.parent = parent

    # -- description -----------------------------------------------------------------------
    @property
    def key(self) -> str:
        return type(self).__name__

    def describe(self) -> str:
        """A few words about this node for outlines ('' when the class says it all)."""
        return ""

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        """The statement lists of a compound node, with a label for outlines."""
        return []


# -- leaves: expressions and types -----------------------------------------------------------
@dataclass(eq=False, kw_only=True)
class Expr(Node):
    """An expression as written (condition, value, argument). ``tree`` is sqlglot's reading of it in
    the source dialect, parsed on first use; ``error`` says why sqlglot could not read it."""

    text: str = ""
    dialect: str = field(default="", repr=False)
    sql: str | None = field(default=None, repr=False)  # what sqlglot reads when it differs from text
    _parsed: Any = field(default=None, repr=False)

    def _parse(self) -> Any:
        if self._parsed is None:
            from migplan.parse.procedural.sql import parse_expression_safe

            self._parsed = parse_expression_safe(self.sql or self.text, self.dialect)
        return self._parsed

    @property
    def tree(self) -> exp.Expr | None:
        return self._parse().tree

    @property
    def error(self) -> str | None:
        p = self._parse()
        return p.error or (f"lost {', '.join(p.lost)}" if p.lost else None)

    def describe(self) -> str:
        return self.text


@dataclass(eq=False, kw_only=True)
class DataType(Node):
    """A data type as written; ``anchor`` is ``TYPE``/``ROWTYPE`` for ``x%TYPE``, ``t%ROWTYPE``
    (``anchored_to`` is then ``x`` / ``t``)."""

    text: str = ""
    anchor: str | None = None
    anchored_to: str | None = None

    def describe(self) -> str:
        return self.text


@dataclass(eq=False, kw_only=True)
class Param(Node):
    name: str = ""
    mode: str = "IN"  # IN | OUT | IN OUT
    datatype: DataType | None = None
    default: Expr | None = None
    _children: ClassVar[tuple[str, ...]] = ("datatype", "default")

    def describe(self) -> str:
        return self.name


@dataclass(eq=False, kw_only=True)
class Arg(Node):
    """An argument (``name => value``, ``@p = value OUTPUT``) or an option (``MESSAGE_TEXT = x``)."""

    name: str | None = None
    value: Expr | None = None
    output: bool = False
    _children: ClassVar[tuple[str, ...]] = ("value",)


# -- statements ------------------------------------------------------------------------------
@dataclass(eq=False, kw_only=True)
class Statement(Node):
    label: str | None = None  # <<l>> / l: in front of the statement
    end_label: str | None = None  # END [LOOP|IF...] l: the name after a compound statement's END


@dataclass(eq=False, kw_only=True)
class Unknown(Statement):
    """Code the parser did not understand, kept as written with the reason."""

    text: str = ""
    message: str = ""

    def describe(self) -> str:
        return self.text.split(None, 1)[0] if self.text.split() else ""


@dataclass(eq=False, kw_only=True)
class SqlStatement(Statement):
    """An embedded SQL statement (SELECT [INTO], INSERT, UPDATE, DELETE, MERGE, DDL...).

    ``text`` is the statement as written; ``sql`` is what sqlglot reads in ``dialect``: the text with
    the variable INTO clause blanked out (``into`` lists those targets: PL/SQL/PSM/PL/pgSQL
    ``SELECT ... INTO v``, ``RETURNING ... INTO v``, T-SQL ``SELECT @v = ...``). ``binds`` are the
    variables and parameters the statement reads or writes. ``temp_table`` names a temporary table it
    creates or fills (T-SQL ``#t``, ``SELECT ... INTO #t``, ``CREATE TEMPORARY TABLE``)."""

    kind: str = ""  # select, insert, update, delete, merge, create table, ...
    text: str = ""
    sql: str = field(default="", repr=False)
    dialect: str = field(default="", repr=False)
    into: list[Expr] = field(default_factory=list)
    bulk_collect: bool = False
    strict: bool = False
    binds: list[str] = field(default_factory=list)
    temp_table: str | None = None
    discard: bool = False  # PL/pgSQL PERFORM: run the query, drop its rows
    _parsed: Any = field(default=None, repr=False)
    _children: ClassVar[tuple[str, ...]] = ("into",)

    def _parse(self) -> Any:
        if self._parsed is None:
            from migplan.parse.procedural.sql import parse_statement_safe

            self._parsed = parse_statement_safe(self.sql or self.text, self.dialect)
        return self._parsed

    @property
    def tree(self) -> exp.Expr | None:
        """sqlglot's tree of ``sql``; None when sqlglot could not read it (see ``error``)."""
        return self._parse().tree

    @property
    def error(self) -> str | None:
        """Why sqlglot's reading is not complete: its parse error, an opaque Command fallback, or
        source names/literals missing from the tree. None when the tree accounts for everything."""
        p = self._parse()
        return p.error or (f"sqlglot lost {', '.join(p.lost)}" if p.lost else None)

    @property
    def parsed(self) -> bool:
        return self.tree is not None and self.error is None

    def describe(self) -> str:
        return self.kind


@dataclass(eq=False, kw_only=True)
class Block(Statement):
    """BEGIN ... END with its declarations and exception handlers (PL/SQL, PL/pgSQL, PSM, T-SQL).
    The body of a routine is a Block even where the source has no BEGIN (T-SQL, SQL functions)."""

    declarations: list[Node] = field(default_factory=list)
    statements: list[Node] = field(default_factory=list)
    handlers: list[ExceptionHandler] = field(default_factory=list)
    atomic: bool | None = None  # BEGIN ATOMIC (PSM, T-SQL natively compiled) / NOT ATOMIC
    options: str | None = None  # T-SQL BEGIN ATOMIC WITH (...)
    _children: ClassVar[tuple[str, ...]] = ("declarations", "statements", "handlers")

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", self.declarations), ("", self.statements), ("", self.handlers)]


@dataclass(eq=False, kw_only=True)
class ExceptionHandler(Node):
    """``WHEN a OR b THEN ...`` of a PL/SQL / PL/pgSQL EXCEPTION section."""

    conditions: list[str] = field(default_factory=list)
    statements: list[Node] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("statements",)

    def describe(self) -> str:
        return " OR ".join(self.conditions)

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", self.statements)]


@dataclass(eq=False, kw_only=True)
class TryCatch(Statement):
    """T-SQL BEGIN TRY ... END TRY BEGIN CATCH ... END CATCH."""

    body: list[Node] = field(default_factory=list)
    catch: list[Node] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("body", "catch")

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", self.body), ("catch", self.catch)]


@dataclass(eq=False, kw_only=True)
class IfBranch(Node):
    condition: Expr | None = None
    statements: list[Node] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("condition", "statements")

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", self.statements)]


@dataclass(eq=False, kw_only=True)
class Branching(Statement):
    """Base of If and ConditionalCompilation: branches tried in order, then ``else_``."""

    branches: list[IfBranch] = field(default_factory=list)
    else_: list[Node] | None = None
    _children: ClassVar[tuple[str, ...]] = ("branches", "else_")

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", self.branches)] + ([("else", self.else_)] if self.else_ is not None else [])


@dataclass(eq=False, kw_only=True)
class If(Branching):
    """IF/ELSIF/ELSEIF/ELSE ... END IF, and T-SQL's IF cond stmt [ELSE stmt] (no END IF)."""


@dataclass(eq=False, kw_only=True)
class ConditionalCompilation(Branching):
    """Oracle ``$IF cond $THEN ... $ELSIF ... $ELSE ... $END`` (statements or declarations)."""


@dataclass(eq=False, kw_only=True)
class CaseWhen(Node):
    condition: Expr | None = None  # a value when the CASE has a selector, else a condition
    statements: list[Node] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("condition", "statements")

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", self.statements)]


@dataclass(eq=False, kw_only=True)
class Case(Statement):
    """The CASE statement (``END CASE``), with or without a selector."""

    selector: Expr | None = None
    whens: list[CaseWhen] = field(default_factory=list)
    else_: list[Node] | None = None
    _children: ClassVar[tuple[str, ...]] = ("selector", "whens", "else_")

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", self.whens)] + ([("else", self.else_)] if self.else_ is not None else [])


@dataclass(eq=False, kw_only=True)
class LoopStatement(Statement):
    """Base of every loop (Loop, While, Repeat, ForRange, ForCursor, ForEach)."""

    statements: list[Node] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("statements",)

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", self.statements)]


@dataclass(eq=False, kw_only=True)
class Loop(LoopStatement):
    """LOOP ... END LOOP."""


@dataclass(eq=False, kw_only=True)
class While(LoopStatement):
    """WHILE c LOOP (PL/SQL, PL/pgSQL), WHILE c DO (PSM), WHILE c stmt (T-SQL)."""

    condition: Expr | None = None
    _children: ClassVar[tuple[str, ...]] = ("condition", "statements")


@dataclass(eq=False, kw_only=True)
class Repeat(LoopStatement):
    """REPEAT ... UNTIL c END REPEAT (PSM)."""

    until: Expr | None = None
    _children: ClassVar[tuple[str, ...]] = ("statements", "until")


@dataclass(eq=False, kw_only=True)
class ForRange(LoopStatement):
    """Numeric FOR: ``FOR i IN [REVERSE] lo .. hi [BY step]``."""

    variable: str = ""
    low: Expr | None = None
    high: Expr | None = None
    reverse: bool = False
    step: Expr | None = None
    _children: ClassVar[tuple[str, ...]] = ("low", "high", "step", "statements")

    def describe(self) -> str:
        return self.variable


@dataclass(eq=False, kw_only=True)
class ForCursor(LoopStatement):
    """Cursor FOR loop: over a declared cursor (``cursor``, ``args``), an inline query (``query``),
    or dynamic SQL (PL/pgSQL ``FOR r IN EXECUTE``: ``dynamic``, ``using``). Db2 ``FOR v AS c CURSOR
    FOR select DO`` sets ``cursor_name`` too."""

    variable: str = ""
    cursor: str | None = None
    args: list[Expr] = field(default_factory=list)
    query: SqlStatement | None = None
    dynamic: Expr | None = None
    using: list[Expr] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("args", "query", "dynamic", "using", "statements")

    def describe(self) -> str:
        return self.variable


@dataclass(eq=False, kw_only=True)
class ForEach(LoopStatement):
    """PL/pgSQL ``FOREACH x [SLICE n] IN ARRAY a LOOP``."""

    variable: str = ""
    slice: int | None = None
    array: Expr | None = None
    _children: ClassVar[tuple[str, ...]] = ("array", "statements")


@dataclass(eq=False, kw_only=True)
class ForAll(Statement):
    """PL/SQL FORALL i IN lo..hi | INDICES OF c | VALUES OF c [SAVE EXCEPTIONS] dml."""

    variable: str = ""
    low: Expr | None = None
    high: Expr | None = None
    collection: Expr | None = None
    of: str | None = None  # INDICES | VALUES
    save_exceptions: bool = False
    statement: Node | None = None
    _children: ClassVar[tuple[str, ...]] = ("low", "high", "collection", "statement")

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", [self.statement] if self.statement else [])]


@dataclass(eq=False, kw_only=True)
class LoopControl(Statement):
    """Base of Exit and Continue."""

    keyword: str = ""
    target: str | None = None
    condition: Expr | None = None
    _children: ClassVar[tuple[str, ...]] = ("condition",)

    def describe(self) -> str:
        return self.keyword + (" WHEN" if self.condition else "")


@dataclass(eq=False, kw_only=True)
class Exit(LoopControl):
    """Leave a loop: EXIT [l] [WHEN c] (PL/SQL, PL/pgSQL), LEAVE l (PSM), BREAK (T-SQL)."""

    keyword: str = "EXIT"


@dataclass(eq=False, kw_only=True)
class Continue(LoopControl):
    """Next iteration: CONTINUE [l] [WHEN c], ITERATE l (PSM), CONTINUE (T-SQL)."""

    keyword: str = "CONTINUE"


@dataclass(eq=False, kw_only=True)
class Goto(Statement):
    target: str = ""


@dataclass(eq=False, kw_only=True)
class Label(Statement):
    """A label standing alone (T-SQL ``l:``, or ``<<l>>`` with no statement after it)."""

    name: str = ""


@dataclass(eq=False, kw_only=True)
class Null(Statement):
    """PL/SQL / PL/pgSQL ``NULL;``."""


@dataclass(eq=False, kw_only=True)
class Assignment(Statement):
    """``v := e`` (PL/SQL, PL/pgSQL), ``SET v = e`` (PSM, T-SQL, incl. ``+=``), T-SQL ``SELECT @v = e``
    without FROM. One node per target: ``SET a = 1, b = 2`` is two."""

    target: Expr | None = None
    value: Expr | None = None
    op: str = ":="
    _children: ClassVar[tuple[str, ...]] = ("target", "value")

    def describe(self) -> str:
        return self.target.text if self.target else ""


@dataclass(eq=False, kw_only=True)
class SetOption(Statement):
    """A session setting, not a variable: T-SQL ``SET NOCOUNT ON``, MySQL ``SET NAMES``, ``SET
    @@x``/``SET SESSION x``, Db2 ``SET CURRENT SCHEMA``."""

    name: str = ""
    value: str | None = None

    def describe(self) -> str:
        return f"{self.name} {self.value}" if self.value else self.name


@dataclass(eq=False, kw_only=True)
class Return(Statement):
    """RETURN [e]; PL/pgSQL RETURN NEXT / RETURN QUERY [EXECUTE] (``value`` is then the dynamic
    text); PL/SQL PIPE ROW; a query for T-SQL inline table functions and Db2 ``RETURN SELECT``."""

    keyword: str = "RETURN"
    value: Expr | None = None
    query: SqlStatement | None = None
    using: list[Expr] = field(default_factory=list)  # RETURN QUERY EXECUTE text USING ...
    _children: ClassVar[tuple[str, ...]] = ("value", "query", "using")

    def describe(self) -> str:
        return self.keyword


@dataclass(eq=False, kw_only=True)
class Raise(Statement):
    """Raise or re-raise an error, or emit a message: RAISE [e] (PL/SQL), RAISE_APPLICATION_ERROR,
    RAISE level ... USING (PL/pgSQL), SIGNAL / RESIGNAL ... SET (PSM), THROW, RAISERROR (T-SQL).

    ``exception`` is the exception/condition name or the SQLSTATE as written; ``code`` the error
    number; ``level`` PL/pgSQL's level (EXCEPTION, NOTICE...) or RAISERROR's severity;
    ``options`` the USING / SET / WITH items; ``reraise`` a bare RAISE/THROW/RESIGNAL."""

    keyword: str = "RAISE"
    exception: str | None = None
    code: Expr | None = None
    level: str | None = None
    message: Expr | None = None
    args: list[Expr] = field(default_factory=list)
    options: list[Arg] = field(default_factory=list)
    reraise: bool = False
    _children: ClassVar[tuple[str, ...]] = ("code", "message", "args", "options")

    def describe(self) -> str:
        return self.keyword


@dataclass(eq=False, kw_only=True)
class Assert(Statement):
    """PL/pgSQL ASSERT c [, message]."""

    condition: Expr | None = None
    message: Expr | None = None
    _children: ClassVar[tuple[str, ...]] = ("condition", "message")


@dataclass(eq=False, kw_only=True)
class Print(Statement):
    """T-SQL PRINT."""

    value: Expr | None = None
    _children: ClassVar[tuple[str, ...]] = ("value",)


@dataclass(eq=False, kw_only=True)
class Call(Statement):
    """A procedure call: PL/SQL ``p(a);``, ``CALL p(a)``, T-SQL ``EXEC[UTE] [@rc =] p @x = 1``,
    PL/pgSQL ``PERFORM f(a)``, a PostgreSQL trigger's ``EXECUTE FUNCTION f()``."""

    keyword: str | None = None
    name: str = ""
    args: list[Arg] = field(default_factory=list)
    result: Expr | None = None  # T-SQL EXEC @rc = p
    options: str | None = None  # T-SQL WITH RECOMPILE ...
    _children: ClassVar[tuple[str, ...]] = ("result", "args")

    def describe(self) -> str:
        return self.name


@dataclass(eq=False, kw_only=True)
class Open(Statement):
    """OPEN c [(args)] | OPEN c FOR select | OPEN c FOR dynamic USING ..."""

    cursor: str = ""
    args: list[Expr] = field(default_factory=list)
    query: SqlStatement | None = None
    dynamic: Expr | None = None
    using: list[Expr] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("args", "query", "dynamic", "using")


@dataclass(eq=False, kw_only=True)
class Fetch(Statement):
    """FETCH [direction FROM] c [BULK COLLECT] INTO targets [LIMIT n]."""

    cursor: str = ""
    into: list[Expr] = field(default_factory=list)
    bulk_collect: bool = False
    limit: Expr | None = None
    direction: str | None = None
    _children: ClassVar[tuple[str, ...]] = ("into", "limit")


@dataclass(eq=False, kw_only=True)
class Close(Statement):
    """CLOSE c; T-SQL DEALLOCATE c (``deallocate``)."""

    cursor: str = ""
    deallocate: bool = False


@dataclass(eq=False, kw_only=True)
class DynamicSql(Statement):
    """Dynamic SQL: EXECUTE IMMEDIATE (PL/SQL, Db2), EXECUTE (PL/pgSQL), T-SQL EXEC('...') and
    sp_executesql, PREPARE s FROM ... / EXECUTE s USING ... / DEALLOCATE PREPARE s (PSM).

    ``sql`` is the expression giving the text; when it is one string literal, ``literal`` is its
    value and ``parsed`` that text read as a statement; otherwise ``built`` is True."""

    keyword: str = "EXECUTE IMMEDIATE"
    sql: Expr | None = None
    literal: str | None = None
    parsed: Node | None = None
    built: bool = False
    statement_name: str | None = None
    into: list[Expr] = field(default_factory=list)
    bulk_collect: bool = False
    using: list[Arg] = field(default_factory=list)
    params: Expr | None = None  # sp_executesql's parameter declarations
    procedure: str | None = None  # the procedure called, as written (sys.sp_executesql)
    options: str | None = None  # T-SQL EXEC (...) AS USER = ... / AT server, EXEC sp_executesql ... WITH ...
    arg_names: list[str] = field(default_factory=list)  # sp_executesql @stmt = ..., @params = ... as written
    _children: ClassVar[tuple[str, ...]] = ("sql", "parsed", "into", "using", "params")

    def describe(self) -> str:
        return self.keyword + (" literal" if self.literal is not None else " built" if self.built else "")


@dataclass(eq=False, kw_only=True)
class Transaction(Statement):
    """COMMIT, ROLLBACK [TO savepoint], SAVEPOINT, RELEASE SAVEPOINT, BEGIN/SAVE TRAN (T-SQL),
    START TRANSACTION, SET TRANSACTION."""

    action: str = ""
    savepoint: str | None = None
    name: str | None = None
    text: str = ""

    def describe(self) -> str:
        return self.action + (" TO" if self.action == "ROLLBACK" and self.savepoint else "")


@dataclass(eq=False, kw_only=True)
class GetDiagnostics(Statement):
    """GET [CURRENT | STACKED] DIAGNOSTICS [CONDITION n | EXCEPTION n] v = ITEM, ..."""

    stacked: bool = False
    condition: Expr | None = None
    items: list[Assignment] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("condition", "items")


# -- declarations ----------------------------------------------------------------------------
@dataclass(eq=False, kw_only=True)
class Declaration(Statement):
    """Something declared. ``public`` is True for what a package spec declares, False for what
    only its body declares, None when the parser cannot know (no spec given)."""

    name: str = ""
    public: bool | None = None

    def describe(self) -> str:
        return self.name


@dataclass(eq=False, kw_only=True)
class VariableDecl(Declaration):
    """A variable or constant: PL/SQL/PL/pgSQL ``v [CONSTANT] t [NOT NULL] [:= e]``, PSM ``DECLARE
    v t DEFAULT e``, T-SQL ``DECLARE @v t = e`` (``DECLARE @t TABLE (...)`` too), PL/pgSQL
    ``v ALIAS FOR $1`` (``alias_of``). One node per name."""

    datatype: DataType | None = None
    constant: bool = False
    not_null: bool = False
    default: Expr | None = None
    alias_of: str | None = None
    _children: ClassVar[tuple[str, ...]] = ("datatype", "default")


@dataclass(eq=False, kw_only=True)
class CursorDecl(Declaration):
    """CURSOR c (params) [RETURN t] IS select (PL/SQL), c CURSOR FOR select (PL/pgSQL), DECLARE c
    CURSOR [WITH HOLD] [WITH RETURN] FOR select | stmt (PSM), DECLARE c CURSOR options FOR select
    (T-SQL). ``statement_name`` is a prepared statement's name (Db2, MySQL)."""

    params: list[Param] = field(default_factory=list)
    query: SqlStatement | None = None
    return_type: DataType | None = None
    statement_name: str | None = None
    options: list[str] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("params", "return_type", "query")


@dataclass(eq=False, kw_only=True)
class ExceptionDecl(Declaration):
    """PL/SQL ``e EXCEPTION;``."""


@dataclass(eq=False, kw_only=True)
class ConditionDecl(Declaration):
    """PSM ``DECLARE c CONDITION FOR SQLSTATE '...'`` (or a MySQL error number)."""

    condition: str = ""


@dataclass(eq=False, kw_only=True)
class HandlerDecl(Declaration):
    """PSM ``DECLARE {CONTINUE|EXIT|UNDO} HANDLER FOR cond, ... statement``."""

    action: str = ""
    conditions: list[str] = field(default_factory=list)
    body: Node | None = None
    _children: ClassVar[tuple[str, ...]] = ("body",)

    def describe(self) -> str:
        return self.action

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", [self.body] if self.body else [])]


@dataclass(eq=False, kw_only=True)
class PragmaDecl(Declaration):
    """PL/SQL PRAGMA AUTONOMOUS_TRANSACTION / EXCEPTION_INIT(e, -20001) / SERIALLY_REUSABLE ..."""

    args: list[Expr] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("args",)


@dataclass(eq=False, kw_only=True)
class TypeDecl(Declaration):
    """TYPE t IS RECORD (...) | TABLE OF x [INDEX BY y] | VARRAY(n) OF x | REF CURSOR; SUBTYPE s IS x.
    ``type_kind``: record, table, varray, ref cursor, subtype, object, other."""

    type_kind: str = ""
    fields: list[VariableDecl] = field(default_factory=list)
    element: DataType | None = None
    index_by: DataType | None = None
    definition: str = ""
    _children: ClassVar[tuple[str, ...]] = ("fields", "element", "index_by")

    def describe(self) -> str:
        return f"{self.name} {self.type_kind}".strip()


@dataclass(eq=False, kw_only=True)
class Subprogram(Declaration):
    """A procedure or function defined or declared in a package, a type or a declare section.
    ``block`` is None for a signature (package spec, forward declaration, type spec method) and for
    an external one (``external`` holds its LANGUAGE ... clause). ``method`` is MEMBER, STATIC,
    CONSTRUCTOR, MAP MEMBER or ORDER MEMBER for object type methods."""

    kind: str = "procedure"
    params: list[Param] = field(default_factory=list)
    returns: DataType | None = None
    options: list[str] = field(default_factory=list)
    method: str | None = None
    external: str | None = None
    block: Block | None = None
    _children: ClassVar[tuple[str, ...]] = ("params", "returns", "block")

    def describe(self) -> str:
        return f"{self.kind} {self.name}" + ("" if self.block else " signature")

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", [self.block] if self.block else [])]


@dataclass(eq=False, kw_only=True)
class TimingPoint(Declaration):
    """A section of an Oracle compound trigger: BEFORE STATEMENT, BEFORE EACH ROW, AFTER EACH ROW,
    AFTER STATEMENT, INSTEAD OF EACH ROW (``name``)."""

    block: Block | None = None
    _children: ClassVar[tuple[str, ...]] = ("block",)

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", [self.block] if self.block else [])]


@dataclass(eq=False, kw_only=True)
class Attribute(Declaration):
    """An attribute of an object type spec (``name type``)."""

    datatype: DataType | None = None
    _children: ClassVar[tuple[str, ...]] = ("datatype",)


@dataclass(eq=False, kw_only=True)
class RoutineOptions(Node):
    """Routine characteristics the header reader left at the start of a body (Db2 ``SPECIFIC x
    LANGUAGE SQL READS SQL DATA``, T-SQL ``WITH NATIVE_COMPILATION ... AS``), kept as written."""

    text: str = ""


# -- the unit --------------------------------------------------------------------------------
@dataclass(eq=False, kw_only=True)
class TriggerRef(Node):
    """A reference to a trigger's pseudo-record or transition table: ``:NEW.x``/``NEW.x``,
    ``:OLD.x``, a REFERENCING alias, T-SQL ``inserted``/``deleted``. ``pseudo`` is NEW, OLD,
    INSERTED or DELETED; ``column`` the column named after it, if any."""

    pseudo: str = ""
    column: str | None = None
    text: str = ""


@dataclass(eq=False, kw_only=True)
class TriggerInfo(Node):
    timing: str | None = None
    events: list[str] = field(default_factory=list)
    for_each_row: bool | None = None
    table: str | None = None
    when: Expr | None = None
    compound: bool = False
    referencing: dict[str, str] = field(default_factory=dict)  # NEW -> N (REFERENCING NEW AS N)
    refs: list[TriggerRef] = field(default_factory=list)
    _children: ClassVar[tuple[str, ...]] = ("when", "refs")


@dataclass(eq=False, kw_only=True)
class ProcUnit(Node):
    """One parsed procedural object: a routine, trigger, package (spec or body), type (spec or
    body) or anonymous block.

    ``block`` is the body: for routines and triggers their code; for a package spec its
    declarations; for a package body its declarations (variables, subprograms) and, as statements
    and handlers, its initialisation section; for a type body its methods; for an Oracle compound
    trigger its declarations and TimingPoint sections. ``errors`` lists structural problems
    (``file line: message``) such as an END that closes the wrong construct."""

    kind: str = ""
    name: str | None = None
    dialect: str = ""
    language: str = ""
    parameters: list[Param] = field(default_factory=list)
    returns: DataType | None = None
    options: RoutineOptions | None = None
    block: Block | None = None
    trigger: TriggerInfo | None = None
    errors: list[str] = field(default_factory=list)
    source: str = field(default="", repr=False)  # the body text the tokens index into
    tokens: list[Any] = field(default_factory=list, repr=False)
    _children: ClassVar[tuple[str, ...]] = ("parameters", "returns", "options", "block", "trigger")

    def statement_lists(self) -> list[tuple[str, Sequence[Node]]]:
        return [("", [self.block] if self.block else [])]

    def text_of(self, n: Node) -> str:
        """The source text a node was read from (as written, comments included)."""
        if n.tok_end <= n.tok_start or not self.tokens:
            return ""
        return self.source[self.tokens[n.tok_start].start:self.tokens[n.tok_end - 1].end]

    def outline(self) -> str:
        """Statement-level node kinds as an indented outline (what the fixtures compare)."""
        return "\n".join(outline_lines(self.block)) if self.block else ""


def outline_lines(n: Node, depth: int = 0) -> list[str]:
    detail = n.describe() if not isinstance(n, (Expr, DataType)) else ""
    out = ["  " * depth + n.key + (f" {detail}" if detail else "")]
    for label, items in n.statement_lists():
        d = depth + 1
        if label:
            out.append("  " * d + label)
            d += 1
        for c in items:
            out.extend(outline_lines(c, d))
    return out


__all__ = sorted(name for name, value in list(globals().items())
                 if isinstance(value, type) and issubclass(value, Node)) + ["outline_lines"]
