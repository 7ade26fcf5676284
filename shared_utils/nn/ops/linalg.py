"""Matrix product, the op that carries almost all the arithmetic of a network."""
import numpy as np

from ..tensor import Function, _unbroadcast


class MatMul(Function):
    """a @ b for a of shape (..., n, k) and b of shape (..., k, m) -> (..., n, m).

    Leading (batch) axes broadcast as in np.matmul; backward sums the gradient over the
    axes an operand was broadcast along. Both operands need at least 2 axes.

    When b is a transposed matrix (linear() multiplies by weight.T), its gradient is built
    transposed too, (grad^T a)^T: the Transpose before it then hands the weight a
    C-ordered gradient, and no step has to copy a matrix across its memory order.
    """

    @staticmethod
    def forward(ctx, a, b):
        assert a.ndim >= 2 and b.ndim >= 2, f"MatMul needs 2-D or more, got {a.shape} @ {b.shape}"
        ctx.save_for_backward(a, b)
        return a @ b

    @staticmethod
    def backward(ctx, grad):
        a, b = ctx.saved_tensors
        da = db = None
        if ctx.needs_input_grad[0]:
            da = _unbroadcast(grad @ np.swapaxes(b, -1, -2), a.shape)
        if ctx.needs_input_grad[1] and b.ndim == 2 and not b.flags.c_contiguous:
            db_t = np.swapaxes(grad, -1, -2) @ a  # (..., m, k): b's gradient, transposed
            db = (db_t.reshape(-1, *b.shape[::-1]).sum(0) if db_t.ndim > 2 else db_t).T
        elif ctx.needs_input_grad[1]:
            db = _unbroadcast(np.swapaxes(a, -1, -2) @ grad, b.shape)
        return da, db
