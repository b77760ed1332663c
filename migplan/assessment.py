"""The assessment: one call that runs the pipeline for a source -> target pair.

    a = migplan.assess("sample_schemas/oracle/retail", source="oracle", target="aurora-postgresql")
    a.action_items.frame(); a.objects.frame(); a.summary(); a.converted_sql("RETAIL.CUSTOMERS")
    a.verify()            # apply the converted DDL to a throwaway real engine, compare catalogs
    a.write("out/")       # assessment.json, CSVs, converted DDL
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from migplan import engines, matrix
from migplan.analyze import ActionItems, Config, analyze
from migplan.analyze.verdict import CODE, STORAGE, VERDICTS, object_verdicts, verdict_of
from migplan.convert import Conversion, ConvertOptions, convert
from migplan.dsn import DEFAULT_CONNECT_TIMEOUT
from migplan.errors import MigplanError
from migplan.ingest import sniff
from migplan.inventory import Inventory, load_schema, load_text
from migplan.model.stats import SourceFacts
from migplan.quoting import line_comment

if TYPE_CHECKING:  # verify imports the engines' drivers: only when asked
    from migplan.verify import Verification


class DialectMismatchError(MigplanError):
    """The scripts look like another engine than the one named (migplan.ingest.sniff)."""

    def __init__(self, guess, named):
        self.guess = guess
        super().__init__(f"{sniff.explain(guess, named.display)}. Name the engine they were written for "
                         f"(-s/source=), or use force=True (--force) to read them as {named.display} anyway.")


class EmptyInputWarning(UserWarning):
    """The input held no statements at all."""


def check_dialect(inv: Inventory, force: bool = False) -> None:
    """Refuse scripts that clearly belong to another engine (unless forced); warn on empty input."""
    if not inv.statements:
        warnings.warn(f"no statements found in the input ({len(inv.files)} script files read, "
                      f"{len(inv.skipped_files)} other files skipped)", EmptyInputWarning, stacklevel=3)
        return
    guess = sniff.mismatch((s.text for s in inv.statements), inv.engine.family)
    if guess is not None and not force:
        raise DialectMismatchError(guess, inv.engine)


class UnsupportedPairError(MigplanError):
    def __init__(self, compat):
        self.compatibility = compat
        super().__init__(f"{compat.source} -> {compat.target} is not a pair SCT or DMS supports:\n{compat.explain()}\n"
                         "Use force=True (--force) to assess anyway.")


def assess(paths, source, target, *, default_schema: str | None = None, config=None,
           options: ConvertOptions | None = None, force: bool = False, verify: bool = False,
           verify_dsn: str | None = None, progress: bool | None = None,
           connect_timeout: float | None = DEFAULT_CONNECT_TIMEOUT, defines: dict[str, str] | None = None,
           source_dsn: str | None = None, **plan_options) -> Assessment:
    """Inventory, compatibility check, conversion and action items for scripts in ``paths``, or for
    a live PostgreSQL or MySQL/MariaDB source: ``paths`` (or ``source_dsn``) a connection string.

    A live source is read read-only (migplan.ingest.live): its DDL through the engine's dump tool
    goes the scripts' way (``a.source_facts.ddl``; ``a.write()`` puts it in ``source_ddl/`` with the
    statistics, for an offline rerun), its table statistics feed the plan (``table_stats=`` adds to
    them) and its settings the CDC checks.

    ``progress``: None shows bars only for big schemas (thousands of statements), True always.
    ``connect_timeout``: seconds to wait for the verification server to answer.
    ``defines``: values of client substitution variables (SQL*Plus ``&name``, sqlcmd ``$(name)``),
    on top of the config's ``[defines]``."""
    if verify_dsn:  # a DSN that cannot be read, or is for the wrong engine, fails before the work
        from migplan.verify import check_dsn

        check_dsn(engines.get(target), verify_dsn)
    cfg = Config.load(config)
    from migplan.ingest.live import looks_like_dsn, read_source

    if source_dsn is None and looks_like_dsn(paths):
        source_dsn, paths = paths, None
    facts = None
    if source_dsn:
        facts = read_source(source_dsn, engines.get(source).family, connect_timeout)
        inv = load_text(facts.ddl, source, default_schema, path=facts.ddl_file,
                        defines={**cfg.defines, **(defines or {})})
    else:
        inv = load_schema(paths, source, default_schema, defines={**cfg.defines, **(defines or {})},
                          progress=progress)
    return _assess(inv, target, cfg, options, force, verify, verify_dsn, plan_options, progress, connect_timeout,
                   facts)


