"""`check` through real nbgrader runs (slow): the course passes, and a broken one is caught."""
import pytest
from nbformat.v4 import new_notebook

from autograder.check import check
from autograder.config import load_course
from autograder.notebook import write_notebook
from tests.helpers import nbgrader_cell

pytestmark = pytest.mark.slow


# Every mutant of every assignment through nbgrader, each kernel with its own judge process. CI
# ran past the suite's 900 s on e471934, when each kernel also waited 2.6 s at shutdown for its
# judge (16 min alone on 2 cores); that wait is gone, the margin stays.
@pytest.mark.timeout(1800)
def test_the_course_passes_check_with_every_mutant(tmp_path):
    lines = []
    problems = check(work_dir=tmp_path, report=lines.append)
    assert problems == []
    assert len(lines) == len(load_course().assignments)



def test_a_broken_course_is_reported_problem_by_problem(tmp_path):
    nb = new_notebook(cells=[
        nbgrader_cell("def double(v):\n    ### BEGIN SOLUTION\n    return 2 * v\n    ### END SOLUTION",
              grade_id="tiny_double", solution=True),
        nbgrader_cell("assert True  # a test that cannot fail", grade_id="tiny_visible", grade=True,
              locked=True, points=1),
        nbgrader_cell("### BEGIN HIDDEN TESTS\nassert double(3) == 6\n### END HIDDEN TESTS",
              grade_id="tiny_hidden", grade=True, locked=True, points=2)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    write_notebook(nb, tmp_path / "tiny.ipynb")
    (tmp_path / "assignments.toml").write_text(
        'course_id = "broken"\n'
        '[[assignment]]\nid = "c1w1_tiny"\nsource = "tiny.ipynb"\npoints = 4\n'
        '[[assignment]]\nid = "c1w1_twin"\nsource = "tiny.ipynb"\npoints = 3\n')
    course = load_course(tmp_path / "assignments.toml", root=tmp_path)
    problems = check(ids=["c1w1_tiny"], work_dir=tmp_path / "work", report=lambda _: None,
                     course=course)
    assert "c1w1_tiny: grade cells add up to 3 points, assignments.toml declares 4" in problems
    assert "c1w1_twin: grade id 'tiny_double' is also used in c1w1_tiny" in problems
    assert ("c1w1_tiny: released stub: 'tiny_visible' scored 1/1, expected it to lose points"
            in problems)
    assert len(problems) == 5  # the three duplicated ids of the twin, points, the weak test
