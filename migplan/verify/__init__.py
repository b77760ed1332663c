"""Verify stage: apply the converted DDL to a real target engine, read its catalog back, and turn
every rejection or difference into an action item.

    a.verify()                    # embedded PostgreSQL / local MariaDB
    a.verify(dsn="postgresql://...")

Amazon Redshift has no local engine: its DDL is read back with sqlglot's Redshift dialect and the
PostgreSQL-compatible subset is applied to the embedded PostgreSQL (verify/redshift.py).

Statements run one by one in dependency order (schemas, types, sequences, tables with their keys,
unique keys, checks, foreign keys, indexes, comments, then views until no more can be created), each
on its own, in a scratch database that is dropped afterwards. A failure the static analysis had not
predicted is counted (it should be zero) and raised as VER004.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field

from migplan import quoting
from migplan.convert import convert
from migplan.convert.order import VIEW_KINDS, application_order
from migplan.dsn import DEFAULT_CONNECT_TIMEOUT
from migplan.dsn import parse as parse_dsn
from migplan.model.conversion import Conversion, ConvertedObject, Finding, TargetStatement
from migplan.model.schema import node_key
from migplan.verify.catalog import Catalog, canonical_expected, read_mysql, read_postgres
from migplan.verify.engines import VerifyEngineError, check_family, open_session
from migplan.verify.redshift import postgres_subset


@dataclass
class StatementResult:
    object_key: str
    statement: TargetStatement
    ok: bool
    error: str | None = None
    checked: bool = False  # catalog comparison ran
    blocked: str | None = None  # not run because this table was rejected
    problems: list[str] = field(default_factory=list)  # differences found in the catalog


@dataclass
class ObjectVerification:
    key: str
    status: str  # verified | rejected | missing | differs | not converted
    message: str | None = None
    statements: int = 0
    failed: int = 0


@dataclass
class Verification:
    engine: str
    results: list[StatementResult]
    by_object: dict[str, ObjectVerification]
    findings: list[Finding]
    seconds: float
    unpredicted: int = 0
    conversion: Conversion | None = None  # what was applied (MySQL: with the run's database names)

    def fidelity(self, assessment):
        """Every source storage element and view, and whether the target has it (see verify.fidelity)."""
        from migplan.verify.fidelity import fidelity

        return fidelity(assessment, self)

    @property
    def accepted(self) -> int:
        return sum(1 for r in self.results if r.ok)

    @property
    def rejected(self) -> int:
        return sum(1 for r in self.results if not r.ok)

    def summary(self) -> dict:
        counts: dict[str, int] = {}
        for ov in self.by_object.values():
            counts[ov.status] = counts.get(ov.status, 0) + 1
        return {"engine": self.engine, "statements": len(self.results), "accepted": self.accepted,
                "rejected": self.rejected, "objects": counts, "unpredicted_failures": self.unpredicted,
                "seconds": round(self.seconds, 2)}

    def frame(self):
        import pandas as pd

        def status(r):
            if r.blocked:
                return "blocked"
            if not r.ok:
                return "rejected"
            return "differs" if r.problems else "ok"

        return pd.DataFrame([{"object": r.object_key, "kind": r.statement.kind, "name": r.statement.name,
                              "ok": r.ok and not r.problems, "status": status(r), "blocked_by": r.blocked or "",
                              "error": r.error or "; ".join(r.problems), "sql": r.statement.sql}
                             for r in self.results],
                            columns=["object", "kind", "name", "ok", "status", "blocked_by", "error", "sql"])

    def _repr_html_(self) -> str:  # pragma: no cover - notebook display
        from html import escape

        s = self.summary()
        failed = self.frame().query("not ok")[["object", "kind", "name", "error"]]
        table = failed.to_html(index=False) if len(failed) else "<p>Every statement was accepted and found.</p>"
        return (f"<p><b>Verification on {escape(s['engine'])}</b>: {s['accepted']} of {s['statements']} statements "
                f"accepted; objects {escape(str(s['objects']))}; unpredicted failures: {s['unpredicted_failures']}"
                f"</p>{table}")

    def __repr__(self) -> str:
        s = self.summary()
        return (f"<Verification on {s['engine']}: {s['accepted']}/{s['statements']} statements accepted, "
                f"objects {s['objects']}, unpredicted failures {s['unpredicted_failures']}>")


def verify(assessment, dsn: str | None = None, engine: str | None = None,
           connect_timeout: float | None = DEFAULT_CONNECT_TIMEOUT) -> Verification:
    family = _family(assessment.target, engine)
    started = time.perf_counter()
    session = open_session(family, dsn, connect_timeout)
    try:
        conversion = assessment.conversion
        reparse_findings: list[Finding] = []
        if family == "mysql":
            conversion = _isolated_mysql(assessment, session)
        elif assessment.target.family == "redshift":
            # no local Redshift: what reads back as Redshift, in its PostgreSQL subset (verify/redshift.py)
            conversion, reparse_findings, _counts = postgres_subset(conversion)
        results = _apply(session, conversion)
        catalog = read_postgres(session.conn) if family == "postgresql" else \
            read_mysql(session.conn, _mysql_databases(session, conversion))
        default_schema = "public" if family == "postgresql" else session.database
        for r in results:
            if r.ok:
                r.problems = _compare(r.statement, catalog, family, default_schema)
                r.checked = True
        version = session.version
    except Exception as err:
        if type(err).__module__.split(".")[0] in ("psycopg", "pymysql"):  # the server went away mid-run
            raise VerifyEngineError(f"the verification server failed: {session.mask(str(err))}") from None
        raise
    finally:
        session.close()
    by_object, findings = _findings(assessment, conversion, results)
    findings = reparse_findings + findings
    ver = Verification(version, results, by_object, findings, time.perf_counter() - started, 0, conversion)
    _attach(assessment, ver)
    return ver


def check_dsn(target, dsn: str) -> None:
    """Raise DSNError/VerifyEngineError now if ``dsn`` cannot be read or is for another engine."""
    check_family(parse_dsn(dsn), _family(target, None))


def _family(target, engine: str | None) -> str:
    family = engine or target.verify_engine
    if family is None:
        raise VerifyEngineError(f"no local engine verifies {target.display} DDL; pass a DSN of such a server")
    return {"postgresql": "postgresql", "mariadb": "mysql", "mysql": "mysql"}.get(family, family)


# -- applying ----------------------------------------------------------------------------------------
# views and code read each other in any order: applied in passes until nothing more succeeds
_RETRIED = VIEW_KINDS + ("routine", "trigger")

def _apply(session, conversion: Conversion) -> list[StatementResult]:
    results: list[StatementResult] = []
    pending_views: list[tuple[str, TargetStatement]] = []
    failed_tables: set[str] = set()
    # a view's comment needs the view: statements of views and code objects wait for them
    code_objects = {c.key for c in conversion.objects if c.statements and c.statements[0].kind in _RETRIED}
    for key, st in application_order(conversion):
        if st.kind in _RETRIED or key in code_objects:
            pending_views.append((key, st))
            continue
        blocked = next((t for t in (st.table, st.expect.get("ref_table")) if t and t in failed_tables), None)
        if blocked:
            results.append(StatementResult(key, st, False, f"not applied: table {blocked} was rejected",
                                           blocked=blocked))
            continue
        err = _execute(session, st.sql)
        if err and st.kind == "table":
            failed_tables.add(_table_of(st))
        results.append(StatementResult(key, st, err is None, err))
    # views and code may read other views and code: create what can be created until nothing changes
    last_error: dict[int, str] = {}
    while pending_views:
        progress = False
        still = []
        for key, st in pending_views:
            err = _execute(session, st.sql)
            if err is None:
                results.append(StatementResult(key, st, True))
                progress = True
            else:
                last_error[id(st)] = err
                still.append((key, st))
        pending_views = still
        if not progress:
            break
    for key, st in pending_views:
        results.append(StatementResult(key, st, False, last_error.get(id(st))))
    return results


def _table_of(st: TargetStatement) -> str:
    _schema, name = st.expect.get("table", (None, st.name))
    return st.table or name


def _execute(session, sql: str) -> str | None:
    try:
        if session.family == "postgresql":
            session.conn.execute(sql)
        else:
            if session.version.startswith("MariaDB"):
                from migplan.verify.engines import for_mariadb

                sql = for_mariadb(sql)
            with session.conn.cursor() as cur:
                cur.execute(sql)
        return None
    except Exception as err:
        return session.mask(_engine_message(err))


def _engine_message(err: Exception) -> str:
    text = str(err).strip()
    if hasattr(err, "args") and len(getattr(err, "args", ())) == 2 and isinstance(err.args[0], int):
        text = f"({err.args[0]}) {err.args[1]}"  # pymysql: (code, message)
    return " ".join(text.split())[:400]


def _isolated_mysql(assessment, session) -> Conversion:
    """MySQL schemas are databases: re-convert with schema names prefixed by this run's name so
    nothing on the server is touched; unqualified names go to the run's own database."""
    schemas = {o.schema for o in assessment.inventory.objects if o.schema}
    names = {s: f"{session.database}_{s.lower()}"[:64] for s in schemas}
    options = dataclasses.replace(assessment.conversion_options, schema_map=names, default_schema=session.database)
    with session.conn.cursor() as cur:
        cur.execute(f"CREATE DATABASE {quoting.quote(session.database, 'mysql')} CHARACTER SET utf8mb4")
        cur.execute(f"USE {quoting.quote(session.database, 'mysql')}")
    return convert(assessment.inventory, assessment.target, options)


