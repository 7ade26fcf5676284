"""Hidden tests for c1w2_python_basics: fresh random inputs against independent references.

Each test_<name> takes the learner's function. The references are written here, differently
from the notebook's solutions; the visible checks in shared_utils hold only fixed numbers.
"""
import math

import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_scalar, expect_shape, expect_type,
                                          expect_unchanged, snapshot)
from shared_utils.checks._report import fail

from .harness import expect_vectorised, isolated, learner_call, rng


def reference_numerical_derivative(f, a, eps=0.001):
    return (f(a + eps) - f(a)) / eps


def reference_graph_forward(a, b, c):
    u = b * c
    return u, a + u, 3 * (a + u)


def reference_graph_backward(a, b, c):
    return {"dv": 3.0, "da": 3.0, "du": 3.0, "db": 3.0 * c, "dc": 3.0 * b}


def reference_basic_sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))


def reference_sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def reference_sigmoid_derivative(x):
    s = reference_sigmoid(x)
    return s - s * s


def reference_image2vector(image):
    return image.reshape(-1, 1)


def reference_to_column(v):
    return np.reshape(v, (-1, 1))


def reference_calorie_percentages(A):
    return A / A.sum(axis=0) * 100


def reference_normalize_rows(x):
    return x / np.sqrt((x ** 2).sum(axis=1))[:, None]


def reference_softmax(x):
    e = np.exp(x - x.max(axis=1)[:, None])
    return e / e.sum(axis=1)[:, None]


def reference_L1(yhat, y):
    return float(np.abs(yhat - y).sum())


def reference_L2(yhat, y):
    return float(((yhat - y) ** 2).sum())


REFERENCES = {name.removeprefix("reference_"): value for name, value in dict(globals()).items()
              if name.startswith("reference_")}


def _others(func):
    """Reference versions of every graded function but `func` (a bug costs points once)."""
    return isolated(func, **{k: v for k, v in REFERENCES.items() if k != func.__name__})


def test_numerical_derivative(numerical_derivative):
    g = rng("numerical_derivative")
    for eps in (1e-3, 1e-2, 0.1, 0.5, 1e-4):
        k = g.normal(size=4)
        a = float(g.uniform(-3, 3))

        def f(t, k=k):
            return k[0] + k[1] * t + k[2] * t ** 2 + k[3] * t ** 3

        inputs = {"f": f"{k[0]:.3f} + {k[1]:.3f} a + {k[2]:.3f} a^2 + {k[3]:.3f} a^3", "a": a,
                  "eps": eps}
        slope = learner_call(numerical_derivative, f, a, eps=eps)
        expect_scalar("numerical_derivative", "the slope", slope, inputs=inputs)
        expect_close("numerical_derivative", "the slope", slope,
                     reference_numerical_derivative(f, a, eps), atol=1e-9, inputs=inputs,
                     hint="(f(a + eps) - f(a)) / eps, with the eps you are given (notes §2.5).")
    a = float(g.uniform(0.5, 3))
    slope = learner_call(numerical_derivative, np.sin, a)
    expect_close("numerical_derivative", "the slope", slope,
                 reference_numerical_derivative(np.sin, a), inputs={"f": "np.sin", "a": a},
                 hint="the default nudge is eps = 0.001.")


def _triples(name):
    g = rng(name)
    return [tuple(float(t) for t in g.normal(0, 5, 3)) for _ in range(5)] + [(0.0, 0.0, 0.0)]


def test_graph_forward(graph_forward):
    for a, b, c in _triples("graph_forward"):
        inputs = {"a": a, "b": b, "c": c}
        out = learner_call(graph_forward, a, b, c)
        expect_type("graph_forward", "the result", out, tuple, inputs=inputs)
        if len(out) != 3:
            fail("graph_forward", "should return (u, v, J).", actual=f"{len(out)} values")
        for label, value, want in zip("uvJ", out, reference_graph_forward(a, b, c)):
            expect_scalar("graph_forward", label, value, inputs=inputs)
            expect_close("graph_forward", label, value, want, inputs=inputs)


def test_graph_backward(graph_backward):
    with _others(graph_backward):
        _test_graph_backward(graph_backward)


