"""From tokens to the strings an application builds, and where they go.

One pass over a file's tokens, in code order, follows what a careful reader follows:

- an *expression* of string pieces: literals, joined by the language's operator (``+``, PHP's
  ``.``) or by adjacency (Python, C); a name stands for the string last assigned to it in the file
  (or a constant declared anywhere in it: ``static final``, ``const``, ``#define``); a format call
  (``String.format``, ``%``, ``sprintf``) or interpolation marks format splices; anything else
  joined in is a value known only at run time;
- assignments (``sql = ...``, ``sql += ...``), string builders (``sb.append(...)`` up to
  ``sb.toString()``), and calls whose argument the database runs (the *sinks* of ``apis.py``),
  which name the API of the string they receive, also through a variable.

A string built from another one (``BASE + " WHERE id = ?"``) is the statement; the piece it was
built from is reported on its own only if it is run on its own too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from migplan.app.apis import Sink, Spec
from migplan.app.lexers.base import Interp, Token
from migplan.app.sqltext import BRACE_BINDS

LIT, HOLE, VALUE = "lit", "hole", "value"
Piece = tuple[str, str, str]  # (kind, text or expression, how it reads in the SQL)

_CHAIN = (".", "?.", "->", "::")
_PHP_CHAIN = ("->", "::", "?->")
_CALL_NEXT = frozenset({"(", "<"})  # what may follow the name of a call
_CONST_WORDS = frozenset({"final", "const", "readonly", "constexpr", "#define"})


@dataclass(eq=False)
class Found:
    """A string the code builds: its place, its pieces and what the code does with it."""

    start: int
    end: int
    pieces: list[Piece]
    flags: set[str] = field(default_factory=set)
    api: str | None = None
    family: str | None = None
    takes: str = "sql"
    consumed: bool = False  # pasted into another string
    dropped: bool = False  # not SQL whatever it reads like (JPQL, a docstring)
    linked: bool = False  # a sink received it

    def extend(self, v: Value) -> None:
        self.pieces = self.pieces + v.pieces
        self.flags |= v.flags | {"concat"}
        for r in v.refs:
            if r is not self:
                r.consumed = True


class Value:
    """What an expression evaluates to while it is read."""

    __slots__ = ("alias", "flags", "pieces", "refs")

    def __init__(self, pieces: list[Piece], flags: set[str] | None = None, refs: list[Found] | None = None,
                 alias: Found | None = None):
        self.pieces = pieces
        self.flags = flags if flags is not None else set()
        self.refs = refs if refs is not None else []
        self.alias = alias

    @property
    def stringish(self) -> bool:
        return self.alias is not None or any(p[0] == LIT for p in self.pieces)


def _opaque(expr: str) -> Value:
    expr = " ".join(expr.split())
    return Value([(VALUE, expr, "${" + expr + "}")])


class Extractor:
    def __init__(self, spec: Spec, text: str, tokens: list[Token]):
        self.spec = spec
        self.text = text
        self.toks = tokens
        self.n = len(tokens)
        self.match, self.parent = _brackets(tokens)
        self.chain = _PHP_CHAIN if spec.language == "php" else _CHAIN
        self.env: dict[str, Found] = {}
        self.builders: dict[str, Found | None] = {}
        self.found: list[Found] = []
        self.consumed: set[int] = set()
        self.done: dict[int, Found | None] = {}  # assignments already read (constants, read ahead)
        self.constants: dict[str, int] = {}  # constant name -> index of its '=' (forward references)
        self.stored_procedures = "StoredProcedure" in text

    # -- the pass ----------------------------------------------------------------------------
    def run(self) -> list[Found]:
        self._find_constants()
        toks = self.toks
        spec = self.spec
        assign = spec.assign | spec.append
        for i in range(self.n):
            kind, _, _, text, _ = toks[i]
            if kind == "op":
                if text in assign and i not in self.done:
                    self.done[i] = self._assignment(i)
            elif kind == "id":
                if i + 1 < self.n and toks[i + 1][3] in _CALL_NEXT:
                    open_ = self._call_open(i)
                    if open_ is not None:
                        self._call(i, open_)
            elif kind == "str":
                if i not in self.consumed:
                    self._standalone(i)
        return self.found

    def _find_constants(self) -> None:
        toks = self.toks
        for i in range(1, self.n):
            if toks[i][0] != "op" or toks[i][3] != "=" or toks[i - 1][0] != "id":
                continue
            j = i - 2
            words = set()
            while j >= 0 and j >= i - 8 and toks[j][3] not in (";", "{", "}", "\n") and toks[j][0] != "nl":
                words.add(toks[j][3])
                j -= 1
            if words & _CONST_WORDS or (toks[i - 1][2] == toks[i][1] and toks[i][2] == toks[i][1]):  # a #define
                self.constants.setdefault(self._key([toks[i - 1][3]]), i)
            elif self.spec.language == "python" and (i == 1 or toks[i - 2][0] == "nl") and toks[i - 1][3].isupper():
                self.constants.setdefault(toks[i - 1][3], i)

    # -- expressions -------------------------------------------------------------------------
    def _expr(self, i: int, stop: int) -> tuple[Value | None, int]:
        v, j = self._operand(i, stop)
        if v is None:
            return None, i
        parts = [v]
        toks = self.toks
        spec = self.spec
        while j < stop:
            kind, _, _, text, _ = toks[j]
            if kind == "op" and text in spec.concat:
                w, k = self._operand(j + 1, stop)
                if w is None:
                    break
                parts.append(w)
                j = k
            elif spec.adjacent and (kind == "str" or (kind == "id" and self._key([text]) in self.constants
                                                       and parts[-1].stringish)):
                w, k = self._operand(j, stop)
                if w is None:
                    break
                parts.append(w)
                j = k
            elif spec.percent_operator and kind == "op" and text == "%" and any(p.stringish for p in parts):
                _, k = self._operand(j + 1, stop)
                parts[-1].flags.add("fmt%")
                j = max(k, j + 1)
            else:
                break
        if len(parts) == 1:
            return v, j
        pieces: list[Piece] = []
        flags: set[str] = {"concat"}
        refs: list[Found] = []
        for p in parts:
            pieces.extend(p.pieces)
            flags |= p.flags
            refs.extend(p.refs)
            if p.alias is not None:
                refs.append(p.alias)
        return Value(pieces, flags, refs), j

    def _operand(self, i: int, stop: int) -> tuple[Value | None, int]:
        if i >= stop:
            return None, i
        toks = self.toks
        kind, start, _, text, _ = toks[i]
        if kind == "str":
            self.consumed.add(i)
            v = self._string_value(i)
            return self._postfix(v, i + 1, stop)
        if kind == "op":
            if text == "(":
                close = self.match[i]
                if close < 0 or close >= stop:
                    return None, i
                inner, k = self._expr(i + 1, close)
                if self.spec.casts and close + 1 < stop and toks[close + 1][0] in ("str", "id") and \
                        (inner is None or not inner.stringish):
                    return self._operand(close + 1, stop)  # (SQLCHAR *) "SELECT ..."
                if inner is not None and k == close:
                    return self._postfix(inner, close + 1, stop)
                return self._postfix(_opaque(self.text[start:toks[close][2]]), close + 1, stop)
            if text in ("-", "!", "~", "+", "&", "*"):
                w, k = self._operand(i + 1, stop)
                return (None, i) if w is None else (_opaque(self.text[start:toks[k - 1][2]]), k)
            return None, i
        if kind == "num":
            return _opaque(text), i + 1
        if kind != "id":
            return None, i
        if text == "new" and i + 1 < stop and toks[i + 1][0] == "id":
            return self._new(i, stop)
        names, j = self._names(i, stop)
        if j < stop and toks[j][3] == "(" and toks[j][0] == "op":
            return self._call_value(i, names, j, stop)
        if j < stop and toks[j][0] == "str" and isinstance(interp := toks[j][4], Interp) and interp.tag:
            return self._operand(j, stop)  # a tagged template: sql`...`
        found = self._lookup(names, i)
        if found is not None:
            return self._postfix(Value(list(found.pieces), set(), [found], found), j, stop)
        return self._postfix(_opaque(self.text[start:toks[j - 1][2]]), j, stop)

    def _string_value(self, i: int) -> Value:
        _, _, _, text, extra = self.toks[i]
        if not isinstance(extra, Interp):
            return Value([(LIT, text, text)])
        pieces: list[Piece] = [(LIT, p, p) if isinstance(p, str) else (HOLE, p[0], p[1]) for p in extra.parts]
        flags = {"interp"}
        if extra.tag:
            sink = self.spec.tags.get(extra.tag) or self.spec.tags.get(extra.tag.rsplit(".", 1)[-1])
            if sink is not None:
                found = self._new_found(Value(pieces, flags | {"binds"} if sink.binds_holes else flags), i, i + 1)
                self._link(found, sink, extra.tag + "``")
                return Value(list(found.pieces), set(), [found], found)
        return Value(pieces, flags)

    def _postfix(self, v: Value, j: int, stop: int) -> tuple[Value, int]:
        """Method calls on a string: formats and no-ops keep it, anything else makes it opaque."""
        toks = self.toks
        spec = self.spec
        while j + 2 < stop and toks[j][3] in (".", "?.", "->") and toks[j + 1][0] == "id" and toks[j + 2][3] == "(":
            name = toks[j + 1][3]
            close = self.match[j + 2]
            if close < 0:
                break
            if name in spec.string_formats:
                v.flags.add(spec.string_formats[name])
            elif name in spec.builder_append and v.flags & {"builder"}:
                arg, _ = self._expr(j + 3, close)
                if arg is not None:
                    v.pieces = v.pieces + arg.pieces
                    v.flags |= arg.flags
                    v.refs = v.refs + arg.refs + ([arg.alias] if arg.alias else [])
            elif name == "join" and spec.language == "python" and v.alias is None:
                v = self._join(v, j + 3, close)
            elif name not in spec.passthrough and name not in spec.builder_done:
                start = toks[j][1]
                return _opaque(self.text[start:toks[close][2]]), close + 1
            j = close + 1
        return v, j

    def _join(self, sep: Value, lo: int, hi: int) -> Value:
        """Python's "sep".join([a, b, ...]) over literal items."""
        toks = self.toks
        if lo < hi and toks[lo][3] in ("[", "(") and self.match[lo] == hi - 1:
            items = [self._expr(a, b)[0] for a, b, _ in self._args(lo, hi - 1)]
            known = [x for x in items if x is not None and x.stringish]
            if items and len(known) == len(items):
                pieces: list[Piece] = []
                for n, x in enumerate(known):
                    if n:
                        pieces.extend(sep.pieces)
                    pieces.extend(x.pieces)
                return Value(pieces, {"concat"}, [r for x in known for r in x.refs])
        return _opaque(self.text[toks[lo - 1][1]:toks[hi][2]] if hi < self.n else "join(...)")

    def _names(self, i: int, stop: int) -> tuple[list[str], int]:
        toks = self.toks
        names = [toks[i][3]]
        j = i + 1
        while j + 1 < stop and toks[j][3] in self.chain and toks[j + 1][0] == "id":
            names.append(toks[j + 1][3])
            j += 2
        return names, j

    def _key(self, names: list[str]) -> str:
        if len(names) > 1 and names[0] in self.spec.receivers:
            names = names[1:]
        return ".".join(names)

    def _lookup(self, names: list[str], at: int) -> Found | None:
        key = self._key(names)
        found = self.env.get(key)
        if found is None and len(names) > 1:
            found = self.env.get(names[-1]) if names[0][:1].isupper() else None  # Constants.SQL_X
            key = names[-1]
        if found is None and key in self.constants:
            idx = self.constants[key]
            if idx not in self.done and idx != at:
                self.done[idx] = self._assignment(idx, record=False)
            found = self.done.get(idx)
        return found

    def _call_value(self, i: int, names: list[str], open_: int, stop: int) -> tuple[Value, int]:
        toks = self.toks
        spec = self.spec
        close = self.match[open_]
        if close < 0 or close >= stop:
            return _opaque(self.text[toks[i][1]:toks[open_][2]]), stop
        name = names[-1]
        qual = ".".join(names)
        fmt = spec.formats.get(qual) or (spec.formats.get(name) if len(names) == 1 else None)
        args = self._args(open_, close)
        if fmt is not None and fmt[0] < len(args):
            lo, hi, _ = args[fmt[0]]
            v, k = self._expr(lo, hi)
            if v is not None and v.stringish and k == hi:
                v.flags.add(fmt[1])
                return self._postfix(v, close + 1, stop)
        wrapper = spec.wrappers.get(name) if len(names) == 1 or name == "text" else None
        if wrapper is not None and args:
            lo, hi, _ = self._pick(args, wrapper) or args[0]
            v, k = self._expr(lo, hi)
            if v is not None and v.stringish:
                found = self._new_found(v, lo, k)
                if wrapper.family:
                    self._link(found, wrapper, name + "()")
                return self._postfix(Value(list(found.pieces), set(), [found], found), close + 1, stop)
        if len(names) > 1 and (name in spec.string_formats or name in spec.passthrough or
                               name in spec.builder_done):
            base = self._lookup(names[:-1], i)
            builder = self.builders.get(self._key(names[:-1])) if name in spec.builder_done else None
            if builder is not None:
                return self._postfix(Value(list(builder.pieces), set(), [builder], builder), close + 1, stop)
            if base is not None:
                v = Value(list(base.pieces), set(), [base], base)
                if name in spec.string_formats:
                    v.flags.add(spec.string_formats[name])
                return self._postfix(v, close + 1, stop)
        return self._postfix(_opaque(self.text[toks[i][1]:toks[close][2]]), close + 1, stop)

    def _new(self, i: int, stop: int) -> tuple[Value | None, int]:
        """``new StringBuilder(...)...toString()``, ``new String("...")``; other objects are opaque."""
        toks = self.toks
        names, j = self._names(i + 1, stop)
        if j >= stop or toks[j][3] != "(":
            return _opaque("new " + ".".join(names)), j
        close = self.match[j]
        if close < 0 or close >= stop:
            return None, i
        cls = names[-1]
        if cls in self.spec.builders or cls == "String":
            args = self._args(j, close)
            v = Value([], {"builder"} if cls != "String" else set())
            if args:
                arg, _ = self._expr(args[0][0], args[0][1])
                if arg is not None and arg.stringish:
                    v = Value(list(arg.pieces), v.flags | arg.flags, arg.refs + ([arg.alias] if arg.alias else []))
            v, k = self._postfix(v, close + 1, stop)
            return v, k
        return self._postfix(_opaque(self.text[toks[i][1]:toks[close][2]]), close + 1, stop)

    # -- contexts ----------------------------------------------------------------------------
    def _assignment(self, i: int, record: bool = True) -> Found | None:
        toks = self.toks
        spec = self.spec
        op = toks[i][3]
        p = self.parent[i]
        if p >= 0 and toks[p][3] == "(" and self.spec.language != "go":
            return None  # a named argument: the call reads it
        lv = self._lvalue(i)
        if lv is None:
            return None
        key, last = lv
        stop = self.match[p] if p >= 0 and self.match[p] > i else self.n
        v, j = self._expr(i + 1, stop)
        if v is None or not v.stringish:
            if v is not None and v.flags & {"builder"} and not v.pieces:
                self.builders[key] = None  # sb = new StringBuilder()
            elif record and op not in spec.append:
                self.env.pop(key, None)
            return None
        if "builder" in v.flags and j < self.n and toks[j - 1][3] == ")" and not self._ends_with_done(j):
            found = self._new_found(v, i + 1, j)
            self.builders[key] = found  # sb = new StringBuilder("SELECT ...")
            return found
        if op in spec.append and key in self.env:
            found = self.env[key]
            found.extend(v)
            found.end = max(found.end, toks[j - 1][2])
        else:
            found = self._new_found(v, i + 1, j)
        if record or key not in self.env:
            self.env[key] = found
        sink = spec.properties.get(last)
        if sink is not None:
            self._link(found, sink, "." + last)
        return found

    def _ends_with_done(self, j: int) -> bool:
        toks = self.toks
        if toks[j - 1][3] != ")":
            return False
        m = self.match[j - 1]
        return m > 0 and toks[m - 1][3] in self.spec.builder_done

    def _lvalue(self, i: int) -> tuple[str, str] | None:
        toks = self.toks
        k = i - 1
        if k < 0:
            return None
        if toks[k][3] == "]" and toks[k][0] == "op":  # char sql[] = "..."
            m = self.match[k]
            k = m - 1 if m > 0 else -1
        if k < 0 or toks[k][0] != "id":
            return None
        if self.spec.type_annotations and k >= 2 and toks[k - 1][3] == ":" and toks[k - 2][0] == "id":
            k -= 2  # sql: str = "..."
        names = [toks[k][3]]
        while k >= 2 and toks[k - 1][3] in self.chain and toks[k - 2][0] == "id":
            names.insert(0, toks[k - 2][3])
            k -= 2
        return self._key(names), names[-1]

    def _call_open(self, i: int) -> int | None:
        """Index of the '(' of a call whose name is token ``i`` (generic arguments skipped)."""
        toks = self.toks
        j = i + 1
        if j >= self.n or toks[j][0] != "op":
            return None
        if toks[j][3] == "(":
            return j
        if toks[j][3] == "<" and self.spec.language in ("java", "csharp", "typescript"):
            depth = 0
            for k in range(j, min(self.n, j + 24)):
                t = toks[k][3]
                if t == "<":
                    depth += 1
                elif t == ">":
                    depth -= 1
                    if depth == 0:
                        return k + 1 if k + 1 < self.n and toks[k + 1][3] == "(" else None
                elif t == ">>":
                    depth -= 2
                    if depth <= 0:
                        return k + 1 if k + 1 < self.n and toks[k + 1][3] == "(" else None
                elif toks[k][0] not in ("id", "op") or (toks[k][0] == "op" and t in ("(", ")", ";", "=", "==")):
                    return None
        return None

    def _call(self, i: int, open_: int) -> None:
        toks = self.toks
        spec = self.spec
        name = toks[i][3]
        prev = toks[i - 1][3] if i > 0 else ""
        close = self.match[open_]
        if close < 0:
            return
        if prev == "@":
            sink = spec.annotations.get(name)
            api = "@" + name
        elif prev == "new":
            sink = spec.constructors.get(name)
            api = "new " + name
        else:
            recv = toks[i - 2][3] if i >= 2 and prev in self.chain and toks[i - 2][0] == "id" else None
            if name in spec.builder_append or (name in ("Clear", "setLength") and recv is not None):
                self._builder_call(i, name, open_, close)
                return
            sink = spec.calls.get(name)
            if sink is not None and sink.receivers and recv not in sink.receivers:
                sink = None
            api = f"{recv}{prev}{name}" if recv and recv not in spec.receivers else name
        if sink is None:
            return
        args = self._args(open_, close)
        picked = self._pick(args, sink)
        if picked is None:
            return
        lo, hi, _ = picked
        if sink.context_arg and hi - lo == 1 and toks[lo][0] == "id" and toks[lo][3] in ("ctx", "c", "context"):
            positional = [a for a in args if a[2] is None]
            nxt = positional.index(picked) + 1
            if nxt >= len(positional):
                return
            lo, hi, _ = positional[nxt]
        takes = sink.takes
        if takes == "jpql":
            native = sink.native_flag and any(
                kw == sink.native_flag and toks[a][3] == "true" for a, _, kw in args)
            if native or (spec.jpql_unless_import and spec.jpql_unless_import in self.text):
                takes = "sql"
        if toks[lo][3] == "{" and sink.join is not None and self.match[lo] == hi - 1:
            items = [self._expr(a, b)[0] for a, b, _ in self._args(lo, hi - 1)]
            strings = [x for x in items if x is not None and x.stringish]
            if not strings:
                return
            pieces: list[Piece] = []
            refs: list[Found] = []
            for n, x in enumerate(strings):
                if n and sink.join:
                    pieces.append((LIT, sink.join, sink.join))
                pieces.extend(x.pieces)
                refs.extend(x.refs + ([x.alias] if x.alias else []))
            v: Value | None = Value(pieces, {"concat"} if len(strings) > 1 else set(), refs)
            k = hi
        else:
            v, k = self._expr(lo, hi)
        if v is None or not v.stringish:
            return
        found = self._new_found(v, lo, k)
        self._link(found, sink, api, takes)

    def _builder_call(self, i: int, name: str, open_: int, close: int) -> None:
        """sb.append("...") / sb.Append(...) / sb.Clear() / sb.setLength(0) on a builder variable
        (or a chain of appends on one)."""
        toks = self.toks
        k = i
        while k >= 2 and toks[k - 1][3] in self.chain:
            if toks[k - 2][3] == ")" and self.match[k - 2] > 0 and toks[self.match[k - 2] - 1][3] in \
                    self.spec.builder_append:
                k = self.match[k - 2] - 1
                continue
            break
        if k < 2 or toks[k - 1][3] not in self.chain or toks[k - 2][0] != "id":
            return
        names = [toks[k - 2][3]]
        j = k - 2
        while j >= 2 and toks[j - 1][3] in self.chain and toks[j - 2][0] == "id":
            names.insert(0, toks[j - 2][3])
            j -= 2
        key = self._key(names)
        if key not in self.builders:
            return
        if name not in self.spec.builder_append:
            self.builders[key] = None  # cleared
            return
        args = self._args(open_, close)
        if not args:
            return
        v, e = self._expr(args[0][0], args[0][1])
        if v is None:
            return
        current = self.builders[key]
        if current is None:
            if not v.stringish:
                return
            found = self._new_found(v, args[0][0], e)
            found.flags.add("builder")
            self.builders[key] = found
        else:
            current.extend(v)
            current.end = max(current.end, toks[e - 1][2])

    def _standalone(self, i: int) -> None:
        toks = self.toks
        s = self._walk_back(i)
        stop = self.match[self.parent[s]] if self.parent[s] >= 0 and self.match[self.parent[s]] > s else self.n
        v, j = self._expr(s, stop)
        if v is None or not v.stringish:
            return
        if v.alias is not None and len(v.refs) == 1 and not v.flags:
            return  # a tagged template or a wrapper already recorded it
        found = self._new_found(v, s, j)
        if self.spec.language == "python" and (s == 0 or toks[s - 1][0] == "nl" or toks[s - 1][3] == ";") and \
                (j >= self.n or toks[j][0] == "nl" or toks[j][3] == ";"):
            found.dropped = True  # a string standing alone as a statement: a docstring

    def _walk_back(self, i: int) -> int:
        toks = self.toks
        s = i
        while s > 0:
            kind, _, _, text, _ = toks[s - 1]
            if kind == "op" and text in self.spec.concat:
                q = self._operand_start(s - 2)
                if q is None:
                    break
                s = q
            elif self.spec.adjacent and kind == "str":
                s -= 1
            else:
                break
        return s

    def _operand_start(self, k: int) -> int | None:
        toks = self.toks
        if k < 0:
            return None
        kind, _, _, text, _ = toks[k]
        if kind in ("str", "num"):
            return k
        if kind == "op" and text in (")", "]"):
            m = self.match[k]
            if m < 0:
                return None
            k = m
            if k > 0 and toks[k - 1][0] == "id":
                k -= 1
            elif text == ")":
                return k
        elif kind != "id":
            return None
        while k >= 2 and toks[k - 1][3] in self.chain:
            prev = toks[k - 2]
            if prev[0] == "id":
                k -= 2
            elif prev[3] in (")", "]") and self.match[k - 2] >= 0:
                k = self.match[k - 2]
                if k > 0 and toks[k - 1][0] == "id":
                    k -= 1
            else:
                break
        if k > 0 and toks[k - 1][3] == "new":
            k -= 1
        return k

    # -- helpers -----------------------------------------------------------------------------
    def _args(self, open_: int, close: int) -> list[tuple[int, int, str | None]]:
        toks = self.toks
        out: list[tuple[int, int, str | None]] = []
        lo = open_ + 1
        k = lo
        while k < close:
            kind, _, _, text, _ = toks[k]
            if kind == "op" and text in ("(", "[", "{") and self.match[k] > k:
                k = self.match[k] + 1
                continue
            if kind == "op" and text == ",":
                out.append(self._arg(lo, k))
                lo = k + 1
            k += 1
        if lo < close:
            out.append(self._arg(lo, close))
        return out

    def _arg(self, lo: int, hi: int) -> tuple[int, int, str | None]:
        toks = self.toks
        if hi - lo > 2 and toks[lo][0] == "id" and toks[lo + 1][0] == "op" and toks[lo + 1][3] in ("=", ":"):
            return lo + 2, hi, toks[lo][3]
        return lo, hi, None

    @staticmethod
    def _pick(args: list[tuple[int, int, str | None]], sink: Sink) -> tuple[int, int, str | None] | None:
        if sink.keyword:
            for a in args:
                if a[2] == sink.keyword:
                    return a
        if sink.arg < 0:
            return None
        positional = [a for a in args if a[2] is None]
        return positional[sink.arg] if sink.arg < len(positional) else None

    def _new_found(self, v: Value, lo: int, hi: int) -> Found:
        if v.alias is not None and not (v.flags - {"interp"}) and len(v.refs) == 1:
            return v.alias
        if v.alias is not None and len(v.refs) == 1:
            v.alias.flags |= v.flags
            return v.alias
        toks = self.toks
        while lo + 1 < hi and toks[lo][3] == "(" and toks[lo][0] == "op":
            lo += 1  # ("SELECT ..." "FROM ..."): the statement starts at its first piece
        start = toks[lo][1] if lo < self.n else len(self.text)
        end = toks[hi - 1][2] if 0 < hi <= self.n else start
        found = Found(start, end, list(v.pieces), set(v.flags))
        for r in v.refs:
            r.consumed = True
        self.found.append(found)
        return found

    def _link(self, found: Found, sink: Sink, api: str, takes: str | None = None) -> None:
        found.linked = True
        if found.api is None:
            found.api = api
            found.family = sink.family or None
            found.takes = takes or sink.takes
        if (takes or sink.takes) == "jpql" and found.takes == "jpql":
            found.dropped = True
        if sink.binds_holes:
            found.flags.add("binds")
        if sink.brace_binds:
            found.flags.add(BRACE_BINDS)
        if sink.family == "ADO.NET" and self.stored_procedures:
            found.flags.add("maybe routine")


def _brackets(tokens: list[Token]) -> tuple[list[int], list[int]]:
    """For each token: the index of the bracket matching it (-1), and of the innermost open bracket
    around it (-1 at top level). Unbalanced brackets are left unmatched."""
    n = len(tokens)
    match = [-1] * n
    parent = [-1] * n
    stack: list[int] = []
    top = -1
    pairs = {")": "(", "]": "[", "}": "{"}
    for i, tok in enumerate(tokens):
        parent[i] = top
        if tok[0] != "op":
            continue
        text = tok[3]
        if text in ("(", "[", "{"):
            stack.append(i)
            top = i
        elif text in pairs:
            # pop to the matching opener (tolerates a stray closer)
            for depth in range(len(stack) - 1, max(-1, len(stack) - 4), -1):
                if tokens[stack[depth]][3] == pairs[text]:
                    o = stack[depth]
                    match[o] = i
                    match[i] = o
                    del stack[depth:]
                    top = stack[-1] if stack else -1
                    parent[i] = top
                    break
    return match, parent