def assess_text(sql: str, source, target, *, default_schema: str | None = None, config=None,
                options: ConvertOptions | None = None, force: bool = False, path: str = "input.sql",
                defines: dict[str, str] | None = None, **plan_options) -> Assessment:
    """The same for a script given as a string (tests, notebooks, quick checks)."""
    cfg = Config.load(config)
    inv = load_text(sql, source, default_schema, path=path, defines={**cfg.defines, **(defines or {})})
    return _assess(inv, target, cfg, options, force, False, None, plan_options)


def _assess(inv: Inventory, target, config, options, force, verify, verify_dsn, plan_options,
            progress: bool | None = None, connect_timeout: float | None = DEFAULT_CONNECT_TIMEOUT,
            facts=None) -> Assessment:
    target_engine = engines.get(target)
    _check_plan_options(plan_options)
    check_dialect(inv, force)
    compat = matrix.check(inv.engine.name, target_engine.name)
    if compat.verdict == "unsupported" and not force:
        raise UnsupportedPairError(compat)
    if not writes_ddl_for(target_engine, inv.engine):
        raise UnsupportedTargetError(inv.engine, target_engine)
    cfg = Config.load(config)
    options = options or ConvertOptions(**cfg.convert)
    options = _sizes_for_distribution(options, target_engine, plan_options.get("table_stats"))
    conversion = convert(inv, target_engine, options, progress=progress)
    items = analyze(inv, conversion, cfg, progress=progress)
    a = Assessment(inv, compat, conversion, items, cfg, plan_options=dict(plan_options), conversion_options=options,
                   source_facts=facts)
    if verify or verify_dsn:
        a.verify(dsn=verify_dsn, connect_timeout=connect_timeout)
    return a


def _sizes_for_distribution(options: ConvertOptions, target: engines.Engine, table_stats) -> ConvertOptions:
    """The row counts of ``table_stats`` (the plan's input) also decide Redshift's distribution styles
    (DISTSTYLE ALL for small dimensions), unless the conversion options already give sizes."""
    if table_stats is None or options.table_rows or target.family != "redshift":
        return options
    from dataclasses import replace

    from migplan.plan.load import read_table_stats

    rows = {name: s.rows for name, s in read_table_stats(table_stats).items() if s.rows is not None}
    return replace(options, table_rows=rows) if rows else options


class UnsupportedTargetError(MigplanError):
    def __init__(self, source, target):
        super().__init__(f"migplan does not write {target.display} DDL yet: {source.display} -> {target.display} is "
                         f"covered by the compatibility matrix only (`migplan matrix -s {source.name} -t "
                         f"{target.name}`). Targets with converted DDL: {', '.join(_DDL_TARGETS)} "
                         f"({', '.join(f'{t} from {chr(47).join(s)} only' for t, s in _DDL_SOURCES.items())}).")


_NO_DMS = ("AWS DMS does not read Apache Cassandra; SCT's data extraction agent moves the data (a.plan) and the "
           "DynamoDB tables are a.dynamodb")

# Targets migplan writes DDL for (DynamoDB: CreateTable requests and a CloudFormation template, from
# Cassandra only: convert/dynamodb.py). Babelfish is PostgreSQL underneath but takes T-SQL: writing plain
# PostgreSQL DDL for it would be the wrong answer, so it waits for its own converter.
_DDL_TARGETS = ("aurora-postgresql", "postgresql", "aurora-mysql", "mysql", "mariadb", "redshift", "dynamodb")


# Targets written from some source families only: DynamoDB tables come from CQL's partition and
# clustering keys, which SQL tables do not have.
_DDL_SOURCES = {"dynamodb": ("cassandra",)}