def _mysql_databases(session, conversion: Conversion) -> list[str]:
    with session.conn.cursor() as cur:
        cur.execute("SHOW DATABASES LIKE %s", (session.database + "%",))
        return [r[0] for r in cur.fetchall()]


# -- comparing ---------------------------------------------------------------------------------------
def _compare(st: TargetStatement, cat: Catalog, family: str, default_schema: str) -> list[str]:
    e = st.expect
    problems: list[str] = []

    def qual(pair):
        schema, name = pair
        return (schema or default_schema, name)

    if "columns" in e and "table" in e and st.kind == "table":
        key = qual(e["table"])
        cols = cat.tables.get(key)
        if cols is None:
            return [f"table {key[0]}.{key[1]} is not in the catalog"]
        for c in e["columns"]:
            found = cols.get(c["name"])
            if found is None:
                problems.append(f"column {c['name']} is missing")
                continue
            want = canonical_expected(c["type"], family)
            if want != found.type and not _same_type(want, found.type, family):
                problems.append(f"column {c['name']}: expected {want}, the engine has {found.type}")
            if c.get("nullable") is not None and bool(c["nullable"]) != found.nullable and not c.get("identity"):
                problems.append(f"column {c['name']}: expected {'NULL' if c['nullable'] else 'NOT NULL'}")
        if "primary_key" in e:
            pk = [v for v in cat.constraints.values() if v["kind"] == "primary key" and v["table"] == key[1]]
            if not pk:
                problems.append("primary key is missing")
            elif [c.lower() for c in pk[0]["columns"]] != [c.lower() for c in e["primary_key"]["columns"]]:
                problems.append(f"primary key is on {pk[0]['columns']}, expected {e['primary_key']['columns']}")
        return problems
    if "constraint" in e:
        schema = qual(e["table"])[0]
        con = cat.constraints.get((schema, e["constraint"]))
        if con is None:
            return [f"constraint {e['constraint']} is not in the catalog"]
        if con["kind"] != e["kind"]:
            problems.append(f"constraint {e['constraint']} is a {con['kind']}, expected {e['kind']}")
        if e.get("columns") and e["kind"] != "check" and \
                [c.lower() for c in con["columns"]] != [c.lower() for c in e["columns"]]:
            problems.append(f"constraint {e['constraint']} is on {con['columns']}, expected {e['columns']}")
        return problems
    if "index" in e:
        schema = e.get("schema") or qual(e["table"])[0]
        idx = cat.indexes.get((schema, e["index"])) or cat.indexes.get((schema, f"{e['table'][1]}.{e['index']}"))
        if idx is None:
            idx = next(
                (v for (s, n), v in cat.indexes.items() if n.split(".")[-1] == e["index"] and
                 v["table"] == e["table"][1]), None
            )
        if idx is None:
            return [f"index {e['index']} is not in the catalog"]
        if idx["unique"] != e.get("unique", idx["unique"]):
            problems.append(f"index {e['index']} uniqueness differs")
        return problems
    if "sequence" in e:
        return [] if qual(e["sequence"]) in cat.sequences else [f"sequence {e['sequence'][1]} is not in the catalog"]
    if "view" in e:
        key = qual(e["view"])
        if key in cat.views or (e.get("materialized") and key in cat.tables):
            return []
        return [f"view {key[1]} is not in the catalog"]
    if "routine" in e:
        key = qual(e["routine"])
        return [] if key in cat.routines else [f"{e.get('routine_kind', 'routine')} {key[1]} is not in the catalog"]
    if "type" in e:
        return [] if qual(e["type"]) in cat.types else [f"type {e['type'][1]} is not in the catalog"]
    if "comment" in e:
        key = qual(e["table"]) + ((e["column"],) if e.get("column") else ())
        if cat.comments.get(key) != e["comment"]:
            return [f"comment differs: {cat.comments.get(key)!r}"]
    return problems


