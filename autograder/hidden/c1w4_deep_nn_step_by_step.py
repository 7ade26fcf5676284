"""Hidden tests for c1w4_deep_nn_step_by_step: fresh random networks against c1w4_reference,
and centered-difference gradient checks for every backward function. Each test swaps the
learner's other graded functions (and the activation helpers) for references."""
import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_scalar, expect_type, expect_unchanged,
                                          snapshot)
from shared_utils.checks._report import fail

from . import c1w4_reference as ref
from .harness import (centered_differences, expect_vectorised, isolated, learner_call,
                      random_parameters, rng)

REFERENCES = {**ref.STEP_BY_STEP, **ref.HELPERS}
SHAPES = ((4, 3, 5), (1, 1, 1), (7, 2, 9), (3, 6, 1))  # (n^[l-1], n^[l], m)
GRAD_TOL = {"rtol": 1e-5, "atol": 1e-7}


def _others(func):
    """References for every graded function but `func` and for the activation helpers."""
    return isolated(func, **{k: v for k, v in REFERENCES.items() if k != func.__name__})


def _layer(g, n_prev, n, m):
    """A_prev (n_prev, m), W (n, n_prev), b (n, 1)."""
    return g.normal(0, 1, (n_prev, m)), g.normal(0, 0.7, (n, n_prev)), g.normal(0, 0.5, (n, 1))


def _network(g, dims, m, kink=1e-3):
    """X, 0/1 labels Y (1, m) and parameters whose every hidden Z stays |Z| > kink (away from
    ReLU's kink, so centered differences are exact there)."""
    while True:
        X, params = g.normal(0, 1, (dims[0], m)), random_parameters(g, dims)
        _, caches = ref.L_model_forward(X, params)
        if all(np.min(np.abs(c[1])) > kink for c in caches[:-1]):
            return X, (g.random((1, m)) < 0.5).astype(np.int64), params


def _expect_same_params(func, got, expected, inputs):
    expect_keys(func, "parameters", got, list(expected), inputs=inputs)
    if len(got) != len(expected):
        fail(func, "parameters holds extra keys.", expected=f"keys {list(expected)}",
             actual=f"keys {list(got)}", inputs=inputs)
    for k, v in expected.items():
        expect_float_array(func, k, got[k], v.shape, inputs=inputs)
        expect_close(func, k, got[k], v, inputs=inputs,
                     hint="draw the W's in order with np.random.randn(n^[l], n^[l-1]) * 0.01; "
                          "b's are zeros; do not seed inside the function.")


def test_initialize_parameters(initialize_parameters):
    for (n_x, n_h, n_y), seed in (((5, 3, 2), 11), ((1, 1, 1), 12), ((12, 7, 1), 13)):
        np.random.seed(seed)
        got = learner_call(initialize_parameters, n_x, n_h, n_y)
        np.random.seed(seed)
        _expect_same_params("initialize_parameters", got, ref.initialize_parameters(n_x, n_h, n_y),
                            {"n_x": n_x, "n_h": n_h, "n_y": n_y, "np.random.seed": seed})


def test_initialize_parameters_deep(initialize_parameters_deep):
    g = rng("initialize_parameters_deep")
    for k, seed in enumerate((21, 22, 23, 24)):
        dims = [int(n) for n in g.integers(1, 10, size=k + 2)]
        np.random.seed(seed)
        got = learner_call(initialize_parameters_deep, list(dims))
        np.random.seed(seed)
        _expect_same_params("initialize_parameters_deep", got,
                            ref.initialize_parameters_deep(dims),
                            {"layer_dims": dims, "np.random.seed": seed})


def _expect_cache(func, cache, A, W, b, Z=None, inputs=None):
    """cache is (A_prev, W, b), or ((A_prev, W, b), Z) when Z is given."""
    if Z is not None:
        expect_type(func, "cache", cache, tuple, inputs=inputs)
        if len(cache) != 2:
            fail(func, "cache should be (linear_cache, activation_cache).", inputs=inputs)
        expect_close(func, "activation_cache (Z)", cache[1], Z, inputs=inputs)
        cache = cache[0]
    expect_type(func, "linear cache", cache, tuple, inputs=inputs)
    if len(cache) != 3 or not all(np.array_equal(c, e) for c, e in zip(cache, (A, W, b))):
        fail(func, "the linear cache should be (A_prev, W, b) as given.", inputs=inputs)


