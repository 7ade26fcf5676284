"""Public checks for c2w1_regularization (notes C2 §1.1-1.8): train/dev/test sizes, the
bias/variance diagnosis, L2 regularization, inverted dropout and early stopping.

Expected numbers are the spec's verified cases (notes-course2 §6, T25 and T26) or were computed
once by an implementation independent of the notebook's; they are literals here. The small
networks are drawn from a seeded RandomState and rounded, so they read like hand-made examples.
"""
import numpy as np

from ._compare import (call, expect_close, expect_float_array, expect_keys, expect_scalar,
                       expect_shape, expect_type, expect_unchanged, snapshot)
from ._report import describe, fail, passed
from ._quiz import CHOICE, quiz, quiz_checks

__all__ = ["split_sizes_test", "diagnose_bias_variance_test", "basic_recipe_test",
           "compute_cost_with_regularization_test",
           "backward_propagation_with_regularization_test",
           "forward_propagation_with_dropout_test", "backward_propagation_with_dropout_test",
           "early_stopping_epoch_test", "QUIZ", "q1_test", "q2_test", "q3_test",
           "q4_test"]

GRADS = ("dW1", "db1", "dW2", "db2", "dW3", "db3")


def _problem(dims, m, seed):
    """X (dims[0], m) in [0, 1), 0/1 labels Y (1, m), W's and positive b's, all rounded."""
    rs = np.random.RandomState(seed)
    X = np.round(rs.rand(dims[0], m), 2)
    Y = (rs.rand(1, m) < 0.5).astype(np.int64)
    params = {}
    for l in range(1, len(dims)):
        params[f"W{l}"] = np.round(rs.randn(dims[l], dims[l - 1]), 2)
        params[f"b{l}"] = np.round(rs.rand(dims[l], 1) + 0.5, 2)
    return X, Y, params


def _plain_cache(X, p):
    """The cache of three_layer_net.forward_propagation (a given function, not an exercise)."""
    Z1 = p["W1"] @ X + p["b1"]
    A1 = np.maximum(0, Z1)
    Z2 = p["W2"] @ A1 + p["b2"]
    A2 = np.maximum(0, Z2)
    Z3 = p["W3"] @ A2 + p["b3"]
    A3 = 1 / (1 + np.exp(-Z3))
    return Z1, A1, p["W1"], p["b1"], Z2, A2, p["W2"], p["b2"], Z3, A3, p["W3"], p["b3"]


def _expect_pair(func, got, expected, inputs, hint):
    if tuple(got) != tuple(expected):
        fail(func, "gave the wrong answer.", expected=expected, actual=describe(got),
             inputs=inputs, hint=hint)


def split_sizes_test(split_sizes):
    for (m, dev, test), expected in (((1_000_000, 0.01, 0.01), (980_000, 10_000, 10_000)),
                                     ((100, 0.2, 0.2), (60, 20, 20)),
                                     ((100, 0.29, 0.29), (42, 29, 29))):
        inputs = {"m": m, "dev_frac": dev, "test_frac": test}
        got = call(split_sizes, m, dev, test)
        expect_type("split_sizes", "the result", got, tuple, inputs=inputs,
                    hint="return m_train, m_dev, m_test")
        if len(got) != 3 or not all(isinstance(n, (int, np.integer)) for n in got):
            fail("split_sizes", "should return three whole numbers.", inputs=inputs,
                 actual=describe(got), hint="int(round(...)) turns a float into a whole number.")
        _expect_pair("split_sizes", got, expected, inputs,
                     "100 * 0.29 is 28.999999999999996 in floating point: round it to the "
                     "nearest whole number instead of cutting it with int(); m_train is the rest.")
    passed()