def writes_ddl_for(target: engines.Engine, source: engines.Engine | None = None) -> bool:
    if target.name not in _DDL_TARGETS:
        return False
    families = _DDL_SOURCES.get(target.name)
    return families is None or source is None or source.family in families


def _check_plan_options(plan_options: dict) -> None:
    """A misspelled plan option is an error now, not a TypeError when the plan is first asked for."""
    from dataclasses import fields

    from migplan.plan.phases import PlanOptions

    known = {f.name for f in fields(PlanOptions)}
    unknown = sorted(set(plan_options) - known)
    if unknown:
        import difflib

        hints = [f"{u!r} (did you mean {m[0]!r}?)" if (m := difflib.get_close_matches(u, known, 1)) else repr(u)
                 for u in unknown]
        raise MigplanError(f"unknown plan option {', '.join(hints)}; plan options: {', '.join(sorted(known))}")
    PlanOptions(**plan_options)  # values checked too (migration type, subtasks)


@dataclass
class Assessment:
    inventory: Inventory
    compatibility: matrix.Compatibility
    conversion: Conversion
    action_items: ActionItems
    config: Config
    verification: Verification | None = None
    plan_options: dict = field(default_factory=dict)
    conversion_options: ConvertOptions = field(default_factory=ConvertOptions)
    source_facts: SourceFacts | None = None  # the live source's DDL, statistics and settings, if read from one

    @property
    def source(self):
        return self.inventory.engine

    @property
    def target(self):
        return engines.get(self.conversion.target_engine)

    # -- per object ----------------------------------------------------------------------
    @property
    def verdicts(self):
        return object_verdicts(self.action_items.items)

    @property
    def objects(self) -> ObjectResults:
        return ObjectResults(self)

    def converted_sql(self, name: str, kind: str | None = None) -> str:
        obj = self.inventory.get(name, kind)
        if obj is None:
            raise KeyError(f"no object named {name!r}")
        conv = self.conversion.by_source(obj)
        if conv is None or not conv.written:
            return line_comment(f"{obj.kind} {obj.qname} is not converted by migplan (see its action items)") + "\n"
        return conv.text() + "\n"

    # -- graph, plan, DMS -------------------------------------------------------------------
    @property
    def graph(self):
        """networkx DiGraph: an edge from each object to what it needs (plan.graph)."""
        if "_graph" not in self.__dict__:
            from migplan.plan.graph import build_graph

            self.__dict__["_graph"] = build_graph(self.inventory)
        return self.__dict__["_graph"]

    def plan_input(self):
        """What the plan is made from (plan.inputs.PlanInput), from this assessment's results."""
        from migplan.plan.inputs import PlanInput

        s = self.summary()
        return PlanInput(self.source, self.target, self.compatibility, self.inventory, self.conversion,
                         tuple(self.action_items.active()), s.objects, (s.hours_low, s.hours_high),
                         self.source_facts)

    @property
    def plan(self):
        if "_plan" not in self.__dict__:
            from migplan.plan.phases import Plan, PlanOptions

            self.__dict__["_plan"] = Plan(self.plan_input(), PlanOptions(**self.plan_options), self.graph)
        return self.__dict__["_plan"]

    def replan(self, **plan_options):
        """Plan again with other options (migration_type, fks_during_load, table_stats, throughput_mb_s ...)."""
        self.plan_options.update(plan_options)
        self._forget_plan()
        return self.plan

    def _forget_plan(self) -> None:
        """The plan and the DMS artifacts are computed from the items: new items, new plan."""
        self.__dict__.pop("_plan", None)
        self.__dict__.pop("_dms", None)

    @property
    def dynamodb(self):
        """The DynamoDB tables as CreateTable/UpdateTimeToLive requests and CloudFormation (dms.dynamodb);
        only for a DynamoDB target."""
        if self.target.family != "dynamodb":
            raise MigplanError(f"{self.target.display} is not Amazon DynamoDB: its tables are DDL (a.converted_sql, "
                               "a.plan.ddl_files())")
        if "_dynamodb" not in self.__dict__:
            from migplan.dms.dynamodb import DynamoDbArtifacts

            self.__dict__["_dynamodb"] = DynamoDbArtifacts(self.conversion)
        return self.__dict__["_dynamodb"]

    @property
    def dms(self):
        if self.target.family == "dynamodb":
            raise MigplanError(f"no DMS task for {self.source.display} -> {self.target.display}: "
                               f"{_NO_DMS}")
        if "_dms" not in self.__dict__:
            from migplan.dms import DmsArtifacts

            self.__dict__["_dms"] = DmsArtifacts(self.plan)
        return self.__dict__["_dms"]

    @property
    def cdc(self):
        if self.target.family == "dynamodb":
            raise MigplanError(f"no change data capture for {self.source.display} -> {self.target.display}: "
                               f"{_NO_DMS}")
        from migplan.plan.cdc import readiness

        return readiness(self.inventory, self.target.family, stats=self.plan.stats, facts=self.source_facts)

    # -- verification --------------------------------------------------------------------
    def verify(self, dsn: str | None = None, engine: str | None = None,
               connect_timeout: float | None = DEFAULT_CONNECT_TIMEOUT):
        """Apply the converted DDL to a real target engine and compare its catalog with what we expect.

        ``dsn``: a server of yours (URL or libpq key=value form) instead of a throwaway local one;
        ``connect_timeout``: seconds to wait for it to answer before a ConnectError."""
        from migplan.verify import verify as run_verify

        self.verification = run_verify(self, dsn=dsn, engine=engine, connect_timeout=connect_timeout)
        self._forget_plan()  # verification items can block objects: the plan must see them
        return self.verification

    # -- summary -------------------------------------------------------------------------
    def fidelity(self):
        """What the real engine has of every source storage element and view (after verify())."""
        if self.verification is None:
            raise MigplanError("no verification yet: call a.verify() first")
        return self.verification.fidelity(self)

    def summary(self) -> Summary:
        return Summary(self)

    def write(self, out_dir, formats: Iterable[str] | None = None) -> Path:
        """Write the outputs to ``out_dir``; ``formats`` picks some of them (``migplan.report.files.FORMATS``:
        json, csv, ddl, plan, cdc, dms, graph, html, md), all by default; only those are computed."""
        from migplan.report.files import write_assessment

        return write_assessment(self, Path(out_dir), formats)

    def to_dict(self) -> dict:
        from migplan.report.files import assessment_to_dict

        return assessment_to_dict(self)

    def __repr__(self) -> str:
        s = self.summary()
        return (f"<Assessment {self.source.name} -> {self.target.name}: {s.objects} objects, "
                f"{len(self.action_items.active())} action items, {s.hours_low:.0f}-{s.hours_high:.0f} h>")

    def _repr_html_(self) -> str:  # pragma: no cover - notebook display
        return self.summary()._repr_html_()


