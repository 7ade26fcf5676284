"""Public checks for c1w2_python_basics (numpy basics; notes §2.5-2.16).

Expected numbers are literals: the notes' worked values (§2.5-2.8, §2.15) or values computed once
with an independent throwaway script. Nothing here computes an answer.
"""
import numpy as np

from ._compare import (call, expect_close, expect_float_array, expect_keys, expect_scalar,
                       expect_shape, expect_type, expect_unchanged, snapshot)
from ._report import fail, passed

__all__ = ["numerical_derivative_test", "graph_forward_test", "graph_backward_test",
           "basic_sigmoid_test", "sigmoid_test", "sigmoid_derivative_test", "image2vector_test",
           "to_column_test", "calorie_percentages_test", "normalize_rows_test", "softmax_test",
           "L1_test", "L2_test"]

# The calories table of notes §2.15: rows carbs, protein, fat; columns apples, beef, eggs, potatoes.
CALORIES = np.array([[56.0, 0.0, 4.4, 68.0],
                     [1.2, 104.0, 52.0, 8.0],
                     [1.8, 135.0, 99.0, 0.9]])


def _call_on_array(func, x):
    """call(func, x) for an array x, turning math.exp's TypeError into a kind failure."""
    try:
        return call(func, x)
    except TypeError as exc:
        fail(func.__name__, f"raised TypeError: {exc}", inputs={"x": x},
             hint="math.exp takes one number; np.exp works on whole arrays (notes §2.12).")


def numerical_derivative_test(numerical_derivative):
    name = "numerical_derivative"
    hint = "nudge a to the right only, as in notes §2.5: (f(a + eps) - f(a)) / eps."
    for label, f, eps, expected in (("3 * a", lambda a: 3 * a, None, 3.0),
                                    ("a ** 2", lambda a: a ** 2, None, 4.001),
                                    ("a ** 3", lambda a: a ** 3, None, 12.006001),
                                    ("np.log(a)", np.log, None, 0.49987504165),
                                    ("a ** 2", lambda a: a ** 2, 0.5, 4.5)):
        inputs = {"f": f"lambda a: {label}", "a": 2.0}
        if eps is None:
            slope = call(numerical_derivative, f, 2.0)
        else:
            inputs["eps"] = eps
            slope = call(numerical_derivative, f, 2.0, eps=eps)
        expect_scalar(name, "the slope", slope, inputs=inputs)
        expect_close(name, "the slope", slope, expected, inputs=inputs, hint=hint if eps is None
                     else "use the eps argument, not a fixed 0.001.")
    passed()


def graph_forward_test(graph_forward):
    for a, b, c, expected in ((5.0, 3.0, 2.0, (6.0, 11.0, 33.0)),
                              (1.0, -2.0, 0.5, (-1.0, 0.0, 0.0))):
        inputs = {"a": a, "b": b, "c": c}
        out = call(graph_forward, a, b, c)
        expect_type("graph_forward", "the result", out, tuple, inputs=inputs,
                    hint="return u, v, J (a tuple of three numbers).")
        if len(out) != 3:
            fail("graph_forward", "should return three numbers.", expected="(u, v, J)",
                 actual=f"{len(out)} values", inputs=inputs)
        for label, value, want in zip(("u", "v", "J"), out, expected):
            expect_scalar("graph_forward", label, value, inputs=inputs)
            expect_close("graph_forward", label, value, want, inputs=inputs,
                         hint="u = b * c, then v = a + u, then J = 3 * v (notes §2.7).")
    passed()


def graph_backward_test(graph_backward):
    hints = {"dv": "J = 3v, so dJ/dv = 3.", "da": "da = dv * dv/da, and dv/da = 1.",
             "du": "du = dv * dv/du, and dv/du = 1.", "db": "db = du * du/db, and du/db = c.",
             "dc": "dc = du * du/dc, and du/dc = b."}
    for a, b, c, expected in ((5.0, 3.0, 2.0, (3.0, 3.0, 3.0, 6.0, 9.0)),
                              (1.0, -2.0, 0.5, (3.0, 3.0, 3.0, 1.5, -6.0))):
        inputs = {"a": a, "b": b, "c": c}
        grads = call(graph_backward, a, b, c)
        expect_keys("graph_backward", "grads", grads, tuple(hints), inputs=inputs)
        for key, want in zip(hints, expected):
            expect_scalar("graph_backward", f"grads['{key}']", grads[key], inputs=inputs)
            expect_close("graph_backward", f"grads['{key}']", grads[key], want, inputs=inputs,
                         hint=hints[key] + " (notes §2.8)")
    passed()


