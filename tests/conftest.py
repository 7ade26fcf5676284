"""Shared fixtures. Markers: `slow` (runs notebooks through nbgrader; `make test-fast` skips)."""
import shutil

import matplotlib
import pytest

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 (after choosing the backend)


@pytest.fixture(scope="session")
def course():
    from autograder.config import load_course
    return load_course()


@pytest.fixture(scope="session")
def built_course(tmp_path_factory, course):
    """A course directory built once per test session (release + gradebook), never build/."""
    from autograder.build import build
    return build(tmp_path_factory.mktemp("course") / "course", course=course)


@pytest.fixture
def fresh_course(built_course, tmp_path):
    """A private copy of the built course, for tests that grade into its gradebook."""
    target = tmp_path / "course"
    shutil.copytree(built_course, target, ignore=shutil.ignore_patterns("submitted", "autograded",
                                                                       "feedback", ".workers"))
    return target


@pytest.fixture(autouse=True)
def _no_display(monkeypatch):
    monkeypatch.setenv("MPLBACKEND", "Agg")
    yield
    plt.close("all")
