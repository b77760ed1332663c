"""The phase plan: DMS's three phases (full load, applying cached changes, ongoing replication)
wrapped in the steps AWS recommends around them (aws_dms_sct.md §4.6, §4.7), each step naming its
objects in an order that respects the dependency graph and saying why it sits where it does.

The converted DDL is split by phase into runnable files:

    01_before_full_load.sql       schemas, types, sequences, tables with primary keys, unique keys
    02_before_cached_changes.sql  secondary indexes (the task stops: StopTaskCachedChangesNotApplied)
    03_after_cached_changes.sql   foreign keys and check constraints (StopTaskCachedChangesApplied)
    04_cutover.sql                sequence/identity re-seeding, views, synonyms, code (triggers last)
    05_held_back.sql              views and code that need an object migplan did not convert; each
                                  fails until that object exists on the target
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import networkx as nx
import pandas as pd

from migplan import quoting
from migplan.citations import public
from migplan.convert.profiles import profile_for
from migplan.datafile import ANY, PAGE, check
from migplan.model.conversion import ConvertedObject, TargetStatement
from migplan.model.schema import Index, Routine, Sequence, Table
from migplan.plan import load as loadmod
from migplan.plan.graph import break_cycles, build_graph, cycles, node_key
from migplan.plan.inputs import PlanInput
from migplan.quoting import line_comment

MIGRATION_TYPES = ("full-load", "cdc", "full-load-and-cdc")
PHASES = ("prerequisites", "before full load", "full load", "after full load", "before cached changes",
          "apply cached changes", "after cached changes", "ongoing replication", "cutover", "rollback")
DDL_FILES = {
    "before full load": "01_before_full_load.sql",
    "before cached changes": "02_before_cached_changes.sql",
    "after cached changes": "03_after_cached_changes.sql",
    "cutover": "04_cutover.sql",
}
HELD_FILE = "05_held_back.sql"
_CODE_KINDS = ("view", "materialized view", "synonym", "routine", "trigger")


@lru_cache(maxsize=1)
def _runbook_notes() -> dict:
    """migplan/data/runbook.toml: the pair- and plan-dependent notes, each with its page."""
    raw = tomllib.loads(resources.files("migplan.data").joinpath("runbook.toml").read_text("utf-8"))
    check(raw, {"pages": {ANY: str}, "notes": {ANY: {"page": PAGE, "text": str}},
                "steps": {ANY: {"phase": PHASES, "number": str, "title": str, "why": str, "action": ACTIONS}},
                "tools": {ANY: str}}, "runbook.toml", raw.get("pages", {}))
    return raw


def note(key: str, **values: str) -> str:
    """A runbook note with its values filled in and the page it follows."""
    raw = _runbook_notes()
    n = raw["notes"][key]
    return f"{n['text'].format(**values)} ({raw['pages'][n['page']]})"


def step(key: str, **parts) -> Step:
    """The step ``key`` of runbook.toml [steps], its placeholders filled from the str values of
    ``parts`` and the rest of ``parts`` (objects, sql, ddl_file, notes) set on it."""
    text = _runbook_notes()["steps"][key]
    values = {k: v for k, v in parts.items() if isinstance(v, str) and k != "ddl_file"}
    fields = {k: v for k, v in parts.items() if k not in values}
    return Step(text["phase"], text["number"], text["title"].format(**values), text["why"].format(**values),
                text["action"], **fields)


ACTIONS = ("run DDL", "start task", "resume task", "task stops", "check", "operate")


@dataclass
class Step:
    phase: str
    number: str
    title: str
    why: str
    action: str  # run DDL | start task | resume task | task stops | check | operate
    objects: list[str] = field(default_factory=list)
    sql: list[str] = field(default_factory=list)
    ddl_file: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def reason(self) -> str:
        """``why`` for people: the AWS pages instead of the sections of our fact sheet."""
        return public(self.why)


@dataclass
class PlanOptions:
    migration_type: str = "full-load-and-cdc"
    fks_during_load: bool = False
    table_stats: object = None  # CSV path, DataFrame or dict (see plan.load.read_table_stats)
    throughput_mb_s: float = loadmod.DEFAULT_THROUGHPUT_MB_S
    max_subtasks: int = loadmod.DEFAULT_SUBTASKS
    parallel_threshold_gb: float = loadmod.DEFAULT_PARALLEL_THRESHOLD_GB
    change_gb_per_hour: float | None = None  # the source's change rate; a live source measures one

    def __post_init__(self):
        if self.migration_type not in MIGRATION_TYPES:
            from migplan.errors import MigplanError

            raise MigplanError(f"migration type {self.migration_type!r} is not one of {', '.join(MIGRATION_TYPES)}")
        if not 1 <= self.max_subtasks <= 49:
            from migplan.errors import MigplanError

            raise MigplanError(public("MaxFullLoadSubTasks must be between 1 and 49 (aws_dms_sct.md §6.2)"))


class Plan:
    def __init__(self, inputs: PlanInput, options: PlanOptions | None = None, graph: nx.DiGraph | None = None):
        self.inputs = inputs
        self.options = options or PlanOptions()
        if not inputs.source.dms_cdc and self.options.migration_type != "full-load":
            from dataclasses import replace

            self.options = replace(self.options, migration_type="full-load")  # DMS reads it once, no CDC
        self.graph = graph if graph is not None else build_graph(inputs.inventory)
        self.cycles = cycles(self.graph)
        self.deferred = break_cycles(self.graph)
        self.homogeneous = inputs.homogeneous
        given, self.stats_problems = loadmod.read_table_stats_checked(self.options.table_stats)
        facts = inputs.facts
        # what the live source measured, then what the user gave on top (theirs wins per table)
        self.stats = {**(facts.stats if facts is not None else {}), **given}
        self.stats_source = "the live source" if facts is not None and facts.stats else "table_stats"
        self.tables = self._load_tables()
        self.waves = self._waves()
        self.held: dict[str, str] = {}  # object key -> why its DDL waits (see _held_back)
        self.ddl = self._split_ddl()
        self.steps = self._steps()

    # -- load order ------------------------------------------------------------------------------
    def _convs(self) -> dict[int, ConvertedObject]:
        return {id(c.source): c for c in self.inputs.conversion.objects}

    def _load_tables(self) -> list[loadmod.LoadTable]:
        out = []
        tables = self.inputs.inventory.tables
        parents = {t.partition_of.upper() for t in tables if t.partition_of}
        pg_to_pg = self.inputs.source.family == self.inputs.target.family == "postgresql"
        for t in tables:
            if t.temporary or t.external:
                continue
            # PostgreSQL partitions: DMS reads the partitions into partitions (PG -> PG), else the parent (§7.4)
            if pg_to_pg and t.qname.upper() in parents:
                continue
            if not pg_to_pg and t.partition_of:
                continue
            st = self.stats.get(t.qname.upper()) or self.stats.get(t.name.upper()) or loadmod.TableStats()
            lt = loadmod.LoadTable(node_key(t), t.qname, st)
            pk = t.primary_key
            key_col = pk.columns[0] if pk and len(pk.columns) == 1 else None
            # DMS reads a PostgreSQL source in parallel by ranges only, never by partitions (§5.4)
            by_partition = bool(t.partitioning) and self.inputs.source.family != "postgresql"
            lt.parallel = loadmod.parallel_setting(lt, self.options.parallel_threshold_gb, by_partition,
                                                   key_col, self.options.max_subtasks)
            out.append(lt)
        return out

    def _waves(self) -> list[loadmod.Wave]:
        by_key = {t.key: t for t in self.tables}
        if self.options.fks_during_load:
            gens = loadmod.waves(self.graph, list(by_key), self.deferred, self._partition_aliases())
        else:
            gens = [list(by_key)]
        out = []
        top = len(self.tables) + 1
        order = top
        for n, gen in enumerate(gens, 1):
            members = [by_key[k] for k in gen]
            # biggest first: DMS starts higher load-order first (§5.1); unknown sizes after known ones
            members.sort(key=lambda t: (-(t.stats.bytes or -1), t.qname))
            for t in members:
                t.wave = n
                t.load_order = order
                order -= 1
            # tables of one wave do not reference each other: they load in parallel within their task
            out.append(loadmod.Wave(n, members, loadmod.estimate_minutes(members, self.options.throughput_mb_s,
                                                                         self.options.max_subtasks)))
        return out

    def _partition_aliases(self) -> dict[str, list[str]]:
        """Parent -> partitions and partition -> parent, for whichever side is not loaded itself."""
        out: dict[str, list[str]] = {}
        for t in self.inputs.inventory.tables:
            if t.partition_of:
                schema, _, name = t.partition_of.rpartition(".")
                parent = self.inputs.inventory.lookup("table", schema or None, name)
                if parent is not None:
                    out.setdefault(node_key(parent), []).append(node_key(t))
                    out.setdefault(node_key(t), []).append(node_key(parent))
        return out

    # -- DDL by phase ----------------------------------------------------------------------------
    def _split_ddl(self) -> dict[str, list[tuple[ConvertedObject | None, TargetStatement]]]:
        phases: dict[str, list[tuple[ConvertedObject | None, TargetStatement]]] = {p: [] for p in DDL_FILES}
        deferred_fk = {(a, d.get("constraint") or "") for a, b, d in self.deferred}
        convs = self.inputs.conversion.objects
        # the prelude (extensions, helper functions) belongs to no object
        phases["before full load"].extend((None, s) for s in self.inputs.conversion.prelude)
        order = ["extension", "type", "sequence", "table", "unique"]
        for kind in order:
            for c in convs:
                for st in c.statements:
                    if st.kind == kind:
                        phases["before full load"].append((c, st))
        for c in convs:
            for st in c.statements:
                if st.kind == "index":
                    idx = c.source
                    unique = isinstance(idx, Index) and idx.unique
                    # unique indexes enforce keys DMS relies on to apply changes: create them with the tables
                    phases["before full load" if unique else "before cached changes"].append((c, st))
        for c in convs:
            for st in c.statements:
                if st.kind == "foreign key":
                    t = c.source
                    con_name = _source_constraint_name(c, st)
                    early = self.options.fks_during_load and (node_key(t), con_name) not in deferred_fk
                    phases["before full load" if early else "after cached changes"].append((c, st))
        for c in convs:
            for st in c.statements:
                if st.kind == "check":
                    phases["after cached changes"].append((c, st))
        for c in convs:
            for st in c.statements:
                if st.kind == "comment" and isinstance(c.source, Table):
                    phases["before full load"].append((c, st))
        self.held = self._held_back()
        self.held_ddl: list[tuple[ConvertedObject, TargetStatement]] = []
        code = self._code_in_order()
        for c in sorted(code, key=lambda c: c.statements[0].kind == "trigger"):  # stable: triggers last
            for st in c.statements:
                (self.held_ddl if node_key(c.source) in self.held else phases["cutover"]).append((c, st))
        for c in self.inputs.conversion.objects:  # known not faithful: only ever in the held-back file
            self.held_ddl += [(c, st) for st in c.draft]
        return phases

    def _code_in_order(self) -> list[ConvertedObject]:
        """Views, synonyms and routines, each after what it reads or calls (graph order)."""
        views = [c for c in self.inputs.conversion.objects if c.statements and c.statements[0].kind in _CODE_KINDS]
        keys = {node_key(c.source): c for c in views}
        sub = nx.DiGraph()
        sub.add_nodes_from(keys)
        for a, b in self.graph.edges():
            if a in keys and b in keys and a != b:
                sub.add_edge(b, a)  # dependency first
        try:
            order = list(nx.lexicographical_topological_sort(sub))
        except nx.NetworkXUnfeasible:  # mutually recursive routines: PL bodies are not checked at CREATE
            order = sorted(keys)
        return [keys[k] for k in order]

    def _held_back(self) -> dict[str, str]:
        """Views and code that read or call something with no target DDL (not converted, or code
        converted outside migplan): applied with the rest they would fail, and in PostgreSQL's
        single-transaction file they would undo the whole cutover step."""
        convs = {node_key(c.source): c for c in self.inputs.conversion.objects}
        missing = {k for k, c in convs.items() if not c.statements and not _inline_only(c)}
        held: dict[str, str] = {}
        for k, c in convs.items():
            if c.draft:
                held[k] = "not converted faithfully; the items below say what is left to do"
        candidates = [k for k, c in convs.items() if c.statements and c.statements[0].kind in _CODE_KINDS]
        changed = True
        while changed:  # transitive: a view on a held view is held too
            changed = False
            for k in candidates:
                if k in held or k not in self.graph:
                    continue
                for dep in self.graph.successors(k):
                    if dep in missing or dep in held:
                        why = (held.get(dep) and f"{dep.split(':', 1)[1]} is held back") or \
                            f"needs {dep.replace(':', ' ', 1)}, which has no target DDL"
                        held[k] = why
                        changed = True
                        break
        return held

    def ddl_files(self) -> dict[str, str]:
        """File name -> runnable SQL for each phase (PostgreSQL files run in one transaction).
        Comment lines go through quoting.line_comment: a name can never start a line of its own."""
        files: dict[str, str] = {}
        if self.inputs.target.family == "dynamodb":  # no DDL: the tables are requests (dms/dynamodb.py)
            return files
        pg = self.inputs.target.family == "postgresql"
        pair = f"{self.inputs.source.display} -> {self.inputs.target.display}, migplan"
        for phase, name in DDL_FILES.items():
            lines = [line_comment(f"{name}: {phase} ({pair})"), line_comment(_PHASE_WHY[phase]), ""]
            if pg:
                lines += ["BEGIN;", ""]
            last = None
            for c, st in self.ddl[phase]:
                if c is not None and c is not last:
                    lines.append(line_comment(f"{c.source.kind} {c.source.qname} ({c.source.location})"))
                    last = c
                lines += [st.sql + ";", ""]
            if phase == "cutover":
                reseed = self.reseed_sql()
                if reseed:
                    lines += [line_comment("Re-seed sequences and identity columns above the loaded data"),
                              *reseed, ""]
            if pg:
                lines += ["COMMIT;", ""]
            files[name] = "\n".join(lines)
        if self.held_ddl:
            lines = [line_comment(f"{HELD_FILE}: held back ({pair})"),
                     line_comment("Each object below needs one migplan did not convert (run it once that one "
                                  "exists), or is not converted faithfully (finish it as its items say)."), ""]
            last = None
            items = self._items_by_object()
            for c, st in self.held_ddl:
                if c is not last:
                    lines.append(line_comment(f"{c.source.kind} {c.source.qname} ({c.source.location}): "
                                              f"{self.held[node_key(c.source)]}"))
                    if c.draft:  # the items inline, beside the SQL as far as it converts
                        lines += [line_comment(f"  {i.code} {i.location}: {i.message}")
                                  for i in items.get((c.source.kind, c.source.qname), [])]
                    last = c
                lines += [st.sql + ";", ""]
            files[HELD_FILE] = "\n".join(lines)
        files["source_sequence_values.sql"] = self.source_sequence_query()
        return files

    def _items_by_object(self) -> dict[tuple[str, str], list]:
        out: dict[tuple[str, str], list] = {}
        for i in self.inputs.items:
            if i.severity != "info":
                out.setdefault((i.kind, i.object), []).append(i)
        return out

    # -- cutover SQL ---------------------------------------------------------------------------------
    def reseed_sql(self) -> list[str]:
        """Target-side statements that move identity columns past the loaded values (DMS does not
        carry the identity property or sequence state: aws_dms_sct.md §4.4, §4.7)."""
        out: list[str] = []
        family = self.inputs.target.family
        if family == "dynamodb":  # no identity columns or sequences to re-seed
            return out
        profile = profile_for(self.inputs.target)
        for c in self.inputs.conversion.objects:
            t = c.source
            if not isinstance(t, Table) or not c.statements:
                continue
            for col in t.columns:
                if col.identity is None:
                    continue
                table = profile.qualified(c.target_schema, c.target_name)
                cname = self._target_col(c, col.name)
                if family == "postgresql":
                    # pg_get_serial_sequence parses its first argument as a (quoted) qualified name and
                    # takes the second as the column name exactly
                    out.append(f"SELECT setval(pg_get_serial_sequence({profile.string(table)}, "
                               f"{profile.string(cname)}), COALESCE(MAX({profile.ident(cname)}), 0) + 1, false) "
                               f"FROM {table};")
        if family == "mysql":
            out.append(line_comment("MySQL/InnoDB moves each AUTO_INCREMENT counter past the largest value "
                                    "inserted; nothing to run for identity columns."))
        return out

    def _target_col(self, c: ConvertedObject, name: str) -> str:
        for st in c.statements:
            for col in st.expect.get("columns", []):
                if col["name"].lower() == name.lower():
                    return col["name"]
        return name.lower()

    def source_sequence_query(self) -> str:
        """A query to run on the SOURCE at cutover; it prints the target statements that set each
        converted sequence to the source's current value. Names are values here (compared with the
        source catalog as the engine stores them) and go through quoting.string on both sides."""
        seqs = [c for c in self.inputs.conversion.objects if isinstance(c.source, Sequence) and c.statements]
        src = self.inputs.source.family
        head = line_comment(f"Run on the {self.inputs.source.display} source at cutover, after writes stop; it prints "
                            "the statements to run on the target.")
        if not seqs:
            return head + "\n" + line_comment("No sequences to carry over.") + "\n"
        profile = profile_for(self.inputs.target)
        setter = "setval" if self.inputs.target.family == "postgresql" else "SETVAL"
        lines = [head]
        if src == "oracle":
            lines.append("SET DEFINE OFF")  # SQL*Plus: an & in a name is not a substitution variable
        for c in seqs:
            s = c.source
            target_seq = profile.qualified(c.target_schema, c.target_name)
            # the target statement, cut around the value the source query fills in
            before = f"SELECT {setter}({profile.string(target_seq)}, "
            if src == "oracle":
                owner = quoting.string(s.schema, src) if s.schema else "USER"
                # LAST_NUMBER is the next value written to disk: at or above every value handed out
                tail = quoting.string(", false);", src)
                lines.append(f"SELECT {quoting.string(before, src)} || last_number || {tail}"
                             f" FROM all_sequences WHERE sequence_owner = {owner} "
                             f"AND sequence_name = {quoting.string(s.name, src)};")
            elif src == "sqlserver":
                schema = quoting.string(s.schema, src) if s.schema else "SCHEMA_NAME()"
                lines.append(f"SELECT {quoting.string(before, src)} + CAST(current_value AS varchar(40)) + "
                             f"{quoting.string(');', src)} FROM sys.sequences WHERE name = "
                             f"{quoting.string(s.name, src)} AND SCHEMA_NAME(schema_id) = {schema};")
            elif src == "postgresql":
                schema = quoting.string(s.schema, src) if s.schema else "current_schema()"
                lines.append(f"SELECT {quoting.string(before, src)} || last_value || {quoting.string(');', src)} "
                             f"FROM pg_sequences WHERE schemaname = {schema} "
                             f"AND sequencename = {quoting.string(s.name, src)} AND last_value IS NOT NULL;")
            else:
                lines.append(line_comment(f"{s.qname}: read its current value on the source and set {target_seq} "
                                          "to it."))
        return "\n".join(lines) + "\n"

    # -- the steps -----------------------------------------------------------------------------------
    # What each step says lives in migplan/data/runbook.toml [steps]; here is only which steps a plan
    # has and what they list.
    def _steps(self) -> list[Step]:
        mt = self.options.migration_type
        blockers = sorted({i.object for i in self.inputs.items if i.severity in ("critical", "high")})
        steps = [step("blockers", objects=blockers)]
        if self.inputs.compatibility.path == "sct-agents":
            return steps + self._agent_steps()  # a full load by the agents: no change capture to prepare
        if mt != "full-load":
            notes = ["See the CDC readiness checklist (cdc_readiness.md, or a.cdc in a notebook) "
                     "for the exact statements."]
            if self.inputs.facts is not None:
                from migplan.plan.cdc import readiness

                live = readiness(self.inputs.inventory, self.inputs.target.family, self.stats,
                                 self.inputs.facts).live_checks
                failed = [c["name"] for c in live if c["status"] == "failed"]
                notes.append(f"Checked on the live source ({self.inputs.facts.server}): {len(live) - len(failed)} "
                             f"passed, {len(failed)} failed" + (f": {'; '.join(failed)}." if failed else "."))
            steps.append(step("cdc-prerequisites", source=self.inputs.source.display, notes=notes))
        if self.homogeneous:
            return steps + self._homogeneous_steps()
        steps += self._load_steps(mt)
        steps += self._change_steps(mt)
        steps += self._cutover_steps()
        return steps

    def _load_steps(self, mt: str) -> list[Step]:
        before = self.ddl["before full load"]
        aurora = self.inputs.target.name.startswith("aurora")
        out = [
            step("schema-with-fks" if self.options.fks_during_load else "schema", objects=_names(before),
                 sql=[s.sql for _, s in before], ddl_file=DDL_FILES["before full load"], notes=[note("do-nothing")]),
            step("dms-resources", notes=["dms/README.md says which files to deploy in which order "
                                         "(dms/cloudformation*.yaml, dms/table-mappings*.json, "
                                         "dms/task-settings.json).",
                                         note("aurora-backups" if aurora else "rds-backups")]),
        ]
        key = "cdc-only-load" if mt == "cdc" else "full-load-in-waves" if self.options.fks_during_load else "full-load"
        load = step(key, waves=str(len(self.waves)), objects=[t.qname for w in self.waves for t in w.tables])
        for w in self.waves:
            est = (
                f"{w.minutes} min at {self.options.throughput_mb_s} MB/s per stream" if w.minutes else "no sizes given"
            )
            load.notes.append(f"wave {w.number}: {len(w.tables)} tables ({est})")
        load.notes.append(note("load-order", basis=loadmod.order_basis(self.tables, self.stats_source)))
        load.notes += [f"table statistics: {p}" for p in self.stats_problems]
        load.notes += self._source_notes()
        out.append(load)
        return out

    def _change_steps(self, mt: str) -> list[Step]:
        indexes = self.ddl["before cached changes"]
        index_step = dict(objects=_names(indexes), sql=[s.sql for _, s in indexes],
                          ddl_file=DDL_FILES["before cached changes"])
        if mt == "full-load-and-cdc":
            out = [step("indexes-at-first-stop", notes=[note("two-stops")], **index_step), step("cached-changes")]
        else:
            out = [step("indexes", **index_step)]
        after = self.ddl["after cached changes"]
        deferred = sorted({d.get("constraint") or "" for _, _, d in self.deferred})
        out.append(step("constraints-at-second-stop" if mt == "full-load-and-cdc" else "constraints",
                        deferred=f" Deferred to break foreign-key cycles: {', '.join(deferred)}." if deferred else "",
                        objects=_names(after), sql=[s.sql for _, s in after],
                        ddl_file=DDL_FILES["after cached changes"]))
        if mt != "full-load":
            out.append(step("ongoing-replication", notes=[note("lob-validation")] if self._lob_tables() else []))
        return out

    def _cutover_steps(self) -> list[Step]:
        cut = self.ddl["cutover"]
        convs = self._convs()
        code = [o.qname for o in self.inputs.inventory.objects if isinstance(o, Routine)
                and not (convs.get(id(o)) and convs[id(o)].statements)]
        notes = [f"{len(code)} procedural objects are converted outside migplan (SCT) and applied here, triggers "
                 "last." if code else "No procedural code left to convert outside migplan."]
        if self.held:
            notes.append(f"{len(self.held)} views or routines are held back in {HELD_FILE}: they need objects "
                         "converted outside migplan.")
        notes.append("Run source_sequence_values.sql on the source for the standalone sequences.")
        return [step("drain"),
                step("views-and-code", objects=_names(cut) + code, sql=[s.sql for _, s in cut] + self.reseed_sql(),
                     ddl_file=DDL_FILES["cutover"], notes=notes),
                step("switch-over"), step("rollback")]

    def instance_sizing(self, has_lobs: bool):
        """The replication instance's class and storage, with the reasons (plan.sizing)."""
        from migplan.plan.sizing import size_instance

        largest = max((v for t in self.tables for v in t.stats.max_lob_bytes.values()), default=None)
        minutes = [w.minutes for w in self.waves if w.minutes is not None]
        rate = self.options.change_gb_per_hour
        if rate is None and self.inputs.facts is not None:
            rate = self.inputs.facts.change_gb_per_hour
        return size_instance(self.tables, self.options.migration_type, has_lobs, largest,
                             sum(minutes) if minutes else None, rate)

    def _lob_tables(self) -> list[Table]:
        return [t for t in self.inputs.inventory.tables if not t.temporary and any(c.is_lob for c in t.columns)]

    def _source_notes(self) -> list[str]:
        """Notes on source tables DMS treats specially: partitioned PostgreSQL tables, LOB tables
        without a key."""
        out = []
        if not self.inputs.source.dms_cdc:
            out.append(note("full-load-only-source", source=self.inputs.source.display))
        tables = self.inputs.inventory.tables
        if self.inputs.source.family == "postgresql":
            parted = sorted(t.qname for t in tables if t.partitioning and not t.partition_of)
            if parted:
                out.append(note("partitioned-postgresql", tables=", ".join(parted)))
        keyless = sorted(t.qname for t in self._lob_tables() if not t.primary_key and not t.unique_keys)
        if keyless:
            out.append(note("lob-keyless", count=str(len(keyless)), tables=", ".join(keyless)))
        return out

    def _agent_steps(self) -> list[Step]:
        """SCT's data extraction agents move the data (extract, upload to S3 or Snowball Edge, copy into
        the target): tables first, the rows, then indexes and constraints on the loaded tables, then
        views and code, then the comparison."""
        src, tgt = self.inputs.source.display, self.inputs.target.display
        dms = (f"AWS DMS can also move this data ({src} is a DMS source), with ongoing replication; agents "
               "are the faster full load." if self.inputs.compatibility.dms_source else
               f"AWS DMS cannot read {src}: the agents are the way the data moves.")
        if self.inputs.target.family == "dynamodb":
            return self._dynamodb_agent_steps(src, tgt, dms)
        before = self.ddl["before full load"]
        indexes, after = self.ddl["before cached changes"], self.ddl["after cached changes"]
        views_and_code = next(s for s in self._cutover_steps() if s.number == "8.2")
        return [
            step("agent-settings", source=src, target=tgt, notes=[note("agents")]),
            step("agent-install", source=src, target=tgt),
            step("agent-schema", source=src, target=tgt, objects=_names(before), sql=[s.sql for _, s in before],
                 ddl_file=DDL_FILES["before full load"]),
            step("agent-extract", source=src, target=tgt, dms=dms,
                 objects=[t.qname for w in self.waves for t in w.tables],
                 notes=[note("load-order", basis=loadmod.order_basis(self.tables, self.stats_source))]),
            step("agent-indexes", objects=_names(indexes), sql=[s.sql for _, s in indexes],
                 ddl_file=DDL_FILES["before cached changes"]),
            step("agent-constraints", objects=_names(after), sql=[s.sql for _, s in after],
                 ddl_file=DDL_FILES["after cached changes"]),
            step("agent-code", objects=views_and_code.objects, sql=views_and_code.sql,
                 ddl_file=views_and_code.ddl_file, notes=views_and_code.notes),
            step("agent-validate", source=src, target=tgt),
        ]

    def _dynamodb_agent_steps(self, src: str, tgt: str, dms: str) -> list[Step]:
        """Cassandra -> DynamoDB with SCT's Cassandra agent: a clone data center to read, the tables
        from dynamodb/ (requests or CloudFormation, not DDL), the extraction, TTL, the comparison."""
        requests = self.inputs.conversion.requests()
        tables = sorted(r.name for r in requests if r.operation == "CreateTable")
        ttl = sorted(r.name for r in requests if r.operation == "UpdateTimeToLive")
        out = [
            step("agent-settings", source=src, target=tgt, notes=[note("agents-cassandra")]),
            step("agent-install", source=src, target=tgt),
            step("agent-clone-datacenter", source=src),
            step("agent-schema-dynamodb", source=src, target=tgt, objects=tables),
            step("agent-extract-cassandra", source=src, target=tgt, dms=dms,
                 objects=[t.qname for w in self.waves for t in w.tables]),
        ]
        if ttl:
            out.append(step("agent-ttl", objects=ttl, notes=[note("dynamodb-ttl")]))
        out.append(step("agent-validate", source=src, target=tgt))
        return out

    def _homogeneous_steps(self) -> list[Step]:
        tool = _runbook_notes()["tools"].get(self.inputs.source.family, "native tools")
        return [
            step("native-schema", tool=tool, ddl_file=DDL_FILES["before full load"]),
            step("native-load", objects=[t.qname for w in self.waves for t in w.tables]),
            step("native-replication"),
            step("native-cutover", sql=self.reseed_sql()),
        ]

    # -- views for people ---------------------------------------------------------------------------
    def frame(self) -> pd.DataFrame:
        rows = []
        for s in self.steps:
            objs = s.objects or [""]
            for i, o in enumerate(objs):
                rows.append({"phase": s.phase, "step": s.number, "title": s.title, "object": o,
                             "action": s.action, "ddl": s.sql[i] if i < len(s.sql) and len(s.sql) == len(objs) else "",
                             "why": s.why})
        df = pd.DataFrame(rows, columns=["phase", "step", "title", "object", "action", "ddl", "why"])
        df["phase"] = pd.Categorical(df["phase"], categories=list(PHASES), ordered=True)
        return df

    def steps_frame(self) -> pd.DataFrame:
        """One row per step: phase, number, title, action, how many objects, the DDL file."""
        df = pd.DataFrame([{"step": s.number, "phase": s.phase, "title": s.title, "action": s.action,
                            "objects": len(s.objects), "ddl_file": s.ddl_file or ""} for s in self.steps],
                          columns=["step", "phase", "title", "action", "objects", "ddl_file"])
        df["phase"] = pd.Categorical(df["phase"], categories=list(PHASES), ordered=True)
        return df

    def runbook(self) -> str:
        from migplan.plan.runbook import render

        return render(self)

    def __repr__(self) -> str:
        return (f"<Plan {self.inputs.source.name} -> {self.inputs.target.name}: {len(self.steps)} steps, "
                f"{len(self.tables)} tables in {len(self.waves)} load wave(s), "
                f"{len(self.deferred)} foreign keys deferred for cycles, {len(self.held)} objects held back>")

    def _repr_html_(self) -> str:  # pragma: no cover
        from html import escape

        rows = "".join(f"<tr><td>{escape(s.number)}</td><td>{escape(s.phase)}</td><td>{escape(s.title)}</td>"
                       f"<td>{len(s.objects)}</td></tr>" for s in self.steps)
        return f"<table><tr><th>step</th><th>phase</th><th>what</th><th>objects</th></tr>{rows}</table>"


