"""Public checks for c2w2_optimization (notes C2 §2.1-2.9): fixed small inputs, literal answers.

The numbers are the notes' verified test bank (T5, T6, T9, T10, T12, T13, T14 of
notes-course2.md §6) or were computed once, by hand or with a throwaway script, from the
formulas of the notes; nothing here calls an implementation of the graded functions. Parameter
dictionaries use the course's keys "W1", "b1", ...; gradients, velocities and second moments
use "dW1", "db1", ....
"""
import numpy as np

from ._compare import (call, expect_close, expect_float_array, expect_type, expect_unchanged,
                       snapshot)
from ._report import fail, passed
from ._c2w2_optimization_more import (exponential_decay_test, inverse_sqrt_decay_test,
                                      q15_test, q17_test, q19_test, schedule_lr_decay_test,
                                      staircase_decay_test, update_lr_test)
from ._c2w2_optimization_optimizers import (arrays_of, expect_dict, fresh_copy,
                                            initialize_adam_test, initialize_rmsprop_test,
                                            initialize_velocity_test,
                                            update_parameters_with_adam_test,
                                            update_parameters_with_momentum_test,
                                            update_parameters_with_rmsprop_test)

__all__ = ["update_parameters_with_gd_test", "random_mini_batches_test",
           "exponentially_weighted_average_test", "initialize_velocity_test",
           "update_parameters_with_momentum_test", "initialize_rmsprop_test",
           "update_parameters_with_rmsprop_test", "initialize_adam_test",
           "update_parameters_with_adam_test", "update_lr_test", "schedule_lr_decay_test",
           "exponential_decay_test", "inverse_sqrt_decay_test", "staircase_decay_test",
           "q15_test", "q17_test", "q19_test"]


# Two layers: W1 (2, 3), b1 (2, 1), W2 (1, 2), b2 (1, 1) -- the shapes of a [3, 2, 1] network.
_P2 = {"W1": [[1.0, -2.0, 0.5], [0.3, 0.0, -1.2]], "b1": [[0.1], [-0.4]],
       "W2": [[0.7, -0.6]], "b2": [[0.25]]}
_G2 = {"dW1": [[0.2, -0.1, 0.4], [-0.3, 0.5, 0.0]], "db1": [[0.05], [-0.2]],
       "dW2": [[-0.4, 0.3]], "db2": [[0.6]]}


def update_parameters_with_gd_test(target):
    func = "update_parameters_with_gd"
    cases = ((_P2, _G2, 0.1,
              {"W1": [[0.98, -1.99, 0.46], [0.33, -0.05, -1.2]], "b1": [[0.095], [-0.38]],
               "W2": [[0.74, -0.63]], "b2": [[0.19]]}),
             ({"W1": [[0.5]], "b1": [[0.0]], "W2": [[-1.0]], "b2": [[2.0]], "W3": [[3.0]],
               "b3": [[-1.0]]},
              {"dW1": [[1.0]], "db1": [[-1.0]], "dW2": [[2.0]], "db2": [[0.5]], "dW3": [[-2.0]],
               "db3": [[4.0]]}, 0.5,
              {"W1": [[0.0]], "b1": [[0.5]], "W2": [[-2.0]], "b2": [[1.75]], "W3": [[4.0]],
               "b3": [[-3.0]]}))
    for params, grads, lr, expected in cases:
        params, grads = arrays_of(params), arrays_of(grads)
        inputs = {"parameters": params, "grads": grads, "learning_rate": lr}
        before = snapshot(grads)
        out = call(target, fresh_copy(params), grads, lr)
        expect_unchanged(func, ("grads",), before, (grads,))
        expect_dict(func, "parameters", out, arrays_of(expected), inputs,
                     hint="W^[l] := W^[l] - learning_rate * dW^[l] for every l = 1..L, and "
                          "the same for b; L = len(parameters) // 2.")
    passed(func)


