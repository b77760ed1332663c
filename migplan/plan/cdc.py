"""CDC readiness: the source engine's prerequisites as a checklist with the exact statements to
run, the DMS user's privileges per capture mode, and per table what DMS will do with it in CDC
(keys, LOBs, types it cannot move).

The per-engine facts are data (``migplan/data/cdc.toml``, each check with the DMS page it comes
from; checked against a schema when loaded). Every name that reaches the source-side SQL goes
through ``migplan.quoting`` (quoted exactly as the engine stores it), every Markdown cell through
``migplan.escape``. The per-table rows reuse DMS's premigration assessment keys.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pandas as pd

from migplan import escape, quoting
from migplan.datafile import ANY, PAGE, DataFileError, check
from migplan.model.schema import Table

# Declared maximum sizes of MySQL's LOB types, in KB; other engines' LOBs (PostgreSQL TEXT too) are unbounded.
_LOB_KB = {"TINYTEXT": 0.25, "TINYBLOB": 0.25, "TEXT": 64, "BLOB": 64, "MEDIUMTEXT": 16384, "MEDIUMBLOB": 16384}
LOB_MAX_KB = 102400  # LobMaxSize maximum (TargetMetadata task settings page)
DEFAULT_LOB_KB = 32
MODES = ("logminer", "binary_reader")  # Oracle redo readers

_CHECK = {"name": str, "check": str, "fix": str, "rds": str, "page": PAGE}
_LIVE = {"name": str, "setting": str, "op": ("in", "at_least", "zero_or_at_least"), "values?": [str],
         "minimum?": int, "fix": str, "page": PAGE}
_TABLE = {"primary": str, "unique": str, "none": str, "already?": str}  # already: a table option that does it
_ENGINE = {"page": PAGE, "keyless": str, "dms_user": str, "check": [_CHECK], "live?": [_LIVE], "table?": _TABLE,
           "extends?": str,
           "privileges?": {"page": PAGE, "all": [str], "logminer": [str], "binary_reader": [str],
                           "per_table": [str], "when": [{"privilege": str, "condition": str}]}}
_SCHEMA = {"pages": {ANY: str}, ANY: _ENGINE}


@dataclass
class TableReadiness:
    table: str
    key: str  # "primary key" | "unique" | "none"
    key_columns: list[str]
    lob_columns: list[str]
    lob_mode: str
    lob_max_kb: int | None
    unsupported: list[str]
    statement: str
    dms_keys: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class CdcReadiness:
    engine: str
    checks: list[dict]
    tables: list[TableReadiness]
    keyless_behaviour: str
    family: str = ""
    page: str = ""
    dms_user: str = "dms_user"
    privileges: dict = field(default_factory=dict)  # Oracle: all / logminer / binary_reader / per_table / when
    table_names: list[tuple[str | None, str]] = field(default_factory=list)  # (schema, name) of each table row
    live_checks: list[dict] = field(default_factory=list)  # checked on the live source: status passed/failed
    server: str = ""  # the live source checked, when there was one

    def live_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.live_checks, columns=["name", "status", "found", "expected", "fix", "ref"])

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame([{
            "table": t.table, "key": t.key, "lob_columns": ", ".join(t.lob_columns), "lob_mode": t.lob_mode,
            "lob_max_kb": t.lob_max_kb, "unsupported_types": ", ".join(t.unsupported), "statement": t.statement,
            "dms_assessment": ", ".join(t.dms_keys), "note": t.note,
        } for t in self.tables])

    def checklist_frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.checks)

    @property
    def lob_max_kb(self) -> int:
        sizes = [t.lob_max_kb for t in self.tables if t.lob_max_kb]
        return min(max(sizes), LOB_MAX_KB) if sizes else DEFAULT_LOB_KB

    # -- privileges ------------------------------------------------------------------------------
    def grants(self, mode: str = "logminer") -> list[str]:
        """GRANT statements for the DMS user in ``mode`` (Oracle), names quoted as stored."""
        if not self.privileges:
            return []
        if mode not in MODES:
            raise ValueError(f"capture mode {mode!r} is not one of {', '.join(MODES)}")
        wanted = list(dict.fromkeys(self.privileges["all"] + self.privileges[mode]))
        out = [_grant(p, self.dms_user, self.family) for p in wanted]
        for schema, name in self.table_names:
            for priv in self.privileges["per_table"]:
                out.append(f"GRANT {priv} ON {quoting.qualified([schema, name], self.family)} TO "
                           f"{quoting.quote(self.dms_user, self.family)};")
        return out

    def privilege_check(self, mode: str = "logminer") -> str:
        """An Oracle query listing every privilege of ``mode`` the DMS user lacks, whether it would be
        granted directly, through a role (recursively) or to PUBLIC: system privileges from
        dba_sys_privs, object privileges from dba_tab_privs. No rows: the user is ready."""
        if not self.privileges:
            return ""
        lit = lambda s: quoting.string(s, "oracle")  # noqa: E731 - names as text values
        rows = []
        for p in dict.fromkeys(self.privileges["all"] + self.privileges[mode]):
            kind, priv, owner, obj = _split(p)
            rows.append((kind, priv, owner, obj))
        for schema, name in self.table_names:
            for priv in self.privileges["per_table"]:
                rows.append(("OBJECT", priv, schema or "", name))
        required = "\n  UNION ALL ".join(
            f"SELECT {lit(k)}, {lit(p)}, {lit(o) if o else 'NULL'}, {lit(n) if n else 'NULL'} FROM dual"
            for k, p, o, n in rows)
        user = lit(self.dms_user)
        return (
            "WITH grantees (name) AS (\n"
            f"  SELECT {user} FROM dual\n"
            "  UNION SELECT granted_role FROM dba_role_privs\n"
            f"        START WITH grantee = {user} CONNECT BY PRIOR granted_role = grantee\n"
            "  UNION SELECT 'PUBLIC' FROM dual),\n"
            "required (kind, privilege, owner, object_name) AS (\n"
            f"  {required})\n"
            "SELECT r.kind, r.privilege, r.owner, r.object_name FROM required r\n"
            "WHERE NOT EXISTS (SELECT 1 FROM dba_sys_privs p JOIN grantees g ON p.grantee = g.name\n"
            "                  WHERE r.kind = 'SYSTEM' AND p.privilege = r.privilege)\n"
            "  AND NOT EXISTS (SELECT 1 FROM dba_tab_privs p JOIN grantees g ON p.grantee = g.name\n"
            "                  WHERE r.kind = 'OBJECT' AND p.owner = r.owner AND p.table_name = r.object_name\n"
            "                    AND p.privilege = r.privilege)\n"
            "ORDER BY 1, 2, 3, 4;"
        )

    # -- outputs ---------------------------------------------------------------------------------
    def script(self) -> str:
        """The source-side script: read-only checks as comments, then the per-table statements, the
        grants and the privilege check. Oracle: SET DEFINE OFF first, so an & in a quoted name is
        not taken for a SQL*Plus substitution variable."""
        lines: list[str] = []
        if self.family == "oracle":
            lines += ["SET DEFINE OFF", ""]
        lines += [quoting.line_comment(f"CDC preparation of the {self.engine} source for AWS DMS ({self.page})"),
                  quoting.line_comment("Review before running; names are quoted exactly as the source stores them."),
                  ""]
        for c in self.checks:
            lines += [quoting.line_comment(f"{c['name']} ({c['ref']})"),
                      quoting.line_comment(f"read:   {c['check']}"),
                      quoting.line_comment(f"change: {c['fix']}"),
                      quoting.line_comment(f"RDS:    {c['rds']}"), ""]
        stmts = [t for t in self.tables if t.statement]
        if stmts:
            lines.append(quoting.line_comment("Per table"))
            for t in stmts:
                lines.append(t.statement)
            lines.append("")
        if self.privileges:
            user = self.dms_user
            lines += [quoting.line_comment(f"Privileges of the DMS user {user} (LogMiner, the default reader); "
                                           "replace the name with the endpoint's user"),
                      *self.grants("logminer"), ""]
            extra = [g for g in self.grants("binary_reader") if g not in set(self.grants("logminer"))]
            lines += [quoting.line_comment("Binary Reader instead of LogMiner (useLogMinerReader=N;useBfile=Y): "
                                           "also grant"),
                      *[quoting.line_comment(g) for g in extra], ""]
            for w in self.privileges["when"]:
                grant = _grant(w["privilege"], user, self.family)
                lines.append(quoting.line_comment(f"Also, when {w['condition']}: {grant}"))
            lines += ["", quoting.line_comment("Missing grants (LogMiner): no rows = ready"),
                      self.privilege_check("logminer"), ""]
        return "\n".join(lines) + "\n"

    def markdown(self) -> str:
        e = escape
        out = [f"## CDC readiness: {e.text(self.engine)}", "",
               f"Source: {e.text(self.page)}; statements to run: `cdc_source.sql`.", ""]
        if self.live_checks:
            failed = sum(c["status"] == "failed" for c in self.live_checks)
            out += [f"### Checked on the live source ({e.text(self.server)})", "",
                    e.text(f"{len(self.live_checks) - failed} passed, {failed} failed."), "",
                    e.table(["check", "status", "found", "expected", "to fix", "ref"],
                            [[e.cell(c["name"]), e.cell(c["status"]), e.code(c["found"]), e.cell(c["expected"]),
                              e.cell(c["fix"] if c["status"] == "failed" else "-"), e.cell(c["ref"])]
                             for c in self.live_checks]), "",
                    "### Prerequisites and how to change them", ""]
        out += [e.table(["check", "read", "change (self-managed)", "change (RDS)", "ref"],
                       [[e.cell(c["name"]), e.code(c["check"]), e.code(c["fix"]), e.cell(c["rds"]), e.cell(c["ref"])]
                        for c in self.checks]), ""]
        if self.privileges:
            out += ["### Privileges of the DMS user", ""]
            rows = [[e.cell(m.replace("_", " ")), e.cell(", ".join(self.privileges[m]))]
                    for m in ("all", "logminer", "binary_reader")]
            rows.append([e.cell("each replicated table"), e.cell(", ".join(self.privileges["per_table"]))])
            rows += [[e.cell(f"when {w['condition']}"), e.cell(w["privilege"])] for w in self.privileges["when"]]
            out += [e.table(["capture mode", "privileges"], rows), "",
                    e.text("The privilege query in cdc_source.sql reads dba_sys_privs and dba_tab_privs (direct, "
                           "role and PUBLIC grants) and lists what is missing."), ""]
        out += [f"Tables without a primary or unique key: {e.text(self.keyless_behaviour)}.", ""]
        out += [e.table(["table", "key", "LOB columns", "LOB mode", "types DMS cannot move", "statement", "note"],
                        [[e.code(t.table), e.cell(t.key), e.cell(", ".join(t.lob_columns) or "-"), e.cell(t.lob_mode),
                          e.cell(", ".join(t.unsupported) or "-"), e.code(t.statement) or "-",
                          e.cell("; ".join([*t.dms_keys, t.note] if t.note else t.dms_keys))]
                         for t in self.tables]), ""]
        return "\n".join(out)


def _split(privilege: str) -> tuple[str, str, str | None, str | None]:
    """"SELECT ON SYS.V_$LOG" -> ("OBJECT", "SELECT", "SYS", "V_$LOG"); "CREATE SESSION" -> SYSTEM."""
    if " ON " in privilege:
        priv, _, obj = privilege.partition(" ON ")
        owner, _, name = obj.partition(".")
        return "OBJECT", priv, owner, name
    return "SYSTEM", privilege, None, None


def _grant(privilege: str, user: str, dialect: str) -> str:
    kind, priv, owner, name = _split(privilege)
    target = f" ON {quoting.qualified([owner, name], dialect)}" if kind == "OBJECT" else ""
    return f"GRANT {priv}{target} TO {quoting.quote(user, dialect)};"


def validate(raw: dict) -> dict:
    check(raw, _SCHEMA, "cdc.toml", raw.get("pages", {}))
    for family, data in raw.items():
        if family == "pages":
            continue
        for priv in data.get("privileges", {}).get("when", []):
            _split(priv["privilege"])
        if "extends" in data and data["extends"] not in raw:
            raise DataFileError(f"cdc.toml.{family}: extends {data['extends']!r}, which is no section")
    return raw


@lru_cache(maxsize=1)
def _data() -> dict:
    raw = tomllib.loads(resources.files("migplan.data").joinpath("cdc.toml").read_text("utf-8"))
    try:
        return validate(raw)
    except DataFileError as err:  # a broken data file is the kit's bug: say which file
        raise DataFileError(f"migplan/data/cdc.toml: {err}") from err


# Types DMS does not move from each source (the DMS source pages' data type sections); replicated
# as NULL or skipped.
UNSUPPORTED = {
    "oracle": {"BFILE", "ROWID", "UROWID", "REF", "ANYDATA", "SYS.ANYDATA"},
    "sqlserver": {"CURSOR", "SQL_VARIANT", "TABLE"},
    "postgresql": set(),
    "mysql": set(),
    "db2": {"DECFLOAT"},  # changes to DECFLOAT columns are ignored by DMS CDC
}


def readiness(inv, target_family: str | None = None, stats: dict | None = None, facts=None) -> CdcReadiness:
    """``stats``: table statistics ('SCHEMA.TABLE' -> model.stats.TableStats), whose measured largest
    LOB values set LobMaxSize; ``facts``: a live source's model.stats.SourceFacts, whose settings are
    checked (passed/failed) against the engine's [[live]] checks."""
    family = inv.engine.family
    stats = stats or {}
    raw = _data()
    data = _section(raw, inv.engine.name, family)
    pages = raw["pages"]
    checks = [{"name": c["name"], "check": c["check"], "fix": c["fix"], "rds": c["rds"], "ref": pages[c["page"]]}
              for c in data.get("check", [])]
    table_sql = data.get("table", {})
    rows, names = [], []
    for t in inv.tables:
        if t.temporary:
            rows.append(TableReadiness(t.qname, "-", [], [], "-", None, [], "", [],
                                       "temporary table: DMS neither loads nor captures it"))
            continue
        st = stats.get(t.qname.upper()) or stats.get(t.name.upper())
        rows.append(_table_row(t, family, table_sql, st))
        names.append((t.schema, t.name))
    live = []
    if facts is not None and facts.family == family:
        live = [_live_check(c, facts.settings, pages) for c in data.get("live", [])]
        live += _identity_checks(inv, facts, rows, pages)
    return CdcReadiness(inv.engine.display, checks, rows, data.get("keyless", "see the DMS source documentation"),
                        family=family, page=pages.get(data.get("page", ""), ""),
                        dms_user=data.get("dms_user", "dms_user"), privileges=dict(data.get("privileges", {})),
                        table_names=names, live_checks=live, server=facts.server if facts is not None else "")