def basic_sigmoid_test(basic_sigmoid):
    for x, expected in ((0, 0.5), (1.0, 0.7310585786300049), (-2.0, 0.11920292202211755)):
        s = call(basic_sigmoid, x)
        expect_type("basic_sigmoid", f"basic_sigmoid({x})", s, float, inputs={"x": x})
        expect_close("basic_sigmoid", f"basic_sigmoid({x})", s, expected, inputs={"x": x},
                     hint="1 / (1 + math.exp(-x)); mind the minus sign.")
    passed()


def sigmoid_test(sigmoid):
    hint = "1 / (1 + np.exp(-x)) works element by element on any shape."
    x = np.array([0.0, 2.0])
    s = _call_on_array(sigmoid, x)
    expect_float_array("sigmoid", "sigmoid(x)", s, (2,), inputs={"x": x}, hint=hint)
    expect_close("sigmoid", "sigmoid(x)", s, [0.5, 0.88079708], inputs={"x": x}, hint=hint)
    x = np.array([[1.0, -2.0, 0.0], [3.0, 0.0, -1.0]])
    s = _call_on_array(sigmoid, x)
    expect_float_array("sigmoid", "sigmoid(x)", s, (2, 3), inputs={"x": x}, hint=hint)
    expect_close("sigmoid", "sigmoid(x)", s, [[0.7310585786300049, 0.11920292202211755, 0.5],
                                              [0.9525741268224334, 0.5, 0.2689414213699951]],
                 inputs={"x": x}, hint=hint)
    passed()


def sigmoid_derivative_test(sigmoid_derivative):
    hint = "with s = sigmoid(x), the slope is s * (1 - s) (notes §2.9: da/dz = a(1 - a))."
    ds = call(sigmoid_derivative, 0.0)
    expect_close("sigmoid_derivative", "sigmoid_derivative(0.0)", ds, 0.25, inputs={"x": 0.0},
                 hint=hint)
    x = np.array([[-1.0, 0.0], [1.0, 2.0]])
    ds = _call_on_array(sigmoid_derivative, x)
    expect_float_array("sigmoid_derivative", "sigmoid_derivative(x)", ds, (2, 2),
                       inputs={"x": x}, hint=hint)
    expect_close("sigmoid_derivative", "sigmoid_derivative(x)", ds,
                 [[0.19661193324148185, 0.25], [0.19661193324148185, 0.10499358540350662]],
                 inputs={"x": x}, hint=hint)
    passed()


def image2vector_test(image2vector):
    hint = "image.reshape(h * w * c, 1): a column with two pairs of brackets, not a rank-1 array."
    image = np.array([[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]],
                      [[0.7, 0.8, 0.9], [1.0, 1.1, 1.2]]])
    before = snapshot(image)
    v = call(image2vector, image)
    expect_shape("image2vector", "v", v, (12, 1), inputs={"image": image}, hint=hint)
    column = [[0.1], [0.2], [0.3], [0.4], [0.5], [0.6], [0.7], [0.8], [0.9], [1.0], [1.1], [1.2]]
    expect_close("image2vector", "v", v, column,
                 inputs={"image": image},
                 hint="keep numpy's own order: image.reshape(...), no transposes.")
    expect_unchanged("image2vector", ("image",), before, (image,))
    image = np.zeros((64, 64, 3))
    v = call(image2vector, image)
    expect_shape("image2vector", "v", v, (12288, 1), inputs={"image": image},
                 hint=hint)
    passed()


