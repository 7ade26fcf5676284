"""Public checks for c2w3_hyperparameters_batchnorm (notes C2 §3.1-3.7).

Expected numbers are literals: the spec's verified values (T18, T19, T22, T23 of notes-course2
§6) or values computed once by an independent throwaway script. One of the graded functions is
itself called `batchnorm_forward_test`, so its check is `batchnorm_forward_test_test`, and the
notebook imports the check of `batchnorm_forward` under the name `batchnorm_forward_check`.
"""
import numpy as np

from ._compare import (call, expect_close, expect_float_array, expect_keys, expect_type,
                       expect_unchanged, snapshot)
from ._report import describe, fail, passed
from ._quiz import CHOICE, quiz, quiz_checks

__all__ = ["sample_log_uniform_test", "sample_beta_test", "random_search_points_test",
           "grid_search_points_test", "batchnorm_forward_test", "update_running_averages_test",
           "batchnorm_forward_test_test", "batchnorm_backward_test", "QUIZ",
           "q1_test", "q2_test", "q3_test"]

EPS = 1e-5  # DECISIONS §4: batch norm's epsilon
RANGES = {"learning_rate": (1e-4, 1.0, "log"), "hidden_units": (50, 100, "linear")}


def sample_log_uniform_test(sample_log_uniform):
    f, hint = "sample_log_uniform", ("np.random.seed(seed) is done for you; then "
                                     "r = np.random.uniform(np.log10(low), np.log10(high), size) "
                                     "and 10 ** r.")
    samples = call(sample_log_uniform, 1e-4, 1.0, 10000, 0)
    expect_float_array(f, "samples", samples, (10000,), hint="return a rank-1 array of `size` "
                       "values.", inputs={"low": 1e-4, "high": 1.0, "size": 10000, "seed": 0})
    top = float(np.mean(samples >= 0.1))
    if samples.min() < 1e-4 or samples.max() > 1.0 or not 0.22 < top < 0.28:
        fail(f, "does not spread 10000 samples evenly over the four decades of [1e-4, 1].",
             expected="all samples in [1e-4, 1] and about 25 % of them in [0.1, 1] (T22)",
             actual=f"{100 * top:.1f} % in [0.1, 1], range [{samples.min():.3g}, "
                    f"{samples.max():.3g}]",
             hint="about 90 % in [0.1, 1] means you sampled alpha uniformly; sample the "
                  "exponent r uniformly instead (notes C2 §3.2).")
    for args, expected in (
            ((1e-4, 1.0, 5, 1), [0.00465680463791956, 0.07608481233714792, 0.0001001053986051,
                                 0.00161931109124407, 0.00038638794051587]),
            ((1e-3, 1e-1, 3, 2), [0.00744714490408307, 0.00112681459534195,
                                  0.01256970125086708])):
        inputs = dict(zip(("low", "high", "size", "seed"), args))
        samples = call(sample_log_uniform, *args)
        expect_float_array(f, "samples", samples, (args[2],), inputs=inputs,
                           hint="return a rank-1 array of `size` values.")
        expect_close(f, "samples", samples, expected, inputs=inputs, hint=hint)
    passed()


def sample_beta_test(sample_beta):
    f = "sample_beta"
    beta = call(sample_beta, size=10000, seed=0)
    expect_float_array(f, "beta", beta, (10000,), inputs={"size": 10000, "seed": 0},
                       hint="return a rank-1 array of `size` values.")
    half = float(np.mean(beta < 0.99))
    if beta.min() < 0.9 or beta.max() > 0.999 or not 0.46 < half < 0.54:
        fail(f, "does not spread 10000 samples evenly between 0.9...0.99 and 0.99...0.999.",
             expected="all in [0.9, 0.999], about 50 % below 0.99 (T23)",
             actual=f"{100 * half:.1f} % below 0.99, range [{beta.min():.4g}, {beta.max():.4g}]",
             hint="values between 0.001 and 0.1 mean you returned 10 ** r: 1 - beta = 10 ** r.")
    beta = call(sample_beta, size=4, seed=1)
    inputs = {"low": 0.9, "high": 0.999, "size": 4, "seed": 1}
    expect_float_array(f, "beta", beta, (4,), inputs=inputs)
    expect_close(f, "beta", beta, [0.9931759215729011, 0.9724165244508333, 0.9989994731457622,
                                   0.9959759335352854], inputs=inputs,
                 hint="r = np.random.uniform(np.log10(1 - high), np.log10(1 - low), size), "
                      "then beta = 1 - 10 ** r (notes C2 §3.2).")
    beta = call(sample_beta, 0.5, 0.99, 3, 5)
    expect_close(f, "beta", beta, [0.9761680412308955, 0.6984578201658918, 0.9775503463973187],
                 inputs={"low": 0.5, "high": 0.99, "size": 3, "seed": 5},
                 hint="use low and high: r runs from log10(1 - high) to log10(1 - low).")
    passed()


