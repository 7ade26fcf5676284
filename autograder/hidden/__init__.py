"""Instructor-only hidden tests. Never copied into a release, never imported by shared_utils.

A notebook's autograder cell calls these from its hidden region, e.g.

    ### BEGIN HIDDEN TESTS
    from autograder.hidden import run_hidden
    run_hidden("c1w2_logistic_regression.test_sigmoid", sigmoid)
    ### END HIDDEN TESTS

`run_hidden` reports a failure as one short, kind message (no hidden code in the traceback that
feedback shows) and prints one line on success.
"""
import importlib

from .harness import HiddenTestFailure, quiet

__all__ = ["run_hidden", "HiddenTestFailure"]


def run_hidden(test, *args):
    """Run the hidden test '<assignment_id>.<test_name>' on the learner's objects."""
    module_name, test_name = test.rsplit(".", 1)
    run_test(importlib.import_module(f"{__name__}.{module_name}"), test_name, args)


def run_test(module, test_name, args):
    """Run `test_name` of a hidden-test module (guard.py seals the modules away at grading)."""
    try:
        with quiet():
            getattr(module, test_name)(*args)
    except AssertionError as exc:  # CheckFailure is an AssertionError
        raise HiddenTestFailure(str(exc)) from None
    print(f"{test_name.removeprefix('test_')}: hidden tests passed.")
