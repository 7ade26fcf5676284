"""Plausible mistakes in c2w3_softmax_and_frameworks and the test cells each must fail.

Every test, visible or hidden, calls only the function it grades (the hidden ones swap the
learner's other answers for references), so no mistake reaches another exercise's cells.
"""
from . import Mutant

P = "c2w3s"


def _cells(name, visible=True):
    return frozenset({f"{P}_{name}_hidden"} | ({f"{P}_{name}_visible"} if visible else set()))


SOFTMAX, ONE_HOT, COST, BACKWARD = (_cells(n) for n in ("softmax", "one_hot_matrix",
                                                         "compute_cost", "softmax_backward"))
MINIMIZE, INIT, FORWARD, LOSS = (_cells(n) for n in ("minimize_w", "initialize_parameters",
                                                      "forward_propagation", "compute_total_loss"))
SHIFT = "np.exp(Z - np.max(Z, axis=0, keepdims=True))"
NORMALISE = "A = t / np.sum(t, axis=0, keepdims=True)"
ONE_HOT_LINE = "one_hot = np.eye(C)[labels].T"
COST_LINE = "cost = -np.sum(Y * np.log(A)) / m"
W_LINE = "W = np.random.randn(n, n_prev) * np.sqrt(2 / (n_prev + n))"
LOSS_LINE = "total_loss = -(labels * logits.log_softmax(dim=0)).sum()"

