"""The form of a quiz answer, for every notebook with a quiz: one letter among the options, a set
of letters, an ordering of all the letters, or a whole number. Case, spaces and commas are
forgiven. These checks never say whether an answer is right: the grader decides that with an
answer key that is not part of shared_utils.

An assignment's check module lists the form of each question and takes its checks from here:

    QUIZ = quiz({1: (CHOICE, "abcd"), 2: (NUMBER, None), 3: (CHOICES, "abcde")})
    q1_test, q2_test, q3_test = quiz_checks(QUIZ)
"""
from numbers import Integral, Real
from types import MappingProxyType

from ._report import describe, fail

__all__ = ["CHOICE", "CHOICES", "ORDER", "NUMBER", "quiz", "parse_answer", "quiz_checks"]

# The forms a question can ask for, worded as the success line names them.
CHOICE, CHOICES, ORDER, NUMBER = ("one letter", "a set of letters", "an ordering of the letters",
                                  "a whole number")


def quiz(questions):
    """question number -> (form, the letters it offers), read-only: the grader parses with it."""
    unknown = [q for q, (form, _) in questions.items() if form not in (CHOICE, CHOICES, ORDER,
                                                                       NUMBER)]
    if unknown:
        raise ValueError(f"questions {unknown}: the form must be CHOICE, CHOICES, ORDER or NUMBER")
    return MappingProxyType({q: (form, options) for q, (form, options) in questions.items()})


def _name(q):
    return f"q{q}_answer"


def _letters(q, answer, options, what, example):
    """The answer as a string of lowercase letters without spaces or commas."""
    if answer is None or not isinstance(answer, str):
        fail(_name(q), f"should be a string: {what}.", expected=f"for example {example}",
             actual=describe(answer), hint=f"put the letters in quotes: {_name(q)} = {example}")
    letters = "".join(ch for ch in answer.lower() if ch not in " ,;\t\n")
    if not letters:
        fail(_name(q), f"is empty: {what}.", expected=f"for example {example}",
             actual=describe(answer), hint="write your answer between the quotes.")
    unknown = sorted(set(letters) - set(options))
    if unknown:
        fail(_name(q), f"holds {', '.join(repr(u) for u in unknown)}, which is not an option.",
             expected=f"{what}, using only the letters {', '.join(options)}",
             actual=describe(answer),
             hint="use only option letters, e.g. \"b\" -- not the option's words or brackets.")
    return letters


def _choice(q, answer, options):
    letters = _letters(q, answer, options, "one letter among the options", '"b"')
    if len(letters) != 1:
        fail(_name(q), "should be a single letter: this question has one answer.",
             expected=f"one of {', '.join(options)}", actual=describe(answer))
    return letters


def _choices(q, answer, options):
    letters = _letters(q, answer, options, "the letters of every option you select", '"bd"')
    if len(set(letters)) != len(letters):
        fail(_name(q), "names a letter twice.", expected="each selected letter once",
             actual=describe(answer))
    return "".join(sorted(letters))


def _order(q, answer, options):
    letters = _letters(q, answer, options, "all the letters, in your chosen order", '"bca"')
    if sorted(letters) != sorted(options):
        fail(_name(q), "should use every letter exactly once.",
             expected=f"an ordering of {', '.join(options)}", actual=describe(answer),
             hint=f"for example {_name(q)} = \"bca\" means b first, then c, then a.")
    return letters


def _number(q, answer):
    ok = isinstance(answer, Real) and not isinstance(answer, bool)
    if not ok or not (isinstance(answer, Integral) or float(answer).is_integer()):
        fail(_name(q), "should be a whole number.", expected="for example 7",
             actual=describe(answer), hint=f"write the number without quotes: {_name(q)} = 7")
    return int(answer)


def parse_answer(questions, q, answer):
    """Question q's answer in the form the grader compares (a set's letters sorted, a number an
    int); a badly formed answer raises CheckFailure saying how to write it."""
    form, options = questions[q]
    if form == NUMBER:
        return _number(q, answer)
    if form == CHOICES:
        return _choices(q, answer, options)
    return (_order if form == ORDER else _choice)(q, answer, options)


def _check(questions, q):
    def check(answer):
        parse_answer(questions, q, answer)
        print(f"{_name(q)} is well-formed ({questions[q][0]}). "
              "Whether it is right is checked when your notebook is graded.")

    check.__name__ = check.__qualname__ = f"q{q}_test"
    check.__doc__ = f"Is {_name(q)} well-formed ({questions[q][0]})? Not whether it is right."
    return check


def quiz_checks(questions):
    """The public checks q<N>_test(answer), one a question, in the order of the numbers."""
    return tuple(_check(questions, q) for q in sorted(questions))
