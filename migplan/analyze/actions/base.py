"""The action-item rule: one small class per code, its docstring is its documentation.

A rule says what it is (code, category, default severity and effort, the source/target families
it applies to, the SCT action codes and DMS assessment keys it corresponds to) and, when it is found
by looking at the source, how to find it (``check``).

Engines of one family: ``sources`` names engine families (Azure SQL Database is family
``sqlserver``, MariaDB and Aurora MySQL are ``mysql``, Aurora PostgreSQL is ``postgresql``), so a
rule about the family runs for each of its engines. A rule about one engine's own features sets
``engines`` (canonical names from engines.toml: ``("azure-sql",)``); a family rule that the engine
replaces with its own lists that engine in ``except_engines`` (SQL Server's cross-database rule
does not run for Azure SQL Database, whose rule says what differs there). ``applies`` checks both;
inside ``check``, ``ctx.source`` is the engine itself. Rules raised elsewhere (by the converter, the
verifier or the input reader) set ``raised_by`` and leave ``check`` empty: the code, its docs and
fixtures still live here. A rule that reads one class of object names it as its type argument,
``class DmlTriggerRewrite(Rule[Routine])``: ``check`` is then typed for that class and only sees
objects of it.

Docstring layout (sections are the lines ending in ':' at the start of a line)::

    One-line summary.

    What it detects:
        ...
    Why it matters:
        ...
    Example:
        source SQL
    Typical rewrite:
        target SQL
    Effort:
        ...
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar, get_args

from migplan.model.schema import SchemaObject

if TYPE_CHECKING:  # pragma: no cover
    from migplan.analyze.context import AnalysisContext
    from migplan.model.conversion import Finding

Obj = TypeVar("Obj", bound=SchemaObject)

SEVERITIES = ("info", "low", "medium", "high", "critical")
EFFORTS = ("none", "simple", "medium", "significant")
CATEGORIES = (
    "input", "data types", "tables", "constraints", "indexes", "sequences and identity", "names",
    "views and SQL", "procedural code", "triggers", "functional differences", "DMS readiness", "verification",
)
SECTIONS = ("What it detects", "Why it matters", "Example", "Typical rewrite", "Effort", "References")


class Rule(Generic[Obj]):
    _sections: ClassVar[dict[str, str]]  # the docstring's sections, parsed once per rule class
    object_type: ClassVar[type[SchemaObject]] = SchemaObject  # from Rule[X]: check() sees only X
    code: ClassVar[str] = ""
    name: ClassVar[str] = ""  # kebab-case slug, e.g. "connect-by"
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "medium"
    effort: ClassVar[str] = "medium"
    sources: ClassVar[tuple[str, ...]] = ()  # source engine families; () = any
    engines: ClassVar[tuple[str, ...]] = ()  # source engine names (engines.toml); () = every engine of sources
    except_engines: ClassVar[tuple[str, ...]] = ()  # source engines that have a rule of their own for this
    targets: ClassVar[tuple[str, ...]] = ()  # target engine families; () = any
    kinds: ClassVar[tuple[str, ...]] = ()  # object kinds check() looks at; () = all
    # statements that are no object (``session use``, ``session exec``, ``block``...) check() also sees,
    # each as a SchemaObject of that kind named file:line; () = none
    statements: ClassVar[tuple[str, ...]] = ()
    sct: ClassVar[tuple[str, ...]] = ()  # SCT action codes, written "<pair> <code>" e.g. "Oracle->PostgreSQL 5340"
    dms: ClassVar[tuple[str, ...]] = ()  # DMS premigration assessment keys
    raised_by: ClassVar[str] = "rule"  # rule | converter | verifier | input | names
    # True when migplan's procedural conversion rewrites this construct: in an object it wrote, the
    # item is informational and the effort is in what the conversion left (see ``rewritten``)
    rewritten_when_converted: ClassVar[bool] = False
    status: ClassVar[str] = "stable"  # stable | preview | deprecated

    def applies(self, source_family: str, target_family: str, source_engine: str | None = None) -> bool:
        """Whether the rule runs for this pair; ``source_engine`` (a canonical name) narrows it to the
        engine's own rules. Without it only family rules match (``engines`` rules need the engine)."""
        if self.engines and source_engine not in self.engines:
            return False
        if source_engine is not None and source_engine in self.except_engines:
            return False
        return (not self.sources or source_family in self.sources) and (
            not self.targets or target_family in self.targets
        )

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        for base in getattr(cls, "__orig_bases__", ()):
            args = get_args(base)
            if args and isinstance(args[0], type) and issubclass(args[0], SchemaObject):
                cls.object_type = args[0]

    def rewritten(self, finding: Finding) -> bool:
        """Whether the conversion rewrote what ``finding`` points at faithfully (objects it wrote only)."""
        return self.rewritten_when_converted

    def check(self, obj: Obj, ctx: AnalysisContext) -> Iterable[Finding]:
        """Find this problem in one source object; yield findings (use ``ctx.hit``)."""
        return ()

    # -- documentation -----------------------------------------------------------------------
    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.split("\n", 1)[0].strip()

    @classmethod
    def sections(cls) -> dict[str, str]:
        cached = cls.__dict__.get("_sections")
        if cached is not None:  # parsed once per rule class: every item asks for its fix
            return dict(cached)
        doc = inspect.getdoc(cls) or ""
        out: dict[str, str] = {}
        current = None
        lines: list[str] = []
        for line in doc.splitlines()[1:]:
            m = re.match(r"^([A-Z][A-Za-z ]+):\s*$", line)
            if m and m.group(1) in SECTIONS:
                if current:
                    out[current] = _dedent("\n".join(lines))
                current, lines = m.group(1), []
            elif current:
                lines.append(line)
        if current:
            out[current] = _dedent("\n".join(lines))
        cls._sections = out
        return dict(out)

    @classmethod
    def fix(cls) -> str:
        """The recommended action, shown with each item: the first paragraph of 'Typical rewrite'."""
        rewrite = cls.sections().get("Typical rewrite", "")
        text = rewrite.split("\n\n")[0].strip()
        return text if not text.startswith(("CREATE", "SELECT", "ALTER", "--")) else cls.summary()


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text).strip("\n")