def _section(raw: dict, engine: str, family: str) -> dict:
    """An engine's own section wins over its family's; with ``extends`` it adds its checks after the
    family's and takes the family's per-table statements unless it has its own."""
    own = raw.get(engine)
    if own is None:
        return raw.get(family, {})
    base = raw.get(own.get("extends", ""))
    if base is None:
        return own
    return {**base, **{k: v for k, v in own.items() if k != "check"}, "check": [*base["check"], *own["check"]]}


def _live_check(check: dict, settings: dict[str, str], pages: dict) -> dict:
    found = settings.get(check["setting"])
    op = check["op"]
    if op == "in":
        expected = " or ".join(check["values"])
        ok = found is not None and found.lower() in {v.lower() for v in check["values"]}
    else:
        expected = (f"0 or at least {check['minimum']}" if op == "zero_or_at_least" else f"at least {check['minimum']}")
        number = _number(found)
        ok = found == "unlimited" or (number is not None and (number >= check["minimum"]
                                                              or (op == "zero_or_at_least" and number == 0)))
    return {"name": check["name"], "status": "passed" if ok else "failed",
            "found": f"{check['setting']} = {found}" if found is not None else f"{check['setting']}: not readable",
            "expected": expected, "fix": check["fix"], "ref": pages[check["page"]]}


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text is not None else None
    except ValueError:
        return None


