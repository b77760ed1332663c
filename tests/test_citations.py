"""Users do not have the team's fact sheet (aws_dms_sct.md) or peer study (peers.md): everything
they read cites the public AWS page instead (migplan/citations.py, migplan/data/aws_pages.toml)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import migplan
from migplan import citations, matrix
from migplan.analyze import actions
from tests.conftest import SAMPLE_PAIRS, SAMPLES

ROOT = Path(__file__).resolve().parents[1]
INTERNAL = re.compile(r"aws_dms_sct|peers\.md|§\s*\d")


def test_every_section_maps_to_an_aws_page():
    for section, url in citations.pages().items():
        assert url.startswith("https://docs.aws.amazon.com/"), (section, url)
    assert citations.public("x (aws_dms_sct.md §7.1, §7.2)") == (
        "x (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.Oracle.html, "
        "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.html)")
    assert citations.strip_refs("SCT converts it (peers.md §1.3).") == "SCT converts it."


def test_rule_docs_cite_public_pages():
    assert not INTERNAL.search((ROOT / "docs" / "actions.md").read_text("utf-8"))
    for code, rule in actions.all_rules().items():
        text = " ".join([rule.summary(), rule.fix(), *rule.sections().values()])
        assert not INTERNAL.search(text), code


@pytest.mark.parametrize("folder,source,target", SAMPLE_PAIRS)
def test_what_an_assessment_says_cites_public_pages(folder, source, target):
    a = migplan.assess(SAMPLES / folder, source, target, progress=False)
    for i in a.action_items.items:
        assert not INTERNAL.search(i.message + " " + i.fix), (i.code, i.message)
    assert not INTERNAL.search(a.plan.runbook())
    assert not INTERNAL.search(a.cdc.markdown())
    from migplan.report.markdown import render_markdown

    assert not INTERNAL.search(render_markdown(a))


def test_matrix_notes_cite_public_pages():
    for c in matrix.all_pairs() if hasattr(matrix, "all_pairs") else []:
        assert not INTERNAL.search(" ".join(c.notes + c.alternatives)), (c.source, c.target)
    for s, t in (("oracle", "aurora-postgresql"), ("teradata", "redshift"), ("mysql", "aurora-mysql"),
                 ("cassandra", "dynamodb"), ("db2-luw", "aurora-postgresql")):
        c = matrix.check(s, t)
        assert not INTERNAL.search(c.explain()), (s, t)
