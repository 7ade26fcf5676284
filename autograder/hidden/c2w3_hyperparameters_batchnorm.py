"""Hidden tests for c2w3_hyperparameters_batchnorm: fresh random inputs against the references
in c2w3_batchnorm_reference, sampling statistics, centered-difference gradient checks of
batchnorm_backward against the learner's own batchnorm_forward, and the quiz's answer key.
Each test swaps the learner's other graded functions for references (a bug costs points once).
"""
import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_type, expect_unchanged, snapshot)
from shared_utils.checks._report import fail
from shared_utils.checks.c2w3_hyperparameters_batchnorm import QUIZ

from . import c2w3_batchnorm_reference as ref
from .harness import (centered_differences, expect_vectorised, isolated, learner_call, nn_calls,
                      quiz_tests, rng)

BN_SHAPES = ((3, 5), (1, 1), (6, 2), (4, 9), (2, 40))  # (n^[l], m)
GRAD_TOL = {"rtol": 1e-5, "atol": 1e-7}
# reference_<name> for every graded function, as in the other hidden modules
globals().update({f"reference_{name}": func for name, func in ref.REFERENCES.items()})


def _others(func):
    return isolated(func, **{k: v for k, v in ref.REFERENCES.items() if k != func.__name__})


def _seeds(name, k):
    return [int(s) for s in rng(f"{name}-seeds").integers(0, 2**31 - 1, k)]


def _own_code(func, *args, **kwargs):
    """learner_call, failing if the answer came from shared_utils.nn (DECISIONS §16)."""
    result, used = nn_calls(func, *args, **kwargs)
    if used:
        fail(func.__name__, "calls into shared_utils.nn; write it with numpy yourself.")
    return result


def _expect_samples(f, got, want, inputs, hint):
    expect_float_array(f, "the samples", got, want.shape, inputs=inputs)
    expect_close(f, "the samples", got, want, rtol=1e-9, atol=0, inputs=inputs, hint=hint)


def test_sample_log_uniform(sample_log_uniform):
    f = "sample_log_uniform"
    hint = "r = np.random.uniform(np.log10(low), np.log10(high), size); samples = 10 ** r."
    cases = ((1e-4, 1.0, 7), (1e-3, 1e-1, 13), (0.5, 2.0, 1), (1e-8, 1e-6, 20), (3.0, 300.0, 4))
    for (low, high, size), seed in zip(cases, _seeds(f, len(cases))):
        inputs = {"low": low, "high": high, "size": size, "seed": seed}
        got = learner_call(sample_log_uniform, low, high, size, seed)
        _expect_samples(f, got, ref.sample_log_uniform(low, high, size, seed), inputs, hint)
    got = learner_call(sample_log_uniform, 1e-4, 1.0, 20000, _seeds(f, 1)[0])
    shares = [np.mean((got >= 10.0 ** k) & (got < 10.0 ** (k + 1))) for k in range(-4, 0)]
    if min(shares) < 0.23 or max(shares) > 0.27:
        fail(f, "does not put about a quarter of the samples in each decade of [1e-4, 1].",
             actual=f"shares per decade {np.round(shares, 3).tolist()}", hint=hint)


def test_sample_beta(sample_beta):
    f, hint = "sample_beta", "r = np.random.uniform(np.log10(1 - high), np.log10(1 - low), " \
                             "size); beta = 1 - 10 ** r."
    cases = ((0.9, 0.999, 9), (0.5, 0.99, 5), (0.99, 0.9999, 12), (0.0, 0.9, 1))
    for (low, high, size), seed in zip(cases, _seeds(f, len(cases))):
        inputs = {"low": low, "high": high, "size": size, "seed": seed}
        got = learner_call(sample_beta, low, high, size, seed)
        _expect_samples(f, got, ref.sample_beta(low, high, size, seed), inputs, hint)
    seed = _seeds(f, 1)[0]
    got = learner_call(sample_beta, size=6, seed=seed)
    _expect_samples(f, got, ref.sample_beta(0.9, 0.999, 6, seed), {"size": 6, "seed": seed},
                    "the defaults are low=0.9, high=0.999.")
    got = learner_call(sample_beta, size=20000, seed=seed)
    if not 0.48 < np.mean(got < 0.99) < 0.52:
        fail(f, "should put half of its samples in [0.9, 0.99] and half in [0.99, 0.999].",
             actual=f"{100 * np.mean(got < 0.99):.1f} % below 0.99", hint=hint)