def _points(f, points, ranges, n, inputs):
    expect_keys(f, "points", points, list(ranges), inputs=inputs,
                hint="one key per hyperparameter, the names of `ranges`.")
    for name in ranges:
        expect_float_array(f, f"points[{name!r}]", points[name], (n,), inputs=inputs,
                           hint="each hyperparameter gets a rank-1 array with one value per point.")


def random_search_points_test(random_search_points):
    f, inputs = "random_search_points", {"n": 25, "ranges": RANGES, "seed": 3}
    before = snapshot(RANGES)
    points = call(random_search_points, 25, RANGES, 3)
    expect_unchanged(f, ("ranges",), before, (RANGES,))
    _points(f, points, RANGES, 25, inputs)
    expect_close(f, "points['learning_rate'][:3]", points["learning_rate"][:3],
                 [0.01596583402894029, 0.06801289958688554, 0.00145753487689474], inputs=inputs,
                 hint="seed once, then one np.random.uniform(a, b, n) per hyperparameter in the "
                      "order of `ranges`; a 'log' one uses a, b = log10(low), log10(high).")
    expect_close(f, "points['hidden_units'][:3]", points["hidden_units"][:3],
                 [89.01573822556836, 65.31817661880899, 61.09789419660907], inputs=inputs,
                 hint="a 'linear' hyperparameter is np.random.uniform(low, high, n); do not "
                      "re-seed between hyperparameters.")
    distinct = len(np.unique(points["learning_rate"]))
    if distinct != 25:
        fail(f, "25 random points should try 25 different learning rates (notes C2 §3.1).",
             expected="25 distinct values", actual=f"{distinct}", inputs=inputs)
    passed()


def grid_search_points_test(grid_search_points):
    f, inputs = "grid_search_points", {"per_axis": 5, "ranges": RANGES}
    before = snapshot(RANGES)
    points = call(grid_search_points, 5, RANGES)
    expect_unchanged(f, ("ranges",), before, (RANGES,))
    _points(f, points, RANGES, 25, inputs)
    expect_close(f, "points['learning_rate']", points["learning_rate"],
                 np.repeat([1e-4, 1e-3, 1e-2, 1e-1, 1.0], 5), inputs=inputs,
                 hint="a 'log' axis is evenly spaced in the exponent: np.logspace(np.log10(low), "
                      "np.log10(high), per_axis); the first hyperparameter changes slowest.")
    expect_close(f, "points['hidden_units']", points["hidden_units"],
                 np.tile([50.0, 62.5, 75.0, 87.5, 100.0], 5), inputs=inputs,
                 hint="a 'linear' axis is np.linspace(low, high, per_axis); the last "
                      "hyperparameter changes fastest (np.meshgrid(..., indexing='ij')).")
    one = {"beta": (0.9, 0.99, "linear")}
    points = call(grid_search_points, 4, one)
    _points(f, points, one, 4, {"per_axis": 4, "ranges": one})
    expect_close(f, "points['beta']", points["beta"], [0.9, 0.93, 0.96, 0.99],
                 inputs={"per_axis": 4, "ranges": one})
    passed()


# A (3, 4) batch: n^[l] = 3 units, m = 4 examples. Row 3 is nearly constant (variance 5e-7).
Z = np.array([[1., 2., 3., 6.], [-1., 0.5, 2., 0.], [5., 5.001, 4.999, 5.]])
GAMMA, BETA = np.array([[1.], [2.], [0.5]]), np.array([[0.], [-1.], [3.]])
MU, VAR = np.array([[3.], [0.375], [5.]]), np.array([[3.5], [1.171875], [5.000000000003339e-07]])
Z_TILDE = np.array([[-1.0690434404458735, -0.5345217202229368, 0., 1.6035651606688102],
                    [-3.5403303457146675, -0.7690608776623029, 2.0022085903900617,
                     -1.6928173670130913],
                    [3., 3.154303349962141, 2.845696650037859, 3.]])


