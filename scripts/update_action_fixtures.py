"""Write what each action-code fixture case raises today into its YAML: line, message and, where the
item carries rewritten code, the rewrite (sqlfluff keeps its expected violations and fixes the same
way). Run it after changing a rule or a converter, then read the diff: every changed message or
rewrite is a change users will see.

    python scripts/update_action_fixtures.py [CODE ...]

Cases whose expected lines differ from what is raised are reported and left alone: a line list is
written by hand (it says where the problem is); only the messages and rewrites are filled in.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from migplan.assessment import assess_text  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "actions"


def raised(code: str, case: dict) -> list[dict]:
    a = assess_text(case["sql"], case["source"], case["target"], force=True, default_schema=case.get("default_schema"))
    out = []
    for i in sorted((i for i in a.action_items.items if i.code == code), key=lambda i: (i.line, i.message)):
        entry: dict = {"line": i.line, "message": i.message}
        if i.converted:
            entry["converted"] = i.converted
        out.append(entry)
    return out


def expected_lines(case: dict) -> list[int]:
    return sorted(e if isinstance(e, int) else e["line"] for e in case["expect"])


class _Dumper(yaml.SafeDumper):
    pass


def _str(dumper, text: str):
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _str)


def main(codes: list[str]) -> int:
    problems = 0
    for path in sorted(FIXTURES.glob("*.yml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if codes and data["code"] not in codes:
            continue
        changed = False
        for case in data["cases"]:
            if case.get("engine") or case.get("break_rule"):
                continue
            found = raised(data["code"], case)
            if sorted(e["line"] for e in found) != expected_lines(case):
                print(f"{path.name} {case['name']}: raises lines {[e['line'] for e in found]}, fixture says "
                      f"{expected_lines(case)}: fix the fixture or the rule by hand")
                problems += 1
                continue
            if found != case["expect"]:
                case["expect"] = found
                changed = True
        if changed:
            path.write_text(yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110),
                            encoding="utf-8")
            print(f"updated {path.name}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
