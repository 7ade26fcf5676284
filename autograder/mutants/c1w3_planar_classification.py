"""Plausible mistakes in c1w3_planar_classification and the test cells each must fail.

Visible tests call the learner's own helpers, so a mistake in a building block also fails the
visible test of `nn_model` (which trains with them); hidden tests swap in reference helpers, so
they fail only for the function at fault. A mistake that changes no number `nn_model` returns
(the cost's sign, an in-place update) costs only its own cells.
"""
from . import Mutant

P = "c1w3pc"


def _cells(*names):
    return frozenset(f"{P}_{n}" for n in names)


MUTANTS = [
    Mutant("m read from the wrong axis", f"{P}_dimensions",
           (("m = X.shape[1]", "m = X.shape[0]"),),
           _cells("dimensions_visible", "dimensions_hidden")),
    Mutant("n_y read from X", f"{P}_layer_sizes",
           (("n_y = Y.shape[0]", "n_y = X.shape[0]"),),
           _cells("layer_sizes_visible", "layer_sizes_hidden", "nn_model_visible")),
    Mutant("W1 without the 0.01 scale", f"{P}_initialize_parameters",
           (("W1 = np.random.randn(n_h, n_x) * 0.01", "W1 = np.random.randn(n_h, n_x)"),),
           _cells("initialize_parameters_visible", "initialize_parameters_hidden",
                  "nn_model_visible")),
    Mutant("b1 initialised randomly", f"{P}_initialize_parameters",
           (("b1 = np.zeros((n_h, 1))", "b1 = np.random.randn(n_h, 1) * 0.01"),),
           _cells("initialize_parameters_visible", "initialize_parameters_hidden",
                  "nn_model_visible")),
    Mutant("np.random.seed(2) inside initialize_parameters", f"{P}_initialize_parameters",
           (("W1 = np.random.randn", "np.random.seed(2)\n    W1 = np.random.randn"),),
           _cells("initialize_parameters_hidden", "nn_model_visible")),
    Mutant("sigmoid in the hidden layer", f"{P}_forward_propagation",
           (("A1 = np.tanh(Z1)", "A1 = sigmoid(Z1)"),),
           _cells("forward_propagation_visible", "forward_propagation_hidden",
                  "nn_model_visible")),
    Mutant("a loop over the examples for Z1", f"{P}_forward_propagation",
           (("Z1 = np.dot(W1, X) + b1",
             "Z1 = np.zeros((W1.shape[0], X.shape[1]))\n    for i in range(X.shape[1]):\n"
             "        Z1[:, i:i + 1] = np.dot(W1, X[:, i:i + 1]) + b1"),),
           _cells("forward_propagation_hidden")),
    Mutant("cost without its minus sign", f"{P}_compute_cost",
           (("cost = -np.sum(logprobs) / m", "cost = np.sum(logprobs) / m"),),
           _cells("compute_cost_visible", "compute_cost_hidden")),
    Mutant("ReLU'(0) = 1", f"{P}_activations",
           (("g_prime = (z > 0).astype(float)", "g_prime = (z >= 0).astype(float)"),),
           _cells("activations_visible", "activations_hidden")),
    Mutant("relu zeroes the caller's z in place", f"{P}_activations",
           (("a = np.maximum(0, z)", "z[z < 0] = 0\n    a = z"),),
           _cells("activations_visible", "activations_hidden")),
    Mutant("sigmoid' A1 * (1 - A1) where tanh' belongs", f"{P}_backward_propagation",
           (("(1 - np.power(A1, 2))", "A1 * (1 - A1)"),),
           _cells("backward_propagation_visible", "backward_propagation_hidden",
                  "nn_model_visible")),
    Mutant("dW2 without the 1/m", f"{P}_backward_propagation",
           (("dW2 = np.dot(dZ2, A1.T) / m", "dW2 = np.dot(dZ2, A1.T)"),),
           _cells("backward_propagation_visible", "backward_propagation_hidden",
                  "nn_model_visible")),
    Mutant("db1 without keepdims", f"{P}_backward_propagation",
           (("db1 = np.sum(dZ1, axis=1, keepdims=True) / m", "db1 = np.sum(dZ1, axis=1) / m"),),
           _cells("backward_propagation_visible", "backward_propagation_hidden",
                  "nn_model_visible")),
    Mutant("dW1 with the transpose on the wrong factor", f"{P}_backward_propagation",
           (("dW1 = np.dot(dZ1, X.T) / m", "dW1 = np.dot(X, dZ1.T) / m"),),
           _cells("backward_propagation_visible", "backward_propagation_hidden",
                  "nn_model_visible")),
    Mutant("gradient ascent on W1 (+ instead of -)", f"{P}_update_parameters",
           (("W1 = W1 - learning_rate * dW1", "W1 = W1 + learning_rate * dW1"),),
           _cells("update_parameters_visible", "update_parameters_hidden", "nn_model_visible")),
    Mutant("in-place update of the caller's W1", f"{P}_update_parameters",
           (("W1 = W1 - learning_rate * dW1", "W1 -= learning_rate * dW1"),),
           _cells("update_parameters_visible", "update_parameters_hidden")),
    Mutant("n_h ignored (always 4 hidden units)", f"{P}_nn_model",
           (("initialize_parameters(n_x, n_h, n_y)", "initialize_parameters(n_x, 4, n_y)"),),
           _cells("nn_model_hidden")),
    Mutant("the updated parameters are thrown away", f"{P}_nn_model",
           (("parameters = update_parameters(parameters, grads)",
             "update_parameters(parameters, grads)"),),
           _cells("nn_model_visible", "nn_model_hidden")),
    Mutant("threshold A2 >= 0.5", f"{P}_predict",
           (("(A2 > 0.5)", "(A2 >= 0.5)"),),
           _cells("predict_visible", "predict_hidden")),
]
