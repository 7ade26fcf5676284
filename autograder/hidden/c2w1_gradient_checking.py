"""Hidden tests for c2w1_gradient_checking: fresh random inputs against a reference.

The references live in c2w1_gradient_checking_reference (independent of the notebook, and for
networks of any depth, so the learner's checks also run on sizes the notebook never uses). Each
test swaps the learner's other graded functions and the provided helpers for references
(`_others`): a bug costs points once.
"""
import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_scalar, expect_type, expect_unchanged, snapshot)
from shared_utils.checks._report import describe, fail
from shared_utils.checks.c2w1_gradient_checking import QUIZ

from . import c2w1_gradient_checking_reference as ref
from .harness import isolated, learner_call, quiz_tests, random_parameters, rng


def _others(func, **swaps):
    """References for every graded function but `func` and for the provided helpers."""
    refs = {k: v for k, v in ref.REFERENCES.items() if k != func.__name__}
    return isolated(func, **{**refs, **swaps})


def _network(name, dims, m):
    g = rng(f"{name}-{dims}-{m}")
    X, Y = g.normal(size=(dims[0], m)), (g.random((1, m)) < 0.5).astype(float)
    return X, Y, random_parameters(g, dims, scale=1.2)


NETWORKS = (([4, 5, 3, 1], 3), ([3, 4, 1], 5), ([3, 4, 4, 3, 1], 4))
FUNCTIONS = ((np.sin, "np.sin"), (np.exp, "np.exp"), (lambda t: t ** 3 - 2 * t, "t**3 - 2t"))


def _test_difference(func, reference, ratio):
    g = rng(func.__name__)
    for f, label in FUNCTIONS:
        for theta, eps in ((g.uniform(-2, 2), 1e-2), (g.uniform(-2, 2), 1e-3),
                           (g.uniform(-2, 2, 3), 0.1)):
            inputs = {"f": label, "theta": theta, "epsilon": eps}
            value = learner_call(func, f, theta, eps)
            expect_close(func.__name__, "the estimate", value, reference(f, theta, eps),
                         rtol=1e-9, inputs=inputs)
    errors = [abs(learner_call(func, np.exp, 0.3, eps) - np.exp(0.3)) for eps in (1e-2, 5e-3)]
    if not ratio * 0.9 < errors[0] / errors[1] < ratio * 1.1:
        fail(func.__name__, "does not shrink its error as the notes say when epsilon is halved.",
             inputs={"f": "np.exp", "theta": 0.3, "epsilon": "1e-2, then 5e-3"},
             expected=f"the error about {ratio} times smaller", actual=describe(errors))


def test_one_sided_difference(one_sided_difference):
    _test_difference(one_sided_difference, ref.reference_one_sided_difference, 2)


def test_two_sided_difference(two_sided_difference):
    _test_difference(two_sided_difference, ref.reference_two_sided_difference, 4)


def test_forward_propagation(forward_propagation):
    g = rng("forward_propagation")
    for x, theta in ((3, -2), *g.uniform(-5, 5, (5, 2))):
        value = learner_call(forward_propagation, x, theta)
        expect_scalar("forward_propagation", "J", value, inputs={"x": x, "theta": theta})
        expect_close("forward_propagation", "J", value, x * theta, inputs={"x": x, "theta": theta})


def test_backward_propagation(backward_propagation):
    g = rng("backward_propagation")
    for x, theta in ((3, -2), *g.uniform(-5, 5, (5, 2))):
        value = learner_call(backward_propagation, x, theta)
        expect_scalar("backward_propagation", "dtheta", value, inputs={"x": x, "theta": theta})
        numeric = ref.reference_two_sided_difference(lambda t: x * t, theta, 1e-6)
        expect_close("backward_propagation", "dtheta (against a numerical derivative of J)",
                     value, numeric, rtol=1e-6, atol=1e-8, inputs={"x": x, "theta": theta})


def test_interpret_difference(interpret_difference):
    cases = ((0.0, "great"), (1e-12, "great"), (1.99e-7, "great"), (2e-7, "check"),
             (1e-5, "check"), (9.99e-4, "check"), (1e-3, "bug"), (np.float64(0.3), "bug"),
             (1.0, "bug"))
    for d, verdict in cases:
        value = learner_call(interpret_difference, d)
        expect_type("interpret_difference", "the verdict", value, str, inputs={"difference": d})
        if value != verdict:
            fail("interpret_difference", "gave the wrong verdict.", inputs={"difference": d},
                 expected=repr(verdict), actual=describe(value),
                 hint='difference < 2e-7: "great"; 2e-7 <= difference < 1e-3: "check"; '
                      'difference >= 1e-3: "bug".')


