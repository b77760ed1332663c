"""What a rule's ``check`` sees: the inventory, the conversion, and helpers to look inside code."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from migplan.engines import Engine
from migplan.ingest.lexer import lexer_for
from migplan.inventory.inventory import Inventory
from migplan.model.conversion import Conversion, Finding
from migplan.model.schema import Routine, SchemaObject


class Word(NamedTuple):
    up: str  # upper-cased text (words) or the text (punctuation, strings)
    kind: str
    line: int
    text: str


def tokenize(text: str, first_line: int, splitter: str | None, stop: int | None = None) -> list[Word]:
    """Code tokens of ``text`` with their input lines, comments and whitespace skipped; tokens that
    start at or after offset ``stop`` are left out."""
    out: list[Word] = []
    line = first_line
    for kind, start, end in lexer_for(splitter or "generic").tokens(text):
        if stop is not None and start >= stop:
            break
        if kind == "nl":
            line += 1
            continue
        if kind in ("ws", "comment", "vopen", "vclose"):
            line += text.count("\n", start, end)
            continue
        tok = text[start:end]
        out.append(Word(tok.upper() if kind == "word" else tok, kind, line, tok))
        line += tok.count("\n")
    return out


@dataclass
class AnalysisContext:
    inventory: Inventory
    conversion: Conversion
    source: Engine
    target: Engine
    _words: dict[int, list[Word]] = field(default_factory=dict)

    @property
    def source_family(self) -> str:
        return self.source.family

    @property
    def target_family(self) -> str:
        return self.target.family

    def converted(self, obj: SchemaObject) -> bool:
        """Whether migplan wrote target DDL for the object (a view whose query it rewrote)."""
        conv = self.conversion.by_source(obj)
        return conv is not None and conv.written

    def hit(self, rule, obj: SchemaObject, line: int | None, message: str, source: str | None = None,
            sub: str | None = None, converted: str | None = None) -> Finding:
        return Finding(rule.code, obj.qname, obj.kind, obj.location.file, line or obj.location.line, message, source,
                       converted, sub)

    # -- code as tokens -------------------------------------------------------------------
    def words(self, obj: SchemaObject) -> list[Word]:
        """Code tokens of a routine body (or of the whole statement for other objects), with lines.
        Comments are skipped; strings are kept as single tokens (kind 'string')."""
        key = id(obj)
        if key not in self._words:
            if isinstance(obj, Routine) and obj.body:
                text, first = obj.body, obj.body_line or obj.location.line
            else:
                text, first = obj.source, obj.location.line
            self._words[key] = tokenize(text, first, self.source.splitter)
        return self._words[key]

    def find(self, obj: SchemaObject, *sequence: str) -> list[int]:
        """Lines where the words ``sequence`` appear one after another (upper case, punctuation as is)."""
        ws = self.words(obj)
        n = len(sequence)
        hits = []
        for i in range(len(ws) - n + 1):
            if all(ws[i + k].up == sequence[k] and ws[i + k].kind != "string" for k in range(n)):
                hits.append(ws[i].line)
        return hits

    def find_any(self, obj: SchemaObject, words: set[str]) -> list[tuple[str, int]]:
        return [(w.up, w.line) for w in self.words(obj) if w.kind == "word" and w.up in words]

    def calls(self, obj: SchemaObject, prefix: str = "") -> list[tuple[str, int]]:
        """Qualified names followed by '(' or used as package calls, e.g. DBMS_OUTPUT.PUT_LINE."""
        ws = self.words(obj)
        out = []
        for i, w in enumerate(ws):
            if w.kind != "word" or not w.up.startswith(prefix):
                continue
            if i > 0 and ws[i - 1].up == ".":
                continue
            name = w.up
            j = i
            while j + 2 < len(ws) and ws[j + 1].up == "." and ws[j + 2].kind == "word":
                name += "." + ws[j + 2].up
                j += 2
            out.append((name, w.line))
        return out

    def line_of(self, obj: SchemaObject, pattern: str, flags: int = re.I) -> int | None:
        """Line of the first match of ``pattern`` in the object's statement text (comments included)."""
        m = re.search(pattern, obj.source, flags)
        if not m:
            return None
        return obj.location.line + obj.source.count("\n", 0, m.start())

    def tree(self, obj: SchemaObject):
        return obj.attrs.get("_tree")