def diagnose_bias_variance_test(diagnose_bias_variance):
    cases = (((0.01, 0.11), (False, True)), ((0.15, 0.16), (True, False)),
             ((0.15, 0.30), (True, True)), ((0.005, 0.01), (False, False)),
             ((0.15, 0.16, 0.15), (False, False)))  # the notes' cat classifier (T25)
    for args, expected in cases:
        inputs = dict(zip(("train_err", "dev_err", "bayes_err"), args))
        got = call(diagnose_bias_variance, *args)
        expect_type("diagnose_bias_variance", "the result", got, tuple, inputs=inputs,
                    hint="return high_bias, high_variance")
        if len(got) != 2 or not all(isinstance(f, (bool, np.bool_)) for f in got):
            fail("diagnose_bias_variance", "should return two booleans.", inputs=inputs,
                 actual=describe(got))
        _expect_pair("diagnose_bias_variance", got, expected, inputs,
                     "bias is measured from the Bayes error (train_err - bayes_err), variance is "
                     "the step from training to dev error (dev_err - train_err).")
    passed()


def basic_recipe_test(basic_recipe):
    bias = ["bigger network", "train longer", "better optimizer"]
    for flags, expected in (((True, False), bias), ((False, True), ["more data", "regularization"]),
                            ((True, True), bias + ["more data", "regularization"]),
                            ((False, False), [])):
        inputs = {"high_bias": flags[0], "high_variance": flags[1]}
        got = call(basic_recipe, *flags)
        expect_type("basic_recipe", "the result", got, list, inputs=inputs)
        if got != expected:
            fail("basic_recipe", "gave the wrong remedies.", expected=expected, actual=got,
                 inputs=inputs, hint="more data does not cure high bias (notes C2 §1.3); list "
                 "the bias remedies first, then the variance remedies.")
    passed()


def compute_cost_with_regularization_test(compute_cost_with_regularization):
    func = "compute_cost_with_regularization"
    A3 = np.array([[0.8, 0.6, 0.3, 0.1]])
    for dims, seed, lambd, expected in (([3, 3, 2, 1], 1, 0.1, 0.7854531507930318),
                                        ([3, 3, 2, 1], 1, 0.0, 0.6121919007930318),
                                        ([2, 3, 2, 2, 1], 2, 0.5, 1.71213865866919)):
        _, Y, params = _problem(dims, 4, seed)
        inputs = {"A3": A3, "Y": Y, "parameters": f"W1..W{len(dims) - 1} of {dims}",
                  "lambd": lambd}
        before = snapshot(A3, Y, params)
        cost = call(compute_cost_with_regularization, A3.copy(), Y.copy(), params, lambd)
        expect_scalar(func, "cost", cost, inputs=inputs)
        expect_close(func, "cost", cost, expected, inputs=inputs,
                     hint="cross-entropy + lambd / (2 * m) * (the sum of the squares of every "
                          "entry of every W). Sum over every key that starts with 'W', whatever "
                          "the number of layers; the b's are not regularized.")
        expect_unchanged(func, ("A3", "Y", "parameters"), before, (A3, Y, params))
    passed()


def _expect_grads(func, grads, expected, inputs, hint):
    expect_keys(func, "grads", grads, list(expected), inputs=inputs)
    for key, want in expected.items():
        want = np.array(want)
        expect_float_array(func, key, grads[key], want.shape, inputs=inputs, hint=hint)
        expect_close(func, key, grads[key], want, inputs=inputs, hint=hint)


