"""Hidden tests for c2w2_optimization: fresh random inputs against an independent reference.

Each test_<name> takes the learner's function. The references live in
c2w2_optimization_reference.py; the visible checks in shared_utils hold only fixed numbers.
Dicts are handed to the learner as fresh copies (updating them in place, as the original course
does, is allowed) and gradients must come back unchanged.
"""
import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_type, expect_unchanged, snapshot)
from shared_utils.checks._report import fail

from .c2w2_optimization_reference import REFERENCES
from .c2w2_optimization_reference import (  # noqa: F401  (the reference-vs-public-check test)
    reference_exponential_decay, reference_exponentially_weighted_average,
    reference_initialize_adam, reference_initialize_rmsprop, reference_initialize_velocity,
    reference_inverse_sqrt_decay, reference_random_mini_batches, reference_schedule_lr_decay,
    reference_staircase_decay, reference_update_lr, reference_update_parameters_with_adam,
    reference_update_parameters_with_gd, reference_update_parameters_with_momentum,
    reference_update_parameters_with_rmsprop)
from .c2w2_optimization_more import (  # noqa: F401  (run_hidden finds every test here)
    test_exponential_decay, test_inverse_sqrt_decay, test_q15, test_q17, test_q19,
    test_schedule_lr_decay, test_staircase_decay, test_update_lr)
from .harness import expect_vectorised, isolated, learner_call, rng

DIMS = ([3, 2], [5, 4, 3, 1], [2, 7, 5, 3, 1], [1, 1])  # L = 1, 3, 4, 1 layers
HINTS = {
    "update_parameters_with_gd": "W^[l] = W^[l] - learning_rate * dW^[l] (and the same for b) "
                                 "for every layer l = 1, ..., L.",
    "exponentially_weighted_average": "v_t = beta * v_(t-1) + (1 - beta) * theta_t from v_0 = 0;"
                                      " corrected: v_t / (1 - beta**t), t counted from 1.",
    "update_parameters_with_momentum": "v = beta * v + (1 - beta) * dW, then W = W - "
                                       "learning_rate * v (the new v), for every layer.",
    "update_parameters_with_rmsprop": "s = beta2 * s + (1 - beta2) * dW**2, then W = W - "
                                      "learning_rate * dW / (np.sqrt(s) + epsilon); mind the "
                                      "defaults beta2=0.999, learning_rate=0.01, epsilon=1e-8.",
    "update_parameters_with_adam": "moments as in momentum (beta1) and RMSprop (beta2), each "
                                   "divided by (1 - beta**t); W = W - learning_rate * "
                                   "v_corrected / (np.sqrt(s_corrected) + epsilon); return the "
                                   "uncorrected v and s.",
}
for _name in ("initialize_velocity", "initialize_rmsprop", "initialize_adam"):
    HINTS[_name] = 'np.zeros(parameters["W" + str(l)].shape) under the key "dW" + str(l), and ' \
                   'the same for b, as new arrays.'


def _others(func):
    """Reference versions of every graded function but `func` (a bug costs points once)."""
    return isolated(func, **{k: v for k, v in REFERENCES.items() if k != func.__name__})


def _network(name, dims, tiny=False):
    """Random parameters and gradients of a network with layer sizes `dims`; with `tiny`, a few
    gradients are 1e-5 or 0, where the place of epsilon matters."""
    g = rng(f"{name}-{dims}")
    params, grads = {}, {}
    for l in range(1, len(dims)):
        for key, shape in ((f"W{l}", (dims[l], dims[l - 1])), (f"b{l}", (dims[l], 1))):
            params[key] = g.normal(0, 1, shape)
            grads["d" + key] = g.normal(0, 0.5, shape)
            if tiny:
                grads["d" + key].flat[0] = 1e-5
                grads["d" + key].flat[-1] = 0.0
    return params, grads


def _copy(d):
    return {k: np.array(v, dtype=float, copy=True) for k, v in d.items()}


def _expect_dict(func, name, actual, expected, inputs):
    hint = HINTS.get(func)
    expect_keys(func, name, actual, tuple(expected), inputs=inputs, hint=hint)
    for key, value in expected.items():
        expect_float_array(func, f"{name}['{key}']", actual[key], value.shape, inputs=inputs,
                           hint=hint)
        expect_close(func, f"{name}['{key}']", actual[key], value, rtol=1e-7, atol=1e-10,
                     inputs=inputs, hint=hint)


def _expect_tuple(func, out, n, inputs):
    if not isinstance(out, tuple) or len(out) != n:
        fail(func, f"should return a tuple of {n} values.", inputs=inputs,
             actual=type(out).__name__ if not isinstance(out, tuple) else f"{len(out)} values")
    return out


def _shapes(d):
    return {k: v.shape for k, v in d.items()}


def test_update_parameters_with_gd(fn):
    with _others(fn):
        for dims in DIMS:
            params, grads = _network("gd", dims)
            lr = float(rng(f"gd-lr-{dims}").uniform(0.001, 1.0))
            inputs = {"layer shapes": _shapes(params), "learning_rate": lr}
            before = snapshot(grads)
            out = learner_call(fn, _copy(params), grads, lr)
            expect_unchanged(fn.__name__, ("grads",), before, (grads,))
            _expect_dict(fn.__name__, "parameters", out,
                         reference_update_parameters_with_gd(params, grads, lr), inputs)


