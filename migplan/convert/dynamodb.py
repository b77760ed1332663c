"""Cassandra tables -> Amazon DynamoDB tables, as API requests (DynamoDB has no DDL).

Each CQL table becomes one ``CreateTable`` request (and an ``UpdateTimeToLive`` when it has a
default TTL); its materialized views and secondary indexes become global secondary indexes in that
request, or local ones when they keep the table's partition key. The key mapping:

- partition key: one column keeps its name; several become one string attribute named by the
  column names joined with ``#`` (``userid#day``), whose value the application writes the same way;
- clustering columns: one keeps its name as the sort key; several become one string sort key
  (``ts#kind``) the application composes so that string order is the clustering order;
- every other column is an attribute typed by the type map (migplan/data/typemaps/
  cassandra-dynamodb.toml; collections, tuples and UDTs from their elements). Only key attributes
  are declared: DynamoDB is schemaless otherwise.

What needs an application change is an action item of the DDB family (migplan/analyze/actions/
rules/dynamodb/); the facts (limits, names, pages) are data in migplan/data/dynamodb.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from migplan.convert import types as typemaps
from migplan.inventory.inventory import Inventory
from migplan.model.conversion import Conversion, ConvertedObject, Finding, TargetRequest
from migplan.model.schema import UNPARSED, Column, Index, SchemaObject, Table, TypeSpec, View
from migplan.parse.cql import CqlType, type_tree
from migplan.parse.tokens import TokenStream


@cache
def facts() -> dict:
    return tomllib.loads(resources.files("migplan.data").joinpath("dynamodb.toml").read_text("utf-8"))


def page(key: str) -> str:
    return facts()["pages"][key]


@dataclass(frozen=True)
class KeyAttr:
    """A key attribute: its name, DynamoDB type and the columns whose values it holds."""

    name: str
    type: str
    columns: tuple[str, ...]

    @property
    def composite(self) -> bool:
        return len(self.columns) > 1


def convert_dynamodb(inv: Inventory, target) -> Conversion:
    out = Conversion(inv.engine.name, target.name)
    tmap = typemaps.load("cassandra", "dynamodb")
    assert tmap is not None  # two families: the file exists (a missing file raises)
    names = table_names(inv)
    tables = [o for o in inv.objects if isinstance(o, Table) and o.status != UNPARSED]
    placed: dict[int, ConvertedObject] = {}
    for table in tables:
        conv, index_convs = _table(table, names[id(table)], inv, tmap)
        out.objects.append(conv)
        for idx_conv in index_convs:
            placed[id(idx_conv.source)] = idx_conv
    for obj in inv.objects:
        if isinstance(obj, Table) and obj.status != UNPARSED:
            continue
        if id(obj) in placed:
            out.objects.append(placed[id(obj)])
            continue
        conv = ConvertedObject(obj, obj.schema, obj.name, converted=False)
        if obj.status == UNPARSED:
            out.objects.append(_finding(conv, "PRS001", f"not converted: the statement was not understood "
                                        f"({obj.message})"))
            continue
        if isinstance(obj, (Index, View)) and obj.kind in ("index", "materialized view"):
            _finding(conv, "DDB011" if isinstance(obj, Index) else "DDB015",
                     f"{obj.kind} {obj.qname}: its table is not among the converted tables; no index written")
        out.objects.append(conv)
    out.findings.extend(statement_findings(inv))
    return out


# Words of data statements the application must rewrite for DynamoDB: (code, words, message)
_STATEMENT_WORDS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("DDB008", ("ALLOW", "FILTERING"), "ALLOW FILTERING: a DynamoDB Scan (or a Query) with a FilterExpression reads "
     "and bills every item it examines; add a global secondary index for a frequent query"),
    ("DDB009", ("IF", "NOT", "EXISTS"), "IF NOT EXISTS (lightweight transaction): a ConditionExpression "
     "attribute_not_exists(<partition key>); a failed condition is a ConditionalCheckFailedException"),
    ("DDB010", ("USING", "TTL"), "USING TTL expires the cells this statement writes; DynamoDB TTL deletes whole "
     "items: write the expiry time (epoch seconds) in the TTL attribute, or keep these columns in an item of "
     "their own"),
)
_BATCH = {"BATCH": "a logged batch: TransactWriteItems (all or nothing, up to 100 actions)",
          "UNLOGGED": "an unlogged batch: BatchWriteItem (up to 25 puts or deletes, no conditions)",
          "COUNTER": "a counter batch: UpdateItem ADD per counter (no multi-item atomicity without a transaction)"}


def statement_findings(inv: Inventory) -> list[Finding]:
    """Items for the data statements of the scripts (queries and writes the application holds too)."""
    out: list[Finding] = []
    for record in inv.records:
        if record.disposition not in ("data", "session"):
            continue
        stmt = inv.statements[record.index]
        ts = TokenStream(stmt.text, "cql")
        words = [t.up if t.kind == "word" else t.text for t in ts.toks]
        where = record.object or f"{record.file}:{record.line}"
        kind = record.kind
        for code, seq, message in _STATEMENT_WORDS:
            n = len(seq)
            for i in range(len(words) - n + 1):
                if tuple(words[i:i + n]) == seq and ts.toks[i].kind == "word":
                    out.append(Finding(code, where, kind, record.file, _line(stmt, ts.toks[i].start), message,
                                       source=" ".join(stmt.text.split())[:200]))
                    break
        if _conditional(words):
            out.append(Finding("DDB009", where, kind, record.file, stmt.line, "IF <condition> (lightweight "
                               "transaction): a ConditionExpression on the write; a failed condition is a "
                               "ConditionalCheckFailedException", source=" ".join(stmt.text.split())[:200]))
        if words[:1] == ["BEGIN"]:
            kind_word = words[1] if len(words) > 1 else "BATCH"
            out.append(Finding("DDB009", where, kind, record.file, stmt.line,
                               f"BEGIN {kind_word if kind_word != 'BATCH' else ''} BATCH: ".replace("  ", " ")
                               + _BATCH.get(kind_word, _BATCH["BATCH"]), source=" ".join(stmt.text.split())[:200]))
    return out


def _conditional(words: list[str]) -> bool:
    """An UPDATE or DELETE with ``IF EXISTS`` or ``IF <condition>`` after its WHERE clause."""
    if words[:1] not in (["UPDATE"], ["DELETE"]) or "WHERE" not in words:
        return False
    tail = words[words.index("WHERE"):]
    return "IF" in tail and tail[tail.index("IF") + 1:tail.index("IF") + 3] != ["NOT", "EXISTS"]


def _line(stmt, offset: int) -> int:
    return stmt.line + stmt.text.count("\n", 0, offset)


def table_names(inv: Inventory) -> dict[int, str]:
    """The DynamoDB table name of each CQL table: its own name, or ``keyspace.table`` when two
    keyspaces hold the same table name or the name is shorter than DynamoDB allows; characters
    DynamoDB refuses become ``_``. Deterministic whatever the input order."""
    limits = facts()["names"]
    tables = [o for o in inv.objects if isinstance(o, Table) and o.status != UNPARSED]
    counts: dict[str, int] = {}
    for t in tables:
        counts[t.name] = counts.get(t.name, 0) + 1
    out = {}
    for t in tables:
        name = t.name
        if (counts[t.name] > 1 or len(name) < limits["min"]) and t.schema:
            name = f"{t.schema}.{t.name}"
        name = re.sub(r"[^a-zA-Z0-9_.-]", "_", name)
        if len(name) < limits["min"]:
            name = name + "_" * (limits["min"] - len(name))
        out[id(t)] = name[:limits["max"]]
    return out


# -- types ---------------------------------------------------------------------------------------
def column_type(col: Column, tmap: typemaps.TypeMap) -> tuple[str, str]:
    """(DynamoDB type, why) of a column."""
    return cql_type(type_tree(col.type), tmap)


_SET_OF = {"S": "SS", "N": "NS", "B": "BS"}


def cql_type(t: CqlType, tmap: typemaps.TypeMap) -> tuple[str, str]:
    t = t.inner
    if t.custom:
        return "S", f"custom type {t.name}: no DynamoDB equivalent, written as its text"
    if t.udt:
        return "M", f"user-defined type {t.name}: a DynamoDB map of its fields"
    if t.name == "SET" and t.args:
        elem, _ = cql_type(t.args[0], tmap)
        if elem in _SET_OF:
            return _SET_OF[elem], f"a set of {t.args[0]}: a DynamoDB {_SET_OF[elem]} (string, number or binary set)"
        return "L", f"a set of {t.args[0]}: DynamoDB sets hold only strings, numbers or binaries, so a list"
    if t.name in ("LIST", "TUPLE", "VECTOR"):
        return "L", f"{t}: a DynamoDB list"
    if t.name == "MAP":
        return "M", f"{t}: a DynamoDB map (its keys written as strings)"
    mapped = tmap.map(TypeSpec(t.name, raw=str(t)))
    why = mapped.rule.why if mapped.rule is not None else (mapped.message or "")
    return mapped.sql, why


def key_type(cols: list[Column], tmap: typemaps.TypeMap) -> str:
    """A key attribute's type: the column's own when it is S, N or B and the key has one column;
    otherwise a string (composite keys are concatenations, other types are serialised)."""
    if len(cols) == 1:
        t, _ = column_type(cols[0], tmap)
        if t in facts()["keys"]["types"]:
            return t
    return "S"


def key_attr(columns: list[str], table: Table, tmap: typemaps.TypeMap) -> KeyAttr:
    cols = [c for c in (table.column(n) for n in columns) if c is not None]
    sep = facts()["keys"]["separator"]
    return KeyAttr(sep.join(columns), key_type(cols, tmap) if len(cols) == len(columns) else "S", tuple(columns))


# -- tables --------------------------------------------------------------------------------------
def _finding(conv: ConvertedObject, code: str, message: str, line: int | None = None, sub: str | None = None,
             converted: str | None = None) -> ConvertedObject:
    obj = conv.source
    conv.findings.append(Finding(code, obj.qname, obj.kind, obj.location.file, line or obj.location.line, message,
                                 sub=sub, converted=converted))
    return conv


def _table(table: Table, name: str, inv: Inventory,
           tmap: typemaps.TypeMap) -> tuple[ConvertedObject, list[ConvertedObject]]:
    """The table's requests, and a converted object for each of its indexes and views."""
    conv = ConvertedObject(table, None, name)
    hash_key = key_attr(table.partition_key, table, tmap)
    range_key = key_attr([c.expression for c in table.clustering], table, tmap) if table.clustering else None
    keys = [hash_key] + ([range_key] if range_key else [])
    key_names = {k.name for k in keys}
    for col in table.columns:
        t, why = column_type(col, tmap)
        key = next((k for k in keys if col.name in k.columns), None)
        if key is not None and key.composite:  # kept as an attribute of its own too: read, filtered, projected
            why = f"{why.rstrip('.')}; also part of the key attribute {key.name}"
        elif key is not None and key.type != t:
            t, why = key.type, f"key attribute, written as {key.type} ({why})"
        conv.attributes.append((col.name, col.name, t, why))
    for k in keys:
        if k.composite:
            conv.attributes.append(("+".join(k.columns), k.name, "S", "composite key attribute: the values of "
                                    f"{', '.join(k.columns)} joined with '{facts()['keys']['separator']}'"))
    params: dict = {
        "TableName": name,
        "KeySchema": [{"AttributeName": hash_key.name, "KeyType": "HASH"}]
        + ([{"AttributeName": range_key.name, "KeyType": "RANGE"}] if range_key else []),
        "AttributeDefinitions": [],
        "BillingMode": facts()["defaults"]["billing_mode"],
    }
    defs: dict[str, str] = {k.name: k.type for k in keys}
    gsis, lsis, index_convs = _indexes(table, name, hash_key, key_names, defs, inv, tmap)
    if gsis:
        params["GlobalSecondaryIndexes"] = gsis
    if lsis:
        params["LocalSecondaryIndexes"] = lsis
    params["AttributeDefinitions"] = [{"AttributeName": n, "AttributeType": t} for n, t in sorted(defs.items())]
    conv.requests.append(TargetRequest("CreateTable", params, name))
    ttl = _default_ttl(table)
    if ttl:
        attr = ttl_attribute(table)
        conv.requests.append(TargetRequest("UpdateTimeToLive", {
            "TableName": name, "TimeToLiveSpecification": {"Enabled": True, "AttributeName": attr}}, name))
        conv.attributes.append(("(default_time_to_live)", attr, "N", f"expiry time in epoch seconds: the write time "
                                f"plus {ttl} s, written by the application with each item (DynamoDB TTL)"))
    return conv, index_convs


