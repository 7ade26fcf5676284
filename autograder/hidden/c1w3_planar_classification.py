"""Hidden tests for c1w3_planar_classification: fresh random networks against a reference.

Each test_<name> takes the learner's objects. The references here are written independently of
the notebook's solutions. Backward propagation is also held to a numerical derivative of the
reference cost; every cache handed to it is the true forward pass of its inputs (A1 = tanh(Z1)),
so `1 - A1**2` and `1 - np.tanh(Z1)**2` are equally right.
"""
import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_scalar, expect_shape, expect_type,
                                          expect_unchanged, snapshot)
from shared_utils.checks._report import fail
from shared_utils.datasets import load_planar_dataset

from .harness import expect_vectorised, isolated, learner_call, rng

KEYS, GRAD_KEYS = ("W1", "b1", "W2", "b2"), ("dW1", "db1", "dW2", "db2")


def reference_layer_sizes(X, Y):
    return X.shape[0], 4, Y.shape[0]


def reference_initialize_parameters(n_x, n_h, n_y):
    W1 = 0.01 * np.random.randn(n_h, n_x)
    W2 = 0.01 * np.random.randn(n_y, n_h)
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def reference_forward_propagation(X, parameters):
    Z1 = parameters["W1"] @ X + parameters["b1"]
    A1 = np.tanh(Z1)
    Z2 = parameters["W2"] @ A1 + parameters["b2"]
    A2 = 0.5 * (1.0 + np.tanh(0.5 * Z2))  # the sigmoid, written without exp overflow
    return A2, {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}


def reference_compute_cost(A2, Y):
    return float(-np.sum(np.where(Y == 1, np.log(A2), np.log1p(-A2))) / Y.shape[1])


def reference_backward_propagation(parameters, cache, X, Y):
    dZ2 = cache["A2"] - Y
    dZ1 = (parameters["W2"].T @ dZ2) * (1.0 - np.tanh(cache["Z1"]) ** 2)
    return {"dW1": dZ1 @ X.T / X.shape[1], "db1": dZ1.mean(axis=1, keepdims=True),
            "dW2": dZ2 @ cache["A1"].T / X.shape[1], "db2": dZ2.mean(axis=1, keepdims=True)}


def reference_update_parameters(parameters, grads, learning_rate=1.2):
    return {k: parameters[k] - learning_rate * grads["d" + k] for k in KEYS}


def reference_nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    parameters = reference_initialize_parameters(X.shape[0], n_h, Y.shape[0])
    for _ in range(num_iterations):
        _, cache = reference_forward_propagation(X, parameters)
        grads = reference_backward_propagation(parameters, cache, X, Y)
        parameters = reference_update_parameters(parameters, grads)
    return parameters


def reference_predict(parameters, X):
    return (reference_forward_propagation(X, parameters)[0] > 0.5).astype(float)


REFERENCES = {"layer_sizes": reference_layer_sizes,
              "initialize_parameters": reference_initialize_parameters,
              "forward_propagation": reference_forward_propagation,
              "compute_cost": reference_compute_cost,
              "backward_propagation": reference_backward_propagation,
              "update_parameters": reference_update_parameters,
              "nn_model": reference_nn_model, "predict": reference_predict}


def _others(func):
    """Reference versions of every graded function but `func` (a bug costs points once)."""
    return isolated(func, **{k: v for k, v in REFERENCES.items() if k != func.__name__})


def _network(name, n_x, n_h, m, scale=0.8):
    """Random parameters (n_y = 1), data X (n_x, m) and labels Y (1, m) of 0/1."""
    g = rng(f"{name}-{n_x}-{n_h}-{m}")
    params = {"W1": g.normal(0, scale, (n_h, n_x)), "b1": g.normal(0, 0.3, (n_h, 1)),
              "W2": g.normal(0, scale, (1, n_h)), "b2": g.normal(0, 0.3, (1, 1))}
    return params, g.normal(0, 1, (n_x, m)), (g.random((1, m)) < 0.5).astype(np.int64)


