"""Public checks for c2w3_softmax_and_frameworks (softmax regression in numpy, then the same
network in the course's framework `shared_utils.nn`; notes C2 §3.8-3.11).

Expected numbers are literal: the notes' verified values (T15, T16 and T24 of notes-course2 §6)
and small cases computed once by an implementation independent of the notebook's. The quiz
checks only look at the form of an answer; the grader holds the key.
"""
import numpy as np

from .. import nn
from ._compare import (call, call_backward, expect_close, expect_float_array, expect_keys,
                       expect_scalar, expect_type, expect_unchanged, snapshot)
from ._report import describe, fail, passed
from ._quiz import CHOICE, quiz, quiz_checks

__all__ = ["softmax_test", "one_hot_matrix_test", "compute_cost_test", "softmax_backward_test",
           "minimize_w_test", "initialize_parameters_test", "forward_propagation_test",
           "compute_total_loss_test", "QUIZ", "q1_test", "q2_test"]

# Three examples of three classes (columns), and their one-hot labels.
A3 = np.array([[0.7, 0.1, 0.2], [0.2, 0.6, 0.3], [0.1, 0.3, 0.5]])
Y3 = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 0.0]])


def softmax_test(softmax):
    func = "softmax"
    z = np.array([[5.0], [2.0], [-1.0], [3.0]])  # the notes' example (T15)
    before = snapshot(z)
    a = call(softmax, z)
    expect_float_array(func, "softmax(z)", a, (4, 1), inputs={"z": z},
                       hint="return an array shaped like Z, (C, m).")
    expect_close(func, "softmax(z)", a, [[0.8420335723974581], [0.04192238303698896],
                                         [0.0020871925504063493], [0.11395685201514683]],
                 inputs={"z": z}, hint="t = e^Z element-wise, then divide t by its sum over "
                                       "the classes (notes C2 §3.8).")
    expect_unchanged(func, ("Z",), before, (z,))
    Z = np.array([[1.0, -1.0, 0.5], [2.0, 0.0, 0.5], [3.0, 4.0, 0.5]])
    A = call(softmax, Z)
    expect_float_array(func, "softmax(Z)", A, (3, 3), inputs={"Z": Z})
    expect_close(func, "softmax(Z)", A,
                 [[0.09003057317038046, 0.006573263185309083, 1 / 3],
                  [0.24472847105479764, 0.0178679818703045, 1 / 3],
                  [0.6652409557748218, 0.9755587549443865, 1 / 3]], inputs={"Z": Z},
                 hint="each COLUMN is one example: sum over axis 0 with keepdims=True, so "
                      "every column of A sums to 1.")
    Z = np.array([[1000.0, -1000.0], [1001.0, -999.0], [999.0, -1001.0]])
    with np.errstate(all="ignore"):
        A = call(softmax, Z)
    expect_float_array(func, "softmax(Z)", A, (3, 2), inputs={"Z": Z})
    if not np.all(np.isfinite(A)):
        fail(func, "returned inf or nan for large logits.", inputs={"Z": Z},
             actual=describe(A),
             hint="np.exp(1000) overflows. Subtract each column's max first, "
                  "np.exp(Z - np.max(Z, axis=0, keepdims=True)): the result is the same.")
    expect_close(func, "softmax(Z)", A, [[0.24472847105479764] * 2, [0.6652409557748218] * 2,
                                         [0.09003057317038046] * 2], inputs={"Z": Z})
    passed()


def one_hot_matrix_test(one_hot_matrix):
    func = "one_hot_matrix"
    labels = np.array([1, 2, 3, 0, 2, 1])
    before = snapshot(labels)
    Y = call(one_hot_matrix, labels, 4)
    inputs = {"labels": labels, "C": 4}
    expect_float_array(func, "one_hot", Y, (4, 6), inputs=inputs,
                       hint="one column per example: shape (C, m), not (m, C).")
    expect_close(func, "one_hot", Y, [[0, 0, 0, 1, 0, 0], [1, 0, 0, 0, 0, 1],
                                      [0, 1, 0, 0, 1, 0], [0, 0, 1, 0, 0, 0]], inputs=inputs,
                 hint="column i has a single 1, in row labels[i].")
    expect_unchanged(func, ("labels",), before, (labels,))
    labels = np.array([[1, 0, 5]])
    Y = call(one_hot_matrix, labels, 6)
    inputs = {"labels": labels, "C": 6}
    expect_float_array(func, "one_hot", Y, (6, 3), inputs=inputs,
                       hint="accept labels of shape (1, m) too: flatten them first.")
    expect_close(func, "one_hot", Y, np.array([[0, 1, 0], [1, 0, 0], [0, 0, 0], [0, 0, 0],
                                               [0, 0, 0], [0, 0, 1]]), inputs=inputs)
    passed()


