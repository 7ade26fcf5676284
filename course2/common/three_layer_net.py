"""The small network that the course-2 notebooks train: LINEAR->RELU->LINEAR->RELU->LINEAR->SIGMOID.

Released next to the notebooks of course 2 that need it (initialization, regularization,
gradient checking, optimization), so that each of them trains the same network without you
rewriting the course-1 building blocks. Conventions of course 1: X is (n_x, m) with one example
per column, Y is (1, m) of 0/1 labels, parameters are "W1", "b1", ... with W^[l] of shape
(n^[l], n^[l-1]) and b^[l] of shape (n^[l], 1); ReLU'(0) = 0.

The cache that forward_propagation returns is the tuple
(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3).
"""
import numpy as np

__all__ = ["sigmoid", "relu", "initialize_parameters", "forward_propagation",
           "backward_propagation", "compute_loss", "update_parameters", "predict", "predict_dec"]


def sigmoid(z):
    """1 / (1 + e^(-z)) element-wise."""
    return 1 / (1 + np.exp(-z))


def relu(z):
    """max(0, z) element-wise."""
    return np.maximum(0, z)


def initialize_parameters(layer_dims, seed=3):
    """W^[l] = randn(n^[l], n^[l-1]) / sqrt(n^[l-1]), b^[l] = 0, drawn layer by layer after
    np.random.seed(seed). layer_dims -- [n_x, n^[1], n^[2], n^[3]]."""
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters[f"W{l}"] = (np.random.randn(layer_dims[l], layer_dims[l - 1])
                               / np.sqrt(layer_dims[l - 1]))
        parameters[f"b{l}"] = np.zeros((layer_dims[l], 1))
    return parameters


def forward_propagation(X, parameters):
    """X (n_x, m) -> (A3 (1, m), cache): the output probabilities and what backward needs."""
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = W1 @ X + b1
    A1 = relu(Z1)
    Z2 = W2 @ A1 + b2
    A2 = relu(Z2)
    Z3 = W3 @ A2 + b3
    A3 = sigmoid(Z3)
    return A3, (Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3)


def backward_propagation(X, Y, cache):
    """The gradients of compute_loss with respect to every parameter (and Z, A on the way):
    a dict with "dZ3", "dW3", "db3", "dA2", "dZ2", ..., "db1"."""
    m = X.shape[1]
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    grads = {"dZ3": A3 - Y}
    grads["dW3"] = grads["dZ3"] @ A2.T / m
    grads["db3"] = grads["dZ3"].sum(axis=1, keepdims=True) / m
    grads["dA2"] = W3.T @ grads["dZ3"]
    grads["dZ2"] = grads["dA2"] * (Z2 > 0)
    grads["dW2"] = grads["dZ2"] @ A1.T / m
    grads["db2"] = grads["dZ2"].sum(axis=1, keepdims=True) / m
    grads["dA1"] = W2.T @ grads["dZ2"]
    grads["dZ1"] = grads["dA1"] * (Z1 > 0)
    grads["dW1"] = grads["dZ1"] @ X.T / m
    grads["db1"] = grads["dZ1"].sum(axis=1, keepdims=True) / m
    return grads


def compute_loss(A3, Y):
    """The cross-entropy cost -(1/m) sum(y log a + (1 - y) log(1 - a)), a float. Probabilities
    of exactly 0 or 1 are clipped to [1e-12, 1 - 1e-12] so that a confident mistake costs a large
    finite number instead of inf."""
    A3 = np.clip(A3, 1e-12, 1 - 1e-12)
    return float(-np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3)))


def update_parameters(parameters, grads, learning_rate):
    """One gradient-descent step on every W^[l] and b^[l]; returns a new dict."""
    return {key: value - learning_rate * grads["d" + key] for key, value in parameters.items()}


def predict(X, Y, parameters, label=None):
    """Predictions (1, m) of 0/1 for X, thresholding A3 at 0.5. With `label` (e.g. "train
    accuracy"), prints '<label>: <accuracy> %' against the labels Y."""
    A3, _ = forward_propagation(X, parameters)
    predictions = (A3 > 0.5).astype(int)
    if label is not None:
        print(f"{label}: {100 * np.mean(predictions == Y):.1f} %")
    return predictions


def predict_dec(parameters, X):
    """The 0/1 predictions as a boolean (1, m) array; plot_decision_boundary calls this."""
    A3, _ = forward_propagation(X, parameters)
    return A3 > 0.5
