"""Hidden tests for c2w3_softmax_and_frameworks: fresh random inputs against references.

Part A (numpy): softmax, one_hot_matrix, compute_cost, softmax_backward. While they run, every
op of shared_utils.nn raises (the `numpy_only` hook; DECISIONS §16: Part A is numpy only).
Part B (shared_utils.nn): minimize_w, initialize_parameters, forward_propagation,
compute_total_loss. Their results must be Tensors built from the framework's ops: backward()
runs on them in the kernel (`backward_through`) and the gradients are compared with ones
derived by hand in numpy, so an answer computed on plain arrays earns nothing.
The references are written here independently of the notebook's solutions.
"""
import numpy as np

from shared_utils import nn
from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_scalar, expect_type, expect_unchanged, snapshot)
from shared_utils.checks._report import fail
from shared_utils.checks.c2w3_softmax_and_frameworks import QUIZ

from . import c2w3_softmax_reference as ref
from .c2w3_softmax_reference import (  # noqa: F401 (re-exported: the references of this module)
    reference_compute_cost, reference_compute_total_loss, reference_forward_propagation,
    reference_initialize_parameters, reference_minimize_w, reference_one_hot_matrix,
    reference_softmax, reference_softmax_backward)
from .harness import (backward_through, expect_vectorised, hooked, isolated, learner_call,
                      quiz_tests, rng, sgd_steps)


def _others(func):
    """Reference versions of every graded function but `func` (a bug costs points once)."""
    return isolated(func, **{k: v for k, v in ref.REFERENCES.items() if k != func.__name__})


def _labels(g, C, m):
    return g.integers(0, C, m)


def test_softmax(softmax):
    g = rng("softmax")
    with _others(softmax), hooked(softmax, numpy_only=None):
        for shape in ((4, 1), (6, 5), (2, 9), (10, 3), (1, 4)):
            Z = g.normal(0, 3, shape)
            before = snapshot(Z)
            A = learner_call(softmax, Z)
            expect_unchanged("softmax", ("Z",), before, (Z,))
            expect_float_array("softmax", "softmax(Z)", A, shape, inputs={"Z": Z})
            expect_close("softmax", "softmax(Z)", A, ref.reference_softmax(Z), inputs={"Z": Z},
                         hint="normalise each column (axis 0): columns are examples.")
        Z = g.uniform(-5, 5, (5, 4)) + np.array([[1000.0, -1000.0, 500.0, 0.0]])
        A = learner_call(softmax, Z)
        if not np.all(np.isfinite(A)):
            fail("softmax", "returned inf or nan for logits near 1000 or -1000.",
                 hint="subtract each column's max before np.exp (DECISIONS §4).")
        expect_close("softmax", "softmax(Z) for large logits", A, ref.reference_softmax(Z))
        z = g.normal(0, 4, (1, 7))  # C = 2: softmax([z, 0])[0] is sigmoid(z) (notes C2 §3.9)
        A = learner_call(softmax, np.vstack([z, np.zeros_like(z)]))
        expect_close("softmax", "softmax([z, 0])[0]", A[0], 1 / (1 + np.exp(-z[0])),
                     hint="with C = 2, softmax is logistic regression's sigmoid.")
        expect_vectorised(softmax, (g.normal(size=(4, 3)),), (g.normal(size=(4, 300)),), 3, 300)


def test_one_hot_matrix(one_hot_matrix):
    g = rng("one_hot_matrix")
    with _others(one_hot_matrix), hooked(one_hot_matrix, numpy_only=None):
        for C, m, row in ((6, 10, False), (2, 7, True), (10, 25, False), (6, 1, True),
                          (8, 5, False)):
            labels = _labels(g, min(C, 4) if C == 8 else C, m)  # C = 8: rows 4-7 stay 0
            labels = labels.reshape(1, m) if row else labels
            before = snapshot(labels)
            Y = learner_call(one_hot_matrix, labels, C)
            inputs = {"labels": labels, "C": C}
            expect_unchanged("one_hot_matrix", ("labels",), before, (labels,))
            expect_float_array("one_hot_matrix", "one_hot", Y, (C, m), inputs=inputs,
                               hint="shape (C, m): one column per example.")
            expect_close("one_hot_matrix", "one_hot", Y, ref.reference_one_hot_matrix(labels, C),
                         inputs=inputs)
        expect_vectorised(one_hot_matrix, (_labels(g, 6, 4), 6), (_labels(g, 6, 400), 6),
                          4, 400)


def _problem(name, C, m):
    """Probabilities A (C, m) (a softmax of random logits) and one-hot labels Y (C, m)."""
    g = rng(f"{name}-{C}-{m}")
    A = ref.reference_softmax(g.normal(0, 2, (C, m)))
    return A, ref.reference_one_hot_matrix(_labels(g, C, m), C)


