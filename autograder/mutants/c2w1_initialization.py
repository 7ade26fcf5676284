"""Plausible mistakes in c2w1_initialization and the test cells each must fail.

The graded functions do not call each other, so a mistake costs only its own exercise's cells.
The first ones are those the issue requires (the lecture's sigma^2 slip, test statistics of
the test set's own, Xavier's or the wrong layer's size in He, bad shapes, the missing * 10).
"""
from . import Mutant

P = "c2w1i"


def _cells(*names):
    return frozenset(f"{P}_{n}" for n in names)


def _both(name):
    return _cells(f"{name}_visible", f"{name}_hidden")


NORM, DEEP = f"{P}_normalize_inputs", f"{P}_deep_linear_activations"
ZEROS, RANDOM = f"{P}_initialize_parameters_zeros", f"{P}_initialize_parameters_random"
HE, XAVIER = f"{P}_initialize_parameters_he", f"{P}_initialize_parameters_xavier"
HE_SCALE = "np.sqrt(2 / layers_dims[l - 1])"
DRAW = "np.random.randn(layers_dims[l], layers_dims[l - 1])"

MUTANTS = [
    Mutant("He with sqrt(1/n_prev) (Xavier's variance)", HE,
           ((HE_SCALE, "np.sqrt(1 / layers_dims[l - 1])"),),
           _both("initialize_parameters_he")),
    Mutant("He scaled with n_l instead of n_prev", HE,
           ((HE_SCALE, "np.sqrt(2 / layers_dims[l])"),),
           _both("initialize_parameters_he")),
    Mutant("He with the weight shape transposed", HE,
           ((DRAW, "np.random.randn(layers_dims[l - 1], layers_dims[l])"),),
           _both("initialize_parameters_he")),
    Mutant("He with the variance 2/n_prev as the multiplier (no square root)", HE,
           ((HE_SCALE, "(2 / layers_dims[l - 1])"),),
           _both("initialize_parameters_he")),
    Mutant("normalize_inputs divides by sigma^2 instead of sigma (the lecture's slip)", NORM,
           (("sigma = np.sqrt(sigma2 + epsilon)", "sigma = sigma2 + epsilon"),),
           _both("normalize_inputs")),
    Mutant("the test set normalised with its own mu and sigma^2", NORM,
           (("X_test_norm = (X_test - mu) / sigma",
             "mu_test = np.mean(X_test, axis=1, keepdims=True)\n"
             "    sigma2_test = np.mean((X_test - mu_test) ** 2, axis=1, keepdims=True)\n"
             "    X_test_norm = (X_test - mu_test) / np.sqrt(sigma2_test + epsilon)"),),
           _both("normalize_inputs")),
    Mutant("variance of the raw data, before centring", NORM,
           (("np.mean(X_train_centred ** 2,", "np.mean(X_train ** 2,"),),
           _both("normalize_inputs")),
    Mutant("mean over the features (axis=0) instead of the examples", NORM,
           (("mu = np.mean(X_train, axis=1,", "mu = np.mean(X_train, axis=0,"),),
           _both("normalize_inputs")),
    Mutant("unbiased variance 1/(m-1)", NORM,
           (("sigma2 = np.mean(X_train_centred ** 2, axis=1, keepdims=True)",
             "sigma2 = np.var(X_train, axis=1, ddof=1, keepdims=True)"),),
           _both("normalize_inputs")),
    Mutant("X_train centred in place", NORM,
           (("X_train_centred = X_train - mu", "X_train -= mu\n    X_train_centred = X_train"),),
           _both("normalize_inputs")),
    Mutant("no epsilon: a constant feature gives 0/0", NORM,
           (("sigma = np.sqrt(sigma2 + epsilon)", "sigma = np.sqrt(sigma2)"),),
           _cells("normalize_inputs_hidden")),
    Mutant("zeros init with b of shape (n_l,)", ZEROS,
           (("np.zeros((layers_dims[l], 1))", "np.zeros(layers_dims[l])"),),
           _both("initialize_parameters_zeros")),
    Mutant("zeros init with W transposed", ZEROS,
           (("np.zeros((layers_dims[l], layers_dims[l - 1]))",
             "np.zeros((layers_dims[l - 1], layers_dims[l]))"),),
           _both("initialize_parameters_zeros")),
    Mutant("random init missing the * 10", RANDOM,
           ((f"{DRAW} * 10", DRAW),),
           _both("initialize_parameters_random")),
    Mutant("random init reseeding inside the loop", RANDOM,
           (("        parameters[\"W\" + str(l)] = np.random.randn",
             "        np.random.seed(3)\n        parameters[\"W\" + str(l)] = np.random.randn"),),
           _both("initialize_parameters_random")),
    Mutant("random init with random biases", RANDOM,
           (("parameters[\"b\" + str(l)] = np.zeros((layers_dims[l], 1))",
             "parameters[\"b\" + str(l)] = np.random.randn(layers_dims[l], 1) * 10"),),
           _both("initialize_parameters_random")),
    Mutant("Xavier with He's variance 2/n_prev", XAVIER,
           (("np.sqrt(1 / layers_dims[l - 1])", "np.sqrt(2 / layers_dims[l - 1])"),),
           _both("initialize_parameters_xavier")),
    Mutant("Xavier borrowed from three_layer_net.initialize_parameters", XAVIER,
           (("    np.random.seed(3)  # so that your weights match the tests'",
             "    from three_layer_net import initialize_parameters\n"
             "    return initialize_parameters(layers_dims)"),),
           _cells("initialize_parameters_xavier_hidden")),
    Mutant("a scale * ones matrix instead of scale * identity", DEEP,
           (("scale * np.eye(n)", "scale * np.ones((n, n))"),),
           _both("deep_linear_activations")),
    Mutant("one layer too few", DEEP,
           (("for l in range(1, L + 1):", "for l in range(1, L):"),),
           _both("deep_linear_activations")),
    Mutant("every layer applied to x instead of a^[l-1]", DEEP,
           (("a = np.dot(W, a)", "a = np.dot(W, x)"),),
           _both("deep_linear_activations")),
    Mutant("quiz 1: the test set's own statistics", f"{P}_q1",
           (('q1_answer = "c"', 'q1_answer = "a"'),),
           _cells("q1_hidden")),
    Mutant("quiz 2: an answer in words, not a letter", f"{P}_q2",
           (('q2_answer = "a"', 'q2_answer = "ReLU: 2/n"'),),
           _cells("q2_visible", "q2_hidden")),
]
