"""Plausible mistakes in c1w2_python_basics and the test cells each must fail.

Visible tests call the learner's own helpers (a wrong sigmoid also fails sigmoid_derivative's
visible test); hidden tests swap in reference helpers, so they fail only for the function at fault.
"""
from . import Mutant

P = "c1w2pb"


def _cells(*names):
    return frozenset(f"{P}_{n}" for n in names)


def _both(name):
    return _cells(f"{name}_visible", f"{name}_hidden")


ND = "slope = (f(a + eps) - f(a)) / eps"
I2V = "image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)"
SM_MAX = "np.max(x, axis=1, keepdims=True)"

MUTANTS = [
    Mutant("central difference where the notes nudge one way", f"{P}_numerical_derivative",
           ((ND, "slope = (f(a + eps) - f(a - eps)) / (2 * eps)"),),
           _both("numerical_derivative")),
    Mutant("the nudge fixed at 0.001, eps ignored", f"{P}_numerical_derivative",
           ((ND, "slope = (f(a + 0.001) - f(a)) / 0.001"),), _both("numerical_derivative")),
    Mutant("J = 3a + bc (the 3 not applied to u)", f"{P}_graph_forward",
           (("J = 3 * v", "J = 3 * a + u"),), _both("graph_forward")),
    Mutant("db = 3b (b and c swapped)", f"{P}_graph_backward",
           (("db = du * c", "db = du * b"),), _both("graph_backward")),
    Mutant("da without the chain through J = 3v", f"{P}_graph_backward",
           (("da = dv * 1.0", "da = 1.0"),), _both("graph_backward")),
    Mutant("basic_sigmoid with the wrong sign", f"{P}_basic_sigmoid",
           (("math.exp(-x)", "math.exp(x)"),), _both("basic_sigmoid")),
    Mutant("sigmoid with math.exp (fails on arrays)", f"{P}_sigmoid",
           (("np.exp(-x)", "math.exp(-x)"),),
           _both("sigmoid") | _cells("sigmoid_derivative_visible")),
    Mutant("sigmoid through a Python loop", f"{P}_sigmoid",
           (("s = 1 / (1 + np.exp(-x))",
             "x = np.asarray(x, dtype=float)\n    s = np.empty_like(x)\n"
             "    for i in np.ndindex(x.shape):\n        s[i] = 1 / (1 + np.exp(-x[i]))"),),
           _cells("sigmoid_hidden")),
    Mutant("sigmoid_derivative as s * (1 + s)", f"{P}_sigmoid_derivative",
           (("ds = s * (1 - s)", "ds = s * (1 + s)"),), _both("sigmoid_derivative")),
    Mutant("image2vector gives a rank-1 array", f"{P}_image2vector",
           ((I2V, "image.reshape(image.shape[0] * image.shape[1] * image.shape[2])"),),
           _both("image2vector")),
    Mutant("image2vector leaves the channels as columns", f"{P}_image2vector",
           ((I2V, "image.reshape(image.shape[0] * image.shape[1], image.shape[2])"),),
           _both("image2vector")),
    Mutant("to_column makes a row", f"{P}_to_column",
           (("col = v.reshape((n, 1))", "col = v.reshape((1, n))"),), _both("to_column")),
    Mutant("to_column adds an axis even to a column", f"{P}_to_column",
           (("col = v.reshape((n, 1))", "col = v[:, np.newaxis]"),), _both("to_column")),
    Mutant("calorie totals summed along the rows", f"{P}_calorie_percentages",
           (("A.sum(axis=0, keepdims=True)", "A.sum(axis=1, keepdims=True)"),),
           _both("calorie_percentages")),
    Mutant("calorie_percentages divides A in place", f"{P}_calorie_percentages",
           (("percentage = 100 * A / cal", "A /= cal\n    percentage = 100 * A"),),
           _both("calorie_percentages")),
    Mutant("normalize_rows divides by the sum, not the norm", f"{P}_normalize_rows",
           (("np.linalg.norm(x, axis=1, keepdims=True)", "np.sum(x, axis=1, keepdims=True)"),),
           _both("normalize_rows")),
    Mutant("normalize_rows without keepdims", f"{P}_normalize_rows",
           (("np.linalg.norm(x, axis=1, keepdims=True)", "np.linalg.norm(x, axis=1)"),),
           _both("normalize_rows")),
    Mutant("normalize_rows divides x in place", f"{P}_normalize_rows",
           (("x = x / x_norm", "x /= x_norm"),), _both("normalize_rows")),
    Mutant("softmax sums down the columns", f"{P}_softmax",
           (("x_sum = np.sum(x_exp, axis=1, keepdims=True)",
             "x_sum = np.sum(x_exp, axis=0, keepdims=True)"),), _both("softmax")),
    Mutant("softmax without keepdims on the sum", f"{P}_softmax",
           (("x_sum = np.sum(x_exp, axis=1, keepdims=True)",
             "x_sum = np.sum(x_exp, axis=1)"),), _both("softmax")),
    Mutant("softmax without subtracting the maximum", f"{P}_softmax",
           ((f"np.exp(x - {SM_MAX})", "np.exp(x)"),), _both("softmax")),
    Mutant("softmax subtracts the global maximum", f"{P}_softmax",
           ((SM_MAX, "np.max(x)"),), _both("softmax")),
    Mutant("L1 without the absolute value", f"{P}_L1",
           (("loss = np.sum(np.abs(y - yhat))", "loss = np.sum(y - yhat)"),), _both("L1")),
    Mutant("L1 through a Python loop", f"{P}_L1",
           (("loss = np.sum(np.abs(y - yhat))",
             "loss = 0.0\n    for d in np.ravel(y - yhat):\n        loss += abs(d)"),),
           _cells("L1_hidden")),
    Mutant("L2 with a square root", f"{P}_L2",
           (("loss = np.sum((y - yhat) ** 2)", "loss = np.sqrt(np.sum((y - yhat) ** 2))"),),
           _both("L2")),
    Mutant("L2 as a mean", f"{P}_L2",
           (("np.sum((y - yhat) ** 2)", "np.mean((y - yhat) ** 2)"),), _both("L2")),
]