def _same_type(want: str, have: str, family: str) -> bool:
    if family == "mysql":
        # MariaDB: JSON is LONGTEXT; BOOLEAN is TINYINT(1)
        pairs = {("json", "longtext"), ("boolean", "tinyint(1)"), ("bool", "tinyint(1)")}
        return (want, have) in pairs
    return False


# -- findings --------------------------------------------------------------------------------------
def _findings(assessment, conversion: Conversion, results: list[StatementResult]):
    by_object: dict[str, ObjectVerification] = {}
    convs: dict[str, ConvertedObject] = {c.key: c for c in conversion.objects}
    findings: list[Finding] = []
    for c in conversion.objects:
        by_object[c.key] = ObjectVerification(c.key, "verified" if c.statements else "not converted")
    _follow_failures(assessment, convs, results)
    for r in results:
        ov = by_object.get(r.object_key)
        if ov is None:
            continue
        ov.statements += 1
        if r.ok and not r.problems:
            continue
        ov.failed += 1
        if r.blocked and r.blocked == _own_table(convs[r.object_key]):
            continue  # the object's own table was rejected: that item says it all
        status = (
            "missing"
            if r.blocked
            else "rejected"
            if not r.ok
            else ("missing" if any("not in the catalog" in p for p in r.problems) else "differs")
        )
        if ov.status in ("verified", "differs") or (ov.status == "missing" and status == "rejected"):
            ov.status = status
            ov.message = r.error or "; ".join(r.problems)
        conv = convs[r.object_key]
        obj = conv.source
        code = {"rejected": "VER001", "missing": "VER002", "differs": "VER003"}[status]
        line = r.statement.source_line or obj.location.line
        if r.blocked:
            message = f"{r.statement.kind} {r.statement.name} was not created: {r.error}"
        elif not r.ok:
            message = f"{r.statement.kind} {r.statement.name}: the engine rejected it: {r.error}"
        else:
            message = f"{r.statement.kind} {r.statement.name}: " + "; ".join(r.problems)
        finding = Finding(code, obj.qname, obj.kind, obj.location.file, line, message, None,
                          r.statement.sql, r.statement.name, caused_by=r.blocked)
        if r.blocked:  # a consequence of another object's item, not a new blocker: no second count
            finding.severity, finding.effort = "info", "none"
        findings.append(finding)
    return by_object, findings