def _identity_checks(inv, facts, rows: list[TableReadiness], pages: dict) -> list[dict]:
    """PostgreSQL: UPDATE and DELETE of a table without a primary key are captured only with REPLICA
    IDENTITY FULL (test_decoding); the live catalog says which tables have it already."""
    if facts.family != "postgresql":
        return []
    names = {"d": "DEFAULT", "n": "NOTHING", "f": "FULL", "i": "USING INDEX"}
    keyless = [r for r in rows if r.key == "none"]
    missing = []
    for r in keyless:
        ident = facts.replica_identity.get(r.table.upper())
        if ident is None:
            continue
        r.note = "; ".join(x for x in (r.note, f"REPLICA IDENTITY {names.get(ident, ident)} on the live source")
                           if x)
        if ident != "f":
            missing.append(r.table)
    return [{"name": "Tables without a primary key have REPLICA IDENTITY FULL (else their UPDATE and DELETE "
                     "are not captured)",
             "status": "failed" if missing else "passed",
             "found": f"not FULL: {', '.join(missing)}" if missing else f"{len(keyless)} keyless table(s), all FULL",
             "expected": "REPLICA IDENTITY FULL", "fix": "the ALTER TABLE ... REPLICA IDENTITY FULL statements in "
             "cdc_source.sql", "ref": pages["postgresql"]}]


