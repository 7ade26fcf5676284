"""Public checks for c1w1_intro_quiz (notes §1.1-1.6): is each answer *well-formed*?

These checks only look at the form of an answer (one letter among the options, a set of letters,
an ordering, a whole number). They never say whether it is right: that is decided by the grader,
whose answer key is not part of shared_utils. Case, spaces and commas are forgiven.
"""
from ._quiz import CHOICE, CHOICES, NUMBER, ORDER, quiz, quiz_checks

__all__ = ["QUIZ", "q1_test", "q2_test", "q3_test", "q4_test", "q5_test", "q6_test", "q7_test",
           "q8_test", "q9_test", "q10_test"]

# The form of each question's answer and the letters it offers.
QUIZ = quiz({1: (CHOICE, "abcd"), 2: (NUMBER, None), 3: (CHOICES, "abcde"), 4: (CHOICE, "abcd"),
             5: (CHOICE, "abcd"), 6: (CHOICE, "abcd"), 7: (CHOICE, "abcd"), 8: (CHOICE, "abcd"),
             9: (CHOICE, "abcd"), 10: (ORDER, "abc")})

(q1_test, q2_test, q3_test, q4_test, q5_test, q6_test, q7_test, q8_test, q9_test,
 q10_test) = quiz_checks(QUIZ)