MUTANTS = [
    # Part A: numpy
    Mutant("softmax without the max shift (overflows at logits near 1000)", f"{P}_softmax",
           ((SHIFT, "np.exp(Z)"),), SOFTMAX),
    Mutant("softmax normalised over the rows (axis 1) instead of the columns", f"{P}_softmax",
           ((NORMALISE, "A = t / np.sum(t, axis=1, keepdims=True)"),), SOFTMAX),
    Mutant("softmax normalised by the sum of the whole matrix", f"{P}_softmax",
           ((NORMALISE, "A = t / np.sum(t)"),), SOFTMAX),
    Mutant("softmax taken from shared_utils.nn (Part A is numpy only)", f"{P}_softmax",
           ((NORMALISE, "A = nn.F.softmax(nn.Tensor(Z), dim=0).data"),),
           _cells("softmax", visible=False)),
    Mutant("one-hot matrix transposed, (m, C)", f"{P}_one_hot_matrix",
           ((ONE_HOT_LINE, "one_hot = np.eye(C)[labels]"),), ONE_HOT),
    Mutant("one-hot matrix filled by a Python loop over the examples", f"{P}_one_hot_matrix",
           ((ONE_HOT_LINE, "one_hot = np.zeros((C, labels.size))\n"
                           "    for i in range(labels.size):\n"
                           "        one_hot[labels[i], i] = 1.0"),),
           _cells("one_hot_matrix", visible=False)),
    Mutant("cost summed over the examples instead of averaged (no 1/m)", f"{P}_compute_cost",
           ((COST_LINE, "cost = -np.sum(Y * np.log(A))"),), COST),
    Mutant("cost missing the minus sign", f"{P}_compute_cost",
           ((COST_LINE, "cost = np.sum(Y * np.log(A)) / m"),), COST),
    Mutant("binary cross-entropy of course 1 instead of the softmax loss", f"{P}_compute_cost",
           ((COST_LINE, "cost = -np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)) / m"),), COST),
    Mutant("dZ with the wrong sign, Y - A", f"{P}_softmax_backward",
           (("dZ = A - Y", "dZ = Y - A"),), BACKWARD),
    Mutant("dZ divided by m (the 1/m belongs to dW)", f"{P}_softmax_backward",
           (("dZ = A - Y", "dZ = (A - Y) / A.shape[1]"),), BACKWARD),
    # Part B: shared_utils.nn
    Mutant("gradients never zeroed, so they accumulate over the steps", f"{P}_minimize_w",
           (("        optimizer.zero_grad()\n", ""),), MINIMIZE),
    Mutant("the cost ignores the fed coefficients (always w^2 - 10w + 25)", f"{P}_minimize_w",
           (("cost = x[0][0] * w**2 + x[1][0] * w + x[2][0]", "cost = w**2 - 10 * w + 25"),),
           MINIMIZE),
    Mutant("learning rate hard-coded to 0.01", f"{P}_minimize_w",
           (("lr=learning_rate", "lr=0.01"),), _cells("minimize_w", visible=False)),
    Mutant("the update done by hand on w.data, without an SGD step", f"{P}_minimize_w",
           (("        optimizer.step()\n", "        w.data = w.data - learning_rate * w.grad\n"),),
           _cells("minimize_w", visible=False)),
    Mutant("weights initialised to zeros", f"{P}_initialize_parameters",
           ((W_LINE, "W = np.zeros((n, n_prev))"),), INIT),
    Mutant("biases of shape (n,) instead of (n, 1)", f"{P}_initialize_parameters",
           (("np.zeros((n, 1), dtype=np.float32)", "np.zeros(n, dtype=np.float32)"),), INIT),
    Mutant("He scaling sqrt(2 / n_prev) instead of Glorot's", f"{P}_initialize_parameters",
           ((W_LINE, "W = np.random.randn(n, n_prev) * np.sqrt(2 / n_prev)"),), INIT),
    Mutant("weights left float64", f"{P}_initialize_parameters",
           (("nn.Parameter(W.astype(np.float32))", "nn.Parameter(W)"),), INIT),
    Mutant("a ReLU on the output logits", f"{P}_forward_propagation",
           (("Z3 = W3 @ A2 + b3", "Z3 = nn.F.relu(W3 @ A2 + b3)"),), FORWARD),
    Mutant("the bias b2 skipped", f"{P}_forward_propagation",
           (("Z2 = W2 @ A1 + b2", "Z2 = W2 @ A1"),), FORWARD),
    Mutant("the first layer computed in numpy on .data (no gradient reaches W1, b1)",
           f"{P}_forward_propagation",
           (("Z1 = W1 @ X + b1", "Z1 = nn.Tensor(W1.data @ np.asarray(X) + b1.data)"),),
           FORWARD),
    Mutant("the second ReLU forgotten (Z2 fed to the last layer)", f"{P}_forward_propagation",
           (("Z3 = W3 @ A2 + b3", "Z3 = W3 @ Z2 + b3"),), FORWARD),
    Mutant("total loss averaged over the examples instead of summed",
           f"{P}_compute_total_loss",
           ((LOSS_LINE, "total_loss = -(labels * logits.log_softmax(dim=0)).sum(dim=0).mean()"),),
           LOSS),
    Mutant("total loss missing the minus sign", f"{P}_compute_total_loss",
           ((LOSS_LINE, "total_loss = (labels * logits.log_softmax(dim=0)).sum()"),), LOSS),
    Mutant("log_softmax over the examples (the default dim=-1)", f"{P}_compute_total_loss",
           ((LOSS_LINE, "total_loss = -(labels * logits.log_softmax()).sum()"),), LOSS),
    Mutant("loss computed in numpy and wrapped in a Tensor (no gradient)",
           f"{P}_compute_total_loss",
           ((LOSS_LINE, "total_loss = nn.Tensor(-np.sum(np.asarray(labels) * np.log("
                        "np.exp(logits.data) / np.exp(logits.data).sum(axis=0))))"),), LOSS),
    # quiz
    Mutant("quiz 1: the hardmax taken as the max probability", f"{P}_q1",
           (('q1_answer = "a"', 'q1_answer = "c"'),), frozenset({f"{P}_q1_hidden"})),
    Mutant("quiz 2: the derivative believed to be estimated numerically", f"{P}_q2",
           (('q2_answer = "c"', 'q2_answer = "b"'),), frozenset({f"{P}_q2_hidden"})),
]