def ttl_attribute(table: Table) -> str:
    """The TTL attribute's name: the default, with ``_`` added while a column has that name."""
    name = facts()["defaults"]["ttl_attribute"]
    while table.column(name) is not None:
        name += "_"
    return name


def _default_ttl(table: Table) -> int:
    try:
        return int(table.options.get("default_time_to_live", "0").strip("'"))
    except ValueError:
        return 0


def _indexes(table: Table, name: str, hash_key: KeyAttr, key_names: set[str], defs: dict[str, str],
             inv: Inventory, tmap: typemaps.TypeMap) -> tuple[list[dict], list[dict], list[ConvertedObject]]:
    """GSIs and LSIs for the table's secondary indexes and materialized views, with a converted
    object for each (not converted when it has no DynamoDB index)."""
    limits = facts()["limits"]
    gsis: list[dict] = []
    lsis: list[dict] = []
    convs: list[ConvertedObject] = []
    sources: list[SchemaObject] = list(table.indexes)
    for o in inv.objects:
        if isinstance(o, View) and o.kind == "materialized view" and o.partition_key and o.references:
            bschema, _, bname = o.references[0].rpartition(".")
            if bname == table.name and (bschema or None) == table.schema:
                sources.append(o)
    used = {name}
    for src in sources:
        conv = ConvertedObject(src, None, _index_name(src.name, used), converted=False)
        convs.append(conv)
        if src.status == UNPARSED:
            continue
        spec = _index_keys(src, table, hash_key, tmap)
        if isinstance(spec, str):
            _finding(conv, "DDB011" if isinstance(src, Index) else "DDB015", spec)
            continue
        hkey, rkey, local = spec
        if (local and len(lsis) >= limits["lsi_per_table"]) or (not local and len(gsis) >= limits["gsi_per_table"]):
            kind = "local" if local else "global"
            _finding(conv, "DDB011" if isinstance(src, Index) else "DDB015",
                     f"{table.qname} already has the most {kind} secondary indexes DynamoDB allows "
                     f"({limits['lsi_per_table'] if local else limits['gsi_per_table']}, {page('quotas')}): "
                     "no index written")
            continue
        index = {"IndexName": conv.target_name,
                 "KeySchema": [{"AttributeName": hkey.name, "KeyType": "HASH"}]
                 + ([{"AttributeName": rkey.name, "KeyType": "RANGE"}] if rkey else []),
                 "Projection": _projection(src, table, {hkey.name} | ({rkey.name} if rkey else set()) | key_names)}
        for k in (hkey, rkey):
            if k is not None:
                defs.setdefault(k.name, k.type)
        (lsis if local else gsis).append(index)
        conv.converted = True
        conv.target_name = f"{name}/{conv.target_name}"
        _placed(conv, src, table, name, index, local)
    return gsis, lsis, convs


