"""Tensor, Function and the reverse-mode engine of `shared_utils.nn`.

A `Tensor` wraps one numpy array. Every op is a `Function` subclass (in `ops/`) whose
`forward(ctx, *arrays)` computes on plain arrays and whose `backward(ctx, *grads)` returns
one gradient per input, side by side. `Function.apply` wraps the result in Tensors and,
while gradients are enabled, links them to the `ctx` that made them. `Tensor.backward`
walks that graph in reverse topological order; the engine alone accumulates gradients
(`+`, never in place, because a backward may hand the same array to two inputs) and
checks their shape and dtype.

Data are batches first, `(N, ...)`, as in PyTorch. Ops keep the dtype of their inputs:
float32 is the default for speed, float64 is what the gradient checks use.

References: micrograd (Karpathy) for accumulation; tinygrad (2021) for the Function/ctx
split; HIPS autograd for `unbroadcast`.
"""
import contextlib
import functools

import numpy as np

_grad_enabled = True


class no_grad(contextlib.ContextDecorator):
    """Context manager and decorator: ops inside build no graph (evaluation, optimiser steps)."""

    def __enter__(self):
        global _grad_enabled
        self._previous, _grad_enabled = _grad_enabled, False

    def __exit__(self, *exc):
        global _grad_enabled
        _grad_enabled = self._previous


def is_grad_enabled():
    return _grad_enabled


def _unbroadcast(grad, shape):
    """Sum `grad` down to `shape`, undoing numpy broadcasting (HIPS autograd's unbroadcast).

    grad -- gradient of the broadcast result, shape broadcast(shape, other)
    Returns the gradient for the operand of shape `shape`.
    """
    if grad.shape == shape:
        return grad
    extra = grad.ndim - len(shape)
    grad = grad.sum(axis=tuple(range(extra))) if extra else grad
    kept = tuple(i for i, n in enumerate(shape) if n == 1 and grad.shape[i] != 1)
    return grad.sum(axis=kept, keepdims=True) if kept else grad


class Function:
    """One differentiable op. Subclasses define `forward(ctx, *args)` and `backward(ctx, *grads)`.

    `forward` receives arrays for Tensor inputs and other arguments unchanged; it returns
    one array or a tuple of arrays. `backward` receives one gradient per output (zeros for
    outputs that did not reach the loss) and returns one gradient (or None) per input.
    """

    def __init__(self, inputs):
        self.inputs = inputs
        self.needs_input_grad = tuple(isinstance(t, Tensor) and t.requires_grad for t in inputs)
        self.saved_tensors = ()

    def save_for_backward(self, *arrays):
        """Keep exactly what backward needs, by name at the call site (STYLE rule 3)."""
        self.saved_tensors = arrays

    @classmethod
    def apply(cls, *inputs, **kwargs):
        floats = {t.dtype for t in inputs if isinstance(t, Tensor) and t.dtype.kind == "f"}
        if len(floats) > 1:
            raise TypeError(f"{cls.__name__} got inputs of dtypes {sorted(map(str, floats))}. "
                            f"Hint: convert them to one dtype, e.g. X.astype(np.float32).")
        ctx = cls(inputs)
        args = [t.data if isinstance(t, Tensor) else t for t in inputs]
        raw = cls.forward(ctx, *args, **kwargs)
        outputs = raw if isinstance(raw, tuple) else (raw,)
        track = _grad_enabled and any(ctx.needs_input_grad)
        ctx.output_meta = [(out.shape, out.dtype) for out in outputs]
        tensors = tuple(Tensor(out, requires_grad=track, _ctx=ctx if track else None, _index=i)
                        for i, out in enumerate(outputs))
        return tensors if isinstance(raw, tuple) else tensors[0]

    @staticmethod
    def forward(ctx, *args, **kwargs):
        raise NotImplementedError

    @staticmethod
    def backward(ctx, *grads):
        raise NotImplementedError


def _as_array(data, dtype):
    """Arrays and numpy scalars keep their dtype; Python numbers and lists become float32, as
    in PyTorch."""
    if isinstance(data, (np.ndarray, np.generic)):
        data = np.asarray(data)
        return data if dtype is None else data.astype(dtype, copy=False)
    array = np.asarray(data, dtype=dtype)
    return array.astype(np.float32) if dtype is None and array.dtype == np.float64 else array


