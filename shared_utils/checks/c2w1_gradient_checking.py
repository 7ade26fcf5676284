"""Public checks for c2w1_gradient_checking (notes C2 §1.12-1.14).

Expected numbers are the spec's verified values (notes-course2 §6: T1-T4) or were computed once
with a throwaway script independent of the notebook. The example network is the notebook's
`example_network()`: np.random.seed(7), then X (4, 3), W1, b1, W2, b2, W3, b3 drawn with randn,
and Y = [[1, 1, 0]]. The quiz checks look only at the form of an answer, never at the key.
"""
import numpy as np

from ._compare import (call, expect_close, expect_float_array, expect_keys, expect_scalar,
                       expect_type, expect_unchanged, snapshot)
from ._report import describe, fail, passed
from ._quiz import CHOICE, CHOICES, quiz, quiz_checks

__all__ = ["one_sided_difference_test", "two_sided_difference_test", "forward_propagation_test",
           "backward_propagation_test", "interpret_difference_test", "gradient_check_test",
           "gradient_check_n_test", "locate_bugs_test", "backward_propagation_n_fixed_test",
           "QUIZ", "q1_test", "q2_test", "q3_test"]

SHAPES = (("W1", (5, 4)), ("b1", (5, 1)), ("W2", (3, 5)), ("b2", (3, 1)), ("W3", (1, 3)),
          ("b3", (1, 1)))

# The correct gradients of the example network (13 significant digits), rows of W row by row.
GRADIENTS = {
    "dW1": [0.0, 0.0, 0.0, 0.0, 0.1546429306791, 0.0190229250606, -0.09623585345484,
            0.05099166543611, -0.03151251708341, -0.007596373010376, 1.65973812145e-05,
            -0.01119368945349, 0.02167824689333, 0.03670550867068, 0.08164047176238,
            0.02909876856659, -0.01721793492624, -0.004150536620793, 9.068543428023e-06,
            -0.006116052744517],
    "db1": [0.0, 0.08007845828463, -0.01864066131179, -0.04652609613211, -0.01018495896722],
    "dW2": [0.0, 0.00884124045897, 0.1136177982003, 0.0545045708972, 0.0591207867334, 0.0, 0.0,
            0.0, 0.0, 0.0, 0.0, 0.04130071533003, 0.0, -0.08834538864471, 0.0],
    "db2": [0.04164619575637, 0.0, 0.02421787289894],
    "dW3": [-0.0568540856836, 0.0, -0.3209515713777],
    "db3": [-0.134569885624],
}


def _example():
    """X (4, 3), Y (1, 3) and the parameters of the notebook's example_network()."""
    rs = np.random.RandomState(7)
    X = rs.randn(4, 3)
    parameters = {name: rs.randn(*shape) for name, shape in SHAPES}
    return X, np.array([[1, 1, 0]]), parameters


def _gradients(buggy=False):
    """The correct gradients, or those of the planted bugs (dW2 doubled, db1 four times)."""
    grads = {"d" + name: np.array(GRADIENTS["d" + name]).reshape(shape) for name, shape in SHAPES}
    if buggy:
        grads["dW2"], grads["db1"] = 2 * grads["dW2"], 4 * grads["db1"]
    return grads


def _cache(X, parameters):
    """The forward pass's cache (Z1, A1, W1, b1, ..., Z3, A3, W3, b3) for the example."""
    cache, A = [], X
    for l in (1, 2, 3):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        A = 1 / (1 + np.exp(-Z)) if l == 3 else np.maximum(0, Z)
        cache += [Z, A, W, b]
    return tuple(cache)


def one_sided_difference_test(one_sided_difference):
    name, cube = "one_sided_difference", lambda t: t ** 3
    inputs = {"f": "lambda t: t ** 3", "theta": 1.0, "epsilon": 0.01}
    value = call(one_sided_difference, cube, 1.0, 0.01)
    expect_scalar(name, "the estimate", value, inputs=inputs)
    expect_close(name, "the estimate", value, 3.0301, inputs=inputs,
                 hint="(f(theta + epsilon) - f(theta)) / epsilon: notes C2 §1.12, test T2.")
    expect_close(name, "the estimate with the default epsilon", call(one_sided_difference, cube,
                 1.0), 3.0301, inputs={"f": "lambda t: t ** 3", "theta": 1.0},
                 hint="keep the default epsilon=1e-2 in the signature.")
    inputs = {"f": "np.sin", "theta": 0.5, "epsilon": 1e-3}
    expect_close(name, "the estimate", call(one_sided_difference, np.sin, 0.5, 1e-3),
                 0.8773427028773151, inputs=inputs, hint="step to the right only, from theta.")
    passed()


