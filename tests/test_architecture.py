"""The package layout shows the pipeline, and imports only go down it (docs/architecture.md).

Every import of a migplan module counts, including the ones inside functions: a lazy import of a
higher layer is still a dependency on it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "migplan"

# Bottom to top. A module may import its own layer and the layers below it.
LAYERS: list[set[str]] = [
    {"model", "errors", "version", "citations", "quoting", "escape", "outdir", "progress", "datafile", "dsn"},
    {"engines"},
    {"ingest"},
    {"parse"},
    {"inventory", "matrix"},
    {"convert"},
    {"analyze"},
    {"verify"},
    {"app"},
    {"plan"},
    {"dms"},
    {"report"},
    {"assessment"},
    {"fleet", "cli", "cli_assess", "cli_matrix", "cli_app", "cli_fleet", "__init__"},
]
RANK = {name: i for i, layer in enumerate(LAYERS) for name in layer}


def _package_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "migplan":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    out = []
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "migplan":
                out += [(node.lineno, f"migplan.{a.name}") for a in node.names]
            else:
                out.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
    return [(line, m) for line, m in out if m == "migplan" or m.startswith("migplan.")]


def test_every_package_has_a_layer():
    names = {p.stem if p.is_file() else p.name for p in ROOT.iterdir()
             if (p.is_file() and p.suffix == ".py") or (p.is_dir() and (p / "__init__.py").exists())}
    assert names <= set(RANK), f"give these a layer in LAYERS: {sorted(names - set(RANK))}"


def test_imports_only_go_down():
    wrong = []
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT.parent)
        own = _package_of(".".join(rel.with_suffix("").parts))
        if own is None or own not in RANK:
            continue
        for line, module in _imports(path):
            other = _package_of(module)
            if other is None or (other == "__init__" and own != "__init__"):
                if module == "migplan" and RANK[own] < len(LAYERS) - 1:
                    wrong.append(f"{rel}:{line} imports the migplan façade")
                continue
            if other not in RANK:
                wrong.append(f"{rel}:{line} imports {module}, which has no layer")
            elif RANK[other] > RANK[own]:
                wrong.append(f"{rel}:{line}: {own} imports {module} (layer {other} is above it)")
    assert not wrong, "\n".join(wrong)


def test_model_imports_nothing_of_ours():
    for path in sorted((ROOT / "model").rglob("*.py")):
        for line, module in _imports(path):
            assert module.startswith("migplan.model"), f"{path.name}:{line} imports {module}"
