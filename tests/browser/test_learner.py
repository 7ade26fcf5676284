"""A learner in a real browser (slow): `make lab`'s JupyterLab, a released notebook, a right
answer, a wrong one, and nbgrader's Validate button. Screenshots go to build/browser-artifacts/."""
import re
import sys

import pytest
from nbformat.v4 import new_code_cell

from autograder.config import REPO_ROOT, load_course
from autograder.mutants import mutants_for
from autograder.notebook import grade_id, is_grade, read_notebook, solution_cells, solve

from .jupyterlab import NO_PLAYWRIGHT, write_scratch

pytestmark = [pytest.mark.slow, pytest.mark.browser]
expect = pytest.importorskip("playwright.sync_api", reason=NO_PLAYWRIGHT).expect
ASSIGNMENT = "c1w2_python_basics"  # the quickest notebook to run; its first exercise has mutants


def _answers(release_path, assignment):
    """The released notebook, and for its first exercise: the solution cell's index, the
    visible test's index, a right answer and a plausible wrong one (a mutant)."""
    release, source = read_notebook(release_path), read_notebook(assignment.source)
    first = solution_cells(release)[0]
    index, gid = release.cells.index(first), grade_id(first)
    visible = next(i for i, c in enumerate(release.cells) if i > index and is_grade(c))
    mutant = next(m for m in mutants_for(assignment.id) if m.cell == gid)
    right = solve(release, source, ids={gid}).cells[index].source
    wrong = solve(release, source, ids={gid}, edits={gid: mutant.edits}).cells[index].source
    return release, source, index, visible, right, wrong


def test_learner_tools_only_and_every_assignment_listed(learner):
    learner.goto()
    assert learner.menu("Nbgrader") == ["Assignment List"]  # no Formgrader, Course List, Create
    assert not learner.page.locator("text=Create Assignment").count()
    learner.menu("Nbgrader", "Assignment List")
    fetched = learner.page.locator("#fetched_assignments_list")
    for a in load_course().assignments:
        expect(fetched).to_contain_text(a.id)
        expect(learner.page.locator(f".jp-DirListing-item[title*='{a.id}']")).to_have_count(1)
    expect(learner.page.locator("body")).not_to_contain_text("exchange directory")
    learner.shoot("learner-0-assignment-list")
    assert learner.outside == [], f"requests left the machine: {learner.outside}"


def test_kernel_is_the_projects_environment(learner):
    probe = write_scratch(learner.server.root / "environment_probe.ipynb", [new_code_cell(
        "import sys, matplotlib, shared_utils\n"
        "print(sys.prefix)\nprint(shared_utils.__file__)\nprint(matplotlib.get_backend())")])
    notebook = learner.open_notebook(probe.name)
    notebook.run_all(learner)
    lines = notebook.output(0).inner_text().split()
    assert lines[0] == sys.prefix  # this project's .venv, not a kernel spec of the user's
    assert lines[1].startswith(str(REPO_ROOT / "shared_utils"))
    assert "inline" in lines[2]


def test_solve_check_and_validate_an_exercise(learner):
    assignment = load_course().get(ASSIGNMENT)
    path = f"{assignment.id}/{assignment.notebook_name}"
    release, source, index, visible, right, wrong = _answers(learner.server.root / path,
                                                             assignment)
    notebook = learner.open_notebook(path)

    notebook.type_into(index, right)
    notebook.run_all(learner)
    expect(notebook.output(visible)).to_contain_text("All tests passed.")
    notebook.show(visible, end=True)
    learner.shoot("learner-1-right-answer")

    notebook.type_into(index, wrong)
    notebook.run_all(learner)
    failure = notebook.output(visible)
    expect(failure).to_contain_text("CheckFailure")
    expect(failure).to_contain_text(re.compile(r"expected:(.|\n)*hint:"))
    notebook.show(visible, end=True)
    learner.shoot("learner-2-wrong-answer")

    verdict = notebook.validate()
    expect(verdict.locator(".validation-failed")).to_be_visible()
    learner.shoot("learner-3-validate-fails")
    notebook.close_dialog()

    solved = solve(release, source)
    for cell in solution_cells(solved):
        notebook.type_into(solved.cells.index(cell), cell.source)
    verdict = notebook.validate()
    expect(verdict.locator(".validation-success")).to_contain_text(
        "Success! Your notebook passes all the tests.")
    learner.shoot("learner-4-validate-passes")
    notebook.close_dialog()
    assert learner.outside == [], f"requests left the machine: {learner.outside}"
