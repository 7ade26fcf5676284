"""Hidden tests for c2w1_regularization: fresh random inputs against the references of
c2w1_regularization_reference, centered-difference gradient checks for both backward functions,
and the quiz's answer key. Each test swaps the learner's other graded functions and the given
helpers of three_layer_net for references (`_others`), so a bug costs points once."""
import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_scalar, expect_type, expect_unchanged,
                                          snapshot)
from shared_utils.checks._report import describe, fail
from shared_utils.checks.c2w1_regularization import QUIZ

from . import c2w1_regularization_reference as ref
from .c2w1_regularization_reference import (  # reference_<name>: for the generic cross-check
    backward_propagation_with_dropout as reference_backward_propagation_with_dropout,
    backward_propagation_with_regularization as reference_backward_propagation_with_regularization,
    basic_recipe as reference_basic_recipe,
    compute_cost_with_regularization as reference_compute_cost_with_regularization,
    diagnose_bias_variance as reference_diagnose_bias_variance,
    early_stopping_epoch as reference_early_stopping_epoch,
    forward_propagation_with_dropout as reference_forward_propagation_with_dropout,
    split_sizes as reference_split_sizes)
from .harness import (centered_differences, expect_vectorised, isolated, learner_call,
                      quiz_tests, random_parameters, rng)

GRAD_TOL = {"rtol": 1e-5, "atol": 1e-7}
PARAM_KEYS = ("dW1", "db1", "dW2", "db2", "dW3", "db3")


def _others(func):
    swaps = {**ref.HELPERS, **{k: v for k, v in ref.GRADED.items() if k != func.__name__}}
    return isolated(func, **swaps)


def _net(name, dims, m, kink=1e-3):
    """X (dims[0], m), 0/1 labels Y (1, m) and parameters whose hidden Z's all keep |Z| > kink
    (away from ReLU's kink, so centered differences are exact there)."""
    g = rng(f"{name}-{dims}-{m}")
    while True:
        X, params = g.normal(0, 1, (dims[0], m)), random_parameters(g, dims)
        _, cache = ref.forward(X, params) if len(dims) == 4 else (None, None)
        if len(dims) != 4 or min(np.min(np.abs(cache[0])), np.min(np.abs(cache[4]))) > kink:
            return X, (g.random((1, m)) < 0.5).astype(np.int64), params


def _numeric(J, params):
    """Centered differences of J(params) with respect to every W and b entry."""
    arrays = centered_differences(lambda: J(params), list(params.values()))
    return {"d" + key: d for key, d in zip(params, arrays)}


def _expect_unchanged(func, before, after):
    """X, Y and every entry of the cache are as they were (no in-place updates)."""
    names = ("X", "Y", *(f"cache[{i}]" for i in range(len(after) - 2)))
    expect_unchanged(func, names, before, after)


def _expect_grads(func, grads, expected, inputs, hint=None, what=""):
    expect_keys(func, "grads", grads, PARAM_KEYS, inputs=inputs)
    for key in PARAM_KEYS:
        expect_float_array(func, key, grads[key], expected[key].shape, inputs=inputs, hint=hint)
        expect_close(func, key + what, grads[key], expected[key], **GRAD_TOL, inputs=inputs,
                     hint=hint)


def test_split_sizes(split_sizes):
    cases = [(1_000_000, 0.01, 0.01), (100, 0.2, 0.2), (100, 0.29, 0.29), (10, 0.0, 0.3),
             (1, 0.0, 0.0), (5_000_000, 0.0025, 0.0025)]
    g = rng("split_sizes")
    for _ in range(30):
        m, fracs = int(g.integers(2, 100_000)), g.uniform(0.0, 0.3, 2).round(3)
        if min(abs((m * f) % 1 - 0.5) for f in fracs) > 1e-6:  # no halves: rounding rules differ
            cases.append((m, float(fracs[0]), float(fracs[1])))
    for m, dev, test in cases:
        inputs = {"m": m, "dev_frac": dev, "test_frac": test}
        got = learner_call(split_sizes, m, dev, test)
        expect_type("split_sizes", "the result", got, tuple, inputs=inputs)
        if len(got) != 3 or not all(isinstance(n, (int, np.integer)) for n in got):
            fail("split_sizes", "should return three whole numbers.", inputs=inputs,
                 actual=describe(got))
        if tuple(int(n) for n in got) != ref.split_sizes(m, dev, test):
            fail("split_sizes", "gave the wrong sizes.", expected=ref.split_sizes(m, dev, test),
                 actual=got, inputs=inputs,
                 hint="round m * dev_frac and m * test_frac to the nearest whole number; the "
                      "training set takes the rest.")


