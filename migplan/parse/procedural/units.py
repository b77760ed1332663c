"""Entry points: a routine's body (procedure, function, trigger, package, package body, type, type
body) or an anonymous block, parsed into a ProcUnit.

Bodies come from migplan/parse/routine.py, which reads headers and keeps ``Routine.body`` and
``Routine.body_line``; lines here are lines of the input file. Nothing raises out of these
functions: a body the parser cannot follow is an Unknown node, and a RecursionError (which the
depth limit should already prevent) turns the whole body into one.
"""

from __future__ import annotations

from migplan.ingest.lexer import lexer_for
from migplan.model.schema import Routine
from migplan.parse.literals import string_value
from migplan.parse.procedural import nodes as n
from migplan.parse.procedural.dialects import Flavor, flavor
from migplan.parse.procedural.parser import Parser
from migplan.parse.procedural.scope import resolve, walk_binds
from migplan.parse.procedural.sql import SQL_VERBS

# Words that start a routine body proper; before one of them a PSM/T-SQL body may still carry
# routine characteristics the header reader left (Db2 SPECIFIC x LANGUAGE SQL ..., T-SQL WITH ... AS).
_BODY_STARTS = frozenset({"BEGIN", "RETURN", "DECLARE", "SET", "SIGNAL", "RESIGNAL", "CALL", "IF", "CASE", "LOOP",
                          "WHILE", "REPEAT", "FOR", "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES",
                          "ITERATE", "LEAVE", "WITH", "EXEC", "EXECUTE", "OPEN", "FETCH", "CLOSE", "PRINT",
                          "RAISERROR", "THROW", "TRUNCATE", "CREATE", "DROP", "COMMIT", "ROLLBACK", "GET"})
_TSQL_OPTION_WORDS = frozenset({"NATIVE_COMPILATION", "SCHEMABINDING", "EXECUTE", "ENCRYPTION", "RECOMPILE",
                                "RETURNS", "CALLED", "INLINE", "VIEW_METADATA", "EXEC"})
_SQL_LANGUAGES = frozenset({"", "sql", "plpgsql", "plsql", "sqlscript", "spl", "sqlpl"})


def parse_routine_body(routine: Routine, dialect: str, spec: n.ProcUnit | None = None) -> n.ProcUnit:
    """Parse a procedural object's body. ``dialect`` is a splitter or engine name (``oracle``,
    ``sqlserver``, ``mysql``, ``postgresql``, ``db2``...). For a package body, pass the parsed
    package ``spec`` to mark each declaration public or private."""
    fl = flavor(dialect)
    text, line = _body_of(routine, fl)
    language = (routine.language or "").split()[0].strip("'\"").lower() if routine.language else ""
    p = Parser(text, fl, line)
    unit = n.ProcUnit(kind=routine.kind, name=routine.qname, dialect=fl.splitter, language=fl.language,
                      source=text, tokens=p.toks)
    header = routine.location.line
    for prm in routine.parameters:
        param = n.Param(name=prm.name, mode=prm.mode, line=header, end_line=header)
        if prm.type:
            param.datatype = _header_type(prm.type, header)
        if prm.default:
            param.default = n.Expr(text=prm.default, dialect=fl.sqlglot, line=header, end_line=header)
        unit.parameters.append(param)
    if routine.returns:
        unit.returns = _header_type(routine.returns, header)
    if language and language not in _SQL_LANGUAGES and fl.grammar != "plsql":  # plpython, C, Java...
        _opaque(unit, p, f"a body in language {language} is not parsed")
    else:
        _parse_kind(unit, p, routine.kind, language, call_trigger=_header_ends_with_call(routine, fl))
    if routine.kind == "trigger":
        unit.trigger = _trigger_info(routine, fl)
        if text != (routine.body or "") and unit.trigger.events[-1:] == ["SET"] and text.lstrip()[:3].upper() == "SET":
            unit.trigger.events.pop()  # the SET of the body, read as a DDL event by the header reader
    elif routine.kind == "function" and (routine.returns or "").strip().lower() in ("trigger", "event_trigger"):
        unit.trigger = n.TriggerInfo(line=header, end_line=header)
    if spec is not None and routine.kind == "package body":
        mark_public(spec, unit)
    elif routine.kind == "package" and unit.block is not None:
        for d in unit.block.declarations:
            if isinstance(d, n.Declaration):
                d.public = True
    return _finish(unit, p)