def compute_cost_test(compute_cost):
    func = "compute_cost"
    A = np.array([[0.3], [0.2], [0.1], [0.4]])
    Y = np.array([[0.0], [1.0], [0.0], [0.0]])  # the notes' cat example (T16)
    cost = call(compute_cost, A, Y)
    expect_scalar(func, "cost", cost, inputs={"A": A, "Y": Y})
    expect_close(func, "cost", cost, 1.6094379124341003, inputs={"A": A, "Y": Y},
                 hint="L = -sum_j y_j log(y_hat_j): only the true class counts, -log 0.2.")
    before = snapshot(A3, Y3)
    cost = call(compute_cost, A3.copy(), Y3.copy())
    expect_scalar(func, "cost", cost, inputs={"A": A3, "Y": Y3})
    expect_close(func, "cost", cost, 0.9215401841968682, inputs={"A": A3, "Y": Y3},
                 hint="J = -(1/m) * np.sum(Y * np.log(A)): the mean over the m examples, "
                      "and positive.")
    expect_unchanged(func, ("A", "Y"), before, (A3, Y3))
    passed()


def softmax_backward_test(softmax_backward):
    func = "softmax_backward"
    before = snapshot(A3, Y3)
    dZ = call(softmax_backward, A3.copy(), Y3.copy())
    expect_float_array(func, "dZ", dZ, (3, 3), inputs={"A": A3, "Y": Y3},
                       hint="dZ has the shape of A, (C, m).")
    expect_close(func, "dZ", dZ, [[-0.3, 0.1, 0.2], [0.2, 0.6, -0.7], [0.1, -0.7, 0.5]],
                 inputs={"A": A3, "Y": Y3}, hint="dZ = A - Y (notes C2 §3.9), in that order.")
    expect_unchanged(func, ("A", "Y"), before, (A3, Y3))
    passed()


def _value_of(func, w, inputs):
    expect_type(func, "w", w, nn.Tensor, inputs=inputs,
                hint="return the Parameter w itself (it holds the trained value).")
    if w.data.size != 1:
        fail(func, "w should hold a single number.", actual=f"shape {w.shape}", inputs=inputs)
    return float(w.data.reshape(-1)[0])


def minimize_w_test(minimize_w):
    func = "minimize_w"
    for coefficients, runs in (([1.0, -10.0, 25.0], ((1, 0.1), (2, 0.198),
                                                     (1001, 4.999999991753459))),
                               ([1.0, -20.0, 100.0], ((1, 0.2), (1001, 9.999999983506918)))):
        x = np.array(coefficients).reshape(3, 1)
        for n, expected in runs:
            inputs = {"coefficients": x, "num_iterations": n, "learning_rate": 0.01}
            w = _value_of(func, call(minimize_w, x.copy(), num_iterations=n,
                                     learning_rate=0.01), inputs)
            hint = ("each step: zero the gradient, build the cost from x and w, backward(), "
                    "step(). Without zero_grad() the gradients of all steps add up."
                    if n == 2 else "J(w) = x[0] w^2 + x[1] w + x[2], from w = 0 (notes C2 "
                                   "§3.11: 0.1 after one step, then close to the minimum).")
            expect_close(func, "w", w, expected, rtol=1e-5, atol=1e-4, inputs=inputs, hint=hint)
    passed()


SHAPES = {"W1": (25, 12288), "b1": (25, 1), "W2": (12, 25), "b2": (12, 1), "W3": (6, 12),
          "b3": (6, 1)}


def initialize_parameters_test(initialize_parameters):
    func = "initialize_parameters"
    parameters = call(initialize_parameters)
    expect_keys(func, "parameters", parameters, list(SHAPES))
    for name, shape in SHAPES.items():
        p = parameters[name]
        expect_type(func, name, p, nn.Parameter, hint=f"wrap the array: nn.Parameter({name}).")
        expect_float_array(func, f"{name}.data", p.data, shape)
        if p.data.dtype != np.float32:
            fail(func, f"{name} should hold float32 numbers.", actual=f"dtype {p.data.dtype}",
                 hint="np.random.randn gives float64: convert with .astype(np.float32).")
    for name, index, expected in (
            ("W1", (0, slice(0, 3)), [0.020701957866549492, -0.00779671361669898,
                                      -0.006731444038450718]),
            ("W1", (24, -1), 0.0154604846611619),
            ("W2", (0, slice(0, 3)), [-0.02768925204873085, -0.11374397575855255,
                                      -0.023204565048217773]),
            ("W3", (5, slice(-3, None)), [0.7779656052589417, 0.5003738403320312,
                                          -0.2413260042667389])):
        expect_close(func, f"{name}[{index[0]}, ...]", parameters[name].data[index], expected,
                     rtol=1e-5, hint="np.random.seed(1), then W1, W2, W3 in that order, each "
                                     "np.random.randn(n_l, n_prev) * np.sqrt(2 / (n_prev + n_l)).")
    for name in ("b1", "b2", "b3"):
        expect_close(func, name, parameters[name].data, np.zeros(SHAPES[name]),
                     hint="the biases start at zero.")
    passed()