def _table_row(t: Table, family: str, table_sql: dict, stats=None) -> TableReadiness:
    pk = t.primary_key
    uniques = [c for c in t.unique_keys if all(not (col and col.nullable) for col in map(t.column, c.columns))] \
        or t.unique_keys
    if pk:
        key, cols, group = "primary key", pk.columns, pk.name or ""
    elif uniques:
        key, cols, group = "unique", uniques[0].columns, uniques[0].name or f"{t.name}_uk"
    else:
        key, cols, group = "none", [], ""
    lobs = [c for c in t.columns if c.is_lob]
    declared = [_declared_kb(c, family) for c in lobs]
    lob_kb = None
    measured = _measured(lobs, stats)
    if measured is not None:
        largest = measured[1]
        lob_kb = max(DEFAULT_LOB_KB, min(math.ceil(largest * 3 / 1024), LOB_MAX_KB))
    elif lobs:
        known = [d for d in declared if d is not None]
        lob_kb = int(min(max(known) * 3, LOB_MAX_KB)) if known and len(known) == len(declared) else None
    unsupported = [f"{c.name} {c.source_type}" for c in t.columns if c.type.base in UNSUPPORTED.get(family, set())]
    dms_keys = []
    if key == "none":
        dms_keys.append("table-with-no-primary-key-or-unique-constraint")
        if lobs:
            dms_keys.append("table-with-lob-but-without-primary-key-or-unique-constraint")
    if unsupported:
        dms_keys.append("unsupported-data-types-in-source")
    template = table_sql.get({"primary key": "primary", "unique": "unique", "none": "none"}[key], "")
    stmt = _statement(template, t, family, cols, group) if template else ""
    note = ""
    already = table_sql.get("already")
    if already and already in t.options:
        stmt, note = "", f"{already} already declared in the scripts"
    if lobs:
        mode = "limited" if lob_kb is not None else "limited (size unknown)"
        declared_note = note
        note = (f"LobMaxSize {lob_kb} KB covers the declared sizes (x3 for DMS's binary form)" if lob_kb else
                f"LOB sizes are not declared: measure the largest value (MAX(LENGTH(col))) and set LobMaxSize; "
                f"the default {DEFAULT_LOB_KB} KB truncates longer values")
        if measured is not None and lob_kb is not None:
            note = _measured_note(measured, lob_kb)
        if key == "none":
            mode = "LOBs need a key for CDC"
            note = ("no primary or unique key: DMS looks LOB values up by key, so their changes are not captured "
                    "and no LOB table setting is written for it; add a key, or reload the table at cutover")
        note = "; ".join(filter(None, [declared_note, note]))
    else:
        mode = "-"
    return TableReadiness(t.qname, key, list(cols), [c.name for c in lobs], mode, lob_kb, unsupported, stmt,
                          dms_keys, note)


