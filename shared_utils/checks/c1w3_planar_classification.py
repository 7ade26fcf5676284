"""Public checks for c1w3_planar_classification (one hidden layer on the flower; notes §3.1-3.11).

Every expected number is a literal: the spec's verified values (notes-course1 §5.3) and values
computed once by an implementation independent of the notebook's. The example is the notes'
small network: n_x = 2 inputs, n_h = 4 tanh units, n_y = 1 sigmoid output, m = 3 examples.
"""
import numpy as np

from ._compare import (call, expect_close, expect_float_array, expect_keys, expect_scalar,
                       expect_shape, expect_type, expect_unchanged, snapshot)
from ._report import fail, passed

__all__ = ["dimensions_test", "layer_sizes_test", "initialize_parameters_test",
           "forward_propagation_test", "compute_cost_test", "activations_test",
           "backward_propagation_test", "update_parameters_test", "nn_model_test",
           "predict_test"]

X = np.array([[1.0, -0.5, 2.0], [0.5, 1.5, -1.0]])
Y = np.array([[1, 0, 1]])
PARAMETERS = {"W1": np.array([[0.1, -0.2], [0.3, 0.05], [-0.15, 0.2], [0.05, -0.1]]),
              "b1": np.array([[0.01], [0.0], [-0.02], [0.03]]),
              "W2": np.array([[0.2, -0.3, 0.1, 0.4]]), "b2": np.array([[0.05]])}
# The forward pass on X with PARAMETERS, to full precision (so A1 = tanh(Z1) exactly enough).
CACHE = {"Z1": np.array([[0.01, -0.34, 0.41000000000000003],
                         [0.325, -0.07499999999999998, 0.5499999999999999],
                         [-0.06999999999999999, 0.355, -0.52],
                         [0.03, -0.14500000000000002, 0.23]]),
         "A1": np.array([[0.00999966667999946, -0.32747739480870536, 0.388472680216061],
                         [0.3140209253469976, -0.07485969068749909, 0.5005202111902352],
                         [-0.06988589031642899, 0.34080231961773716, -0.477700012168498],
                         [0.02999100323882014, -0.1439922658630373, 0.22602835227867094]]),
         "Z2": np.array([[-0.03719853200421422, -0.01655424613893254, 0.02017981238076024]]),
         "A2": np.array([[0.4907014391996211, 0.4958615329746842, 0.5050447818996486]])}
GRADS = {"dW1": np.array([[-0.10474079911419955, 0.05531094277609904],
                          [0.1447536032793514, -0.08810443722080513],
                          [-0.04966537393770504, 0.02620019479364412],
                          [-0.22546237031463967, 0.12581586500956687]]),
         "db1": np.array([[-0.03245493519345285], [0.03369531271233344],
                          [-0.01501832701995197], [-0.06572380750662703]]),
         "dW2": np.array([[-0.11991761300512543, -0.14826184553867996, 0.14700788590492975,
                           -0.0661828376242624]]),
         "db2": np.array([[-0.16946408197534865]])}
SHAPES = {"W1": (4, 2), "b1": (4, 1), "W2": (1, 4), "b2": (1, 1)}


def _copy(d):
    return {k: v.copy() for k, v in d.items()}


def dimensions_test(shape_X, shape_Y, m):
    for name, value, expected in (("shape_X", shape_X, (2, 400)), ("shape_Y", shape_Y, (1, 400))):
        expect_type("Exercise 1", name, value, tuple, hint="read it from the array: X.shape")
        if value != expected:
            fail("Exercise 1", f"{name} is {value}, expected {expected}.")
    expect_type("Exercise 1", "m", m, (int, np.integer), hint="m is a number: X.shape[1]")
    if m != 400:
        fail("Exercise 1", f"m is {m}, expected 400.",
             hint="examples are the columns of X (notes §3.4): m = X.shape[1], not X.shape[0].")
    passed()