def _placed(conv: ConvertedObject, src: SchemaObject, table: Table, name: str, index: dict, local: bool) -> None:
    """The item saying what the index or view became, and what changes for its queries."""
    keys = " + ".join(k["AttributeName"] for k in index["KeySchema"])
    kind = "local" if local else "global"
    what = f"{src.kind} {src.name} -> {kind} secondary index {index['IndexName']} of {name} (key {keys})"
    if isinstance(src, Index):
        notes = ["query it by IndexName"]
        if local:
            notes.append("created with the table only; a partition key value holds at most "
                         f"{facts()['limits']['lsi_collection_gb']} GB with an LSI")
        else:
            notes.append("eventually consistent reads; every table write also writes the index")
        if src.method in ("sasi", "sai", "custom"):
            notes.append(f"{src.method.upper() if src.method != 'custom' else 'the custom index'}'s LIKE/CONTAINS "
                         "or range searches on non-key columns have no DynamoDB equivalent")
        _finding(conv, "DDB011", f"{what}: {'; '.join(notes)}", sub=index["IndexName"]).findings[-1].severity = \
            "medium" if src.method in ("sasi", "sai", "custom") else "low"
        return
    assert isinstance(src, View)
    notes = ["maintained asynchronously, queried by IndexName"]
    if _filters(src):
        notes.append("its WHERE filter beyond IS NOT NULL is not applied: write the key attributes only on the items "
                     "the view should hold (a sparse index)")
    _finding(conv, "DDB015", f"{what}: {'; '.join(notes)}", sub=index["IndexName"]).findings[-1].severity = \
        "medium" if _filters(src) else "low"


