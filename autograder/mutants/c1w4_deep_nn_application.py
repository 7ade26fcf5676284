"""Plausible mistakes in c1w4_deep_nn_application and the test cells each must fail.

Both models call only the given helpers of dnn_app_utils, so a mistake in one model never
reaches the other model's cells.
"""
from . import Mutant

P = "c1w4app"
TWO = frozenset({f"{P}_two_layer_model_visible", f"{P}_two_layer_model_hidden"})
DEEP = frozenset({f"{P}_L_layer_model_visible", f"{P}_L_layer_model_hidden"})
UPDATE = "parameters = update_parameters(parameters, grads, learning_rate)"

MUTANTS = [
    Mutant("relu and sigmoid swapped in the forward pass", f"{P}_two_layer_model",
           (('(X, W1, b1, activation="relu")', '(X, W1, b1, activation="sigmoid")'),
            ('(A1, W2, b2, activation="sigmoid")', '(A1, W2, b2, activation="relu")')),
           TWO),
    Mutant("dA2 with the wrong sign", f"{P}_two_layer_model",
           (("dA2 = -(np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))",
             "dA2 = np.divide(Y, A2) - np.divide(1 - Y, 1 - A2)"),),
           TWO),
    Mutant("backward through the two caches swapped", f"{P}_two_layer_model",
           (("(dA2, cache2, activation", "(dA2, cache1, activation"),
            ("(dA1, cache1, activation", "(dA1, cache2, activation")),
           TWO),
    Mutant("learning rate hard-coded to the default", f"{P}_two_layer_model",
           ((UPDATE, "parameters = update_parameters(parameters, grads, 0.0075)"),),
           TWO),
    Mutant("the update is never stored (parameters stay at their initial values)",
           f"{P}_two_layer_model",
           ((UPDATE, "new_parameters = update_parameters(parameters, grads, learning_rate)"),),
           TWO),
    Mutant("parameters re-initialised inside the loop", f"{P}_L_layer_model",
           (("AL, caches = L_model_forward(X, parameters)",
             "parameters = initialize_parameters_deep(layers_dims)\n"
             "        AL, caches = L_model_forward(X, parameters)"),),
           DEEP),
    Mutant("cost of the updated parameters (computed after the update)", f"{P}_L_layer_model",
           (("        cost = compute_cost(AL, Y)\n", ""),
            (UPDATE, UPDATE + "\n        cost = compute_cost("
                              "L_model_forward(X, parameters)[0], Y)")),
           DEEP),
    Mutant("learning rate hard-coded to the default", f"{P}_L_layer_model",
           ((UPDATE, "parameters = update_parameters(parameters, grads, 0.0075)"),),
           DEEP),
    Mutant("gradient ascent (the gradients added)", f"{P}_L_layer_model",
           ((UPDATE, "parameters = update_parameters(parameters, grads, -learning_rate)"),),
           DEEP),
    Mutant("the 2-layer initialiser for the deep net (only 2 layers)", f"{P}_L_layer_model",
           (("parameters = initialize_parameters_deep(layers_dims)",
             "parameters = initialize_parameters(layers_dims[0], layers_dims[1], "
             "layers_dims[-1])"),),
           DEEP),
]