def test_compute_cost(compute_cost):
    with _others(compute_cost), hooked(compute_cost, numpy_only=None):
        for C, m in ((4, 1), (6, 20), (3, 7), (10, 64)):
            A, Y = _problem("compute_cost", C, m)
            before = snapshot(A, Y)
            cost = learner_call(compute_cost, A, Y)
            expect_unchanged("compute_cost", ("A", "Y"), before, (A, Y))
            expect_scalar("compute_cost", "cost", cost, inputs={"A": A, "Y": Y})
            expect_close("compute_cost", "cost", cost, ref.reference_compute_cost(A, Y),
                         inputs={"A": A, "Y": Y})
        A, Y = _problem("compute_cost-true-class", 5, 6)
        other = np.where(Y == 1, A, A * 0.5)  # only the true class's probability may matter
        expect_close("compute_cost", "cost", learner_call(compute_cost, other, Y),
                     ref.reference_compute_cost(A, Y), inputs={"A": other, "Y": Y},
                     hint="L = -sum_j y_j log(y_hat_j) (notes C2 §3.9), not the binary "
                          "cross-entropy of course 1.")
        expect_vectorised(compute_cost, _problem("cost-loops", 3, 4),
                          _problem("cost-loops", 3, 300), 4, 300)


def test_softmax_backward(softmax_backward):
    g = rng("softmax_backward")
    with _others(softmax_backward), hooked(softmax_backward, numpy_only=None):
        for C, m in ((4, 1), (6, 9), (3, 30)):
            A, Y = _problem("softmax_backward", C, m)
            before = snapshot(A, Y)
            dZ = learner_call(softmax_backward, A, Y)
            expect_unchanged("softmax_backward", ("A", "Y"), before, (A, Y))
            expect_float_array("softmax_backward", "dZ", dZ, (C, m), inputs={"A": A, "Y": Y})
            expect_close("softmax_backward", "dZ", dZ, ref.reference_softmax_backward(A, Y),
                         inputs={"A": A, "Y": Y})
        Z, eps = g.normal(0, 2, (5, 4)), 1e-6
        Y = ref.reference_one_hot_matrix(_labels(g, 5, 4), 5)
        total = lambda Z: 4 * ref.reference_compute_cost(ref.reference_softmax(Z), Y)  # noqa: E731
        numeric = np.zeros_like(Z)
        for i in np.ndindex(*Z.shape):
            step = np.zeros_like(Z)
            step[i] = eps
            numeric[i] = (total(Z + step) - total(Z - step)) / (2 * eps)
        dZ = learner_call(softmax_backward, ref.reference_softmax(Z), Y)
        expect_close("softmax_backward", "dZ (against a numerical derivative of the loss)",
                     dZ, numeric, rtol=1e-5, atol=1e-7,
                     hint="dZ[:, i] is the derivative of example i's loss L with respect to "
                          "z(i): y_hat - y, with no 1/m (that comes later, in dW).")


def test_minimize_w(minimize_w):
    g = rng("minimize_w")
    cases = [(np.array([[1.0], [-10.0], [25.0]]), 3, 0.01)]
    for n in (1, 7, 40):
        coefficients = np.array([[g.uniform(0.5, 2.0)], [g.uniform(-20, 20)], [g.uniform(0, 30)]])
        cases.append((coefficients, n, float(g.choice([0.003, 0.02, 0.05]))))
    for coefficients, n, lr in cases:
        inputs = {"coefficients": coefficients, "num_iterations": n, "learning_rate": lr}
        before = snapshot(coefficients)
        with _others(minimize_w):
            w, steps = sgd_steps(minimize_w, coefficients, num_iterations=n, learning_rate=lr)
        expect_unchanged("minimize_w", ("coefficients",), before, (coefficients,))
        expect_type("minimize_w", "w", w, nn.Tensor, inputs=inputs,
                    hint="return the Parameter w.")
        if w.data.size != 1:
            fail("minimize_w", "w should hold one number.", actual=f"shape {w.shape}")
        if steps != n:
            fail("minimize_w", "should take one nn.optim.SGD step per iteration.",
                 expected=f"{n} calls of optimizer.step()", actual=f"{steps} calls",
                 inputs=inputs, hint="optimizer = nn.optim.SGD([w], lr=learning_rate), then "
                                     "zero_grad(), cost, backward(), step() in the loop.")
        expected = ref.reference_minimize_w(coefficients, n, lr).item()
        expect_close("minimize_w", "w", float(w.data.reshape(-1)[0]), expected, rtol=1e-5,
                     atol=1e-6, inputs=inputs,
                     hint="J(w) = x[0] w^2 + x[1] w + x[2] with x the coefficients; use "
                          "learning_rate, and zero the gradient before every backward().")


def test_initialize_parameters(initialize_parameters):
    func = "initialize_parameters"
    np.random.seed(12345)  # the function must seed numpy itself
    with _others(initialize_parameters):
        parameters = learner_call(initialize_parameters)
        again = learner_call(initialize_parameters)
    reference = ref.reference_initialize_parameters()
    expect_keys(func, "parameters", parameters, list(reference))
    for name, want in reference.items():
        got = parameters[name]
        expect_type(func, name, got, nn.Parameter, hint="wrap each array in nn.Parameter(...).")
        expect_float_array(func, f"{name}.data", got.data, want.shape)
        if got.dtype != np.float32:
            fail(func, f"{name} should be float32.", actual=f"dtype {got.dtype}")
        expect_close(func, name, got.data, want.data, rtol=1e-6, atol=1e-9,
                     hint="np.random.seed(1); W1, W2, W3 drawn in order with "
                          "np.random.randn(n_l, n_prev) * np.sqrt(2 / (n_prev + n_l)); "
                          "zero biases.")
        if again[name] is got:
            fail(func, "returned the same Parameter objects twice.",
                 hint="create new Parameters on every call.")