class Tensor:
    """An n-dimensional array that can record the ops applied to it.

    data          -- numpy array, any shape; batches are (N, ...)
    requires_grad -- whether backward() should fill `.grad` (leaves) or pass through (results)
    grad          -- after backward(): d(output)/d(self), same shape and dtype as `data`
    """
    __array_priority__ = 1000  # ndarray (op) Tensor defers to Tensor's reflected operator

    def __init__(self, data, requires_grad=False, dtype=None, _ctx=None, _index=0):
        self.data = _as_array(data, dtype)
        self.requires_grad = requires_grad
        self.grad = None
        self._ctx, self._index = _ctx, _index

    shape = property(lambda self: self.data.shape)
    dtype = property(lambda self: self.data.dtype)
    ndim = property(lambda self: self.data.ndim)
    T = property(lambda self: _mv.Transpose.apply(self, axes=None))  # all axes reversed

    def __repr__(self):
        grad = ", requires_grad=True" if self.requires_grad else ""
        return f"Tensor({np.array2string(self.data, prefix='Tensor(')}{grad})"

    def __len__(self):
        return len(self.data)

    def numpy(self):
        return self.data

    def item(self):
        return self.data.item()

    def detach(self):
        """The same data, cut from the graph."""
        return Tensor(self.data)

    def backward(self, grad=None):
        """Fill `.grad` of every leaf that requires it with d(self)/d(leaf).

        grad -- d(loss)/d(self), shape self.shape; defaults to 1 for a scalar self
        """
        if grad is None:
            assert self.data.size == 1, f"backward() needs a grad for a tensor of {self.shape}"
            grad = np.ones_like(self.data)
        pending = {}
        self._receive(np.asarray(grad, dtype=self.dtype), "backward()", pending)
        for ctx in _reverse_topological(self._ctx) if self._ctx else ():
            slots = pending.pop(id(ctx), None)
            if slots is None:  # every path from here to the loss returned None (no gradient)
                continue
            grads = [np.zeros(shape, dtype) if g is None else g
                     for g, (shape, dtype) in zip(slots, ctx.output_meta)]
            input_grads = ctx.backward(ctx, *grads)
            input_grads = input_grads if isinstance(input_grads, tuple) else (input_grads,)
            for tensor, g in zip(ctx.inputs, input_grads):
                if isinstance(tensor, Tensor) and tensor.requires_grad and g is not None:
                    tensor._receive(g, type(ctx).__name__, pending)

    def _receive(self, grad, op_name, pending):
        _check_grad(self, grad, op_name)
        if self._ctx is None:
            # A copy: the same array may reach two leaves, and callers may edit .grad in place.
            self.grad = grad.copy() if self.grad is None else self.grad + grad
            return
        slots = pending.setdefault(id(self._ctx), [None] * len(self._ctx.output_meta))
        previous = slots[self._index]
        slots[self._index] = grad if previous is None else previous + grad

    # Arithmetic, reductions and movement are defined by the ops; see the bottom of the file.


def _check_grad(tensor, grad, op_name):
    """The engine's invariant (STYLE rule 4): a gradient has its tensor's shape and dtype."""
    assert grad.shape == tensor.shape, (
        f"{op_name}.backward returned a gradient of shape {grad.shape} for an input of shape "
        f"{tensor.shape}. Hint: reduce broadcast axes with _unbroadcast.")
    assert grad.dtype == tensor.dtype, (
        f"{op_name}.backward returned {grad.dtype} for a {tensor.dtype} input. "
        f"Hint: ops must keep their input's dtype.")


def _reverse_topological(root):
    """Every Function reachable from `root`, each after all the Functions that consume it."""
    order, done, stack = [], set(), [(root, False)]
    while stack:  # iterative DFS: a long recurrent graph would overflow Python's recursion limit
        ctx, inputs_done = stack.pop()
        if inputs_done:
            order.append(ctx)  # post-order: after everything it reads from
        elif id(ctx) not in done:  # marked when expanded, not when pushed, so a node reached
            done.add(id(ctx))      # by two paths still lands after both of its consumers
            stack.append((ctx, True))
            stack.extend((t._ctx, False) for t in ctx.inputs
                         if isinstance(t, Tensor) and t._ctx is not None and id(t._ctx) not in done)
    return reversed(order)