def _small_network():
    """Parameters (float64) of a 4-3-2-3 network and two examples X (4, 2)."""
    values = {"W1": [[0.2, -0.5, 0.1, 0.4], [-0.3, 0.8, 0.5, -0.2], [0.6, 0.1, -0.4, 0.3]],
              "b1": [[0.1], [-0.2], [0.05]], "W2": [[0.5, -0.6, 0.3], [-0.1, 0.4, 0.9]],
              "b2": [[0.2], [-0.1]], "W3": [[1.0, -0.5], [0.3, 0.7], [-0.8, 0.2]],
              "b3": [[0.0], [0.1], [-0.3]]}
    X = np.array([[1.0, -2.0], [0.5, 0.0], [-1.0, 3.0], [2.0, 1.0]])
    return {k: nn.Parameter(np.array(v)) for k, v in values.items()}, X


def forward_propagation_test(forward_propagation):
    func = "forward_propagation"
    parameters, X = _small_network()
    inputs = {"X": X, "parameters": "a 4-3-2-3 network (W1 (3, 4), ..., b3 (3, 1))"}
    before = snapshot({k: p.data for k, p in parameters.items()})
    Z3 = call_backward(forward_propagation, 1.0, X.copy(), parameters)  # Z3.sum().backward()
    expect_type(func, "Z3", Z3, nn.Tensor, inputs=inputs,
                hint="compute with Tensor operations (@, +, nn.F.relu) on the Parameters, not "
                     "numpy functions: the framework can only differentiate its own ops.")
    expect_float_array(func, "Z3.data", Z3.data, (3, 2), inputs=inputs)
    expect_close(func, "Z3", Z3.data, [[0.4075, -0.27], [1.374, 0.478], [-0.897, -0.192]],
                 inputs=inputs, hint="Z1 = W1 X + b1, A1 = relu(Z1), Z2 = W2 A1 + b2, "
                                     "A2 = relu(Z2), Z3 = W3 A2 + b3: no ReLU after the last "
                                     "LINEAR, and every bias added.")
    expect_unchanged(func, ("parameters",), before,
                     ({k: p.data for k, p in parameters.items()},))
    for name, expected in (("W1", [[0.29, 0.105, -0.33, 0.38], [-0.32, 0.0, 0.48, 0.16],
                                   [0.51, 0.255, -0.51, 1.02]]),
                           ("b1", [[0.17], [0.16], [0.51]]), ("W3", [[1.085, 1.895]] * 3)):
        grad = parameters[name].grad
        if grad is None:
            fail(func, f"after Z3.sum().backward(), no gradient reached {name}.", inputs=inputs,
                 hint="use the Parameters themselves in Tensor operations (not .data or "
                      "numpy copies), so the framework records every step.")
        expect_close(func, f"{name}.grad after Z3.sum().backward()", grad, expected,
                     inputs=inputs)
    passed()


def compute_total_loss_test(compute_total_loss):
    func = "compute_total_loss"
    values = np.array([[2.0, -1.0], [0.5, 1.5], [-1.0, 0.0]])
    labels = np.array([[1.0, 0.0], [0.0, 0.0], [0.0, 1.0]])
    logits = nn.Parameter(values.copy())
    inputs = {"logits": values, "labels": labels}
    loss = call_backward(compute_total_loss, None, logits, labels.copy())  # loss.backward()
    expect_type(func, "total_loss", loss, nn.Tensor, inputs=inputs,
                hint="build the loss from Tensor operations on logits, so that "
                     "total_loss.backward() can differentiate it.")
    if loss.data.size != 1:
        fail(func, "total_loss should be a single number.", actual=f"shape {loss.shape}",
             inputs=inputs, hint="sum over the classes AND over the examples.")
    expect_close(func, "total_loss", float(loss.data.reshape(-1)[0]), 2.0076791964642906,
                 inputs=inputs, hint="the SUM over the m examples of -sum_j y_j log "
                                     "softmax(z)_j, the softmax over the classes (axis 0).")
    expect_close(func, "logits.grad after total_loss.backward()", logits.grad,
                 [[-0.21440296541072412, 0.0628900132458675],
                  [0.1752903921400367, 0.7661572065563422],
                  [0.039112573270687456, -0.8290472198022097]], inputs=inputs,
                 hint="the gradient of the total loss is softmax(logits) - labels.")
    passed()


# The quiz: the form of each answer (the key is the grader's).
QUIZ = quiz({1: (CHOICE, "abcd"), 2: (CHOICE, "abcd")})
q1_test, q2_test = quiz_checks(QUIZ)