def test_gradient_check(gradient_check):
    g = rng("gradient_check")
    with _others(gradient_check):
        for x, theta in g.uniform(-4, 4, (4, 2)):
            d = learner_call(gradient_check, x, theta)
            expect_scalar("gradient_check", "difference", d, inputs={"x": x, "theta": theta})
            if not 0 <= d < 2e-7:
                fail("gradient_check", "flags a correct backward pass.", expected="below 2e-7",
                     actual=describe(d), inputs={"x": x, "theta": theta})
    models = ((lambda x, t: x * t ** 3, lambda x, t: 3 * x * t ** 2, "J = x theta^3", 1e-2),
              (lambda x, t: x * t ** 3, lambda x, t: 3 * x * t ** 2, "J = x theta^3", 1e-3),
              (lambda x, t: x * t, lambda x, t: 2 * x, "a backward pass that doubles x", 1e-7),
              (lambda x, t: x * t, lambda x, t: x + t, "a backward pass returning x + theta",
               1e-7))
    for J, dJ, label, eps in models:
        x, theta = g.uniform(0.5, 3, 2) * g.choice([-1, 1], 2)
        inputs = {"x": x, "theta": theta, "epsilon": eps, "model": label}
        with _others(gradient_check, forward_propagation=J, backward_propagation=dJ):
            d = learner_call(gradient_check, x, theta, eps)
        gradapprox = (J(x, theta + eps) - J(x, theta - eps)) / (2 * eps)
        expect_close("gradient_check", "difference", d, ref.relative(dJ(x, theta), gradapprox),
                     rtol=1e-4, atol=1e-15, inputs=inputs,
                     hint="two-sided: (J_plus - J_minus) / (2 * epsilon); grad from "
                          "backward_propagation; norm(grad - gradapprox) / (norm(grad) + "
                          "norm(gradapprox)).")


def _expect_n(func, args, expected, inputs, rtol=1e-5):
    d = learner_call(func, *args)
    expect_scalar(func.__name__, "difference", d, inputs=inputs)
    expect_close(func.__name__, "difference", d, expected, rtol=rtol, atol=1e-12, inputs=inputs)


def test_gradient_check_n(gradient_check_n):
    for dims, m in NETWORKS:
        X, Y, parameters = _network("gradient_check_n", dims, m)
        grads = ref.reference_backward_n(X, Y, ref.reference_forward_n(X, Y, parameters)[1])
        inputs = {"layer sizes": dims, "m": m, "gradients": "correct"}
        before = snapshot(parameters, grads)
        with _others(gradient_check_n):
            d = learner_call(gradient_check_n, parameters, grads, X, Y)
            expect_unchanged("gradient_check_n", ("parameters", "gradients"), before,
                             (parameters, grads))
            if not 0 <= d < 2e-7:
                fail("gradient_check_n", "flags correct gradients.", expected="below 2e-7",
                     actual=describe(d), inputs=inputs)
            args = (parameters, grads, X, Y, 1e-3)
            _expect_n(gradient_check_n, args, ref.reference_gradient_check_n(
                ref.reference_forward_n, *args), {**inputs, "epsilon": 1e-3}, rtol=1e-4)
            L = len(dims) - 1
            bad = {**grads, "dW1": -grads["dW1"], f"db{L}": 3 * grads[f"db{L}"]}
            _expect_n(gradient_check_n, (parameters, bad, X, Y), ref.reference_gradient_check_n(
                ref.reference_forward_n, parameters, bad, X, Y), {**inputs, "gradients": "buggy"})
    X, Y, parameters = _network("gradient_check_n-l2", [4, 5, 3, 1], 5)
    l2 = lambda X, Y, p: ref.reference_forward_n(X, Y, p, 0.7)  # noqa: E731
    cache = ref.reference_forward_n(X, Y, parameters)[1]
    inputs = {"cost": "with an L2 term (lambd = 0.7)", "gradients": "with the L2 term"}
    with _others(gradient_check_n, forward_propagation_n=l2):
        d = learner_call(gradient_check_n, parameters, ref.reference_backward_n(X, Y, cache, 0.7),
                         X, Y)
        if not 0 <= d < 2e-7:
            fail("gradient_check_n", "flags correct gradients.", expected="below 2e-7",
                 actual=describe(d), inputs=inputs)
        grads = ref.reference_backward_n(X, Y, cache)
        _expect_n(gradient_check_n, (parameters, grads, X, Y), ref.reference_gradient_check_n(
            l2, parameters, grads, X, Y), {**inputs, "gradients": "without the L2 term"})


