"""Plausible mistakes in c2w1_gradient_checking and the test cells each must fail.

Visible tests call the learner's own helpers (a wrong backward_propagation also fails
gradient_check's visible test); hidden tests swap in references, so they fail only for the
function at fault. Several mistakes in the 1-D gradient_check survive its visible test, because
J = theta * x is linear (a one-sided difference is exact for it): the hidden tests use a cubic J.
"""
from . import Mutant

P = "c2w1g"


def _cells(*names):
    return frozenset(f"{P}_{n}" for n in names)


def _both(name, *more):
    return _cells(f"{name}_visible", f"{name}_hidden", *more)


TWO = "(f(theta + epsilon) - f(theta - epsilon)) / (2 * epsilon)"
PLUS = "theta_plus[i] = theta_plus[i] + epsilon"
MINUS = "theta_minus[i] = theta_minus[i] - epsilon"
NORMS = "denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)"


def _quiz(q, right, wrong, why):
    return Mutant(f"q{q}: {why}", f"{P}_q{q}", ((f"q{q}_answer = {right}",
                                                  f"q{q}_answer = {wrong}"),),
                  _cells(f"q{q}_hidden"))


MUTANTS = [
    # Part 1: difference quotients
    Mutant("one-sided: a backward difference instead of the forward one",
           f"{P}_one_sided_difference",
           (("(f(theta + epsilon) - f(theta)) / epsilon",
             "(f(theta) - f(theta - epsilon)) / epsilon"),),
           _both("one_sided_difference")),
    Mutant("two-sided written as the one-sided difference", f"{P}_two_sided_difference",
           ((TWO, "(f(theta + epsilon) - f(theta)) / epsilon"),), _both("two_sided_difference")),
    Mutant("two-sided as misprinted in the notes (E8): f(θ+ε) − (θ − ε)",
           f"{P}_two_sided_difference",
           ((TWO, "(f(theta + epsilon) - (theta - epsilon)) / (2 * epsilon)"),),
           _both("two_sided_difference")),
    Mutant("two-sided divided by epsilon instead of 2 epsilon", f"{P}_two_sided_difference",
           ((TWO, "(f(theta + epsilon) - f(theta - epsilon)) / epsilon"),),
           _both("two_sided_difference")),
    # Part 2: the one-dimensional check
    Mutant("forward returns a (1, 1) array", f"{P}_forward_propagation",
           (("J = theta * x", "J = np.array([[theta * x]])"),), _both("forward_propagation")),
    Mutant("backward returns theta instead of x", f"{P}_backward_propagation",
           (("dtheta = x", "dtheta = theta"),),
           _both("backward_propagation", "gradient_check_visible")),
    Mutant("verdict thresholds the wrong way round", f"{P}_interpret_difference",
           (("if difference < 2e-7:", "if difference > 2e-7:"),), _both("interpret_difference")),
    Mutant("the boundary 2e-7 counted as great", f"{P}_interpret_difference",
           (("if difference < 2e-7:", "if difference <= 2e-7:"),),
           _cells("interpret_difference_hidden")),
    Mutant("the notes' 1e-5 taken as the bug threshold", f"{P}_interpret_difference",
           (("elif difference < 1e-3:", "elif difference < 1e-5:"),),
           _both("interpret_difference")),
    Mutant("1-D check with a one-sided difference", f"{P}_gradient_check",
           (("J_minus = forward_propagation(x, theta_minus)",
             "J_minus = forward_propagation(x, theta)"),
            ("(J_plus - J_minus) / (2 * epsilon)", "(J_plus - J_minus) / epsilon")),
           _cells("gradient_check_hidden")),
    Mutant("1-D check divided by epsilon instead of 2 epsilon", f"{P}_gradient_check",
           (("(J_plus - J_minus) / (2 * epsilon)", "(J_plus - J_minus) / epsilon"),),
           _both("gradient_check")),
    Mutant("1-D check without the denominator", f"{P}_gradient_check",
           (("difference = numerator / denominator", "difference = numerator"),),
           _cells("gradient_check_hidden")),
    Mutant("grad = gradapprox (the estimate compared with itself)", f"{P}_gradient_check",
           (("grad = backward_propagation(x, theta)", "grad = gradapprox"),),
           _cells("gradient_check_hidden")),
    # Part 3: the N-dimensional check
    Mutant("N-D check with a one-sided difference", f"{P}_gradient_check_n",
           ((MINUS, "theta_minus[i] = theta_minus[i]"),
            ("(J_plus[i] - J_minus[i]) / (2 * epsilon)", "(J_plus[i] - J_minus[i]) / epsilon")),
           _both("gradient_check_n")),
    Mutant("N-D check without the denominator", f"{P}_gradient_check_n",
           (("difference = numerator / denominator", "difference = numerator"),),
           _both("gradient_check_n")),
    Mutant("denominator: the norm of the sum instead of the sum of the norms",
           f"{P}_gradient_check_n",
           ((NORMS, "denominator = np.linalg.norm(grad + gradapprox)"),),
           _both("gradient_check_n")),
    Mutant("epsilon added to every entry of theta at once", f"{P}_gradient_check_n",
           ((PLUS, "theta_plus = theta_plus + epsilon"),
            (MINUS, "theta_minus = theta_minus - epsilon")),
           _both("gradient_check_n")),
    Mutant("theta_plus not copied: the nudge leaks into parameters_values",
           f"{P}_gradient_check_n",
           (("theta_plus = np.copy(parameters_values)", "theta_plus = parameters_values"),),
           _both("gradient_check_n")),
    Mutant("N-D check divided by epsilon instead of 2 epsilon", f"{P}_gradient_check_n",
           (("(J_plus[i] - J_minus[i]) / (2 * epsilon)", "(J_plus[i] - J_minus[i]) / epsilon"),),
           _both("gradient_check_n")),
    # Part 4: locating and fixing the bugs
    Mutant("suspects chosen with the threshold the wrong way round", f"{P}_locate_bugs",
           (("if d >= 1e-3]", "if d <= 1e-3]"),), _both("locate_bugs")),
    Mutant("one relative difference for all of theta instead of per block", f"{P}_locate_bugs",
           (("grad[block] - gradapprox[block]", "grad - gradapprox"),
            ("np.linalg.norm(grad[block]) + np.linalg.norm(gradapprox[block])",
             "np.linalg.norm(grad) + np.linalg.norm(gradapprox)")),
           _both("locate_bugs")),
    Mutant("locate_bugs: theta_plus not copied", f"{P}_locate_bugs",
           (("theta_plus = np.copy(parameters_values)", "theta_plus = parameters_values"),),
           _both("locate_bugs")),
    Mutant("only one planted bug fixed (db1 still times 4)", f"{P}_backward_propagation_n_fixed",
           (("db1 = np.sum(dZ1, axis=1, keepdims=True) / m",
             "db1 = 4 * np.sum(dZ1, axis=1, keepdims=True) / m"),),
           _both("backward_propagation_n_fixed")),
    Mutant("ReLU derivative taken as A2 >= 0 (always true)", f"{P}_backward_propagation_n_fixed",
           (("dZ2 = dA2 * (Z2 > 0)", "dZ2 = dA2 * (A2 >= 0)"),),
           _both("backward_propagation_n_fixed")),
    # Part 5: the quiz
    _quiz(1, '"c"', '"a"', "the one-sided estimate thought more accurate"),
    _quiz(2, '"b"', '"a"', "anything below 1e-2 taken as fine"),
    _quiz(3, '"abdf"', '"abcdf"', "gradient checking with dropout on"),
    Mutant("q3: the options' words instead of letters", f"{P}_q3",
           (('q3_answer = "abdf"', 'q3_answer = "debug only, regularization"'),),
           _both("q3")),
]
