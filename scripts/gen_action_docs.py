"""Write docs/actions.md, the action-item catalog's documentation page, from the rule registry.

Every code in ``migplan/analyze/actions/rules/<family>/<CODE>_<slug>.py`` gets a row in the index
and a section rendered from its class attributes and docstring sections (What it detects, Why it
matters, Example, Typical rewrite, Effort, References). The output depends on the registry only:
same catalog, byte-identical page. tests/test_docs.py fails when the committed page drifts.

    .venv/bin/python scripts/gen_action_docs.py            # rewrite docs/actions.md
    .venv/bin/python scripts/gen_action_docs.py --check    # exit 1 if docs/actions.md is out of date
    .venv/bin/python scripts/gen_action_docs.py -o FILE    # write elsewhere
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from anywhere, without an installed migplan
    sys.path.insert(0, str(ROOT))

from migplan.analyze import actions  # noqa: E402
from migplan.analyze.actions.base import EFFORTS, SEVERITIES, Rule  # noqa: E402
from migplan.analyze.config import DEFAULT_EFFORT  # noqa: E402

OUTPUT = ROOT / "docs" / "actions.md"
REGENERATE = ".venv/bin/python scripts/gen_action_docs.py"

# rules/<family>/ folder -> title, in the order the page lists them; a new folder is added after
# these, titled after its name, so the page never silently drops a family.
FAMILIES = {
    "input": "Input",
    "types": "Data types",
    "tables": "Tables",
    "constraints": "Constraints",
    "indexes": "Indexes",
    "sequences": "Sequences and identity",
    "names": "Names",
    "sql": "Views and SQL",
    "views": "Views",
    "code": "Procedural code",
    "oracle": "Oracle PL/SQL",
    "tsql": "SQL Server T-SQL",
    "mysql": "MySQL stored programs",
    "postgres": "PostgreSQL",
    "triggers": "Triggers",
    "fdm": "Functional differences",
    "dms": "DMS readiness",
    "verify": "Verification",
}

RAISED_BY = {
    "rule": "a check of the source objects (this rule's own `check`)",
    "converter": "the converter, while it writes the target DDL",
    "verifier": "verification on a real target engine (`assess --verify`, `a.verify()`)",
    "input": "the input reader (files, statements the parser could not read)",
    "names": "the name mapping (reserved words, lengths, case, collisions)",
}

PROSE_SECTIONS = ("What it detects", "Why it matters")

# a line of a docstring paragraph that opens a Markdown list item
_BULLET = re.compile(r"^[-*] ")
# code spans as the docstrings write them: ``x`` (reStructuredText) or `x`
_CODE_SPAN = re.compile(r"(``.+?``|`[^`\n]+`)")


# ------------------------------------------------------------------ model


def family_of(rule: type[Rule]) -> str:
    """The rules/<family>/ folder a rule's module lives in."""
    parts = rule.__module__.split(".")
    return parts[-2] if len(parts) >= 2 and parts[-2] != "rules" else "other"


def grouped() -> list[tuple[str, str, list[type[Rule]]]]:
    """(family folder, title, rules sorted by code), families in page order."""
    by_family: dict[str, list[type[Rule]]] = {}
    for code in sorted(actions.all_rules()):
        rule = actions.all_rules()[code]
        by_family.setdefault(family_of(rule), []).append(rule)
    order = [f for f in FAMILIES if f in by_family] + sorted(f for f in by_family if f not in FAMILIES)
    return [(f, FAMILIES.get(f, f.replace("_", " ").capitalize()), by_family[f]) for f in order]


def anchor(code: str) -> str:
    return code.lower()


def pairs(rule: type[Rule]) -> str:
    """Source -> target engine families the rule applies to; 'any' for an empty list. A rule of one
    engine names the engine; engines with a rule of their own instead are named after 'not'."""
    if not rule.sources and not rule.targets and not rule.engines:
        return "any"
    source = ", ".join(rule.engines or rule.sources) or "any"
    if rule.except_engines:
        source += f" (not {', '.join(rule.except_engines)})"
    return f"{source} → {', '.join(rule.targets) or 'any'}"


# ------------------------------------------------------------------ Markdown helpers


