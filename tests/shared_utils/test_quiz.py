"""The quizzes: one form check (shared_utils/checks/_quiz.py) and one key check
(autograder/hidden/harness.py quiz_tests) serve every notebook with a quiz. Each notebook's
q<N>_test and test_q<N> must be bound to their own question, the key must be in the form answers
are compared in, and a wrong answer is told where to read, never the key."""
import importlib

import pytest

from autograder.hidden.harness import quiz_tests
from shared_utils.checks import CheckFailure
from shared_utils.checks._quiz import CHOICE, CHOICES, NUMBER, ORDER, parse_answer, quiz

QUIZZES = {  # assignment -> where QUIZ and KEY live, when not in the modules named after it
    "c1w1_intro_quiz": {}, "c2w1_gradient_checking": {}, "c2w1_initialization": {},
    "c2w1_regularization": {}, "c2w3_hyperparameters_batchnorm": {},
    "c2w3_softmax_and_frameworks": {},
    "c2w2_optimization": {"QUIZ": "_c2w2_optimization_more", "KEY": "c2w2_optimization_more"}}


def _modules(assignment):
    """The public checks, the forms, the hidden tests and the key of an assignment's quiz."""
    public = importlib.import_module(f"shared_utils.checks.{assignment}")
    hidden = importlib.import_module(f"autograder.hidden.{assignment}")
    where = QUIZZES[assignment]
    questions = importlib.import_module(
        f"shared_utils.checks.{where.get('QUIZ', assignment)}").QUIZ
    key = importlib.import_module(f"autograder.hidden.{where.get('KEY', assignment)}").KEY
    return public, questions, hidden, key


@pytest.mark.parametrize("assignment", sorted(QUIZZES))
def test_every_question_has_its_own_public_and_hidden_test(assignment):
    public, questions, hidden, key = _modules(assignment)
    assert set(key) == set(questions)
    for q in questions:
        assert getattr(public, f"q{q}_test").__name__ == f"q{q}_test"  # not bound to another q
        assert getattr(hidden, f"test_q{q}").__name__ == f"test_q{q}"
        assert f"q{q}_test" in public.__all__


def _wrong(form, options, key):
    """A well-formed answer other than the key."""
    if form == NUMBER:
        return key + 1
    if form == ORDER:
        return key[1:] + key[0]
    return next(o for o in options if o not in key)


@pytest.mark.parametrize("assignment", sorted(QUIZZES))
def test_the_key_passes_and_a_wrong_answer_is_sent_to_the_notes(assignment, capsys):
    public, questions, hidden, keys = _modules(assignment)
    for q, (key, section) in keys.items():
        getattr(public, f"q{q}_test")(key)
        assert capsys.readouterr().out == (
            f"q{q}_answer is well-formed ({questions[q][0]}). "
            "Whether it is right is checked when your notebook is graded.\n")
        getattr(hidden, f"test_q{q}")(key)
        wrong = _wrong(*questions[q], key)
        getattr(public, f"q{q}_test")(wrong)  # well-formed: the public check is content
        assert "is well-formed" in capsys.readouterr().out
        with pytest.raises(CheckFailure) as failure:
            getattr(hidden, f"test_q{q}")(wrong)
        assert str(failure.value) == (f"q{q}_answer: is not the answer the notes support.\n"
                                      f"  hint:     re-read notes {section}.")


@pytest.mark.parametrize("form,options,answer,parsed", [
    (CHOICE, "abcd", " B ", "b"), (CHOICE, "abcd", "c,", "c"), (CHOICES, "abcde", "e, a c", "ace"),
    (ORDER, "abc", "c b a", "cba"), (NUMBER, None, 4.0, 4), (NUMBER, None, 7, 7)])
def test_case_spaces_and_commas_are_forgiven(form, options, answer, parsed):
    assert parse_answer(quiz({1: (form, options)}), 1, answer) == parsed


@pytest.mark.parametrize("form,options,answer,says", [
    (CHOICE, "abcd", "bd", "should be a single letter"),
    (CHOICE, "abcd", "CNN", "holds 'n', which is not an option"),
    (CHOICE, "abcd", None, "should be a string"), (CHOICE, "abcd", " ", "is empty"),
    (CHOICES, "abcde", "aca", "names a letter twice"),
    (CHOICES, "abcde", "af", "holds 'f', which is not an option"),
    (ORDER, "abc", "cb", "should use every letter exactly once"),
    (NUMBER, None, "four", "should be a whole number"), (NUMBER, None, 4.5, "whole number"),
    (NUMBER, None, True, "whole number")])
def test_a_badly_formed_answer_is_told_how_to_write_it(form, options, answer, says):
    with pytest.raises(CheckFailure) as failure:
        parse_answer(quiz({3: (form, options)}), 3, answer)
    assert str(failure.value).startswith("q3_answer: ") and says in str(failure.value)
    assert "hint:" in str(failure.value) or "expected:" in str(failure.value)


def test_the_form_table_is_read_only_and_checked():
    questions = quiz({1: (CHOICE, "abcd")})
    with pytest.raises(TypeError):
        questions[1] = (CHOICE, "abcdz")  # a learner cannot loosen what the grader parses
    with pytest.raises(ValueError, match="form"):
        quiz({1: ("one letter please", "abcd")})


def test_a_key_in_the_wrong_form_is_refused_when_the_tests_are_made():
    questions = quiz({1: (CHOICES, "abcd"), 2: (CHOICE, "abcd")})
    for keys in ({1: ("ca", "§1")}, {2: ("e", "§1")}, {3: ("a", "§1")}):  # unsorted, no option
        with pytest.raises((ValueError, CheckFailure)):
            quiz_tests(questions, keys)
