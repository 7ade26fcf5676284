"""The three ways to install agree: requirements.txt, requirements.lock and environment.yml;
and CI runs exactly the test command that README.md gives."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path):
    pins = {}
    for line in (ROOT / path).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[_norm(name)] = version
    return pins


def _conda():
    deps, pip = {}, False
    for line in (ROOT / "environment.yml").read_text().splitlines():
        m = re.match(r"\s*-\s*([A-Za-z0-9_.\-]+)\s*=\s*([0-9][^\s#]*)", line)
        if m and not pip:
            deps[_norm(m.group(1))] = m.group(2)
        pip = pip or bool(re.match(r"\s*-\s*pip:", line))
    return deps


def test_lock_pins_every_direct_dependency_at_the_same_version():
    lock = _pins("requirements.lock")
    for name, version in _pins("requirements.txt").items():
        assert lock.get(name) == version, f"{name}: requirements.txt {version}, lock {lock.get(name)}"


def test_environment_yml_lists_the_same_packages_and_versions():
    conda = _conda()
    python = conda.pop("python")
    assert python.startswith("3.11")
    assert conda == _pins("requirements.txt")


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test\n" in readme and re.search(r"^make test$", ci, re.M)
