"""Gradient checking against centered finite differences (notes C2 §1.12-1.14).

    x = Tensor(rng.standard_normal((3, 4)), requires_grad=True)   # float64
    gradcheck(lambda: (x * x).sum(), [x])

The function is reduced to a scalar L = sum(f() * R) with a fixed random R, so every
output element is checked. Each input is compared by the notes' relative error
||g - g_approx|| / (||g|| + ||g_approx||): element by element for small inputs, along random
directions for large ones (HIPS autograd's check_grads idea).
"""
import numpy as np

from .tensor import no_grad

__all__ = ["numerical_gradient", "gradcheck", "relative_error"]


def relative_error(analytic, numeric, floor=1e-3):
    """||a - n|| / (||a|| + ||n||) (notes C2 §1.13), with the denominator at least `floor`.
    Why the floor: a gradient that is zero in theory (a key bias under softmax, say) comes
    out as rounding noise on both sides, 1e-16 from backward and up to 1e-9 from the
    differences (machine eps * |L| / eps); that is agreement, not a relative error near 1.
    Below the floor the check is absolute: ||a - n|| < tol * floor = 1e-9."""
    denominator = max(np.linalg.norm(analytic) + np.linalg.norm(numeric), floor)
    return float(np.linalg.norm(analytic - numeric) / denominator)


def _perturbed(loss, array, direction, eps):
    """(L(x + eps d) - L(x - eps d)) / (2 eps), restoring x afterwards."""
    original = array.copy()
    array += eps * direction
    plus = loss()
    array[...] = original - eps * direction
    minus = loss()
    array[...] = original
    return (plus - minus) / (2 * eps)


def numerical_gradient(loss, array, eps=1e-6):
    """dL/dx for a scalar function loss() that reads `array`, one element at a time."""
    grad = np.zeros_like(array)
    unit = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        unit[index] = 1
        grad[index] = _perturbed(loss, array, unit, eps)
        unit[index] = 0
    return grad


def gradcheck(fn, tensors, eps=1e-6, tol=1e-6, max_elements=300, directions=8, seed=0):
    """Check the gradients backward() gives for `tensors` against finite differences.

    fn        -- no arguments -> Tensor; it reads `tensors` (float64 Tensors)
    tensors   -- the Tensors whose gradients are checked (inputs and/or parameters)
    Returns the relative error per tensor; raises AssertionError naming the first tensor
    whose error is tol or more, with the expected and actual values.
    """
    assert all(t.dtype == np.float64 for t in tensors), "gradcheck needs float64 tensors"
    rng = np.random.default_rng(seed)
    for t in tensors:
        t.requires_grad, t.grad = True, None
    out = fn()
    weights = rng.standard_normal(out.shape)
    out.backward(weights)

    def loss():
        with no_grad():
            return float((fn().data * weights).sum())

    errors = []
    for i, t in enumerate(tensors):
        analytic = np.zeros_like(t.data) if t.grad is None else t.grad
        if t.data.size <= max_elements:
            numeric = numerical_gradient(loss, t.data, eps)
        else:  # directional derivatives: d . grad against (L(x + eps d) - L(x - eps d)) / 2eps
            dirs = rng.standard_normal((directions, *t.shape))
            numeric = np.array([_perturbed(loss, t.data, d, eps) for d in dirs])
            analytic = np.array([(d * analytic).sum() for d in dirs])
        errors.append(relative_error(analytic, numeric))
        worst = np.unravel_index(np.argmax(np.abs(analytic - numeric)), numeric.shape)
        assert errors[-1] < tol, (
            f"gradcheck: tensor {i} of shape {t.shape} has relative error {errors[-1]:.3g} "
            f"(tolerance {tol:g}); worst at {worst}: backward gave {analytic[worst]:.8g}, "
            f"central differences {numeric[worst]:.8g}. Hint: check that op's backward.")
    return errors