def test_random_mini_batches(fn):
    func = fn.__name__
    cases = ((2, 148, 64, 0), (3, 128, 32, 5), (4, 50, 50, 1), (2, 7, 1, 2), (3, 10, 64, 3),
             (5, 1000, 128, 42), (1, 300, 64, 11))
    with _others(fn):
        for n_x, m, size, seed in cases:
            g = rng(f"mini-batches-{n_x}-{m}")
            X, Y = g.normal(0, 1, (n_x, m)), (g.random((1, m)) < 0.5).astype(np.int64)
            inputs = {"X": f"shape {X.shape}", "Y": f"shape {Y.shape}",
                      "mini_batch_size": size, "seed": seed}
            before = snapshot(X, Y)
            batches = learner_call(fn, X, Y, size, seed)
            expect_unchanged(func, ("X", "Y"), before, (X, Y))
            _expect_batches(func, batches, reference_random_mini_batches(X, Y, size, seed),
                            inputs)
        small, large = rng("mini-batch-loops").normal(0, 1, (2, 1300)), np.zeros((1, 1300))
        expect_vectorised(fn, (small[:, :130], large[:, :130], 64, 1),
                          (small, large, 640, 1), 130, 1300)


def _expect_batches(func, batches, expected, inputs):
    expect_type(func, "mini_batches", batches, list, inputs=inputs)
    if len(batches) != len(expected):
        fail(func, "returned the wrong number of mini-batches.", inputs=inputs,
             expected=f"{len(expected)} (ceil(m / mini_batch_size), no empty one)",
             actual=str(len(batches)),
             hint="add the last, shorter mini-batch only when m % mini_batch_size != 0.")
    for k, (pair, (ex, ey)) in enumerate(zip(batches, expected)):
        if not isinstance(pair, tuple) or len(pair) != 2:
            fail(func, f"mini_batches[{k}] should be a tuple (mini_batch_X, mini_batch_Y).",
                 inputs=inputs)
        for name, got, want in (("X", pair[0], ex), ("Y", pair[1], ey)):
            expect_type(func, f"mini_batches[{k}] {name}", got, np.ndarray, inputs=inputs)
            same_shape = got.shape == want.shape
            if not same_shape or not np.array_equal(got, want):
                fail(func, f"mini_batches[{k}] {name} is not the expected slice.",
                     inputs=inputs, expected=f"shape {want.shape}" + (
                         ", the columns of the seed's shuffle" if same_shape else ""),
                     actual=f"shape {got.shape}" + (", other columns" if same_shape else ""),
                     hint="np.random.seed(seed); one np.random.permutation(m) for X and Y "
                          "together; then consecutive, non-overlapping slices.")


def test_exponentially_weighted_average(fn):
    func = fn.__name__
    g = rng("ewa")
    with _others(fn):
        for T in (1, 2, 10, 365):
            for beta in (0.0, 0.5, 0.9, 0.98, 0.999):
                thetas = g.normal(50, 10, T)
                for corrected in (False, True):
                    _expect_ewa(fn, thetas, beta, corrected)
        _expect_ewa(fn, g.integers(-20, 90, 30), 0.9, True)  # an integer series
        constant = np.full(40, 17.5)
        v = learner_call(fn, constant, 0.95, bias_correction=True)
        expect_close(func, "v (a constant series, bias-corrected)", v, constant, rtol=1e-9,
                     inputs={"thetas": "40 days of 17.5", "beta": 0.95},
                     hint="bias-corrected averages of a constant series equal the constant.")


def _expect_ewa(fn, thetas, beta, corrected):
    inputs = {"thetas": thetas, "beta": beta, "bias_correction": corrected}
    before = snapshot(thetas)
    v = learner_call(fn, thetas, beta, bias_correction=corrected)
    expect_unchanged(fn.__name__, ("thetas",), before, (thetas,))
    expect_float_array(fn.__name__, "v", v, thetas.shape, inputs=inputs)
    expect_close(fn.__name__, "v", v,
                 reference_exponentially_weighted_average(thetas, beta, corrected),
                 rtol=1e-9, atol=1e-9, inputs=inputs, hint=HINTS[fn.__name__])


def _test_initializer(fn, outputs):
    func = fn.__name__
    with _others(fn):
        for dims in DIMS:
            params, _ = _network("init", dims)
            before = snapshot(params)
            out = learner_call(fn, params)
            expect_unchanged(func, ("parameters",), before, (params,))
            inputs = {"layer shapes": _shapes(params)}
            out = _expect_tuple(func, out, len(outputs), inputs) if len(outputs) > 1 else (out,)
            zeros = {"d" + k: np.zeros(p.shape) for k, p in params.items()}
            for name, value in zip(outputs, out):
                _expect_dict(func, name, value, zeros, inputs)
                if set(value) != set(zeros):
                    fail(func, f"{name} has keys other than dW1, db1, ...", inputs=inputs,
                         expected=sorted(zeros), actual=sorted(value))
                if any(np.shares_memory(value["d" + k], p) for k, p in params.items()):
                    fail(func, f"{name} shares memory with the parameters.", inputs=inputs,
                         hint="make new arrays with np.zeros(...).")
            if len(out) == 2 and any(np.shares_memory(out[0][k], out[1][k]) for k in zeros):
                fail(func, "v and s share arrays: updating one would change the other.",
                     hint="make separate np.zeros(...) arrays for v and s.")


