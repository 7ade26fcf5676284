"""Ops that could be composed from smaller ones but are not, each for a stated reason
(STYLE rule 6): numerical stability, or speed where the composed graph would cost many
passes over memory or a Python-level op per time step."""
import numpy as np

from ..tensor import Function
from .elementwise import stable_sigmoid


def log_softmax(x, axis):
    """log(softmax(x)) computed as x - max - log(sum(exp(x - max))): no overflow, and no
    log(0) for a probability that underflows. DECISIONS §4: softmax subtracts the max."""
    shifted = x - x.max(axis=axis, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


class Softmax(Function):
    """Fused because: exp(x) overflows for x > 88 in float32 unless the max is subtracted
    first, and the backward y * (g - sum(g * y)) needs only the output y."""

    @staticmethod
    def forward(ctx, x, axis=-1):
        e = np.exp(x - x.max(axis=axis, keepdims=True))  # DECISIONS §4: subtract the max
        out = e / e.sum(axis=axis, keepdims=True)
        ctx.save_for_backward(out)
        ctx.axis = axis
        return out

    @staticmethod
    def backward(ctx, grad):
        (out,) = ctx.saved_tensors
        return out * (grad - (grad * out).sum(axis=ctx.axis, keepdims=True))


class LogSoftmax(Function):
    """Fused because: log(softmax(x)) composed would take log of an underflowed 0."""

    @staticmethod
    def forward(ctx, x, axis=-1):
        out = log_softmax(x, axis)
        ctx.save_for_backward(out)
        ctx.axis = axis
        return out

    @staticmethod
    def backward(ctx, grad):
        (out,) = ctx.saved_tensors
        return grad - np.exp(out) * grad.sum(axis=ctx.axis, keepdims=True)


class CrossEntropyWithLogits(Function):
    """Mean over N of -sum_c y_c log softmax(z)_c, for logits z (N, C) and target y either
    class indices (N,) or probabilities (N, C). Fused because: stable through log_softmax,
    and the gradient is simply (softmax(z) - y) / N (notes C2 §3.9: dz = y_hat - y)."""

    @staticmethod
    def forward(ctx, logits, target):
        logp = log_softmax(logits, axis=1)
        if np.issubdtype(target.dtype, np.integer):
            target = np.eye(logits.shape[1], dtype=logits.dtype)[target]  # one-hot (N, C)
        target = target.astype(logits.dtype, copy=False)
        ctx.save_for_backward(logp, target)
        return np.asarray(-(target * logp).sum() / len(logits), dtype=logits.dtype)

    @staticmethod
    def backward(ctx, grad):
        logp, target = ctx.saved_tensors
        return (np.exp(logp) - target) * (grad / len(logp)), None


class BCEWithLogits(Function):
    """Mean of -[y log sigma(z) + (1 - y) log(1 - sigma(z))] over all elements, z and y of one
    shape. Fused because: written as max(z, 0) - z*y + log(1 + e^-|z|) it never overflows
    nor takes log(0); the gradient is (sigma(z) - y) / size."""

    @staticmethod
    def forward(ctx, logits, target):
        target = target.astype(logits.dtype, copy=False)
        ctx.save_for_backward(logits, target)
        loss = np.maximum(logits, 0) - logits * target + np.log1p(np.exp(-np.abs(logits)))
        return np.asarray(loss.mean(), dtype=logits.dtype)

    @staticmethod
    def backward(ctx, grad):
        logits, target = ctx.saved_tensors
        return (stable_sigmoid(logits) - target) * (grad / logits.size), None


class Standardize(Function):
    """(x - mean) / sqrt(var + eps), the core of batch and layer norm; mean and var have x's
    shape with the normalised `axes` kept as size 1. With batch_stats=True they were computed
    from x (biased 1/m variance, notes C2 §3.4) and backward differentiates through them;
    otherwise they are constants (running averages at test time). Fused because: composed,
    it is about ten ops and as many passes over x; fused, backward is one formula:
    dx = (g - mean(g) - x_hat * mean(g * x_hat)) / sqrt(var + eps)."""

    @staticmethod
    def forward(ctx, x, mean, var, axes, eps, batch_stats):
        inv_std = (1.0 / np.sqrt(var + eps)).astype(x.dtype)
        x_hat = (x - mean) * inv_std
        ctx.save_for_backward(x_hat, inv_std)
        ctx.axes, ctx.batch_stats = axes, batch_stats
        return x_hat

    @staticmethod
    def backward(ctx, grad):
        x_hat, inv_std = ctx.saved_tensors
        if not ctx.batch_stats:
            return grad * inv_std, None, None
        mean_g = grad.mean(axis=ctx.axes, keepdims=True)
        mean_gx = (grad * x_hat).mean(axis=ctx.axes, keepdims=True)
        return (grad - mean_g - x_hat * mean_gx) * inv_std, None, None


def _activate_gates(z, scale, shift):
    """In place on z (N, 4H): sigmoid on the u, f, o blocks and tanh on the c~ block, with
    one tanh call, since sigma(z) = 0.5 + 0.5 tanh(z / 2). scale, shift: (4H,) with blocks
    (0.5, 0.5, 1, 0.5) and (0.5, 0.5, 0, 0.5)."""
    z *= scale
    np.tanh(z, out=z)
    z *= scale
    z += shift


def _gate_derivatives(u, f, cand, o, c_prev, tanh_c):
    """(T, N, 4, H): d(pre-activation) / d(c) for u, f, c~ and d(pre-activation) / d(h) for
    o, i.e. partner * activation'; backward multiplies in dc and dh step by step."""
    local = np.empty((*u.shape[:2], 4, u.shape[2]), u.dtype)
    np.multiply(cand, u * (1 - u), out=local[:, :, 0])
    np.multiply(c_prev, f * (1 - f), out=local[:, :, 1])
    np.multiply(u, 1 - cand * cand, out=local[:, :, 2])
    np.multiply(tanh_c, o * (1 - o), out=local[:, :, 3])
    return local


class LSTM(Function):
    """A whole LSTM layer over time (notes C5 §1.10), from the input projections on.

    xproj (T, N, 4H) = x W_ih^T + b, the gate pre-activations from the inputs, time-major
    so that each step's slice is contiguous, in gate order (update Gamma_u, forget Gamma_f,
    candidate c~, output Gamma_o) = PyTorch's (i, f, g, o); h0, c0 (N, H); weight_hh (4H, H).
    Returns h and c of every step, each (T, N, H).
    Fused because: one matmul per step for all four gates, one tanh call for the four
    activations, and backward through time in preallocated arrays with the weight gradient
    as a single matmul at the end, instead of some twenty graph ops per time step. (Longer
    than STYLE's 40 lines per op: the two time loops are the op, and belong side by side.)
    """

    @staticmethod
    def forward(ctx, xproj, h0, c0, weight_hh):
        steps, n, four_h = xproj.shape
        scale, shift = (np.repeat(np.asarray(v, xproj.dtype), four_h // 4)
                        for v in ((0.5, 0.5, 1, 0.5), (0.5, 0.5, 0, 0.5)))
        gates = np.empty_like(xproj)  # pre-activations, then (in place) the gate values
        h = np.empty((steps + 1, n, four_h // 4), xproj.dtype)
        c, tanh_c = np.empty_like(h), np.empty_like(h[1:])
        h[0], c[0] = h0, c0
        u, f, cand, o = (gates.reshape(steps, n, 4, -1)[:, :, k] for k in range(4))
        w_t = np.ascontiguousarray(weight_hh.T)  # (H, 4H): BLAS is faster on it than on a view
        for t in range(steps):
            z = np.matmul(h[t], w_t, out=gates[t])
            z += xproj[t]
            _activate_gates(z, scale, shift)
            np.multiply(f[t], c[t], out=c[t + 1])
            c[t + 1] += u[t] * cand[t]  # notes C5 §1.10: c = Gamma_u * c~ + Gamma_f * c_prev
            np.tanh(c[t + 1], out=tanh_c[t])
            np.multiply(o[t], tanh_c[t], out=h[t + 1])  # DECISIONS §8: a = Gamma_o * tanh(c)
        ctx.save_for_backward(gates, h, c, tanh_c, weight_hh)
        return h[1:], c[1:]

    @staticmethod
    def backward(ctx, grad_h, grad_c):
        gates, h, c, tanh_c, weight_hh = ctx.saved_tensors
        steps, n, four_h = gates.shape
        u, f, cand, o = (gates.reshape(steps, n, 4, -1)[:, :, k] for k in range(4))
        dz = _gate_derivatives(u, f, cand, o, c[:-1], tanh_c)  # times dc, dh in place below
        through_tanh = o * (1 - tanh_c * tanh_c)  # d(h)/d(c) at fixed gates
        grad_c = grad_c if grad_c.any() else None  # c is often unused: skip its adds
        dh, dc = np.zeros_like(h[0]), np.zeros_like(c[0])
        for t in reversed(range(steps)):
            dh += grad_h[t]
            dc += dh * through_tanh[t]
            if grad_c is not None:
                dc += grad_c[t]
            dz[t, :, :3] *= dc[:, None, :]
            dz[t, :, 3] *= dh
            dc *= f[t]
            dh = dz[t].reshape(n, four_h) @ weight_hh
        dz = dz.reshape(steps, n, four_h)
        dweight = dz.reshape(-1, four_h).T @ h[:-1].reshape(steps * n, -1)
        return dz, dh, dc, dweight
