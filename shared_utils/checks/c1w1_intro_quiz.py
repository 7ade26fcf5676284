"""Public checks for c1w1_intro_quiz (notes §1.1-1.6): is each answer *well-formed*?

These checks only look at the form of an answer (one letter among the options, a set of letters,
an ordering, a whole number). They never say whether it is right: that is decided by the grader,
whose answer key is not part of shared_utils. Case, spaces and commas are forgiven.
"""
from numbers import Integral, Real

from ._report import describe, fail

__all__ = ["OPTIONS", "parse_choice", "parse_choices", "parse_order", "parse_number",
           "q1_test", "q2_test", "q3_test", "q4_test", "q5_test", "q6_test", "q7_test",
           "q8_test", "q9_test", "q10_test"]

# The letters each multiple-choice question offers (question number -> letters).
OPTIONS = {1: "abcd", 3: "abcde", 4: "abcd", 5: "abcd", 6: "abcd", 7: "abcd", 8: "abcd",
           9: "abcd", 10: "abc"}


def _name(q):
    return f"q{q}_answer"


def _letters(q, answer, what, example):
    """The answer as a string of lowercase letters without spaces or commas."""
    if answer is None or not isinstance(answer, str):
        fail(_name(q), f"should be a string: {what}.", expected=f"for example {example}",
             actual=describe(answer), hint=f"put the letters in quotes: {_name(q)} = {example}")
    letters = "".join(ch for ch in answer.lower() if ch not in " ,;\t\n")
    if not letters:
        fail(_name(q), f"is empty: {what}.", expected=f"for example {example}",
             actual=describe(answer), hint="write your answer between the quotes.")
    unknown = sorted(set(letters) - set(OPTIONS[q]))
    if unknown:
        fail(_name(q), f"holds {', '.join(repr(u) for u in unknown)}, which is not an option.",
             expected=f"{what}, using only the letters {', '.join(OPTIONS[q])}",
             actual=describe(answer),
             hint="use only option letters, e.g. \"b\" -- not the option's words or brackets.")
    return letters


def parse_choice(q, answer):
    """One letter among the options of question q, e.g. "b"."""
    letters = _letters(q, answer, "one letter among the options", '"b"')
    if len(letters) != 1:
        fail(_name(q), "should be a single letter: this question has one answer.",
             expected=f"one of {', '.join(OPTIONS[q])}", actual=describe(answer))
    return letters


def parse_choices(q, answer):
    """One or more distinct letters among the options of question q, in any order."""
    letters = _letters(q, answer, "the letters of every option you select", '"bd"')
    if len(set(letters)) != len(letters):
        fail(_name(q), "names a letter twice.", expected="each selected letter once",
             actual=describe(answer))
    return "".join(sorted(letters))


def parse_order(q, answer):
    """Every option of question q exactly once, in the order chosen."""
    letters = _letters(q, answer, "all the letters, in your chosen order", '"bca"')
    if sorted(letters) != sorted(OPTIONS[q]):
        fail(_name(q), "should use every letter exactly once.",
             expected=f"an ordering of {', '.join(OPTIONS[q])}", actual=describe(answer),
             hint=f"for example {_name(q)} = \"bca\" means b first, then c, then a.")
    return letters


def parse_number(q, answer):
    """A whole number (an int, or a float such as 4.0 with nothing after the point)."""
    ok = isinstance(answer, Real) and not isinstance(answer, bool)
    if not ok or not (isinstance(answer, Integral) or float(answer).is_integer()):
        fail(_name(q), "should be a whole number.", expected="for example 7",
             actual=describe(answer), hint=f"write the number without quotes: {_name(q)} = 7")
    return int(answer)


def _well_formed(q, kind):
    print(f"{_name(q)} is well-formed ({kind}). "
          "Whether it is right is checked when your notebook is graded.")


def q1_test(answer):
    parse_choice(1, answer)
    _well_formed(1, "one letter")


def q2_test(answer):
    parse_number(2, answer)
    _well_formed(2, "a whole number")


def q3_test(answer):
    parse_choices(3, answer)
    _well_formed(3, "a set of letters")


def q4_test(answer):
    parse_choice(4, answer)
    _well_formed(4, "one letter")


def q5_test(answer):
    parse_choice(5, answer)
    _well_formed(5, "one letter")


def q6_test(answer):
    parse_choice(6, answer)
    _well_formed(6, "one letter")


def q7_test(answer):
    parse_choice(7, answer)
    _well_formed(7, "one letter")


def q8_test(answer):
    parse_choice(8, answer)
    _well_formed(8, "one letter")


def q9_test(answer):
    parse_choice(9, answer)
    _well_formed(9, "one letter")


def q10_test(answer):
    parse_order(10, answer)
    _well_formed(10, "an ordering of the letters")
