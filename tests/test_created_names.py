"""Every table and routine a script creates is in the inventory.

A scan independent of the parsers: the dialect lexer alone finds each ``CREATE [modifiers] <kind>
<name>`` (and SQL Server's ``ALTER PROCEDURE/FUNCTION/VIEW/TRIGGER`` definitions), also inside the
literal of dynamic SQL run at the top level (``EXEC ('...')``, ``EXECUTE IMMEDIATE '...'``), and
checks that an object of that name is in the inventory. A CREATE inside a procedure, function,
package or trigger body runs when the code runs, not when the script does: those are left out.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import migplan
from migplan import engines
from migplan.ingest.files import read_source
from migplan.ingest.lexer import code_tokens, unquote
from tests.conftest import CORPUS, needs_corpus, sample_dirs

spec = importlib.util.spec_from_file_location(
    "corpus_parse", Path(__file__).parents[1] / "benchmarks" / "corpus_parse.py"
)
corpus_parse = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus_parse)

KINDS = {"TABLE": "table", "VIEW": "view", "PROCEDURE": "procedure", "PROC": "procedure", "FUNCTION": "function",
         "PACKAGE": "package", "TRIGGER": "trigger", "TYPE": "type", "SEQUENCE": "sequence"}
MODIFIERS = {"OR", "REPLACE", "ALTER", "EDITIONABLE", "NONEDITIONABLE", "GLOBAL", "TEMPORARY", "TEMP", "UNLOGGED",
             "FORCE", "NOFORCE", "MATERIALIZED", "FOREIGN", "EXTERNAL", "RECURSIVE", "SECURE", "BODY",
             "MULTISET", "VOLATILE", "DEFINER", "ALGORITHM", "SQL", "SECURITY", "INVOKER", "=", "@", "UNDEFINED",
             "MERGE", "TEMPTABLE", "CURRENT_USER"}
ALTER_DEFINES = {"PROCEDURE", "PROC", "FUNCTION", "VIEW", "TRIGGER"}  # SQL Server: ALTER restates the whole object
PROCEDURAL = ("procedure", "function", "package", "package body", "trigger", "type body")
DYNAMIC = ({"EXEC", "EXECUTE"}, {"IMMEDIATE", "SP_EXECUTESQL", "("})


def created_names(text: str, dialect: str, base: int = 0) -> list[tuple[int, str, str]]:
    """(offset, kind, last name part) of each CREATE in ``text``, dynamic SQL literals included."""
    toks = code_tokens(text, dialect)
    out: list[tuple[int, str, str]] = []
    for i, (kind, start, end) in enumerate(toks):
        word = text[start:end].upper() if kind == "word" else ""
        if kind == "string" and i >= 1 and _after_exec(text, toks, i):
            inner, offset = _literal(text[start:end])
            if inner is not None:
                out.extend(created_names(inner, dialect, base + start + offset))
            continue
        prev = text[toks[i - 1][1]:toks[i - 1][2]].upper() if i else ""
        if word not in ("CREATE", "ALTER") or prev in (".", ",", "GRANT", "REVOKE", "DENY"):
            continue  # GRANT CREATE VIEW TO ...: a privilege, not a statement
        j = i + 1
        while j < len(toks) and (text[toks[j][1]:toks[j][2]].upper() in MODIFIERS or (toks[j][0] == "qident"
                                 and j > i + 1 and text[toks[j - 1][1]:toks[j - 1][2]] in ("=", "@"))):
            j += 1
        if j >= len(toks):
            continue
        what = text[toks[j][1]:toks[j][2]].upper()
        if what not in KINDS or (word == "ALTER" and (dialect != "tsql" or what not in ALTER_DEFINES)):
            continue
        j += 1
        while j < len(toks) and text[toks[j][1]:toks[j][2]].upper() in ("IF", "NOT", "EXISTS", "BODY"):
            j += 1
        name = _name(text, toks, j)
        if name:
            out.append((base + start, KINDS[what], name))
    return out


def _after_exec(text: str, toks, i: int) -> bool:
    prev = [text[s:e].upper() for _k, s, e in toks[max(0, i - 2):i]]
    return bool(prev) and ((prev[-1] in DYNAMIC[1] and any(p in DYNAMIC[0] for p in prev[:-1]))
                           or prev[-1] in ("SP_EXECUTESQL",) or prev[-1] in DYNAMIC[0])


def _literal(tok: str) -> tuple[str | None, int]:
    body = tok[1:] if tok[:1] in "Nn" else tok
    lead = len(tok) - len(body)
    if body[:2] in ("q'", "Q'"):
        return body[3:-2], lead + 3
    if body[:1] == "'":
        return body[1:-1].replace("''", "'"), lead + 1
    return None, 0


def _name(text: str, toks, j: int) -> str | None:
    last = None
    while j < len(toks):
        kind, s, e = toks[j]
        t = text[s:e]
        if kind in ("word", "qident"):
            last = unquote(t)[0]
        elif t == "&" and j + 1 < len(toks):  # SQL*Plus variable as (part of) the schema
            j += 2
            if j < len(toks) and text[toks[j][1]:toks[j][2]] == ".":
                j += 1
            continue
        elif t != "." or last is None:
            break
        j += 1
        if kind in ("word", "qident") and (j >= len(toks) or text[toks[j][1]:toks[j][2]] != "."):
            break
    return last or None


def missing_names(path: Path, engine_name: str) -> list[str]:
    """Names a CREATE of the scripts under ``path`` gives that the inventory does not hold."""
    engine = engines.get(engine_name)
    inv = migplan.load_schema(path, engine_name)
    have: dict[str, set[str]] = {}
    for o in inv.objects:
        have.setdefault(o.name.upper(), set()).add(o.kind)
    by_file: dict[str, list] = {}
    for stmt, rec in zip(inv.statements, inv.records):
        if getattr(stmt, "parent", None) is None:
            by_file.setdefault(stmt.file, []).append((stmt, rec))
    missing = []
    for f in inv.files:
        if f.encoding == "unreadable":
            continue
        spans = by_file.get(f.path, [])
        where = path / f.path if path.is_dir() else path
        text = read_source(where if where.exists() else Path(f.path)).text
        code = [(s.start, s.end) for s, r in spans if r.disposition == "object" and r.kind.split(" ", 1)[-1]
                in PROCEDURAL]
        for offset, kind, name in created_names(text, engine.splitter):
            if any(a <= offset < b for a, b in code):
                continue
            kinds = have.get(name.upper(), set())
            if not kinds & _compatible(kind):
                line = text.count("\n", 0, offset) + 1
                missing.append(f"{f.path}:{line} {kind} {name}")
    return missing


def _compatible(kind: str) -> set[str]:
    return {"table": {"table"}, "view": {"view", "materialized view"}, "procedure": {"procedure"},
            "function": {"function", "aggregate"}, "package": {"package", "package body"},
            "trigger": {"trigger"}, "type": {"type", "type body", "domain"}, "sequence": {"sequence"}}[kind]


UNITS = [(corpus_parse.ENGINES[d], unit) for d in sorted(corpus_parse.ENGINES) if CORPUS.exists()
         for unit in corpus_parse.collections_of(CORPUS, d)]


@needs_corpus
@pytest.mark.corpus
@pytest.mark.parametrize("engine,unit", UNITS, ids=lambda v: str(v.relative_to(CORPUS)) if isinstance(v, Path) else v)
def test_every_created_name_is_in_the_inventory(engine, unit):
    assert missing_names(unit, engine) == []


@pytest.mark.parametrize("engine,folder", sample_dirs(), ids=lambda v: getattr(v, "name", v))
def test_every_created_name_of_the_samples_is_in_the_inventory(engine, folder):
    assert missing_names(folder, engine) == []


def test_the_scan_finds_creates_in_dynamic_sql_and_skips_routine_bodies():
    text = ("IF OBJECT_ID('dbo.p') IS NULL EXEC ('CREATE PROCEDURE dbo.p AS RETURN 0')\nGO\n"
            "ALTER PROCEDURE dbo.p AS SELECT 1\nGO\nCREATE TABLE [s].[t] (a int)\n")
    assert [(k, n) for _o, k, n in created_names(text, "tsql")] == [
        ("procedure", "p"), ("procedure", "p"), ("table", "t")]
    assert created_names("CREATE OR REPLACE PACKAGE BODY &&owner..pkg AS END;", "oracle")[0][1:] == ("package", "pkg")
