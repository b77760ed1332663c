"""Expression rewrites, the way sqlglot composes its dialects' transforms: small functions keyed by
node type, each saying which sources it applies to and which target profile flags it needs, composed
in order into one table per pair.

A rewrite takes ``(node, rw)`` and returns the node to put in its place, or None to let the next
rewrite for that node type try (a rewrite may also only note a problem and return None). ``rw`` is
the :class:`Rewriter`: the pair, the names, the columns in scope, and the problems found so far.

The table of a pair is ``common.BEFORE`` (names, the pair's function map, casts), then the source's
own module (``oracle``, ``tsql``, ``mysql``...), then ``common.AFTER`` (what the target cannot say:
FILTER, grouping sets, composite fields...). Adding a source is one module with its ``REWRITES``
(and its ``PREPASSES`` over the whole tree, ``TEXT_PASSES`` over the text).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlglot import exp

if TYPE_CHECKING:  # pragma: no cover
    from migplan.convert.profiles import TargetProfile
    from migplan.engines import Engine

Fn = Callable[[Any, "Rewriter"], "exp.Expression | None"]
# meta key of nodes the converter builds itself (hierarchical keys...): the source's semantic rewrites
# leave them alone
GENERATED = "migplan_generated"


def generated(node: exp.Expression) -> exp.Expression:
    node.meta[GENERATED] = True
    return node
TreePass = Callable[[exp.Expression, "Rewriter"], exp.Expression]


@dataclass(frozen=True)
class Rewrite:
    """One entry of a pair's table: ``fn`` for nodes of ``types``, from the ``sources`` (engine
    families; empty = every source), when ``needs`` says the target profile wants it."""

    types: tuple[type[exp.Expression], ...]
    fn: Fn
    sources: frozenset[str] = frozenset()
    needs: Callable[[TargetProfile], bool] | None = None

    def applies(self, source_family: str, profile: TargetProfile) -> bool:
        return (not self.sources or source_family in self.sources) and (self.needs is None or self.needs(profile))


def rewrite(types: type[exp.Expression] | tuple[type[exp.Expression], ...], fn: Fn, *,
            sources: Iterable[str] = (), needs: Callable[[TargetProfile], bool] | None = None) -> Rewrite:
    return Rewrite(types if isinstance(types, tuple) else (types,), fn, frozenset(sources), needs)


@dataclass
class PairTable:
    """The rewrites of one pair. A node gets the rewrites registered for any of its classes (an
    ``exp.DateTrunc`` also those for ``exp.Func``), in the order the table lists them."""

    entries: dict[type, list[tuple[int, Fn]]]
    prepasses: list[TreePass]
    text_passes: list[Callable[[str], str]]
    _cache: dict[type, list[Fn]] = field(default_factory=dict)

    def for_node(self, cls: type) -> list[Fn]:
        found = self._cache.get(cls)
        if found is None:
            merged = [e for klass in cls.__mro__ for e in self.entries.get(klass, ())]
            found = self._cache[cls] = [fn for _, fn in sorted(merged, key=lambda e: e[0])]
        return found


def _modules() -> dict[str, Any]:
    from migplan.convert.transforms import db2, mysql, oracle, postgres, teradata, tsql

    return {"oracle": oracle, "sqlserver": tsql, "sap-ase": tsql, "mysql": mysql, "postgresql": postgres,
            "greenplum": postgres, "netezza": postgres, "vertica": postgres, "teradata": teradata, "db2": db2}


@cache
def _table(source_family: str, profile_class: type) -> PairTable:
    from migplan.convert.transforms import common

    profile = profile_class.__new__(profile_class)  # the flags are class attributes: no engine needed
    module = _modules().get(source_family)
    own = getattr(module, "REWRITES", []) if module else []
    table = PairTable({}, [*common.PREPASSES, *(getattr(module, "PREPASSES", []) if module else [])],
                      list(getattr(module, "TEXT_PASSES", []) if module else []))
    applicable = (e for e in (*common.BEFORE, *own, *common.AFTER) if e.applies(source_family, profile))
    for order, entry in enumerate(applicable):
        for t in entry.types:
            table.entries.setdefault(t, []).append((order, entry.fn))
    return table


def table_for(source_family: str, profile: TargetProfile) -> PairTable:
    return _table(source_family, type(profile))


@dataclass
class Rewriter:
    """What a rewrite sees while one expression or query is converted."""

    source: Engine
    profile: TargetProfile
    converter: Any  # the ExpressionConverter: names, sequences, routines, resolve, map_type, rules
    context: str  # "expression" | "query"
    columns: dict[str, Any]  # column name (upper) -> TypeSpec of the table the expression belongs to
    texts: dict[str, str] = field(default_factory=dict)  # text column name (upper) -> source collation class
    problems: list[tuple[str, str]] = field(default_factory=list)
    ctes: set[str] = field(default_factory=set)
    xml_refs: set[str] = field(default_factory=set)
    extensions: set[str] = field(default_factory=set)  # target extensions the rewrites call (unaccent)
    table: PairTable | None = None
    text: str = ""  # what the tree was read from (a node's meta start/end index it)

    def spelled(self, node: exp.Expression) -> str:
        """The source's spelling of a function node (VARIANCE or VAR_SAMP: one sqlglot class), upper case."""
        start, end = node.meta.get("start"), node.meta.get("end")
        return self.text[start:end + 1].upper() if isinstance(start, int) and isinstance(end, int) else ""

    @property
    def names(self):
        return self.converter.names

    def problem(self, code: str, message: str) -> None:
        self.problems.append((code, message))

    def rewrite(self, node: exp.Expression) -> exp.Expression:
        """One node through the pair's table: the first rewrite that returns a node wins."""
        assert self.table is not None
        for fn in self.table.for_node(type(node)):
            out = fn(node, self)
            if out is not None:
                return out
        return node

    def sub(self, node: exp.Expression) -> exp.Expression:
        """A copy of ``node`` with every node in it rewritten (for rewrites that build a new node
        from their operands)."""
        return node.transform(self.rewrite, copy=True)

    def sql(self, node: exp.Expression) -> str:
        """``node`` rewritten and written in the target's dialect."""
        return self.sub(node).sql(dialect=self.profile.sqlglot)