def test_diagnose_bias_variance(diagnose_bias_variance):
    cases = [(0.01, 0.11), (0.15, 0.16), (0.15, 0.30), (0.005, 0.01), (0.15, 0.16, 0.15),
             (0.25, 0.5, 0.0, 0.25), (0.5, 0.75, 0.25, 0.25), (0.02, 0.05, 0.0, 0.01),
             (0.3, 0.32, 0.28), (0.0, 0.0)]
    g = rng("diagnose_bias_variance")
    for _ in range(40):
        train, bayes = g.uniform(0, 0.4), g.uniform(0, 0.1)
        case = (train + bayes, train + bayes + g.uniform(0, 0.3), bayes, g.uniform(0.01, 0.1))
        if min(abs(case[0] - bayes - case[3]), abs(case[1] - case[0] - case[3])) > 1e-9:
            cases.append(tuple(float(c) for c in case))
    for case in cases:
        inputs = dict(zip(("train_err", "dev_err", "bayes_err", "tol"), case))
        got = learner_call(diagnose_bias_variance, *case)
        expect_type("diagnose_bias_variance", "the result", got, tuple, inputs=inputs)
        if len(got) != 2 or not all(isinstance(f, (bool, np.bool_)) for f in got):
            fail("diagnose_bias_variance", "should return two booleans.", inputs=inputs,
                 actual=describe(got))
        if tuple(bool(f) for f in got) != ref.diagnose_bias_variance(*case):
            fail("diagnose_bias_variance", "gave the wrong diagnosis.", inputs=inputs,
                 expected=ref.diagnose_bias_variance(*case), actual=got,
                 hint="high bias: train_err - bayes_err > tol; high variance: dev_err - "
                      "train_err > tol (strictly more than tol).")


def test_basic_recipe(basic_recipe):
    for flags in ((True, False), (False, True), (True, True), (False, False)) * 2:
        inputs = {"high_bias": flags[0], "high_variance": flags[1]}
        got = learner_call(basic_recipe, *flags)
        expect_type("basic_recipe", "the result", got, list, inputs=inputs)
        if got != ref.basic_recipe(*flags):
            fail("basic_recipe", "gave the wrong remedies.", expected=ref.basic_recipe(*flags),
                 actual=got, inputs=inputs,
                 hint="bias remedies first (in BIAS_REMEDIES' order), then variance remedies; "
                      "a new list each call.")
        got.append("changed by the grader")  # a shared list would now carry this along


def test_compute_cost_with_regularization(compute_cost_with_regularization):
    name = "compute_cost_with_regularization"
    with _others(compute_cost_with_regularization):
        for dims, m, lambd in (([3, 4, 2, 1], 6, 0.7), ([5, 7, 3, 2, 1], 9, 1.3),
                               ([2, 20, 3, 1], 11, 0.0), ([4, 3, 1], 1, 2.5)):
            X, Y, params = _net(name, dims, m)
            A3 = rng(f"{name}-A3-{m}").uniform(0.05, 0.95, (1, m))
            inputs = {"A3": A3, "Y": Y, "parameters": f"{len(dims) - 1} layers {dims}",
                      "lambd": lambd}
            before = snapshot(A3, Y, params)
            cost = learner_call(compute_cost_with_regularization, A3, Y, params, lambd)
            expect_unchanged(name, ("A3", "Y", "parameters"), before, (A3, Y, params))
            expect_scalar(name, "cost", cost, inputs=inputs)
            expect_close(name, "cost", cost, ref.compute_cost_with_regularization(
                A3, Y, params, lambd), inputs=inputs,
                hint="cross-entropy + lambd / (2 m) * (sum of the squares of every W in "
                     "parameters, whatever the depth); the b's are not regularized.")


