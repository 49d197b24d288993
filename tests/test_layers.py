"""A module imports only from its own layer or the layers before it (STYLE 2)."""

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "tealeaves"
LAYERS = ["base", "ingest", "extract", "store", "analyze", "scale", "serve", "bench", "cli"]
BASE_MODULES = {"model", "errors", "settings", "dates", "packs", "data"}


def layer_of(parts: list[str]) -> str:
    if not parts or parts[0] in BASE_MODULES or parts[0] == "__init__":
        return "base"
    if parts[0] == "__main__":
        return "cli"
    return parts[0]


def test_imports_respect_layers():
    bad = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).with_suffix("").parts
        own = LAYERS.index(layer_of(list(rel)))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] != "tealeaves" or len(parts) < 2:
                    continue
                target = LAYERS.index(layer_of(parts[1:]))
                if target > own:
                    bad.append(f"{'/'.join(rel)} ({LAYERS[own]}) imports {name} ({LAYERS[target]})")
    assert not bad, "\n".join(bad)


def test_every_layer_folder_exists():
    for layer in LAYERS[1:-1]:
        assert (SRC / layer / "__init__.py").exists(), layer
