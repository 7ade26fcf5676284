"""Hidden tests for c1w1_intro_quiz: the answer key (instructor-only, never released).

Each test first applies the public format check (a badly formed answer loses this cell too),
then compares with the key. The message on a wrong answer points back to the notes' section
without giving the answer away.
"""
from shared_utils.checks.c1w1_intro_quiz import (parse_choice, parse_choices, parse_number,
                                                 parse_order)
from shared_utils.checks._report import fail

# question -> (parser, key, the notes' section to re-read)
KEY = {
    1: (parse_choice, "b", "§1.2 (the housing-price curve)"),
    2: (parse_number, 4, "§1.2 (every hidden unit is connected to every input)"),
    3: (parse_choices, "ace", "§1.3 (structured vs unstructured data)"),
    4: (parse_choice, "c", "§1.3 (the table of applications and architectures)"),
    5: (parse_choice, "b", "§1.3 (sequence data: audio and language)"),
    6: (parse_choice, "a", "§1.3 (real estate and online advertising)"),
    7: (parse_choice, "d", "§1.4 (what scale means)"),
    8: (parse_choice, "c", "§1.4 (the small-data regime on the left of the plot)"),
    9: (parse_choice, "d", "§1.4 (the sigmoid-to-ReLU example)"),
    10: (parse_order, "cba", "§1.4 (the iterative cycle of work)"),
}


def _expect(q, answer):
    parse, key, section = KEY[q]
    if parse(q, answer) != key:
        fail(f"q{q}_answer", "is not the answer the notes support.",
             hint=f"re-read notes {section}.")


def test_q1(answer):
    _expect(1, answer)


def test_q2(answer):
    _expect(2, answer)


def test_q3(answer):
    _expect(3, answer)


def test_q4(answer):
    _expect(4, answer)


def test_q5(answer):
    _expect(5, answer)


def test_q6(answer):
    _expect(6, answer)


def test_q7(answer):
    _expect(7, answer)


def test_q8(answer):
    _expect(8, answer)


def test_q9(answer):
    _expect(9, answer)


def test_q10(answer):
    _expect(10, answer)
