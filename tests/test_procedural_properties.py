"""Robustness of the procedural parser: whatever a body turns into (lines deleted, duplicated or
swapped, a keyword dropped in, text cut off, an unbalanced quote or parenthesis), parsing never
raises, loses no token and keeps its nodes' lines inside the body; and nesting deeper than the
parser follows becomes an Unknown node with a message, never a RecursionError."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from migplan.parse import procedural as pp
from migplan.parse.procedural.core import MAX_DEPTH
from migplan.parse.procedural.coverage import bad_lines

FIXTURES = Path(__file__).parent / "fixtures" / "procedural"
ENGINES = {"oracle": "oracle", "tsql": "sqlserver", "mysql": "mysql", "db2": "db2-luw", "postgres": "postgresql"}


def _bodies() -> list[tuple[str, str]]:
    out = []
    for path in sorted(FIXTURES.glob("*.yml")):
        doc = yaml.safe_load(path.read_text("utf-8"))
        for case in doc["cases"]:
            if "text" in case:
                out.append((ENGINES[doc["dialect"]], case["text"]))
    return out


BODIES = _bodies()
NOISE = ["END", "END IF;", "BEGIN", "ELSE", "THEN", "LOOP", "(", ")", "'", '"', ";", "CASE", "WHEN", "$IF",
         "<<l>>", "l:", "DECLARE", "EXCEPTION", "/*", "--", "@", ":=", "..", "GO", "$$", "[", "`", "\\"]


@st.composite
def mutated(draw):
    engine, text = draw(st.sampled_from(BODIES))
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "truncate", "cut_line"]))
        k = draw(st.integers(0, max(0, len(lines) - 1)))
        if op == "delete" and len(lines) > 1:
            del lines[k]
        elif op == "duplicate":
            lines.insert(k, lines[k])
        elif op == "swap":
            j = draw(st.integers(0, max(0, len(lines) - 1)))
            lines[k], lines[j] = lines[j], lines[k]
        elif op == "insert":
            col = draw(st.integers(0, len(lines[k])))
            lines[k] = lines[k][:col] + " " + draw(st.sampled_from(NOISE)) + " " + lines[k][col:]
        elif op == "truncate":
            lines = lines[: k + 1]
        elif op == "cut_line":
            col = draw(st.integers(0, len(lines[k])))
            lines[k] = lines[k][:col]
    return engine, "\n".join(lines), draw(st.integers(1, 500))


@settings(max_examples=300, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_bodies_parse_without_loss(case):
    engine, text, line = case
    unit = pp.parse_block(text, engine, line)
    assert pp.lost_tokens(unit) == []
    assert bad_lines(unit) == []
    for node in unit.walk():
        assert node.line >= line or node.tok_end == node.tok_start


GRAMMARS = {
    "oracle": ("BEGIN IF x THEN ", " END IF; END;"),
    "postgres": ("BEGIN IF x THEN ", " END IF; END;"),
    "mysql": ("BEGIN WHILE x DO ", " END WHILE; END"),
    "db2": ("BEGIN LOOP ", " END LOOP; END"),
    "tsql": ("BEGIN IF @x = 1 ", " END"),
}


@pytest.mark.parametrize("dialect", sorted(GRAMMARS))
def test_deep_nesting_becomes_unknown(dialect):
    head, tail = GRAMMARS[dialect]
    depth = MAX_DEPTH * 3
    text = head * depth + "SET @y = 1;" + tail * depth
    unit = pp.parse_block(text, ENGINES[dialect])
    assert any(isinstance(u, pp.Unknown) and "nested deeper" in u.message for u in unit.walk())
    assert any("nesting deeper" in e for e in unit.errors)
    assert pp.lost_tokens(unit) == []


@pytest.mark.parametrize("dialect", sorted(GRAMMARS))
def test_deep_parentheses_in_an_expression(dialect):
    depth = 3000
    x = "@x" if dialect in ("tsql", "mysql") else "x"
    stmt = {"oracle": "x := {};", "postgres": "x := {};", "mysql": "SET @x = {};", "db2": "SET x = {};",
            "tsql": "SET @x = {}"}[dialect].format("(" * depth + "1" + ")" * depth)
    unit = pp.parse_block(stmt, ENGINES[dialect])
    assign = unit.find(pp.Assignment)
    assert assign is not None and assign.target.text == x
    assert assign.value.tree is None and assign.value.error  # sqlglot's RecursionError, caught
    assert pp.lost_tokens(unit) == []
