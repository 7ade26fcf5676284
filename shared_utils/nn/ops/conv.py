"""2-D convolution and pooling on (N, C, H, W) batches, with the im2col/col2im helpers.

Every op here walks the kernel offsets (i, j): offset (i, j) of the kernel sees the strided
slice `xp[:, :, i::s_h, j::s_w]` (cut to the output size) of the padded input `xp`.
`im2col` copies those kh*kw slices into one matrix so the convolution is a single matrix
product; `col2im` adds the gradient slices back the same way. That is kh*kw vectorised
steps, never a Python loop over pixels or examples, and no `np.add.at`.

Sizes (notes C4 §1.5): H_out = floor((H + pad_top + pad_bottom - kh) / s_h) + 1, and the
same for W. Convolution here is cross-correlation (no kernel flip), as in the notes §1.5.
"""
import numpy as np

from ..tensor import Function


def output_size(size, kernel, stride, pad):
    """floor((n + p_lo + p_hi - f) / s) + 1 (notes C4 §1.5); pad is (p_lo, p_hi)."""
    out = (size + pad[0] + pad[1] - kernel) // stride + 1
    assert out > 0, f"kernel {kernel} is larger than the padded input {size} + {pad}"
    return out


def output_hw(shape, kernel, stride, padding):
    """[H_out, W_out] for an input of `shape` (N, C, H, W)."""
    return [output_size(shape[d], kernel[d - 2], stride[d - 2], padding[d - 2]) for d in (2, 3)]


def pad2d(x, padding, value=0.0):
    """x (N, C, H, W) -> (N, C, H + top + bottom, W + left + right); padding ((top, bottom),
    (left, right))."""
    if not any(padding[0] + padding[1]):
        return x
    return np.pad(x, ((0, 0), (0, 0)) + tuple(padding), constant_values=value)


def kernel_offsets(kernel, stride, out_hw):
    """Yield (i, j, rows, cols): kernel offset (i, j) and the slices of the padded input that
    it sees for every output position."""
    (kh, kw), (sh, sw), (ho, wo) = kernel, stride, out_hw
    for i in range(kh):
        for j in range(kw):
            yield i, j, slice(i, i + sh * (ho - 1) + 1, sh), slice(j, j + sw * (wo - 1) + 1, sw)


def im2col(xp, kernel, stride, out_hw):
    """xp (N, C, Hp, Wp) -> cols (C, kh, kw, N, H_out, W_out): cols[c, i, j, n, y, x] is the
    input pixel that kernel weight (c, i, j) multiplies for output pixel (n, y, x)."""
    n, c = xp.shape[:2]
    cols = np.empty((c, *kernel, n, *out_hw), xp.dtype)
    for i, j, rows, columns in kernel_offsets(kernel, stride, out_hw):
        cols[:, i, j] = xp[:, :, rows, columns].transpose(1, 0, 2, 3)  # (C, N, H_out, W_out)
    return cols


def col2im(dcols, padded_shape, stride):
    """The adjoint of im2col: dcols (C, kh, kw, N, H_out, W_out) -> dxp (N, C, Hp, Wp), summing
    the contributions of overlapping windows."""
    c, kh, kw, n, ho, wo = dcols.shape
    # Summed channels first, in dcols' own order: measured faster than adding through a transpose
    dxp = np.zeros((c, n, *padded_shape[2:]), dcols.dtype)
    for i, j, rows, columns in kernel_offsets((kh, kw), stride, (ho, wo)):
        dxp[:, :, rows, columns] += dcols[:, i, j]
    return dxp.transpose(1, 0, 2, 3)  # (N, C, Hp, Wp)


def _crop(dxp, padding):
    """Drop the padding again: (N, C, Hp, Wp) -> (N, C, H, W)."""
    (top, bottom), (left, right) = padding
    return dxp[:, :, top:dxp.shape[2] - bottom, left:dxp.shape[3] - right]


def _blocks(n, size=8):
    """Slices of at most `size` examples. Working through the batch a block at a time keeps
    the block's im2col columns (about 5 MB for 16 channels of 32x32, 3x3 kernel) in cache
    between the copy and the matmul, and the memory use of a layer small."""
    return (slice(start, start + size) for start in range(0, n, size))


