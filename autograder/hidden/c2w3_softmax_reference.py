"""References and tools for the hidden tests of c2w3_softmax_and_frameworks (instructor-only).

The reference_* functions are written independently of the notebook's solutions; the numpy_*
functions give the values and gradients the framework answers are compared with, derived by hand.
"""

import numpy as np

from shared_utils import nn

DIMS = (12288, 25, 12, 6)


def reference_softmax(Z):
    e = np.exp(Z - Z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def reference_one_hot_matrix(labels, C):
    labels = np.asarray(labels).reshape(-1)
    Y = np.zeros((C, labels.size))
    Y[labels, np.arange(labels.size)] = 1.0
    return Y


def reference_compute_cost(A, Y):
    return float(-np.sum(Y * np.log(A)) / A.shape[1])


def reference_softmax_backward(A, Y):
    return A - Y


def reference_minimize_w(coefficients, num_iterations=1001, learning_rate=0.01):
    a, b, _ = np.asarray(coefficients, dtype=float).reshape(-1)
    w = 0.0
    for _ in range(num_iterations):
        w -= learning_rate * (2 * a * w + b)  # dJ/dw of J = a w^2 + b w + c
    return nn.Parameter(np.array(w))


def reference_initialize_parameters():
    np.random.seed(1)
    parameters = {}
    for l in (1, 2, 3):
        n_prev, n = DIMS[l - 1], DIMS[l]
        W = np.random.randn(n, n_prev) * np.sqrt(2.0 / (n_prev + n))  # Glorot normal
        parameters[f"W{l}"] = nn.Parameter(W.astype(np.float32))
        parameters[f"b{l}"] = nn.Parameter(np.zeros((n, 1), np.float32))
    return parameters


def reference_forward_propagation(X, parameters):
    A = X
    for l in (1, 2, 3):
        Z = parameters[f"W{l}"] @ A + parameters[f"b{l}"]
        A = Z.relu() if l < 3 else Z
    return A


def reference_compute_total_loss(logits, labels):
    labels = labels.data if isinstance(labels, nn.Tensor) else labels
    return -(logits.log_softmax(dim=0) * labels).sum()


REFERENCES = {"softmax": reference_softmax, "one_hot_matrix": reference_one_hot_matrix,
              "compute_cost": reference_compute_cost,
              "softmax_backward": reference_softmax_backward,
              "minimize_w": reference_minimize_w,
              "initialize_parameters": reference_initialize_parameters,
              "forward_propagation": reference_forward_propagation,
              "compute_total_loss": reference_compute_total_loss}


def numpy_forward_backward(X, v, G):
    """Z3 and the gradients of sum(Z3 * G) with respect to every parameter, by hand."""
    Z1 = v["W1"] @ X + v["b1"]
    A1 = np.maximum(Z1, 0)
    Z2 = v["W2"] @ A1 + v["b2"]
    A2 = np.maximum(Z2, 0)
    Z3 = v["W3"] @ A2 + v["b3"]
    dZ2 = (v["W3"].T @ G) * (Z2 > 0)
    dZ1 = (v["W2"].T @ dZ2) * (Z1 > 0)
    grads = {"W3": G @ A2.T, "b3": G.sum(1, keepdims=True), "W2": dZ2 @ A1.T,
             "b2": dZ2.sum(1, keepdims=True), "W1": dZ1 @ X.T, "b1": dZ1.sum(1, keepdims=True)}
    return Z3, grads


def numpy_total_loss(L, Y):
    shifted = L - L.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-np.sum(Y * log_p)), np.exp(log_p) - Y
