"""Public checks for c1w4_deep_nn_application (training a 2-layer and an L-layer network;
notes §4.1-4.7).

Expected numbers are literal, computed once by an implementation independent of the
notebook's. The models seed numpy with 1 and start from W ~ randn / sqrt(n_prev), b = 0 (the
initialisers of the assignment's helper module), so these small runs are exactly reproducible.
"""
import numpy as np

from ._compare import call, expect_close, expect_float_array, expect_keys, expect_type
from ._report import fail, passed

__all__ = ["two_layer_model_test", "L_layer_model_test"]

Y = np.array([[1, 0, 1, 1, 0, 0]])


def _expect_run(func, result, keys, costs, finals, inputs, hint):
    expect_type(func, "the result", result, tuple, inputs=inputs,
                hint="return parameters, costs")
    if len(result) != 2:
        fail(func, "should return the pair (parameters, costs).", inputs=inputs)
    params, got_costs = result
    expect_keys(func, "parameters", params, keys, inputs=inputs)
    expect_type(func, "costs", got_costs, list, inputs=inputs)
    if len(got_costs) != len(costs):
        fail(func, "costs should hold one cost every 100 iterations, from iteration 0.",
             expected=f"{len(costs)} costs", actual=f"{len(got_costs)} costs", inputs=inputs)
    expect_close(func, "costs", np.asarray(got_costs, dtype=float).ravel(), costs, inputs=inputs,
                 hint=hint)
    for name, expected in finals.items():
        expect_float_array(func, name, params[name], np.shape(expected), inputs=inputs)
        expect_close(func, name, params[name], expected, inputs=inputs, hint=hint)


def two_layer_model_test(two_layer_model):
    func = "two_layer_model"
    X = np.sin(np.arange(24.0).reshape(4, 6))
    inputs = {"X": "sin(0), ..., sin(23) as a (4, 6) array", "Y": Y,
              "layers_dims": (4, 3, 1), "learning_rate": 0.1}
    result = call(two_layer_model, X.copy(), Y.copy(), (4, 3, 1), learning_rate=0.1,
                  num_iterations=1)
    _expect_run(func, result, ("W1", "b1", "W2", "b2"), [0.6889580026860135],
                {"b2": [[-0.0008021357237252539]],
                 "b1": [[0.0017092778322111146], [0.0019517111299860949],
                        [-0.006010619006984293]]},
                {**inputs, "num_iterations": 1},
                "one iteration: forward (relu, then sigmoid), cost, backward from dA2, update.")
    result = call(two_layer_model, X.copy(), Y.copy(), (4, 3, 1), learning_rate=0.1,
                  num_iterations=201)
    _expect_run(func, result, ("W1", "b1", "W2", "b2"),
                [0.6889580026860135, 0.5844015997997377, 0.4228135053057147],
                {"W2": [[-0.16188172746118445, -1.4583385347156015, 1.1706730523454056]],
                 "b2": [[0.5495595345201687]]},
                {**inputs, "num_iterations": 201},
                "pass learning_rate on to update_parameters, and use the updated parameters in "
                "the next iteration.")
    passed()


def L_layer_model_test(L_layer_model):
    func = "L_layer_model"
    X = np.cos(np.arange(30.0).reshape(5, 6))
    keys = ("W1", "b1", "W2", "b2", "W3", "b3")
    inputs = {"X": "cos(0), ..., cos(29) as a (5, 6) array", "Y": Y,
              "layers_dims": [5, 4, 3, 1], "learning_rate": 0.1}
    result = call(L_layer_model, X.copy(), Y.copy(), [5, 4, 3, 1], learning_rate=0.1,
                  num_iterations=1)
    _expect_run(func, result, keys, [0.7109627442445406],
                {"b3": [[0.002306402762851134]],
                 "b1": [[-0.001771420432235851], [-0.002343748800501893],
                        [-0.0018459495088374352], [-0.0010288251164337764]]},
                {**inputs, "num_iterations": 1},
                "one iteration: L_model_forward, compute_cost, L_model_backward, "
                "update_parameters.")
    result = call(L_layer_model, X.copy(), Y.copy(), [5, 4, 3, 1], learning_rate=0.1,
                  num_iterations=201)
    _expect_run(func, result, keys,
                [0.7109627442445406, 0.6756830902553826, 0.4329132424799511],
                {"W3": [[-0.10962030393488054, -1.4056933807369814, -0.3875441343311323]],
                 "b3": [[0.5472491818286671]]},
                {**inputs, "num_iterations": 201},
                "initialise once, before the loop; pass learning_rate on to update_parameters.")
    passed()
