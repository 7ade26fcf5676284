"""Every assignment graded the way a class is, in the sandbox with its tests in the judge
(autograder/judge/): the reference gets every point, the released stub none, and the first
mutant loses exactly the cells it declares (slow). `check` proves all mutants with the hidden
tests in the judge and the public checks in the kernel; this proves the grading kernel, which
sends the public checks to the judge too, on every assignment. Expected scores come from the
notebooks' points and the mutants' declared `loses`, never from a grading run.
"""

import pytest

from autograder.config import load_course
from autograder.grade import grade
from autograder.mutants import mutants_for
from autograder.notebook import grade_cells, grade_id, read_notebook, solve, write_notebook
from autograder.sandbox import Limits
from tests.helpers import course_copy, require_full_sandbox

pytestmark = pytest.mark.slow
COURSE = load_course()


@pytest.fixture(scope="module")
def graded(built_course, tmp_path_factory):
    require_full_sandbox()
    root, course_dir = course_copy(built_course, tmp_path_factory, "judged")
    expected = {}
    for a in COURSE.assignments:
        release = read_notebook(course_dir / "release" / a.id / a.notebook_name)
        source = read_notebook(a.source)
        cells = {grade_id(c) for c in grade_cells(source)}
        kinds = {"reference": (solve(release, source), set()), "stub": (release, cells)}
        mutant = next(iter(mutants_for(a.id)), None)
        if mutant is not None:
            kinds["mutant"] = (solve(release, source, edits={mutant.cell: mutant.edits}),
                               set(mutant.loses))
        for kind, (nb, loses) in kinds.items():
            write_notebook(nb, root / "subs" / kind / a.id / a.notebook_name)
            expected[kind, a.id] = {gid: gid in loses for gid in cells}  # cell -> loses points
    results = grade(root / "subs", course_dir=course_dir, workers=2, limits=Limits(wall_s=300),
                    feedback=False)
    return {(r.student, r.assignment): r for r in results}, expected


@pytest.mark.parametrize("assignment", [a.id for a in COURSE.assignments])
def test_reference_stub_and_a_mutant_get_their_expected_cells(graded, assignment):
    results, expected = graded
    for kind in ("reference", "stub", "mutant"):
        if (kind, assignment) not in expected:
            continue
        result = results[kind, assignment]
        assert result.graded, (kind, result.status)
        lost = {gid: score < full for gid, (score, full) in result.cells.items()}
        assert lost == expected[kind, assignment], kind
