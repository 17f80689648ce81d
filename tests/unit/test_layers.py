"""Layers point down, with no import cycles (imports inside functions count too).

rounds  <-  exports  <-  store, room  <-  pages  <-  app, cli
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("rounds", "exports", "facilitator_app")
TOP = {"facilitator_app.app", "facilitator_app.cli", "facilitator_app.main", "facilitator_app.__main__",
       "facilitator_app.harvest_cli", "facilitator_app.demo"}


def layer(module: str) -> int:
    if module.startswith("rounds"):
        return 0
    if module.startswith("exports"):
        return 1
    if module.startswith("facilitator_app.pages"):
        return 3
    if module in TOP:
        return 4
    return 2


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Our modules that `module` imports anywhere in its file, except under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in
                   ast.unparse(node.test) for child in node.body for n in ast.walk(child)}
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = module.split(".") if is_package else module.split(".")[:-1]
            if node.level:
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names = [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            for end in range(len(parts), 0, -1):
                candidate = ".".join(parts[:end])
                if candidate in known and candidate != module:
                    targets.add(candidate)
                    break
    # A package importing its own submodules (re-exports in __init__) is not an arrow between layers.
    return {t for t in targets if not t.startswith(module + ".")}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {module: imports(module, path, known) for module, path in known.items()}


def test_no_arrow_points_up_a_layer():
    upward = [f"{a} -> {b}" for a, targets in graph().items() for b in targets if layer(b) > layer(a)]
    assert upward == []


def test_no_import_cycles():
    edges = graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert cycles == []


def test_the_check_sees_an_arrow_and_a_cycle(tmp_path):
    """The graph reads function-level imports too, so a hidden upward import would be caught."""
    known = {"rounds.a": tmp_path / "a.py", "facilitator_app.pages.b": tmp_path / "b.py"}
    (tmp_path / "a.py").write_text("def f():\n    from facilitator_app.pages import b\n", encoding="utf-8")
    assert imports("rounds.a", known["rounds.a"], known) == {"facilitator_app.pages.b"}