RANGE_SETS = ({"learning_rate": (1e-4, 1.0, "log")},
              {"learning_rate": (1e-3, 1e-1, "log"), "epsilon": (1e-8, 1e-6, "log")},
              {"units": (50, 100, "linear"), "beta": (0.8, 0.95, "linear"),
               "learning_rate": (1e-5, 1e-2, "log")})


def _expect_points(f, got, want, inputs):
    expect_keys(f, "points", got, list(want), inputs=inputs)
    if set(got) != set(want):
        fail(f, "points holds keys that are not hyperparameters.", expected=list(want),
             actual=list(got), inputs=inputs)
    for name, values in want.items():
        expect_float_array(f, f"points[{name!r}]", got[name], values.shape, inputs=inputs)
        expect_close(f, f"points[{name!r}]", got[name], values, rtol=1e-9, atol=0,
                     inputs=inputs)


def test_random_search_points(random_search_points):
    f = "random_search_points"
    with _others(random_search_points):
        for ranges, n, seed in zip(RANGE_SETS, (25, 1, 40), _seeds(f, 3)):
            inputs = {"n": n, "ranges": ranges, "seed": seed}
            before = snapshot(ranges)
            got = learner_call(random_search_points, n, ranges, seed)
            expect_unchanged(f, ("ranges",), before, (ranges,))
            _expect_points(f, got, ref.random_search_points(n, ranges, seed), inputs)
        got = learner_call(random_search_points, 25, RANGE_SETS[1], 0)
        if len(np.unique(got["learning_rate"])) != 25:
            fail(f, "25 random points should try 25 distinct learning rates.")


def test_grid_search_points(grid_search_points):
    f = "grid_search_points"
    with _others(grid_search_points):
        for ranges, per_axis in zip(RANGE_SETS, (7, 5, 3)):
            inputs = {"per_axis": per_axis, "ranges": ranges}
            before = snapshot(ranges)
            got = learner_call(grid_search_points, per_axis, ranges)
            expect_unchanged(f, ("ranges",), before, (ranges,))
            _expect_points(f, got, ref.grid_search_points(per_axis, ranges), inputs)
        got = learner_call(grid_search_points, 5, RANGE_SETS[1])
        if len(np.unique(got["learning_rate"])) != 5:
            fail(f, "a 5 x 5 grid should try exactly 5 distinct learning rates.")


def _bn_inputs(g, n, m):
    """Z (n, m) with rows of very different scales (one nearly constant), gamma, beta (n, 1)."""
    Z = g.normal(0, 1, (n, m)) * np.exp(g.uniform(-3, 2, (n, 1))) + g.normal(0, 3, (n, 1))
    Z[0] = 2.0 + 1e-3 * Z[0] / (np.std(Z[0]) + 1)  # variance ~1e-7, far below epsilon
    return Z, g.normal(1, 0.5, (n, 1)), g.normal(0, 1, (n, 1))


def test_batchnorm_forward(batchnorm_forward):
    with _others(batchnorm_forward):
        _test_batchnorm_forward(batchnorm_forward)


