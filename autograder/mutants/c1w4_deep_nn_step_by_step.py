"""Plausible mistakes in c1w4_deep_nn_step_by_step and the test cells each must fail.

Visible tests call the learner's own helpers, so a mistake in a building block also fails the
visible test of each function built on it (linear_forward -> linear_activation_forward ->
L_model_forward; linear_backward -> linear_activation_backward -> L_model_backward). Hidden tests
swap in reference helpers, so they fail only for the function at fault.
"""
from . import Mutant

P = "c1w4dnn"


def _cells(*names):
    return frozenset(f"{P}_{n}" for n in names)


FORWARD = ("linear_forward_visible", "linear_activation_forward_visible",
           "L_model_forward_visible")
BACKWARD = ("linear_backward_visible", "linear_activation_backward_visible",
            "L_model_backward_visible")
RELU_BACKWARD = "dZ = relu_backward(dA, activation_cache)"

MUTANTS = [
    Mutant("W1 drawn with the shape (n_x, n_h)", f"{P}_initialize_parameters",
           (("np.random.randn(n_h, n_x)", "np.random.randn(n_x, n_h)"),),
           _cells("initialize_parameters_visible", "initialize_parameters_hidden")),
    Mutant("deep initialisation without the 0.01 scale", f"{P}_initialize_parameters_deep",
           (("layer_dims[l - 1]) * 0.01", "layer_dims[l - 1])"),),
           _cells("initialize_parameters_deep_visible", "initialize_parameters_deep_hidden")),
    Mutant("deep initialisation reseeds inside the function", f"{P}_initialize_parameters_deep",
           (("parameters = {}\n", "parameters = {}\n    np.random.seed(3)\n"),),
           _cells("initialize_parameters_deep_visible", "initialize_parameters_deep_hidden")),
    Mutant("linear_forward forgets the bias", f"{P}_linear_forward",
           (("Z = np.dot(W, A) + b", "Z = np.dot(W, A)"),),
           _cells("linear_forward_hidden", *FORWARD)),
    Mutant("linear_forward loops over the examples", f"{P}_linear_forward",
           (("Z = np.dot(W, A) + b",
             "Z = np.zeros((W.shape[0], A.shape[1]))\n    for i in range(A.shape[1]):\n"
             "        Z[:, i:i + 1] = np.dot(W, A[:, i:i + 1]) + b"),),
           _cells("linear_forward_hidden")),
    Mutant("relu and sigmoid swapped in the forward step", f"{P}_linear_activation_forward",
           (("A, activation_cache = sigmoid(Z)", "A, activation_cache = RELU(Z)"),
            ("A, activation_cache = relu(Z)", "A, activation_cache = sigmoid(Z)"),
            ("RELU(Z)", "relu(Z)")),
           _cells("linear_activation_forward_visible", "linear_activation_forward_hidden",
                  "L_model_forward_visible")),
    Mutant("output layer with relu instead of sigmoid", f"{P}_L_model_forward",
           (('parameters["b" + str(L)],\n                                          '
             'activation="sigmoid"', 'parameters["b" + str(L)],\n'
             '                                          activation="relu"'),),
           _cells("L_model_forward_visible", "L_model_forward_hidden")),
    Mutant("hidden layers read the next layer's weights", f"{P}_L_model_forward",
           (('parameters["W" + str(l)],\n', 'parameters["W" + str(l + 1)],\n'),
            ('parameters["b" + str(l)], activation="relu"',
             'parameters["b" + str(l + 1)], activation="relu"')),
           _cells("L_model_forward_visible", "L_model_forward_hidden")),
    Mutant("cost without the 1/m", f"{P}_compute_cost",
           ((" * np.log(1 - AL)) / m", " * np.log(1 - AL))"),),
           _cells("compute_cost_visible", "compute_cost_hidden")),
    Mutant("cost with log(AL) in both terms", f"{P}_compute_cost",
           (("np.log(1 - AL)", "np.log(AL)"),),
           _cells("compute_cost_visible", "compute_cost_hidden")),
    Mutant("dW without the 1/m", f"{P}_linear_backward",
           (("dW = np.dot(dZ, A_prev.T) / m", "dW = np.dot(dZ, A_prev.T)"),),
           _cells("linear_backward_hidden", *BACKWARD)),
    Mutant("dW = dZ A_prev without the transpose", f"{P}_linear_backward",
           (("np.dot(dZ, A_prev.T)", "np.dot(dZ, A_prev)"),),
           _cells("linear_backward_hidden", *BACKWARD)),
    Mutant("db without keepdims (rank-1)", f"{P}_linear_backward",
           (("np.sum(dZ, axis=1, keepdims=True)", "np.sum(dZ, axis=1)"),),
           _cells("linear_backward_hidden", *BACKWARD)),
    Mutant("dA_prev with a 1/m it should not have", f"{P}_linear_backward",
           (("dA_prev = np.dot(W.T, dZ)", "dA_prev = np.dot(W.T, dZ) / m"),),
           _cells("linear_backward_hidden", *BACKWARD)),
    Mutant("relu backward with Z >= 0 (relu'(0) = 1)", f"{P}_linear_activation_backward",
           ((RELU_BACKWARD, "dZ = dA * (activation_cache >= 0)"),),
           _cells("linear_activation_backward_visible", "linear_activation_backward_hidden")),
    Mutant("relu backward as dA * Z", f"{P}_linear_activation_backward",
           ((RELU_BACKWARD, "dZ = dA * activation_cache"),),
           _cells("linear_activation_backward_visible", "linear_activation_backward_hidden",
                  "L_model_backward_visible")),
    Mutant("sigmoid backward as s(1 + s)", f"{P}_linear_activation_backward",
           (("dZ = sigmoid_backward(dA, activation_cache)",
             "s = 1 / (1 + np.exp(-activation_cache))\n        dZ = dA * s * (1 + s)"),),
           _cells("linear_activation_backward_visible", "linear_activation_backward_hidden",
                  "L_model_backward_visible")),
    Mutant("dAL with the wrong sign", f"{P}_L_model_backward",
           (("dAL = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))",
             "dAL = np.divide(Y, AL) - np.divide(1 - Y, 1 - AL)"),),
           _cells("L_model_backward_visible", "L_model_backward_hidden")),
    Mutant("the loop reads the cache of the layer above (off by one)", f"{P}_L_model_backward",
           (("current_cache = caches[l - 1]", "current_cache = caches[l]"),),
           _cells("L_model_backward_visible", "L_model_backward_hidden")),
    Mutant("the loop over layers stops before layer 1", f"{P}_L_model_backward",
           (("reversed(range(1, L))", "reversed(range(2, L))"),),
           _cells("L_model_backward_visible", "L_model_backward_hidden")),
    Mutant("in-place update of the caller's arrays", f"{P}_update_parameters",
           (('parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate',
             'parameters["W" + str(l)] -= learning_rate'),),
           _cells("update_parameters_visible", "update_parameters_hidden")),
    Mutant("gradient ascent on b (wrong sign)", f"{P}_update_parameters",
           (('parameters["b" + str(l)] - learning_rate',
             'parameters["b" + str(l)] + learning_rate'),),
           _cells("update_parameters_visible", "update_parameters_hidden")),
]
