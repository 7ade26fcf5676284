"""Small parts of the pipeline on tiny fixtures: notebook helpers, the feedback stripper, the
course manifest, and the hidden-test harness."""
import nbformat
import numpy as np
import pytest
from nbformat.v4 import new_notebook

from autograder.config import load_course
from autograder.errors import AutograderError
from autograder.hidden import HiddenTestFailure, run_hidden
from autograder.hidden.harness import expect_vectorised, isolated, line_steps, rng
from autograder.notebook import owners, read_notebook, solve, tamper
from autograder.preprocessors import StripHiddenTests
from autograder.preprocessors.strip_hidden import PLACEHOLDER, strip_hidden_regions
from shared_utils.checks import CheckFailure
from tests.helpers import nbgrader_cell



def _tiny():
    return new_notebook(cells=[
        nbgrader_cell("x = 1"),
        nbgrader_cell("def double(v):\n    ### BEGIN SOLUTION\n    return 2 * v\n    ### END SOLUTION",
              grade_id="double", solution=True),
        nbgrader_cell("assert double(2) == 4", grade_id="double_visible", grade=True, locked=True,
              points=1),
        nbgrader_cell("### BEGIN HIDDEN TESTS\nassert double(3) == 6\n### END HIDDEN TESTS",
              grade_id="double_hidden", grade=True, locked=True, points=2)])


def test_owners_maps_each_test_cell_to_the_answer_above_it():
    assert owners(_tiny()) == {"double_visible": "double", "double_hidden": "double"}


def test_solve_pastes_the_answer_and_applies_edits():
    release = _tiny()
    release.cells[1].source = "def double(v):\n    raise NotImplementedError()"
    solved = solve(release, _tiny(), edits={"double": [("2 * v", "v + v + 1")]})
    assert solved.cells[1].source == "def double(v):\n    return v + v + 1"
    assert release.cells[1].source.endswith("NotImplementedError()")  # the input is untouched
    with pytest.raises(AutograderError, match="does not apply"):
        solve(release, _tiny(), edits={"double": [("3 * v", "")]})


def test_tamper_rewrites_only_the_named_cells():
    nb = tamper(_tiny(), {"double_visible": "pass"})
    assert [c.source for c in nb.cells][2:] == ["pass", _tiny().cells[3].source]
    with pytest.raises(AutograderError, match="no cells"):
        tamper(_tiny(), {"nope": "pass"})


@pytest.mark.parametrize("content,reason", [("{not json", "not a readable notebook"),
                                            ('{"cells": 3}', "not a readable notebook")])
def test_unreadable_notebooks_give_one_line(tmp_path, content, reason):
    path = tmp_path / "nb.ipynb"
    path.write_text(content)
    with pytest.raises(AutograderError, match=reason) as error:
        read_notebook(path)
    assert "\n" not in str(error.value)
    with pytest.raises(AutograderError, match="no such notebook"):
        read_notebook(tmp_path / "missing.ipynb")


def test_strip_hidden_regions_keeps_everything_else():
    source = "a = 1\n    ### BEGIN HIDDEN TESTS\n    secret()\n    ### END HIDDEN TESTS\nb = 2"
    assert strip_hidden_regions(source) == f"a = 1\n    {PLACEHOLDER}\nb = 2"


def test_feedback_preprocessor_hides_code_and_tracebacks():
    nb = _tiny()
    hidden = nb.cells[3]
    hidden.outputs = [nbformat.v4.new_output("error", ename="HiddenTestFailure",
                                             evalue="double: wrong", traceback=["secret()", "x"])]
    nb, _ = StripHiddenTests().preprocess(nb, {})
    assert "double(3)" not in nb.cells[3].source
    assert nb.cells[3].outputs[0]["traceback"] == ["HiddenTestFailure: double: wrong"]
    assert nb.cells[2].source == "assert double(2) == 4"


