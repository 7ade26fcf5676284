"""Reductions over one axis, several axes or all of them (axis=None), like numpy's.

Backward broadcasts the incoming gradient back over the reduced axes; with
keepdims=False those axes are first restored as size 1 (`_restore`).
"""
import numpy as np

from ..tensor import Function


def _restore(grad, shape, axis, keepdims):
    """Reshape a reduced gradient so it broadcasts against the input of shape `shape`."""
    if keepdims or axis is None:
        return grad.reshape([1] * len(shape)) if axis is None else grad
    return np.expand_dims(grad, axis)


class Sum(Function):
    """x.sum(axis, keepdims)."""

    @staticmethod
    def forward(ctx, x, axis=None, keepdims=False):
        ctx.shape, ctx.axis, ctx.keepdims = x.shape, axis, keepdims
        return np.asarray(x.sum(axis=axis, keepdims=keepdims))

    @staticmethod
    def backward(ctx, grad):
        grad = _restore(grad, ctx.shape, ctx.axis, ctx.keepdims)
        return np.broadcast_to(grad, ctx.shape).copy()


class Mean(Function):
    """x.mean(axis, keepdims)."""

    @staticmethod
    def forward(ctx, x, axis=None, keepdims=False):
        ctx.shape, ctx.axis, ctx.keepdims = x.shape, axis, keepdims
        out = np.asarray(x.mean(axis=axis, keepdims=keepdims))
        ctx.count = x.size // max(out.size, 1) if x.size else 1
        return out

    @staticmethod
    def backward(ctx, grad):
        grad = _restore(grad, ctx.shape, ctx.axis, ctx.keepdims) / ctx.count
        return np.broadcast_to(grad, ctx.shape).copy()


class Max(Function):
    """x.max(axis, keepdims); tied maxima share the gradient equally (like numpy's amax)."""

    @staticmethod
    def forward(ctx, x, axis=None, keepdims=False):
        out = x.max(axis=axis, keepdims=True)
        winners = x == out
        ctx.save_for_backward(winners / winners.sum(axis=axis, keepdims=True).astype(x.dtype))
        ctx.shape, ctx.axis, ctx.keepdims = x.shape, axis, keepdims
        return out if keepdims else np.asarray(np.squeeze(out, axis=axis))

    @staticmethod
    def backward(ctx, grad):
        (share,) = ctx.saved_tensors
        return _restore(grad, ctx.shape, ctx.axis, ctx.keepdims) * share