def test_initialize_velocity(fn):
    _test_initializer(fn, ("v",))


def test_initialize_rmsprop(fn):
    _test_initializer(fn, ("s",))


def test_initialize_adam(fn):
    _test_initializer(fn, ("v", "s"))


def _moments(name, grads, positive=False):
    """Random first (or, positive, second) moments shaped like the gradients."""
    g = rng(name)
    return {k: np.abs(g.normal(0, 0.3, v.shape)) if positive else g.normal(0, 0.3, v.shape)
            for k, v in grads.items()}


def _steps(fn, dims, moments, names, n_steps, hyper, t0=None, tiny=True):
    """n_steps of the learner's update and of the reference's, each chaining its own outputs,
    with fresh gradients every step; every output is compared after every step. Adam's counter
    t runs t0 + 1, t0 + 2, ... (None: no t argument)."""
    func = fn.__name__
    params, _ = _network(f"{func}-start", dims)
    mine = ref = (params, *moments)
    for step in range(1, n_steps + 1):
        _, grads = _network(f"{func}-{dims}-step{step}", dims, tiny)
        t = () if t0 is None else (t0 + step,)
        inputs = {"layer shapes": _shapes(params), "step": step, **dict(zip(("t",), t)),
                  **(hyper or {"hyperparameters": "the defaults"})}
        before = snapshot(grads)
        out = learner_call(fn, _copy(mine[0]), grads, *(_copy(x) for x in mine[1:]), *t,
                           **hyper)
        expect_unchanged(func, ("grads",), before, (grads,))
        out = _expect_tuple(func, out, len(names), inputs)
        expected = REFERENCES[func](ref[0], grads, *ref[1:], *t, **hyper)
        for name, got, want in zip(names, out, expected):
            _expect_dict(func, name, got, want, inputs)
        mine, ref = out[:len(mine)], expected[:len(mine)]


def _zero_gradients(fn, moments_count, t=()):
    """All-zero gradients from zero moments: nothing moves, and no 0/0 = nan (epsilon)."""
    params, grads = _network("zero-gradients", [3, 4, 2])
    grads = {k: np.zeros_like(v) for k, v in grads.items()}
    moments = [{k: np.zeros_like(v) for k, v in grads.items()} for _ in range(moments_count)]
    out = learner_call(fn, _copy(params), grads, *moments, *t)
    out = _expect_tuple(fn.__name__, out, 1 + moments_count + (2 if t else 0), {})
    _expect_dict(fn.__name__, "parameters (all gradients zero)", out[0], params,
                 {"grads": "all zero", "moments": "all zero"})


def test_update_parameters_with_momentum(fn):
    names = ("parameters", "v")
    with _others(fn):
        for dims in DIMS[1:3]:
            zeros = _zeros_like(dims)
            _steps(fn, dims, (zeros,), names, 4, {"beta": 0.9, "learning_rate": 0.05})
            _steps(fn, dims, (_moments("v", zeros),), names, 2,
                   {"beta": 0.8, "learning_rate": 0.3})
        _steps(fn, [4, 3, 1], (_zeros_like([4, 3, 1]),), names, 2,
               {"beta": 0.0, "learning_rate": 0.1})  # beta = 0 is plain gradient descent


def test_update_parameters_with_rmsprop(fn):
    names = ("parameters", "s")
    with _others(fn):
        for dims in DIMS[1:3]:
            zeros = _zeros_like(dims)
            _steps(fn, dims, (zeros,), names, 4, {})  # the defaults
            _steps(fn, dims, (_moments("s", zeros, positive=True),), names, 2,
                   {"beta2": 0.9, "learning_rate": 0.02, "epsilon": 1e-6})
        _zero_gradients(fn, 1)


def test_update_parameters_with_adam(fn):
    names = ("parameters", "v", "s", "v_corrected", "s_corrected")
    with _others(fn):
        for dims in DIMS[1:3]:
            zeros = _zeros_like(dims)
            _steps(fn, dims, (zeros, zeros), names, 5, {}, t0=0)  # the defaults, t = 1..5
            _steps(fn, dims, (_moments("v", zeros), _moments("s", zeros, positive=True)),
                   names, 2, {"learning_rate": 0.003, "beta1": 0.8, "beta2": 0.99,
                              "epsilon": 1e-7}, t0=9)
        _zero_gradients(fn, 2, t=(1,))


def _zeros_like(dims):
    return {k: np.zeros_like(v) for k, v in _network("shapes", dims)[1].items()}
