"""Public checks for c2w1_initialization (notes C2 §1.9-1.11: normalizing inputs, vanishing and
exploding gradients, weight initialization).

Expected numbers are literals: the spec's verified values (notes-course2 §6, T20 and T27) and
small cases computed once with an implementation independent of the notebook's.
"""
import numpy as np

from ._compare import (call, expect_close, expect_float_array, expect_keys, expect_type,
                       expect_unchanged, snapshot)
from ._report import fail, passed
from ._quiz import CHOICE, quiz, quiz_checks

__all__ = ["normalize_inputs_test", "deep_linear_activations_test",
           "initialize_parameters_zeros_test", "initialize_parameters_random_test",
           "initialize_parameters_he_test", "initialize_parameters_xavier_test",
           "QUIZ", "q1_test", "q2_test"]

# Two features on very different scales; the test set's first column is the training mean.
X_TRAIN = np.array([[1.0, 2.0, 3.0, 6.0], [100.0, 400.0, 200.0, 300.0]])
X_TEST = np.array([[3.0, 10.0, -1.0], [250.0, 0.0, 500.0]])
MU, SIGMA2 = [[3.0], [250.0]], [[3.5], [12500.0]]
X_TRAIN_N = [[-1.0690449661224906, -0.5345224830612453, 0.0, 1.6035674491837357],
             [-1.3416407864993372, 1.3416407864993372, -0.44721359549977907,
              0.44721359549977907]]
X_TEST_N = [[0.0, 3.7416573814287166, -2.138089932244981],
            [0.0, -2.2360679774988954, 2.2360679774988954]]

# np.random.seed(3), then randn layer by layer: the first draws, scaled as each function says
RANDOM_321 = ([[17.886284734303185, 4.365098505119894, 0.9649746807200863],
               [-18.634927033644907, -2.7738820251439904, -3.5475897926898674]],
              [[-0.8274148148245977, -6.270006768238473]])
HE_241 = ([[1.7886284734303186, 0.43650985051198943], [0.09649746807200862, -1.8634927033644908],
           [-0.27738820251439905, -0.35475897926898675],
           [-0.08274148148245977, -0.6270006768238473]],
          [[-0.03098412442205686, -0.33744410537169206, -0.9290426766647434,
            0.6255224840406426]])
XAVIER_241 = ([[1.2647513225859208, 0.3086590753517539], [0.06823401404104966, -1.317688327240683],
               [-0.1961430790190789, -0.25085247992791837],
               [-0.05850706264166846, -0.44335643039069744]],
              [[-0.02190908448796412, -0.23860901517975133, -0.6569323766813411,
                0.4423111902497923]])


def normalize_inputs_test(normalize_inputs):
    func, inputs = "normalize_inputs", {"X_train": X_TRAIN, "X_test": X_TEST}
    x_train, x_test = X_TRAIN.copy(), X_TEST.copy()
    result = call(normalize_inputs, x_train, x_test)
    expect_unchanged(func, ("X_train", "X_test"), (X_TRAIN, X_TEST), (x_train, x_test))
    expect_type(func, "the result", result, tuple, inputs=inputs,
                hint="return X_train_norm, X_test_norm, mu, sigma2")
    if len(result) != 4:
        fail(func, "should return 4 values.", expected="(X_train_norm, X_test_norm, mu, sigma2)",
             actual=f"{len(result)} values")
    X_train_n, X_test_n, mu, sigma2 = result
    expect_float_array(func, "mu", mu, (2, 1), inputs=inputs,
                       hint="one mean per feature (row): np.mean(X_train, axis=1, keepdims=True)")
    expect_close(func, "mu", mu, MU, inputs=inputs)
    expect_float_array(func, "sigma2", sigma2, (2, 1), inputs=inputs)
    expect_close(func, "sigma2", sigma2, SIGMA2, inputs=inputs,
                 hint="sigma2 is the mean of the squared *centred* training values (1/m, not "
                      "1/(m-1)).")
    expect_float_array(func, "X_train_norm", X_train_n, (2, 4), inputs=inputs)
    expect_close(func, "X_train_norm", X_train_n, X_TRAIN_N, inputs=inputs,
                 hint="divide the centred data by sigma = np.sqrt(sigma2 + epsilon), not by "
                      "sigma2 (the notes' slip, see the callout).")
    expect_float_array(func, "X_test_norm", X_test_n, (2, 3), inputs=inputs)
    expect_close(func, "X_test_norm", X_test_n, X_TEST_N, inputs=inputs,
                 hint="normalise the test set with the *training* mu and sigma2: a test point "
                      "equal to the training mean must become 0.")
    passed()