def parse_block(text: str, dialect: str, line: int = 1) -> n.ProcUnit:
    """Parse an anonymous block (PL/SQL BEGIN/DECLARE block, T-SQL batch, PSM compound statement,
    PostgreSQL DO statement or its body) whose text starts on input line ``line``."""
    fl = flavor(dialect)
    p = Parser(text, fl, line)
    if fl.grammar == "plpgsql" and p.at("DO"):
        body = next((t for t in p.toks if t.kind == "string"), None)
        if body is not None:
            return parse_block(string_value(body.text), dialect, body.line)
    unit = n.ProcUnit(kind="block", dialect=fl.splitter, language=fl.language, source=text, tokens=p.toks)
    _parse_kind(unit, p, "block", "")
    return _finish(unit, p)


def mark_public(spec: n.ProcUnit, body: n.ProcUnit) -> None:
    """Mark a package body's declarations public (declared in the spec) or private."""
    if spec.block is None or body.block is None:
        return
    public = {d.name.upper() for d in spec.block.declarations if isinstance(d, n.Declaration) and d.name}
    for d in body.block.declarations:
        if isinstance(d, n.Declaration) and d.name:
            d.public = d.name.upper() in public


def parse_fragment(text: str, fl: Flavor, line: int, index: int, depth: int) -> n.Node | None:
    """A statement or block held in a string literal (dynamic SQL). Its nodes keep their real lines
    and point at the literal's token (``index``) for their span."""
    p = Parser(text, fl, line)
    p.depth = depth
    if not p.toks:
        return None
    try:
        got = p.statements_to_eof()
    except RecursionError:
        return None
    if not got:
        return None
    root = got[0] if len(got) == 1 else n.Block(statements=got, line=got[0].line, end_line=got[-1].end_line)
    walk_binds(root, set(), p.toks)  # the literal's own placeholders (:1, @a, ?)
    for node in root.walk():
        node.tok_start, node.tok_end = index, index + 1
    return root


# -- per kind ------------------------------------------------------------------------------------
def _parse_kind(unit: n.ProcUnit, p: Parser, kind: str, language: str, call_trigger: bool = False) -> None:
    try:
        if p.g == "plsql":
            _plsql(unit, p, kind, call_trigger)
        else:
            _statement_body(unit, p, language)
    except RecursionError:  # pragma: no cover - the depth limit comes first
        _opaque(unit, p, "nesting too deep to analyse")


def _plsql(unit: n.ProcUnit, p: Parser, kind: str, call_trigger: bool) -> None:
    start = p.i
    if kind in ("procedure", "function") and p.at_any(("LANGUAGE", "EXTERNAL")):
        end = p.scan()
        unit.options = p.make(n.RoutineOptions, start, end, text=p.text_of(start, end))
        p.i = end
        p.semi()
        unit.block = p.make(n.Block, p.i, p.i)
    elif kind in ("procedure", "function", "package", "package body", "type body"):
        decls = p.declare_section({"BEGIN"})
        if p.at("BEGIN"):
            unit.block = p.block(start, decls)
        else:
            block = n.Block(declarations=decls)
            if kind in ("procedure", "function"):
                p.error(p.toks[start].line if p.toks else unit.line, f"{kind} body has no BEGIN")
            _end_unit(p, block)
            p.place(block, start, p.i)
            unit.block = block
    elif kind == "type":
        unit.block = _type_spec(unit, p)
    elif kind == "trigger" and p.at("COMPOUND", "TRIGGER"):
        p.i += 2
        decls = p.declare_section(set())
        block = n.Block(declarations=decls)
        _end_unit(p, block)
        p.place(block, start, p.i)
        unit.block = block
    else:  # trigger body, anonymous block
        unit.block = _wrap(p, p.statements(), start)
        if call_trigger:  # CALL p(...) trigger: the header reader took the CALL
            for s in unit.block.statements:
                if isinstance(s, n.Call) and s.keyword is None:
                    s.keyword = "CALL"
    rest = p.statements_to_eof() if p.i < p.n else []
    if rest:
        unit.block.statements.extend(rest)
        p.place(unit.block, unit.block.tok_start if unit.block.tok_end > unit.block.tok_start else start, p.i)


def _end_unit(p: Parser, block: n.Block) -> None:
    """The END [name]; closing a package, type body or compound trigger."""
    if p.at("END"):
        p.i += 1
        if p._end_label_at(p.i):
            block.end_label = p.toks[p.i].text
            p.i += 1
        p.semi()