class ObjectResults:
    """Per object: kind, name, verdict, converted DDL, items, verification."""

    def __init__(self, a: Assessment):
        self.a = a

    def rows(self) -> list[dict]:
        verdicts = self.a.verdicts
        codes: dict[tuple[str, str], list[str]] = {}
        for i in self.a.action_items.active():
            codes.setdefault((i.kind, i.object), []).append(i.code)
        ver = getattr(self.a.verification, "by_object", {}) if self.a.verification else {}
        out = []
        for conv in self.a.conversion.objects:
            o = conv.source
            v = verdict_of(verdicts, o.kind, o.qname)
            vres = ver.get(conv.key)
            out.append({
                "kind": o.kind, "schema": o.schema, "name": o.name, "qualified_name": o.qname,
                "file": o.location.file, "line": o.location.line, "parse_status": o.status,
                "verdict": v.verdict, "converted": conv.converted, "target_name": conv.target_qname,
                "items": len(codes.get((o.kind, o.qname), [])),
                "codes": sorted(set(codes.get((o.kind, o.qname), []))),
                "hours_low": v.hours_low, "hours_high": v.hours_high,
                "verification": vres.status if vres else None,
                "verification_message": vres.message if vres else None,
                "ddl": conv.text(),
            })
        return out

    def frame(self) -> pd.DataFrame:
        rows = self.rows()
        # qualified_name joins with action_items.frame()["object"]
        cols = ["kind", "schema", "name", "qualified_name", "file", "line", "parse_status", "verdict", "converted",
                "target_name", "items", "codes", "hours_low", "hours_high", "verification", "verification_message",
                "ddl"]
        df = pd.DataFrame(rows, columns=cols)
        df["verdict"] = pd.Categorical(df["verdict"], categories=VERDICTS, ordered=True)
        return df

    def __repr__(self) -> str:
        rows = self.rows()
        counts = {v: sum(1 for r in rows if r["verdict"] == v) for v in VERDICTS}
        return f"<ObjectResults: {len(rows)} objects, " + ", ".join(f"{n} {v}" for v, n in counts.items()) + ">"

    def _repr_html_(self) -> str:  # pragma: no cover
        return self.frame().drop(columns=["ddl"]).to_html(index=False)


