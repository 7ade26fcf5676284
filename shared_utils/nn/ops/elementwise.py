"""Element-wise ops: forward and backward of each, side by side.

Binary ops broadcast like numpy; their backward sums the gradient back to each operand's
shape with `_unbroadcast`. Subtraction and division are composed in `tensor.py`
(a - b = a + (-b), a / b = a * b**-1), so they need no code of their own here.
"""
import numpy as np

from ..tensor import Function, _unbroadcast


class Add(Function):
    """a + b, broadcasting."""

    @staticmethod
    def forward(ctx, a, b):
        ctx.shapes = a.shape, b.shape
        return a + b

    @staticmethod
    def backward(ctx, grad):
        a_shape, b_shape = ctx.shapes
        return _unbroadcast(grad, a_shape), _unbroadcast(grad, b_shape)


class Mul(Function):
    """a * b, broadcasting."""

    @staticmethod
    def forward(ctx, a, b):
        ctx.save_for_backward(a, b)
        return a * b

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        da = _unbroadcast(grad * b, a.shape) if ctx.needs_input_grad[0] else None
        db = _unbroadcast(grad * a, b.shape) if ctx.needs_input_grad[1] else None
        return da, db


class Neg(Function):
    """-x."""

    @staticmethod
    def forward(ctx, x):
        return -x

    @staticmethod
    def backward(ctx, grad):
        return -grad


class Pow(Function):
    """x ** exponent for a constant exponent (a Python float); sqrt is exponent 0.5."""

    @staticmethod
    def forward(ctx, x, exponent):
        ctx.save_for_backward(x)
        ctx.exponent = exponent
        return x ** exponent

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad * ctx.exponent * x ** (ctx.exponent - 1)


class Exp(Function):
    """e ** x; backward reuses the output, since d(e^x)/dx = e^x."""

    @staticmethod
    def forward(ctx, x):
        out = np.exp(x)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, grad):
        (out,) = ctx.saved_tensors
        return grad * out


class Log(Function):
    """Natural log, for x > 0."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return np.log(x)

    @staticmethod
    def backward(ctx, grad):
        (x,) = ctx.saved_tensors
        return grad / x


class Tanh(Function):
    """tanh(x); backward 1 - tanh(x)^2 from the saved output."""

    @staticmethod
    def forward(ctx, x):
        out = np.tanh(x)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, grad):
        (out,) = ctx.saved_tensors
        return grad * (1 - out * out)


def stable_sigmoid(x):
    """sigma(x) = (1 + tanh(x/2)) / 2: the same function as 1 / (1 + e^-x), but no exp can
    overflow for any x. The absolute error stays below one ulp of 1, which is all a gate or a
    probability needs; losses that take log(sigma) use the fused BCE instead."""
    return 0.5 + 0.5 * np.tanh(0.5 * x)


class Sigmoid(Function):
    """Primitive (not exp-composed) so it is stable; backward s * (1 - s) from the output."""

    @staticmethod
    def forward(ctx, x):
        out = stable_sigmoid(x)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, grad):
        (out,) = ctx.saved_tensors
        return grad * out * (1 - out)


class ReLU(Function):
    """max(x, 0)."""

    @staticmethod
    def forward(ctx, x):
        positive = x > 0
        ctx.save_for_backward(positive)
        return x * positive

    @staticmethod
    def backward(ctx, grad):
        (positive,) = ctx.saved_tensors
        return grad * positive  # DECISIONS §4: ReLU'(0) = 0 (x > 0, not x >= 0)


class Maximum(Function):
    """Element-wise max(a, b), broadcasting; at a tie the gradient goes to `a`."""

    @staticmethod
    def forward(ctx, a, b):
        a_wins = a >= b
        ctx.save_for_backward(a_wins)
        ctx.shapes = a.shape, b.shape
        return np.where(a_wins, a, b)

    @staticmethod
    def backward(ctx, grad):
        (a_wins,) = ctx.saved_tensors
        a_shape, b_shape = ctx.shapes
        return _unbroadcast(grad * a_wins, a_shape), _unbroadcast(grad * ~a_wins, b_shape)
