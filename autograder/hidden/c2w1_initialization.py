"""Hidden tests for c2w1_initialization: fresh random inputs against a reference.

Each test_<name> takes the learner's objects. The references are written here independently of
the notebook's solutions (normalisation with np.var, the linear network in closed form); the
visible checks in shared_utils hold only fixed numbers. The graded functions do not call each
other, so no test needs the others swapped for references.
"""
import contextlib

import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_type, expect_unchanged, snapshot)
from shared_utils.checks._report import fail
from shared_utils.checks.c2w1_initialization import QUIZ

from .harness import expect_vectorised, isolated, learner_call, quiz_tests, rng


def reference_normalize_inputs(X_train, X_test, epsilon=1e-8):
    mu = np.mean(X_train, axis=1, keepdims=True)
    sigma2 = np.var(X_train, axis=1, keepdims=True)  # 1/m, as in the notes
    sigma = np.sqrt(sigma2 + epsilon)
    return (X_train - mu) / sigma, (X_test - mu) / sigma, mu, sigma2


def reference_deep_linear_activations(x, scale, L):
    return [scale ** layer * x for layer in range(1, L + 1)]  # a^[l] = (scale I)^l x


def _reference_initialize(layers_dims, scale_of):
    """np.random.seed(3), then W^[l] = randn(n^[l], n^[l-1]) * scale_of(n^[l-1]); b^[l] = 0."""
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        n_l, n_prev = layers_dims[l], layers_dims[l - 1]
        parameters[f"W{l}"] = np.random.randn(n_l, n_prev) * scale_of(n_prev)
        parameters[f"b{l}"] = np.zeros((n_l, 1))
    return parameters


def reference_initialize_parameters_zeros(layers_dims):
    return {f"{name}{l}": np.zeros((layers_dims[l], layers_dims[l - 1] if name == "W" else 1))
            for l in range(1, len(layers_dims)) for name in "Wb"}


def reference_initialize_parameters_random(layers_dims):
    return _reference_initialize(layers_dims, lambda n_prev: 10.0)


def reference_initialize_parameters_he(layers_dims):
    return _reference_initialize(layers_dims, lambda n_prev: np.sqrt(2.0 / n_prev))


def reference_initialize_parameters_xavier(layers_dims):
    return _reference_initialize(layers_dims, lambda n_prev: np.sqrt(1.0 / n_prev))


def _features(g, n_x, m, shift=0.0):
    """(n_x, m) data whose rows live on very different scales and offsets (notes C2 §1.9)."""
    scales = g.choice([1000.0, 1.0, 0.01, 50.0], size=(n_x, 1))
    offsets = g.uniform(-500, 500, size=(n_x, 1))
    return offsets + scales * (g.normal(size=(n_x, m)) + shift)


def test_normalize_inputs(normalize_inputs):
    g = rng("normalize_inputs")
    for n_x, m, k in ((2, 50, 20), (5, 7, 1), (3, 200, 31), (1, 10, 3)):
        X_train = _features(g, n_x, m)
        X_test = X_train[:, :1] + 0.5 * (X_train[:, :k] - X_train[:, :1]) + 3.0  # other mean
        _expect_normalized(normalize_inputs, X_train, X_test)
    X_train = _features(g, 3, 12)
    X_train[1] = 5.0  # a constant feature: sigma2 = 0, epsilon keeps it finite
    _expect_normalized(normalize_inputs, X_train, _features(g, 3, 4))
    _expect_normalized(normalize_inputs, _features(g, 2, 9), _features(g, 2, 5), epsilon=1.0)
    small = (_features(g, 2, 4), _features(g, 2, 3))
    large = (_features(g, 2, 256), _features(g, 2, 128))
    expect_vectorised(normalize_inputs, small, large, 4, 256)


def _expect_normalized(normalize_inputs, X_train, X_test, **kwargs):
    func, inputs = "normalize_inputs", {"X_train": X_train, "X_test": X_test, **kwargs}
    before = snapshot(X_train, X_test)
    result = learner_call(normalize_inputs, X_train, X_test, **kwargs)
    expect_unchanged(func, ("X_train", "X_test"), before, (X_train, X_test))
    expect_type(func, "the result", result, tuple, inputs=inputs)
    if len(result) != 4:
        fail(func, "should return (X_train_norm, X_test_norm, mu, sigma2).",
             actual=f"{len(result)} values", inputs=inputs)
    expected = reference_normalize_inputs(*before, **kwargs)
    hints = ("one mean per feature: average over the examples, axis=1, keepdims=True.",
             "sigma2 = mean of the squared centred training values, with 1/m.",
             "divide by np.sqrt(sigma2 + epsilon), not by sigma2; keep epsilon inside the root.",
             "the test set uses the training set's mu and sigma2, never its own.")
    for name, got, want, hint in zip(("mu", "sigma2", "X_train_norm", "X_test_norm"),
                                     (result[2], result[3], result[0], result[1]),
                                     (expected[2], expected[3], expected[0], expected[1]), hints):
        expect_float_array(func, name, got, want.shape, inputs=inputs, hint=hint)
        if not np.all(np.isfinite(got)):
            fail(func, f"{name} holds NaN or inf.", inputs=inputs,
                 hint="a constant feature has sigma2 = 0: epsilon inside the square root "
                      "keeps the division finite.")
        expect_close(func, name, got, want, rtol=1e-6, atol=1e-8, inputs=inputs, hint=hint)


