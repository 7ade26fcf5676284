"""Public checks for c1w4_deep_nn_step_by_step (a deep network, one block at a time; notes
§4.1-4.6).

Expected numbers are literal: the spec's verified values (notes-course1 §5.4) and values
computed once by an implementation independent of the notebook's. The running example is the
spec's 2-layer network LINEAR -> RELU -> LINEAR -> SIGMOID on four examples.
"""
import numpy as np

from ._compare import (call, expect_close, expect_float_array, expect_keys, expect_scalar,
                       expect_shape, expect_type, expect_unchanged, snapshot)
from ._report import fail, passed

__all__ = ["initialize_parameters_test", "initialize_parameters_deep_test", "linear_forward_test",
           "linear_activation_forward_test", "L_model_forward_test", "compute_cost_test",
           "linear_backward_test", "linear_activation_backward_test", "L_model_backward_test",
           "update_parameters_test"]

X = np.array([[1.0, -2.0, 0.5, 3.0], [0.0, 1.0, -1.0, 2.0], [2.0, 0.5, 1.5, -1.0]])  # (3, 4)
Y = np.array([[1, 0, 1, 0]])
W1, B1 = np.array([[0.2, -0.4, 0.1], [-0.3, 0.1, 0.5]]), np.array([[0.1], [-0.2]])
W2, B2 = np.array([[0.7, -0.6]]), np.array([[0.05]])
Z1 = np.array([[0.5, -0.65, 0.75, -0.2], [0.5, 0.75, 0.3, -1.4]])
A1 = np.array([[0.5, 0.0, 0.75, 0.0], [0.5, 0.75, 0.3, 0.0]])
Z2 = np.array([[0.1, -0.4, 0.395, 0.05]])
AL = np.array([[0.52497919, 0.40131234, 0.59748577, 0.5124974]])
PARAMS = {"W1": W1, "b1": B1, "W2": W2, "b2": B2}
GRADS = {"dW1": np.array([[-0.11834864, 0.07043999, -0.27191727],
                          [0.22183539, -0.12057399, 0.20297352]]),
         "db1": np.array([[-0.15356863], [0.07143341]]),
         "dW2": np.array([[-0.13484902, -0.01432011]]), "db2": np.array([[0.00906867]]),
         "dA1": np.array([[-0.33251457, 0.28091864, -0.28175996, 0.35874818],
                          [0.28501249, -0.2407874, 0.24150854, -0.30749844]])}
NAMES = ("initialize_parameters", "initialize_parameters_deep")
SEEDED = "call np.random.seed only in the tests, never inside your function."


def _expect_params(func, params, shapes, inputs):
    expect_keys(func, "parameters", params, list(shapes), inputs=inputs)
    for name, shape in shapes.items():
        expect_float_array(func, name, params[name], shape, inputs=inputs,
                           hint="W^[l] is (n^[l], n^[l-1]) and b^[l] is (n^[l], 1) (notes §4.4).")
        if name.startswith("b") and np.any(params[name] != 0):
            fail(func, f"{name} should be all zeros.", inputs=inputs, hint="np.zeros((n, 1))")


def initialize_parameters_test(initialize_parameters):
    inputs = {"n_x": 3, "n_h": 4, "n_y": 1, "np.random.seed": 1}
    np.random.seed(1)
    params = call(initialize_parameters, 3, 4, 1)
    _expect_params(NAMES[0], params, {"W1": (4, 3), "b1": (4, 1), "W2": (1, 4), "b2": (1, 1)},
                   inputs)
    expect_close(NAMES[0], "W1[0]", params["W1"][0],
                 [0.01624345363663242, -0.006117564136500754, -0.005281717522634557],
                 inputs=inputs, hint="np.random.randn(n_h, n_x) * 0.01, drawn before W2.")
    expect_close(NAMES[0], "W2", params["W2"], [[-0.003224172040135075, -0.0038405435466841564,
                                                 0.011337694423354375, -0.010998912673140309]],
                 inputs=inputs, hint="W2 = np.random.randn(n_y, n_h) * 0.01, after W1.")
    np.random.seed(2)
    params = call(initialize_parameters, 3, 4, 1)
    expect_close(NAMES[0], "W1[0, 0]", params["W1"][0, 0], -0.004167578474054706,
                 inputs={**inputs, "np.random.seed": 2}, hint=SEEDED)
    passed()


