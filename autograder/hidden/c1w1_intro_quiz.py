"""Hidden tests for c1w1_intro_quiz: the answer key (instructor-only, never released).

Each test first applies the public format check (a badly formed answer loses this cell too),
then compares with the key. The message on a wrong answer points back to the notes' section
without giving the answer away.
"""
from shared_utils.checks.c1w1_intro_quiz import QUIZ

from .harness import quiz_tests

# question -> (key, the notes' section to re-read)
KEY = {
    1: ("b", "§1.2 (the housing-price curve)"),
    2: (4, "§1.2 (every hidden unit is connected to every input)"),
    3: ("ace", "§1.3 (structured vs unstructured data)"),
    4: ("c", "§1.3 (the table of applications and architectures)"),
    5: ("b", "§1.3 (sequence data: audio and language)"),
    6: ("a", "§1.3 (real estate and online advertising)"),
    7: ("d", "§1.4 (what scale means)"),
    8: ("c", "§1.4 (the small-data regime on the left of the plot)"),
    9: ("d", "§1.4 (the sigmoid-to-ReLU example)"),
    10: ("cba", "§1.4 (the iterative cycle of work)"),
}

(test_q1, test_q2, test_q3, test_q4, test_q5, test_q6, test_q7, test_q8, test_q9,
 test_q10) = quiz_tests(QUIZ, KEY)