def layer_sizes_test(layer_sizes):
    x, y = np.zeros((5, 3)), np.zeros((2, 3))
    inputs = {"X": x, "Y": y}
    sizes = call(layer_sizes, x, y)
    expect_type("layer_sizes", "the result", sizes, tuple, inputs=inputs,
                hint="return the three numbers as a tuple: return (n_x, n_h, n_y)")
    if len(sizes) != 3 or tuple(sizes) != (5, 4, 2):
        fail("layer_sizes", "wrong sizes.", expected="(5, 4, 2)", actual=repr(sizes),
             inputs={"X.shape": (5, 3), "Y.shape": (2, 3)},
             hint="n_x = X.shape[0], n_h = 4, n_y = Y.shape[0]: rows are units, columns examples.")
    passed()


def initialize_parameters_test(initialize_parameters):
    params = call(initialize_parameters, 3, 4, 1)
    inputs = {"n_x": 3, "n_h": 4, "n_y": 1}
    expect_keys("initialize_parameters", "parameters", params, ("W1", "b1", "W2", "b2"),
                inputs=inputs)
    for key, shape in (("W1", (4, 3)), ("b1", (4, 1)), ("W2", (1, 4)), ("b2", (1, 1))):
        expect_float_array("initialize_parameters", key, params[key], shape, inputs=inputs,
                           hint="W[l] is (n[l], n[l-1]) and b[l] is (n[l], 1) (notes §3.9).")
    np.random.seed(2)
    params = call(initialize_parameters, 2, 4, 1)
    inputs = {"n_x": 2, "n_h": 4, "n_y": 1, "after": "np.random.seed(2)"}
    expect_close("initialize_parameters", "W1", params["W1"],
                 [[-0.00416757847405471, -0.00056266827226329],
                  [-0.02136196095668454, 0.01640270808404989],
                  [-0.01793435585194863, -0.00841747365656204],
                  [0.00502881417158043, -0.01245288086607232]], inputs=inputs,
                 hint="W1 = np.random.randn(n_h, n_x) * 0.01, drawn before W2; do not call "
                      "np.random.seed inside the function.")
    expect_close("initialize_parameters", "W2", params["W2"],
                 [[-0.01057952218862339, -0.00909007614926849, 0.00551454044546424,
                   0.02292208012814958]], inputs=inputs,
                 hint="W2 = np.random.randn(n_y, n_h) * 0.01, the only other random draw.")
    for key in ("b1", "b2"):
        expect_close("initialize_parameters", key, params[key], np.zeros(SHAPES[key]),
                     inputs=inputs, hint="biases start at zero: np.zeros((n, 1)) (notes §3.11).")
    passed()


def forward_propagation_test(forward_propagation):
    inputs = {"X": X, "parameters": PARAMETERS}
    x, params = X.copy(), _copy(PARAMETERS)
    A2, cache = call(forward_propagation, x, params)
    expect_float_array("forward_propagation", "A2", A2, (1, 3), inputs=inputs)
    expect_close("forward_propagation", "A2", A2, CACHE["A2"], inputs=inputs,
                 hint="Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = sigmoid(Z2).")
    expect_keys("forward_propagation", "cache", cache, ("Z1", "A1", "Z2", "A2"), inputs=inputs)
    for key, hint in (("Z1", "Z1 = np.dot(W1, X) + b1"), ("A1", "the hidden layer is tanh"),
                      ("Z2", "Z2 = np.dot(W2, A1) + b2"), ("A2", None)):
        expect_float_array("forward_propagation", f"cache['{key}']", cache[key],
                           CACHE[key].shape, inputs=inputs)
        expect_close("forward_propagation", f"cache['{key}']", cache[key], CACHE[key],
                     inputs=inputs, hint=hint)
    expect_unchanged("forward_propagation", ("X", "parameters"), snapshot(X, PARAMETERS),
                     (x, params))
    passed()


def compute_cost_test(compute_cost):
    for a2, y, expected in (
            (CACHE["A2"], Y, 0.6933106306767565),
            (np.array([[0.8, 0.1, 0.5, 0.3]]), np.array([[1, 0, 1, 0]]), 0.3445815478676784)):
        inputs = {"A2": a2, "Y": y}
        cost = call(compute_cost, a2.copy(), y.copy())
        expect_scalar("compute_cost", "cost", cost, inputs=inputs)
        expect_close("compute_cost", "cost", cost, expected, inputs=inputs,
                     hint="J = -(1/m) sum(Y log(A2) + (1 - Y) log(1 - A2)); m = Y.shape[1].")
    passed()