def deep_linear_activations_test(deep_linear_activations):
    func = "deep_linear_activations"
    cases = ((np.array([[1.0], [1.0]]), 0.5, 3, [[0.5], [0.5]], [[0.125], [0.125]],
              "with x1 = x2 = 1 the activations are 1/2, 1/4, 1/8 (notes C2 §1.10)."),
             (np.array([[1.0], [-2.0]]), 0.5, 4, [[0.5], [-1.0]], [[0.0625], [-0.125]],
              "W^[l] = scale * np.eye(n), the identity: each unit keeps its own value."),
             (np.array([[1.0], [1.0]]), 1.5, 150, [[1.5], [1.5]], [[2.592321479487944e26]] * 2,
              "1.5 ** 150 = 2.59e26: the activations explode (notes C2 §1.10)."))
    for x, scale, L, first, last, hint in cases:
        inputs = {"x": x, "scale": scale, "L": L}
        before = snapshot(x)
        activations = call(deep_linear_activations, x, scale, L)
        expect_unchanged(func, ("x",), before, (x,))
        expect_type(func, "the result", activations, list, inputs=inputs,
                    hint="collect a^[1], ..., a^[L] in a list.")
        if len(activations) != L:
            fail(func, "should return one activation per layer.", expected=f"{L} arrays",
                 actual=f"{len(activations)} arrays", inputs=inputs,
                 hint="a^[1] is the first layer's output; do not include x = a^[0].")
        for layer, a in enumerate(activations, start=1):
            expect_float_array(func, f"a^[{layer}]", a, (2, 1), inputs=inputs)
        expect_close(func, "a^[1]", activations[0], first, rtol=1e-12, atol=0, inputs=inputs,
                     hint="a^[1] = W^[1] x with W^[1] = scale * I.")
        expect_close(func, f"a^[{L}]", activations[-1], last, rtol=1e-9, atol=0, inputs=inputs,
                     hint=hint)
    passed()


def _expect_parameters(func, parameters, layers_dims, expected, hint):
    """Keys W1, b1, ...; W^[l] (n^[l], n^[l-1]); b^[l] zeros (n^[l], 1); W values if given."""
    inputs = {"layers_dims": layers_dims}
    L = len(layers_dims) - 1
    keys = [f"{p}{l}" for l in range(1, L + 1) for p in "Wb"]
    expect_keys(func, "parameters", parameters, keys, inputs=inputs)
    if len(parameters) != len(keys):
        fail(func, "parameters has extra keys.", expected=f"keys {keys}",
             actual=f"keys {list(parameters)}", inputs=inputs)
    for l in range(1, L + 1):
        n_l, n_prev = layers_dims[l], layers_dims[l - 1]
        expect_float_array(func, f"W{l}", parameters[f"W{l}"], (n_l, n_prev), inputs=inputs,
                            hint=f"W^[l] has shape (n^[l], n^[l-1]) = ({n_l}, {n_prev}).")
        expect_float_array(func, f"b{l}", parameters[f"b{l}"], (n_l, 1), inputs=inputs,
                            hint="b^[l] is a column: np.zeros((n^[l], 1)), not np.zeros(n^[l]).")
        expect_close(func, f"b{l}", parameters[f"b{l}"], np.zeros((n_l, 1)), inputs=inputs,
                     hint="biases start at zero.")
        if expected is not None:
            expect_close(func, f"W{l}", parameters[f"W{l}"], expected[l - 1], inputs=inputs,
                         hint=hint)


def _initialization_test(func, initialize, cases, hint):
    """cases: (layers_dims, the weights W^[1], W^[2], ... the call must return)."""
    for dims, weights in cases:
        _expect_parameters(func, call(initialize, dims), dims, weights, hint=hint)
    passed()


def initialize_parameters_zeros_test(initialize_parameters_zeros):
    _initialization_test("initialize_parameters_zeros", initialize_parameters_zeros,
                         [(dims, [np.zeros((n, n_prev)) for n_prev, n in zip(dims, dims[1:])])
                          for dims in ([3, 2, 1], [4, 5, 3, 1])],
                         hint="every weight is 0.")


def initialize_parameters_random_test(initialize_parameters_random):
    _initialization_test("initialize_parameters_random", initialize_parameters_random,
                         [([3, 2, 1], RANDOM_321)],
                         hint="np.random.seed(3) once, then for each layer "
                              "np.random.randn(n^[l], n^[l-1]) * 10.")


def initialize_parameters_he_test(initialize_parameters_he):
    _initialization_test("initialize_parameters_he", initialize_parameters_he,
                         [([2, 4, 1], HE_241)],
                         hint="np.random.randn(n^[l], n^[l-1]) * np.sqrt(2 / n^[l-1]): the 2 of "
                              "ReLU, over the number of units feeding the layer, n^[l-1].")


def initialize_parameters_xavier_test(initialize_parameters_xavier):
    _initialization_test("initialize_parameters_xavier", initialize_parameters_xavier,
                         [([2, 4, 1], XAVIER_241)],
                         hint="np.random.randn(n^[l], n^[l-1]) * np.sqrt(1 / n^[l-1]).")


# The quiz: only the *form* of an answer is checked here; the key is the grader's.
QUIZ = quiz({1: (CHOICE, "abcd"), 2: (CHOICE, "abcd")})
q1_test, q2_test = quiz_checks(QUIZ)