def _test_batchnorm_forward(batchnorm_forward):
    f, g = "batchnorm_forward", rng("batchnorm_forward")
    names = ("Z", "Z_norm", "mu", "var", "gamma", "beta", "epsilon")
    for (n, m), epsilon in zip(BN_SHAPES, (1e-5, 1e-5, 1e-3, 1e-5, 1e-8)):
        Z, gamma, beta = _bn_inputs(g, n, m)
        inputs = {"Z": Z, "gamma": gamma, "beta": beta, "epsilon": epsilon}
        before = snapshot(Z, gamma, beta)
        got = _own_code(batchnorm_forward, Z, gamma, beta, epsilon)
        expect_unchanged(f, ("Z", "gamma", "beta"), before, (Z, gamma, beta))
        want = ref.batchnorm_forward(Z, gamma, beta, epsilon)
        expect_type(f, "the result", got, tuple, inputs=inputs)
        if len(got) != 4 or not isinstance(got[1], tuple) or len(got[1]) != 7:
            fail(f, "should return Z_tilde, cache (7 items), mu, var.", inputs=inputs)
        for name, value, expected in zip(("Z_tilde", "mu", "var"), got[:1] + got[2:],
                                         want[:1] + want[2:]):
            expect_float_array(f, name, value, expected.shape, inputs=inputs)
            expect_close(f, name, value, expected, inputs=inputs)
        for k, name in enumerate(names):
            expect_close(f, f"cache[{k}] ({name})", got[1][k], want[1][k], inputs=inputs,
                         hint="cache = (Z, Z_norm, mu, var, gamma, beta, epsilon).")
        shifted = learner_call(batchnorm_forward, Z + g.normal(0, 5, (n, 1)), gamma, beta,
                               epsilon)[0]
        expect_close(f, "Z_tilde of Z + c (a constant per row)", shifted, want[0],
                     rtol=1e-5, atol=1e-6, inputs=inputs)
    Z, gamma, beta = _bn_inputs(g, 3, 4)
    got = learner_call(batchnorm_forward, Z, gamma, beta)
    expect_close(f, "Z_tilde with the default epsilon", got[0], ref.batchnorm_forward(
        Z, gamma, beta)[0], hint="the default epsilon is 1e-5 (DECISIONS §4).")
    small, large = _bn_inputs(g, 3, 4), _bn_inputs(g, 3, 256)
    expect_vectorised(batchnorm_forward, small, large, 4, 256)


def test_update_running_averages(update_running_averages):
    f, g = "update_running_averages", rng("update_running_averages")
    with _others(update_running_averages):
        for n, momentum in ((4, None), (1, 0.5), (7, 0.0), (3, 0.99)):
            args = tuple(g.normal(0, 1, (n, 1)) ** p for p in (1, 2, 1, 2))
            kwargs = {} if momentum is None else {"momentum": momentum}
            inputs = {"running_mu": args[0], "running_var": args[1], "mu": args[2],
                      "var": args[3], **kwargs}
            before = snapshot(*args)
            got = learner_call(update_running_averages, *args, **kwargs)
            expect_unchanged(f, ("running_mu", "running_var", "mu", "var"), before, args)
            want = ref.update_running_averages(*args, **kwargs)
            if not isinstance(got, tuple) or len(got) != 2:
                fail(f, "should return running_mu, running_var.", inputs=inputs)
            for name, value, expected in zip(("running_mu", "running_var"), got, want):
                expect_float_array(f, name, value, (n, 1), inputs=inputs)
                expect_close(f, name, value, expected, inputs=inputs)


def test_batchnorm_forward_test(batchnorm_forward_test):
    f, g = "batchnorm_forward_test", rng("batchnorm_forward_test")
    with _others(batchnorm_forward_test):
        for (n, m), epsilon in zip(BN_SHAPES, (1e-5, 1e-5, 1e-3, 1e-5, 1e-8)):
            Z, gamma, beta = _bn_inputs(g, n, m)
            running = g.normal(0, 2, (n, 1)), g.uniform(1e-4, 3, (n, 1))
            inputs = {"Z": Z, "gamma": gamma, "beta": beta, "running_mu": running[0],
                      "running_var": running[1], "epsilon": epsilon}
            before = snapshot(Z, *running)
            got = _own_code(batchnorm_forward_test, Z, gamma, beta, *running, epsilon)
            expect_unchanged(f, ("Z", "running_mu", "running_var"), before, (Z, *running))
            expect_float_array(f, "Z_tilde", got, (n, m), inputs=inputs)
            expect_close(f, "Z_tilde", got,
                         ref.batchnorm_forward_test(Z, gamma, beta, *running, epsilon),
                         inputs=inputs, hint="use running_mu and running_var, not the batch's "
                                             "statistics (notes C2 §3.7).")
        stats = (np.zeros((3, 1)), np.ones((3, 1)))
        small, large = _bn_inputs(g, 3, 4) + stats, _bn_inputs(g, 3, 256) + stats
        expect_vectorised(batchnorm_forward_test, small, large, 4, 256)