def _network(name, dims, m, dtype=np.float64):
    """Random parameters as Parameters, their numpy values, and X (n_x, m)."""
    g = rng(f"{name}-{dims}-{m}")
    values = {}
    for l in (1, 2, 3):
        values[f"W{l}"] = g.normal(0, 1 / np.sqrt(dims[l - 1]), (dims[l], dims[l - 1]))
        values[f"b{l}"] = g.normal(0, 0.5, (dims[l], 1))
    values = {k: v.astype(dtype) for k, v in values.items()}
    X = g.normal(0, 1, (dims[0], m)).astype(dtype)
    return {k: nn.Parameter(v.copy()) for k, v in values.items()}, values, X


def test_forward_propagation(forward_propagation):
    func = "forward_propagation"
    for dims, m, as_tensor, dtype in (((7, 5, 4, 3), 6, False, np.float64),
                                      ((20, 25, 12, 6), 1, True, np.float64),
                                      ((3, 2, 2, 4), 9, False, np.float64),
                                      ((30, 8, 6, 6), 32, False, np.float32)):
        parameters, values, X = _network(func, dims, m, dtype)
        tol = {"rtol": 1e-4, "atol": 1e-5} if dtype == np.float32 else {}
        inputs = {"X": X, "parameters": f"random, layer sizes {dims}"}
        G = rng(f"{func}-G-{m}").normal(0, 1, (dims[3], m)).astype(dtype)
        with _others(forward_propagation):  # and backward() from sum(Z3 * G)
            Z3 = backward_through(forward_propagation, G, nn.Tensor(X) if as_tensor else X,
                                  parameters)
        expect_type(func, "Z3", Z3, nn.Tensor, inputs=inputs,
                    hint="compute with Tensor operations on the Parameters.")
        want, grads = ref.numpy_forward_backward(X.astype(float), values, G.astype(float))
        expect_float_array(func, "Z3.data", Z3.data, want.shape, inputs=inputs)
        expect_close(func, "Z3", Z3.data, want, inputs=inputs, **tol,
                     hint="LINEAR -> RELU -> LINEAR -> RELU -> LINEAR, with every bias; the "
                          "logits get no activation.")
        expect_unchanged(func, ("parameters",), ({k: v for k, v in values.items()},),
                         ({k: p.data for k, p in parameters.items()},))
        for name, want_grad in grads.items():
            if parameters[name].grad is None:
                fail(func, f"no gradient reached {name} through your Z3.", inputs=inputs,
                     hint="use the Parameters in Tensor operations (not their .data), so "
                          "backward() can reach them.")
            expect_close(func, f"the gradient of {name}", parameters[name].grad, want_grad,
                         inputs=inputs, **tol)


def test_compute_total_loss(compute_total_loss):
    func = "compute_total_loss"
    g = rng(func)
    for C, m, labels_as_tensor, dtype in ((6, 10, False, np.float64), (3, 1, False, np.float64),
                                          (10, 32, True, np.float64), (6, 32, False, np.float32)):
        L = g.normal(0, 3, (C, m))
        Y = ref.reference_one_hot_matrix(_labels(g, C, m), C)
        logits = nn.Parameter(L.astype(dtype))
        labels = nn.Tensor(Y.astype(dtype)) if labels_as_tensor else Y.astype(dtype)
        inputs = {"logits": L, "labels": Y}
        tol = {"rtol": 1e-4, "atol": 1e-5} if dtype == np.float32 else {}
        with _others(compute_total_loss):  # and total_loss.backward()
            loss = backward_through(compute_total_loss, None, logits, labels)
        expect_type(func, "total_loss", loss, nn.Tensor, inputs=inputs,
                    hint="build it from Tensor operations on logits.")
        if loss.data.size != 1:
            fail(func, "total_loss should be one number.", actual=f"shape {loss.shape}",
                 inputs=inputs)
        want, want_grad = ref.numpy_total_loss(L, Y)
        expect_close(func, "total_loss", float(loss.data.reshape(-1)[0]), want, inputs=inputs,
                     **tol, hint="the sum over the examples of the categorical cross-entropy "
                                 "of softmax(logits) over the classes (axis 0).")
        if logits.grad is None:
            fail(func, "total_loss.backward() gave logits no gradient.", inputs=inputs)
        expect_close(func, "logits.grad", logits.grad, want_grad, inputs=inputs, **tol)


# The quiz: question -> (answer, the notes' section to re-read)
KEY = {1: ("a", "C2 §3.8-3.9 (the worked softmax example, and hardmax)"),
       2: ("c", "C2 §3.11 (the framework's first step and what it computes for you)")}

test_q1, test_q2 = quiz_tests(QUIZ, KEY)