_MARKUP = re.compile(
    r"\\(?=[!-/:-@\[-`{-~])"  # a backslash that would escape the next character
    r"|[*`~]"  # emphasis, stray backticks, strikethrough
    r"|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])"  # underscores that could open or close emphasis (not snake_case)
    r"|\](?=[(\[:])"  # the end of a link text
    r"|<(?=[A-Za-z/!?])"  # raw HTML and autolinks
    r"|&(?=#?\w+;)"  # entity references
)
# a paragraph start that opens a block: heading, quote, list, thematic break, fence, table row
_BLOCK_START = re.compile(r"^(#{1,6}(\s|$)|>|[-+*](\s|$)|\d{1,9}[.)](\s|$)|={3,}|-{3,}|~{3,}|\|)")


def _escape_text(text: str) -> str:
    """Escape what GitHub Markdown would read as markup in plain prose (outside code spans)."""
    return _MARKUP.sub(lambda m: "\\" + m.group(0), text)


def _block_safe(line: str) -> str:
    """A rendered paragraph or list item that would open another block starts escaped."""
    m = _BLOCK_START.match(line)
    if not m:
        return line
    if line[0].isdigit():  # "1. text": escape the delimiter
        i = len(m.group(0).rstrip()) - 1
        return line[:i] + "\\" + line[i:]
    return "\\" + line


def inline(text: str) -> str:
    """One line of prose: code spans kept (``x`` becomes `x`), the rest escaped."""
    out = []
    for n, part in enumerate(_CODE_SPAN.split(text)):
        if n % 2:
            inner = part[2:-2] if part.startswith("``") else part[1:-1]
            fence = "``" if "`" in inner else "`"
            pad = " " if inner.startswith("`") or inner.endswith("`") else ""
            out.append(f"{fence}{pad}{inner}{pad}{fence}")
        else:
            out.append(_escape_text(part))
    return "".join(out)


def cell(text: str) -> str:
    """Text for a table cell: one line, pipes escaped."""
    return inline(" ".join(text.split())).replace("|", "\\|")


def _paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]


def prose(text: str) -> str:
    """Docstring prose as Markdown: paragraphs joined into single lines, '- ' lists kept as lists.

    Lines are joined so that a wrapped line starting with '#', '-', '1.' or '=' can never turn into
    a heading, a list or a rule."""
    blocks = []
    for para in _paragraphs(text):
        items: list[list[str]] = []
        is_list = bool(_BULLET.match(para.lstrip()))
        for line in para.splitlines():
            stripped = line.strip()
            if is_list and _BULLET.match(stripped) and not line[:1].isspace():
                items.append([stripped[2:]])
            elif items:
                items[-1].append(stripped)
            else:
                items.append([stripped])
        if is_list:
            blocks.append("\n".join(f"- {_block_safe(inline(' '.join(i)))}" for i in items))
        else:
            blocks.append(_block_safe(inline(" ".join(" ".join(i) for i in items))))
    return "\n\n".join(blocks)


def code_block(text: str, lang: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}{lang}\n{text.rstrip()}\n{fence}"


def _is_prose(para: str) -> bool:
    """A 'Typical rewrite' paragraph is prose when it ends like a sentence; code (SQL, DMS JSON,
    endpoint settings) ends with ';', ')', '}' or a keyword."""
    end = para.rstrip()
    # "... END IF; ..." ends code with an ellipsis; "= ...." is an ellipsis closing a sentence
    return end.endswith(".") and (not end.endswith("...") or end.endswith("...."))


def _lang(code: str) -> str:
    head = code.lstrip()
    if head.startswith(("{", "[")):
        return "json"
    if re.match(r"^[A-Za-z]\w*=\S", head):  # endpoint extra connection attributes
        return "text"
    return "sql"


def rewrite(text: str) -> str:
    """'Typical rewrite': prose paragraphs as text, the others as code blocks."""
    blocks = []
    for para in _paragraphs(text):
        blocks.append(prose(para) if _is_prose(para) else code_block(para, _lang(para)))
    return "\n\n".join(blocks)


# ------------------------------------------------------------------ page