def test_backward_propagation_with_regularization(backward_propagation_with_regularization):
    name = "backward_propagation_with_regularization"
    with _others(backward_propagation_with_regularization):
        for dims, m, lambd in (([3, 5, 3, 1], 7, 0.7), ([2, 20, 3, 1], 13, 2.0),
                               ([4, 2, 2, 1], 1, 0.3), ([3, 4, 3, 1], 5, 0.0)):
            X, Y, params = _net(name, dims, m)
            _, cache = ref.forward(X, params)
            inputs = {"X": X, "Y": Y, "cache": f"the cache of {dims}", "lambd": lambd}
            before = snapshot(X, Y, *cache)
            grads = learner_call(backward_propagation_with_regularization, X, Y, cache, lambd)
            _expect_unchanged(name, before, (X, Y, *cache))
            expected = ref.backward_propagation_with_regularization(X, Y, cache, lambd)
            _expect_grads(name, grads, expected, inputs,
                          hint="dW^[l] = (from backprop) + (lambd / m) W^[l]; db^[l] unchanged.")

            def J(p):
                A3, _ = ref.forward(X, p)
                return ref.compute_cost_with_regularization(A3, Y, p, lambd)
            _expect_grads(name, grads, _numeric(J, {k: v.copy() for k, v in params.items()}),
                          inputs, what=" (against centered differences of the regularized J)",
                          hint="the gradients must be those of J with its L2 term.")
        small, large = _net(name, [2, 4, 3, 1], 4), _net(name, [2, 4, 3, 1], 256)
        expect_vectorised(backward_propagation_with_regularization,
                          (small[0], small[1], ref.forward(small[0], small[2])[1], 0.7),
                          (large[0], large[1], ref.forward(large[0], large[2])[1], 0.7), 4, 256)


def _expect_dropout_cache(func, cache, expected, inputs):
    expect_type(func, "cache", cache, tuple, inputs=inputs)
    if len(cache) != 14:
        fail(func, f"cache has {len(cache)} entries, expected 14.", inputs=inputs,
             hint="(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3)")
    names = "Z1 D1 A1 W1 b1 Z2 D2 A2 W2 b2 Z3 A3 W3 b3".split()
    for name, got, want in zip(names, cache, expected):
        expect_close(func, f"cache entry {name}", np.asarray(got, float), np.asarray(want, float),
                     inputs=inputs, hint="draw D1 right after A1 and D2 right after A2 with "
                     "np.random.rand(...) < keep_prob, then A = A * D / keep_prob.")


def test_forward_propagation_with_dropout(forward_propagation_with_dropout):
    name = "forward_propagation_with_dropout"
    with _others(forward_propagation_with_dropout):
        for dims, m, keep_prob, seed in (([2, 20, 3, 1], 9, 0.86, 1), ([3, 6, 4, 1], 5, 0.5, 7),
                                         ([4, 3, 2, 1], 1, 0.7, 3), ([2, 5, 3, 1], 6, 1.0, 2),
                                         ([5, 40, 30, 1], 50, 0.6, None)):
            X, _, params = _net(name, dims, m)
            inputs = {"X": X, "parameters": f"a network {dims}", "keep_prob": keep_prob,
                      "seed": "default (1)" if seed is None else seed}
            before = snapshot(X, params)
            np.random.seed(12345)  # the function must seed numpy itself
            args = (X, params, keep_prob) if seed is None else (X, params, keep_prob, seed)
            A3, cache = learner_call(forward_propagation_with_dropout, *args)
            expect_unchanged(name, ("X", "parameters"), before, (X, params))
            want_A3, want_cache = ref.forward_propagation_with_dropout(X, params, keep_prob,
                                                                       1 if seed is None else seed)
            expect_float_array(name, "A3", A3, (1, m), inputs=inputs)
            _expect_dropout_cache(name, cache, want_cache, inputs)
            expect_close(name, "A3", A3, want_A3, inputs=inputs,
                         hint="no dropout on the input X or on the output A3.")
            if keep_prob == 1.0:
                expect_close(name, "A3 with keep_prob = 1", A3, ref.forward(X, params)[0],
                             inputs=inputs, hint="keep_prob = 1 keeps every unit.")


