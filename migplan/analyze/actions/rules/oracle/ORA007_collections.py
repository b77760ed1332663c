from collections.abc import Iterable

from migplan.analyze.actions.base import Rule
from migplan.analyze.actions.rules._code import ROUTINES, hit, is_punct, is_word, statement_words
from migplan.analyze.context import AnalysisContext
from migplan.model.conversion import Finding
from migplan.model.schema import SchemaObject, UserType

_METHODS = {"EXTEND", "TRIM", "DELETE", "EXISTS", "FIRST", "LAST", "PRIOR", "NEXT", "COUNT", "LIMIT"}
_PG_METHODS = {"COUNT": "cardinality(v)", "FIRST": "array_lower(v, 1)", "LAST": "array_upper(v, 1)",
               "EXTEND": "array_append / assignment past the end", "EXISTS": "an index check against cardinality",
               "LIMIT": "the VARRAY size, kept by hand", "DELETE": "v := '{}' or array_remove",
               "TRIM": "v[1:n] slices", "PRIOR": "index - 1", "NEXT": "index + 1"}


class Collections(Rule):
    """PL/SQL collections: associative arrays, nested tables, VARRAYs and their methods.

    What it detects:
        Collection types declared in PL/SQL (``TYPE t IS TABLE OF ... [INDEX BY ...]``,
        ``VARRAY(n) OF``), collection constructors, and the methods (``EXTEND``, ``COUNT``,
        ``DELETE``, ``EXISTS``, ``FIRST``/``LAST``, ``PRIOR``/``NEXT``, ``TRIM``, ``LIMIT``) called on
        variables of those types, including types declared in package specifications and schema-level
        ``CREATE TYPE ... AS TABLE OF / VARRAY``.

    Why it matters:
        PostgreSQL has arrays but no associative arrays: arrays indexed by strings or sparse
        integers become hstore/jsonb values or temporary tables, and every method call is rewritten
        with array functions (``cardinality``, ``array_upper``, ``array_append``). MySQL has no
        collection types at all: the data goes to temporary tables or JSON.

    Example:
        TYPE t_totals IS TABLE OF NUMBER INDEX BY VARCHAR2(30);
        l_totals t_totals;
        IF l_totals.EXISTS(p_region) THEN ...

    Typical rewrite:
        PostgreSQL: nested tables and VARRAYs become arrays (numeric[]); associative arrays become
        jsonb or hstore values, or a temporary table; MySQL: temporary tables (or JSON documents).

        l_totals jsonb := '{}';  IF l_totals ? p_region THEN ...

    Effort:
        Medium per associative array, simple per nested table / VARRAY and per method call;
        significant per type on MySQL.

    References:
        SCT action codes 5118 (associative arrays), 5120 (collection constructors), 5636 (VARRAY of
        VARRAY), 5613 (multi-dimensional arrays), 5587 (EXTEND with arguments), Oracle to PostgreSQL;
        https://docs.aws.amazon.com/dms/latest/oracle-to-aurora-postgresql-migration-playbook/chap-oracle-aurora-pg.tools.actioncode.html
    """

    code = "ORA007"
    name = "collections"
    category = "procedural code"
    severity = "medium"
    effort = "simple"
    sources = ("oracle",)
    kinds = ROUTINES
    sct = ("Oracle->PostgreSQL 5118", "Oracle->PostgreSQL 5120", "Oracle->PostgreSQL 5636",
           "Oracle->PostgreSQL 5613", "Oracle->PostgreSQL 5587")

    def check(self, obj: SchemaObject, ctx: AnalysisContext) -> Iterable[Finding]:
        mysql = ctx.target_family == "mysql"
        ws = statement_words(ctx, obj)
        local = dict(_declared(ws))
        types = {**_known_types(ctx), **local}
        variables: dict[str, str] = {}
        for i, w in enumerate(ws):
            if w.kind == "word" and w.up == "TYPE" and is_word(ws, i + 1) and ws[i + 1].up in local \
                    and is_word(ws, i + 2, "IS", "AS"):
                kind = local[ws[i + 1].up]
                effort = "significant" if mysql else ("medium" if kind == "associative array" else None)
                yield hit(self, obj, ctx, w.line, f"{kind} type {ws[i + 1].text}: " + _type_fix(kind, mysql),
                          source=f"TYPE {ws[i + 1].text}", effort=effort)
                continue
            if w.kind != "word" or w.up not in types:
                continue
            start = i - 2 if is_punct(ws, i - 1, ".") else i  # pkg.t_ids
            j = start - 1
            while is_word(ws, j, "IN", "OUT", "NOCOPY"):
                j -= 1
            if is_word(ws, j) and ws[j].up not in ("TYPE", "OF", "IS", "AS", "RETURN", "RETURNING", "THEN", "ELSE"):
                variables[ws[j].up] = types[w.up]
            elif is_punct(ws, i + 1, "(") and any(is_punct(ws, start - 1, p) for p in ("=", "(", ",")):
                yield hit(self, obj, ctx, w.line, f"collection constructor {w.text}(...): "
                          + ("no collections on MySQL" if mysql else "write an ARRAY[...] literal"),
                          source=f"{w.text}(")
        for i, w in enumerate(ws):
            if (is_punct(ws, i, ".") and i > 0 and ws[i - 1].up in variables and is_word(ws, i + 1)
                    and ws[i + 1].up in _METHODS):
                m = ws[i + 1].up
                args = " with arguments" if m == "EXTEND" and is_punct(ws, i + 2, "(") else ""
                if mysql:
                    fix = "no collections on MySQL"
                elif variables[ws[i - 1].up] == "associative array":
                    fix = "rewrite against what replaces the associative array (jsonb, hstore, table)"
                else:
                    fix = f"use {_PG_METHODS[m]}"
                yield hit(self, obj, ctx, w.line, f"collection method {ws[i - 1].text}.{m}{args}: {fix}",
                          source=f"{ws[i - 1].text}.{ws[i + 1].text}")


