"""The import rules, read from the source with ``ast``: stages import only downwards, the store knows
records and not stages, and nothing imports in a circle.

``make lint`` checks the same rules with import-linter (``[tool.importlinter]`` in pyproject.toml);
this test keeps them in ``make test`` too, and checks that both state the same layers.

Every arrow is held to the rules; there is no list of exceptions.
"""

from __future__ import annotations

import ast
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = "corroborator"

# Top to bottom: a component imports only components of a lower layer. Components of one layer are
# independent of each other. The same list as the layers contract in pyproject.toml.
LAYERS: list[set[str]] = [
    {"cli"},
    {"pipeline", "evaluate"},
    {"crosscheck"},
    {"store"},
    {"extract"},
    {"analyze"},
    {"clean"},
    {"ingest"},
    {"export"},
    {"dates"},
    {"records", "settings"},
    {"errors"},
]
# Entry points above every layer: they may import anything, and only they may import the package
# root (whose __init__ imports every stage, so importing it from below is importing upwards).
ENTRY_POINTS = {"__main__", "cli"}
# What the store must never import, directly or not: it is persistence only.
STORE_FORBIDDEN = {"ingest", "clean", "analyze", "extract", "pipeline"}
# Files that are not imported as Python modules (Alembic reads the migrations as files).
SKIP = ("store/migrations/versions",)


@dataclass(frozen=True)
class Import:
    importer: str  # module, dotted
    imported: str  # module, dotted (the deepest one of the package that the statement names)
    line: int

    @property
    def arrow(self) -> tuple[str, str]:
        return component(self.importer), component(self.imported)

    def __str__(self) -> str:
        return f"{self.importer} -> {self.imported} (l.{self.line})"


def component(module: str) -> str:
    """The top-level part of the package a module belongs to ("" for the root package itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _modules() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        relative = path.relative_to(SRC)
        if any(part in relative.as_posix() for part in SKIP):
            continue
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _resolve(name: str) -> str | None:
    """The deepest module of the package that a dotted name points into (None: not this package)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports_of(module: str, path: Path) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):  # module level, inside functions and under TYPE_CHECKING alike
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            names = [f"{source}.{alias.name}" for alias in node.names]  # a submodule, or a name in source
        else:
            continue
        for name in names:
            if name.split(".")[0] != PACKAGE:
                continue
            target = _resolve(name)
            if target is not None and target != module:
                yield Import(module, target, node.lineno)


IMPORTS: list[Import] = [imp for module, path in MODULES.items() for imp in _imports_of(module, path)]


def _layer(comp: str) -> int:
    for rank, layer in enumerate(LAYERS):
        if comp in layer:
            return rank
    raise AssertionError(f"{comp!r} is in no layer")


def _upward(imp: Import) -> str | None:
    """Why an import breaks the layers, or None."""
    importer, imported = imp.arrow
    if importer == imported or importer in ENTRY_POINTS - {"cli"} or importer == "":
        return None
    if imported == "":
        return None if importer in ENTRY_POINTS else "imports the package root, which imports every stage"
    if imported == "__main__":
        return "imports __main__"
    if _layer(imported) <= _layer(importer):
        return f"{importer} may import only layers below its own"
    return None


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_source_is_read() -> None:
    assert f"{PACKAGE}.pipeline" in MODULES and f"{PACKAGE}.store" in MODULES
    assert any(imp.arrow == ("extract", "records") for imp in IMPORTS)


def test_every_component_has_a_layer() -> None:
    """A new stage (serve, a scale-out runner, ...) must take a place in the layers before it lands."""
    components = {component(m) for m in MODULES} - {"", *ENTRY_POINTS}
    placed = set().union(*LAYERS)
    assert components <= placed, f"not in LAYERS (here and in pyproject.toml): {sorted(components - placed)}"


def test_imports_run_downwards() -> None:
    broken = [f"{imp}: {why}" for imp in IMPORTS if (why := _upward(imp))]
    assert not broken, "\n".join(broken)


def test_the_store_imports_no_stage() -> None:
    broken = [str(imp) for imp in IMPORTS if imp.arrow[0] == "store" and imp.arrow[1] in STORE_FORBIDDEN]
    assert not broken, "\n".join(broken)


def test_no_cycle_between_components() -> None:
    edges: dict[str, set[str]] = defaultdict(set)
    for imp in IMPORTS:
        importer, imported = imp.arrow
        if importer != imported:
            edges[importer].add(imported)
    assert not _cycles(edges)


def test_no_cycle_between_modules() -> None:
    """Imports under TYPE_CHECKING count too: two modules that name each other's types are one module
    in two files (as import-linter, which sees them, counts them)."""
    edges: dict[str, set[str]] = defaultdict(set)
    for imp in IMPORTS:
        edges[imp.importer].add(imp.imported)
    assert not _cycles(edges)


def test_import_linter_states_the_same_rules() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    contracts = {contract["id"]: contract for contract in config["contracts"]}
    layers = [
        {name.strip().removeprefix(f"{PACKAGE}.") for name in layer.split("|")}
        for layer in contracts["layers"]["layers"]
    ]
    assert layers == LAYERS
    forbidden = {name.removeprefix(f"{PACKAGE}.") for name in contracts["store"]["forbidden_modules"]}
    assert forbidden == STORE_FORBIDDEN
    assert contracts["acyclic"]["type"] == "acyclic_siblings"


#: The style guide's ceiling for one module: past it, a module holds more than one idea.
MAX_LINES = 600


def test_no_module_of_the_package_runs_past_the_ceiling():
    """Every module of ``src/`` (Alembic's generated migrations aside) stays under ``MAX_LINES``."""
    too_long = {
        str(path.relative_to(SRC)): lines
        for path in (SRC / PACKAGE).rglob("*.py")
        if "migrations" not in path.parts and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}
