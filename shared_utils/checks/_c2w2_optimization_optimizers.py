"""Public checks for c2w2_optimization, continued: momentum, RMSprop and Adam (notes C2
§2.6-2.8) and their initialisers. `c2w2_optimization.py` re-exports the checks.

Literal numbers only: T13 and T14 of notes-course2.md §6, and values computed once with a
throwaway script from the notes' formulas (Adam with epsilon outside the root, DECISIONS §4).
The inputs include a zero and two tiny (1e-5) gradients, where the place of epsilon matters.
"""
import numpy as np

from ._compare import (call, expect_close, expect_float_array, expect_keys, expect_unchanged,
                       snapshot)
from ._report import fail, passed

__all__ = ["arrays_of", "fresh_copy", "expect_dict", "expect_tuple", "initialize_velocity_test",
           "update_parameters_with_momentum_test",
           "initialize_rmsprop_test", "update_parameters_with_rmsprop_test",
           "initialize_adam_test", "update_parameters_with_adam_test"]


def arrays_of(d):
    return {k: np.array(v, dtype=float) for k, v in d.items()}


def fresh_copy(d):
    """A fresh copy for each call: updating the arrays in place must not change our inputs."""
    return {k: a.copy() for k, a in d.items()}


def expect_dict(func, name, actual, expected, inputs, hint=None):
    """A dict with (at least) the expected keys, each a float array of the right shape and value."""
    expect_keys(func, name, actual, tuple(expected), inputs=inputs, hint=hint)
    for key, value in expected.items():
        expect_float_array(func, f"{name}['{key}']", actual[key], value.shape, inputs=inputs,
                           hint=hint)
        expect_close(func, f"{name}['{key}']", actual[key], value, inputs=inputs, hint=hint)


def expect_tuple(func, result, names, inputs):
    """The function returned a tuple of len(names) values."""
    if not isinstance(result, tuple) or len(result) != len(names):
        fail(func, f"should return a tuple ({', '.join(names)}).",
             expected=f"a tuple of {len(names)} values", actual=repr(type(result).__name__)
             if not isinstance(result, tuple) else f"a tuple of {len(result)} values",
             inputs=inputs)
    return result


_SHAPES = {"W1": (3, 2), "b1": (3, 1), "W2": (1, 3), "b2": (1, 1)}


def _expect_zeros_like_grads(func, name, out, inputs):
    expected = {"d" + k: np.zeros(shape) for k, shape in _SHAPES.items()}
    expect_dict(func, name, out, expected, inputs,
                 hint=f'{name}["dW" + str(l)] = np.zeros(parameters["W" + str(l)].shape), '
                      'and the same for "db" + str(l).')


def _some_parameters():
    return {k: np.full(shape, 0.5) for k, shape in _SHAPES.items()}


def initialize_velocity_test(target):
    func, params = "initialize_velocity", _some_parameters()
    v = call(target, params)
    _expect_zeros_like_grads(func, "v", v, {"parameters": "W1 (3, 2), b1 (3, 1), W2 (1, 3), "
                                                          "b2 (1, 1), all 0.5"})
    passed(func)


def update_parameters_with_momentum_test(target):
    """A step from a non-zero velocity, and T14: from v = 0 the first step is 0.1 * dW."""
    func = "update_parameters_with_momentum"
    P = arrays_of({"W1": [[0.4, -0.7], [1.1, 0.2]], "b1": [[0.05], [-0.1]], "W2": [[0.9, -0.3]],
                 "b2": [[0.2]]})
    G = arrays_of({"dW1": [[0.3, -0.2], [0.1, 0.6]], "db1": [[-0.4], [0.25]],
                 "dW2": [[0.5, -0.8]], "db2": [[0.15]]})
    V = arrays_of({"dW1": [[0.1, 0.0], [-0.2, 0.05]], "db1": [[0.02], [0.0]],
                 "dW2": [[-0.1, 0.3]], "db2": [[0.0]]})
    expected_v = arrays_of({"dW1": [[0.12, -0.02], [-0.17, 0.105]], "db1": [[-0.022], [0.025]],
                          "dW2": [[-0.04, 0.19]], "db2": [[0.015]]})
    expected_p = arrays_of({"W1": [[0.3988, -0.6998], [1.1017, 0.19895]],
                          "b1": [[0.05022], [-0.10025]], "W2": [[0.9004, -0.3019]],
                          "b2": [[0.19985]]})
    zero_v = {k: np.zeros_like(g) for k, g in G.items()}
    t14_v = {k: 0.1 * g for k, g in G.items()}
    t14_p = {k: P[k] - 0.01 * 0.1 * G["d" + k] for k in P}
    hint = ("v = beta * v + (1 - beta) * dW, then W = W - learning_rate * v (the new v), "
            "for every W^[l] and b^[l] (notes C2 §2.6).")
    for v0, exp_v, exp_p in ((V, expected_v, expected_p), (zero_v, t14_v, t14_p)):
        inputs = {"parameters": P, "grads": G, "v": v0, "beta": 0.9, "learning_rate": 0.01}
        before = snapshot(G)
        out = call(target, fresh_copy(P), G, fresh_copy(v0), 0.9, 0.01)
        expect_unchanged(func, ("grads",), before, (G,))
        params, v = expect_tuple(func, out, ("parameters", "v"), inputs)
        expect_dict(func, "v", v, exp_v, inputs, hint=hint)
        expect_dict(func, "parameters", params, exp_p, inputs, hint=hint)
    passed(func)