def test_deep_linear_activations(deep_linear_activations):
    func, g = "deep_linear_activations", rng("deep_linear_activations")
    cases = ((2, 0.5, 1), (3, 0.9, 20), (2, 1.5, 150), (2, 0.5, 150), (4, 1.0, 6),
             (5, float(g.uniform(0.2, 2.0)), 7))
    for n, scale, L in cases:
        x = g.normal(size=(n, 1))
        inputs = {"x": x, "scale": scale, "L": L}
        before = snapshot(x)
        activations = learner_call(deep_linear_activations, x, scale, L)
        expect_unchanged(func, ("x",), before, (x,))
        expect_type(func, "the result", activations, list, inputs=inputs)
        if len(activations) != L:
            fail(func, "should return a^[1], ..., a^[L].", expected=f"{L} arrays",
                 actual=f"{len(activations)} arrays", inputs=inputs)
        for layer, (got, want) in enumerate(zip(activations, reference_deep_linear_activations(
                before[0], scale, L)), start=1):
            expect_float_array(func, f"a^[{layer}]", got, (n, 1), inputs=inputs)
            expect_close(func, f"a^[{layer}]", got, want, rtol=1e-9, atol=0, inputs=inputs,
                         hint="a^[l] = W^[l] a^[l-1], W^[l] = scale * np.eye(n), a^[0] = x.")


def _expect_parameters(func, parameters, layers_dims, expected):
    inputs = {"layers_dims": layers_dims}
    expect_keys(func, "parameters", parameters, list(expected), inputs=inputs)
    if len(parameters) != len(expected):
        fail(func, "parameters has extra keys.", expected=f"keys {list(expected)}",
             actual=f"keys {list(parameters)}", inputs=inputs)
    for key, want in expected.items():
        expect_float_array(func, key, parameters[key], want.shape, inputs=inputs,
                           hint="W^[l] is (n^[l], n^[l-1]) and b^[l] is (n^[l], 1).")
        expect_close(func, key, parameters[key], want, rtol=1e-9, atol=1e-12, inputs=inputs,
                     hint="np.random.seed(3) once, then one randn(n^[l], n^[l-1]) per layer "
                          "in order; b^[l] = np.zeros((n^[l], 1))." if key[0] == "W"
                     else "biases start at zero.")


DIMS = ([5, 3, 1], [2, 10, 5, 1], [1, 4], [6, 6, 6], [7, 20, 20, 4, 2])


def test_initialize_parameters_zeros(initialize_parameters_zeros):
    func = "initialize_parameters_zeros"
    for dims in DIMS:
        parameters = learner_call(initialize_parameters_zeros, list(dims))
        _expect_parameters(func, parameters, dims, reference_initialize_parameters_zeros(dims))


@contextlib.contextmanager
def _no_provided_initializer(func):
    """The provided net's initialize_parameters (randn / sqrt(n_prev), seed 3) may not stand in
    for the learner's own code."""
    def forbidden(*args, **kwargs):
        fail(func.__name__, "calls the provided initialize_parameters of three_layer_net.",
             hint="write the initialisation yourself with np.random.randn.")
    with isolated(func, modules={"three_layer_net": {"initialize_parameters": forbidden}},
                  initialize_parameters=forbidden):
        yield


def _test_seeded(learner_fn, reference, std_of=None):
    func = learner_fn.__name__
    with _no_provided_initializer(learner_fn):
        if std_of is not None:  # a clear message for a wrong variance before the exact values
            W1 = learner_call(learner_fn, [500, 1000])["W1"]
            expect_float_array(func, "W1", W1, (1000, 500), inputs={"layers_dims": [500, 1000]},
                               hint="W^[1] has shape (n^[1], n^[0]).")
            std, want = float(np.std(W1)), std_of(500)
            if abs(std / want - 1) > 0.03:
                fail(func, f"W1 has standard deviation {std:.4f}.",
                     expected=f"about {want:.4f} = sqrt({want ** 2 * 500:g} / n^[0]) for "
                              "layers_dims = [500, 1000]",
                     hint="scale by the number of inputs of the layer, n^[l-1] (here 500), "
                          "not n^[l].")
        for dims in DIMS:
            np.random.seed(12345)  # the learner's function must seed the generator itself
            parameters = learner_call(learner_fn, list(dims))
            _expect_parameters(func, parameters, dims, reference(list(dims)))


def test_initialize_parameters_random(initialize_parameters_random):
    _test_seeded(initialize_parameters_random, reference_initialize_parameters_random)


def test_initialize_parameters_he(initialize_parameters_he):
    _test_seeded(initialize_parameters_he, reference_initialize_parameters_he,
                 std_of=lambda n_prev: np.sqrt(2.0 / n_prev))


def test_initialize_parameters_xavier(initialize_parameters_xavier):
    _test_seeded(initialize_parameters_xavier, reference_initialize_parameters_xavier,
                 std_of=lambda n_prev: np.sqrt(1.0 / n_prev))


# quiz: question -> (key, the notes' section to re-read)
KEY = {1: ("c", "C2 §1.9 (use the same mu and sigma2 for the test set)"),
       2: ("a", "C2 §1.11 (ReLU and tanh)")}

test_q1, test_q2 = quiz_tests(QUIZ, KEY)
