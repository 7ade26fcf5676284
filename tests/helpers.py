"""Run a notebook's answers and tests in this process: a fast stand-in for nbgrader's autograde.

Only what grading needs is executed: the set-up cells before the first exercise, the solution
cells and the grade cells (hidden regions included). A grade cell scores its points unless it
raises or warns (a warning goes to stderr, which nbgrader scores 0). Training and plotting cells are skipped, so a whole notebook with
its hidden tests takes a second or two. The real nbgrader runs are in the `slow` tests.
"""
import contextlib
import io
import warnings

from nbformat.v4 import new_code_cell

from autograder.notebook import (HIDDEN_MARKERS, grade_id, is_grade, is_solution, meta,
                                 without_lines)


def _runnable(source):
    """Cell source without IPython magics (`%matplotlib inline`)."""
    return "\n".join(line for line in source.split("\n") if not line.lstrip().startswith("%"))


def cell_scores(nb):
    """{grade id: (score, max)} for a notebook whose solution cells hold some answer."""
    namespace, scores, started = {"__name__": "__main__"}, {}, False
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        graded, answer = is_grade(cell), is_solution(cell)
        started = started or graded or answer
        if started and not (graded or answer):
            continue
        source = without_lines(cell.source, HIDDEN_MARKERS) if graded else cell.source
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(_runnable(source), f"<cell {grade_id(cell)}>", "exec"), namespace)
                ok = not caught
            except Exception:
                ok = False
        if graded:
            points = float(meta(cell)["points"])
            scores[grade_id(cell)] = (points if ok else 0.0, points)
    return scores


def lost(scores):
    return {gid for gid, (score, points) in scores.items() if score < points}


def nbgrader_cell(source, **nbgrader):
    """A code cell for a fixture notebook; with keywords, they become its nbgrader metadata."""
    cell = new_code_cell(source)
    if nbgrader:
        cell.metadata["nbgrader"] = {"schema_version": 3, "grade": False, "solution": False,
                                     "locked": False, **nbgrader}
    return cell


def require_full_sandbox():
    """Skip a test that needs the full grading sandbox (root) where it cannot be set up; fail
    it under CI, which runs as root, so that a broken sandbox is never a silent skip."""
    import os

    import pytest

    from autograder.sandbox import isolation
    if isolation() != "full":
        if os.environ.get("CI"):
            pytest.fail(f"CI must grade with the full sandbox, got isolation {isolation()!r}")
        pytest.skip("the full sandbox needs root (CI runs as root)")


def course_copy(built_course, tmp_path_factory, name):
    """(a fresh folder, a copy of the built course in it as course/) for a module's tests."""
    import shutil
    root = tmp_path_factory.mktemp(name)
    shutil.copytree(built_course, root / "course")
    return root, root / "course"
