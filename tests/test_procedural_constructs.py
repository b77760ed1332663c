"""The procedural parser, construct class by construct class, per dialect.

Each case of tests/fixtures/procedural/<dialect>.yml is a small body of our own: an anonymous
block (``text``) or a whole CREATE statement (``create``) read through migplan's inventory, so
that the header reader and the body parser are tested together. The case gives the expected
outline (statement-level node kinds, indented) and, optionally, field checks on nodes:

    checks:
      - {node: SqlStatement, nth: 0, kind: select, into: [v_total], binds: [p_id], line: 4}

A field holding an Expr or DataType compares by its text, a list element by element, a node by
its class name. Every case must also lose no token and, unless it lists ``errors``, report no
structural error.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import migplan
from migplan.parse import procedural as pp

FIXTURES = Path(__file__).parent / "fixtures" / "procedural"
ENGINES = {"oracle": "oracle", "tsql": "sqlserver", "mysql": "mysql", "db2": "db2-luw", "postgres": "postgresql"}


def _cases():
    out = []
    for path in sorted(FIXTURES.glob("*.yml")):
        doc = yaml.safe_load(path.read_text("utf-8"))
        for case in doc["cases"]:
            out.append(pytest.param(doc["dialect"], case, id=f"{path.stem}-{case['name']}"))
    return out


def parse_case(dialect: str, case: dict, tmp_path: Path) -> pp.ProcUnit:
    engine = ENGINES[dialect]
    if "create" in case:
        f = tmp_path / case.get("file", "case.sql")
        f.write_text(case["create"], "utf-8")
        inv = migplan.load_schema(f, engine)
        routines = [r for r in inv.routines if r.kind == case.get("kind", r.kind)]
        if not routines and case.get("kind") == "type":  # an object type is read in full; its spec is code too
            from migplan.parse.routine import type_spec_routine

            routines = [type_spec_routine(t, inv.engine) for t in inv.of_kind("type")]
        assert routines, f"no routine read from the case ({[p.message for p in inv.problems]})"
        spec = None
        if case.get("kind") == "package body":
            specs = [r for r in inv.routines if r.kind == "package"]
            spec = pp.parse_routine_body(specs[0], engine) if specs else None
        return pp.parse_routine_body(routines[0], engine, spec=spec)
    return pp.parse_block(case["text"], engine, case.get("line", 1))


def _value(v):
    if isinstance(v, (pp.Expr, pp.DataType)):
        return v.text
    if isinstance(v, pp.Node):
        return v.key
    if isinstance(v, list):
        return [_value(x) for x in v]
    return v


@pytest.mark.parametrize(("dialect", "case"), _cases())
def test_construct(dialect, case, tmp_path):
    unit = parse_case(dialect, case, tmp_path)
    assert unit.outline() == case["outline"].rstrip("\n"), unit.outline()
    assert pp.lost_tokens(unit) == []
    assert len(unit.errors) == case.get("errors", 0), unit.errors
    for check in case.get("checks", []):
        check = dict(check)
        cls = getattr(pp, check.pop("node"))
        nth = check.pop("nth", 0)
        found = [x for x in unit.walk() if isinstance(x, cls)]
        assert nth < len(found), f"no {cls.__name__} #{nth} in {unit.outline()}"
        node = found[nth]
        for field, want in check.items():
            if field == "sqlglot":
                got = type(node.tree).__name__ if node.tree is not None and node.error is None else node.error
            elif field == "text":
                got = unit.text_of(node) if not hasattr(node, "text") else node.text
            else:
                got = node
                for part in field.split("."):
                    got = getattr(got, part)
                got = _value(got)
            assert got == want, f"{cls.__name__}#{nth}.{field}: {got!r} != {want!r}"
