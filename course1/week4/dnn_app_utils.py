"""Helpers for c1w4_deep_nn_application: the building blocks of a deep network (notes §4.1-4.6).

These are the functions you wrote in `c1w4_deep_nn_step_by_step`, given here so that this
assignment does not depend on your earlier answers. The file is released with this assignment
only. Conventions: X is (n_x, m) with one example per column; a layer's cache is
((A_prev, W, b), Z); ReLU'(0) = 0.

One change from step by step: the initialisers scale the random weights by 1/sqrt(n^[l-1])
instead of 0.01 by default. The notebook's section on initialisation shows why a 5-layer
network needs this.
"""
import sys

import numpy as np
from tqdm import tqdm

__all__ = ["sigmoid", "relu", "sigmoid_backward", "relu_backward", "initialize_parameters",
           "initialize_parameters_deep", "linear_forward", "linear_activation_forward",
           "L_model_forward", "compute_cost", "linear_backward", "linear_activation_backward",
           "L_model_backward", "update_parameters", "predict", "progress"]


def sigmoid(Z):
    """sigmoid(Z) element-wise. Returns A (same shape as Z) and the cache Z."""
    return 1 / (1 + np.exp(-Z)), Z


def relu(Z):
    """max(0, Z) element-wise. Returns A (same shape as Z) and the cache Z."""
    return np.maximum(0, Z), Z


def sigmoid_backward(dA, cache):
    """dZ = dA * sigmoid'(Z), where cache is the Z that sigmoid(Z) returned."""
    s = 1 / (1 + np.exp(-cache))
    return dA * s * (1 - s)


def relu_backward(dA, cache):
    """dZ = dA * relu'(Z), where cache is the Z that relu(Z) returned; relu'(0) = 0."""
    dZ = np.array(dA, copy=True)
    dZ[cache <= 0] = 0
    return dZ


def _random_weights(n, n_prev, scale):
    """randn(n, n_prev) / sqrt(n_prev) when scale is None, else randn(n, n_prev) * scale."""
    W = np.random.randn(n, n_prev)
    return W / np.sqrt(n_prev) if scale is None else W * scale


def initialize_parameters(n_x, n_h, n_y, scale=None):
    """
    Random weights and zero biases for LINEAR -> RELU -> LINEAR -> SIGMOID (notes §3.11).

    Arguments:
    n_x, n_h, n_y -- sizes of the input, hidden and output layers
    scale -- None: W ~ randn / sqrt(n_prev); a number s: W ~ randn * s (step by step used 0.01)

    Returns:
    parameters -- dict with W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1);
                  W1 is drawn before W2
    """
    W1 = _random_weights(n_h, n_x, scale)
    W2 = _random_weights(n_y, n_h, scale)
    return {"W1": W1, "b1": np.zeros((n_h, 1)), "W2": W2, "b2": np.zeros((n_y, 1))}


def initialize_parameters_deep(layer_dims, scale=None):
    """
    Random weights and zero biases for an L-layer network (notes §3.11, §4.1).

    Arguments:
    layer_dims -- list [n^[0], n^[1], ..., n^[L]] of the layer sizes, input layer included
    scale -- None: W^[l] ~ randn / sqrt(n^[l-1]); a number s: W^[l] ~ randn * s

    Returns:
    parameters -- dict with "W" + str(l) of shape (n^[l], n^[l-1]) and "b" + str(l) of shape
                  (n^[l], 1) for l = 1, ..., L, drawn in the order W1, W2, ...
    """
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = _random_weights(layer_dims[l], layer_dims[l - 1], scale)
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    """Z = W A + b, shape (n^[l], m), and the cache (A, W, b) (notes §4.3)."""
    return np.dot(W, A) + b, (A, W, b)


def linear_activation_forward(A_prev, W, b, activation):
    """
    The forward step of one layer, LINEAR -> ACTIVATION (notes §4.2).

    Arguments:
    A_prev -- activations of the previous layer, shape (n^[l-1], m)
    W -- weights, shape (n^[l], n^[l-1]); b -- biases, shape (n^[l], 1)
    activation -- "sigmoid" or "relu"

    Returns:
    A -- g(W A_prev + b), shape (n^[l], m)
    cache -- (linear_cache, activation_cache) = ((A_prev, W, b), Z)
    """
    Z, linear_cache = linear_forward(A_prev, W, b)
    if activation == "sigmoid":
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        A, activation_cache = relu(Z)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    return A, (linear_cache, activation_cache)


