"""Text for users cites the public AWS page, never the team's internal notes.

Maintainers cite sections of the checked-facts sheet (``aws_dms_sct.md §4.6``) and the peer study
(``peers.md §1``) in code; users have neither. :func:`public` turns such references into the AWS
page each section was checked against (``migplan/data/aws_pages.toml``) and drops references to the
peer study. ``scripts/cite_aws_pages.py`` applies it to the rule docs and data files once; text
built at run time (runbook reasons, matrix notes) goes through it when it is shown.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

_SECTION = r"§\s*(\d+(?:\.\d+)*)\.?"
_LIST = rf"{_SECTION}(?:(?:\s*,\s*|\s+and\s+|\s*/\s*){_SECTION})*"
_PEERS = re.compile(rf"\s*\(peers\.md\s*{_LIST}[^)]*\)")
_REF = re.compile(rf"(?:aws_dms_sct\.md\s*)?{_LIST}")


@cache
def pages() -> dict[str, str]:
    return tomllib.loads(resources.files("migplan.data").joinpath("aws_pages.toml").read_text("utf-8"))


def page(section: str) -> str:
    """The AWS page behind a section (the nearest enclosing section that names one)."""
    known = pages()
    while section not in known and "." in section:
        section = section.rsplit(".", 1)[0]
    if section not in known:
        raise KeyError(f"no AWS page for §{section}: add it to migplan/data/aws_pages.toml")
    return known[section]


def public(text: str) -> str:
    """``text`` with internal references replaced by the AWS pages they stand for."""
    text = _PEERS.sub("", text)

    def repl(m: re.Match[str]) -> str:
        sections = re.findall(_SECTION, m.group(0))
        return ", ".join(dict.fromkeys(page(s) for s in sections))

    return _REF.sub(repl, text).replace("aws_dms_sct.md", "the AWS DMS and SCT user guides")


_PAREN = re.compile(rf"\s*\((?:aws_dms_sct\.md|peers\.md)\s*{_LIST}[^)]*\)")


def strip_refs(text: str) -> str:
    """``text`` without parenthesised internal references, where the pages are cited beside it."""
    return _PAREN.sub("", text)