def _expect_params(func, name, got, expected, inputs, **tol):
    expect_keys(func, name, got, KEYS, inputs=inputs)
    for k in KEYS:
        expect_float_array(func, f"{name}['{k}']", got[k], expected[k].shape, inputs=inputs)
        expect_close(func, f"{name}['{k}']", got[k], expected[k], inputs=inputs, **tol)


def test_dimensions(shape_X, shape_Y, m):
    X, Y = load_planar_dataset()
    for name, value, expected in (("shape_X", shape_X, X.shape), ("shape_Y", shape_Y, Y.shape)):
        expect_type("Exercise 1", name, value, tuple)
        if value != expected:
            fail("Exercise 1", f"{name} is {value!r}, expected {expected}.")
    expect_type("Exercise 1", "m", m, (int, np.integer))
    if m != X.shape[1]:
        fail("Exercise 1", f"m is {m!r}, expected {X.shape[1]}.")


def test_layer_sizes(layer_sizes):
    g = rng("layer_sizes")
    for n_x, n_y, m in ((2, 1, 400), (7, 3, 1), (1, 5, 9), (12, 1, 2)):
        X, Y = g.normal(size=(n_x, m)), g.normal(size=(n_y, m))
        sizes = learner_call(layer_sizes, X, Y)
        expect_type("layer_sizes", "the result", sizes, tuple)
        if tuple(sizes) != (n_x, 4, n_y):
            fail("layer_sizes", "wrong sizes.", expected=repr((n_x, 4, n_y)),
                 actual=repr(sizes), inputs={"X.shape": X.shape, "Y.shape": Y.shape})


def test_initialize_parameters(initialize_parameters):
    state = np.random.get_state()
    try:
        for seed, (n_x, n_h, n_y) in ((5, (2, 4, 1)), (11, (7, 3, 2)), (0, (1, 1, 1)),
                                      (123, (30, 20, 3))):
            inputs = {"n_x": n_x, "n_h": n_h, "n_y": n_y, "after": f"np.random.seed({seed})"}
            np.random.seed(seed)
            got = learner_call(initialize_parameters, n_x, n_h, n_y)
            np.random.seed(seed)
            _expect_params("initialize_parameters", "parameters", got,
                           reference_initialize_parameters(n_x, n_h, n_y), inputs,
                           rtol=1e-12, atol=0)
    finally:
        np.random.set_state(state)


def test_forward_propagation(forward_propagation):
    for n_x, n_h, m in ((2, 4, 400), (5, 3, 7), (1, 1, 1), (8, 20, 33)):
        params, X, _ = _network("forward", n_x, n_h, m, scale=1.5)
        inputs = {"X": X, "parameters": params}
        before = snapshot(X, params)
        A2, cache = learner_call(forward_propagation, X, params)
        expect_unchanged("forward_propagation", ("X", "parameters"), before, (X, params))
        ref_A2, ref_cache = reference_forward_propagation(X, params)
        expect_float_array("forward_propagation", "A2", A2, (1, m), inputs=inputs)
        expect_close("forward_propagation", "A2", A2, ref_A2, inputs=inputs)
        expect_keys("forward_propagation", "cache", cache, ("Z1", "A1", "Z2", "A2"),
                    inputs=inputs)
        for k in ("Z1", "A1", "Z2", "A2"):
            expect_float_array("forward_propagation", f"cache['{k}']", cache[k],
                               ref_cache[k].shape, inputs=inputs)
            expect_close("forward_propagation", f"cache['{k}']", cache[k], ref_cache[k],
                         inputs=inputs)
    small, large = _network("forward-loops", 3, 4, 4), _network("forward-loops", 3, 4, 256)
    expect_vectorised(forward_propagation, (small[1], small[0]), (large[1], large[0]), 4, 256)


