"""Instructor-only hidden tests. Never copied into a release, never imported by shared_utils.

A notebook's autograder cell calls these from its hidden region, e.g.

    ### BEGIN HIDDEN TESTS
    from autograder.hidden import run_hidden
    run_hidden("c1w2_logistic_regression.test_sigmoid", sigmoid)
    ### END HIDDEN TESTS

`run_hidden` has the test run by a judge, a process of its own that the learner's code cannot
reach (autograder/judge.py): this module is the one a plain kernel imports (`check`, nbgrader's
validate); in the grading sandbox the kernel gets only the judge's client under this name. A
failure is reported as one short, kind message (no hidden code in the traceback that feedback
shows), a pass as one printed line. The assignments in judge.IN_KERNEL still run their tests in
the kernel (see there why).
"""
import importlib

from ..judge import IN_KERNEL, HiddenTestFailure
from ..judge import run_hidden as _judged
from .harness import quiet

__all__ = ["run_hidden", "HiddenTestFailure"]


def run_hidden(test, *args):
    """Run the hidden test '<assignment_id>.<test_name>' on the learner's objects."""
    module_name, test_name = test.rsplit(".", 1)
    if module_name not in IN_KERNEL:
        return _judged(test, *args)
    run_test(importlib.import_module(f"{__name__}.{module_name}"), test_name, args)


def run_test(module, test_name, args):
    """Run `test_name` of a hidden-test module here, in this process."""
    try:
        with quiet():
            getattr(module, test_name)(*args)
    except AssertionError as exc:  # CheckFailure is an AssertionError
        raise HiddenTestFailure(str(exc)) from None
    print(f"{test_name.removeprefix('test_')}: hidden tests passed.")