def initialize_parameters_deep_test(initialize_parameters_deep):
    inputs = {"layer_dims": [3, 5, 5, 3, 1], "np.random.seed": 1}
    np.random.seed(1)
    params = call(initialize_parameters_deep, [3, 5, 5, 3, 1])
    _expect_params(NAMES[1], params, {"W1": (5, 3), "b1": (5, 1), "W2": (5, 5), "b2": (5, 1),
                                      "W3": (3, 5), "b3": (3, 1), "W4": (1, 3), "b4": (1, 1)},
                   inputs)
    if len(params) != 8:
        fail(NAMES[1], "parameters should hold W1..W4 and b1..b4 only.",
             actual=f"keys {list(params)}", inputs=inputs)
    for name, value, expected in (
            ("W1[1]", params["W1"][1], [-0.010729686221561705, 0.008654076293246785,
                                        -0.02301538696880283]),
            ("W2[0, 0]", params["W2"][0, 0], -0.010998912673140309),
            ("W3[2, 4]", params["W3"][2, 4], -0.002088942333747781),
            ("W4", params["W4"], [[0.005866231911821977, 0.008389834138745049,
                                   0.009311020813035573]])):
        expect_close(NAMES[1], name, value, expected, inputs=inputs,
                     hint="draw W1, W2, ... in order with np.random.randn(n^[l], n^[l-1]) * 0.01"
                          "; " + SEEDED)
    passed()


def linear_forward_test(linear_forward):
    inputs = {"A": X, "W": W1, "b": B1}
    Z, cache = call(linear_forward, X.copy(), W1.copy(), B1.copy())
    expect_float_array("linear_forward", "Z", Z, (2, 4), inputs=inputs,
                       hint="Z = np.dot(W, A) + b has shape (n^[l], m).")
    expect_close("linear_forward", "Z", Z, Z1, inputs=inputs, hint="Z = np.dot(W, A) + b")
    _expect_linear_cache("linear_forward", cache, X, W1, B1, inputs)
    passed()


def _expect_linear_cache(func, cache, A, W, b, inputs):
    expect_type(func, "cache", cache, tuple, inputs=inputs)
    if len(cache) != 3 or not all(np.array_equal(c, e) for c, e in zip(cache, (A, W, b))):
        fail(func, "the linear cache should be the tuple (A_prev, W, b), in that order.",
             inputs=inputs)


def linear_activation_forward_test(linear_activation_forward):
    func = "linear_activation_forward"
    for activation, expected in (("relu", A1), ("sigmoid", [
            [0.62245933, 0.34298954, 0.6791787, 0.450166],
            [0.62245933, 0.6791787, 0.57444252, 0.19781611]])):
        inputs = {"A_prev": X, "W": W1, "b": B1, "activation": activation}
        A, cache = call(linear_activation_forward, X.copy(), W1.copy(), B1.copy(), activation)
        expect_float_array(func, "A", A, (2, 4), inputs=inputs)
        expect_close(func, "A", A, expected, inputs=inputs,
                     hint=f"A, activation_cache = {activation}(Z) with Z from linear_forward.")
        expect_type(func, "cache", cache, tuple, inputs=inputs)
        if len(cache) != 2:
            fail(func, "cache should be the pair (linear_cache, activation_cache).",
                 inputs=inputs)
        _expect_linear_cache(func, cache[0], X, W1, B1, inputs)
        expect_close(func, "activation_cache (Z)", cache[1], Z1, inputs=inputs)
    passed()