def _test_graph_backward(graph_backward, h=1e-6):
    def J(a, b, c):
        return 3 * (a + b * c)

    for a, b, c in _triples("graph_backward"):
        inputs = {"a": a, "b": b, "c": c}
        grads = learner_call(graph_backward, a, b, c)
        expect_keys("graph_backward", "grads", grads, ("dv", "da", "du", "db", "dc"),
                    inputs=inputs)
        numeric = {"da": (J(a + h, b, c) - J(a - h, b, c)) / (2 * h),
                   "db": (J(a, b + h, c) - J(a, b - h, c)) / (2 * h),
                   "dc": (J(a, b, c + h) - J(a, b, c - h)) / (2 * h),
                   "dv": (3 * (a + b * c + h) - 3 * (a + b * c - h)) / (2 * h)}
        numeric["du"] = numeric["dv"]  # v = a + u, so J moves with u as it moves with v
        for key, want in reference_graph_backward(a, b, c).items():
            expect_scalar("graph_backward", f"grads['{key}']", grads[key], inputs=inputs)
            expect_close("graph_backward", f"grads['{key}']", grads[key], want, inputs=inputs)
            expect_close("graph_backward", f"grads['{key}'] (against a central difference)",
                         grads[key], numeric[key], rtol=1e-5, atol=1e-6, inputs=inputs)


def test_basic_sigmoid(basic_sigmoid):
    g = rng("basic_sigmoid")
    for x in [float(t) for t in g.uniform(-10, 10, 6)] + [3, -1]:
        s = learner_call(basic_sigmoid, x)
        expect_type("basic_sigmoid", "the result", s, float, inputs={"x": x})
        expect_close("basic_sigmoid", "the result", s, reference_basic_sigmoid(x),
                     inputs={"x": x})


def _shapes_test(func, reference, low, high, rtol=1e-7):
    """Random inputs of several shapes: same shape out, reference values, input untouched."""
    g = rng(func.__name__)
    for shape in ((5,), (3, 7), (1, 13), (4, 1), (2, 3, 4)):
        x = g.uniform(low, high, shape)
        before = snapshot(x)
        out = learner_call(func, x)
        expect_unchanged(func.__name__, ("x",), before, (x,))
        expect_float_array(func.__name__, "the result", out, shape, inputs={"x": x})
        expect_close(func.__name__, "the result", out, reference(x), rtol=rtol, atol=1e-12,
                     inputs={"x": x})
    expect_close(func.__name__, f"{func.__name__}(0.7)", learner_call(func, 0.7), reference(0.7))
    expect_vectorised(func, (g.normal(size=(1, 4)),), (g.normal(size=(1, 400)),), 4, 400)


def test_sigmoid(sigmoid):
    _shapes_test(sigmoid, reference_sigmoid, -20, 20)


def test_sigmoid_derivative(sigmoid_derivative):
    with _others(sigmoid_derivative):
        _shapes_test(sigmoid_derivative, reference_sigmoid_derivative, -15, 15)
        x = np.array([-10.0, 10.0])
        expect_close("sigmoid_derivative", "sigmoid_derivative(x)",
                     learner_call(sigmoid_derivative, x), [4.5395807735907655e-05] * 2,
                     rtol=1e-6, atol=0, inputs={"x": x})
        x = rng("sigmoid_derivative-numeric").uniform(-6, 6, (3, 5))
        h = 1e-6
        numeric = (reference_sigmoid(x + h) - reference_sigmoid(x - h)) / (2 * h)
        expect_close("sigmoid_derivative", "the slope (against a central difference)",
                     learner_call(sigmoid_derivative, x), numeric, rtol=1e-5, atol=1e-9,
                     inputs={"x": x})


def test_image2vector(image2vector):
    g = rng("image2vector")
    for shape in ((4, 5, 3), (1, 1, 3), (7, 3, 2), (64, 64, 3), (2, 9, 1)):
        image = g.integers(0, 256, shape).astype(np.uint8) if shape[0] == 64 else g.random(shape)
        before = snapshot(image)
        v = learner_call(image2vector, image)
        expect_unchanged("image2vector", ("image",), before, (image,))
        expect_shape("image2vector", "v", v, (image.size, 1), inputs={"image": image},
                     hint="a (n, 1) column, never a rank-1 (n,) array (notes §2.16).")
        if not np.array_equal(v, reference_image2vector(image)):
            fail("image2vector", "v does not hold the pixels in numpy's own order.",
                 inputs={"image": image}, hint="image.reshape(h * w * c, 1), no transposes.")


