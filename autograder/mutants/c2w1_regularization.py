"""Plausible mistakes in c2w1_regularization and the test cells each must fail.

No graded function calls another one, and every test builds its own inputs (the visible checks
from literals, the hidden ones with references), so each mistake costs only the cells of its own
function.
"""
from . import Mutant

P = "c2w1r"


def _cells(name, visible=True):
    return frozenset({f"{P}_{name}_hidden", *([f"{P}_{name}_visible"] if visible else [])})


COST, L2_BACK = "compute_cost_with_regularization", "backward_propagation_with_regularization"
DROP_FWD, DROP_BACK = "forward_propagation_with_dropout", "backward_propagation_with_dropout"
SQUARES = ("squares = sum(np.sum(np.square(W)) for key, W in parameters.items() "
           "if key.startswith(\"W\"))")

MUTANTS = [
    # split_sizes, diagnose_bias_variance, basic_recipe (notes C2 §1.1-1.3)
    Mutant("int() cuts 28.999... down to 28", f"{P}_split_sizes",
           (("int(round(m * dev_frac))", "int(m * dev_frac)"),
            ("int(round(m * test_frac))", "int(m * test_frac)")),
           _cells("split_sizes")),
    Mutant("the test set forgotten in m_train", f"{P}_split_sizes",
           (("m_train = m - m_dev - m_test", "m_train = m - m_dev"),),
           _cells("split_sizes")),
    Mutant("variance measured from the Bayes error", f"{P}_diagnose_bias_variance",
           (("dev_err - train_err > tol", "dev_err - bayes_err > tol"),),
           _cells("diagnose_bias_variance")),
    Mutant("bias without subtracting the Bayes error", f"{P}_diagnose_bias_variance",
           (("train_err - bayes_err > tol", "train_err > tol"),),
           _cells("diagnose_bias_variance")),
    Mutant("a gap of exactly tol counts as high (>=)", f"{P}_diagnose_bias_variance",
           (("train_err - bayes_err > tol", "train_err - bayes_err >= tol"),),
           _cells("diagnose_bias_variance", visible=False)),
    Mutant("elif: only one problem treated at a time", f"{P}_basic_recipe",
           (("    if high_variance:", "    elif high_variance:"),),
           _cells("basic_recipe")),
    Mutant("more data recommended for high bias", f"{P}_basic_recipe",
           (("remedies += BIAS_REMEDIES", "remedies += BIAS_REMEDIES + (\"more data\",)"),),
           _cells("basic_recipe")),
    # L2 regularization (notes C2 §1.4)
    Mutant("L2 cost without the 1/m: lambd / 2 * sum", f"{P}_{COST}",
           (("lambd / (2 * m) * squares", "lambd / 2 * squares"),),
           _cells(COST)),
    Mutant("L2 cost lambd / m (gradient's factor in the cost)", f"{P}_{COST}",
           (("lambd / (2 * m) * squares", "lambd / m * squares"),),
           _cells(COST)),
    Mutant("L2 sum over W1 only", f"{P}_{COST}",
           ((SQUARES, "squares = np.sum(np.square(parameters[\"W1\"]))"),),
           _cells(COST)),
    Mutant("L2 sum hard-coded to W1, W2, W3 (any other depth is wrong)", f"{P}_{COST}",
           ((SQUARES, "squares = sum(np.sum(np.square(parameters[k])) for k in "
                      "(\"W1\", \"W2\", \"W3\"))"),),
           _cells(COST)),
    Mutant("the b's regularized too", f"{P}_{COST}",
           ((" if key.startswith(\"W\"))", ")"),),
           _cells(COST)),
    Mutant("square of the sum instead of the sum of squares", f"{P}_{COST}",
           (("np.sum(np.square(W))", "np.square(np.sum(W))"),),
           _cells(COST)),
    Mutant("L2 gradient lambd / (2 m) * W (factor mismatch with the cost)", f"{P}_{L2_BACK}",
           (("lambd / m * W3", "lambd / (2 * m) * W3"), ("lambd / m * W2", "lambd / (2 * m) * W2"),
            ("lambd / m * W1", "lambd / (2 * m) * W1")),
           _cells(L2_BACK)),
    Mutant("L2 term added to db1 as well", f"{P}_{L2_BACK}",
           (("db1 = np.sum(dZ1, axis=1, keepdims=True) / m",
             "db1 = np.sum(dZ1, axis=1, keepdims=True) / m + lambd / m * b1"),),
           _cells(L2_BACK)),
    Mutant("L2 term missing from dW1", f"{P}_{L2_BACK}",
           ((" + lambd / m * W1", ""),),
           _cells(L2_BACK)),
    Mutant("L2 gradient lambd * W2 without the 1/m", f"{P}_{L2_BACK}",
           (("lambd / m * W2", "lambd * W2"),),
           _cells(L2_BACK)),
    # dropout (notes C2 §1.6)
    Mutant("dropout forward without dividing by keep_prob", f"{P}_{DROP_FWD}",
           (("    A1 = A1 / keep_prob\n", ""), ("    A2 = A2 / keep_prob\n", "")),
           _cells(DROP_FWD)),
    Mutant("mask drawn with > keep_prob", f"{P}_{DROP_FWD}",
           (("A1.shape[1]) < keep_prob", "A1.shape[1]) > keep_prob"),),
           _cells(DROP_FWD)),
    Mutant("dropout applied to the output layer too", f"{P}_{DROP_FWD}",
           (("    A3 = sigmoid(Z3)\n",
             "    A3 = sigmoid(Z3)\n    A3 = A3 * (np.random.rand(*A3.shape) < keep_prob) "
             "/ keep_prob\n"),),
           _cells(DROP_FWD)),
    Mutant("dropout applied to the input X too", f"{P}_{DROP_FWD}",
           (("    Z1 = np.dot(W1, X) + b1\n",
             "    X = X * (np.random.rand(*X.shape) < keep_prob) / keep_prob\n"
             "    Z1 = np.dot(W1, X) + b1\n"),),
           _cells(DROP_FWD)),
    Mutant("mask drawn with randn instead of rand", f"{P}_{DROP_FWD}",
           (("D2 = np.random.rand(", "D2 = np.random.randn("),),
           _cells(DROP_FWD)),
    Mutant("dropout backward without dividing by keep_prob", f"{P}_{DROP_BACK}",
           (("    dA2 = dA2 / keep_prob\n", ""), ("    dA1 = dA1 / keep_prob\n", "")),
           _cells(DROP_BACK)),
    Mutant("dropout backward without the mask on dA2", f"{P}_{DROP_BACK}",
           (("    dA2 = dA2 * D2\n", ""),),
           _cells(DROP_BACK)),
    Mutant("the two masks swapped in backward", f"{P}_{DROP_BACK}",
           (("dA2 = dA2 * D2", "dA2 = dA2 * D1"), ("dA1 = dA1 * D1", "dA1 = dA1 * D2")),
           _cells(DROP_BACK)),
    # early stopping (notes C2 §1.8)
    Mutant("the last of several equal minima", f"{P}_early_stopping_epoch",
           (("best = int(np.argmin(dev_costs))",
             "best = len(dev_costs) - 1 - int(np.argmin(dev_costs[::-1]))"),),
           _cells("early_stopping_epoch")),
    Mutant("argmax instead of argmin", f"{P}_early_stopping_epoch",
           (("np.argmin", "np.argmax"),),
           _cells("early_stopping_epoch")),
    Mutant("a 1-based checkpoint number", f"{P}_early_stopping_epoch",
           (("int(np.argmin(dev_costs))", "int(np.argmin(dev_costs)) + 1"),),
           _cells("early_stopping_epoch")),
    # quiz
    Mutant("question 3: the input layer gets the lowest keep_prob", f"{P}_q3",
           (('q3_answer = "c"', 'q3_answer = "a"'),),
           frozenset({f"{P}_q3_hidden"})),
    Mutant("question 2 answered with the option's words", f"{P}_q2",
           (('q2_answer = "a"', 'q2_answer = "no scaling at test time"'),),
           frozenset({f"{P}_q2_visible", f"{P}_q2_hidden"})),
]