def initialize_rmsprop_test(target):
    func, params = "initialize_rmsprop", _some_parameters()
    s = call(target, params)
    _expect_zeros_like_grads(func, "s", s, {"parameters": "W1 (3, 2), b1 (3, 1), W2 (1, 3), "
                                                          "b2 (1, 1), all 0.5"})
    passed(func)


# A two-layer problem with a zero and two tiny (1e-5) gradients: where epsilon sits matters.
_P3 = {"W1": [[0.4, -0.7, 0.3], [1.1, 0.2, -0.5]], "b1": [[0.05], [-0.1]], "W2": [[0.9, -0.3]],
       "b2": [[0.2]]}
_G3 = {"dW1": [[0.3, -0.2, 1e-5], [0.0, 0.6, -0.05]], "db1": [[-0.4], [0.25]],
       "dW2": [[0.5, -0.8]], "db2": [[-1e-5]]}
_S3 = {"dW1": [[0.01, 0.0, 0.0], [0.0, 0.04, 0.002]], "db1": [[0.1], [0.0]],
       "dW2": [[0.0, 0.3]], "db2": [[0.0]]}


def update_parameters_with_rmsprop_test(target):
    func = "update_parameters_with_rmsprop"
    P, G, S = arrays_of(_P3), arrays_of(_G3), arrays_of(_S3)
    cases = (((), {
        "s": {"dW1": [[0.01008, 4e-05, 1e-13], [0.0, 0.04032, 0.0020005]],
              "db1": [[0.10006], [6.25e-05]], "dW2": [[0.00025, 0.30034]], "db2": [[1e-13]]},
        "p": {"W1": [[0.37011928774283037, -0.3837727339823716, -0.006534300317154962],
                     [1.1, 0.17011928625473532, -0.48882105989237695]],
              "b1": [[0.06264531721449776], [-0.4162273660173438]],
              "W2": [[0.5837724339830357, -0.2854023350674307]], "b2": [[0.506534300317155]]}}),
        ((0.9, 0.1), {
        "s": {"dW1": [[0.018, 0.004, 1e-11], [0.0, 0.072, 0.00205]],
              "db1": [[0.106], [0.00625]], "dW2": [[0.025, 0.334]], "db2": [[1e-11]]},
        "p": {"W1": [[0.1763932189166865, -0.383772283983154, -0.015230918326021303],
                     [1.1, -0.02360678941664593, -0.389568498315392]],
              "b1": [[0.17285901959320546], [-0.4162277260168431]],
              "W2": [[0.5837722539831607, -0.16157429435401297]],
              "b2": [[0.5152309183260213]]}}))
    hint = ("s = beta2 * s + (1 - beta2) * dW**2 (element-wise square), then "
            "W = W - learning_rate * dW / (np.sqrt(s) + epsilon): epsilon outside the root.")
    for extra, expected in cases:
        inputs = {"parameters": P, "grads": G, "s": S,
                  "beta2, learning_rate": extra or "the defaults 0.999, 0.01"}
        before = snapshot(G)
        out = call(target, fresh_copy(P), G, fresh_copy(S), *extra)
        expect_unchanged(func, ("grads",), before, (G,))
        params, s = expect_tuple(func, out, ("parameters", "s"), inputs)
        expect_dict(func, "s", s, arrays_of(expected["s"]), inputs, hint=hint)
        expect_dict(func, "parameters", params, arrays_of(expected["p"]), inputs, hint=hint)
    passed(func)


def initialize_adam_test(target):
    func, params = "initialize_adam", _some_parameters()
    inputs = {"parameters": "W1 (3, 2), b1 (3, 1), W2 (1, 3), b2 (1, 1), all 0.5"}
    v, s = expect_tuple(func, call(target, params), ("v", "s"), inputs)
    _expect_zeros_like_grads(func, "v", v, inputs)
    _expect_zeros_like_grads(func, "s", s, inputs)
    passed(func)