def activations_test(tanh_derivative, relu, relu_derivative, leaky_relu, leaky_relu_derivative):
    z = np.array([[-1.0, 0.0, 2.0], [1.0, -0.5, 3.0]])
    expected = {
        tanh_derivative: ([[0.41997434161402614, 1.0, 0.07065082485316443],
                           [0.41997434161402614, 0.7864477329659274, 0.00986603716544021]],
                          "tanh'(z) = 1 - tanh(z)**2 (notes §3.8)."),
        relu: ([[0.0, 0.0, 2.0], [1.0, 0.0, 3.0]], "relu(z) = np.maximum(0, z)."),
        relu_derivative: ([[0.0, 0.0, 1.0], [1.0, 0.0, 1.0]],
                          "1 where z > 0, else 0; at z = 0 the course takes 0 (DECISIONS §4)."),
        leaky_relu: ([[-0.01, 0.0, 2.0], [1.0, -0.005, 3.0]], "max(0.01 z, z) (notes §3.6)."),
        leaky_relu_derivative: ([[0.01, 0.01, 1.0], [1.0, 0.01, 1.0]],
                                "1 where z > 0, else the slope 0.01 (also at z = 0)."),
    }
    for func, (values, hint) in expected.items():
        z_in = z.copy()
        out = call(func, z_in)
        expect_shape(func.__name__, "the result", out, z.shape, inputs={"z": z},
                     hint="work element-wise with numpy, keeping the shape of z.")
        expect_close(func.__name__, "the result", out, values, inputs={"z": z}, hint=hint)
        expect_unchanged(func.__name__, ("z",), (z,), (z_in,))
    out = call(leaky_relu, z.copy(), slope=0.1)
    expect_close("leaky_relu", "the result", out, [[-0.1, 0.0, 2.0], [1.0, -0.05, 3.0]],
                 inputs={"z": z, "slope": 0.1}, hint="use the slope argument, not 0.01.")
    passed()


def backward_propagation_test(backward_propagation):
    inputs = {"parameters": PARAMETERS, "cache": CACHE, "X": X, "Y": Y}
    params, cache, x, y = _copy(PARAMETERS), _copy(CACHE), X.copy(), Y.copy()
    grads = call(backward_propagation, params, cache, x, y)
    expect_keys("backward_propagation", "grads", grads, ("dW1", "db1", "dW2", "db2"),
                inputs=inputs)
    hints = {"dW1": "dW1 = (1/m) dZ1 X^T, with dZ1 = W2^T dZ2 * (1 - A1**2) (tanh', notes §3.8)",
             "db1": "db1 = (1/m) np.sum(dZ1, axis=1, keepdims=True)",
             "dW2": "dW2 = (1/m) dZ2 A1^T, with dZ2 = A2 - Y",
             "db2": "db2 = (1/m) np.sum(dZ2, axis=1, keepdims=True)"}
    for key in ("dW2", "db2", "dW1", "db1"):
        expect_float_array("backward_propagation", key, grads[key], SHAPES[key[1:]],
                           inputs=inputs, hint=f"{key} has the shape of {key[1:]}: "
                                               "keepdims=True keeps a sum (n, 1), not (n,).")
        expect_close("backward_propagation", key, grads[key], GRADS[key], inputs=inputs,
                     hint=hints[key] + ".")
    expect_unchanged("backward_propagation", ("parameters", "cache", "X", "Y"),
                     snapshot(PARAMETERS, CACHE, X, Y), (params, cache, x, y))
    passed()


