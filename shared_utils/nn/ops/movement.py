"""Ops that move or select elements without arithmetic: reshape, transpose, index,
concatenate, stack, pad. Their backward moves the gradient back the same way."""
import numpy as np

from ..tensor import Function


class Reshape(Function):
    """x.reshape(shape); backward reshapes the gradient back."""

    @staticmethod
    def forward(ctx, x, shape):
        ctx.shape = x.shape
        return x.reshape(shape)

    @staticmethod
    def backward(ctx, grad):
        return grad.reshape(ctx.shape)


class Transpose(Function):
    """np.transpose(x, axes); axes=None reverses them. Backward applies the inverse order."""

    @staticmethod
    def forward(ctx, x, axes=None):
        ctx.axes = axes
        return np.transpose(x, axes)

    @staticmethod
    def backward(ctx, grad):
        return np.transpose(grad, None if ctx.axes is None else np.argsort(ctx.axes))


class GetItem(Function):
    """x[index] for any numpy index (slices, integers, integer or boolean arrays)."""

    @staticmethod
    def forward(ctx, x, index):
        ctx.shape, ctx.dtype, ctx.index = x.shape, x.dtype, index
        return x[index]

    @staticmethod
    def backward(ctx, grad):
        out = np.zeros(ctx.shape, ctx.dtype)
        if _is_basic(ctx.index):
            out[ctx.index] = grad  # a basic index never selects one element twice
        else:
            np.add.at(out, ctx.index, grad)  # an integer array may repeat an index: add, not set
        return out


def _is_basic(index):
    """True for numpy's basic indexing (ints, slices, None, ...), which selects a view."""
    parts = index if isinstance(index, tuple) else (index,)
    return all(isinstance(p, (int, np.integer, slice)) or p is None or p is Ellipsis
               for p in parts)


class Concat(Function):
    """np.concatenate(tensors, axis); backward splits the gradient at the same boundaries."""

    @staticmethod
    def forward(ctx, *arrays, axis=0):
        ctx.axis, ctx.bounds = axis, np.cumsum([a.shape[axis] for a in arrays])[:-1]
        return np.concatenate(arrays, axis=axis)

    @staticmethod
    def backward(ctx, grad):
        return tuple(np.split(grad, ctx.bounds, axis=ctx.axis))


class Stack(Function):
    """np.stack(tensors, axis): a new axis; backward takes each slice back out."""

    @staticmethod
    def forward(ctx, *arrays, axis=0):
        ctx.axis = axis
        return np.stack(arrays, axis=axis)

    @staticmethod
    def backward(ctx, grad):
        return tuple(np.moveaxis(grad, ctx.axis, 0))


class Pad(Function):
    """Constant padding: pad_width as for np.pad, ((before, after), ...) per axis."""

    @staticmethod
    def forward(ctx, x, pad_width, value=0.0):
        ctx.inner = tuple(slice(lo, lo + n) for (lo, _), n in zip(pad_width, x.shape))
        return np.pad(x, pad_width, constant_values=value)

    @staticmethod
    def backward(ctx, grad):
        return grad[ctx.inner]