def _forward_for_gradcheck(own_forward, Z, gamma, beta):
    """The learner's forward if it is right on this input (the check is then against the
    learner's own cache); otherwise the reference, so a forward bug costs points only once."""
    want = ref.batchnorm_forward(Z, gamma, beta)
    try:
        got = learner_call(own_forward, Z.copy(), gamma.copy(), beta.copy())
        if np.allclose(got[0], want[0], rtol=1e-6, atol=1e-8) and len(got[1]) == 7:
            return own_forward
    except Exception:  # noqa: BLE001 -- a stub or a crash: fall back to the reference
        pass
    return ref.batchnorm_forward


def test_batchnorm_backward(batchnorm_backward, batchnorm_forward):
    with _others(batchnorm_backward):
        _test_batchnorm_backward(batchnorm_backward, batchnorm_forward)


def _test_batchnorm_backward(batchnorm_backward, own_forward):
    f, g = "batchnorm_backward", rng("batchnorm_backward")
    for n, m in BN_SHAPES:
        Z, gamma, beta = g.normal(0, 2, (n, m)), g.normal(1, 0.5, (n, 1)), g.normal(0, 1, (n, 1))
        dZ_tilde = g.normal(0, 1, (n, m))
        _, cache, _, _ = ref.batchnorm_forward(Z, gamma, beta)
        inputs = {"dZ_tilde": dZ_tilde, "Z": Z, "gamma": gamma}
        before = snapshot(dZ_tilde, *cache[:6])
        got = _own_code(batchnorm_backward, dZ_tilde, cache)
        expect_unchanged(f, ("dZ_tilde", "Z", "Z_norm", "mu", "var", "gamma", "beta"), before,
                         (dZ_tilde, *cache[:6]))
        if not isinstance(got, tuple) or len(got) != 3:
            fail(f, "should return dZ, dgamma, dbeta.", inputs=inputs)
        for name, value, want in zip(("dZ", "dgamma", "dbeta"), got,
                                     ref.batchnorm_backward(dZ_tilde, cache)):
            expect_float_array(f, name, value, want.shape, inputs=inputs)
            expect_close(f, name, value, want, rtol=1e-6, atol=1e-9, inputs=inputs)
        forward = _forward_for_gradcheck(own_forward, Z, gamma, beta)
        _, cache, _, _ = learner_call(forward, Z, gamma, beta)
        got = learner_call(batchnorm_backward, dZ_tilde, cache)
        numeric = centered_differences(
            lambda: np.sum(dZ_tilde * learner_call(forward, Z, gamma, beta)[0]), (Z, gamma, beta))
        for name, value, want in zip(("dZ", "dgamma", "dbeta"), got, numeric):
            expect_close(f, f"{name} (against centered differences of batchnorm_forward)",
                         value, want, **GRAD_TOL, inputs=inputs,
                         hint="dZ needs all three terms: m * dZ_tilde, minus dbeta, minus "
                              "Z_norm * dgamma.")
    small = (g.normal(size=(3, 4)), ref.batchnorm_forward(*_bn_inputs(g, 3, 4))[1])
    large = (g.normal(size=(3, 256)), ref.batchnorm_forward(*_bn_inputs(g, 3, 256))[1])
    expect_vectorised(batchnorm_backward, small, large, 4, 256)


# The quiz: question -> (answer, the notes' section to re-read)
KEY = {1: ("b", "C2 §3.1-3.2 (random points, and the exponent r sampled uniformly)"),
       2: ("a", "C2 §3.5 (what the mean subtraction does to b^[l]; the shapes of γ, β)"),
       3: ("c", "C2 §3.6 (batch norm's slight regularization effect)")}

test_q1, test_q2, test_q3 = quiz_tests(QUIZ, KEY)