def _measured(lobs, stats) -> tuple[str, int] | None:
    """(column, bytes) of the largest LOB value measured on the source, when every LOB column was."""
    sizes = getattr(stats, "max_lob_bytes", None) or {}
    lower = {k.lower(): (k, v) for k, v in sizes.items()}
    found = [lower[c.name.lower()] for c in lobs if c.name.lower() in lower]
    if not lobs or len(found) != len(lobs):
        return None
    return max(found, key=lambda kv: (kv[1], kv[0]))


def _measured_note(measured: tuple[str, int], lob_kb: int) -> str:
    column, largest = measured
    text = (f"largest LOB value measured on the source: {largest:,} bytes ({column}); LobMaxSize {lob_kb} KB = 3 x "
            f"that for DMS's binary form")
    if largest * 3 / 1024 > LOB_MAX_KB:
        text += (f", capped at the {LOB_MAX_KB} KB maximum: values above it are truncated in limited LOB mode; use "
                 "full LOB mode for this table")
    elif lob_kb == DEFAULT_LOB_KB and largest * 3 / 1024 < DEFAULT_LOB_KB:
        text = (f"largest LOB value measured on the source: {largest:,} bytes ({column}); LobMaxSize stays at the "
                f"{DEFAULT_LOB_KB} KB default, which covers 3 x that")
    return text


def _statement(template: str, t: Table, family: str, cols: list[str], group: str) -> str:
    """A per-table statement with every name quoted (identifiers) or as a literal (procedure arguments)."""
    group = group or f"{t.name}_LG"
    if family == "oracle":
        group = group[:30]  # log group names: 30 bytes before Oracle 12.2
    return template.format(
        table=quoting.qualified([t.schema, t.name], family),
        columns=", ".join(quoting.quote(c, family) for c in cols),
        group=quoting.quote(group, family),
        schema_literal=quoting.string(t.schema or "", family),
        name_literal=quoting.string(t.name, family),
        group_literal=quoting.string(group, family),
    )


def _declared_kb(col, family: str) -> float | None:
    """The most a MySQL TINY/TEXT/MEDIUM type holds; other engines' TEXT (PostgreSQL's, SQL Server's)
    is unbounded, so its size is not declared."""
    if family != "mysql":
        return None
    return _LOB_KB.get(col.type.base)
