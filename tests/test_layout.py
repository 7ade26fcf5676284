"""Budgets and boundaries that keep the code readable (STYLE.md §8.4) and the answers hidden."""
import ast
import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("shared_utils", "autograder")
MODULES = sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py"))
MAX_LINES, MAX_WIDTH = 300, 100
LONGER_ALLOWED = {}  # path relative to ROOT -> reason; none so far


def _rel(path):
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_module_budget(path):
    lines = path.read_text().splitlines()
    if _rel(path) not in LONGER_ALLOWED:
        assert len(lines) <= MAX_LINES, f"{_rel(path)} has {len(lines)} lines"
    wide = [i + 1 for i, line in enumerate(lines) if len(line) > MAX_WIDTH]
    assert not wide, f"{_rel(path)}: lines wider than {MAX_WIDTH}: {wide}"


def _imports(path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                yield node.module or ""
            if any(alias.name == "*" for alias in node.names):
                yield "*"


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_imports(path):
    names = set(_imports(path))
    assert "*" not in names, f"{_rel(path)} uses a star import"
    if _rel(path).startswith("shared_utils/"):
        leaks = [n for n in names if n.split(".")[0] == "autograder"]
        assert not leaks, f"{_rel(path)} imports the instructor side: {leaks}"


@pytest.mark.parametrize("package", sorted({p.parent for p in MODULES if p.name == "__init__.py"}),
                         ids=_rel)
def test_packages_declare_their_public_names(package):
    assert "__all__" in (package / "__init__.py").read_text()


def test_committed_notebooks_have_no_outputs():
    files = subprocess.run(["git", "ls-files", "*.ipynb"], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split()
    for name in files:
        nb = json.loads((ROOT / name).read_text())
        dirty = [c for c in nb["cells"] if c["cell_type"] == "code"
                 and (c.get("outputs") or c.get("execution_count"))]
        assert not dirty, f"{name} was committed with outputs"


def test_every_course_folder_exists():
    for n in range(1, 6):
        assert (ROOT / f"course{n}").is_dir()
