"""Comparisons used by the public checks (and the instructor's hidden ones).

Each `expect_*` returns quietly or raises CheckFailure through `fail`. Order of checks on an
answer: type, then shape, then dtype, then values, so broadcasting can never hide a wrong shape.
"""
import copy

import numpy as np

from ._report import describe, fail

__all__ = ["call", "call_backward", "backward_from", "expect_type", "expect_shape",
           "expect_float_array", "expect_close", "expect_scalar", "expect_keys", "snapshot",
           "expect_unchanged"]


AFTER_LEARNER_CALL = None  # grading sets a hook here that undoes patches made by learner code


def call(func, *args, **kwargs):
    """Call the learner's function; a `raise NotImplementedError()` stub becomes a clear failure."""
    try:
        return func(*args, **kwargs)
    except NotImplementedError:
        fail(func.__name__, "is not implemented yet.",
             hint="replace `raise NotImplementedError()` between START CODE HERE and "
                  "END CODE HERE with your code, run that cell, then this one.")
    finally:
        if AFTER_LEARNER_CALL is not None:
            AFTER_LEARNER_CALL()


def call_backward(func, grad, *args, **kwargs):
    """call(), then backward() from the result when it is a Tensor of shared_utils.nn: from
    sum(result * grad), or from the result itself when grad is None. The gradients land in
    the Parameters passed in. A learner function that runs in another process (the grader's
    judge calls it so) is asked to do both there."""
    def run(*args, **kwargs):
        elsewhere = getattr(func, "call_with_backward", None)
        if elsewhere is not None:
            return elsewhere(grad, args, kwargs)
        value = func(*args, **kwargs)
        backward_from(value, grad)
        return value

    run.__name__ = getattr(func, "__name__", "the function")
    return call(run, *args, **kwargs)


def backward_from(value, grad):
    """sum(value * grad).backward(), or value.backward() for grad None: only for a Tensor (and
    one number when grad is None), so that a check can then say what else it got."""
    from .. import nn
    if isinstance(value, nn.Tensor) and (grad is not None or value.data.size == 1):
        weights = None if grad is None else nn.Tensor(np.asarray(grad, dtype=value.dtype))
        (value if grad is None else (value * weights).sum()).backward()


def expect_type(func, name, value, types, *, inputs=None, hint=None):
    if not isinstance(value, types):
        names = (types.__name__ if isinstance(types, type)
                 else " or ".join(t.__name__ for t in types))
        fail(func, f"{name} should be of type {names}.", expected=names,
             actual=describe(value), inputs=inputs, hint=hint)


def expect_shape(func, name, array, shape, *, inputs=None, hint=None):
    expect_type(func, name, array, np.ndarray, inputs=inputs, hint=hint)
    if array.shape != tuple(shape):
        fail(func, f"{name} has the wrong shape.", expected=f"shape {tuple(shape)}",
             actual=f"shape {array.shape}", inputs=inputs, hint=hint)


def expect_float_array(func, name, array, shape, *, inputs=None, hint=None):
    """An ndarray of the given shape with a floating dtype."""
    expect_shape(func, name, array, shape, inputs=inputs, hint=hint)
    if not np.issubdtype(array.dtype, np.floating):
        fail(func, f"{name} should hold floats.", expected="a float dtype",
             actual=f"dtype {array.dtype}", inputs=inputs, hint=hint)


def expect_scalar(func, name, value, *, inputs=None, hint=None):
    """A real number: a Python float or int, a numpy scalar, or a 0-d array (not (1,) or (1, 1))."""
    ok = isinstance(value, (float, int, np.floating, np.integer)) and not isinstance(value, bool)
    ok = ok or (isinstance(value, np.ndarray) and value.shape == ())
    if not ok:
        fail(func, f"{name} should be a single number.", expected="a float",
             actual=describe(value), inputs=inputs,
             hint=hint or "use np.squeeze(...) or float(...) to turn a 1x1 array into a number.")


def expect_close(func, name, actual, expected, *, rtol=1e-6, atol=1e-8, inputs=None, hint=None):
    """Values agree within tolerance; shapes must already match (call expect_shape first)."""
    actual_arr, expected_arr = np.asarray(actual, dtype=float), np.asarray(expected, dtype=float)
    if actual_arr.shape != expected_arr.shape:
        fail(func, f"{name} has the wrong shape.", expected=f"shape {expected_arr.shape}",
             actual=f"shape {actual_arr.shape}", inputs=inputs, hint=hint)
    if not np.allclose(actual_arr, expected_arr, rtol=rtol, atol=atol, equal_nan=False):
        fail(func, f"{name} has the wrong value.", expected=describe(expected),
             actual=describe(actual), inputs=inputs, hint=hint)


def expect_keys(func, name, mapping, keys, *, inputs=None, hint=None):
    expect_type(func, name, mapping, dict, inputs=inputs, hint=hint)
    missing = [k for k in keys if k not in mapping]
    if missing:
        fail(func, f"{name} is missing keys {missing}.", expected=f"keys {list(keys)}",
             actual=f"keys {list(mapping)}", inputs=inputs, hint=hint)


def snapshot(*values):
    """Deep copies of the inputs, to prove later that the function did not change them."""
    return copy.deepcopy(values)


def expect_unchanged(func, names, before, after):
    """Inputs must be left as they were (no in-place updates of the caller's arrays)."""
    for name, old, new in zip(names, before, after):
        same = (np.array_equal(old, new) if isinstance(old, np.ndarray)
                else all(np.array_equal(old[k], new[k]) for k in old) if isinstance(old, dict)
                else old == new)
        if not same:
            fail(func, f"changed its input {name} in place.",
                 hint=f"write `{name} = {name} - ...` instead of `{name} -= ...`, "
                      "or copy it first.")