def _type_spec(unit: n.ProcUnit, p: Parser) -> n.Block:
    """An object type spec: [UNDER t | AS OBJECT] (attributes, method signatures) [FINAL ...]."""
    start = p.i
    open_ = p.find_punct(start, p.n, {"("})
    block = n.Block()
    if open_ < 0:
        end = p.n
        unit.options = p.make(n.RoutineOptions, start, end, text=p.text_of(start, end))
        p.i = end
        p.place(block, end, end)
        return block
    if open_ > start:
        unit.options = p.make(n.RoutineOptions, start, open_, text=p.text_of(start, open_))
    close = p.group_end(open_)
    for a, b in p.split_commas(open_ + 1, close):
        if b <= a:
            continue
        p.i = a
        if p.at_any(("MEMBER", "STATIC", "CONSTRUCTOR", "MAP", "ORDER", "OVERRIDING", "FINAL", "INSTANTIABLE",
                     "NOT", "PROCEDURE", "FUNCTION")):
            sub = _sub_parser(p, a, b)
            node = sub.subprogram()
            if sub.i < b:
                node = p.unknown(a, "method signature not understood", b)
            else:
                p.place(node, a, b)
            block.declarations.append(node)
        elif p.is_name():
            attr = n.Attribute(name=p.toks[a].text, datatype=p.datatype(a + 1, b))
            p.place(attr, a, b)
            block.declarations.append(attr)
        else:
            block.declarations.append(p.unknown(a, "type item not understood", b))
    p.i = p.after(close)
    if p.i < p.n:
        end = p.scan()
        if end > p.i:
            block.declarations.append(p.make(n.RoutineOptions, p.i, end, text=p.text_of(p.i, end)))
        p.i = end
        p.semi()
    p.place(block, open_, p.i)
    return block


def _sub_parser(p: Parser, a: int, b: int) -> Parser:
    """The parser limited to tokens [a, b) (same token objects and indexes)."""
    sub = Parser.__new__(Parser)
    sub.__dict__.update(p.__dict__)
    sub.n = b
    sub.i = a
    return sub


def _statement_body(unit: n.ProcUnit, p: Parser, language: str) -> None:
    start = p.i
    options = _routine_options(p)
    if options is not None:
        unit.options = options
    if language == "sql" and p.g == "plpgsql":
        p.sql_body = True  # INTO makes a table in an SQL function, not a variable
    stmts = p.statements_to_eof()
    unit.block = _wrap(p, stmts, options.tok_end if options is not None else start)


def _routine_options(p: Parser) -> n.RoutineOptions | None:
    t = p.tok()
    if t is None or p.g not in ("psm", "tsql"):
        return None
    start = p.i
    if p.g == "tsql":
        if not (t.kind == "word" and t.up == "WITH" and p.up(1) in _TSQL_OPTION_WORDS):
            return None
        j = start + 1
        while j < p.n:
            tj = p.toks[j]
            if tj.kind == "word" and tj.up == "AS" and (j + 1 >= p.n or p.toks[j + 1].up in _BODY_STARTS):
                end = j + 1
                break
            j += 1
        else:
            return None
    else:
        if t.kind == "word" and (t.up in _BODY_STARTS or t.up in SQL_VERBS):
            return None
        if p.is_punct(":", 1):
            return None
        end = start
        depth = 0
        while end < p.n:
            tj = p.toks[end]
            if tj.kind == "punct" and tj.text == "(":
                depth += 1
            elif tj.kind == "punct" and tj.text == ")":
                depth -= 1
            elif depth == 0 and tj.kind == "word" and tj.up in _BODY_STARTS and end > start:
                break
            end += 1
    node = p.make(n.RoutineOptions, start, end, text=p.text_of(start, end))
    p.i = end
    return node


def _wrap(p: Parser, stmts: list[n.Node], start: int) -> n.Block:
    """The body as one Block: the BEGIN ... END itself when that is all there is."""
    if len(stmts) == 1 and isinstance(stmts[0], n.Block):
        block = stmts[0]
        if block.tok_start > start or block.tok_end < p.i:  # stray ';' around it
            p.place(block, min(start, block.tok_start), max(p.i, block.tok_end))
        return block
    block = n.Block(statements=stmts)
    p.place(block, start, p.i)
    return block


def _opaque(unit: n.ProcUnit, p: Parser, message: str) -> None:
    p.i = 0
    block = n.Block()
    if p.toks:
        block.statements.append(p.make(n.Unknown, 0, p.n, text=p.text, message=message))
    p.place(block, 0, p.n)
    p.i = p.n
    unit.block = block


