"""Every module of kg/ imports alone, and no two modules import each other (directly or round a circle)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import kg.pipeline

PACKAGE = Path(kg.pipeline.__file__).parent
MODULES = sorted(path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__")


# One fresh interpreter; before each module every kg module is dropped, so each is imported first
# and alone (third-party packages stay loaded: camel-tools alone takes seconds to import).
_IMPORT_EACH_ALONE = """
import importlib, sys
for name in sys.argv[1:]:
    for loaded in [m for m in sys.modules if m == "kg" or m.startswith("kg.")]:
        del sys.modules[loaded]
    try:
        print(name, importlib.import_module("kg." + name).__file__)
    except Exception as err:
        print(name, "FAILED", type(err).__name__, err)
"""


def test_every_module_imports_alone():
    done = subprocess.run([sys.executable, "-c", _IMPORT_EACH_ALONE, *MODULES], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    files = dict(line.split(" ", 1) for line in done.stdout.splitlines())
    assert files == {module: str(PACKAGE / f"{module}.py") for module in MODULES}  # this checkout's, no failure


def _kg_imports(path: Path) -> set[str]:
    """Return the kg modules a module imports anywhere in it (functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg":
            names = [node.module] if node.module != "kg" else [f"kg.{alias.name}" for alias in node.names]
            found.update(name.split(".")[1] for name in names if "." in name)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("kg."))
    return found & set(MODULES)


def test_no_import_circle():
    graph = {module: _kg_imports(PACKAGE / f"{module}.py") for module in MODULES}
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for other in sorted(graph[module]):
            assert state.get(other) != "open", " → ".join([*path, module, other])
            if other not in state:
                visit(other, [*path, module])
        state[module] = "done"

    for module in MODULES:
        if module not in state:
            visit(module, [])