def L_model_forward_test(L_model_forward):
    func = "L_model_forward"
    AL3 = [[0.7496512677, 0.7987614674, 0.6783291657, 0.7073332934]]
    for params, expected in ((PARAMS, AL), (_three_layers(), AL3)):
        L = len(params) // 2
        inputs = {"X": X, "parameters": f"{L} layers"}
        out, caches = call(L_model_forward, X.copy(), {k: v.copy() for k, v in params.items()})
        expect_float_array(func, "AL", out, (1, 4), inputs=inputs)
        expect_close(func, "AL", out, expected, inputs=inputs,
                     hint="RELU for layers 1..L-1, SIGMOID for layer L; use the A of each "
                          "layer as the next layer's A_prev.")
        expect_type(func, "caches", caches, list, inputs=inputs)
        if len(caches) != L:
            fail(func, f"caches should hold one cache per layer ({L}).",
                 actual=f"{len(caches)} caches", inputs=inputs)
    expect_close(func, "the Z in caches[1] (layer 2)", caches[1][1],
                 [[0.5311688312, 0.719047619, 0.2974025974, 0.3883116883],
                  [-1.8991341991, -0.5199134199, -0.8861471861, -1.6264069264]],
                 inputs=inputs, rtol=1e-8)
    passed()


def _three_layers():
    """A [3, 4, 2, 1] network whose weights are evenly spaced numbers."""
    return {"W1": np.linspace(-1, 1, 12).reshape(4, 3), "b1": np.linspace(-0.2, 0.2, 4)[:, None],
            "W2": np.linspace(0.5, -0.5, 8).reshape(2, 4), "b2": np.array([[0.1], [-0.1]]),
            "W3": np.array([[1.5, -2.0]]), "b3": np.array([[0.3]])}


def compute_cost_test(compute_cost):
    for al, y, expected in ((AL, Y, 0.5977240947076764),
                            (np.array([[0.9, 0.2, 0.65]]), np.array([[1.0, 0.0, 0.0]]),
                             0.4594420638235713)):
        inputs = {"AL": al, "Y": y}
        cost = call(compute_cost, al.copy(), y.copy())
        expect_scalar("compute_cost", "cost", cost, inputs=inputs)
        expect_close("compute_cost", "cost", cost, expected, rtol=1e-6, inputs=inputs,
                     hint="J = -(1/m) sum(Y log AL + (1 - Y) log(1 - AL)); m = Y.shape[1].")
    passed()


DZ = np.array([[0.5, -1.0, 0.25, 0.0], [1.0, 0.5, -0.5, 2.0]])


def _expect_linear_grads(func, got, expected, inputs, hint):
    expect_type(func, "the result", got, tuple, inputs=inputs)
    for name, value, want in zip(("dA_prev", "dW", "db"), got, expected):
        expect_float_array(func, name, value, np.shape(want), inputs=inputs,
                           hint="dW has W's shape and db has b's: np.sum(..., axis=1, "
                                "keepdims=True).")
        expect_close(func, name, value, want, inputs=inputs, hint=hint)


def linear_backward_test(linear_backward):
    inputs = {"dZ": DZ, "cache": (X, W1, B1)}
    before = snapshot(DZ, X)
    got = call(linear_backward, DZ, (X, W1, B1))
    expected = ([[-0.2, -0.35, 0.2, -0.6], [-0.1, 0.45, -0.15, 0.2], [0.55, 0.15, -0.225, 1.0]],
                [[0.65625, -0.3125, 0.21875], [1.4375, 1.25, -0.125]], [[-0.0625], [0.75]])
    _expect_linear_grads("linear_backward", got, expected, inputs,
                         "dW = (1/m) dZ A_prev^T, db = (1/m) sum of dZ over the examples, "
                         "dA_prev = W^T dZ (no 1/m there) - notes §4.2 (7)-(9).")
    expect_unchanged("linear_backward", ("dZ", "A_prev"), before, (DZ, X))
    passed()