def test_compute_cost(compute_cost):
    g = rng("compute_cost")
    for m in (1, 5, 400):
        A2, Y = g.uniform(0.01, 0.99, (1, m)), (g.random((1, m)) < 0.5).astype(np.int64)
        inputs = {"A2": A2, "Y": Y}
        before = snapshot(A2, Y)
        cost = learner_call(compute_cost, A2, Y)
        expect_unchanged("compute_cost", ("A2", "Y"), before, (A2, Y))
        expect_scalar("compute_cost", "cost", cost, inputs=inputs)
        expect_close("compute_cost", "cost", cost, reference_compute_cost(A2, Y), inputs=inputs)
    A2 = g.uniform(0.01, 0.99, (1, 4))
    expect_vectorised(compute_cost, (A2, np.ones((1, 4))),
                      (g.uniform(0.01, 0.99, (1, 256)), np.ones((1, 256))), 4, 256)


def test_activations(tanh_derivative, relu, relu_derivative, leaky_relu, leaky_relu_derivative):
    g = rng("activations")
    z = g.normal(0, 3, (6, 9))
    z[::2, ::3] = 0.0  # exact zeros: ReLU'(0) = 0 (DECISIONS §4), leaky'(0) = slope
    pos = z > 0
    cases = ((tanh_derivative, (), 1.0 - np.tanh(z) ** 2),
             (relu, (), np.where(pos, z, 0.0)), (relu_derivative, (), pos * 1.0),
             (leaky_relu, (), np.where(pos, z, 0.01 * z)),
             (leaky_relu, (0.2,), np.where(pos, z, 0.2 * z)),
             (leaky_relu_derivative, (), np.where(pos, 1.0, 0.01)),
             (leaky_relu_derivative, (0.2,), np.where(pos, 1.0, 0.2)))
    for func, extra, expected in cases:
        z_in = z.copy()
        out = learner_call(func, z_in, *extra)
        inputs = {"z": "a (6, 9) array with exact zeros", **({"slope": extra[0]} if extra else {})}
        expect_unchanged(func.__name__, ("z",), (z,), (z_in,))
        expect_shape(func.__name__, "the result", out, z.shape, inputs=inputs)
        expect_close(func.__name__, "the result", out, expected, inputs=inputs)


def test_backward_propagation(backward_propagation):
    with _others(backward_propagation):
        for n_x, n_h, m in ((2, 4, 400), (5, 3, 7), (1, 1, 1), (6, 9, 20)):
            params, X, Y = _network("backward", n_x, n_h, m)
            _, cache = reference_forward_propagation(X, params)
            inputs = {"X.shape": X.shape, "n_h": n_h}
            before = snapshot(params, cache, X, Y)
            grads = learner_call(backward_propagation, params, cache, X, Y)
            expect_unchanged("backward_propagation", ("parameters", "cache", "X", "Y"), before,
                             (params, cache, X, Y))
            expected = reference_backward_propagation(params, cache, X, Y)
            expect_keys("backward_propagation", "grads", grads, GRAD_KEYS, inputs=inputs)
            for k in GRAD_KEYS:
                expect_float_array("backward_propagation", k, grads[k], expected[k].shape,
                                   inputs=inputs, hint="keepdims=True keeps db (n, 1).")
                expect_close("backward_propagation", k, grads[k], expected[k], inputs=inputs)
        _expect_numerical_gradient(backward_propagation, *_network("backward-numeric", 3, 4, 6))
        small, large = _network("backward-loops", 3, 4, 4), _network("backward-loops", 3, 4, 256)
        args = [(p, reference_forward_propagation(X, p)[1], X, Y) for p, X, Y in (small, large)]
        expect_vectorised(backward_propagation, args[0], args[1], 4, 256)