def _follow_failures(assessment, convs: dict[str, ConvertedObject], results: list[StatementResult]) -> None:
    """A view or routine that failed because something it reads failed is a consequence, not a
    new problem: mark it blocked by that object (the dependency graph says what it reads)."""
    # an object fails when its own CREATE does (a foreign key of a table failing leaves the table there)
    failed = {node_key(convs[r.object_key].source): convs[r.object_key].source.qname
              for r in results if not r.ok and r.object_key in convs and convs[r.object_key].statements
              and r.statement is convs[r.object_key].statements[0]}
    for c in convs.values():  # objects with no target DDL at all (not converted)
        if not c.statements and not c.converted:
            failed[node_key(c.source)] = c.source.qname
    graph = assessment.graph
    for r in results:
        if r.ok or r.blocked or r.statement.kind not in _RETRIED or r.object_key not in convs:
            continue
        me = node_key(convs[r.object_key].source)
        if me not in graph:
            continue
        cause = next((failed[d] for d in sorted(graph.successors(me)) if d in failed and d != me), None)
        if cause is not None:
            r.blocked = cause
            r.error = f"it needs {cause}, which failed or was not converted ({r.error})"


def _own_table(conv: ConvertedObject) -> str | None:
    for st in conv.statements:
        if st.kind == "table":
            return st.table
    return None


def _attach(assessment, ver: Verification) -> None:
    """Add the verification items to the assessment, marking which failures were predicted."""
    from migplan.analyze import to_item

    items = assessment.action_items.items
    items[:] = [i for i in items if not i.code.startswith("VER")]  # a re-run replaces the previous results
    static: dict[tuple[str, str], list] = {}
    for i in items:
        if i.severity not in ("info",) and i.category not in ("DMS readiness",) and i.code != "COD001":
            static.setdefault((i.kind, i.object), []).append(i)
    unpredicted = 0
    for f in ver.findings:
        item = to_item(f, assessment.config)
        # a statement skipped because its table was rejected is explained by that table's own item
        item.predicted = bool(static.get((f.kind, f.object))) or f.caused_by is not None
        items.append(item)
        if not item.predicted:
            unpredicted += 1
            extra = Finding("VER004", f.object, f.kind, f.file, f.line,
                            f"verification found a problem no static action item predicted: {f.message}",
                            f.source, f.converted, f.sub)
            items.append(to_item(extra, assessment.config))
    ver.unpredicted = unpredicted
    items.sort(key=lambda i: (i.file, i.line, i.code, i.object))
