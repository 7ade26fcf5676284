"""How a failed check speaks: function, input, expected, actual, hint. One format everywhere."""
import numpy as np

__all__ = ["CheckFailure", "describe", "fail", "passed"]


class CheckFailure(AssertionError):
    """A learner's function gave a wrong answer. The message says what and how to fix it."""


def describe(value):
    """A short, readable description of a value: small arrays in full, large ones by shape."""
    if isinstance(value, np.ndarray):
        if value.size <= 8:
            body = np.array2string(value, precision=8, separator=", ").replace("\n", "")
            return f"{body} (shape {value.shape}, dtype {value.dtype})"
        return f"array of shape {value.shape}, dtype {value.dtype}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r}: {describe(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)) and len(value) > 6:
        return f"{type(value).__name__} of length {len(value)}"
    return f"{value!r} ({type(value).__name__})"


def fail(func, problem, *, expected=None, actual=None, inputs=None, hint=None):
    """Raise CheckFailure: '<func>: <problem>' then the input, expected, actual and hint lines."""
    lines = [f"{func}: {problem}"]
    if inputs:
        lines.append("  input:    " + ", ".join(f"{k} = {describe(v)}" for k, v in inputs.items()))
    if expected is not None:
        lines.append(f"  expected: {expected}")
    if actual is not None:
        lines.append(f"  actual:   {actual}")
    if hint:
        lines.append(f"  hint:     {hint}")
    raise CheckFailure("\n".join(lines))


def passed(func=None):
    """Print the success line that every check ends with."""
    print(f"{func}: all tests passed." if func else "All tests passed.")