def test_to_column(to_column):
    g = rng("to_column")
    for v in (g.normal(size=1), g.normal(size=4), g.integers(0, 9, 9), g.normal(size=(6, 1)),
              g.normal(size=(1, 5)), g.normal(size=(1, 1))):
        before = snapshot(v)
        col = learner_call(to_column, v)
        expect_unchanged("to_column", ("v",), before, (v,))
        expect_shape("to_column", "the result", col, (v.size, 1), inputs={"v": v})
        expect_close("to_column", "the result", col, reference_to_column(v), inputs={"v": v})
        if np.dot(col, col.T).shape != (v.size, v.size):
            fail("to_column", "np.dot(col, col.T) is not an outer product.", inputs={"v": v})


def test_calorie_percentages(calorie_percentages):
    g = rng("calorie_percentages")
    for shape in ((1, 1), (3, 4), (5, 2), (2, 7), (6, 6)):
        A = g.uniform(0.1, 100, shape)
        inputs, before = {"A": A}, snapshot(A)
        out = learner_call(calorie_percentages, A)
        expect_unchanged("calorie_percentages", ("A",), before, (A,))
        expect_float_array("calorie_percentages", "percentage", out, shape, inputs=inputs)
        expect_close("calorie_percentages", "percentage", out, reference_calorie_percentages(A),
                     inputs=inputs, hint="each column (one food) must add up to 100.")
    small, large = g.uniform(1, 9, (3, 4)), g.uniform(1, 9, (3, 400))
    expect_vectorised(calorie_percentages, (small,), (large,), 4, 400)


def _rows_test(func, reference, cases, *, hint):
    for x in cases:
        before = snapshot(x)
        out = learner_call(func, x)
        expect_unchanged(func.__name__, ("x",), before, (x,))
        expect_float_array(func.__name__, "the result", out, x.shape, inputs={"x": x})
        expect_close(func.__name__, "the result", out, reference(x), inputs={"x": x}, hint=hint)
    g = rng(f"{func.__name__}-loops")
    expect_vectorised(func, (g.normal(size=(2, 3)),), (g.normal(size=(60, 90)),), 2, 60)


def test_normalize_rows(normalize_rows):
    g = rng("normalize_rows")
    cases = [g.normal(size=s) for s in ((2, 3), (5, 5), (1, 7), (8, 1), (4, 10))]
    _rows_test(normalize_rows, reference_normalize_rows, cases,
               hint="every row of the result has length 1; the shape stays (n, m).")


def test_softmax(softmax):
    g = rng("softmax")
    cases = [g.normal(0, 5, s) for s in ((2, 3), (5, 5), (1, 7), (8, 1), (4, 10))]
    cases.append(np.array([[1000.0, 1001.0, 1002.0], [-1000.0, -999.0, -1001.0]]))
    _rows_test(softmax, reference_softmax, cases,
               hint="subtract each row's own maximum, then every row must add up to 1.")


def _loss_test(loss, reference):
    g = rng(loss.__name__)
    for shape in ((1,), (5,), (1, 20), (1, 7), (12,)):
        yhat, y = g.random(shape), (g.random(shape) < 0.5).astype(np.int64)
        inputs, before = {"yhat": yhat, "y": y}, snapshot(yhat, y)
        value = learner_call(loss, yhat, y)
        expect_unchanged(loss.__name__, ("yhat", "y"), before, (yhat, y))
        expect_scalar(loss.__name__, "the loss", value, inputs=inputs)
        expect_close(loss.__name__, "the loss", value, reference(yhat, y), inputs=inputs)
    small = (g.random((1, 4)), np.ones((1, 4)))
    large = (g.random((1, 400)), np.ones((1, 400)))
    expect_vectorised(loss, small, large, 4, 400)


def test_L1(L1):
    _loss_test(L1, reference_L1)


def test_L2(L2):
    _loss_test(L2, reference_L2)