def test_linear_forward(linear_forward):
    g = rng("linear_forward")
    for n_prev, n, m in SHAPES:
        A, W, b = _layer(g, n_prev, n, m)
        inputs = {"A": A, "W": W, "b": b}
        before = snapshot(A, W, b)
        Z, cache = learner_call(linear_forward, A, W, b)
        expect_unchanged("linear_forward", ("A", "W", "b"), before, (A, W, b))
        expect_float_array("linear_forward", "Z", Z, (n, m), inputs=inputs)
        expect_close("linear_forward", "Z", Z, ref.linear_forward(A, W, b)[0], inputs=inputs)
        _expect_cache("linear_forward", cache, A, W, b, inputs=inputs)
    expect_vectorised(linear_forward, _layer(g, 3, 2, 4), _layer(g, 3, 2, 256), 4, 256)


def test_linear_activation_forward(linear_activation_forward):
    with _others(linear_activation_forward):
        g = rng("linear_activation_forward")
        for activation in ("relu", "sigmoid"):
            for n_prev, n, m in SHAPES:
                A, W, b = _layer(g, n_prev, n, m)
                inputs = {"A_prev": A, "W": W, "b": b, "activation": activation}
                out, cache = learner_call(linear_activation_forward, A, W, b, activation)
                expected, (_, Z) = ref.linear_activation_forward(A, W, b, activation)
                expect_float_array("linear_activation_forward", "A", out, (n, m), inputs=inputs)
                expect_close("linear_activation_forward", "A", out, expected, inputs=inputs)
                _expect_cache("linear_activation_forward", cache, A, W, b, Z, inputs)
            expect_vectorised(linear_activation_forward, (*_layer(g, 3, 2, 4), activation),
                              (*_layer(g, 3, 2, 256), activation), 4, 256)


def test_L_model_forward(L_model_forward):
    with _others(L_model_forward):
        g = rng("L_model_forward")
        for dims, m in (([5, 4, 1], 6), ([3, 1], 4), ([6, 5, 4, 3, 1], 7), ([2, 3, 3, 1], 1)):
            X, _, params = _network(g, dims, m, kink=0)
            inputs = {"X": X, "layer_dims": dims}
            before = snapshot(X, params)
            AL, caches = learner_call(L_model_forward, X, params)
            expect_unchanged("L_model_forward", ("X", "parameters"), before, (X, params))
            ref_AL, ref_caches = ref.L_model_forward(X, params)
            expect_float_array("L_model_forward", "AL", AL, (1, m), inputs=inputs)
            expect_close("L_model_forward", "AL", AL, ref_AL, inputs=inputs,
                         hint="(L-1) x [LINEAR -> RELU], then LINEAR -> SIGMOID.")
            expect_type("L_model_forward", "caches", caches, list, inputs=inputs)
            if len(caches) != len(ref_caches):
                fail("L_model_forward", f"caches should hold {len(ref_caches)} caches, one a "
                     "layer.", actual=f"{len(caches)} caches", inputs=inputs)
            for cache, ((A, W, b), Z) in zip(caches, ref_caches):
                _expect_cache("L_model_forward", cache, A, W, b, Z, inputs)
        small, large = _network(g, [3, 4, 1], 4, 0), _network(g, [3, 4, 1], 256, 0)
        expect_vectorised(L_model_forward, (small[0], small[2]), (large[0], large[2]), 4, 256)


def test_compute_cost(compute_cost):
    g = rng("compute_cost")
    for m, dtype in ((1, np.int64), (5, float), (40, np.int64)):
        AL, Y = g.uniform(0.02, 0.98, (1, m)), (g.random((1, m)) < 0.5).astype(dtype)
        inputs = {"AL": AL, "Y": Y}
        before = snapshot(AL, Y)
        cost = learner_call(compute_cost, AL, Y)
        expect_unchanged("compute_cost", ("AL", "Y"), before, (AL, Y))
        expect_scalar("compute_cost", "cost", cost, inputs=inputs)
        expect_close("compute_cost", "cost", cost, ref.compute_cost(AL, Y), inputs=inputs)
    small, large = [(g.uniform(0.1, 0.9, (1, k)), np.ones((1, k))) for k in (4, 256)]
    expect_vectorised(compute_cost, small, large, 4, 256)