def update_parameters_with_adam_test(target):
    """T13 (three steps with a constant gradient), then one step from given moments."""
    func = "update_parameters_with_adam"
    params = arrays_of({"W1": [[1.0, 2.0]], "b1": [[0.0]]})
    grads = arrays_of({"dW1": [[0.1, -0.2]], "db1": [[0.3]]})
    v = {k: np.zeros_like(g) for k, g in grads.items()}
    s = {k: np.zeros_like(g) for k, g in grads.items()}
    t13 = {1: ([[0.990000001, 2.0099999995]], [[-0.009999999666666684]]),
           2: ([[0.980000002, 2.019999999]], [[-0.019999999333333296]]),
           3: ([[0.970000003, 2.0299999985]], [[-0.029999998999999975]])}
    for t, (W1, b1) in t13.items():
        inputs = {"parameters": params, "grads": grads, "v": v, "s": s, "t": t}
        out = call(target, fresh_copy(params), grads, fresh_copy(v), fresh_copy(s), t)
        params, v, s, _, _ = expect_tuple(func, out, ("parameters", "v", "s", "v_corrected",
                                                 "s_corrected"), inputs)
        expect_dict(func, "parameters", params, arrays_of({"W1": W1, "b1": b1}), inputs,
                     hint="T13: with a constant gradient every bias-corrected step moves each "
                          "weight by about learning_rate; divide by (1 - beta**t), not beta**1.")
    _adam_from_moments(target, func)
    passed(func)


def _adam_from_moments(target, func):
    P, G, S = arrays_of(_P3), arrays_of(_G3), arrays_of(_S3)
    S["dW1"][1, 0] = 0.05
    V = arrays_of({"dW1": [[0.1, 0.0, 0.0], [-0.2, 0.05, 0.01]], "db1": [[0.02], [0.0]],
                 "dW2": [[-0.1, 0.3]], "db2": [[0.0]]})
    expected = {"v": {"dW1": [[0.14, -0.04, 2e-06], [-0.16, 0.16, -0.002]],
                      "db1": [[-0.064], [0.05]], "dW2": [[0.02, 0.08]], "db2": [[-2e-06]]},
                "s": {"dW1": [[0.0108, 0.0004, 1e-12], [0.0495, 0.0432, 0.002005]],
                      "db1": [[0.1006], [0.000625]], "dW2": [[0.0025, 0.3034]],
                      "db2": [[1e-12]]},
                "v_corrected": {"dW1": [[0.28688524590163944, -0.0819672131147541,
                                         4.098360655737706e-06],
                                        [-0.32786885245901654, 0.3278688524590164,
                                         -0.0040983606557377025]],
                                "db1": [[-0.13114754098360656], [0.10245901639344263]],
                                "dW2": [[0.040983606557376984, 0.16393442622950827]],
                                "db2": [[-4.098360655737706e-06]]},
                "s_corrected": {"dW1": [[0.36362412039998687, 0.01346756001481434,
                                         3.366890003703585e-11],
                                        [1.666610551833273, 1.4544964815999475,
                                         0.0675061445742568]],
                                "db1": [[3.3870913437258032], [0.021043062523147405]],
                                "dW2": [[0.08417225009258962, 10.215144271236667]],
                                "db2": [[3.366890003703585e-11]]},
                "parameters": {"W1": [[0.39048493279007207, -0.6858737896872551,
                                       0.2858980916678905],
                                      [1.1050794078916688, 0.19456281869210057,
                                       -0.49968452242051625]],
                               "b1": [[0.051425202878454146], [-0.1141262105561956]],
                               "W2": [[0.8971747577913806, -0.301025835931791]],
                               "b2": [[0.21410190833210954]]}}
    inputs = {"parameters": P, "grads": G, "v": V, "s": S, "t": 3, "learning_rate": 0.02,
              "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-8}
    before = snapshot(G)
    out = call(target, fresh_copy(P), G, fresh_copy(V), fresh_copy(S), 3, 0.02, 0.8, 0.99, 1e-8)
    expect_unchanged(func, ("grads",), before, (G,))
    names = ("parameters", "v", "s", "v_corrected", "s_corrected")
    hints = {"v": "v = beta1 * v + (1 - beta1) * dW; return the uncorrected v.",
             "s": "s = beta2 * s + (1 - beta2) * dW**2 (element-wise square); return the "
                  "uncorrected s.",
             "v_corrected": "v_corrected = v / (1 - beta1**t).",
             "s_corrected": "s_corrected = s / (1 - beta2**t).",
             "parameters": "W = W - learning_rate * v_corrected / (np.sqrt(s_corrected) + "
                           "epsilon): epsilon outside the square root (DECISIONS §4)."}
    for name, value in zip(names, expect_tuple(func, out, names, inputs)):
        expect_dict(func, name, value, arrays_of(expected[name]), inputs, hint=hints[name])