def random_mini_batches_test(target):
    """T12: m = 148 in mini-batches of 64 gives 64, 64 and 20 columns, in the seed's order."""
    func, m = "random_mini_batches", 148
    X = np.vstack([np.arange(m, dtype=float), -np.arange(m, dtype=float), np.arange(m) ** 2.0])
    Y = (np.arange(m) % 3 == 0).astype(np.int64).reshape(1, m)
    inputs = {"X": "column i = [i, -i, i**2], shape (3, 148)",
              "Y": "Y[0, i] = 1 if i % 3 == 0 else 0, shape (1, 148)",
              "mini_batch_size": 64, "seed": 0}
    before = snapshot(X, Y)
    batches = call(target, X, Y, 64, 0)
    expect_unchanged(func, ("X", "Y"), before, (X, Y))
    expect_type(func, "mini_batches", batches, list, inputs=inputs)
    sizes = [b[1].shape[-1] if isinstance(b, tuple) and len(b) == 2 and hasattr(b[1], "shape")
             else None for b in batches]
    if sizes != [64, 64, 20]:
        fail(func, "returned mini-batches of the wrong sizes (T12).", inputs=inputs,
             expected="3 mini-batches of 64, 64 and 20 examples", actual=f"sizes {sizes}",
             hint="k = 0, 1, ...: columns k*size to (k+1)*size, then one last, shorter batch "
                  "with the m % size remaining columns (none when it is 0).")
    for k, (bx, by) in enumerate(batches):
        _expect_pair(func, k, bx, by, sizes[k], inputs)
        if not np.array_equal(by[0], (bx[0] % 3 == 0).astype(by.dtype)):
            fail(func, f"mini_batches[{k}] pairs columns of X with labels of other examples.",
                 inputs=inputs, hint="shuffle X and Y with the same permutation.")
    order = np.concatenate([bx[0] for bx, _ in batches]).astype(int)
    if sorted(order) != list(range(m)):
        fail(func, "the mini-batches do not hold every example exactly once.", inputs=inputs,
             hint="partition the shuffled columns: no overlap, nothing left out.")
    first, last = order[:6].tolist(), order[-3:].tolist()
    if first != [24, 7, 37, 114, 27, 26] or last != [67, 117, 47]:
        fail(func, "the examples are not in the order that the seed fixes.", inputs=inputs,
             expected="first examples [24, 7, 37, 114, 27, 26], last [67, 117, 47]",
             actual=f"first {first}, last {last}",
             hint="call np.random.seed(seed) once, then permutation = "
                  "list(np.random.permutation(m)), and take the columns X[:, permutation].")
    passed(func)


def _expect_pair(func, k, bx, by, size, inputs):
    expect_float_array(func, f"mini_batches[{k}][0] (X)", bx, (3, size), inputs=inputs)
    expect_type(func, f"mini_batches[{k}][1] (Y)", by, np.ndarray, inputs=inputs)
    if by.shape != (1, size):
        fail(func, f"mini_batches[{k}][1] (Y) has the wrong shape.", inputs=inputs,
             expected=f"shape (1, {size})", actual=f"shape {by.shape}",
             hint="slice Y like X, keeping it 2-D: Y[:, start:end].")


def exponentially_weighted_average_test(target):
    """T5 and T6: θ = [40, 49, 45] with β = 0.9 and 0.98, plain and bias-corrected."""
    func = "exponentially_weighted_average"
    cases = ((0.9, False, [4.0, 8.5, 12.15]),
             (0.98, False, [0.8, 1.764, 2.62872]),
             (0.9, True, [40.0, 44.736842105263165, 44.833948339483406]),
             (0.98, True, [40.0, 44.5454545454545, 44.70004081077402]),
             (0.5, True, [40.0, 46.0, 45.42857142857143]))
    for thetas in (np.array([40.0, 49.0, 45.0]), np.array([40, 49, 45])):
        for beta, corrected, expected in cases:
            inputs = {"thetas": thetas, "beta": beta, "bias_correction": corrected}
            before = snapshot(thetas)
            v = call(target, thetas, beta, bias_correction=corrected)
            expect_unchanged(func, ("thetas",), before, (thetas,))
            expect_float_array(func, "v", v, (3,), inputs=inputs,
                               hint="return a float array with one average per day; for "
                                    "integer thetas, start from np.zeros(T), not zeros_like.")
            expect_close(func, "v", v, expected, inputs=inputs,
                         hint="v_0 = 0, v_t = beta * v_(t-1) + (1 - beta) * theta_t; with "
                              "bias_correction return v_t / (1 - beta**t) for t = 1, 2, ..., "
                              "but keep the recursion on the uncorrected v_t (notes C2 §2.5).")
    passed(func)
