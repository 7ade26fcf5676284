"""Tools the hidden tests share: grader-seeded inputs and networks, safe calls into learner code,
isolation from the learner's other answers, a detector for Python loops over the examples, a
watch on calls into shared_utils.nn, centered differences for gradient checks, and the quiz
tests built from an answer key.

Hidden tests run in the judge (autograder/judge/): a learner function they receive is a
judge.LearnerFunction, run in the kernel. The tools here also take plain functions (a test run
in one process, as the tests of the references do)."""
import contextlib
import zlib

import numpy as np

from shared_utils.checks._quiz import parse_answer
from shared_utils.checks._report import describe, fail

from ..judge import HiddenTestFailure, LearnerFunction, quiet, swapped
from ..judge.kernel import with_hooks

__all__ = ["HiddenTestFailure", "quiet", "rng", "random_parameters", "learner_call", "isolated",
           "hooked", "line_steps", "nn_calls", "sgd_steps", "backward_through",
           "expect_vectorised", "centered_differences", "quiz_tests"]

_GRADER_SEED = 7_351_204  # known only to the grader: hidden inputs cannot be predicted


def rng(name):
    """A Generator seeded from the grader's secret and the test's name: the same every run."""
    return np.random.default_rng([_GRADER_SEED, zlib.crc32(name.encode())])


def random_parameters(g, dims, scale=1.0):
    """W1, b1, ... of a network of layer sizes `dims`, drawn from g layer by layer:
    W^[l] ~ N(0, 1) * scale / sqrt(n^[l-1]), b^[l] ~ N(0, 0.3^2)."""
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = g.normal(0, 1, (dims[l], dims[l - 1])) * scale / np.sqrt(dims[l - 1])
        params[f"b{l}"] = g.normal(0, 0.3, (dims[l], 1))
    return params


def learner_call(func, *args, **kwargs):
    """Call learner code; any exception becomes a failure that names the call and its input."""
    return _call(func, args, kwargs)[0]


def _call(func, args, kwargs, hooks=None):
    """learner_call's work: (value, what the hooks found), hooks as in judge.kernel.HOOKS
    ({name: argument}; "backward": G runs backward() on the value, see backward_from)."""
    try:
        if isinstance(func, LearnerFunction):
            return func.call(args, kwargs, hooks)
        hooks, found = {**_local_hooks.get(id(func), {}), **(hooks or {})}, {}
        with contextlib.ExitStack() as stack:
            value = with_hooks(stack, func, hooks, found)(*args, **kwargs)
        return value, found
    except NotImplementedError:
        fail(func.__name__, "is not implemented yet.")
    except Exception as exc:  # the learner's bug, reported with the input that caused it
        shown = ", ".join(describe(a) for a in args)
        fail(func.__name__, f"raised {type(exc).__name__}: {exc}", actual=f"called with {shown}")


@contextlib.contextmanager
def isolated(func, modules=None, **replacements):
    """While active, names in the learner's namespace (e.g. `propagate`) point to reference
    versions, so a test of one function does not fail because of a bug in another; `modules`
    ({module name: {attribute: value}}) does the same to modules the learner's code may call
    through (where they are loaded)."""
    modules = modules or {}
    if isinstance(func, LearnerFunction):  # the kernel applies them on each call (judge)
        with _merged(func.__dict__, {"swaps": replacements, "module_swaps": modules}):
            yield
    else:
        with swapped(func, replacements, modules):
            yield


_local_hooks = {}  # id(plain function) -> hooks while a `hooked` context holds it


@contextlib.contextmanager
def hooked(func, **hooks):
    """While active, every call of `func` runs with these hooks (e.g. numpy_only=None: every
    shared_utils.nn op raises, DECISIONS §16)."""
    if isinstance(func, LearnerFunction):
        with _merged(func.__dict__, {"hooks": hooks}):
            yield
    else:
        with _merged(_local_hooks, {id(func): hooks}):
            yield


@contextlib.contextmanager
def _merged(table, more):
    """While active, each table[key] (a dict, or missing) also holds the entries of more[key]."""
    saved = {key: table.get(key) for key in more}
    for key, entries in more.items():
        table[key] = {**(saved[key] or {}), **entries}
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                table.pop(key, None)
            else:
                table[key] = value


def line_steps(func, *args, **kwargs):
    """How many lines of the learner's own code run during the call (a deterministic count)."""
    return _call(func, args, kwargs, {"count_lines": None})[1]["steps"]


def nn_calls(func, *args, **kwargs):
    """learner_call, and the names of the shared_utils.nn functions the call ran into."""
    value, found = _call(func, args, kwargs, {"watch_nn": None})
    return value, found["nn_calls"]


def sgd_steps(func, *args, **kwargs):
    """learner_call, and how many times the call stepped an nn.optim.SGD."""
    value, found = _call(func, args, kwargs, {"count_sgd_steps": None})
    return value, found["sgd_steps"]


def backward_through(func, G, *args, **kwargs):
    """learner_call, then backward() from its value (G None: the value itself, else
    sum(value * G); see backward_from), which fills .grad of the Parameters passed in."""
    return _call(func, args, kwargs, {"backward": G})[0]


def expect_vectorised(func, small_args, large_args, m_small, m_large):
    """The learner's code runs as many lines for m_large examples as for m_small (notes §2.11)."""
    few, many = line_steps(func, *small_args), line_steps(func, *large_args)
    if many > few:
        fail(func.__name__, "seems to loop over the examples in Python.",
             expected=f"the same number of executed lines for m = {m_small} and m = {m_large}",
             actual=f"{few} lines for m = {m_small}, {many} lines for m = {m_large}",
             hint="replace the for loop with whole-array numpy operations (notes §2.11-2.14).")


def centered_differences(F, arrays, eps=1e-6):
    """dF/da for every entry of each array in `arrays`, F() a scalar of them (each entry is
    changed in place, then restored)."""
    result = []
    for a in arrays:
        d = np.zeros_like(a)
        for i in np.ndindex(a.shape):
            old = a[i]
            a[i] = old + eps
            up = F()
            a[i] = old - eps
            d[i] = (up - F()) / (2 * eps)
            a[i] = old
        result.append(d)
    return result


def _quiz_test(questions, q, key, section):
    def test(answer):
        if parse_answer(questions, q, answer) != key:
            fail(f"q{q}_answer", "is not the answer the notes support.",
                 hint=f"re-read notes {section}.")

    test.__name__ = test.__qualname__ = f"test_q{q}"
    return test


def quiz_tests(questions, keys):
    """The hidden tests test_q<N>(answer), one a question of `keys` (question -> (key, the
    notes' section to re-read)), in the order of the numbers. Each first applies the public
    form check of `questions` (a badly formed answer loses this cell too), then compares with
    the key; a wrong answer is sent back to the notes, never told the key."""
    for q, (key, _) in keys.items():  # a key the learner's answers can never equal is a typo
        if q not in questions or parse_answer(questions, q, key) != key:
            raise ValueError(f"quiz key of question {q}: not in the form answers are compared in")
    return tuple(_quiz_test(questions, q, *keys[q]) for q in sorted(keys))