def test_backward_propagation_with_dropout(backward_propagation_with_dropout):
    name = "backward_propagation_with_dropout"
    with _others(backward_propagation_with_dropout):
        for dims, m, keep_prob in (([3, 5, 3, 1], 7, 0.8), ([2, 20, 3, 1], 11, 0.5),
                                   ([4, 3, 2, 1], 1, 0.7), ([3, 4, 3, 1], 6, 1.0)):
            X, Y, params = _net(name, dims, m)
            _, cache = ref.forward_propagation_with_dropout(X, params, keep_prob, seed=m)
            inputs = {"X": X, "Y": Y, "cache": f"a dropout cache of {dims}",
                      "keep_prob": keep_prob}
            before = snapshot(X, Y, *cache)
            grads = learner_call(backward_propagation_with_dropout, X, Y, cache, keep_prob)
            _expect_unchanged(name, before, (X, Y, *cache))
            hint = "dA2 = dA2 * D2 / keep_prob and dA1 = dA1 * D1 / keep_prob (the same masks)."
            expected = ref.backward_propagation_with_dropout(X, Y, cache, keep_prob)
            _expect_grads(name, grads, expected, inputs, hint=hint)
            for key in ("dA2", "dA1"):  # the masked lines themselves, not only what follows
                expect_keys(name, "grads", grads, (key,), inputs=inputs)
                expect_close(name, key, grads[key], expected[key], inputs=inputs, hint=hint)

            def J(p, D1=cache[1], D2=cache[6]):  # the cost with these masks held fixed
                return ref.cross_entropy(ref.forward_with_masks(X, p, D1, D2, keep_prob)[11], Y)
            _expect_grads(name, grads, _numeric(J, {k: v.copy() for k, v in params.items()}),
                          inputs, hint=hint, what=" (against centered differences of J with "
                                                  "the masks held fixed)")
            if keep_prob == 1.0:
                _expect_grads(name, grads, ref.HELPERS["backward_propagation"](
                    X, Y, ref.forward(X, params)[1]), inputs, what=" with keep_prob = 1")


def test_early_stopping_epoch(early_stopping_epoch):
    g = rng("early_stopping_epoch")
    cases = [[0.9, 0.5, 0.3, 0.35, 0.6], [0.5, 0.2, 0.2, 0.4], [3.0, 2.0, 1.0],
             [1.0, 2.0, 3.0], [0.7], [0.4, 0.4, 0.4], np.array([0.8, 0.6, 0.61, 0.6, 0.9])]
    cases += [list(g.uniform(0, 1, int(g.integers(2, 60)))) for _ in range(10)]
    x = np.linspace(0, 1, 101)
    cases += [list(0.2 + (x - 0.37) ** 2), np.round(0.3 + (x - 0.5) ** 2, 2)]
    for costs in cases:
        inputs = {"dev_costs": np.asarray(costs)}
        before = snapshot(costs)
        got = learner_call(early_stopping_epoch, costs)
        expect_unchanged("early_stopping_epoch", ("dev_costs",), before, (costs,))
        if not isinstance(got, (int, np.integer)) or isinstance(got, bool):
            fail("early_stopping_epoch", "should return a whole number, the index.",
                 actual=describe(got), inputs=inputs, hint="int(np.argmin(dev_costs))")
        if int(got) != ref.early_stopping_epoch(costs):
            fail("early_stopping_epoch", "returned the wrong index.", inputs=inputs,
                 expected=ref.early_stopping_epoch(costs), actual=got,
                 hint="the index (from 0) of the smallest dev cost; the first one on a tie.")


# quiz: question -> (answer, the notes' section to re-read)
KEY = {1: ("b", "C2 §1.4 (the update rule with the L2 term)"),
       2: ("a", "C2 §1.6 (inverted dropout, and what happens at test time)"),
       3: ("c", "C2 §1.7 (choosing keep_prob layer by layer)"),
       4: ("d", "C2 §1.8 (early stopping and orthogonalization)")}

test_q1, test_q2, test_q3, test_q4 = quiz_tests(QUIZ, KEY)
