"""The pipeline end to end on the real assignments, through real nbgrader runs (slow).

One class is graded once and read many ways: scores from the gradebook, restored test cells,
feedback without hidden code, grades.csv.
"""
import shutil

import pytest

from autograder.config import load_course
from autograder.feedback import leaks
from autograder.grade import grade
from autograder.mutants import mutants_for
from autograder.nbgrader_cli import cell_scores, nbgrader
from autograder.notebook import owners, read_notebook, solve, tamper, write_notebook

pytestmark = pytest.mark.slow
ASSIGNMENTS = load_course().assignments


def _class(assignment, course_dir):
    """reference / stub / twin (a mistake) / editor (same mistake, its tests edited to `pass`) /
    deleter (same mistake, its test cells deleted)."""
    release = read_notebook(course_dir / "release" / assignment.id / assignment.notebook_name)
    source = read_notebook(assignment.source)
    mistake = mutants_for(assignment.id)[0]
    wrong = solve(release, source, edits={mistake.cell: mistake.edits})
    its_tests = [gid for gid, owner in owners(source).items() if owner == mistake.cell]
    deleter = tamper(wrong, {})
    deleter.cells = [c for c in deleter.cells
                     if c.metadata.get("nbgrader", {}).get("grade_id") not in its_tests]
    return {"reference": solve(release, source), "stub": release, "twin": wrong,
            "editor": tamper(wrong, {gid: "pass" for gid in its_tests}), "deleter": deleter}


@pytest.fixture(scope="module", params=ASSIGNMENTS, ids=lambda a: a.id)
def graded(request, built_course, tmp_path_factory):
    assignment = request.param
    root = tmp_path_factory.mktemp(assignment.id)
    course_dir = root / "course"
    shutil.copytree(built_course, course_dir)
    for student, nb in _class(assignment, course_dir).items():
        write_notebook(nb, root / "subs" / student / assignment.id / assignment.notebook_name)
    results = {r.student: r for r in grade(root / "subs", course_dir=course_dir)}
    return assignment, course_dir, results


def test_reference_gets_full_marks_from_the_gradebook(graded):
    assignment, course_dir, results = graded
    stem = assignment.notebook_name.removesuffix(".ipynb")
    cells = cell_scores(course_dir, assignment.id, stem, "reference")
    assert cells and all(score == points for score, points in cells.values())
    assert results["reference"].score == assignment.points


def test_stub_gets_zero(graded):
    _, _, results = graded
    assert results["stub"].graded and results["stub"].score == 0


def test_edited_and_deleted_test_cells_are_restored(graded):
    assignment, _, results = graded
    twin = results["twin"].score
    assert 0 < twin < assignment.points
    assert results["editor"].score == twin and results["deleter"].score == twin


def test_feedback_has_no_hidden_code(graded):
    _, _, results = graded
    for result in results.values():
        assert result.feedback, f"no feedback for {result.student}"
        for page in result.feedback:
            html = page.read_text()
            assert leaks(html) == [] and "BEGIN SOLUTION" not in html


def test_grades_csv_lists_every_student(graded):
    assignment, course_dir, results = graded
    rows = (course_dir / "grades.csv").read_text().splitlines()
    assert rows[0] == "student_id,assignment_id,score,max_score,status"
    assert f"reference,{assignment.id},{assignment.points:g},{assignment.points:g},graded" in rows
    assert len(rows) == 1 + len(results)


def test_plain_nbgrader_autograde_in_the_course_dir(fresh_course, course):
    """What an instructor does by hand: nbgrader autograde on a copy of the source notebook
    (full marks) and on a copy of the release (zero)."""
    for a in course.assignments:
        for student, notebook, expected in (("plain", a.source, a.points),
                                            ("plain_stub", fresh_course / "release" / a.id /
                                             a.notebook_name, 0)):
            target = fresh_course / "submitted" / student / a.id / a.notebook_name
            target.parent.mkdir(parents=True)
            shutil.copy(notebook, target)
        nbgrader(fresh_course, "autograde", a.id, "--force")
        for student, expected in (("plain", a.points), ("plain_stub", 0)):
            scores = cell_scores(fresh_course, a.id, a.notebook_name.removesuffix(".ipynb"),
                                 student)
            assert scores and sum(s for s, _ in scores.values()) == expected
