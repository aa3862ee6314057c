"""extract's layout, read from the source: two component modules over two packages whose imports run one way."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PACKAGE = "corroborator.extract"
# The package, not the function that corroborator re-exports under the same name.
EXTRACT = Path(str(importlib.import_module(PACKAGE).__file__)).parent

#: The style guide's ceiling for one module.
MAX_LINES = 600


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(EXTRACT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([PACKAGE, *parts])


def _imports(path: Path) -> set[str]:
    """The extract modules ``path`` imports (``from .x import y`` counts as x, and as x.y if that is a module)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            found |= {module, *(f"{module}.{alias.name}" for alias in node.names)}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


GRAPH = {_module_name(p): _imports(p) for p in sorted(EXTRACT.rglob("*.py"))}
GRAPH = {module: {d for d in deps if d in GRAPH and d != module} for module, deps in GRAPH.items()}


def test_no_module_is_over_the_ceiling():
    long = {
        p.name: n for p in EXTRACT.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long


@pytest.mark.parametrize(("family", "other"), [("attribution", "figure"), ("figure", "attribution")])
def test_the_two_families_do_not_import_each_other_or_their_components(family, other):
    above = {f"{PACKAGE}.{other}", f"{PACKAGE}.claims", f"{PACKAGE}.figures", PACKAGE}
    for module, deps in GRAPH.items():
        if module.startswith(f"{PACKAGE}.{family}"):
            wrong = {d for d in deps if d in above or d.startswith(f"{PACKAGE}.{other}.")}
            assert not wrong, (module, wrong)


def test_the_readers_below_the_sentence_reader_do_not_import_it():
    # The circle that was: syntax <-> measures <-> places. The shared tree walks now sit below all three.
    for low in ("tree", "reading", "places", "measures"):
        assert f"{PACKAGE}.figure.syntax" not in GRAPH[f"{PACKAGE}.figure.{low}"]
    assert f"{PACKAGE}.figure.measures" not in GRAPH[f"{PACKAGE}.figure.places"]


def test_no_import_cycles():
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join([*path, module])
        if module in done:
            return
        for dep in GRAPH[module]:
            visit(dep, (*path, module))
        done.add(module)

    for module in GRAPH:
        visit(module, ())