def _expect_grads(func, got, expected, inputs, hint=None):
    expect_type(func, "the result", got, tuple, inputs=inputs)
    if len(got) != 3:
        fail(func, "should return the three values dA_prev, dW, db.", inputs=inputs)
    for name, value, want in zip(("dA_prev", "dW", "db"), got, expected):
        expect_float_array(func, name, value, want.shape, inputs=inputs, hint=hint)
        expect_close(func, name, value, want, inputs=inputs, hint=hint)


def _expect_numeric(func, got, cache, G, g_act, m):
    """(dA_prev, dW, db) against centered differences of F = sum(G * g_act(W A_prev + b)):
    dW and db carry the cost's 1/m (notes §4.2 (7)-(8)); dA_prev does not ((9))."""
    A, W, b = (a.copy() for a in cache)
    dA, dW, db = centered_differences(lambda: np.sum(G * g_act(W @ A + b)), (A, W, b))
    for name, value, want in zip(("dA_prev", "dW", "db"), got, (dA, dW / m, db / m)):
        expect_close(func, f"{name} (against a numerical derivative)", value, want, **GRAD_TOL,
                     hint="dW = (1/m) dZ A_prev^T, db = (1/m) sum(dZ, axis=1, keepdims=True), "
                          "dA_prev = W^T dZ.")


def test_linear_backward(linear_backward):
    g = rng("linear_backward")
    for n_prev, n, m in SHAPES:
        cache, dZ = _layer(g, n_prev, n, m), g.normal(0, 1, (n, m))
        inputs = {"dZ": dZ, "A_prev": cache[0], "W": cache[1]}
        before = snapshot(dZ, *cache)
        got = learner_call(linear_backward, dZ, cache)
        expect_unchanged("linear_backward", ("dZ", "A_prev", "W", "b"), before, (dZ, *cache))
        _expect_grads("linear_backward", got, ref.linear_backward(dZ, cache), inputs)
        _expect_numeric("linear_backward", got, cache, dZ, lambda Z: Z, m)
    small, large = [(g.normal(size=(2, k)), _layer(g, 3, 2, k)) for k in (4, 256)]
    expect_vectorised(linear_backward, small, large, 4, 256)


def test_linear_activation_backward(linear_activation_backward):
    with _others(linear_activation_backward):
        _test_linear_activation_backward(linear_activation_backward)


def _test_linear_activation_backward(linear_activation_backward):
    func, g = "linear_activation_backward", rng("linear_activation_backward")
    for activation, g_act in (("relu", lambda Z: np.maximum(Z, 0)),
                              ("sigmoid", lambda Z: 1 / (1 + np.exp(-Z)))):
        for n_prev, n, m in SHAPES:
            A, W, b = _layer(g, n_prev, n, m)
            while activation == "relu" and np.min(np.abs(W @ A + b)) < 1e-3:
                A, W, b = _layer(g, n_prev, n, m)
            _, cache = ref.linear_activation_forward(A, W, b, activation)
            dA = g.normal(0, 1, (n, m))
            inputs = {"dA": dA, "A_prev": A, "W": W, "activation": activation}
            got = learner_call(linear_activation_backward, dA, cache, activation)
            _expect_grads(func, got, ref.linear_activation_backward(dA, cache, activation),
                          inputs)
            _expect_numeric(func, got, (A, W, b), dA, g_act, m)
        small, large = [(g.normal(size=(2, k)), ref.linear_activation_forward(
            *_layer(g, 3, 2, k), activation)[1], activation) for k in (4, 256)]
        expect_vectorised(linear_activation_backward, small, large, 4, 256)
    A, W, b = _layer(g, 3, 4, 5)
    Z = np.round(g.normal(0, 1, (4, 5)))  # many entries are exactly 0 (ReLU'(0) = 0)
    dA, cache = g.normal(0, 1, (4, 5)), ((A, W, b), Z)
    _expect_grads(func, learner_call(linear_activation_backward, dA, cache, "relu"),
                  ref.linear_activation_backward(dA, cache, "relu"),
                  {"dA": dA, "Z": Z, "activation": "relu"},
                  hint="relu'(Z) is 1 where Z > 0 and 0 where Z <= 0, also at Z = 0 exactly.")


