"""Cassandra -> DynamoDB on the public corpus and our samples: per collection, the CQL statements
read and how many have a disposition in the inventory (nothing lost; the parse share of DDL is
benchmarks/corpus_parse.py's), the CreateTable / UpdateTimeToLive requests written and how many pass botocore's DynamoDB
model (ParamValidator, plus the lengths and patterns it leaves out) and DynamoDB's own rules
(migplan.dms.dynamodb.problems), and whether the CloudFormation template passes cfn-lint.

    python benchmarks/dynamodb_requests.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import botocore.session
from botocore.validate import ParamValidator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import migplan  # noqa: E402
from migplan.dms.cloudformation import to_yaml  # noqa: E402
from migplan.dms.dynamodb import problems  # noqa: E402


def shape_errors(value, shape) -> int:
    meta = shape.metadata
    if shape.type_name == "structure":
        return sum(shape_errors(value[n], m) for n, m in shape.members.items() if n in value)
    if shape.type_name == "list":
        return int("max" in meta and len(value) > meta["max"]) + sum(shape_errors(v, shape.member) for v in value)
    if shape.type_name == "string":
        return int(("max" in meta and len(value) > meta["max"])
                   or ("pattern" in meta and not re.fullmatch(meta["pattern"], value))
                   or bool(shape.enum and value not in shape.enum))
    return 0


def lint_errors(text: str) -> int:
    from cfnlint.api import ManualArgs, lint

    return sum(1 for m in lint(text, config=ManualArgs(regions=["us-east-1"])) if m.rule.id.startswith("E"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    args = ap.parse_args()
    model = botocore.session.get_session().get_service_model("dynamodb")
    units = [(f"samples/cassandra/{d.name}", d) for d in sorted((ROOT / "sample_schemas" / "cassandra").iterdir())
             if d.is_dir()]
    corpus = Path(args.corpus) / "cassandra"
    if corpus.exists():
        units += [(f"cassandra/{d.name}", d) for d in sorted(corpus.iterdir()) if d.is_dir()]
    print(f"{'collection':32} {'stmts':>5} {'accounted':>9} {'tables':>6} {'requests':>8} {'valid':>5} {'cfn-lint':>8}")
    totals = [0, 0, 0, 0, 0]
    for name, path in units:
        a = migplan.assess(path, "cassandra", "dynamodb")
        inv = a.inventory
        accounted = sum(1 for i, r in enumerate(inv.records) if r.index == i and r.disposition)
        n = valid = 0
        for req in a.dynamodb.requests():
            shape = model.operation_model(req.operation).input_shape
            ok = not ParamValidator().validate(req.params, shape).has_errors() and not shape_errors(req.params, shape)
            if req.operation == "CreateTable":
                ok = ok and not problems(req.params)
            n += 1
            valid += ok
        tables = len(a.dynamodb.create_table_requests())
        errors = sum(lint_errors(to_yaml(t)) for t in a.dynamodb.cloudformation_templates().values())
        print(f"{name:32} {len(inv.statements):5} {accounted:9} {tables:6} {n:8} {valid:5} "
              f"{'pass' if not errors else f'{errors} E':>8}")
        for i, v in enumerate((len(inv.statements), accounted, tables, n, valid)):
            totals[i] += v
    print(f"{'total':32} {totals[0]:5} {totals[1]:9} {totals[2]:6} {totals[3]:8} {totals[4]:5}")
    return 0 if totals[3] == totals[4] and totals[0] == totals[1] else 1


if __name__ == "__main__":
    sys.exit(main())
