"""Names in application SQL -> objects of the schema, with the source engine's rules.

The schema is an :class:`~migplan.inventory.Inventory` (an Assessment's, or one rebuilt from an
``assessment.json`` written by ``migplan assess -o``): its look-up already knows the engine's case
folding, implicit schemas (``dbo``, ``public``) and unqualified names unique across schemas. On
top of it: a synonym leads to its target, ``pkg.proc`` to the package, and the engine's own
catalog (``dual``, ``sys.*``, ``information_schema.*``, ``pg_catalog.*``, ``USER_*`` views) is
marked ``system`` rather than unknown.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from migplan import engines
from migplan.app.sqlcheck import RawRef
from migplan.engines import Engine
from migplan.errors import InputError
from migplan.inventory import Inventory, load_schema
from migplan.model.app import ObjectRef
from migplan.model.schema import Location, SchemaObject, Synonym

RELATION_KINDS = ("table", "view", "materialized view", "sequence", "synonym")
ROUTINE_KINDS = ("procedure", "function", "package")
# Schema objects an application can touch directly (the ones unreferenced_objects() lists).
TOUCHABLE = ("table", "view", "materialized view", "sequence", "procedure", "function", "package")

_SYSTEM_SCHEMAS = {
    "oracle": {"SYS", "SYSTEM", "DBMS_OUTPUT", "DBMS_LOB", "DBMS_SQL", "UTL_FILE", "DBMS_METADATA", "DBMS_STATS",
               "DBMS_SCHEDULER", "DBMS_JOB", "UTL_HTTP", "UTL_MAIL", "DBMS_LOCK", "DBMS_SESSION", "DBMS_RANDOM",
               "DBMS_UTILITY", "DBMS_APPLICATION_INFO", "DBMS_AQ", "APEX_UTIL", "DBMS_CRYPTO"},
    "sqlserver": {"SYS", "INFORMATION_SCHEMA", "MASTER", "MSDB", "TEMPDB"},
    "mysql": {"INFORMATION_SCHEMA", "MYSQL", "PERFORMANCE_SCHEMA", "SYS"},
    "postgresql": {"PG_CATALOG", "INFORMATION_SCHEMA"},
}
_SYSTEM_NAMES = {
    "oracle": re.compile(r"^(DUAL|(USER|ALL|DBA|CDB)_\w+|G?V\$\w+|DBMS_\w+|UTL_\w+)$", re.I),
    "sqlserver": re.compile(r"^(sys\w+|sp_\w+|xp_\w+|fn_\w+)$", re.I),
    "mysql": re.compile(r"^$"),
    "postgresql": re.compile(r"^pg_\w+$", re.I),
}


def load(schema, engine: Engine) -> Inventory | None:
    """The inventory to link against: from an Assessment, an Inventory, an assessment.json path,
    or a path of schema scripts (read for ``engine``)."""
    if schema is None:
        return None
    if isinstance(schema, Inventory):
        inv = schema
    elif isinstance(getattr(schema, "inventory", None), Inventory):
        inv = schema.inventory
    elif isinstance(schema, (str, os.PathLike)):
        path = Path(schema)
        if path.is_file() and path.suffix.lower() == ".json":
            inv = _from_assessment_json(path)
        else:
            inv = load_schema(path, engine)
    else:
        raise TypeError(f"schema= takes an Assessment, an Inventory or a path, not {type(schema).__name__}")
    if inv.engine.family != engine.family:
        raise InputError(f"the schema was read for {inv.engine.name} but the application is scanned for "
                         f"{engine.name}: give the same source engine to both")
    return inv


def _from_assessment_json(path: Path) -> Inventory:
    try:
        data = json.loads(path.read_text("utf-8"))
        source = data["pair"]["source"]
        objects = data["objects"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise InputError(f"{path}: not an assessment.json written by `migplan assess -o` ({err})") from err
    inv = Inventory(engines.get(source))
    for o in objects:
        inv.add(SchemaObject(kind=o["kind"], schema=o.get("schema"), name=o["name"],
                             location=Location(o.get("file") or "", int(o.get("line") or 1))))
    return inv


class Resolver:
    def __init__(self, inv: Inventory | None, engine: Engine):
        self.inv = inv
        self.engine = engine
        self.family = engine.family
        self._cache: dict[RawRef, ObjectRef | None] = {}

    def resolve(self, raw: RawRef) -> ObjectRef | None:
        if raw not in self._cache:
            self._cache[raw] = self._resolve(raw)
        return self._cache[raw]

    def _resolve(self, raw: RawRef) -> ObjectRef | None:
        parts, mode, hint = raw
        stored = [p if q else self.engine.fold(p) for p, q in parts]
        name = ".".join(stored)
        obj = self._find(self.inv, stored, hint) if self.inv is not None else None
        if obj is not None:
            return ObjectRef(name, mode, obj.kind, obj.qname)
        if hint == "function?":
            return None  # a built-in, or a routine of another schema: not a reference we can judge
        if self._system(stored):
            return ObjectRef(name, mode, "system")
        return ObjectRef(name, mode, {"relation": "table", "routine": "routine"}.get(hint, hint))

    def _find(self, inv: Inventory, stored: list[str], hint: str) -> SchemaObject | None:
        schema = stored[-2] if len(stored) >= 2 else None
        last = stored[-1]
        kinds = RELATION_KINDS if hint in ("relation", "sequence") else ROUTINE_KINDS
        for kind in kinds:
            obj = inv.lookup(kind, schema, last)
            if obj is not None:
                return self._follow(obj)
        if hint in ("routine", "function?") and len(stored) >= 2:  # pkg.proc / schema.pkg.proc
            pkg_schema = stored[-3] if len(stored) >= 3 else None
            obj = inv.lookup("package", pkg_schema, stored[-2]) or inv.lookup("synonym", pkg_schema, stored[-2])
            if obj is not None:
                return self._follow(obj)
        if hint in ("routine", "function?"):
            obj = inv.lookup("synonym", schema, last)
            if obj is not None:
                return self._follow(obj)
        return None

    def _follow(self, obj: SchemaObject) -> SchemaObject:
        """A synonym stands for its target when the scripts define it (and it is not remote)."""
        seen = 0
        inv = self.inv
        while inv is not None and isinstance(obj, Synonym) and not obj.dblink and seen < 5:
            target = None
            for kind in RELATION_KINDS + ROUTINE_KINDS:
                target = inv.lookup(kind, obj.target_schema, obj.target_name)
                if target is not None:
                    break
            if target is None or target is obj:
                break
            obj = target
            seen += 1
        return obj

    def _system(self, stored: list[str]) -> bool:
        schemas = _SYSTEM_SCHEMAS.get(self.family, set())
        if len(stored) >= 2 and stored[-2].upper() in schemas:
            return True
        if len(stored) >= 3 and stored[-3].upper() in schemas:
            return True
        pattern = _SYSTEM_NAMES.get(self.family)
        head = stored[0] if len(stored) >= 2 else stored[-1]
        return bool(pattern and (pattern.match(stored[-1]) if len(stored) == 1 else pattern.match(head)))
