"""The public checks of c1w3_planar_classification accept independent answers and speak kindly
when they fail. (That the hidden references pass them is tests/autograder/
test_references_pass_public_checks.py.)"""
import numpy as np
import pytest

from autograder.hidden import c1w3_planar_classification as hidden
from shared_utils.checks import CheckFailure
from shared_utils.checks import c1w3_planar_classification as checks


def test_the_activation_check_accepts_independent_answers(capsys):
    checks.activations_test(
        lambda z: 1 / np.cosh(z) ** 2, lambda z: z * (z > 0), lambda z: np.heaviside(z, 0.0),
        lambda z, slope=0.01: np.maximum(z, slope * z),
        lambda z, slope=0.01: np.heaviside(z, 0.0) * (1 - slope) + slope)
    assert "All tests passed." in capsys.readouterr().out


def test_the_data_check_accepts_the_real_answers(capsys):
    checks.dimensions_test((2, 400), (1, 400), 400)
    assert "All tests passed." in capsys.readouterr().out


def test_a_stub_is_told_it_is_not_implemented():
    def backward_propagation(parameters, cache, X, Y):
        raise NotImplementedError()
    with pytest.raises(CheckFailure, match="backward_propagation: is not implemented yet"):
        checks.backward_propagation_test(backward_propagation)


def test_a_failure_names_function_input_expected_actual_and_hint():
    def backward_propagation(parameters, cache, X, Y):  # sigmoid' where tanh' belongs
        m, A1, dZ2 = X.shape[1], cache["A1"], cache["A2"] - Y
        dZ1 = (parameters["W2"].T @ dZ2) * A1 * (1 - A1)
        return {"dW1": dZ1 @ X.T / m, "db1": dZ1.sum(axis=1, keepdims=True) / m,
                "dW2": dZ2 @ A1.T / m, "db2": dZ2.sum(axis=1, keepdims=True) / m}
    with pytest.raises(CheckFailure) as failure:
        checks.backward_propagation_test(backward_propagation)
    message = str(failure.value)
    assert message.startswith("backward_propagation: dW1 has the wrong value.")
    for part in ("input:", "expected: [[-0.1047408", "actual:", "hint:", "1 - A1**2"):
        assert part in message


def test_keepdims_is_named_when_db_is_rank_1():
    def backward_propagation(parameters, cache, X, Y):
        grads = hidden.reference_backward_propagation(parameters, cache, X, Y)
        return {**grads, "db1": grads["db1"].ravel()}
    with pytest.raises(CheckFailure, match="keepdims=True"):
        checks.backward_propagation_test(backward_propagation)