class Summary:
    """SCT-style summary: storage and code objects by verdict, conversion percentages, effort range."""

    def __init__(self, a: Assessment):
        self.a = a
        rows = ObjectResults(a).rows()
        self.rows = rows
        grouped = [r for r in rows if r["kind"] in STORAGE or r["kind"] in CODE]
        self.objects = len(grouped)  # storage and code objects: what the percentages are of
        self.other_objects = len(rows) - len(grouped)  # grants, users, tablespaces, links...
        self.by_group: dict[str, dict[str, int]] = {}
        for group, kinds in (("storage", STORAGE), ("code", CODE)):
            counts = {v: 0 for v in VERDICTS}
            for r in rows:
                if r["kind"] in kinds:
                    counts[r["verdict"]] += 1
            self.by_group[group] = counts
        groups = a.action_items.rollup(a.config)
        # floats even when empty: stable JSON types
        self.learning_hours = float(sum(g.learning for g in groups))
        self.hours_low = float(sum(g.hours_low for g in groups))
        self.hours_high = float(sum(g.hours_high for g in groups))

    def percent_automatic(self, group: str) -> float | None:
        """Share of the group converted automatically; None when the scripts have none of them."""
        counts = self.by_group[group]
        total = sum(counts.values())
        return 100.0 * counts["automatic"] / total if total else None

    def to_dict(self) -> dict:
        return {
            "source": self.a.source.name, "target": self.a.target.name, "verdict": self.a.compatibility.verdict,
            "objects": self.objects, "other_objects": self.other_objects,
            "storage_objects": self.by_group["storage"], "code_objects": self.by_group["code"],
            "storage_automatic_percent": _round(self.percent_automatic("storage")),
            "code_automatic_percent": _round(self.percent_automatic("code")),
            "action_items": len(self.a.action_items.active()),
            "suppressed_items": len(self.a.action_items) - len(self.a.action_items.active()),
            "effort_hours": {"low": round(self.hours_low, 1), "high": round(self.hours_high, 1),
                             "learning": round(self.learning_hours, 1)},
        }

    def frame(self) -> pd.DataFrame:
        rows = []
        for group, counts in self.by_group.items():
            total = sum(counts.values())
            rows.append({"objects": group, "total": total, **counts,
                         "automatic %": _round(self.percent_automatic(group))})
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        d = self.to_dict()
        def pct(v):
            return "n/a" if v is None else f"{v}%"

        return (f"{d['source']} -> {d['target']} ({d['verdict']}): {d['objects']} storage and code objects "
                f"(+{d['other_objects']} grants, users and the like); storage {pct(d['storage_automatic_percent'])} "
                f"automatic, code {pct(d['code_automatic_percent'])} automatic; {d['action_items']} action items; "
                f"effort {d['effort_hours']['low']}-{d['effort_hours']['high']} h")

    def _repr_html_(self) -> str:  # pragma: no cover
        from html import escape

        return f"<p>{escape(repr(self))}</p>" + self.frame().to_html(index=False)


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)