_PHASE_WHY = {
    "before full load": "Tables, primary keys and unique keys: what DMS needs to load (run before starting the task).",
    "before cached changes": "Secondary indexes: run when the task stops before applying cached changes.",
    "after cached changes": "Foreign keys and checks: run when the task stops after applying cached changes.",
    "cutover": "Sequence re-seeding, views, synonyms and code (triggers last): run at cutover, after writes stop "
               "and the task is stopped.",
}


def _inline_only(c: ConvertedObject) -> bool:
    """Objects converted into other objects' DDL (enum/alias types used inline, partition children
    folded into their parent) count as present."""
    return c.converted and c.source.kind in ("type", "domain", "index", "extension")


def _names(pairs) -> list[str]:
    """Target names of what the statements create, in order (comments left out)."""
    out = []
    for c, st in pairs:
        if st.kind == "comment":
            continue
        if c is None or st.kind == "schema":
            out.append(st.name)
        elif st.kind in ("table", "sequence", "view", "materialized view", "synonym", "type"):
            out.append(c.target_qname)
        else:
            out.append(f"{st.table}.{st.name}" if st.table else st.name)
    return out


def _source_constraint_name(c: ConvertedObject, st: TargetStatement) -> str:
    if st.origin and st.origin.startswith("constraint:") and isinstance(c.source, Table):
        n = int(st.origin.split(":")[1])
        con = c.source.constraints[n]
        return con.name or ""
    return ""