def backward_propagation_with_regularization_test(backward_propagation_with_regularization):
    func = "backward_propagation_with_regularization"
    X, Y, params = _problem([3, 3, 2, 1], 4, 1)
    cache = _plain_cache(X, params)
    inputs = {"X": X, "Y": Y, "cache": "forward_propagation(X, parameters)[1]", "lambd": 0.7}
    before = snapshot(X, Y, *cache)
    grads = call(backward_propagation_with_regularization, X, Y, cache, 0.7)
    expected = {
        "dW1": [[0.25506354869850345, -0.36597647844812753, -0.06696334862955328],
                [-0.06630393185334187, 0.20021021257321428, -0.187574906548353],
                [-0.0271019206158315, -0.12077258235545771, 0.07351788501449155]],
        "db1": [[-0.03873575295808227], [0.017401362456375802], [0.23502129215063144]],
        "dW2": [[0.12224217386733968, -0.13204467332147124, 0.1950393390972035],
                [0.1613791299943642, 0.18897860253854964, 0.41281090402759746]],
        "db2": [[0.02515308633641707], [0.24238428651456442]],
        "dW3": [[-0.4161557900490223, -0.5628157930735128]],
        "db3": [[-0.22866442124015512]]}
    _expect_grads(func, grads, expected, inputs,
                  "each dW gets + (lambd / m) * W, the derivative of lambd / (2 m) * ||W||^2; "
                  "the db's stay as in plain backpropagation.")
    expect_unchanged(func, ("X", "Y", *(f"cache[{i}]" for i in range(12))), before,
                     (X, Y, *cache))
    passed()


def forward_propagation_with_dropout_test(forward_propagation_with_dropout):
    func = "forward_propagation_with_dropout"
    X, _, params = _problem([3, 4, 3, 1], 5, 5)
    hint = ("np.random.seed(seed) first; then D1 = np.random.rand(...) < keep_prob right after "
            "A1, D2 likewise after A2; A = A * D / keep_prob; no dropout on X or on A3.")
    for kwargs, A3_expected in (
            ({"keep_prob": 0.7}, [[0.7972062011637389, 0.1787336730710126, 0.010626905022231695,
                                   0.035843301059207244, 0.8033994062537508]]),
            ({"keep_prob": 0.7, "seed": 3}, [[0.671695542796033, 0.11352768543520303,
                                              0.010626905022231695, 0.04380633964918863,
                                              0.7045761701158746]]),
            ({"keep_prob": 1.0}, [[0.11888452878706743, 0.33995616873687046, 0.1373577792318864,
                                   0.24795312492179264, 0.19787105548742714]])):
        inputs = {"X": X, "parameters": "a [3, 4, 3, 1] network", **kwargs}
        before = snapshot(X, params)
        A3, cache = call(forward_propagation_with_dropout, X, params, **kwargs)
        expect_float_array(func, "A3", A3, (1, 5), inputs=inputs)
        expect_type(func, "cache", cache, tuple, inputs=inputs)
        if len(cache) != 14:
            fail(func, f"cache has {len(cache)} entries, expected 14.", inputs=inputs,
                 hint="(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)")
        expect_shape(func, "D1 (cache[1])", np.asarray(cache[1]), (4, 5), inputs=inputs)
        expect_shape(func, "D2 (cache[6])", np.asarray(cache[6]), (3, 5), inputs=inputs)
        if kwargs == {"keep_prob": 0.7}:
            expect_close(func, "D1 (cache[1])", np.asarray(cache[1], float),
                         [[1, 0, 1, 1, 1], [1, 1, 1, 1, 1], [1, 1, 1, 0, 1], [1, 1, 1, 1, 1]],
                         inputs=inputs, hint=hint)
            expect_close(func, "D2 (cache[6])", np.asarray(cache[6], float),
                         [[0, 0, 1, 1, 0], [0, 1, 1, 1, 0], [1, 1, 0, 1, 1]], inputs=inputs,
                         hint=hint)
        expect_close(func, "A3", A3, A3_expected, inputs=inputs, hint=hint)
        expect_unchanged(func, ("X", "parameters"), before, (X, params))
    passed()