def _intro(total: int, families: list) -> list[str]:
    effort_rows = []
    for bucket in EFFORTS:
        low, high = DEFAULT_EFFORT[bucket]["per"]
        learning = DEFAULT_EFFORT[bucket]["learning"]
        per = f"{low:g} h" if low == high else f"{low:g}–{high:g} h"
        effort_rows.append(f"| {bucket} | {per} | {learning:g} h |")
    return [
        "# Action items",
        "",
        f"<!-- Generated by scripts/gen_action_docs.py from the rule registry. Do not edit: run {REGENERATE} -->",
        "",
        f"Every code migplan can raise: {total} codes in {len(families)} families. Each code is one class in "
        "`migplan/analyze/actions/rules/<family>/<CODE>_<slug>.py`; its docstring is the text below. In a "
        "notebook, `migplan.analyze.actions.get(\"SQL010\")` returns the rule, and an assessment lists its items "
        "with `a.action_items.frame()`; `migplan assess -o DIR` writes them to `assessment.json` and "
        "`action_items.csv`.",
        "",
        "Codes are stable: a code is never reused. Severity and effort are the defaults; a configuration file "
        "(`migplan assess --config`) can change them per code, change the hours per bucket, or suppress items.",
        "",
        f"- **Severity**: {', '.join(SEVERITIES)}.",
        "- **Effort**: the bucket of one occurrence, with the default hours (per occurrence, and once per code "
        "for learning it):",
        "",
        "  | Effort | Per occurrence | Learning |",
        "  |---|---|---|",
        *[f"  {row}" for row in effort_rows],
        "",
        "- **Applies to**: source → target engine families the code can be raised for (`any`: every family).",
        "- **Raised by**:",
        *[f"  - `{k}`: {v}" for k, v in RAISED_BY.items()],
        "",
    ]


def _index(families: list) -> list[str]:
    lines = ["## Index", ""]
    for family, title, rules in families:
        lines += [f"### {title}", "", f"`rules/{family}/`", "",
                  "| Code | Name | Severity | Effort | Category | Applies to | Raised by | Summary |",
                  "|---|---|---|---|---|---|---|---|"]
        for r in rules:
            lines.append(f"| [{r.code}](#{anchor(r.code)}) | `{r.name}` | {r.severity} | {r.effort} | {r.category} "
                         f"| {cell(pairs(r))} | {r.raised_by} | {cell(r.summary())} |")
        lines.append("")
    return lines


def _section(r: type[Rule]) -> list[str]:
    sections = r.sections()
    facts = [("Severity", r.severity), ("Effort", r.effort), ("Category", r.category),
             ("Applies to", pairs(r)), ("Raised by", r.raised_by)]
    if r.kinds:
        facts.append(("Looks at", ", ".join(r.kinds)))
    if r.status != "stable":
        facts.append(("Status", r.status))
    lines = [f'<a id="{anchor(r.code)}"></a>', "", f"### {r.code} `{r.name}`", "", inline(r.summary()), "",
             "| " + " | ".join(k for k, _ in facts) + " |", "|" + "---|" * len(facts),
             "| " + " | ".join(cell(v) for _, v in facts) + " |", ""]
    for name in PROSE_SECTIONS:
        if sections.get(name):
            lines += [f"**{name}**", "", prose(sections[name]), ""]
    if sections.get("Example"):
        lines += ["**Example**", "", code_block(sections["Example"], "sql"), ""]
    if sections.get("Typical rewrite"):
        lines += ["**Typical rewrite**", "", rewrite(sections["Typical rewrite"]), ""]
    for name in ("Effort", "References"):
        if sections.get(name):
            lines += [f"**{name}**", "", prose(sections[name]), ""]
    if r.sct:
        lines += [f"**SCT action codes**: {', '.join(cell(s) for s in r.sct)}", ""]
    if r.dms:
        lines += [f"**DMS premigration assessment**: {', '.join(f'`{k}`' for k in r.dms)}", ""]
    return lines


def render() -> str:
    families = grouped()
    total = sum(len(rules) for _, _, rules in families)
    lines = _intro(total, families) + _index(families)
    for family, title, rules in families:
        lines += [f"## {title}", "", f"`rules/{family}/`", ""]
        for r in rules:
            lines += _section(r)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT, help=f"default: {OUTPUT.relative_to(ROOT)}")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the file is out of date")
    args = parser.parse_args(argv)
    new = render()
    old = args.output.read_text("utf-8") if args.output.exists() else None
    if args.check:
        if old != new:
            print(f"{args.output} is out of date: run {REGENERATE}", file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
        return 0
    if old == new:
        print(f"{args.output} is up to date ({len(actions.all_rules())} codes)")
        return 0
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(new, "utf-8")
    print(f"wrote {args.output} ({len(actions.all_rules())} codes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
