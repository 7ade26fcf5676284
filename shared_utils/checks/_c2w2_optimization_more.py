"""Public checks for c2w2_optimization, continued: the learning-rate schedules (notes C2 §2.9)
and the form of the quiz answers. `c2w2_optimization.py` re-exports everything here.

Literal numbers: T9 and T10 of notes-course2.md §6, and values worked out by hand from the
notes' formulas. The quiz checks look only at the form of an answer, never at whether it is
right (the key is not part of shared_utils).
"""
from ._compare import call, expect_close, expect_scalar
from ._report import passed
from ._quiz import CHOICE, CHOICES, quiz, quiz_checks

__all__ = ["update_lr_test", "schedule_lr_decay_test", "exponential_decay_test",
           "inverse_sqrt_decay_test", "staircase_decay_test", "QUIZ",
           "q15_test", "q17_test", "q19_test"]


def _expect_rates(target, third, cases, hint):
    """cases: (args, kwargs, expected learning rate); `third` names the third argument."""
    func = target.__name__
    for args, kwargs, expected in cases:
        inputs = dict(zip(("learning_rate0", "epoch_num", third), args), **kwargs)
        rate = call(target, *args, **kwargs)
        expect_scalar(func, "learning_rate", rate, inputs=inputs)
        expect_close(func, "learning_rate", rate, expected, inputs=inputs, hint=hint)
    passed(func)


def update_lr_test(target):
    """T9: alpha0 = 0.2, decay_rate = 1 gives 0.1, 0.0667, 0.05, 0.04 in epochs 1-4 (E16)."""
    cases = [((0.2, e, 1), {}, r) for e, r in
             enumerate((0.2, 0.1, 0.06666666666666667, 0.05, 0.04))]
    cases.append(((0.5, 7, 0.3), {}, 0.16129032258064516))
    hint = ("learning_rate = learning_rate0 / (1 + decay_rate * epoch_num): the product "
            "decay_rate * epoch_num belongs inside (1 + ...).")
    _expect_rates(target, "decay_rate", cases, hint)


def schedule_lr_decay_test(target):
    cases = [((0.5, e, 1), {}, r) for e, r in
             ((0, 0.5), (999, 0.5), (1000, 0.25), (1999, 0.25), (2500, 0.16666666666666666))]
    cases.append(((0.3, 25, 2), {"time_interval": 10}, 0.06))
    hint = ("learning_rate0 / (1 + decay_rate * np.floor(epoch_num / time_interval)): the rate "
            "only changes every time_interval epochs.")
    _expect_rates(target, "decay_rate", cases, hint)


def exponential_decay_test(target):
    """T10: alpha0 = 0.2, base 0.95 gives 0.2, 0.19, 0.1805, 0.171475 in epochs 0-3 (E17)."""
    cases = [((0.2, e), {}, r) for e, r in enumerate((0.2, 0.19, 0.1805, 0.171475))]
    cases.append(((0.1, 3), {"base": 0.5}, 0.0125))
    hint = ("learning_rate = base**epoch_num * learning_rate0; the base (0.95) is the number "
            "below 1, not the learning rate.")
    _expect_rates(target, "base", cases, hint)


def inverse_sqrt_decay_test(target):
    cases = [((0.2, e), {}, r) for e, r in
             ((1, 0.2), (4, 0.1), (16, 0.05), (2, 0.1414213562373095))]
    cases.append(((0.05, 9), {"k": 3.0}, 0.05))
    _expect_rates(target, "k", cases, "learning_rate = k / np.sqrt(epoch_num) * learning_rate0.")


def staircase_decay_test(target):
    cases = [((0.2, e), {}, r) for e, r in ((0, 0.2), (999, 0.2), (1000, 0.1), (2500, 0.05))]
    cases.append(((0.1, 25), {"drop": 0.1, "epochs_per_drop": 10}, 0.001))
    hint = ("learning_rate = learning_rate0 * drop**np.floor(epoch_num / epochs_per_drop): a "
            "step down every epochs_per_drop epochs, flat in between.")
    _expect_rates(target, "drop", cases, hint)


# The quiz: the form of each answer (the key is the grader's).
QUIZ = quiz({15: (CHOICES, "abcde"), 17: (CHOICE, "abcd"), 19: (CHOICE, "abcd")})
q15_test, q17_test, q19_test = quiz_checks(QUIZ)