def test_locate_bugs(locate_bugs):
    for dims, m in NETWORKS:
        X, Y, parameters = _network("locate_bugs", dims, m)
        cache = ref.reference_forward_n(X, Y, parameters)[1]
        grads = ref.reference_backward_n(X, Y, cache)
        L, g = len(dims) - 1, rng(f"locate_bugs-{dims}")
        wrong_dZ = list(cache)
        wrong_dZ[-3] = 0.5 * (cache[-3] - Y) + Y  # a bug in dZ^[L] spreads to every layer
        zeroed = str(g.choice(ref.order(L, "d")))
        cases = {"correct": grads, "one block scaled": {**grads, "dW2": 1.5 * grads["dW2"]},
                 "a bias sign flipped": {**grads, f"db{L}": -grads[f"db{L}"]},
                 "a bug in dZ^[L]": ref.reference_backward_n(X, Y, tuple(wrong_dZ)),
                 f"{zeroed} zeroed": {**grads, zeroed: np.zeros_like(grads[zeroed])}}
        for label, gradients in cases.items():
            inputs = {"layer sizes": dims, "m": m, "gradients": label}
            before = snapshot(parameters, gradients)
            with _others(locate_bugs):
                result = learner_call(locate_bugs, parameters, gradients, X, Y)
            expect_unchanged("locate_bugs", ("parameters", "gradients"), before,
                             (parameters, gradients))
            suspects, diffs = ref.reference_locate_bugs(ref.reference_forward_n, parameters,
                                                        gradients, X, Y)
            expect_type("locate_bugs", "the result", result, tuple, inputs=inputs)
            expect_keys("locate_bugs", "differences", result[1], list(diffs), inputs=inputs)
            for k, d in diffs.items():
                expect_close("locate_bugs", f"differences['{k}']", result[1][k], d, rtol=1e-4,
                             atol=1e-7, inputs=inputs)
            if list(result[0]) != suspects:
                fail("locate_bugs", "named the wrong suspects.", inputs=inputs,
                     expected=repr(suspects), actual=describe(result[0]))


def test_backward_propagation_n_fixed(backward_propagation_n_fixed):
    for dims, m in (([4, 5, 3, 1], 3), ([3, 2, 4, 1], 7), ([5, 6, 6, 1], 1)):
        X, Y, parameters = _network("backward_fixed", dims, m)
        cache = ref.reference_forward_n(X, Y, parameters)[1]
        inputs = {"layer sizes": dims, "m": m}
        before = snapshot(X, Y, dict(enumerate(cache)))
        with _others(backward_propagation_n_fixed):
            grads = learner_call(backward_propagation_n_fixed, X, Y, cache)
        expect_unchanged("backward_propagation_n_fixed", ("X", "Y", "cache"), before,
                         (X, Y, dict(enumerate(cache))))
        expected = ref.reference_backward_n(X, Y, cache)
        numeric = ref.numeric_blocks(ref.reference_forward_n, parameters, X, Y, 1e-6)
        expect_keys("backward_propagation_n_fixed", "gradients", grads, list(expected))
        for k, value in expected.items():
            expect_float_array("backward_propagation_n_fixed", k, grads[k], value.shape,
                               inputs=inputs)
            expect_close("backward_propagation_n_fixed", k, grads[k], value, inputs=inputs)
            expect_close("backward_propagation_n_fixed", f"{k} (against a numerical derivative)",
                         grads[k], numeric[k[1:]], rtol=1e-5, atol=1e-7, inputs=inputs)


# ---------------------------------------------------------------- quiz: the answer key
KEY = {1: ("c", "C2 §1.12 (the θ³ example and the size of the two errors)"),
       2: ("b", "C2 §1.13 (the three thresholds for ε = 1e-7)"),
       3: ("abdf", "C2 §1.14 (the implementation notes)")}

test_q1, test_q2, test_q3 = quiz_tests(QUIZ, KEY)