def _type_fix(kind, mysql):
    if mysql:
        return "MySQL has no collection types; use a temporary table or JSON"
    if kind == "associative array":
        return "no associative arrays on PostgreSQL; use jsonb/hstore or a temporary table"
    return "becomes a PostgreSQL array"


def _declared(ws):
    """(type name, kind) for TYPE ... IS TABLE OF / VARRAY declarations in these tokens."""
    for i, w in enumerate(ws):
        if not (w.kind == "word" and w.up == "TYPE" and is_word(ws, i + 1) and is_word(ws, i + 2, "IS", "AS")):
            continue
        k = i + 3
        if is_word(ws, k, "TABLE") and is_word(ws, k + 1, "OF"):
            end = next((j for j in range(k, len(ws)) if is_punct(ws, j, ";")), len(ws))
            indexed = any(is_word(ws, j, "INDEX") and is_word(ws, j + 1, "BY") for j in range(k, end))
            yield ws[i + 1].up, "associative array" if indexed else "nested table"
        elif is_word(ws, k, "VARRAY") or (is_word(ws, k, "VARYING") and is_word(ws, k + 1, "ARRAY")):
            yield ws[i + 1].up, "VARRAY"


def _known_types(ctx) -> dict[str, str]:
    """Collection types visible from any routine: package specifications and schema-level types."""
    cached = getattr(ctx, "_ora007_types", None)
    if cached is None:
        cached = {}
        for o in ctx.inventory.objects:
            if o.kind == "package":
                cached.update(_declared(ctx.words(o)))
            elif isinstance(o, UserType) and o.type_kind in ("nested table", "table", "varray"):
                cached[o.name.upper()] = "VARRAY" if o.type_kind == "varray" else "nested table"
        ctx._ora007_types = cached
    return cached
