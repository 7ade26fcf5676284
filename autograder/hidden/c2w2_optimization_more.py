"""Hidden tests for c2w2_optimization, continued: the learning-rate schedules (notes C2 §2.9)
and the quiz key. c2w2_optimization.py imports these tests, so run_hidden finds them there.
"""
import inspect

from shared_utils.checks._c2w2_optimization_more import QUIZ
from shared_utils.checks._compare import expect_close, expect_scalar

from .c2w2_optimization_reference import REFERENCES
from .harness import isolated, learner_call, quiz_tests, rng


def _others(func):
    """Reference versions of every graded function but `func` (a bug costs points once)."""
    return isolated(func, **{k: v for k, v in REFERENCES.items() if k != func.__name__})


def _test_schedule(fn, cases, hint):
    """cases: (args, kwargs); the learner's rate must match the reference's."""
    func = fn.__name__
    names = list(inspect.signature(REFERENCES[func]).parameters)
    with _others(fn):
        for args, kwargs in cases:
            inputs = {**dict(zip(names, args)), **kwargs}
            rate = learner_call(fn, *args, **kwargs)
            expect_scalar(func, "learning_rate", rate, inputs=inputs)
            expect_close(func, "learning_rate", rate, float(REFERENCES[func](*args, **kwargs)),
                         rtol=1e-9, inputs=inputs, hint=hint)


def _rates(name, n=6):
    g = rng(name)
    return [float(x) for x in g.uniform(0.001, 1.0, n)]


def test_update_lr(fn):
    cases = [((a0, int(e), dr), {}) for a0, e, dr in
             zip(_rates("lr0"), (0, 1, 3, 17, 250, 9999), _rates("decay-rate"))]
    _test_schedule(fn, cases, "learning_rate0 / (1 + decay_rate * epoch_num).")


def test_schedule_lr_decay(fn):
    cases = [((a0, e, dr), {"time_interval": ti}) for a0, dr, (e, ti) in
             zip(_rates("lr0"), _rates("decay-rate"),
                 ((0, 1000), (999, 1000), (1000, 1000), (4321, 1000), (30, 10), (29, 10)))]
    cases.append(((0.7, 2000, 0.5), {}))  # the default time_interval (1000)
    _test_schedule(fn, cases, "the rate drops only when epoch_num reaches a multiple of "
                              "time_interval: np.floor(epoch_num / time_interval).")


def test_exponential_decay(fn):
    cases = [((a0, e), {"base": b}) for a0, e, b in
             zip(_rates("lr0"), (0, 1, 2, 10, 57, 300), (0.95, 0.9, 0.5, 0.99, 0.97, 0.999))]
    cases.append(((0.3, 12), {}))  # the default base (0.95)
    _test_schedule(fn, cases, "base**epoch_num * learning_rate0.")


def test_inverse_sqrt_decay(fn):
    cases = [((a0, e), {"k": k}) for a0, e, k in
             zip(_rates("lr0"), (1, 2, 3, 10, 64, 5000), (1.0, 0.5, 2.0, 0.1, 3.0, 1.5))]
    cases.append(((0.3, 7), {}))  # the default k (1)
    _test_schedule(fn, cases, "k / np.sqrt(epoch_num) * learning_rate0.")


def test_staircase_decay(fn):
    cases = [((a0, e), {"drop": d, "epochs_per_drop": n}) for a0, (e, d, n) in
             zip(_rates("lr0"), ((0, 0.5, 10), (9, 0.5, 10), (10, 0.5, 10), (35, 0.1, 10),
                                 (299, 0.8, 100), (300, 0.8, 100)))]
    cases.append(((0.3, 2500), {}))  # the defaults: halve every 1000 epochs
    _test_schedule(fn, cases, "learning_rate0 * drop**np.floor(epoch_num / epochs_per_drop).")


# The quiz key: question -> (answer, the notes' section to re-read)
KEY = {15: ("ace", "C2 §2.2 (batch, stochastic and mini-batch gradient descent)"),
       17: ("b", "C2 §2.5 (bias correction, and erratum E14)"),
       19: ("a", "C2 §2.9 (the worked example, and erratum E16)")}

test_q15, test_q17, test_q19 = quiz_tests(QUIZ, KEY)
