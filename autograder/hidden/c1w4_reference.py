"""Reference implementations for the two course 1 week 4 assignments (notes §4.1-4.6).

Written independently of the notebooks' solutions and of `course1/week4/dnn_app_utils.py`;
both hidden-test modules (c1w4_deep_nn_step_by_step, c1w4_deep_nn_application) swap these in
for the learner's other functions, so a bug costs points once. Conventions fixed by the spec:
X is (n_x, m); caches are ((A_prev, W, b), Z); ReLU'(0) = 0 (DECISIONS §4); initial weights
are drawn W1, W2, ... in order with np.random.randn, biases are zeros.
"""
import numpy as np

__all__ = ["sigmoid", "relu", "sigmoid_backward", "relu_backward", "initialize_parameters",
           "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
           "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward",
           "L_model_backward", "update_parameters", "two_layer_model", "L_layer_model",
           "STEP_BY_STEP", "HELPERS"]


def sigmoid(Z):
    return 1.0 / (1.0 + np.exp(-Z)), Z


def relu(Z):
    return np.where(Z > 0, Z, 0.0), Z


def sigmoid_backward(dA, cache):
    s = 1.0 / (1.0 + np.exp(-cache))
    return dA * s * (1.0 - s)


def relu_backward(dA, cache):
    return np.where(cache > 0, dA, 0.0)  # DECISIONS §4: ReLU'(0) = 0


def _weight(shape, scale):
    """randn(shape) * scale, or randn / sqrt(n_prev) when scale is None (the application's)."""
    w = np.random.randn(*shape)
    return w / np.sqrt(shape[1]) if scale is None else w * scale


def initialize_parameters(n_x, n_h, n_y, scale=0.01):
    W1 = _weight((n_h, n_x), scale)
    W2 = _weight((n_y, n_h), scale)
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def initialize_parameters_deep(layer_dims, scale=0.01):
    params = {}
    for l, (n_prev, n) in enumerate(zip(layer_dims[:-1], layer_dims[1:]), start=1):
        params[f"W{l}"] = _weight((n, n_prev), scale)
        params[f"b{l}"] = np.zeros((n, 1))
    return params


def linear_forward(A, W, b):
    return W @ A + b, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    Z, linear_cache = linear_forward(A_prev, W, b)
    A, activation_cache = {"relu": relu, "sigmoid": sigmoid}[activation](Z)
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    L = len(parameters) // 2
    A, caches = X, []
    for l in range(1, L + 1):
        A, cache = linear_activation_forward(A, parameters[f"W{l}"], parameters[f"b{l}"],
                                             "sigmoid" if l == L else "relu")
        caches.append(cache)
    return A, caches


def compute_cost(AL, Y):
    m = Y.shape[1]
    return float(-(np.sum(np.log(AL[Y == 1])) + np.sum(np.log(1 - AL[Y != 1]))) / m)


def linear_backward(dZ, cache):
    A_prev, W, _ = cache
    m = A_prev.shape[1]
    return W.T @ dZ, (dZ @ A_prev.T) / m, dZ.sum(axis=1, keepdims=True) / m


def linear_activation_backward(dA, cache, activation):
    linear_cache, Z = cache
    back = {"relu": relu_backward, "sigmoid": sigmoid_backward}[activation]
    return linear_backward(back(dA, Z), linear_cache)


def L_model_backward(AL, Y, caches):
    L = len(caches)
    Y = Y.reshape(AL.shape)
    grads = {}
    dA = (1 - Y) / (1 - AL) - Y / AL
    for l in range(L, 0, -1):
        dA, grads[f"dW{l}"], grads[f"db{l}"] = linear_activation_backward(
            dA, caches[l - 1], "sigmoid" if l == L else "relu")
        grads[f"dA{l - 1}"] = dA
    return grads


def update_parameters(params, grads, learning_rate):
    return {k: v - learning_rate * grads["d" + k] for k, v in params.items()}


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                    print_cost=False):
    """The application's 2-layer model: seed 1, W ~ randn / sqrt(n_prev), cost every 100."""
    np.random.seed(1)
    n_x, n_h, n_y = layers_dims
    params, costs = initialize_parameters(n_x, n_h, n_y, scale=None), []
    for i in range(num_iterations):
        A1, c1 = linear_activation_forward(X, params["W1"], params["b1"], "relu")
        A2, c2 = linear_activation_forward(A1, params["W2"], params["b2"], "sigmoid")
        if i % 100 == 0:
            costs.append(compute_cost(A2, Y))
        dA1, dW2, db2 = linear_activation_backward((1 - Y) / (1 - A2) - Y / A2, c2, "sigmoid")
        _, dW1, db1 = linear_activation_backward(dA1, c1, "relu")
        params = update_parameters(params, {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2},
                                   learning_rate)
    return params, costs


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000,
                  print_cost=False):
    """The application's L-layer model: seed 1, W ~ randn / sqrt(n_prev), cost every 100."""
    np.random.seed(1)
    params, costs = initialize_parameters_deep(layers_dims, scale=None), []
    for i in range(num_iterations):
        AL, caches = L_model_forward(X, params)
        if i % 100 == 0:
            costs.append(compute_cost(AL, Y))
        params = update_parameters(params, L_model_backward(AL, Y, caches), learning_rate)
    return params, costs


# The graded functions of the step-by-step notebook, by name (the application's helpers too).
STEP_BY_STEP = {f.__name__: f for f in (
    initialize_parameters, initialize_parameters_deep, linear_forward, linear_activation_forward,
    L_model_forward, compute_cost, linear_backward, linear_activation_backward, L_model_backward,
    update_parameters)}
HELPERS = {f.__name__: f for f in (sigmoid, relu, sigmoid_backward, relu_backward)}
