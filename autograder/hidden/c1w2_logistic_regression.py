"""Hidden tests for c1w2_logistic_regression: fresh random inputs against a reference.

Each test_<name> takes the learner's objects. Reference code is written here independently of
the notebook's solutions; the visible checks in shared_utils hold only fixed numbers.
"""
import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_scalar, expect_shape, expect_type,
                                          expect_unchanged, snapshot)
from shared_utils.checks._report import fail
from shared_utils.datasets import load_catvnoncat

from .harness import expect_vectorised, isolated, learner_call, rng


def reference_sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def reference_initialize_with_zeros(dim):
    return np.zeros((dim, 1)), 0.0


def reference_propagate(w, b, X, Y):
    m = X.shape[1]
    A = reference_sigmoid(w.T @ X + b)
    cost = float(-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m)
    return {"dw": X @ (A - Y).T / m, "db": float(np.sum(A - Y) / m)}, cost


def reference_optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = reference_propagate(w, b, X, Y)
        w, b = w - learning_rate * grads["dw"], b - learning_rate * grads["db"]
        if i % 100 == 0:
            costs.append(cost)
    return {"w": w, "b": b}, grads, costs


def reference_predict(w, b, X):
    return (reference_sigmoid(w.T @ X + b) > 0.5).astype(float)


REFERENCES = {"sigmoid": reference_sigmoid, "propagate": reference_propagate,
              "initialize_with_zeros": reference_initialize_with_zeros,
              "optimize": reference_optimize, "predict": reference_predict}


def _others(func):
    """Reference versions of every graded function but `func`: a test of one function does not
    fail because of a bug in another (the learner's own answers are never called)."""
    return isolated(func, **{k: v for k, v in REFERENCES.items() if k != func.__name__})


def _problem(name, n_x, m):
    """A random logistic-regression problem: w (n_x, 1), float b, X (n_x, m), Y (1, m) of 0/1."""
    g = rng(f"{name}-{n_x}-{m}")
    return (g.normal(0, 0.5, (n_x, 1)), float(g.normal()), g.normal(0, 1, (n_x, m)),
            (g.random((1, m)) < 0.5).astype(np.int64))


def test_dimensions(m_train, m_test, num_px):
    train_x, _, test_x, _, _ = load_catvnoncat()
    for name, value, expected in (("m_train", m_train, train_x.shape[0]),
                                  ("m_test", m_test, test_x.shape[0]),
                                  ("num_px", num_px, train_x.shape[1])):
        expect_type("Exercise 1", name, value, (int, np.integer))
        if value != expected:
            fail("Exercise 1", f"{name} is {value!r}, expected {expected}.")


def test_flatten(train_set_x_flatten, test_set_x_flatten):
    train_x, _, test_x, _, _ = load_catvnoncat()
    for name, flat, orig in (("train_set_x_flatten", train_set_x_flatten, train_x),
                             ("test_set_x_flatten", test_set_x_flatten, test_x)):
        expect_shape("Exercise 2", name, flat, (orig[0].size, orig.shape[0]))
        if not np.array_equal(flat, orig.reshape(orig.shape[0], -1).T):
            fail("Exercise 2", f"{name} does not hold one unrolled image per column.",
                 hint="X_orig.reshape(X_orig.shape[0], -1).T")


def test_sigmoid(sigmoid):
    g = rng("sigmoid")
    for shape in ((5,), (3, 7), (1, 13), (4, 1)):
        z = g.uniform(-20, 20, shape)
        a = learner_call(sigmoid, z.copy())
        expect_float_array("sigmoid", "sigmoid(z)", a, shape, inputs={"z": z})
        expect_close("sigmoid", "sigmoid(z)", a, reference_sigmoid(z), rtol=1e-7, atol=1e-12,
                     inputs={"z": z})
    expect_close("sigmoid", "sigmoid(0.7)", learner_call(sigmoid, 0.7), reference_sigmoid(0.7))
    expect_vectorised(sigmoid, (g.normal(size=(1, 4)),), (g.normal(size=(1, 400)),), 4, 400)


def test_initialize_with_zeros(initialize_with_zeros):
    for dim in (1, 7, 12288):
        w, b = learner_call(initialize_with_zeros, dim)
        expect_float_array("initialize_with_zeros", "w", w, (dim, 1), inputs={"dim": dim})
        if np.any(w != 0):
            fail("initialize_with_zeros", "w should be all zeros.", inputs={"dim": dim})
        expect_type("initialize_with_zeros", "b", b, float, inputs={"dim": dim})
        if b != 0.0:
            fail("initialize_with_zeros", f"b is {b!r}, expected 0.0.")


def test_propagate(propagate):
    with _others(propagate):
        _test_propagate(propagate)


def _test_propagate(propagate):
    for n_x, m in ((3, 5), (7, 13), (1, 1), (12, 40)):
        w, b, X, Y = _problem("propagate", n_x, m)
        inputs = {"w": w, "b": b, "X": X, "Y": Y}
        before = snapshot(w, X, Y)
        grads, cost = learner_call(propagate, w, b, X, Y)
        expect_unchanged("propagate", ("w", "X", "Y"), before, (w, X, Y))
        (ref, ref_cost) = reference_propagate(w, b, X, Y)
        expect_keys("propagate", "grads", grads, ("dw", "db"), inputs=inputs)
        expect_float_array("propagate", "dw", grads["dw"], (n_x, 1), inputs=inputs)
        expect_scalar("propagate", "db", grads["db"], inputs=inputs)
        expect_scalar("propagate", "cost", cost, inputs=inputs)
        expect_close("propagate", "cost", cost, ref_cost, inputs=inputs)
        expect_close("propagate", "dw", grads["dw"], ref["dw"], inputs=inputs)
        expect_close("propagate", "db", grads["db"], ref["db"], inputs=inputs)
    _expect_gradient_of_own_cost(propagate, *_problem("propagate-numeric", 4, 9))
    small, large = _problem("propagate-loops", 3, 4), _problem("propagate-loops", 3, 256)
    expect_vectorised(propagate, small, large, 4, 256)


