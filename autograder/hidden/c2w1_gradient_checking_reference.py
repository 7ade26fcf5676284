"""Reference implementations for c2w1_gradient_checking's hidden tests (instructor-only).

Written independently of the notebook: the numerical gradients perturb the parameter dictionaries
entry by entry (no unrolled vector), and the network has any number of layers.
"""
import numpy as np

__all__ = ["REFERENCES", "relative", "order", "numeric_blocks", "reference_forward_n",
           "reference_backward_n", "reference_gradient_check_n", "reference_locate_bugs",
           "reference_one_sided_difference", "reference_two_sided_difference"]


def reference_one_sided_difference(f, theta, epsilon=1e-2):
    return (f(theta + epsilon) - f(theta)) / epsilon


def reference_two_sided_difference(f, theta, epsilon=1e-2):
    return (f(theta + epsilon) - f(theta - epsilon)) / (2 * epsilon)


def reference_forward_propagation(x, theta):
    return x * theta


def reference_backward_propagation(x, theta):
    return x


def reference_interpret_difference(difference):
    return "great" if difference < 2e-7 else ("check" if difference < 1e-3 else "bug")


def relative(a, b):
    return float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))


def order(L, prefix=""):
    return [prefix + kind + str(l) for l in range(1, L + 1) for kind in "Wb"]


def reference_dictionary_to_vector(parameters):
    names = order(len(parameters) // 2)
    theta = np.vstack([np.ravel(parameters[k])[:, None] for k in names])
    return theta, sum(([k] * np.size(parameters[k]) for k in names), [])


def reference_vector_to_dictionary(theta, like):
    sizes = np.cumsum([0] + [like[k].size for k in order(len(like) // 2)])
    return {k: np.array(theta[a:b]).reshape(like[k].shape)
            for k, a, b in zip(order(len(like) // 2), sizes[:-1], sizes[1:])}


def reference_gradients_to_vector(gradients):
    L = len([k for k in gradients if k[:2] == "dW"])
    return np.vstack([np.ravel(gradients[k])[:, None] for k in order(L, "d")])


def reference_forward_n(X, Y, parameters, lambd=0.0):
    """[LINEAR -> RELU] * (L-1) -> LINEAR -> SIGMOID; cost with the L2 term lambd/(2m) sum W^2."""
    L, m, A, cache = len(parameters) // 2, X.shape[1], X, []
    for l in range(1, L + 1):
        W, b = parameters[f"W{l}"], parameters[f"b{l}"]
        Z = W @ A + b
        A = 1 / (1 + np.exp(-Z)) if l == L else np.maximum(Z, 0)
        cache += [Z, A, W, b]
    cost = -np.mean(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    cost += lambd / (2 * m) * sum(np.sum(parameters[f"W{l}"] ** 2) for l in range(1, L + 1))
    return float(cost), tuple(cache)


def reference_backward_n(X, Y, cache, lambd=0.0):
    L, m, grads = len(cache) // 4, X.shape[1], {}
    dZ = cache[-3] - Y
    for l in range(L, 0, -1):
        W = cache[4 * l - 2]
        A_prev = X if l == 1 else cache[4 * l - 7]
        grads[f"dW{l}"] = dZ @ A_prev.T / m + lambd / m * W
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m
        if l > 1:
            dZ = (W.T @ dZ) * (cache[4 * l - 8] > 0)
    return grads


def numeric_blocks(forward, parameters, X, Y, epsilon):
    """{name: two-sided estimates of dJ/d(name)}, nudging one entry of one array at a time."""
    blocks = {}
    for name in order(len(parameters) // 2):
        blocks[name] = np.zeros(parameters[name].shape)
        for idx in np.ndindex(parameters[name].shape):
            costs = []
            for step in (epsilon, -epsilon):
                nudged = {k: v.copy() for k, v in parameters.items()}
                nudged[name][idx] += step
                costs.append(forward(X, Y, nudged)[0])
            blocks[name][idx] = (costs[0] - costs[1]) / (2 * epsilon)
    return blocks


def reference_gradient_check_n(forward, parameters, gradients, X, Y, epsilon=1e-7):
    approx = numeric_blocks(forward, parameters, X, Y, epsilon)
    flat = lambda d, p="": np.concatenate([d[p + k].ravel() for k in approx])  # noqa: E731
    return relative(flat(gradients, "d"), flat(approx))


def reference_locate_bugs(forward, parameters, gradients, X, Y, epsilon=1e-7):
    approx = numeric_blocks(forward, parameters, X, Y, epsilon)
    diffs = {"d" + k: relative(gradients["d" + k], a) for k, a in approx.items()}
    return [k for k, d in diffs.items() if d >= 1e-3], diffs


REFERENCES = {"one_sided_difference": reference_one_sided_difference,
              "two_sided_difference": reference_two_sided_difference,
              "forward_propagation": reference_forward_propagation,
              "backward_propagation": reference_backward_propagation,
              "interpret_difference": reference_interpret_difference,
              "dictionary_to_vector": reference_dictionary_to_vector,
              "vector_to_dictionary": reference_vector_to_dictionary,
              "gradients_to_vector": reference_gradients_to_vector,
              "forward_propagation_n": reference_forward_n}
