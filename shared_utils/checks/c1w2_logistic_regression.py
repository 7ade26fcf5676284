"""Public checks for c1w2_logistic_regression (the cat classifier; notes §2.1-2.14).

Expected numbers are the spec's verified values (notes-course1 §5.2), computed by an
implementation independent of the notebook's.
"""
import numpy as np

from ..datasets import cats, load_catvnoncat
from ._compare import (call, expect_close, expect_float_array, expect_keys, expect_scalar,
                       expect_shape, expect_type, expect_unchanged, snapshot)
from ._report import fail, passed

__all__ = ["dimensions_test", "flatten_test", "sigmoid_test", "initialize_with_zeros_test",
           "propagate_test", "optimize_test", "predict_test", "model_test"]

# The small example of the notes: two features, four examples.
W = np.array([[0.5], [-1.0]])
B = 0.25
X = np.array([[1.0, -2.0, 0.5, 3.0], [2.0, 0.0, -1.0, 1.0]])
Y = np.array([[0, 1, 1, 0]])


def dimensions_test(m_train, m_test, num_px):
    for name, value, expected in (("m_train", m_train, cats.M_TRAIN),
                                  ("m_test", m_test, cats.M_TEST), ("num_px", num_px, 64)):
        expect_type("Exercise 1", name, value, (int, np.integer),
                    hint="read it from an array's .shape, e.g. train_set_x_orig.shape[0].")
        if value != expected:
            fail("Exercise 1", f"{name} is {value}, expected {expected}.",
                 hint="train_set_x_orig has shape (m_train, num_px, num_px, 3).")
    passed()


def flatten_test(train_set_x_flatten, test_set_x_flatten):
    train_orig, _, test_orig, _, _ = load_catvnoncat()
    for name, flat, orig in (("train_set_x_flatten", train_set_x_flatten, train_orig),
                             ("test_set_x_flatten", test_set_x_flatten, test_orig)):
        m = orig.shape[0]
        expect_shape("Exercise 2", name, flat, (64 * 64 * 3, m),
                     hint="each image becomes one column: X.reshape(X.shape[0], -1).T")
        for i in (0, 1, m - 1):
            if not np.array_equal(flat[:, i], orig[i].reshape(-1)):
                fail("Exercise 2", f"column {i} of {name} is not image {i} unrolled.",
                     hint="reshape to (m, -1) first, then transpose; reshape(-1, m) mixes "
                          "pixels of different images.")
    passed()


def sigmoid_test(sigmoid):
    z = np.array([0.0, 2.0])
    a = call(sigmoid, z)
    expect_float_array("sigmoid", "sigmoid(z)", a, (2,), inputs={"z": z})
    expect_close("sigmoid", "sigmoid(z)", a, [0.5, 0.88079708], inputs={"z": z},
                 hint="sigmoid(z) = 1 / (1 + np.exp(-z)).")
    z = np.array([[-1.0, 0.0, 1.0], [3.0, -3.0, 0.5]])
    a = call(sigmoid, z)
    expect_float_array("sigmoid", "sigmoid(z)", a, (2, 3), inputs={"z": z},
                       hint="use numpy's element-wise np.exp so any shape works.")
    expect_close("sigmoid", "sigmoid(z)[1, 0]", a[1, 0], 0.9525741268224334, inputs={"z": z})
    passed()


def initialize_with_zeros_test(initialize_with_zeros):
    w, b = call(initialize_with_zeros, 2)
    expect_float_array("initialize_with_zeros", "w", w, (2, 1), inputs={"dim": 2},
                       hint="np.zeros((dim, 1)) is a column; np.zeros(dim) is a rank-1 array.")
    expect_close("initialize_with_zeros", "w", w, [[0.0], [0.0]], inputs={"dim": 2})
    expect_type("initialize_with_zeros", "b", b, float, inputs={"dim": 2},
                hint="b is the float 0.0, not the int 0.")
    if b != 0.0:
        fail("initialize_with_zeros", f"b is {b!r}, expected 0.0.")
    passed()


def propagate_test(propagate):
    inputs = {"w": W, "b": B, "X": X, "Y": Y}
    before = snapshot(W, X, Y)
    grads, cost = call(propagate, W.copy(), B, X.copy(), Y.copy())
    expect_keys("propagate", "grads", grads, ("dw", "db"), inputs=inputs)
    expect_float_array("propagate", "dw", grads["dw"], (2, 1), inputs=inputs,
                       hint="dw = (1/m) X dZ^T has the shape of w (notes §2.14).")
    expect_scalar("propagate", "db", grads["db"], inputs=inputs)
    expect_scalar("propagate", "cost", cost, inputs=inputs)
    expect_close("propagate", "cost", cost, 0.6817710928894812, inputs=inputs,
                 hint="J = -(1/m) sum(Y log A + (1-Y) log(1-A)), with A = sigmoid(w^T X + b).")
    expect_close("propagate", "dw", grads["dw"], [[0.88184522], [0.32675113]], inputs=inputs,
                 hint="dw = (1/m) np.dot(X, (A - Y).T); check the 1/m and the transpose.")
    expect_close("propagate", "db", grads["db"], 0.010068653754738116, inputs=inputs,
                 hint="db = (1/m) np.sum(A - Y).")
    expect_unchanged("propagate", ("w", "X", "Y"), before, (W, X, Y))
    passed()