def L_model_forward(X, parameters):
    """
    Forward pass [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID (notes §4.3).

    Arguments:
    X -- input data, shape (n^[0], m)
    parameters -- dict with W1, b1, ..., WL, bL

    Returns:
    AL -- the prediction A^[L], shape (1, m)
    caches -- list of the L layers' caches; caches[l - 1] belongs to layer l
    """
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L + 1):
        activation = "sigmoid" if l == L else "relu"
        A, cache = linear_activation_forward(A, parameters["W" + str(l)],
                                             parameters["b" + str(l)], activation)
        caches.append(cache)
    return A, caches


def compute_cost(AL, Y):
    """The cross-entropy cost J of predictions AL (1, m) for labels Y (1, m), as a float."""
    m = Y.shape[1]
    cost = -np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m
    return float(np.squeeze(cost))


def linear_backward(dZ, cache):
    """
    The backward step of a layer's linear part (notes §4.2, equations (7)-(9)).

    Arguments:
    dZ -- gradient with respect to Z, shape (n^[l], m)
    cache -- (A_prev, W, b) from linear_forward

    Returns:
    dA_prev (n^[l-1], m), dW (n^[l], n^[l-1]), db (n^[l], 1)
    """
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = np.dot(dZ, A_prev.T) / m
    db = np.sum(dZ, axis=1, keepdims=True) / m
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    """
    The backward step of one layer, LINEAR -> ACTIVATION (notes §4.2, equations (6)-(9)).

    Arguments:
    dA -- gradient with respect to the layer's output A, shape (n^[l], m)
    cache -- ((A_prev, W, b), Z) from linear_activation_forward
    activation -- "sigmoid" or "relu", as in the forward step

    Returns:
    dA_prev (n^[l-1], m), dW (n^[l], n^[l-1]), db (n^[l], 1)
    """
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
    else:
        raise ValueError(f"unknown activation {activation!r}")
    return linear_backward(dZ, linear_cache)


def L_model_backward(AL, Y, caches):
    """
    Backward pass for [LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID (notes §4.2).

    Arguments:
    AL -- the output of L_model_forward, shape (1, m)
    Y -- labels 0/1, shape (1, m)
    caches -- the list of caches from L_model_forward

    Returns:
    grads -- dict with "dA" + str(l - 1), "dW" + str(l), "db" + str(l) for l = L, ..., 1
    """
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    for l in reversed(range(1, L + 1)):
        activation = "sigmoid" if l == L else "relu"
        dA, dW, db = linear_activation_backward(dA, caches[l - 1], activation)
        grads["dA" + str(l - 1)], grads["dW" + str(l)], grads["db" + str(l)] = dA, dW, db
    return grads


def update_parameters(params, grads, learning_rate):
    """One step of gradient descent, W := W - alpha dW and b := b - alpha db, for every layer.
    Returns a new dict; params is left unchanged (notes §4.6)."""
    parameters = params.copy()
    for l in range(1, len(parameters) // 2 + 1):
        for name in ("W" + str(l), "b" + str(l)):
            parameters[name] = parameters[name] - learning_rate * grads["d" + name]
    return parameters


def predict(X, y, parameters, name=""):
    """
    Predict cat (1) or non-cat (0) for every column of X, and print the accuracy against y.

    Arguments:
    X -- data, shape (n^[0], m)
    y -- true labels 0/1, shape (1, m), or None to print nothing
    parameters -- dict with W1, b1, ..., WL, bL (a 2-layer model's parameters work too)
    name -- a label for the printed line, e.g. "test" prints "test accuracy: 86.0 %"

    Returns:
    p -- predictions, shape (1, m): 1.0 where A^[L] > 0.5, else 0.0
    """
    AL, _ = L_model_forward(X, parameters)
    p = (AL > 0.5).astype(float)
    if y is not None:
        print(f"{name} accuracy: {100 * np.mean(p == y):.1f} %".lstrip())
    return p


def progress(num_iterations, print_cost):
    """range(num_iterations) with a progress bar when print_cost is True (show the cost on it
    with bar.set_postfix(cost=...)); printed to stdout so that it is not taken for a warning."""
    return tqdm(range(num_iterations), disable=not print_cost, file=sys.stdout, desc="training",
                unit="iteration", mininterval=0.5)