def batchnorm_forward_test(batchnorm_forward):
    f, inputs = "batchnorm_forward", {"Z": Z, "gamma": GAMMA, "beta": BETA}
    args = (Z.copy(), GAMMA.copy(), BETA.copy())
    before = snapshot(*args)
    out = call(batchnorm_forward, *args)
    expect_type(f, "the result", out, tuple, inputs=inputs, hint="return Z_tilde, cache, mu, var")
    if len(out) != 4:
        fail(f, "should return the four values Z_tilde, cache, mu, var.", inputs=inputs)
    Z_tilde, cache, mu, var = out
    axis_hint = "average over the examples: np.mean(Z, axis=1, keepdims=True) gives (n^[l], 1)."
    expect_float_array(f, "mu", mu, (3, 1), inputs=inputs, hint=axis_hint)
    expect_float_array(f, "var", var, (3, 1), inputs=inputs, hint=axis_hint)
    expect_close(f, "mu", mu, MU, inputs=inputs, hint=axis_hint)
    expect_close(f, "var", var, VAR, inputs=inputs,
                 hint="the variance divides by m (np.var's default ddof=0), not by m - 1.")
    expect_float_array(f, "Z_tilde", Z_tilde, (3, 4), inputs=inputs)
    expect_close(f, "Z_tilde", Z_tilde, Z_TILDE, inputs=inputs,
                 hint="Z_norm = (Z - mu) / np.sqrt(var + epsilon) (epsilon inside the root), "
                      "then Z_tilde = gamma * Z_norm + beta.")
    expect_unchanged(f, ("Z", "gamma", "beta"), before, args)
    _expect_cache(f, cache, inputs)
    # T18: gamma = sqrt(var + eps), beta = mu gives back Z; T19: a constant per row cancels.
    same = call(batchnorm_forward, Z.copy(), np.sqrt(VAR + EPS), MU.copy())[0]
    expect_close(f, "Z_tilde with gamma = sqrt(var + eps) and beta = mu", same, Z,
                 inputs={"Z": Z}, hint="with these gamma and beta batch norm is the identity "
                                       "(notes C2 §3.4); check which of gamma and beta scales.")
    shifted = call(batchnorm_forward, Z + np.array([[10.], [-3.], [0.5]]), GAMMA, BETA)[0]
    expect_close(f, "Z_tilde of Z + c (a constant c per row)", shifted, Z_TILDE,
                 hint="adding a bias b^[l] to z^[l] must not change Z_tilde (notes C2 §3.5).")
    passed()


def _expect_cache(f, cache, inputs):
    hint = "cache = (Z, Z_norm, mu, var, gamma, beta, epsilon), in this order."
    expect_type(f, "cache", cache, tuple, inputs=inputs, hint=hint)
    if len(cache) != 7:
        fail(f, "cache should hold 7 items.", expected=hint, actual=f"{len(cache)} items",
             inputs=inputs, hint=hint)
    z_norm = (Z_TILDE - BETA) / GAMMA
    for k, (name, want) in enumerate((("Z", Z), ("Z_norm", z_norm), ("mu", MU), ("var", VAR),
                                      ("gamma", GAMMA), ("beta", BETA))):
        expect_close(f, f"cache[{k}] ({name})", cache[k], want, inputs=inputs, hint=hint)
    expect_close(f, "cache[6] (epsilon)", cache[6], EPS, inputs=inputs, hint=hint)


def update_running_averages_test(update_running_averages):
    f, hint = "update_running_averages", ("running = momentum * running + (1 - momentum) * new: "
                                          "the old average keeps the weight momentum = 0.9.")
    args = (np.array([[0.], [1.]]), np.array([[1.], [1.]]), np.array([[2.], [3.]]),
            np.array([[4.], [0.5]]))
    inputs = dict(zip(("running_mu", "running_var", "mu", "var"), args))
    before = snapshot(*args)
    out = call(update_running_averages, *args)
    expect_unchanged(f, tuple(inputs), before, args)
    if not isinstance(out, tuple) or len(out) != 2:
        fail(f, "should return the two values running_mu, running_var.", inputs=inputs)
    for name, value, want in zip(("running_mu", "running_var"), out,
                                 ([[0.2], [1.2]], [[1.3], [0.95]])):
        expect_float_array(f, name, value, (2, 1), inputs=inputs)
        expect_close(f, name, value, want, inputs=inputs, hint=hint)
    out = call(update_running_averages, *args, momentum=0.5)
    expect_close(f, "running_mu (momentum = 0.5)", out[0], [[1.0], [2.0]],
                 inputs={**inputs, "momentum": 0.5}, hint="use the momentum argument.")
    passed()