def _header_type(text: str, line: int) -> n.DataType:
    dt = n.DataType(text=text, line=line, end_line=line)
    up = text.upper().replace(" ", "")
    for anchor in ("%TYPE", "%ROWTYPE"):
        if up.endswith(anchor):
            dt.anchor = anchor[1:]
            dt.anchored_to = text[: text.upper().rfind("%")].strip()
    return dt


def _trigger_info(r: Routine, fl: Flavor) -> n.TriggerInfo:
    line = r.location.line
    info = n.TriggerInfo(timing=r.timing, events=list(r.events), for_each_row=r.for_each_row,
                         table=r.table_qname, compound=bool(r.attrs.get("compound")), line=line, end_line=line)
    when = r.attrs.get("when")
    if when:
        at = r.source.find(when)
        wline = line + (r.source.count("\n", 0, at) if at > 0 else 0)
        info.when = n.Expr(text=when, dialect=fl.sqlglot, line=wline, end_line=wline + when.count("\n"))
    info.referencing = _referencing(r, fl)
    return info


def _referencing(r: Routine, fl: Flavor) -> dict[str, str]:
    """REFERENCING NEW [ROW|TABLE] [AS] n OLD ... from the trigger's header."""
    head = r.source
    if r.body and r.body in head:
        head = head[: head.rfind(r.body)]
    words = [head[s:e] for kind, s, e in lexer_for(fl.splitter).tokens(head) if kind in ("word", "qident")]
    ups = [w.upper() for w in words]
    out: dict[str, str] = {}
    if "REFERENCING" not in ups:
        return out
    k = ups.index("REFERENCING") + 1
    while k < len(ups) and ups[k] in ("NEW", "OLD", "NEW_TABLE", "OLD_TABLE", "PARENT"):
        which = ups[k]
        k += 1
        if k < len(ups) and ups[k] in ("ROW", "TABLE"):
            if ups[k] == "TABLE":
                which += "_TABLE"
            k += 1
        if k < len(ups) and ups[k] == "AS":
            k += 1
        if k < len(ups):
            out[which] = words[k]
            k += 1
    return out


def _body_of(r: Routine, fl: Flavor) -> tuple[str, int]:
    """The body text and its first line. A PSM trigger body that starts with SET NEW.x = ... has
    lost its first words to the header reader (they look like routine characteristics); they are
    taken back from the statement text, from the end of FOR EACH ROW [FOLLOWS|PRECEDES t]."""
    text = r.body or ""
    line = r.body_line or r.location.line
    if r.kind != "trigger" or fl.grammar != "psm" or not text or r.source.rfind(text) < 0:
        return text, line
    at = r.source.rfind(text)
    head = r.source[:at]
    toks = [(k, s, e) for k, s, e in lexer_for(fl.splitter).tokens(head) if k not in ("ws", "nl", "comment")]
    ups = [head[s:e].upper() for _, s, e in toks]
    cut = None
    for k in range(len(ups) - 1, 0, -1):
        if ups[k] in ("ROW", "STATEMENT") and ups[k - 1] == "EACH":
            cut = k + 1
            break
    if cut is None:
        return text, line
    while cut < len(ups) and ups[cut] in ("FOLLOWS", "PRECEDES", "MODE", "DB2SQL"):
        cut += 2 if ups[cut] in ("FOLLOWS", "PRECEDES") else 1
    if cut >= len(toks) or ups[cut] in ("WHEN", "REFERENCING", "NOT", "SECURED"):
        return text, line
    start = toks[cut][1]
    return r.source[start:at] + text, r.location.line + r.source.count("\n", 0, start)


def _header_ends_with_call(r: Routine, fl: Flavor) -> bool:
    """Whether the header the reader kept ends with CALL (an Oracle CALL trigger)."""
    if r.kind != "trigger" or not r.body or r.body not in r.source:
        return False
    head = r.source[: r.source.rfind(r.body)]
    words = [head[s:e].upper() for kind, s, e in lexer_for(fl.splitter).tokens(head) if kind == "word"]
    return bool(words) and words[-1] == "CALL"


def _finish(unit: n.ProcUnit, p: Parser) -> n.ProcUnit:
    if unit.block is None:
        unit.block = p.make(n.Block, 0, 0)
    unit.errors = list(p.errors)
    unit.tok_start, unit.tok_end = 0, p.n
    if p.toks:
        unit.line, unit.end_line = p.toks[0].line, p.toks[-1].last_line
    else:
        unit.line = unit.end_line = p.first_line
    resolve(unit, p)
    unit.link()
    return unit
