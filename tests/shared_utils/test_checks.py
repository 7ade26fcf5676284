"""The public checks: independent references pass them, and their failures speak kindly."""
import numpy as np
import pytest

from autograder.hidden import c1w2_logistic_regression as hidden
from shared_utils.checks import CheckFailure
from shared_utils.checks import c1w2_logistic_regression as checks
from shared_utils.datasets import load_catvnoncat


def _reference_model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5,
                     print_cost=False):
    w, b = hidden.reference_initialize_with_zeros(X_train.shape[0])
    params, _, costs = hidden.reference_optimize(w, b, X_train, Y_train, num_iterations,
                                                 learning_rate)
    return {"costs": costs, "w": params["w"], "b": params["b"],
            "Y_prediction_train": hidden.reference_predict(params["w"], params["b"], X_train),
            "Y_prediction_test": hidden.reference_predict(params["w"], params["b"], X_test),
            "learning_rate": learning_rate, "num_iterations": num_iterations}


def test_the_public_model_check_accepts_a_model_built_from_the_references(capsys):
    """The other references are checked against their public checks generically
    (tests/autograder/test_references_pass_public_checks.py); model has no reference_model."""
    checks.model_test(_reference_model)
    assert "All tests passed." in capsys.readouterr().out


def test_data_checks_accept_the_real_answers(capsys):
    train, _, test, _, _ = load_catvnoncat()
    checks.dimensions_test(train.shape[0], test.shape[0], train.shape[1])
    checks.flatten_test(train.reshape(train.shape[0], -1).T, test.reshape(test.shape[0], -1).T)
    assert capsys.readouterr().out.count("All tests passed.") == 2


def test_a_stub_is_told_it_is_not_implemented():
    def propagate(w, b, X, Y):
        raise NotImplementedError()
    with pytest.raises(CheckFailure, match="propagate: is not implemented yet"):
        checks.propagate_test(propagate)


def test_a_failure_names_function_input_expected_actual_and_hint():
    def propagate(w, b, X, Y):  # forgets the 1/m in dw
        grads, cost = hidden.reference_propagate(w, b, X, Y)
        return {"dw": grads["dw"] * X.shape[1], "db": grads["db"]}, cost
    with pytest.raises(CheckFailure) as failure:
        checks.propagate_test(propagate)
    message = str(failure.value)
    assert message.startswith("propagate: dw has the wrong value.")
    for part in ("input:", "w = ", "expected: [[0.88184522]", "actual:", "hint:", "1/m"):
        assert part in message


def test_a_rank_1_w_is_caught_by_shape_before_values():
    with pytest.raises(CheckFailure, match=r"w has the wrong shape.*\n.*\n.*shape \(2, 1\)"):
        checks.initialize_with_zeros_test(lambda dim: (np.zeros(dim), 0.0))


def test_reshape_without_transpose_is_caught_on_content():
    train, _, test, _, _ = load_catvnoncat()
    with pytest.raises(CheckFailure, match="column 0 of train_set_x_flatten is not image 0"):
        checks.flatten_test(train.reshape(-1, train.shape[0]), test.reshape(-1, test.shape[0]))