def batchnorm_forward_test_test(batchnorm_forward_test):
    f = "batchnorm_forward_test"
    gamma, beta = np.array([[2.], [1.]]), np.array([[0.5], [-1.]])
    running_mu, running_var = np.array([[1.], [-2.]]), np.array([[4.], [0.25]])
    for Zx, want in ((np.array([[3.], [0.]]), [[2.4999975000046875], [2.9999200023999197]]),
                     (np.array([[0., 1., 5.], [2., -2., 0.5]]),
                      [[-0.49999875000234373, 0.5, 4.499995000009375],
                       [6.9998400047998395, -1., 3.9999000029998992]])):
        inputs = {"Z": Zx, "gamma": gamma, "beta": beta, "running_mu": running_mu,
                  "running_var": running_var}
        args = (Zx.copy(), gamma.copy(), beta.copy(), running_mu.copy(), running_var.copy())
        before = snapshot(*args)
        Z_tilde = call(batchnorm_forward_test, *args)
        expect_unchanged(f, tuple(inputs), before, args)
        expect_float_array(f, "Z_tilde", Z_tilde, Zx.shape, inputs=inputs)
        expect_close(f, "Z_tilde", Z_tilde, want, inputs=inputs,
                     hint="at test time normalise with running_mu and running_var, never with "
                          "the batch's own mean and variance (notes C2 §3.7); with one example "
                          "those would make every Z_tilde equal to beta. Then "
                          "Z_tilde = gamma * Z_norm + beta.")
    passed()


# The cache of batchnorm_forward for Z = [[1, 3, 5, 7], [2, -1, 0, 3]] (mu = [4, 1],
# var = [5, 2.5]) with gamma = [1.5, -0.5], beta = [0.2, 0.1], epsilon = 1e-5.
Z_B = np.array([[1., 3., 5., 7.], [2., -1., 0., 3.]])
CACHE = (Z_B, np.array([[-1.3416394448610998, -0.4472131482870333, 0.4472131482870333,
                         1.3416394448610998],
                        [0.6324542671264065, -1.264908534252813, -0.6324542671264065,
                         1.264908534252813]]),
         np.array([[4.], [1.]]), np.array([[5.], [2.5]]), np.array([[1.5], [-0.5]]),
         np.array([[0.2], [0.1]]), EPS)
DZ_TILDE = np.array([[0.5, -1., 2., 0.25], [1., 1., -0.5, 0.]])
DZ = np.array([[0.2683274361698129, -0.8888362831546143, 0.972688748458433, -0.3521799014736317],
               [-0.21345325190998846, -0.16601937161102917, 0.2925100353007893,
                0.08696258822022836]])


def batchnorm_backward_test(batchnorm_backward):
    f, inputs = "batchnorm_backward", {"dZ_tilde": DZ_TILDE, "cache": "(Z, Z_norm, ...) above"}
    dZ_tilde, cache = DZ_TILDE.copy(), tuple(np.copy(c) for c in CACHE[:6]) + (EPS,)
    before = snapshot(dZ_tilde, *cache[:6])
    out = call(batchnorm_backward, dZ_tilde, cache)
    if not isinstance(out, tuple) or len(out) != 3:
        fail(f, "should return the three values dZ, dgamma, dbeta.", actual=describe(out))
    dZ, dgamma, dbeta = out
    for name, value, want, hint in (
            ("dbeta", dbeta, [[1.75], [1.5]], "dbeta = np.sum(dZ_tilde, axis=1, keepdims=True)"),
            ("dgamma", dgamma, [[1.0062295836458248], [-0.31622713356320326]],
             "dgamma = np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True)"),
            ("dZ", dZ, DZ, "dZ = gamma / np.sqrt(var + epsilon) / m * (m * dZ_tilde - dbeta - "
                           "Z_norm * dgamma): all three terms matter.")):
        expect_float_array(f, name, value, np.shape(want), inputs=inputs, hint=hint)
        expect_close(f, name, value, want, inputs=inputs, hint=hint)
    expect_unchanged(f, ("dZ_tilde", "Z", "Z_norm", "mu", "var", "gamma", "beta"), before,
                     (dZ_tilde, *cache[:6]))
    passed()


# The quiz: the form of each answer. Whether an answer is right is not checked here.
QUIZ = quiz({1: (CHOICE, "abcd"), 2: (CHOICE, "abcd"), 3: (CHOICE, "abcd")})
q1_test, q2_test, q3_test = quiz_checks(QUIZ)
