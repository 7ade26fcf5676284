"""Reference implementations for c2w1_regularization (notes C2 §1.1-1.8), instructor-only.

Written independently of the notebook's solutions and of course2/common/three_layer_net.py.
Conventions fixed by the spec: X is (n_x, m); the plain cache is
(Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3) and the dropout cache
(Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3), where A1 and A2 are the activations
after dropout; ReLU'(0) = 0; the masks are drawn D1 then D2 with np.random.rand after
np.random.seed(seed); the L2 term is lambd / (2 m) times the squares of every W (notes E4).
"""
import numpy as np

__all__ = ["BIAS_REMEDIES", "VARIANCE_REMEDIES", "split_sizes", "diagnose_bias_variance",
           "basic_recipe", "compute_cost_with_regularization",
           "backward_propagation_with_regularization", "forward_propagation_with_dropout",
           "backward_propagation_with_dropout", "early_stopping_epoch", "cross_entropy",
           "forward", "forward_with_masks", "GRADED", "HELPERS"]

BIAS_REMEDIES = ("bigger network", "train longer", "better optimizer")
VARIANCE_REMEDIES = ("more data", "regularization")


def split_sizes(m, dev_frac, test_frac):
    m_dev, m_test = int(np.round(m * dev_frac)), int(np.round(m * test_frac))
    return m - m_dev - m_test, m_dev, m_test


def diagnose_bias_variance(train_err, dev_err, bayes_err=0.0, tol=0.05):
    avoidable_bias, variance = train_err - bayes_err, dev_err - train_err
    return bool(avoidable_bias > tol), bool(variance > tol)


def basic_recipe(high_bias, high_variance):
    return list(BIAS_REMEDIES) * bool(high_bias) + list(VARIANCE_REMEDIES) * bool(high_variance)


def cross_entropy(A3, Y):
    return float(-np.mean(np.where(Y == 1, np.log(A3), np.log(1 - A3))))


def compute_cost_with_regularization(A3, Y, parameters, lambd):
    m = Y.shape[1]
    squares = [float(np.vdot(w, w)) for k, w in sorted(parameters.items()) if k[0] == "W"]
    return cross_entropy(A3, Y) + lambd * sum(squares) / (2 * m)


def _relu(Z):
    return np.where(Z > 0, Z, 0.0)


def _sigmoid(Z):
    return 1.0 / (1.0 + np.exp(-Z))


def forward_with_masks(X, parameters, D1, D2, keep_prob):
    """The dropout forward pass with given masks: the dropout cache (and A3 = cache[11])."""
    W1, b1, W2, b2, W3, b3 = (parameters[k] for k in ("W1", "b1", "W2", "b2", "W3", "b3"))
    Z1 = np.dot(W1, X) + b1
    A1 = np.where(D1, _relu(Z1), 0.0) / keep_prob
    Z2 = np.dot(W2, A1) + b2
    A2 = np.where(D2, _relu(Z2), 0.0) / keep_prob
    Z3 = np.dot(W3, A2) + b3
    return (Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, _sigmoid(Z3), W3, b3)


def forward(X, parameters):
    """The plain forward pass of three_layer_net: (A3, cache)."""
    n1, n2 = parameters["W1"].shape[0], parameters["W2"].shape[0]
    ones1, ones2 = np.ones((n1, X.shape[1]), bool), np.ones((n2, X.shape[1]), bool)
    c = forward_with_masks(X, parameters, ones1, ones2, 1.0)
    return c[11], (c[0], c[2], c[3], c[4], c[5], c[7], c[8], c[9], c[10], c[11], c[12], c[13])


def forward_propagation_with_dropout(X, parameters, keep_prob=0.5, seed=1):
    np.random.seed(seed)
    n1, n2, m = parameters["W1"].shape[0], parameters["W2"].shape[0], X.shape[1]
    D1 = np.random.rand(n1, m) < keep_prob  # the draws do not depend on A1's values
    D2 = np.random.rand(n2, m) < keep_prob
    cache = forward_with_masks(X, parameters, D1, D2, keep_prob)
    return cache[11], cache


def _backward(X, Y, A1, A2, A3, W2, W3, masks=(1.0, 1.0), lambd=0.0, Ws=None):
    """Gradients of the mean cross-entropy (+ the L2 term when lambd > 0) for both caches."""
    m = X.shape[1]
    grads = {"dZ3": A3 - Y}
    layers = ((3, A2, W3, masks[1]), (2, A1, W2, masks[0]), (1, X, None, None))
    for l, A_prev, W, mask in layers:
        dZ = grads[f"dZ{l}"]
        grads[f"dW{l}"] = np.dot(dZ, A_prev.T) / m
        if lambd:
            grads[f"dW{l}"] = grads[f"dW{l}"] + (lambd / m) * Ws[l - 1]
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
        if W is not None:
            grads[f"dA{l - 1}"] = np.dot(W.T, dZ) * mask
            grads[f"dZ{l - 1}"] = np.where(A_prev > 0, grads[f"dA{l - 1}"], 0.0)
    return grads


def backward_propagation_with_regularization(X, Y, cache, lambd):
    Z1, A1, W1, b1, Z2, A2, W2, b2, Z3, A3, W3, b3 = cache
    return _backward(X, Y, A1, A2, A3, W2, W3, lambd=lambd, Ws=(W1, W2, W3))


def backward_propagation_with_dropout(X, Y, cache, keep_prob):
    Z1, D1, A1, W1, b1, Z2, D2, A2, W2, b2, Z3, A3, W3, b3 = cache
    masks = (np.asarray(D1, float) / keep_prob, np.asarray(D2, float) / keep_prob)
    return _backward(X, Y, A1, A2, A3, W2, W3, masks=masks)


def early_stopping_epoch(dev_costs):
    costs = [float(c) for c in np.ravel(np.asarray(dev_costs, dtype=float))]
    return costs.index(min(costs))


GRADED = {f.__name__: f for f in (
    split_sizes, diagnose_bias_variance, basic_recipe, compute_cost_with_regularization,
    backward_propagation_with_regularization, forward_propagation_with_dropout,
    backward_propagation_with_dropout, early_stopping_epoch)}


def _plain_backward(X, Y, cache):
    return backward_propagation_with_regularization(X, Y, cache, 0.0)


# The given helpers of three_layer_net that a learner's answer may call, by their names there.
HELPERS = {"relu": _relu, "sigmoid": _sigmoid, "compute_loss": cross_entropy,
           "forward_propagation": forward, "backward_propagation": _plain_backward}
