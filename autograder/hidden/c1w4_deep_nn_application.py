"""Hidden tests for c1w4_deep_nn_application: the two models trained briefly on small random
problems, compared exactly with the references in c1w4_reference.

While a model runs, every helper it may call (the names of `dnn_app_utils`) points to a
reference, so only the learner's own lines are tested. The initialisers are the helper module's:
W ~ randn / sqrt(n_prev), b = 0, drawn W1, W2, ... after the model's np.random.seed(1).
"""
import numpy as np

from shared_utils.checks._compare import (expect_close, expect_float_array, expect_keys,
                                          expect_type, expect_unchanged, snapshot)
from shared_utils.checks._report import fail

from . import c1w4_reference as ref
from .harness import isolated, learner_call, rng


def _initialize_parameters(n_x, n_h, n_y, scale=None):
    return ref.initialize_parameters(n_x, n_h, n_y, scale=scale)


def _initialize_parameters_deep(layer_dims, scale=None):
    return ref.initialize_parameters_deep(layer_dims, scale=scale)


HELPERS = {**ref.STEP_BY_STEP, **ref.HELPERS, "initialize_parameters": _initialize_parameters,
           "initialize_parameters_deep": _initialize_parameters_deep}


def _problem(name, n_x, m):
    """X (n_x, m) of values in [0, 1) like scaled pixels, and 0/1 labels Y (1, m)."""
    g = rng(f"{name}-{n_x}-{m}")
    return g.random((n_x, m)), (g.random((1, m)) < 0.4).astype(np.int64)


def _expect_model(func, model, reference, X, Y, dims, learning_rate, num_iterations):
    inputs = {"X": X, "Y": Y, "layers_dims": dims, "learning_rate": learning_rate,
              "num_iterations": num_iterations}
    before = snapshot(X, Y)
    with isolated(model, **HELPERS):
        result = learner_call(model, X, Y, dims, learning_rate=learning_rate,
                              num_iterations=num_iterations)
    expect_unchanged(func, ("X", "Y"), before, (X, Y))
    params, costs = reference(X, Y, dims, learning_rate, num_iterations)
    expect_type(func, "the result", result, tuple, inputs=inputs, hint="return parameters, costs")
    if len(result) != 2:
        fail(func, "should return the pair (parameters, costs).", inputs=inputs)
    expect_keys(func, "parameters", result[0], list(params), inputs=inputs)
    expect_type(func, "costs", result[1], list, inputs=inputs)
    got_costs = np.asarray(result[1], dtype=float).ravel()
    if got_costs.shape != (len(costs),):
        fail(func, "costs should hold the cost at iterations 0, 100, 200, ...",
             expected=f"{len(costs)} costs", actual=f"{got_costs.size} costs", inputs=inputs)
    expect_close(func, "costs", got_costs, costs, inputs=inputs,
                 hint="compute the cost of the current parameters, before the update.")
    for name, want in params.items():
        expect_float_array(func, name, result[0][name], want.shape, inputs=inputs)
        expect_close(func, name, result[0][name], want, inputs=inputs,
                     hint="initialise once before the loop, update every iteration with the "
                          "given learning_rate, and use the updated parameters next time.")


def test_two_layer_model(two_layer_model):
    for (n_x, n_h, m), learning_rate, num_iterations in (((5, 4, 12), 0.05, 301),
                                                         ((8, 3, 20), 0.3, 150),
                                                         ((3, 2, 1), 0.5, 1),
                                                         ((6, 7, 9), 0.01, 100)):
        X, Y = _problem("two_layer_model", n_x, m)
        dims = (n_x, n_h, 1) if m > 1 else [n_x, n_h, 1]
        _expect_model("two_layer_model", two_layer_model, ref.two_layer_model, X, Y, dims,
                      learning_rate, num_iterations)


def test_L_layer_model(L_layer_model):
    for dims, m, learning_rate, num_iterations in (([6, 5, 3, 1], 15, 0.1, 201),
                                                   ([4, 3, 1], 8, 0.3, 101),
                                                   ([5, 1], 10, 0.5, 50),
                                                   ([7, 6, 5, 4, 1], 4, 0.05, 1)):
        X, Y = _problem("L_layer_model", dims[0], m)
        _expect_model("L_layer_model", L_layer_model, ref.L_layer_model, X, Y, list(dims),
                      learning_rate, num_iterations)
