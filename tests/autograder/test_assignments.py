"""Every assignment, graded in-process (fast): the reference earns every point, the released stub
none, and each plausible mistake in autograder/mutants/ loses exactly the cells it declares.

`check` proves the same through real nbgrader runs (tests/autograder/test_check.py, slow).
"""
import copy

import pytest
from nbgrader.preprocessors import ClearSolutions

from autograder.config import load_course
from autograder.mutants import mutants_for
from autograder.notebook import read_notebook, solve
from tests.helpers import cell_scores, lost

ASSIGNMENTS = load_course().assignments
CASES = [(a, m) for a in ASSIGNMENTS for m in mutants_for(a.id)]


def _source(a):
    return read_notebook(a.source)


@pytest.fixture(autouse=True)
def _helper_modules_importable(request, monkeypatch):
    """A notebook imports the helper modules released with it (its `files`) from its own
    folder, as it does in release/<id>/ and when nbgrader grades it."""
    callspec = getattr(request.node, "callspec", None)
    assignment = callspec.params.get("assignment") if callspec else None
    for path in getattr(assignment, "files", ()):
        monkeypatch.syspath_prepend(str(path.parent))


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_reference_earns_every_point(assignment):
    source = _source(assignment)
    scores = cell_scores(solve(source, source))
    assert scores and lost(scores) == set()


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_stub_earns_nothing(assignment):
    stub = copy.deepcopy(_source(assignment))
    ClearSolutions().preprocess(stub, {})
    scores = cell_scores(stub)
    assert lost(scores) == set(scores)


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_every_assignment_has_mutants(assignment):
    assert len(mutants_for(assignment.id)) >= 5


@pytest.mark.parametrize("assignment,mutant", CASES, ids=[f"{a.id}:{m.name}" for a, m in CASES])
def test_mutant_loses_exactly_its_cells(assignment, mutant):
    source = _source(assignment)
    scores = cell_scores(solve(source, source, edits={mutant.cell: mutant.edits}))
    assert lost(scores) == set(mutant.loses)