def _dropout_cache():
    """A small dropout cache (keep_prob 0.8), written out: X (2, 4), layers of 3, 2 and 1."""
    Z1 = np.array([[0.9, -0.06, 0.34, 0.66], [0.3, 1.38, -0.82, 0.5], [0.25, 0.1, 1.35, 0.26]])
    D1 = np.array([[1, 1, 0, 1], [1, 1, 1, 0], [0, 1, 1, 1]])
    A1 = np.array([[1.125, 0.0, 0.0, 0.825], [0.375, 1.725, 0.0, 0.0], [0.0, 0.125, 1.6875, 0.325]])
    W1, b1 = np.array([[0.4, 0.6], [-0.8, 0.2], [0.3, -0.5]]), np.array([[0.1], [0.5], [0.6]])
    Z2 = np.array([[0.875, -0.255, 1.0438, 0.94], [-0.2375, 1.7025, 0.775, -0.265]])
    D2 = np.array([[1, 0, 1, 1], [1, 1, 0, 1]])
    A2 = np.array([[1.0938, 0.0, 1.3048, 1.175], [0.0, 2.1281, 0.0, 0.0]])
    W2, b2 = np.array([[0.7, -0.3, 0.5], [-0.6, 0.9, 0.4]]), np.array([[0.2], [0.1]])
    Z3, A3 = np.array([[1.0126, -2.2153, 1.2658, 1.11]]), np.array([[0.7335, 0.0984, 0.78, 0.7521]])
    W3, b3 = np.array([[1.2, -0.9]]), np.array([[-0.3]])
    return (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation_with_dropout_test(backward_propagation_with_dropout):
    func = "backward_propagation_with_dropout"
    X = np.array([[0.5, -1.0, 1.5, 0.2], [1.0, 0.4, -0.6, 0.8]])
    Y = np.array([[1, 0, 1, 0]])
    cache = _dropout_cache()
    inputs = {"X": X, "Y": Y, "cache": "a dropout cache with keep_prob 0.8", "keep_prob": 0.8}
    before = snapshot(X, Y, *cache)
    grads = call(backward_propagation_with_dropout, X, Y, cache, 0.8)
    expected = {
        "dA2": [[-0.39975, 0.0, -0.33, 1.12815], [0.2998125, -0.1107, 0.0, -0.8461125]],
        "dA1": [[-0.34978125, 0.083025, 0.0, 0.98713125], [0.14990625, -0.1245375, 0.12375, 0.0],
                [0.0, -0.05535, -0.20625, 0.70509375]],
        "dW1": [[0.00563390625, 0.1099809375], [0.04987265625, 0.0250228125],
                [-0.0282515625, 0.16642125]],
        "db1": [[0.1593375], [0.0063421875], [0.1108734375]],
        "dW2": [[0.12025125, -0.0374765625, -0.0475565625], [0.0, -0.047739375, -0.003459375]],
        "db2": [[0.0996], [-0.027675]],
        "dW3": [[0.07629095, 0.05235126]],
        "db3": [[0.091]]}
    _expect_grads(func, grads, expected, inputs,
                  "shut down the same units as in the forward pass (dA = dA * D) and scale the "
                  "same way (dA = dA / keep_prob), for dA2 and for dA1.")
    expect_unchanged(func, ("X", "Y", *(f"cache[{i}]" for i in range(14))), before,
                     (X, Y, *cache))
    passed()


def early_stopping_epoch_test(early_stopping_epoch):
    for costs, expected in (([0.9, 0.5, 0.3, 0.35, 0.6], 2), ([0.5, 0.2, 0.2, 0.4], 1),
                            ([3.0, 2.0, 1.0], 2), ([0.7], 0)):
        inputs = {"dev_costs": costs}
        got = call(early_stopping_epoch, list(costs))
        if not isinstance(got, (int, np.integer)) or isinstance(got, bool):
            fail("early_stopping_epoch", "should return a whole number, the index.",
                 actual=describe(got), inputs=inputs)
        if got != expected:
            fail("early_stopping_epoch", "returned the wrong index.", expected=expected,
                 actual=got, inputs=inputs,
                 hint="the index (from 0) of the smallest dev cost; on a tie the first one.")
    passed()


# The quiz: only the *form* of an answer is checked here; the key is the grader's.
QUIZ = quiz({1: (CHOICE, "abcd"), 2: (CHOICE, "abcd"), 3: (CHOICE, "abcd"), 4: (CHOICE, "abcd")})
q1_test, q2_test, q3_test, q4_test = quiz_checks(QUIZ)
