"""Rewrite references to the team's checked-facts sheet (``aws_dms_sct.md §4.6``) in user-facing
text as the public AWS page they stand for (migplan/data/aws_pages.toml). Users do not have the
sheet; they can open the page.

    python scripts/cite_aws_pages.py [PATH ...]     # default: migplan/

Only string literals (messages, docstrings) in Python files and values in TOML data files are
rewritten: code comments keep the sheet's section for maintainers.
"""

from __future__ import annotations

import io
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from migplan.citations import public  # noqa: E402

cite = public


def rewrite_python(path: Path) -> bool:
    src = path.read_text("utf-8")
    if "§" not in src and "aws_dms_sct" not in src:
        return False
    out = []
    last = (1, 0)
    lines = src.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))

    def pos(rc: tuple[int, int]) -> int:
        return offsets[rc[0] - 1] + rc[1]

    changed = False
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.type == tokenize.STRING or tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            new = cite(tok.string)
            if new != tok.string:
                out.append(src[pos(last):pos(tok.start)])
                out.append(new)
                last = tok.end
                changed = True
    if changed:
        out.append(src[pos(last):])
        path.write_text("".join(out), encoding="utf-8")
    return changed


def rewrite_toml(path: Path) -> bool:
    src = path.read_text("utf-8")
    new_lines = []
    for line in src.splitlines(keepends=True):
        new_lines.append(line if line.lstrip().startswith("#") else cite(line))
    new = "".join(new_lines)
    if new != src:
        path.write_text(new, encoding="utf-8")
        return True
    return False


def main(args: list[str]) -> int:
    roots = [Path(a) for a in args] or [ROOT / "migplan"]
    for root in roots:
        files = [root] if root.is_file() else sorted(root.rglob("*"))
        for f in files:
            if f.name == "aws_pages.toml":
                continue
            if (f.suffix == ".py" and rewrite_python(f)) or (f.suffix == ".toml" and rewrite_toml(f)):
                print(f"cited pages in {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
