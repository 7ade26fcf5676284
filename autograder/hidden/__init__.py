"""Instructor-only hidden tests. Never copied into a release, never imported by shared_utils.

A notebook's autograder cell calls these from its hidden region, e.g.

    ### BEGIN HIDDEN TESTS
    from autograder.hidden import run_hidden
    run_hidden("c1w2_logistic_regression.test_sigmoid", sigmoid)
    ### END HIDDEN TESTS

`run_hidden` has the test run by a judge, a process of its own that the learner's code cannot
reach (autograder/judge/): this module is the one a plain kernel imports (`check`, nbgrader's
validate); in the grading sandbox the kernel gets only the judge's client under this name. A
failure is reported as one short, kind message (no hidden code in the traceback that feedback
shows), a pass as one printed line.
"""
from ..judge import HiddenTestFailure, run_hidden

__all__ = ["run_hidden", "HiddenTestFailure"]
