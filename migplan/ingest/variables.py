"""Client substitution variables: SQL*Plus ``&name`` / ``&&name`` / ``&1`` and sqlcmd ``$(name)``.

The client replaces each reference with the variable's value before the server sees the line, so
we do the same before parsing. Values come, in order of precedence, from the user (``defines`` of
``load_schema``/``assess``, ``--define NAME=VALUE``, the ``defines`` config key), then from the
scripts as they run: ``DEFINE``, ``ACCEPT ... DEFAULT``, ``@script arg1 arg2`` (``&1``, ``&2``) and
sqlcmd ``:setvar``. A variable whose value is only known when the script runs (``ACCEPT`` without
a default, ``COLUMN ... NEW_VALUE``, never defined) becomes a visible placeholder: the quoted
identifier ``"&NAME"``, so ``&main_user..orders`` reads as the table ``orders`` of the schema
``&MAIN_USER`` and the rest of the statement parses normally. Inside string literals and quoted
names an unknown reference is left as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from migplan.ingest.lexer import lexer_for
from migplan.model.statement import Statement

_NAME = r"[A-Za-z0-9_$#]+"
# SQL*Plus: '&' or '&&', the name, an optional '.' that ends the name and is dropped; word
# characters around the reference make one identifier with it (tab_&sfx, &prefix._log).
_SQLPLUS_REF = re.compile(rf"[A-Za-z0-9_$#]*(?:&&?{_NAME}\.?[A-Za-z0-9_$#]*)+")
_SQLPLUS_ONE = re.compile(rf"&&?({_NAME})\.?")
_SQLCMD_REF = re.compile(r"\$\((\w+)\)")

_DEFINE = re.compile(rf"DEF(?:I(?:N(?:E)?)?)?\s+({_NAME})\s*=\s*(\"[^\"]*\"|'[^']*'|\S+)", re.I)
_UNDEFINE = re.compile(r"UNDEF(?:I(?:N(?:E)?)?)?\s+(.*)", re.I | re.S)
_ACCEPT = re.compile(rf"ACC(?:E(?:P(?:T)?)?)?\s+({_NAME})(.*)", re.I | re.S)
_WORDS = re.compile(r"'[^']*'|\"[^\"]*\"|\S+")
_DEFAULT_WORDS = {"DEF", "DEFA", "DEFAU", "DEFAUL", "DEFAULT"}
_NEW_VALUE = re.compile(rf"\b(?:NEW_V(?:A(?:L(?:U(?:E)?)?)?)?|OLD_V(?:A(?:L(?:U(?:E)?)?)?)?)\s+({_NAME})", re.I)
_SET_DEFINE = re.compile(r"SET\s+(DEF(?:I(?:N(?:E)?)?)?|SCAN)\s+(\S+)", re.I)
_SETVAR = re.compile(r":setvar\s+(\w+)\s+(\"[^\"]*\"|\S+)", re.I)


@dataclass
class Variable:
    name: str  # upper case: client variable names are case-insensitive
    value: str | None  # None: known only when the script runs
    origin: str  # how it got its value, for messages ("DEFINE at a.sql:3", "--define")


@dataclass
class Use:
    """An undefined variable met in a statement: where, and in which statement."""

    name: str
    file: str
    line: int
    statement: int
    origin: str  # how the scripts would set it, as known at this use


@dataclass
class ClientVariables:
    """The variables in force while the scripts are read in run order (includes followed)."""

    splitter: str
    user: dict[str, str] = field(default_factory=dict)
    vars: dict[str, Variable] = field(default_factory=dict)
    prefix: str | None = "&"  # SQL*Plus SET DEFINE: the substitution character, None when off
    uses: list[Use] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.user = {str(k).upper(): str(v) for k, v in self.user.items()}

    @property
    def active(self) -> bool:
        return self.splitter in ("oracle", "tsql")

    # -- client commands ------------------------------------------------------------------
    def on_client(self, stmt: Statement) -> None:
        """Follow a client command that sets variables (DEFINE, ACCEPT, COLUMN NEW_VALUE, :setvar...)."""
        text = stmt.text.strip()
        where = f"{stmt.file}:{stmt.line}"
        name = (stmt.client or "").upper()
        if self.splitter == "tsql":
            m = _SETVAR.match(text)
            if m:
                self._set(m.group(1), m.group(2).strip('"'), f":setvar at {where}")
            return
        if self.splitter != "oracle":
            return
        if name == "DEFINE":
            m = _DEFINE.match(text)
            if m:
                value, unknown = self._expand(_unquote(m.group(2)))
                how = f"DEFINE at {where}"
                if unknown:
                    self._set(m.group(1), None, f"{how}, from {', '.join('&' + u for u in unknown)}")
                else:
                    self._set(m.group(1), value, how)
        elif name == "UNDEFINE":
            m = _UNDEFINE.match(text)
            for var in (m.group(1).split() if m else []):
                if var.upper() not in self.user:
                    self.vars.pop(var.upper(), None)
        elif name == "ACCEPT":
            m = _ACCEPT.match(text)
            if m:
                self._accept(m.group(1), m.group(2), where)
        elif name == "COLUMN":
            m = _NEW_VALUE.search(text)
            if m:
                self._set(m.group(1), None, f"set when the script runs by COLUMN ... NEW_VALUE at {where}",
                          runtime=True)
        elif name == "SET":
            m = _SET_DEFINE.match(text)
            if m:
                value = m.group(2).strip("'\"")
                if value.upper() == "OFF":
                    self.prefix = None
                elif value.upper() == "ON":
                    self.prefix = "&"
                elif m.group(1).upper() != "SCAN" and len(value) == 1 and not value.isalnum():
                    self.prefix = value

    def _accept(self, var: str, rest: str, where: str) -> None:
        words = _WORDS.findall(rest)  # quoted prompt texts stay one word
        at = next((i for i, w in enumerate(words[:-1]) if w.upper() in _DEFAULT_WORDS), None)
        if at is not None:
            value, unknown = self._expand(_unquote(words[at + 1]))
            if not unknown:
                self._set(var, value, f"the DEFAULT of ACCEPT at {where}", runtime=True)
                return
        self._set(var, None, f"prompted for by ACCEPT at {where}", runtime=True)

    def _set(self, var: str, value: str | None, origin: str, runtime: bool = False) -> None:
        key = var.upper()
        if key in self.user:  # what the user says wins over what the script would ask for
            return
        self.vars[key] = Variable(key, value, origin)

    def positional(self, args: list[str], where: str) -> dict[str, Variable | None]:
        """Set &1, &2 ... for a script started with arguments; return what they were before."""
        before: dict[str, Variable | None] = {}
        for i, arg in enumerate(args, start=1):
            key = str(i)
            before[key] = self.vars.get(key)
            value, unknown = self._expand(_unquote(arg))
            if key not in self.user:
                how = f"argument {i} of the script call at {where}"
                self.vars[key] = Variable(key, None if unknown else value, how)
        return before

    def restore(self, before: dict[str, Variable | None]) -> None:
        for key, var in before.items():
            if var is None:
                self.vars.pop(key, None)
            else:
                self.vars[key] = var

    def value(self, name: str) -> str | None:
        key = name.upper()
        if key in self.user:
            return self.user[key]
        var = self.vars.get(key)
        return var.value if var else None

    def origin(self, name: str) -> str:
        var = self.vars.get(name.upper())
        return var.origin if var else "never defined in the scripts"

    def _expand(self, text: str) -> tuple[str, list[str]]:
        """A value as the client expands it when the command runs (DEFINE x = &1)."""
        unknown: list[str] = []
        if self.splitter != "oracle" or not self.prefix:
            return text, unknown

        def one(m: re.Match) -> str:
            value = self.value(m.group(1))
            if value is None:
                unknown.append(m.group(1).upper())
                return m.group(0)
            return value

        return self._one_pattern().sub(one, text), unknown

    def _one_pattern(self) -> re.Pattern[str]:
        if self.prefix == "&":
            return _SQLPLUS_ONE
        p = re.escape(self.prefix or "&")
        return re.compile(rf"{p}{p}?({_NAME})\.?")

    # -- statements -----------------------------------------------------------------------
    def substitute(self, stmt: Statement, text: str) -> str:
        """``text`` (the statement, comments blanked) with every reference replaced. Unknown ones
        outside literals become placeholders and are recorded in ``uses``."""
        if not self.active:
            return text
        if self.splitter == "tsql":
            if "$(" not in text:
                return text
            return self._replace(stmt, text, _SQLCMD_REF, self._sqlcmd)
        if not self.prefix or self.prefix not in text:
            return text
        pattern = _SQLPLUS_REF if self.prefix == "&" else re.compile(
            rf"[A-Za-z0-9_$#]*(?:{re.escape(self.prefix)}{{1,2}}{_NAME}\.?[A-Za-z0-9_$#]*)+")
        return self._replace(stmt, text, pattern, self._sqlplus)

    def _replace(self, stmt: Statement, text: str, pattern: re.Pattern[str],
                 render: Callable[[Statement, str, re.Match[str], bool], str]) -> str:
        literals = _literal_spans(text, self.splitter)  # sorted and disjoint: a bisect finds the one around
        starts = [a for a, _b in literals]
        out: list[str] = []
        pos = 0
        for m in pattern.finditer(text):
            k = bisect_right(starts, m.start()) - 1
            inside = k >= 0 and m.start() < literals[k][1]
            out.append(text[pos:m.start()])
            out.append(render(stmt, text, m, inside))
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)

    def _sqlplus(self, stmt: Statement, text: str, m: re.Match, inside: bool) -> str:
        whole = m.group(0)
        one = self._one_pattern()
        unknown = [r.group(1) for r in one.finditer(whole) if self.value(r.group(1)) is None]
        if not unknown:
            return one.sub(lambda r: self.value(r.group(1)) or "", whole)
        if inside:  # a literal keeps an unknown reference as written
            return one.sub(lambda r: self.value(r.group(1)) or r.group(0), whole)
        line = stmt.line + text.count("\n", 0, m.start())
        for name in unknown:
            self.uses.append(Use(name.upper(), stmt.file, line, stmt.index, self.origin(name)))
        # one quoted identifier: the known parts expanded, the unknown ones kept visibly as &NAME
        placeholder = one.sub(lambda r: self.value(r.group(1)) or "&" + r.group(1).upper() + (
            "." if r.group(0).endswith(".") and r.end() < len(whole) else ""), whole)
        return '"' + placeholder.upper().replace('"', '""') + '"'

    def _sqlcmd(self, stmt: Statement, text: str, m: re.Match, inside: bool) -> str:
        value = self.value(m.group(1))
        if value is not None:
            return value
        if inside:
            return m.group(0)
        line = stmt.line + text.count("\n", 0, m.start())
        self.uses.append(Use(m.group(1).upper(), stmt.file, line, stmt.index, self.origin(m.group(1))))
        return "[" + m.group(0).replace("]", "]]") + "]"


def _literal_spans(text: str, splitter: str) -> list[tuple[int, int]]:
    return [(s, e) for kind, s, e in lexer_for(splitter).tokens(text) if kind in ("string", "qident", "error")]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def define(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` from the command line (``--define``)."""
    name, eq, value = text.partition("=")
    if not eq or not re.fullmatch(r"[A-Za-z0-9_$#]+", name.strip()):
        raise ValueError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def reference_text(name: str, splitter: str) -> str:
    """How a variable is written in the scripts of a dialect (for messages)."""
    return f"$({name})" if splitter == "tsql" else f"&{name}"
