"""Finding script files and reading them as text, with their encoding detected and reported.

Every later stage refers to a file by its display path and to a place in it by a 1-based line
number; line endings are normalised to ``\\n`` here so those numbers match what an editor shows.
"""

from __future__ import annotations

import codecs
import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

# Extensions we read as SQL scripts when walking a folder. Oracle projects name files by object
# kind (.pks/.pkb package spec/body, .tps/.tpb type spec/body, .prc, .fnc, .trg, .vw, .tab ...).
SQL_EXTENSIONS = frozenset(
    [
        ".sql", ".ddl", ".dml", ".pks", ".pkb", ".pkg", ".pls", ".plb", ".prc", ".proc", ".fnc", ".func", ".trg",
        ".vw", ".tab", ".seq", ".syn", ".typ", ".tps", ".tpb", ".con", ".idx", ".ind", ".grt", ".db2", ".cql",
        ".btq", ".bteq", ".tsql", ".psql", ".pgsql", ".mysql",
    ]
)

# Control characters other than white space: many of them mean binary data (a regex counts them
# an order of magnitude faster than a loop, which matters when a big code base is scanned).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")

# Bytes 0x81 0x8D 0x8F 0x90 0x9D are undefined in cp1252; a file with them is read as latin-1.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


@dataclass
class SourceFile:
    """One script as text. ``path`` is what reports show; ``abspath`` is where it was read."""

    path: str
    abspath: str
    text: str
    encoding: str
    problems: list[FileProblem] = field(default_factory=list)
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            starts = [0]
            find = self.text.find
            pos = find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = find("\n", pos + 1)
            self._line_starts = starts
        return self._line_starts

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect_right(self.line_starts, offset)

    def line_text(self, line: int) -> str:
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[start:end]


class UnreadableFile(Exception):
    """The file is not text (binary junk) or cannot be opened."""


class FileProblem(str):
    """A problem found while reading a file: its message, with the line it is about when known."""

    line: int | None
    code: str

    def __new__(cls, message: str, line: int | None = None, code: str = "INPUT-ENCODING") -> FileProblem:
        obj = super().__new__(cls, message)
        obj.line = line
        obj.code = code
        return obj


# A text file may hold a stray NUL byte (a bad export, a copy-paste); more than this share of
# control characters means binary data.
_MAX_CONTROL_SHARE = 0.02
_NUL_LINES_SHOWN = 5


def decode(data: bytes) -> tuple[str, str, list[FileProblem]]:
    """Return (text, encoding name, problems). Raise UnreadableFile for binary data."""
    problems: list[FileProblem] = []
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name.replace("-sig", ""))
            except UnicodeDecodeError as err:
                raise UnreadableFile(f"starts with a {name} byte-order mark but is not valid {name}: {err}") from err
            return _check_text(text, name, problems)
    if data and b"\x00" in data[:4096]:
        guess = _utf16_without_bom(data)
        if guess:
            text = data.decode(guess, errors="replace")
            problems.append(FileProblem(f"no byte-order mark; decoded as {guess} from its NUL-byte pattern"))
            return _check_text(text, guess, problems)
        # not UTF-16: a few NUL bytes in a text file are reported by line; many mean binary data
    try:
        return _check_text(data.decode("utf-8"), "utf-8", problems)
    except UnicodeDecodeError as err:
        bad_line = data.count(b"\n", 0, err.start) + 1
        if any(b in _CP1252_UNDEFINED for b in data):
            enc = "latin-1"
        else:
            enc = "cp1252"
        problems.append(FileProblem(
            f"not valid UTF-8 (first bad byte 0x{data[err.start]:02x} on line {bad_line}); "
            f"read as legacy single-byte {enc}: check accented characters", bad_line
        ))
        return _check_text(data.decode(enc), enc, problems)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.3 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.3 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _check_text(text: str, encoding: str, problems: list[FileProblem]) -> tuple[str, str, list[FileProblem]]:
    sample = text[:8192]
    if sample:
        control = len(_CONTROL.findall(sample))
        if control > _MAX_CONTROL_SHARE * len(sample) or (
                "\x00" in text and text.count("\x00") > _MAX_CONTROL_SHARE * len(text)):
            raise UnreadableFile(
                f"binary data, not a script (more than {_MAX_CONTROL_SHARE:.0%} of its characters are control "
                "characters such as NUL bytes)"
            )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        problems.extend(_nul_problems(text))
        text = text.replace("\x00", " ")  # same length: every later offset and line still matches
    return text, encoding, problems


def _nul_problems(text: str) -> list[FileProblem]:
    """One problem per line holding NUL bytes (the first few), so the user can find and fix them."""
    lines: list[int] = []
    line, last = 1, 0
    pos = text.find("\x00")
    while pos != -1:
        line += text.count("\n", last, pos)  # counted from the previous NUL: one pass over the text
        last = pos
        if not lines or lines[-1] != line:
            lines.append(line)
        pos = text.find("\x00", pos + 1)
    out = [FileProblem(f"NUL byte on line {line}: read as a space; the rest of the file is read normally", line)
           for line in lines[:_NUL_LINES_SHOWN]]
    if len(lines) > _NUL_LINES_SHOWN:
        out.append(FileProblem(f"NUL bytes on {len(lines) - _NUL_LINES_SHOWN} more lines (read as spaces)",
                               lines[_NUL_LINES_SHOWN]))
    return out


def read_source(path: str | os.PathLike, display: str | None = None) -> SourceFile:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as err:
        raise UnreadableFile(f"cannot read: {err.strerror or err}") from err
    text, encoding, problems = decode(data)
    return SourceFile(path=display or str(path), abspath=str(p.resolve()), text=text, encoding=encoding,
                      problems=problems)


def source_from_text(text: str, path: str = "<string>") -> SourceFile:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceFile(path=path, abspath=path, text=text, encoding="str")


def discover(paths: str | os.PathLike | list[str | os.PathLike]) -> tuple[list[tuple[Path, str]], list[str]]:
    """Expand files and folders into (file, display path) pairs, sorted; also return skipped files.

    Display paths are relative to the folder given (or the file name for a single file), so the
    same input gives the same report wherever it sits on disk.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    found: list[tuple[Path, str]] = []
    skipped: list[str] = []
    for raw in paths:
        root = Path(raw)
        if root.is_file():
            found.append((root, root.name))
        elif root.is_dir():
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    f = Path(dirpath) / name
                    rel = f.relative_to(root).as_posix()
                    if f.suffix.lower() in SQL_EXTENSIONS:
                        found.append((f, rel))
                    elif not name.startswith(".") and f.suffix.lower() not in {".md", ".txt", ".rst"}:
                        skipped.append(rel)
        else:
            raise FileNotFoundError(f"no such file or folder: {raw}")
    found.sort(key=lambda fr: fr[1])
    return found, skipped