def linear_activation_backward_test(linear_activation_backward):
    func = "linear_activation_backward"
    Z_relu = np.array([[0.5, -0.65, 0.0, -0.2], [0.5, 0.75, 0.3, -1.4]])  # note Z[0, 2] = 0
    cases = (
        ("relu", np.array([[-0.3, 0.2, -0.25, 0.35], [0.3, -0.25, 0.25, -0.3]]),
         ((X, W1, B1), Z_relu),
         ([[-0.15, 0.075, -0.075, 0.0], [0.15, -0.025, 0.025, 0.0], [0.12, -0.125, 0.125, 0.0]],
          [[-0.075, 0.0, -0.15], [0.23125, -0.125, 0.2125]], [[-0.075], [0.075]]),
         "dZ = dA * g'(Z) with relu'(Z) = 1 where Z > 0 and 0 where Z <= 0 (0 at Z = 0 too); "
         "relu_backward does it."),
        ("sigmoid", np.array([[-1.9, 1.7, -1.7, 2.05]]), ((A1, W2, B2), Z2),
         ([[-0.3316701335, 0.2859102874, -0.2861908653, 0.3585258746],
           [0.2842886858, -0.2450659607, 0.245306456, -0.3073078925]],
          [[-0.135885077, -0.0133070038]], [[0.0094911298]]),
         "dZ = dA * s * (1 - s) with s = sigmoid(Z); sigmoid_backward does it."))
    for activation, dA, cache, expected, hint in cases:
        inputs = {"dA": dA, "activation_cache (Z)": cache[1], "activation": activation}
        got = call(linear_activation_backward, dA.copy(), cache, activation)
        _expect_linear_grads(func, got, expected, inputs, hint)
    passed()


def L_model_backward_test(L_model_backward):
    func = "L_model_backward"
    caches = [((X, W1, B1), Z1), ((A1, W2, B2), Z2)]
    inputs = {"AL": AL, "Y": Y, "caches": "the 2-layer example (Z1, Z2 as in the notes)"}
    grads = call(L_model_backward, AL.copy(), Y.copy(), caches)
    expect_keys(func, "grads", grads, ("dA0", "dA1", "dW1", "db1", "dW2", "db2"), inputs=inputs,
                hint="keys 'dA' + str(l - 1), 'dW' + str(l), 'db' + str(l) for l = L..1.")
    expect_float_array(func, "dA0", grads["dA0"], (3, 4), inputs=inputs)
    for name in ("dW2", "db2", "dA1", "dW1", "db1"):
        expect_float_array(func, name, grads[name], GRADS[name].shape, inputs=inputs)
        expect_close(func, name, grads[name], GRADS[name], inputs=inputs,
                     hint="start from dAL = -(Y/AL - (1-Y)/(1-AL)), go back through layer L "
                          "with 'sigmoid' and caches[L-1], then layers L-1..1 with 'relu'.")
    passed()


def update_parameters_test(update_parameters):
    func = "update_parameters"
    params = {k: v.copy() for k, v in PARAMS.items()}
    grads = {k: v.copy() for k, v in GRADS.items()}
    before = snapshot(params, grads)
    inputs = {"parameters": "the 2-layer example", "learning_rate": 0.1}
    new = call(update_parameters, params, grads, 0.1)
    expect_keys(func, "parameters", new, ("W1", "b1", "W2", "b2"), inputs=inputs)
    for name, expected in (("W1", [[0.211834864, -0.4070439991, 0.1271917271],
                                   [-0.322183539, 0.1120573986, 0.4797026479]]),
                           ("b1", [[0.115356863], [-0.207143341]]),
                           ("W2", [[0.713484902, -0.598567989]]), ("b2", [[0.049093133]])):
        expect_shape(func, name, new[name], np.shape(expected), inputs=inputs)
        expect_close(func, name, new[name], expected, inputs=inputs,
                     hint="W = W - learning_rate * dW and b = b - learning_rate * db, "
                          "for every layer 1..L.")
    expect_unchanged(func, ("params", "grads"), before, (params, grads))
    passed()