def two_sided_difference_test(two_sided_difference):
    name, cube = "two_sided_difference", lambda t: t ** 3
    inputs = {"f": "lambda t: t ** 3", "theta": 1.0, "epsilon": 0.01}
    value = call(two_sided_difference, cube, 1.0, 0.01)
    expect_scalar(name, "the estimate", value, inputs=inputs)
    expect_close(name, "the estimate", value, 3.0001, inputs=inputs,
                 hint="(f(theta + epsilon) - f(theta - epsilon)) / (2 * epsilon): notes C2 "
                      "§1.12, test T1. Both terms are values of f, and the brackets matter.")
    inputs = {"f": "lambda t: t ** 2", "theta": 3.0, "epsilon": 0.01}
    expect_close(name, "the estimate", call(two_sided_difference, lambda t: t ** 2, 3.0, 0.01),
                 6.0, inputs=inputs, hint="for a parabola the two-sided estimate is exact.")
    inputs = {"f": "np.sin", "theta": 0.5, "epsilon": 1e-3}
    expect_close(name, "the estimate", call(two_sided_difference, np.sin, 0.5, 1e-3),
                 0.8775824156266321, inputs=inputs)
    passed()


def forward_propagation_test(forward_propagation):
    for x, theta, J in ((2, 4, 8), (-1.5, 3.0, -4.5)):
        value = call(forward_propagation, x, theta)
        expect_scalar("forward_propagation", "J", value, inputs={"x": x, "theta": theta},
                      hint="J = theta * x is a single number, not an array.")
        expect_close("forward_propagation", "J", value, J, inputs={"x": x, "theta": theta},
                     hint="J(theta) = theta * x.")
    passed()


def backward_propagation_test(backward_propagation):
    for x, theta in ((2, 4), (-1.5, 3.0)):
        value = call(backward_propagation, x, theta)
        expect_scalar("backward_propagation", "dtheta", value, inputs={"x": x, "theta": theta})
        expect_close("backward_propagation", "dtheta", value, x, inputs={"x": x, "theta": theta},
                     hint="the derivative of theta * x with respect to theta.")
    passed()


def interpret_difference_test(interpret_difference):
    for d, verdict in ((1e-8, "great"), (2.9e-10, "great"), (1e-5, "check"), (1e-2, "bug"),
                       (0.2967, "bug"), (0.0, "great")):
        value = call(interpret_difference, d)
        expect_type("interpret_difference", "the verdict", value, str, inputs={"difference": d})
        if value != verdict:
            fail("interpret_difference", "gave the wrong verdict.", inputs={"difference": d},
                 expected=repr(verdict), actual=describe(value),
                 hint='"great" below 2e-7, "bug" from 1e-3 up, "check" in between: a smaller '
                      "difference means the gradients agree better.")
    passed()


def gradient_check_test(gradient_check):
    for x, theta in ((2, 4), (-3, 0.5)):
        inputs = {"x": x, "theta": theta}
        difference = call(gradient_check, x, theta)
        expect_scalar("gradient_check", "difference", difference, inputs=inputs)
        if not 0 <= difference < 2e-7:
            fail("gradient_check", "returned a difference that is not below 2e-7 for a correct "
                 "backward pass.", inputs=inputs, expected="about 3e-10 (test T3)",
                 actual=describe(difference),
                 hint="gradapprox = (J_plus - J_minus) / (2 * epsilon); then ||grad - gradapprox|| "
                      "/ (||grad|| + ||gradapprox||).")
    passed()


def _expect_difference(gradient_check_n, grads, epsilon, expected, hint, rtol=1e-5):
    X, Y, parameters = _example()
    inputs = {"epsilon": epsilon, "gradients": "buggy (dW2 x 2, db1 x 4)" if expected > 0.1
              else "correct"}
    before = snapshot(parameters, grads)
    difference = call(gradient_check_n, parameters, grads, X, Y, epsilon)
    expect_unchanged("gradient_check_n", ("parameters", "gradients"), before, (parameters, grads))
    expect_scalar("gradient_check_n", "difference", difference, inputs=inputs)
    expect_close("gradient_check_n", "difference", difference, expected, rtol=rtol, atol=0,
                 inputs=inputs, hint=hint)