def _expect_gradient_of_own_cost(propagate, w, b, X, Y, eps=1e-6):
    """dw and db must be the derivatives of the cost the same function returns (notes §2.9)."""
    grads, _ = learner_call(propagate, w, b, X, Y)
    numeric = np.zeros_like(w)
    for i in range(w.shape[0]):
        step = np.zeros_like(w)
        step[i] = eps
        numeric[i] = (learner_call(propagate, w + step, b, X, Y)[1]
                      - learner_call(propagate, w - step, b, X, Y)[1]) / (2 * eps)
    db = (learner_call(propagate, w, b + eps, X, Y)[1]
          - learner_call(propagate, w, b - eps, X, Y)[1]) / (2 * eps)
    expect_close("propagate", "dw (against a numerical derivative of your cost)", grads["dw"],
                 numeric, rtol=1e-5, atol=1e-7, hint="dw and db must be the derivatives of J.")
    expect_close("propagate", "db (against a numerical derivative of your cost)", grads["db"],
                 db, rtol=1e-5, atol=1e-7)


def test_optimize(optimize):
    w, b, X, Y = _problem("optimize", 5, 20)
    inputs = {"w": w, "b": b, "X": X, "Y": Y, "num_iterations": 301, "learning_rate": 0.05}
    before = snapshot(w, X, Y)
    with _others(optimize):
        params, grads, costs = learner_call(optimize, w, b, X, Y, num_iterations=301,
                                            learning_rate=0.05)
        ref_params, ref_grads, ref_costs = reference_optimize(w, b, X, Y, 301, 0.05)
        expect_unchanged("optimize", ("w", "X", "Y"), before, (w, X, Y))
        expect_keys("optimize", "params", params, ("w", "b"), inputs=inputs)
        expect_float_array("optimize", "params['w']", params["w"], (5, 1), inputs=inputs)
        expect_close("optimize", "params['w']", params["w"], ref_params["w"], inputs=inputs)
        expect_close("optimize", "params['b']", params["b"], ref_params["b"], inputs=inputs)
        expect_keys("optimize", "grads", grads, ("dw", "db"), inputs=inputs)
        expect_close("optimize", "grads['dw']", grads["dw"], ref_grads["dw"], inputs=inputs)
        expect_type("optimize", "costs", costs, list, inputs=inputs)
        expect_close("optimize", "costs", np.asarray(costs, dtype=float).ravel(), ref_costs,
                     inputs=inputs, hint="one cost every 100 iterations, starting at i = 0.")
        small, large = _problem("optimize-loops", 3, 4), _problem("optimize-loops", 3, 256)
        expect_vectorised(optimize, (*small, 5, 0.1), (*large, 5, 0.1), 4, 256)


def test_predict(predict):
    with _others(predict):
        _test_predict(predict)


def _test_predict(predict):
    for n_x, m in ((3, 6), (8, 25)):
        w, b, X, _ = _problem("predict", n_x, m)
        y = learner_call(predict, w, b, X)
        expect_shape("predict", "Y_prediction", y, (1, m), inputs={"w": w, "b": b, "X": X})
        expect_close("predict", "Y_prediction", y, reference_predict(w, b, X),
                     inputs={"w": w, "b": b, "X": X})
    w, X = np.array([[1.0], [-1.0]]), np.array([[0.5, 2.0, -1.0], [0.5, 1.0, 0.0]])
    y = learner_call(predict, w, 0.0, X)  # z = [0, 1, -1]: A = 0.5 exactly is not > 0.5
    expect_close("predict", "Y_prediction", y, [[0.0, 1.0, 0.0]], inputs={"w": w, "b": 0.0, "X": X},
                 hint="the threshold is strict: predict 1 only when A > 0.5.")
    small, large = _problem("predict-loops", 3, 4), _problem("predict-loops", 3, 256)
    expect_vectorised(predict, small[:3], large[:3], 4, 256)


def test_model(model):
    _, _, X_train, Y_train = _problem("model-train", 6, 30)
    _, _, X_test, Y_test = _problem("model-test", 6, 12)
    inputs = {"X_train": X_train, "X_test": X_test, "num_iterations": 250, "learning_rate": 0.1}
    with _others(model):
        d = learner_call(model, X_train, Y_train, X_test, Y_test, num_iterations=250,
                         learning_rate=0.1)
    params, _, costs = reference_optimize(np.zeros((6, 1)), 0.0, X_train, Y_train, 250, 0.1)
    expect_keys("model", "d", d, ("costs", "Y_prediction_test", "Y_prediction_train", "w", "b",
                                  "learning_rate", "num_iterations"), inputs=inputs)
    expect_close("model", "d['w']", d["w"], params["w"], inputs=inputs)
    expect_close("model", "d['b']", d["b"], params["b"], inputs=inputs)
    expect_close("model", "d['costs']", np.asarray(d["costs"], dtype=float).ravel(), costs,
                 inputs=inputs)
    for key, X in (("Y_prediction_train", X_train), ("Y_prediction_test", X_test)):
        expected = reference_predict(params["w"], params["b"], X)
        expect_shape("model", f"d['{key}']", d[key], expected.shape, inputs=inputs)
        expect_close("model", f"d['{key}']", d[key], expected, inputs=inputs)
    if d["learning_rate"] != 0.1 or d["num_iterations"] != 250:
        fail("model", "d['learning_rate'] and d['num_iterations'] should echo the arguments.")
