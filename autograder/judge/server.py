"""The judge's side: run a hidden test or a public check for a kernel, and keep the verdicts.

Also what the grading worker needs to score a cell from the verdicts: which tests and checks a
cell runs (`judged_names`), and whether the verdicts earn it (`cell_passes`).
"""
import contextlib
import importlib
import inspect
import io
import json
import re

import numpy as np

from . import quiet
from .wire import Endpoint

__all__ = ["serve", "read_verdicts", "hidden_tests_in", "public_checks", "judged_names",
           "cell_passes"]


def hidden_tests_in(source):
    """The hidden tests a cell's source runs: 'c1w2_logistic_regression.test_sigmoid', ..."""
    return re.findall(r"run_hidden\(\s*[\"']([\w.]+)[\"']", source)


def public_checks(assignment_id):
    """{name: function} of the public checks of an assignment: the functions its module
    shared_utils.checks.<id> exports."""
    module = importlib.import_module(f"shared_utils.checks.{assignment_id}")
    return {name: getattr(module, name) for name in getattr(module, "__all__", ())
            if inspect.isfunction(getattr(module, name, None))}


def judged_names(source, assignment_id, defined=()):
    """What the judge must have passed for a grade cell's points: the hidden tests its source
    runs ('<id>.test_<name>') and the public checks it calls ('<id>.<name>_test'), except
    names the notebook `defined` itself (a learner's batchnorm_forward_test is no check)."""
    public = set(public_checks(assignment_id)) - set(defined)
    names = hidden_tests_in(source) + [f"{assignment_id}.{name}" for name in
                                       re.findall(r"\b(\w+)\s*\(", source) if name in public]
    return list(dict.fromkeys(names))


def cell_passes(names, verdicts):
    """Whether the judge's verdicts ({name: [passed, ...]} of one notebook) earn a cell that
    needs `names`: each must have run; a hidden test must never have failed (no answer can be
    tried until one passes); a public check must have passed once (a learner may well call
    one before fixing the answer, as in the lab)."""
    for name in names:
        runs = verdicts.get(name) or []
        hidden = name.rpartition(".")[2].startswith("test_")
        if not runs or not (all(runs) if hidden else any(runs)):
            return False
    return True


MAX_RUNS = 10_000  # tests and checks one notebook may have run (each writes a verdict line)


class _Judge:
    def __init__(self, verdicts, notebook, assignments):
        self.verdicts, self.notebook, self.assignments = verdicts, notebook, assignments
        self.running, self.runs = False, 0

    def find(self, op, name):
        """The hidden test ('run') or public check ('check') called `name`, or None: only of
        this notebook's assignment when the judge knows it (no oracle for another one)."""
        module_name, _, func_name = name.partition(".")
        if not (module_name.isidentifier() and func_name.isidentifier()
                and self.runs < MAX_RUNS
                and (self.assignments is None or module_name in self.assignments)):
            return None
        try:
            if op == "check":
                return public_checks(module_name).get(func_name)
            if func_name.startswith("test_"):
                module = importlib.import_module(f"autograder.hidden.{module_name}")
                return getattr(module, func_name, None)
        except ImportError:
            pass
        return None

    def serve(self, endpoint, header, values):
        if header["op"] == "call":
            endpoint.answer_call(header, values)
        elif header["op"] in ("run", "check") and not self.running:
            self.run(endpoint, header, values)
        else:
            endpoint.send({"op": "raise", "type": "RuntimeError",
                           "message": "a test cannot start while another runs"},
                          {"rng": np.random.get_state()})

    def run(self, endpoint, header, values):
        op, name = header["op"], str(header.get("test"))
        test = self.find(op, name)
        what = "hidden test" if op == "run" else "public check"
        passed, message, error = False, f"there is no {what} {name!r}", None
        printed = io.StringIO()
        if test is not None:
            self.running, self.runs = True, self.runs + 1
            np.random.set_state(values["rng"])
            try:
                with quiet(), contextlib.redirect_stdout(printed):
                    test(*values["args"], **values["kwargs"])
                passed, message = True, ""
            except AssertionError as exc:  # CheckFailure is an AssertionError
                message = str(exc)
            except (EOFError, OSError):
                raise  # the kernel is gone: nothing to answer
            except Exception as exc:  # noqa: BLE001 (the learner's error, or the test's bug)
                error, message = type(exc).__name__, str(exc)
                if op == "run":
                    message = f"the hidden test could not run ({error}: {message})"
            finally:
                self.running = False
                endpoint.forget_exports()
        if self.verdicts is not None and test is not None:
            self.verdicts.write(json.dumps({"notebook": self.notebook, "test": name,
                                            "passed": passed}) + "\n")
            self.verdicts.flush()
        endpoint.send({"op": "answer", "passed": passed, "message": message, "error": error},
                      {"printed": printed.getvalue(), "rng": np.random.get_state()})


def serve(sock, verdicts=None, notebook="", assignments=None):
    """Run hidden tests and public checks for the kernel at the other end of `sock` until it
    closes: those of `assignments` (imported at once), or of any when it is None. With
    `verdicts` (a file open for appending) every verdict is also written there as a JSON line
    {"notebook": notebook, "test": ..., "passed": ...}."""
    for name in assignments or ():  # while the kernel starts
        importlib.import_module(f"autograder.hidden.{name}")
        importlib.import_module(f"shared_utils.checks.{name}")
    judge = _Judge(verdicts, notebook, None if assignments is None else set(assignments))
    endpoint = Endpoint(sock, judge.serve, in_kernel=False)
    with contextlib.suppress(EOFError, OSError):
        while (message := endpoint.receive()) is not None:
            endpoint.serve(*message)


def read_verdicts(path):
    """{notebook folder: {test: [passed, ...]}} from a verdicts file written by serve."""
    found = {}
    with contextlib.suppress(FileNotFoundError):
        with open(path) as f:
            for line in f:
                with contextlib.suppress(ValueError, KeyError, TypeError):
                    v = json.loads(line)
                    found.setdefault(v["notebook"], {}).setdefault(v["test"], []).append(
                        v["passed"] is True)
    return found