def update_parameters_test(update_parameters):
    for kwargs, expected in (({}, {
            "W1": [[0.22568895893703947, -0.26637313133131885],
                   [0.1262956760647783, 0.15572532466496616],
                   [-0.09040155127475395, 0.16855976624762706],
                   [0.3205548443775676, -0.25097903801148025]],
            "b1": [[0.04894592223214342], [-0.04043437525480013], [-0.00197800757605764],
                   [0.10886856900795243]],
            "W2": [[0.34390113560615054, -0.12208578535358403, -0.07640946308591567,
                    0.4794194051491149]],
            "b2": [[0.25335689837041836]]}), ({"learning_rate": 0.5}, {
            "W1": [[0.15237039955709977, -0.22765547138804954],
                   [0.2276231983603243, 0.09405221861040257],
                   [-0.12516731303114748, 0.18689990260317796],
                   [0.16273118515731982, -0.16290793250478344]],
            "b1": [[0.02622746759672642], [-0.01684765635616672], [-0.01249083649002402],
                   [0.06286190375331352]],
            "W2": [[0.25995880650256276, -0.22586907723066002, 0.02649605704753513,
                    0.4330914188121312]],
            "b2": [[0.13473204098767433]]})):
        inputs = {"parameters": PARAMETERS, "grads": GRADS, **kwargs}
        params, grads = _copy(PARAMETERS), _copy(GRADS)
        new = call(update_parameters, params, grads, **kwargs)
        expect_keys("update_parameters", "parameters", new, ("W1", "b1", "W2", "b2"),
                    inputs=inputs)
        for key in ("W1", "b1", "W2", "b2"):
            expect_float_array("update_parameters", key, new[key], SHAPES[key], inputs=inputs)
            expect_close("update_parameters", key, new[key], expected[key], inputs=inputs,
                         hint=f"{key} = {key} - learning_rate * d{key} (the default "
                              "learning_rate is 1.2).")
        expect_unchanged("update_parameters", ("parameters", "grads"),
                         snapshot(PARAMETERS, GRADS), (params, grads))
    passed()


def nn_model_test(nn_model):
    inputs = {"X": X, "Y": Y, "n_h": 4, "num_iterations": 100}
    params = call(nn_model, X.copy(), Y.copy(), 4, num_iterations=100)
    expect_keys("nn_model", "parameters", params, ("W1", "b1", "W2", "b2"), inputs=inputs)
    for key in ("W1", "b1", "W2", "b2"):
        expect_float_array("nn_model", key, params[key], SHAPES[key], inputs=inputs)
    expect_close("nn_model", "W1", params["W1"],
                 [[1.1893968293734867, -0.6543802446202858],
                  [0.878219344056729, -0.538301694795121],
                  [-1.2301466256485132, 0.6784478700775465],
                  [1.1610128700216733, -0.6542355968041937]], rtol=1e-5, inputs=inputs,
                 hint="start from initialize_parameters(n_x, n_h, n_y) right after the given "
                      "np.random.seed(3); each step: forward, cost, backward, update.")
    expect_close("nn_model", "b2", params["b2"], [[0.5646222374348109]], rtol=1e-5,
                 inputs=inputs)
    expect_close("nn_model", "W2", params["W2"],
                 [[1.8485812753662125, 1.2696229290883783, -1.9470553500474237,
                   1.8032903718702442]], rtol=1e-5, inputs=inputs,
                 hint="keep the parameters that update_parameters returns for the next step.")
    passed()


def predict_test(predict):
    x = np.array([[1.0, -0.5, 2.0, 0.0, -3.0], [0.5, 1.5, -1.0, 0.0, 2.0]])
    params = {"W1": np.array([[1.0, -1.0], [0.5, 2.0]]), "b1": np.array([[0.0], [-0.5]]),
              "W2": np.array([[2.0, -1.0]]), "b2": np.array([[0.1]])}
    inputs = {"parameters": params, "X": x}
    pred = call(predict, _copy(params), x.copy())
    expect_shape("predict", "predictions", pred, (1, 5), inputs=inputs,
                 hint="one prediction per column of X, as a (1, m) row.")
    expect_close("predict", "predictions", pred, [[1.0, 0.0, 1.0, 1.0, 0.0]], inputs=inputs,
                 hint="run forward_propagation, then predict 1 where A2 > 0.5, else 0.")
    params = {**params, "W2": np.zeros((1, 2)), "b2": np.zeros((1, 1))}
    pred = call(predict, _copy(params), x.copy())
    expect_close("predict", "predictions", pred, np.zeros((1, 5)),
                 inputs={"parameters": params, "X": x},
                 hint="here A2 = 0.5 exactly, and 0.5 is not > 0.5: predict 0.")
    passed()