def _expect_numerical_gradient(backward_propagation, params, X, Y, eps=1e-6):
    """Each gradient must be the centered-difference derivative of J(W1, b1, W2, b2) (§3.9)."""
    def cost(p):
        return reference_compute_cost(reference_forward_propagation(X, p)[0], Y)

    grads = learner_call(backward_propagation, params,
                         reference_forward_propagation(X, params)[1], X, Y)
    for k in KEYS:
        numeric = np.zeros_like(params[k])
        for idx in np.ndindex(params[k].shape):
            plus, minus = ({**params, k: params[k].copy()} for _ in range(2))
            plus[k][idx] += eps
            minus[k][idx] -= eps
            numeric[idx] = (cost(plus) - cost(minus)) / (2 * eps)
        expect_close("backward_propagation", f"d{k} (against a numerical derivative of J)",
                     grads["d" + k], numeric, rtol=1e-5, atol=1e-8,
                     hint="each gradient must be the derivative of the cost J (notes §3.9).")


def test_update_parameters(update_parameters):
    g = rng("update_parameters")
    for n_x, n_h, lr in ((2, 4, None), (5, 3, 0.05), (1, 7, 2.0)):
        params, _, _ = _network("update", n_x, n_h, 1)
        grads = {"d" + k: g.normal(size=v.shape) for k, v in params.items()}
        kwargs = {} if lr is None else {"learning_rate": lr}
        inputs = {"n_x": n_x, "n_h": n_h, **kwargs}
        before = snapshot(params, grads)
        new = learner_call(update_parameters, params, grads, **kwargs)
        expect_unchanged("update_parameters", ("parameters", "grads"), before, (params, grads))
        _expect_params("update_parameters", "parameters", new,
                       reference_update_parameters(params, grads, **kwargs), inputs)


def test_nn_model(nn_model):
    """nn_model with reference helpers (isolated) against the reference training run, step for
    step: two random problems and the flower itself. Each step calls the helpers in the judge,
    four round trips, so the runs are short; matching the reference at every step is a stronger
    check than an accuracy reached after many."""
    g = rng("nn_model")
    problems = [(g.normal(size=(3, 30)), 5, 300), (g.normal(size=(2, 12)), 2, 57)]
    runs = [(X, (X[:1] * X[1:2] > 0).astype(np.int64), n_h, iterations)  # an XOR-like pattern
            for X, n_h, iterations in problems] + [(*load_planar_dataset(), 4, 25)]
    with _others(nn_model):
        for X, Y, n_h, iterations in runs:
            inputs = {"X.shape": X.shape, "n_h": n_h, "num_iterations": iterations}
            before = snapshot(X, Y)
            got = learner_call(nn_model, X, Y, n_h, num_iterations=iterations)
            expect_unchanged("nn_model", ("X", "Y"), before, (X, Y))
            _expect_params("nn_model", "parameters", got,
                           reference_nn_model(X, Y, n_h, iterations), inputs, rtol=1e-5)


def test_predict(predict):
    with _others(predict):
        for n_x, n_h, m in ((2, 4, 400), (5, 3, 9), (1, 1, 1)):
            params, X, _ = _network("predict", n_x, n_h, m, scale=2.0)
            inputs = {"X.shape": X.shape, "n_h": n_h}
            before = snapshot(params, X)
            got = learner_call(predict, params, X)
            expect_unchanged("predict", ("parameters", "X"), before, (params, X))
            expect_shape("predict", "predictions", got, (1, m), inputs=inputs)
            expect_close("predict", "predictions", got, reference_predict(params, X),
                         inputs=inputs)
        params, X, _ = _network("predict-half", 3, 4, 6)
        params = {**params, "W2": np.zeros((1, 4)), "b2": np.zeros((1, 1))}  # A2 = 0.5 exactly
        expect_close("predict", "predictions", learner_call(predict, params, X), np.zeros((1, 6)),
                     hint="the threshold is strict: predict 1 only when A2 > 0.5.")
        small, large = _network("predict-loops", 3, 4, 4), _network("predict-loops", 3, 4, 256)
        expect_vectorised(predict, (small[0], small[1]), (large[0], large[1]), 4, 256)
