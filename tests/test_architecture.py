"""The engine's shape, checked from its source: Qt-free, layered without cycles, no global mutable state."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = ROOT / "kbassist"
# GUI modules that run jobs: they hold no module-level state either (issue #19).
GUI_JOB_MODULES = (ROOT / "ui" / "ops.py", ROOT / "ui" / "session.py")
MUTABLE_CALLS = {"list", "dict", "set", "defaultdict", "OrderedDict", "deque", "Counter", "WeakSet",
                 "WeakValueDictionary", "WeakKeyDictionary", "bytearray"}
MUTABLE_LITERALS = (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)


def engine_modules() -> dict[str, Path]:
    modules = {}
    for path in ENGINE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """Engine modules `name` imports anywhere in its source (a lazy import inside a function counts too)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for block in ast.walk(tree) if isinstance(block, ast.If) and _is_type_checking(block.test)
                   for stmt in block.body for n in ast.walk(stmt)}
    for node in ast.walk(tree):
        if id(node) in typing_only:  # `if TYPE_CHECKING:` imports never run
            continue
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        found |= {t for t in targets if t in known and t != name}
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return getattr(test, "id", getattr(test, "attr", None)) == "TYPE_CHECKING"


def test_engine_and_cli_import_without_qt():
    names = sorted(engine_modules())
    code = (f"import importlib, sys\nfor m in {names!r}: importlib.import_module(m)\n"
            "bad=[m for m in sys.modules if m.startswith(('PySide6','shiboken6','ui')) and m != 'uuid']\n"
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_engine_import_graph_has_no_cycle():
    modules = engine_modules()
    # A package's __init__ re-exporting its parts is not a dependency of those parts on the package.
    graph = {name: imported_modules(name, path, set(modules)) - {m for m in modules if m.startswith(name + ".")}
             for name, path in modules.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name)


def module_level_mutables(path: Path) -> list[str]:
    found = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            value = node.value
            is_call = isinstance(value, ast.Call) and getattr(value.func, "id", getattr(value.func, "attr", None)) \
                in MUTABLE_CALLS
            if isinstance(value, MUTABLE_LITERALS) or is_call:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_module_level_mutable_containers_in_engine_or_gui_jobs():
    paths = [*engine_modules().values(), *GUI_JOB_MODULES]
    found = [where for path in paths for where in module_level_mutables(path)]
    assert not found, "module-level mutable containers (use tuples, frozensets, MappingProxyType): " + ", ".join(found)