def gradient_check_n_test(gradient_check_n):
    X, Y, parameters = _example()
    difference = call(gradient_check_n, parameters, _gradients(), X, Y)
    expect_scalar("gradient_check_n", "difference", difference)
    if not 0 <= difference < 2e-7:
        fail("gradient_check_n", "flags correct gradients.", expected="below 2e-7 (about 2.3e-09)",
             actual=describe(difference), inputs={"gradients": "correct", "epsilon": 1e-7},
             hint="nudge entry i only, on a copy of parameters_values, and divide by 2 * epsilon.")
    _expect_difference(gradient_check_n, _gradients(True), 1e-7, 0.296732197317,
                       "the notes' relative difference: norm(grad - gradapprox) / (norm(grad) + "
                       "norm(gradapprox)), a sum of two norms in the denominator (test T4).")
    _expect_difference(gradient_check_n, _gradients(), 1e-3, 7.9750794659e-07,
                       "with epsilon = 1e-3 only the two-sided difference (J_plus - J_minus) / "
                       "(2 * epsilon) is this close: a one-sided one gives about 9e-4.", rtol=1e-3)
    passed()


def locate_bugs_test(locate_bugs):
    X, Y, parameters = _example()
    names = [f"d{k}{l}" for l in (1, 2, 3) for k in ("W", "b")]
    for buggy, suspects_expected in ((True, ["db1", "dW2"]), (False, [])):
        grads = _gradients(buggy)
        inputs = {"gradients": "buggy (dW2 x 2, db1 x 4)" if buggy else "correct"}
        before = snapshot(parameters, grads)
        result = call(locate_bugs, parameters, grads, X, Y)
        expect_unchanged("locate_bugs", ("parameters", "gradients"), before, (parameters, grads))
        expect_type("locate_bugs", "the result", result, tuple, inputs=inputs,
                    hint="return suspects, differences")
        suspects, differences = result
        expect_keys("locate_bugs", "differences", differences, names, inputs=inputs)
        for name in names:
            expect_scalar("locate_bugs", f"differences['{name}']", differences[name], inputs=inputs)
        if buggy:
            expect_close("locate_bugs", "differences['dW2']", differences["dW2"], 1 / 3,
                         rtol=1e-6, inputs=inputs, hint="a block scaled by k gives |k-1|/(|k|+1).")
            expect_close("locate_bugs", "differences['db1']", differences["db1"], 0.6, rtol=1e-6,
                         inputs=inputs, hint="compare grad and gradapprox on the block's "
                                             "entries only: keys == 'b1'.")
        for name in [n for n in names if n not in suspects_expected]:
            if not 0 <= differences[name] < 1e-6:
                fail("locate_bugs", f"differences['{name}'] is too large for a correct block.",
                     inputs=inputs, expected="about 1e-8 or less",
                     actual=describe(differences[name]),
                     hint="nudge one entry at a time, on a copy of theta.")
        if list(suspects) != suspects_expected:
            fail("locate_bugs", "named the wrong suspects.", inputs=inputs,
                 expected=repr(suspects_expected), actual=describe(suspects),
                 hint="the blocks whose difference is >= 1e-3, in the order dW1, db1, dW2, ...")
    passed()


def backward_propagation_n_fixed_test(backward_propagation_n_fixed):
    X, Y, parameters = _example()
    cache = _cache(X, parameters)
    before = snapshot(X, Y, dict(enumerate(cache)))
    grads = call(backward_propagation_n_fixed, X, Y, cache)
    expect_unchanged("backward_propagation_n_fixed", ("X", "Y", "cache"), before,
                     (X, Y, dict(enumerate(cache))))
    expected = _gradients()
    expect_keys("backward_propagation_n_fixed", "gradients", grads, list(expected))
    for name, value in expected.items():
        expect_float_array("backward_propagation_n_fixed", name, grads[name], value.shape,
                           hint=f"{name} has the shape of {name[1:]}.")
        expect_close("backward_propagation_n_fixed", name, grads[name], value, rtol=1e-9,
                     atol=1e-12, hint="locate_bugs named the blocks to fix; dW = dZ A_prev^T / m "
                                      "and db = sum(dZ, axis=1, keepdims=True) / m.")
    passed()


# ---------------------------------------------------------------- the quiz (form only)
QUIZ = quiz({1: (CHOICE, "abcd"), 2: (CHOICE, "abcd"), 3: (CHOICES, "abcdef")})
q1_test, q2_test, q3_test = quiz_checks(QUIZ)
