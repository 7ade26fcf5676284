"""Instructor-only reference answers for c2w3_hyperparameters_batchnorm (notes C2 §3.1-3.7),
written independently of the notebook's solutions: the backward pass below goes through the
step-by-step chain rule (via dvar and dmu), not the notebook's compact formula."""
import itertools

import numpy as np

__all__ = ["REFERENCES", "sample_log_uniform", "sample_beta", "random_search_points",
           "grid_search_points", "batchnorm_forward", "update_running_averages",
           "batchnorm_forward_test", "batchnorm_backward"]


def sample_log_uniform(low, high, size, seed):
    np.random.seed(seed)
    exponent = np.random.uniform(np.log10(low), np.log10(high), size)
    return np.power(10.0, exponent)


def sample_beta(low=0.9, high=0.999, size=1, seed=0):
    """1 - beta is log-uniform between 1 - high and 1 - low."""
    np.random.seed(seed)
    exponent = np.random.uniform(np.log10(1 - high), np.log10(1 - low), size)
    return 1.0 - np.power(10.0, exponent)


def _axis_bounds(low, high, scale):
    return (np.log10(low), np.log10(high)) if scale == "log" else (low, high)


def random_search_points(n, ranges, seed):
    np.random.seed(seed)
    points = {}
    for name, (low, high, scale) in ranges.items():
        values = np.random.uniform(*_axis_bounds(low, high, scale), n)
        points[name] = np.power(10.0, values) if scale == "log" else values
    return points


def grid_search_points(per_axis, ranges):
    axes = []
    for low, high, scale in ranges.values():
        a, b = _axis_bounds(low, high, scale)
        ticks = [a + (b - a) * k / (per_axis - 1) for k in range(per_axis)] if per_axis > 1 \
            else [a]
        axes.append([10.0 ** t for t in ticks] if scale == "log" else ticks)
    combos = np.array(list(itertools.product(*axes)), dtype=float)  # first axis slowest
    return {name: combos[:, k].copy() for k, name in enumerate(ranges)}


def batchnorm_forward(Z, gamma, beta, epsilon=1e-5):
    m = Z.shape[1]
    mu = Z.sum(axis=1, keepdims=True) / m
    var = np.square(Z - mu).sum(axis=1, keepdims=True) / m
    Z_norm = (Z - mu) / np.sqrt(var + epsilon)
    return gamma * Z_norm + beta, (Z, Z_norm, mu, var, gamma, beta, epsilon), mu, var


def update_running_averages(running_mu, running_var, mu, var, momentum=0.9):
    return (running_mu + (1 - momentum) * (mu - running_mu),
            running_var + (1 - momentum) * (var - running_var))


def batchnorm_forward_test(Z, gamma, beta, running_mu, running_var, epsilon=1e-5):
    return gamma * (Z - running_mu) / np.sqrt(running_var + epsilon) + beta


def batchnorm_backward(dZ_tilde, cache):
    Z, Z_norm, mu, var, gamma, beta, epsilon = cache
    m = Z.shape[1]
    dZ_norm = dZ_tilde * gamma
    dvar = np.sum(dZ_norm * (Z - mu), axis=1, keepdims=True) * -0.5 * (var + epsilon) ** -1.5
    dmu = (-np.sum(dZ_norm, axis=1, keepdims=True) / np.sqrt(var + epsilon)
           - 2 * dvar * np.mean(Z - mu, axis=1, keepdims=True))
    dZ = dZ_norm / np.sqrt(var + epsilon) + dvar * 2 * (Z - mu) / m + dmu / m
    return (dZ, np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True),
            np.sum(dZ_tilde, axis=1, keepdims=True))


REFERENCES = {f.__name__: f for f in (sample_log_uniform, sample_beta, random_search_points,
                                      grid_search_points, batchnorm_forward,
                                      update_running_averages, batchnorm_forward_test,
                                      batchnorm_backward)}
