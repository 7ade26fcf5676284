"""Plausible mistakes in c2w3_hyperparameters_batchnorm and the test cells each must fail.

No graded function here calls another, so every mistake stays in its own exercise's cells.
"""
from . import Mutant

P = "c2w3h"


def _cells(*names):
    return frozenset(f"{P}_{n}" for n in names)


def _both(name):
    return _cells(f"{name}_visible", f"{name}_hidden")


MUTANTS = [
    Mutant("alpha sampled uniformly instead of on a log scale", f"{P}_sample_log_uniform",
           (("r = np.random.uniform(np.log10(low), np.log10(high), size)\n    samples = 10 ** r",
             "samples = np.random.uniform(low, high, size)"),),
           _both("sample_log_uniform")),
    Mutant("natural log instead of log10", f"{P}_sample_log_uniform",
           (("np.random.uniform(np.log10(low), np.log10(high), size)",
             "np.random.uniform(np.log(low), np.log(high), size)"),),
           _both("sample_log_uniform")),
    Mutant("beta sampled as 10^r instead of 1 - 10^r", f"{P}_sample_beta",
           (("beta = 1 - 10 ** r", "beta = 10 ** r"),),
           _both("sample_beta")),
    Mutant("beta's exponent range hard-coded to [-3, -1]", f"{P}_sample_beta",
           (("np.random.uniform(np.log10(1 - high), np.log10(1 - low), size)",
             "np.random.uniform(-3, -1, size)"),),
           _both("sample_beta")),
    Mutant("random search re-seeds for every hyperparameter", f"{P}_random_search_points",
           (('        if scale == "log":\n',
             '        np.random.seed(seed)\n        if scale == "log":\n'),),
           _both("random_search_points")),
    Mutant("random search ignores the log scale", f"{P}_random_search_points",
           (("points[name] = 10 ** np.random.uniform(np.log10(low), np.log10(high), n)",
             "points[name] = np.random.uniform(low, high, n)"),),
           _both("random_search_points")),
    Mutant("grid spaced linearly on a log axis", f"{P}_grid_search_points",
           (("np.logspace(np.log10(low), np.log10(high), per_axis)",
             "np.linspace(low, high, per_axis)"),),
           _both("grid_search_points")),
    Mutant("grid with the first hyperparameter changing fastest", f"{P}_grid_search_points",
           (('np.meshgrid(*axes, indexing="ij")', "np.meshgrid(*axes)"),),
           _both("grid_search_points")),
    Mutant("variance with 1/(m - 1) (ddof=1)", f"{P}_batchnorm_forward",
           (("np.var(Z, axis=1, keepdims=True)", "np.var(Z, axis=1, ddof=1, keepdims=True)"),),
           _both("batchnorm_forward")),
    Mutant("mean and variance over axis 0 instead of axis 1", f"{P}_batchnorm_forward",
           (("np.mean(Z, axis=1, keepdims=True)", "np.mean(Z, axis=0, keepdims=True)"),
            ("np.var(Z, axis=1, keepdims=True)", "np.var(Z, axis=0, keepdims=True)")),
           _both("batchnorm_forward")),
    Mutant("epsilon outside the square root", f"{P}_batchnorm_forward",
           (("np.sqrt(var + epsilon)", "(np.sqrt(var) + epsilon)"),),
           _both("batchnorm_forward")),
    Mutant("gamma and beta swapped", f"{P}_batchnorm_forward",
           (("Z_tilde = gamma * Z_norm + beta", "Z_tilde = beta * Z_norm + gamma"),),
           _both("batchnorm_forward")),
    Mutant("the mean computed with a loop over the examples", f"{P}_batchnorm_forward",
           (("mu = np.mean(Z, axis=1, keepdims=True)",
             "mu = np.zeros((Z.shape[0], 1))\n    for i in range(Z.shape[1]):\n"
             "        mu = mu + Z[:, i:i + 1] / Z.shape[1]"),),
           _cells("batchnorm_forward_hidden")),
    Mutant("BN backward without the Z_norm * sum(dZ_tilde * Z_norm) term",
           f"{P}_batchnorm_backward",
           (("(m * dZ_tilde - dbeta - Z_norm * dgamma)", "(m * dZ_tilde - dbeta)"),),
           _both("batchnorm_backward")),
    Mutant("BN backward with an extra 1/m on dgamma and dbeta", f"{P}_batchnorm_backward",
           (("dbeta = np.sum(dZ_tilde, axis=1, keepdims=True)",
             "dbeta = np.mean(dZ_tilde, axis=1, keepdims=True)"),
            ("dgamma = np.sum(dZ_tilde * Z_norm, axis=1, keepdims=True)",
             "dgamma = np.mean(dZ_tilde * Z_norm, axis=1, keepdims=True)")),
           _both("batchnorm_backward")),
    Mutant("running average weights the new value by the momentum",
           f"{P}_update_running_averages",
           (("momentum * running_mu + (1 - momentum) * mu",
             "momentum * mu + (1 - momentum) * running_mu"),
            ("momentum * running_var + (1 - momentum) * var",
             "momentum * var + (1 - momentum) * running_var")),
           _both("update_running_averages")),
    Mutant("running averages updated in place", f"{P}_update_running_averages",
           (("running_mu = momentum * running_mu + (1 - momentum) * mu",
             "running_mu *= momentum\n    running_mu += (1 - momentum) * mu"),),
           _both("update_running_averages")),
    Mutant("test-time BN with the batch's own statistics", f"{P}_batchnorm_forward_test",
           (("Z_norm = (Z - running_mu) / np.sqrt(running_var + epsilon)",
             "Z_norm = ((Z - Z.mean(axis=1, keepdims=True))\n"
             "              / np.sqrt(Z.var(axis=1, keepdims=True) + epsilon))"),),
           _both("batchnorm_forward_test")),
    Mutant("test-time BN forgets gamma and beta", f"{P}_batchnorm_forward_test",
           (("Z_tilde = gamma * Z_norm + beta", "Z_tilde = Z_norm"),),
           _both("batchnorm_forward_test")),
    Mutant("quiz: b^[l] kept, gamma and beta one per example", f"{P}_q2",
           (('q2_answer = "a"', 'q2_answer = "c"'),),
           _cells("q2_hidden")),
    Mutant("quiz: larger mini-batches regularise more", f"{P}_q3",
           (('q3_answer = "c"', 'q3_answer = "a"'),),
           _cells("q3_hidden")),
]