def test_the_manifest_loads_and_rejects_unknown_ids():
    course = load_course()
    assert course.get("c1w2_logistic_regression").points == 20
    with pytest.raises(AutograderError, match="unknown assignment id 'c9w9_nope'"):
        course.get("c9w9_nope")


def test_a_broken_manifest_is_one_clear_line(tmp_path):
    bad = tmp_path / "assignments.toml"
    bad.write_text('[[assignment]]\nid = "c1w2_x"\nsource = "nowhere.ipynb"\npoints = 1\n')
    with pytest.raises(AutograderError, match="file not found"):
        load_course(bad, root=tmp_path)


def test_rng_is_the_same_every_run_and_differs_between_tests():
    assert rng("a").random() == rng("a").random() != rng("b").random()


def test_line_steps_count_loops_and_not_numpy():
    namespace = {"np": np}
    exec("def loop(x):\n    s = 0\n    for v in x:\n        s += v\n    return s\n"
         "def vec(x):\n    return np.sum(x)", namespace)
    assert line_steps(namespace["loop"], np.ones(10)) > line_steps(namespace["loop"], np.ones(2))
    assert line_steps(namespace["vec"], np.ones(10)) == line_steps(namespace["vec"], np.ones(2))
    with pytest.raises(CheckFailure, match="seems to loop over the examples"):
        expect_vectorised(namespace["loop"], (np.ones(2),), (np.ones(10),), 2, 10)


def test_isolated_swaps_names_and_restores_them():
    namespace = {}
    exec("def helper():\n    return 'learner'\ndef uses():\n    return helper()", namespace)
    with isolated(namespace["uses"], helper=lambda: "reference", extra=1):
        assert namespace["uses"]() == "reference"
    assert namespace["uses"]() == "learner" and "extra" not in namespace


def test_run_hidden_reports_only_the_message(capsys):
    with pytest.raises(HiddenTestFailure) as failure:
        run_hidden("c1w2_logistic_regression.test_sigmoid", lambda z: z)
    assert failure.value.__cause__ is None and failure.value.__suppress_context__
    assert str(failure.value).startswith("sigmoid: sigmoid(z) has the wrong value.")
    run_hidden("c1w2_logistic_regression.test_sigmoid", lambda z: 1 / (1 + np.exp(-z)))
    assert capsys.readouterr().out == "sigmoid: hidden tests passed.\n"


def test_grading_skips_only_tagged_ungraded_cells():
    from autograder.preprocessors import SkipWhenGrading
    nb = _tiny()
    for cell in nb.cells:
        cell.metadata["tags"] = ["skip-when-grading"]
    nb, _ = SkipWhenGrading().preprocess(nb, {})
    assert nb.cells[0].source.startswith("# (not run while grading")
    assert [c.source for c in nb.cells[1:]] == [c.source for c in _tiny().cells[1:]]


def test_sanitize_list_is_nbgraders_own_with_ours_after_overwrite_cells():
    from nbgrader.converters import Autograde

    from autograder.build import SANITIZE
    ours = "autograder.preprocessors.SkipWhenGrading"
    defaults = [f"nbgrader.preprocessors.{p.__name__}"
                for p in Autograde.class_traits()["sanitize_preprocessors"].default()]
    assert [p for p in SANITIZE if p != ours] == defaults
    assert SANITIZE.index(ours) > SANITIZE.index("nbgrader.preprocessors.OverwriteCells")


def test_lab_copies_the_release_once_and_hides_instructor_tools(built_course, tmp_path):
    import json

    from autograder.lab import prepare
    folder = prepare(lab_dir=tmp_path / "lab", course_dir=built_course)
    notebook = folder / "c1w2_logistic_regression" / "logistic_regression.ipynb"
    assert "raise NotImplementedError()" in notebook.read_text()
    notebook.write_text("my work")
    prepare(lab_dir=tmp_path / "lab", course_dir=built_course)
    assert notebook.read_text() == "my work"  # a learner's edits are never overwritten
    page = json.loads((folder / ".jupyter" / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"]["@jupyter/nbgrader:formgrader"] is True