class Conv2d(Function):
    """x (N, C, H, W) * weight (F, C, kh, kw) + bias (F,) -> (N, F, H_out, W_out).

    stride (s_h, s_w); padding ((top, bottom), (left, right)) of zeros. Bias is fused in
    because it is one broadcast add here and one sum in backward. Backward recomputes the
    im2col columns rather than keeping kh*kw copies of x alive between the passes.
    """

    @staticmethod
    def forward(ctx, x, weight, bias, stride, padding):
        xp = pad2d(x, padding)
        f, c, kh, kw = weight.shape
        out_hw = output_hw(x.shape, (kh, kw), stride, padding)
        w2 = weight.reshape(f, -1)  # (F, C*kh*kw)
        out = np.empty((len(x), f, *out_hw), x.dtype)
        for block in _blocks(len(x)):
            cols = im2col(xp[block], (kh, kw), stride, out_hw).reshape(w2.shape[1], -1)
            product = w2 @ cols  # (F, n*H_out*W_out)
            if bias is not None:
                product += bias[:, None]
            out[block] = product.reshape(f, -1, *out_hw).transpose(1, 0, 2, 3)
        ctx.save_for_backward(xp, weight)
        ctx.geometry = stride, padding, out_hw
        return out

    @staticmethod
    def backward(ctx, grad):
        xp, weight = ctx.saved_tensors
        stride, padding, out_hw = ctx.geometry
        f, c, kh, kw = weight.shape
        w2 = weight.reshape(f, -1)
        dw2, dbias = np.zeros_like(w2), np.zeros(f, grad.dtype)
        dxp = np.empty_like(xp) if ctx.needs_input_grad[0] else None
        for block in _blocks(len(xp)):
            cols = im2col(xp[block], (kh, kw), stride, out_hw).reshape(w2.shape[1], -1)
            g = grad[block].transpose(1, 0, 2, 3).reshape(f, -1)  # (F, n*H_out*W_out)
            dw2 += (cols @ g.T).T  # measured faster than g @ cols.T for these shapes
            dbias += g.sum(axis=1)
            if ctx.needs_input_grad[0]:
                dcols = (w2.T @ g).reshape(c, kh, kw, -1, *out_hw)
                dxp[block] = col2im(dcols, xp.shape, stride)
        dx = _crop(dxp, padding) if ctx.needs_input_grad[0] else None
        return dx, dw2.reshape(weight.shape), dbias if ctx.needs_input_grad[2] else None


class MaxPool2d(Function):
    """x (N, C, H, W) -> (N, C, H_out, W_out), the max of each window. Padding counts as -inf.
    A tie sends the gradient to the first maximum in row-major window order."""

    @staticmethod
    def forward(ctx, x, kernel, stride, padding):
        xp = pad2d(x, padding, value=-np.inf)
        out_hw = output_hw(x.shape, kernel, stride, padding)
        out, winner = None, np.zeros((*x.shape[:2], *out_hw), np.int32)
        for i, j, rows, columns in kernel_offsets(kernel, stride, out_hw):
            window = xp[:, :, rows, columns]
            if out is None:
                out = window.copy()
                continue
            better = window > out  # strict: the earlier offset keeps a tie
            np.maximum(out, window, out=out)
            winner[better] = i * kernel[1] + j
        ctx.save_for_backward(winner)
        ctx.geometry = xp.shape, kernel, stride, padding, out_hw
        return out

    @staticmethod
    def backward(ctx, grad):
        (winner,) = ctx.saved_tensors
        padded_shape, kernel, stride, padding, out_hw = ctx.geometry
        dxp = np.zeros(padded_shape, grad.dtype)
        for i, j, rows, columns in kernel_offsets(kernel, stride, out_hw):
            dxp[:, :, rows, columns] += grad * (winner == i * kernel[1] + j)
        return _crop(dxp, padding)


class AvgPool2d(Function):
    """x (N, C, H, W) -> (N, C, H_out, W_out), the mean of each window; padded zeros count
    in the mean (PyTorch's count_include_pad=True)."""

    @staticmethod
    def forward(ctx, x, kernel, stride, padding):
        xp = pad2d(x, padding)
        out_hw = output_hw(x.shape, kernel, stride, padding)
        out = np.zeros((*x.shape[:2], *out_hw), x.dtype)
        for _, _, rows, columns in kernel_offsets(kernel, stride, out_hw):
            out += xp[:, :, rows, columns]
        ctx.geometry = xp.shape, kernel, stride, padding, out_hw
        return out / (kernel[0] * kernel[1])

    @staticmethod
    def backward(ctx, grad):
        padded_shape, kernel, stride, padding, out_hw = ctx.geometry
        dxp = np.zeros(padded_shape, grad.dtype)
        share = grad / (kernel[0] * kernel[1])
        for _, _, rows, columns in kernel_offsets(kernel, stride, out_hw):
            dxp[:, :, rows, columns] += share
        return _crop(dxp, padding)
