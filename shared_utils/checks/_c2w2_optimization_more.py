"""Public checks for c2w2_optimization, continued: the learning-rate schedules (notes C2 §2.9)
and the form of the quiz answers. `c2w2_optimization.py` re-exports everything here.

Literal numbers: T9 and T10 of notes-course2.md §6, and values worked out by hand from the
notes' formulas. The quiz checks look only at the form of an answer, never at whether it is
right (the key is not part of shared_utils).
"""
from ._compare import call, expect_close, expect_scalar
from ._report import describe, fail, passed

__all__ = ["update_lr_test", "schedule_lr_decay_test", "exponential_decay_test",
           "inverse_sqrt_decay_test", "staircase_decay_test", "parse_letters",
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


# The letters each quiz question offers, and whether it takes one letter or several.
_QUIZ = {15: ("abcde", True), 17: ("abcd", False), 19: ("abcd", False)}


def parse_letters(q, answer):
    """The answer to question q as sorted lowercase letters; case, spaces and commas forgiven."""
    options, several = _QUIZ[q]
    name, example = f"q{q}_answer", '"bd"' if several else '"b"'
    if not isinstance(answer, str):
        fail(name, "should be a string of option letters.", expected=f"for example {example}",
             actual=describe(answer), hint=f"put the letters in quotes: {name} = {example}")
    letters = "".join(ch for ch in answer.lower() if ch not in " ,;\t\n")
    unknown = sorted(set(letters) - set(options))
    if not letters or unknown:
        fail(name, "should use only the letters of the options.",
             expected=f"letters among {', '.join(options)}", actual=describe(answer),
             hint="answer with option letters, e.g. \"b\", not the option's words.")
    if len(set(letters)) != len(letters) or (not several and len(letters) != 1):
        fail(name, "should name " + ("each selected letter once." if several
                                     else "exactly one letter: this question has one answer."),
             actual=describe(answer))
    return "".join(sorted(letters))


def _quiz_test(q, answer):
    parse_letters(q, answer)
    kind = "a set of letters" if _QUIZ[q][1] else "one letter"
    print(f"q{q}_answer is well-formed ({kind}). "
          "Whether it is right is checked when your notebook is graded.")


def q15_test(answer):
    _quiz_test(15, answer)


def q17_test(answer):
    _quiz_test(17, answer)


def q19_test(answer):
    _quiz_test(19, answer)