def to_column_test(to_column):
    hint = "v.reshape((n, 1)) with n = v.size turns any vector into a column (notes §2.16)."
    for v, expected in ((np.arange(5), [[0], [1], [2], [3], [4]]),
                        (np.array([[1.5], [-2.0]]), [[1.5], [-2.0]]),
                        (np.array([[7.0, 8.0, 9.0]]), [[7.0], [8.0], [9.0]])):
        col = call(to_column, v)
        expect_shape("to_column", "the result", col, (len(expected), 1), inputs={"v": v},
                     hint=hint)
        expect_close("to_column", "the result", col, expected, inputs={"v": v})
    col = call(to_column, np.arange(5.0))
    if np.dot(col, col.T).shape != (5, 5):
        fail("to_column", "np.dot(col, col.T) should be the (5, 5) outer product.",
             actual=f"shape {np.dot(col, col.T).shape}", hint=hint)
    passed()


def calorie_percentages_test(calorie_percentages):
    A = CALORIES.copy()  # a fresh copy each run: a learner's in-place bug cannot spoil the table
    inputs, before = {"A": A}, snapshot(A)
    percentage = call(calorie_percentages, A)
    expect_unchanged("calorie_percentages", ("A",), before, (A,))
    expect_float_array("calorie_percentages", "percentage", percentage, (3, 4), inputs=inputs)
    expect_close("calorie_percentages", "percentage", percentage,
                 [[94.91525424, 0.0, 2.83140283, 88.42652796],
                  [2.03389831, 43.51464435, 33.46203346, 10.40312094],
                  [3.05084746, 56.48535565, 63.70656371, 1.17035111]], inputs=inputs,
                 hint="divide by each food's total (sum down the columns, axis=0), times 100.")
    passed()


def normalize_rows_test(normalize_rows):
    x = np.array([[3.0, 0.0, 4.0], [1.0, 2.0, 2.0]])
    before = snapshot(x)
    out = call(normalize_rows, x)
    expect_unchanged("normalize_rows", ("x",), before, (x,))
    expect_float_array("normalize_rows", "the result", out, (2, 3), inputs={"x": x},
                       hint="np.linalg.norm(x, axis=1, keepdims=True) has shape (2, 1).")
    expect_close("normalize_rows", "the result", out,
                 [[0.6, 0.0, 0.8], [1 / 3, 2 / 3, 2 / 3]], inputs={"x": x},
                 hint="divide each row by its length sqrt(sum of squares), not by its sum.")
    passed()


def softmax_test(softmax):
    x = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
    before = snapshot(x)
    s = call(softmax, x)
    expect_unchanged("softmax", ("x",), before, (x,))
    expect_float_array("softmax", "softmax(x)", s, (2, 3), inputs={"x": x},
                       hint="keep the sums as a column: np.sum(..., axis=1, keepdims=True).")
    row = [0.09003057317038046, 0.24472847105479764, 0.6652409557748219]
    expect_close("softmax", "softmax(x)", s, [row, [1 / 3, 1 / 3, 1 / 3]], inputs={"x": x},
                 hint="each ROW must add up to 1: sum along axis=1.")
    x = np.array([[1000.0, 1001.0, 1002.0], [-5.0, -4.0, -3.0]])
    with np.errstate(all="ignore"):  # an overflow is reported below, not as a warning
        s = call(softmax, x)
    expect_close("softmax", "softmax(x)", s, [row, row], inputs={"x": x},
                 hint="np.exp(1000) overflows: subtract each row's OWN maximum before np.exp "
                      "(np.max(x, axis=1, keepdims=True)); shifting a row does not change it.")
    passed()


def _loss_test(loss, name, expected, hint):
    yhat = np.array([[0.8, 0.1, 0.3, 0.6, 0.95]])
    y = np.array([[1, 0, 0, 1, 1]])
    inputs = {"yhat": yhat, "y": y}
    value = call(loss, yhat, y)
    expect_scalar(name, "the loss", value, inputs=inputs,
                  hint="np.sum(...) over all entries returns a single number.")
    expect_close(name, "the loss", value, expected, inputs=inputs, hint=hint)
    passed()


def L1_test(L1):
    _loss_test(L1, "L1", 1.05, "L1 = sum of |y - yhat|: take the absolute value before summing.")


def L2_test(L2):
    _loss_test(L2, "L2", 0.3025, "L2 = sum of (y - yhat)**2, with no square root.")
