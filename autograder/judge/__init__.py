"""The judge: hidden tests and public checks run in a process of their own, never in the
learner's kernel.

A test cell calls `run_hidden("<assignment id>.test_<name>", learner objects...)`, or a public
check (`sigmoid_test(sigmoid)`). In the grading kernel both only send a request: the objects as
data (values.py: arrays as raw bytes, never pickle) and functions as handles. The judge process
holds the hidden tests, their references and the checks; it runs the test, and every call the
test makes into learner code goes back to the kernel as a request, runs there (kernel.py), and
comes back as data. So learner code never shares a process with a reference solution, a hidden
test or an expected value: it cannot read them, call them, or patch what compares with them. The
judge answers with a verdict, shown in the notebook as before, and, when grading in the sandbox,
also writes it to a file the kernel cannot write (server.py); the worker scores each test cell
from those verdicts (sandbox.py), so a kernel that fakes a pass or skips the judge earns nothing.

Both sides speak through an Endpoint over a socket pair (wire.py). A call may call back: the
learner's function may call a reference that a test put in its place (`harness.isolated`), or a
function the test passed in; those run in the judge while the call waits. What a learner
function does to its arguments in place, and numpy's global random state, are carried back, so a
test sees what it would have seen in one process.

    python -m autograder.judge <socket fd>   (started by run_hidden in a plain kernel)
In the grading sandbox the kernel's launcher forks the judge before it drops its rights
(sandbox_kernel.py); the judge keeps the grader's user, which the kernel cannot inspect.
"""
import contextlib
import warnings

import numpy as np

class HiddenTestFailure(AssertionError):
    """A hidden test failed; the message is all that the learner's feedback shows."""


@contextlib.contextmanager
def quiet():
    """No warnings reach stderr (stderr output would zero a test cell)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        yield


from .values import Opaque, absorb  # noqa: E402  (the names above come first: submodules use them)
from .wire import MAX_FRAME, Endpoint, LearnerFunction  # noqa: E402
from .server import (cell_passes, hidden_tests_in, judged_names, public_checks,  # noqa: E402
                     read_verdicts, serve)
from .kernel import connect, forward_checks, run_hidden, swapped  # noqa: E402

__all__ = ["HiddenTestFailure", "quiet", "Opaque", "absorb", "MAX_FRAME", "Endpoint",
           "LearnerFunction", "cell_passes", "hidden_tests_in", "judged_names", "public_checks",
           "read_verdicts", "serve", "connect", "forward_checks", "run_hidden", "swapped"]