def optimize_test(optimize):
    for n, lr, w_exp, b_exp, costs_exp in (
            (100, 0.1, [[-0.99246051], [-1.84116822]], 0.7303593853151502,
             [0.6817710928894812]),
            (201, 0.1, [[-1.2187617604383836], [-2.1652621902720735]], 1.0014809195877519,
             [0.6817710928894812, 0.05453501282965042, 0.03133536000959239])):
        inputs = {"w": W, "b": B, "num_iterations": n, "learning_rate": lr}
        w_in = W.copy()
        params, grads, costs = call(optimize, w_in, B, X.copy(), Y.copy(), num_iterations=n,
                                    learning_rate=lr)
        expect_keys("optimize", "params", params, ("w", "b"), inputs=inputs)
        expect_keys("optimize", "grads", grads, ("dw", "db"), inputs=inputs)
        expect_float_array("optimize", "params['w']", params["w"], (2, 1), inputs=inputs)
        expect_close("optimize", "params['w']", params["w"], w_exp, inputs=inputs,
                     hint="each step: w = w - learning_rate * dw, b = b - learning_rate * db.")
        expect_close("optimize", "params['b']", params["b"], b_exp, inputs=inputs)
        expect_type("optimize", "costs", costs, list, inputs=inputs)
        expect_close("optimize", "costs", np.asarray(costs, dtype=float).ravel(), costs_exp,
                     inputs=inputs, hint="record the cost when i % 100 == 0, before the update.")
        expect_unchanged("optimize", ("w",), (W,), (w_in,))
    passed()


def predict_test(predict):
    w, b = np.array([[-0.99246051], [-1.84116822]]), 0.7303593853151502
    inputs = {"w": w, "b": b, "X": X}
    y_pred = call(predict, w, b, X.copy())
    expect_shape("predict", "Y_prediction", y_pred, (1, 4), inputs=inputs,
                 hint="return a (1, m) row, one prediction per column of X.")
    expect_close("predict", "Y_prediction", y_pred, [[0.0, 1.0, 1.0, 0.0]], inputs=inputs,
                 hint="predict 1 where A > 0.5, else 0.")
    inputs = {"w": np.zeros((2, 1)), "b": 0.0, "X": X}
    y_pred = call(predict, np.zeros((2, 1)), 0.0, X.copy())
    expect_close("predict", "Y_prediction", y_pred, [[0.0, 0.0, 0.0, 0.0]], inputs=inputs,
                 hint="here A = 0.5 exactly, and 0.5 is not > 0.5: predict 0.")
    passed()


def model_test(model):
    x_test, y_test = np.array([[-2.0, 3.0, 0.0], [0.0, 1.0, -1.0]]), np.array([[1, 0, 0]])
    inputs = {"X_train": X, "Y_train": Y, "X_test": x_test, "Y_test": y_test,
              "num_iterations": 101, "learning_rate": 0.1}
    d = call(model, X.copy(), Y.copy(), x_test, y_test, num_iterations=101, learning_rate=0.1)
    expect_keys("model", "d", d, ("costs", "Y_prediction_test", "Y_prediction_train", "w", "b",
                                  "learning_rate", "num_iterations"), inputs=inputs)
    expect_close("model", "d['costs']", np.asarray(d["costs"], dtype=float).ravel(),
                 [0.6931471805599453, 0.07376603546011566], inputs=inputs,
                 hint="start from initialize_with_zeros(X_train.shape[0]).")
    expect_close("model", "d['w']", d["w"], [[-1.1057334255890539], [-1.4694906893314312]],
                 inputs=inputs)
    expect_close("model", "d['b']", d["b"], 0.6592882833360187, inputs=inputs)
    expect_shape("model", "d['Y_prediction_train']", d["Y_prediction_train"], (1, 4),
                 inputs=inputs)
    expect_close("model", "d['Y_prediction_train']", d["Y_prediction_train"], [[0, 1, 1, 0]],
                 inputs=inputs)
    expect_close("model", "d['Y_prediction_test']", d["Y_prediction_test"], [[1, 0, 1]],
                 inputs=inputs, hint="predict on X_test with the trained w and b.")
    if d["learning_rate"] != 0.1 or d["num_iterations"] != 101:
        fail("model", "d['learning_rate'] and d['num_iterations'] should echo the arguments.",
             expected="0.1 and 101", actual=f"{d['learning_rate']!r} and {d['num_iterations']!r}")
    passed()
