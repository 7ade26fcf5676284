"""Plausible mistakes in c1w2_logistic_regression and the test cells each must fail.

Visible tests call the learner's own helpers (so a wrong sigmoid also fails propagate's visible
test); hidden tests swap in reference helpers, so they fail only for the function at fault.
"""
from . import Mutant

P = "c1w2lr"


def _cells(*names):
    return frozenset(f"{P}_{n}" for n in names)


MUTANTS = [
    Mutant("num_px read from the wrong axis", f"{P}_dimensions",
           (("num_px = train_set_x_orig.shape[1]", "num_px = train_set_x_orig.shape[0]"),),
           _cells("dimensions_visible", "dimensions_hidden")),
    Mutant("reshape(-1, m) mixes images across columns", f"{P}_flatten",
           (("train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T",
             "train_set_x_orig.reshape(-1, train_set_x_orig.shape[0])"),),
           _cells("flatten_visible", "flatten_hidden")),
    Mutant("sigmoid with the wrong sign", f"{P}_sigmoid",
           (("np.exp(-z)", "np.exp(z)"),),
           _cells("sigmoid_visible", "sigmoid_hidden", "propagate_visible", "optimize_visible",
                  "predict_visible", "model_visible")),
    Mutant("sigmoid through a Python loop", f"{P}_sigmoid",
           (("s = 1 / (1 + np.exp(-z))",
             "z = np.asarray(z, dtype=float)\n    s = np.empty_like(z)\n"
             "    for i in np.ndindex(z.shape):\n        s[i] = 1 / (1 + np.exp(-z[i]))"),),
           _cells("sigmoid_hidden")),
    Mutant("w as a rank-1 array", f"{P}_initialize_with_zeros",
           (("np.zeros((dim, 1))", "np.zeros(dim)"),),
           _cells("initialize_with_zeros_visible", "initialize_with_zeros_hidden",
                  "model_visible")),
    Mutant("b as the int 0", f"{P}_initialize_with_zeros",
           (("b = 0.0", "b = 0"),),
           _cells("initialize_with_zeros_visible", "initialize_with_zeros_hidden")),
    Mutant("dw without the 1/m", f"{P}_propagate",
           (("dw = np.dot(X, (A - Y).T) / m", "dw = np.dot(X, (A - Y).T)"),),
           _cells("propagate_visible", "propagate_hidden", "optimize_visible", "model_visible")),
    Mutant("cost without its minus sign", f"{P}_propagate",
           (("cost = -np.sum(", "cost = np.sum("),),
           _cells("propagate_visible", "propagate_hidden", "optimize_visible", "model_visible")),
    Mutant("db kept as a (1, 1) array", f"{P}_propagate",
           (("db = np.sum(A - Y) / m", "db = np.sum(A - Y, axis=1, keepdims=True) / m"),),
           _cells("propagate_visible", "propagate_hidden", "optimize_visible", "model_visible")),
    Mutant("a loop over the examples for dw", f"{P}_propagate",
           (("dw = np.dot(X, (A - Y).T) / m",
             "dw = np.zeros_like(w)\n    for i in range(m):\n"
             "        dw += X[:, i:i + 1] * (A[0, i] - Y[0, i])\n    dw = dw / m"),),
           _cells("propagate_hidden")),
    Mutant("in-place update of the caller's w", f"{P}_optimize",
           (("w = w - learning_rate * dw", "w -= learning_rate * dw"),),
           _cells("optimize_visible", "optimize_hidden")),
    Mutant("gradient ascent (wrong sign in the update)", f"{P}_optimize",
           (("w = w - learning_rate * dw", "w = w + learning_rate * dw"),),
           _cells("optimize_visible", "optimize_hidden", "model_visible")),
    Mutant("threshold A >= 0.5", f"{P}_predict",
           (("(A > 0.5)", "(A >= 0.5)"),),
           _cells("predict_visible", "predict_hidden")),
    Mutant("training predictions made on the test set", f"{P}_model",
           (("Y_prediction_train = predict(w, b, X_train)",
             "Y_prediction_train = predict(w, b, X_test)"),),
           _cells("model_visible", "model_hidden")),
    Mutant("learning_rate not passed on to optimize", f"{P}_model",
           (("num_iterations, learning_rate,\n", "num_iterations,\n"),),
           _cells("model_visible", "model_hidden")),
]
