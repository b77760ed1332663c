"""CREATE INDEX in its dialect forms (unique, bitmap, clustered, function-based, filtered, INCLUDE...)."""

from __future__ import annotations

from migplan.model.schema import Index
from migplan.parse.context import ParseContext
from migplan.parse.options import ORACLE_PHYSICAL, read_options
from migplan.parse.table import period_without_overlaps, read_index_column
from migplan.parse.tokens import TokenStream

INDEX_OPTIONS: dict[str, str] = {
    **ORACLE_PHYSICAL,
    "WITH": "group", "ON": "filegroup", "INCLUDE": "group", "NULLS NOT DISTINCT": "flag", "NULLS DISTINCT": "flag",
    "ALGORITHM": "eq", "LOCK": "eq", "USING": "word", "COMMENT": "word", "KEY_BLOCK_SIZE": "eq",
    "ALLOW REVERSE SCANS": "flag", "DISALLOW REVERSE SCANS": "flag", "COLLECT STATISTICS": "flag",
    "COLLECT DETAILED STATISTICS": "flag", "COLLECT SAMPLED DETAILED STATISTICS": "flag", "CLUSTER": "flag",
    "MINPCTUSED": "word", "PAGE SPLIT": "word", "IN": "word", "NOT PARTITIONED": "flag", "PARTITIONED": "flag",
    "EXCLUDE NULL KEYS": "flag", "GLOBAL PARTITION BY": "rest", "KEY INDEX": "word", "STOPLIST": "eq",
    "CHANGE_TRACKING": "eq", "FOR": "rest", "USING XML INDEX": "word", "SPECIFICATION": "flag",
    "UNIQUE WHERE NOT NULL": "flag", "INCLUDE NULL KEYS": "flag",
}
_METHOD_FLAGS = ("BITMAP", "CLUSTERED", "NONCLUSTERED", "COLUMNSTORE", "FULLTEXT", "SPATIAL", "HASH", "XML")


def parse_create_index(ts: TokenStream, word_index: int, flags: set[str], ctx: ParseContext) -> Index:
    start_word = ts.toks[word_index].up
    ts.i = word_index + 1  # after INDEX
    if start_word != "INDEX":  # FULLTEXT INDEX / XML INDEX / SEARCH INDEX (two-word object names)
        ts.i = word_index + 2
        if start_word == "SELECTIVE":
            ts.i = word_index + 3
    ts.accept("CONCURRENTLY")
    ts.accept("IF", "NOT", "EXISTS")
    name = None
    if not ts.at("ON"):
        name = ts.name()
    # Teradata: CREATE INDEX name (cols) ON t
    td_cols = None
    if ts.at("(") and ctx.splitter == "teradata":
        td_cols = ts.i
        ts.group()
    ts.expect("ON")
    ts.accept("ONLY")
    table_name = ts.name()
    tschema, tname, _q, _extra = ctx.qualify(table_name)
    if name is not None:
        schema, obj, quoted, _ = ctx.qualify(name)
        schema = schema if len(name.parts) > 1 else tschema
    else:
        schema, obj, quoted = tschema, "", False
    methods = [f for f in _METHOD_FLAGS if f in flags]
    if start_word in ("FULLTEXT", "XML", "SEARCH", "SELECTIVE"):
        methods.append(start_word)
    method = " ".join(m.lower() for m in methods) or None
    if "PRIMARY" in flags and "XML" in flags:
        method = "primary xml"
    idx = Index(kind="index", schema=schema, name=obj, location=ctx.location(), quoted=quoted,
                table_schema=tschema, table_name=tname, unique="UNIQUE" in flags, method=method)
    if ts.at("USING") and ctx.splitter in ("postgres", "redshift", "mysql"):
        ts.i += 1
        idx.options["USING"] = ts.next().text.lower()
        if ctx.splitter != "mysql":
            idx.method = idx.options["USING"]
    keys_at = ts.i if ts.at("(") else td_cols
    if keys_at is not None:
        save = ts.i
        ts.i = keys_at
        first, last = ts.group()
        if idx.method and "fulltext" in idx.method:
            # SQL Server: (col [TYPE COLUMN c] [LANGUAGE n] [STATISTICAL_SEMANTICS], ...)
            from migplan.model.schema import IndexColumn

            for a, b in ts.split_commas(first, last):
                sub = ts.sub(a, b)
                idx.columns.append(IndexColumn(ctx.column_name(sub.name())))
                if not sub.at_end:
                    idx.options.setdefault("column options", "")
                    idx.options["column options"] += sub.rest_text() + "; "
        else:
            for a, b in ts.split_commas(first, last):
                sub = ts.sub(a, b)
                period = period_without_overlaps(sub, ctx)
                if period:
                    idx.attrs["without_overlaps"] = period  # Db2: (id, BUSINESS_TIME WITHOUT OVERLAPS)
                    continue
                idx.columns.append(read_index_column(sub, ctx))
        if td_cols is not None:
            ts.i = save
    while not ts.at_end:
        before = ts.i
        if ts.at("WHERE"):
            ts.i += 1
            first, last = ts.until({"WITH", "ON", "TABLESPACE", "INCLUDE"}, stop_punct="")
            idx.where = ts.span_text(first, last)
            ctx.check_expression(idx.where, "index filter")
        if ts.at("INCLUDE") and ts.up(1) == "(":
            ts.i += 1
            first, last = ts.group()
            idx.include = [ctx.column_name(ts.sub(a, b).name()) for a, b in ts.split_commas(first, last)]
        read_options(ts, [INDEX_OPTIONS], idx.options)
        if ts.i == before:
            break
    if "INDEXTYPE IS" in idx.options:
        idx.method = "domain"
    if "LOCAL" in idx.options:
        idx.attrs["partitioned"] = "local"
    return idx