def _lift(value, like):
    """Constants join an op as Tensors of the other operand's dtype (float64 stays float64)."""
    return value if isinstance(value, Tensor) else Tensor(np.asarray(value, dtype=like.dtype))


def _binary(op, swap=False):
    @functools.wraps(op)
    def method(self, other):
        other = _lift(other, self)
        return op(other, self) if swap else op(self, other)
    return method


# The ops subclass Function, so they can only be imported once it exists.
from .ops import elementwise as _ew, linalg as _la, movement as _mv, reduce as _rd  # noqa: E402
from .ops import fused as _fu  # noqa: E402

Tensor.__add__ = Tensor.__radd__ = _binary(_ew.Add.apply)
Tensor.__mul__ = Tensor.__rmul__ = _binary(_ew.Mul.apply)
Tensor.__sub__ = _binary(lambda a, b: a + _ew.Neg.apply(b))
Tensor.__rsub__ = _binary(lambda a, b: a + _ew.Neg.apply(b), swap=True)
Tensor.__truediv__ = _binary(lambda a, b: a * _ew.Pow.apply(b, exponent=-1.0))
Tensor.__rtruediv__ = _binary(lambda a, b: a * _ew.Pow.apply(b, exponent=-1.0), swap=True)
Tensor.__matmul__ = _binary(_la.MatMul.apply)
Tensor.__rmatmul__ = _binary(_la.MatMul.apply, swap=True)
Tensor.__neg__ = lambda self: _ew.Neg.apply(self)
Tensor.__pow__ = lambda self, exponent: _ew.Pow.apply(self, exponent=float(exponent))
Tensor.__getitem__ = lambda self, index: _mv.GetItem.apply(
    self, index=index.data if isinstance(index, Tensor) else index)
Tensor.exp = lambda self: _ew.Exp.apply(self)
Tensor.log = lambda self: _ew.Log.apply(self)
Tensor.tanh = lambda self: _ew.Tanh.apply(self)
Tensor.sigmoid = lambda self: _ew.Sigmoid.apply(self)
Tensor.relu = lambda self: _ew.ReLU.apply(self)
Tensor.sqrt = lambda self: _ew.Pow.apply(self, exponent=0.5)
Tensor.maximum = _binary(_ew.Maximum.apply)
Tensor.sum = lambda self, dim=None, keepdim=False: _rd.Sum.apply(self, axis=dim, keepdims=keepdim)
Tensor.mean = lambda self, dim=None, keepdim=False: _rd.Mean.apply(self, axis=dim,
                                                                  keepdims=keepdim)
Tensor.max = lambda self, dim=None, keepdim=False: _rd.Max.apply(self, axis=dim, keepdims=keepdim)
Tensor.softmax = lambda self, dim=-1: _fu.Softmax.apply(self, axis=dim)
Tensor.log_softmax = lambda self, dim=-1: _fu.LogSoftmax.apply(self, axis=dim)


def _reshape(self, *shape):
    """x.reshape(2, 3) or x.reshape((2, 3)), with -1 allowed once."""
    return _mv.Reshape.apply(self, shape=shape[0] if len(shape) == 1 else shape)


def _permute(self, *dims):
    """x.permute(0, 2, 1): axis i of the result is axis dims[i] of x."""
    return _mv.Transpose.apply(self, axes=tuple(dims[0] if len(dims) == 1 else dims))


def _transpose(self, dim0=-2, dim1=-1):
    """Swap two axes (PyTorch's transpose); the default swaps the last two, as for matrices."""
    axes = list(range(self.ndim))
    axes[dim0], axes[dim1] = axes[dim1], axes[dim0]
    return _mv.Transpose.apply(self, axes=tuple(axes))


Tensor.reshape = Tensor.view = _reshape
Tensor.permute, Tensor.transpose = _permute, _transpose
Tensor.flatten = lambda self, start_dim=1: self.reshape(self.shape[:start_dim] + (-1,))
Tensor.unsqueeze = lambda self, dim: self.reshape(np.expand_dims(self.data, dim).shape)