def _filters(view: View) -> bool:
    """Whether the view's WHERE says more than ``col IS NOT NULL AND ...``."""
    where = re.split(r"\bWHERE\b", view.query, maxsplit=1, flags=re.I)
    if len(where) < 2:
        return False
    parts = re.split(r"\bAND\b", where[1], flags=re.I)
    return any(not re.fullmatch(r"\s*(\"[^\"]+\"|\w+)\s+IS\s+NOT\s+NULL\s*", p, re.I) for p in parts)


def _index_name(name: str, used: set[str]) -> str:
    limits = facts()["names"]
    out = re.sub(r"[^a-zA-Z0-9_.-]", "_", name)
    if len(out) < limits["min"]:
        out += "_idx"
    out = out[:limits["max"]]
    base, n = out, 2
    while out in used:
        out, n = f"{base}_{n}", n + 1
    used.add(out)
    return out


def _index_keys(src: SchemaObject, table: Table, hash_key: KeyAttr,
                tmap: typemaps.TypeMap) -> tuple[KeyAttr, KeyAttr | None, bool] | str:
    """(partition key, sort key, local?) of the DynamoDB index for a CQL index or materialized
    view, or why there is none."""
    if isinstance(src, Index):
        if len(src.columns) != 1:
            return f"index {src.name} has {len(src.columns)} keys: no DynamoDB index"
        col_name = src.columns[0].expression
        col = table.column(col_name)
        if col is None:
            return f"index {src.name} names {col_name}, which {table.qname} does not have: no index written"
        if src.options.get("target") or type_tree(col.type).inner.name in ("SET", "LIST", "MAP"):
            return (f"index {src.name} indexes the elements of collection {col_name}: a DynamoDB index key is one "
                    "scalar value, so no index written; keep a separate table (one item per element) instead")
        if col_name in hash_key.columns and not hash_key.composite:
            return f"index {src.name} is on the partition key {col_name}: the table's own key serves its queries"
        t, _ = column_type(col, tmap)
        if t not in facts()["keys"]["types"]:
            return (f"index {src.name} is on {col_name}, whose DynamoDB type {t} cannot be an index key: "
                    "no index written")
        clustering = [c.expression for c in table.clustering]
        if col_name in clustering and not hash_key.composite and len(table.partition_key) == 1:
            # queried with the partition key in Cassandra: an LSI keeps the table's partition key
            return hash_key, KeyAttr(col_name, t, (col_name,)), True
        return KeyAttr(col_name, t, (col_name,)), None, False
    assert isinstance(src, View)
    view_hash = key_attr(src.partition_key, table, tmap)
    sort_cols = [c.expression for c in src.clustering]
    view_range = key_attr(sort_cols, table, tmap) if sort_cols else None
    # an LSI keeps the table's partition key and needs a table with a sort key
    local = list(src.partition_key) == list(table.partition_key) and view_range is not None and bool(table.clustering)
    return (hash_key if local else view_hash), view_range, local


def _projection(src: SchemaObject, table: Table, keys: set[str]) -> dict:
    if isinstance(src, View) and src.column_names:
        rest = sorted(c for c in src.column_names if c not in keys)
        if not rest:
            return {"ProjectionType": "KEYS_ONLY"}
        return {"ProjectionType": "INCLUDE", "NonKeyAttributes": rest}
    return {"ProjectionType": "ALL"}

