"""One application file: its language, its statements (with the raw names they touch).

Runs in worker processes too: everything here takes and returns plain, picklable data.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from migplan.app import esql
from migplan.app.apis import SPECS
from migplan.app.extract import HOLE, LIT, VALUE, Extractor, Found, Piece
from migplan.app.lexers import c as c_lexer
from migplan.app.lexers import csharp, go, java, javascript, mybatis, php, python
from migplan.app.sqlcheck import STARTS, RawRef, Verdict, first_word, judge
from migplan.app.sqltext import BRACE_BINDS, FORMAT_BRACES, FORMAT_PERCENT, mark
from migplan.ingest.files import SQL_EXTENSIONS, UnreadableFile, read_source
from migplan.ingest.split import split_source
from migplan.model.app import (
    CONCATENATION,
    DYNAMIC,
    FORMAT,
    LITERAL,
    AppFile,
    AppStatement,
    Placeholder,
    Splice,
)

LANGUAGES = {
    ".java": "java", ".cs": "csharp", ".py": "python", ".pyw": "python", ".php": "php", ".phtml": "php",
    ".js": "javascript", ".jsx": "javascript", ".mjs": "javascript", ".cjs": "javascript",
    ".ts": "typescript", ".tsx": "typescript", ".mts": "typescript", ".cts": "typescript", ".go": "go",
    ".c": "c", ".h": "c", ".cc": "c", ".cpp": "c", ".cxx": "c", ".hpp": "c", ".hh": "c", ".hxx": "c",
    ".pc": "proc", ".pcc": "proc", ".sqc": "proc", ".sqx": "proc", ".ec": "proc", ".pgc": "proc",
    ".xml": "xml",
    **{ext: "sql" for ext in SQL_EXTENSIONS},
}
_LEXERS = {"java": java, "csharp": csharp, "python": python, "php": php, "javascript": javascript,
           "typescript": javascript, "go": go, "c": c_lexer, "proc": c_lexer}
_SPECS = {**SPECS, "proc": replace(SPECS["c"], language="proc")}
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages", "bower_components"})
MAX_BYTES = 8 << 20  # a bigger file is generated or minified code


def discover(root: Path) -> list[tuple[Path, str, str]]:
    """(file, display path, language) of every file the scan reads, sorted by display path."""
    if root.is_file():
        lang = LANGUAGES.get(root.suffix.lower())
        return [(root, root.name, lang)] if lang else []
    if not root.is_dir():
        raise FileNotFoundError(f"no such file or folder: {root}")
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS)
        for name in filenames:
            lang = LANGUAGES.get(Path(name).suffix.lower())
            if lang and not name.startswith("."):
                f = Path(dirpath) / name
                out.append((f, f.relative_to(root).as_posix(), lang))
    out.sort(key=lambda t: t[1])
    return out


Result = tuple[AppFile, list[tuple[AppStatement, tuple[RawRef, ...]]]]


def scan_files(batch: list[tuple[str, str, str]], sqlglot_dialect: str, splitter: str) -> list[Result | None]:
    """Scan files (absolute path, display path, language); None for an XML file that is no mapper."""
    return [scan_file(Path(p), d, lang, sqlglot_dialect, splitter) for p, d, lang in batch]


def scan_file(path: Path, display: str, language: str, sqlglot_dialect: str, splitter: str) -> Result | None:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise UnreadableFile(f"larger than {MAX_BYTES >> 20} MB: generated or minified code, not read")
        src = read_source(path, display)
    except UnreadableFile as err:
        return AppFile(display, language, "unreadable", 0, 0, [f"file skipped: {err}"]), []
    if language == "xml":
        if not mybatis.is_mapper(src.text):
            return None
        language = "java"
        return _mapper(src, sqlglot_dialect)
    record = AppFile(display, language, src.encoding, src.line_count, 0, list(src.problems))
    if language == "sql":
        return _script(src, record, sqlglot_dialect, splitter)
    lexed = _LEXERS[language].tokenize(src.text)
    for offset, message in lexed.problems:
        record.problems.append(f"line {src.line_of(offset)}: {message}")
    spec = _SPECS[language]
    out: list[tuple[AppStatement, tuple[RawRef, ...]]] = []
    for found in Extractor(spec, src.text, lexed.tokens).run():
        st = statement_of(found, src, language, sqlglot_dialect)
        if st is not None:
            out.append(st)
    for tok in lexed.tokens:
        if tok[0] == "esql":
            st = _esql(tok, src, language, sqlglot_dialect)
            if st is not None:
                out.append(st)
    out.sort(key=lambda s: (s[0].line, s[0].column))
    record.statements = len(out)
    return record, out


def statement_of(found: Found, src, language: str, sqlglot_dialect: str) -> tuple[AppStatement, tuple] | None:
    if found.dropped or (found.consumed and not found.linked):
        return None
    routine = found.takes == "routine" or "maybe routine" in found.flags
    head = _head(found.pieces)
    if not routine and not head.startswith("{") and first_word(head) not in STARTS:
        return None  # the cheap test first: most strings of a program are not SQL
    binds = "binds" in found.flags
    sql, splices, placeholders = render(found.pieces, binds)
    formats = frozenset(found.flags & {FORMAT_PERCENT, FORMAT_BRACES, BRACE_BINDS})
    at_api = found.linked and found.takes != "jpql"
    marked, verdict = _read(sql, tuple(splices), tuple(placeholders), language, formats, sqlglot_dialect, at_api,
                            routine)
    if not verdict.is_sql:
        return None
    return _statement(src, found.start, found.end, language, found.api, construction(found), marked, verdict,
                      family=found.family)


@lru_cache(maxsize=1 << 14)
def _read(sql: str, splices: tuple[Splice, ...], placeholders: tuple[Placeholder, ...], language: str,
          formats: frozenset[str], sqlglot_dialect: str, at_api: bool, routine: bool):
    """Placeholders found and the verdict: the same string (a label, a log text) recurs in code."""
    marked = mark(sql, language, list(splices), set(formats), known_placeholders=list(placeholders),
                  dialect=sqlglot_dialect)
    return marked, judge(marked.masked, sqlglot_dialect, at_api, routine)


def _head(pieces: list[Piece]) -> str:
    """The start of the text, enough for its first word ({call ...} and comments included)."""
    out = []
    size = 0
    for kind, text, shown in pieces:
        out.append(text if kind == LIT else shown)
        size += len(out[-1])
        if size > 200:
            break
    return "".join(out).lstrip()


def construction(found: Found) -> str:
    kinds = {p[0] for p in found.pieces}
    binds = "binds" in found.flags
    if VALUE in kinds:
        return DYNAMIC
    if (HOLE in kinds and not binds) or found.flags & {FORMAT_PERCENT, FORMAT_BRACES}:
        return FORMAT
    if found.flags & {"concat", "builder"} or (not binds and sum(1 for p in found.pieces if p[0] == LIT) > 1):
        return CONCATENATION
    return LITERAL


def render(pieces: list[Piece], binds: bool) -> tuple[str, list[Splice], list[Placeholder]]:
    """The SQL text of the pieces, with the spans of what the code pastes in, trimmed."""
    pieces = list(pieces)
    if pieces and pieces[0][0] == LIT:
        t = pieces[0][1].lstrip()
        pieces[0] = (LIT, t, t)
    if pieces and pieces[-1][0] == LIT:
        t = pieces[-1][1].rstrip()
        pieces[-1] = (LIT, t, t)
    out: list[str] = []
    splices: list[Splice] = []
    placeholders: list[Placeholder] = []
    pos = 0
    for kind, text, shown in pieces:
        if kind == LIT:
            out.append(text)
            pos += len(text)
            continue
        if kind == HOLE and binds:
            placeholders.append(Placeholder(shown, "${}" if shown.startswith("$") else "{}", text, pos))
        else:
            splices.append(Splice(shown, text, pos))
        out.append(shown)
        pos += len(shown)
    return "".join(out), splices, placeholders


def _statement(src, start: int, end: int, language: str, api: str | None, how: str, marked,
               verdict: Verdict, line: int | None = None, column: int | None = None,
               family: str | None = None) -> tuple[AppStatement, tuple]:
    if line is None:
        line = src.line_of(start)
        column = start - src.line_starts[line - 1] + 1
    st = AppStatement(
        file=src.path, line=line, column=column or 1, end_line=max(line, src.line_of(max(start, end - 1))),
        language=language, api=api, api_family=family, construction=how, sql=marked.sql, kind=verdict.kind,
        parse_status=verdict.status, message=verdict.message, placeholders=list(marked.placeholders),
        splices=list(marked.splices),
    )
    return st, verdict.refs


def _esql(tok, src, language: str, sqlglot_dialect: str) -> tuple[AppStatement, tuple] | None:
    _, start, end, sql, word = tok
    what = esql.classify(sql, word)
    if what is None:
        return None
    body, kind, note = what
    marked = mark(sql, language, [], set(), host_vars=True)
    if body:
        inner = mark(body, language, [], set(), host_vars=True)
        verdict = judge(inner.masked, sqlglot_dialect, True)
        if not verdict.is_sql:
            verdict = Verdict(True, kind or "other", esql.STATUS_OPAQUE, "not read as SQL of the source dialect")
    else:
        verdict = Verdict(True, kind, esql.STATUS_OPAQUE, note)
    if kind and verdict.kind != kind:
        verdict = Verdict(True, kind, verdict.status, verdict.message or note, verdict.refs)
    return _statement(src, start, end, language, "EXEC SQL", LITERAL, marked, verdict, family="embedded SQL")


def _script(src, record: AppFile, sqlglot_dialect: str, splitter: str) -> Result:
    out: list[tuple[AppStatement, tuple]] = []
    for stmt in split_source(src, splitter):
        if stmt.kind != "sql" or not stmt.text.strip():
            continue
        marked = mark(stmt.text, "sql", [], set())
        verdict = judge(marked.masked, sqlglot_dialect, True)
        if verdict.is_sql:
            out.append(_statement(src, stmt.start, stmt.end, "sql", "script", LITERAL, marked, verdict,
                                  family="SQL script"))
    record.statements = len(out)
    return record, out


def _mapper(src, sqlglot_dialect: str) -> Result:
    statements, problems = mybatis.read_mapper(src.text)
    record = AppFile(src.path, "java", src.encoding, src.line_count, 0,
                     list(src.problems) + [f"line {ln}: {msg}" for ln, msg in problems])
    out: list[tuple[AppStatement, tuple]] = []
    for ms in statements:
        marked = mark(ms.sql, "java", [], set(), mybatis=True)
        verdict = judge(marked.masked, sqlglot_dialect, True)
        if not verdict.is_sql:
            continue
        how = DYNAMIC if ms.dynamic or marked.splices else LITERAL
        out.append(_statement(src, 0, 0, "java", f"MyBatis <{ms.tag}>", how, marked, verdict,
                              line=ms.line, column=ms.column, family="MyBatis"))
    record.statements = len(out)
    return record, out


__all__ = ["LANGUAGES", "Found", "discover", "scan_file", "scan_files"]