def test_L_model_backward(L_model_backward):
    with _others(L_model_backward):
        _test_L_model_backward(L_model_backward)


def _test_L_model_backward(L_model_backward):
    func, g = "L_model_backward", rng("L_model_backward")
    for dims, m in (([4, 3, 2, 1], 5), ([3, 1], 4), ([5, 4, 1], 1), ([2, 5, 4, 3, 1], 6)):
        X, Y, params = _network(g, dims, m)
        AL, caches = ref.L_model_forward(X, params)
        inputs = {"AL": AL, "Y": Y, "layer_dims": dims}
        before = snapshot(AL, Y)
        grads = learner_call(L_model_backward, AL, Y, caches)
        expect_unchanged(func, ("AL", "Y"), before, (AL, Y))
        expected = ref.L_model_backward(AL, Y, caches)
        expect_keys(func, "grads", grads, sorted(expected), inputs=inputs)
        for name, want in sorted(expected.items()):
            expect_float_array(func, name, grads[name], want.shape, inputs=inputs)
            expect_close(func, name, grads[name], want, inputs=inputs,
                         hint="dAL = -(Y/AL - (1-Y)/(1-AL)); layer L uses 'sigmoid' and "
                              "caches[L-1], layer l < L uses 'relu' and caches[l-1].")
        _expect_gradient_of_cost(grads, X, Y, params, m)
    args = []
    for X, Y, params in (_network(g, [3, 4, 1], k) for k in (4, 256)):
        AL, caches = ref.L_model_forward(X, params)
        args.append((AL, Y, caches))
    expect_vectorised(L_model_backward, args[0], args[1], 4, 256)


def _expect_gradient_of_cost(grads, X, Y, params, m):
    """dW^[l], db^[l] are dJ/dW^[l], dJ/db^[l] of J = compute_cost(L_model_forward(X)), and
    dA0 is m dJ/dX (the dA's carry no 1/m)."""
    X = X.copy()
    names = sorted(params)

    def cost():
        return ref.compute_cost(ref.L_model_forward(X, params)[0], Y)

    numeric = dict(zip(names + ["X"],
                       centered_differences(cost, [params[k] for k in names] + [X])))
    for name in names:
        expect_close("L_model_backward", f"d{name} (against a numerical derivative of J)",
                     grads[f"d{name}"], numeric[name], **GRAD_TOL)
    expect_close("L_model_backward", "dA0 (against m times a numerical dJ/dX)", grads["dA0"],
                 m * numeric["X"], **GRAD_TOL)


def test_update_parameters(update_parameters):
    g = rng("update_parameters")
    for dims, lr in (([3, 1], 0.1), ([4, 3, 1], 0.0075), ([5, 4, 3, 2, 1], 1.2)):
        _, _, params = _network(g, dims, 2, kink=0)
        grads = {"d" + k: g.normal(0, 1, v.shape) for k, v in params.items()}
        grads["dA0"] = g.normal(0, 1, (dims[0], 2))
        inputs = {"layer_dims": dims, "learning_rate": lr}
        before = snapshot(params, grads)
        new = learner_call(update_parameters, params, grads, lr)
        expect_unchanged("update_parameters", ("params", "grads"), before, (params, grads))
        expected = ref.update_parameters(params, grads, lr)
        expect_keys("update_parameters", "parameters", new, list(expected), inputs=inputs)
        for name, want in expected.items():
            expect_float_array("update_parameters", name, new[name], want.shape, inputs=inputs)
            expect_close("update_parameters", name, new[name], want, inputs=inputs,
                         hint="every layer l = 1..L: W = W - learning_rate * dW, same for b.")
