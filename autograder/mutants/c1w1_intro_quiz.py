"""Plausible mistakes in c1w1_intro_quiz and the test cells each must fail.

A wrong but well-formed answer loses only its hidden cell (the visible check says nothing about
correctness); a badly formed answer loses the visible cell and the hidden one.
"""
from . import Mutant

P = "c1w1q"


def _cells(*names):
    return frozenset(f"{P}_{n}" for n in names)


def _wrong(q, right, wrong, why):
    return Mutant(f"q{q}: {why}", f"{P}_q{q}", ((f"q{q}_answer = {right}",
                                                  f"q{q}_answer = {wrong}"),),
                  _cells(f"q{q}_hidden"))


MUTANTS = [
    _wrong(1, '"b"', '"a"', "ReLU mistaken for the sigmoid"),
    _wrong(2, "4", "2", "each hidden unit sees only the inputs of its story"),
    _wrong(3, '"ace"', '"ac"', "text of a review not counted as unstructured"),
    _wrong(4, '"c"', '"a"', "a standard network for images"),
    _wrong(5, '"b"', '"a"', "a CNN for audio and text"),
    _wrong(6, '"a"', '"d"', "a hybrid network for ads"),
    _wrong(7, '"d"', '"c"', "bigger networks instead of data, computation, algorithms"),
    _wrong(8, '"c"', '"b"', "SVMs always win on small data"),
    _wrong(9, '"d"', '"c"', "the notes' muddled sentence about ReLU's zero gradient"),
    _wrong(10, '"cba"', '"bca"', "the cycle started at the code"),
    Mutant("q4: the architecture's name instead of its letter", f"{P}_q4",
           (('q4_answer = "c"', 'q4_answer = "CNN"'),), _cells("q4_visible", "q4_hidden")),
    Mutant("q2: the number written as a word", f"{P}_q2",
           (("q2_answer = 4", 'q2_answer = "four"'),), _cells("q2_visible", "q2_hidden")),
    Mutant("q1: two letters for a one-answer question", f"{P}_q1",
           (('q1_answer = "b"', 'q1_answer = "bd"'),), _cells("q1_visible", "q1_hidden")),
    Mutant("q10: a step left out of the ordering", f"{P}_q10",
           (('q10_answer = "cba"', 'q10_answer = "cb"'),), _cells("q10_visible", "q10_hidden")),
    Mutant("q7: the answer left as None", f"{P}_q7",
           (('q7_answer = "d"', "q7_answer = None"),), _cells("q7_visible", "q7_hidden")),
]
