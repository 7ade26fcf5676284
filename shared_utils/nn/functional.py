"""The stateless API (PyTorch's `F`): every function takes Tensors (or arrays) and composes ops.

Layers in `layers/` hold parameters and call these. Data are batches first: (N, features),
(N, C, H, W) images, (N, T, features) sequences.
"""
import math

import numpy as np

from . import init
from .ops import conv as _conv, elementwise as _ew, fused as _fu, movement as _mv
from .tensor import Tensor

__all__ = ["as_tensor", "as_pair", "linear", "relu", "sigmoid", "tanh", "softmax", "log_softmax",
           "cat", "stack", "pad", "conv2d", "max_pool2d", "avg_pool2d", "dropout", "batch_norm",
           "layer_norm", "embedding", "lstm", "causal_mask", "additive_mask",
           "scaled_dot_product_attention", "cross_entropy",
           "binary_cross_entropy_with_logits", "mse_loss", "triplet_loss"]


def as_tensor(x):
    """Accept arrays wherever Tensors go (a model called on a numpy batch)."""
    return x if isinstance(x, Tensor) else Tensor(x)


def as_pair(value):
    """3 -> (3, 3); (3, 2) stays (3, 2): kernel sizes, strides and paddings."""
    return tuple(value) if isinstance(value, (tuple, list)) else (value, value)


def linear(x, weight, bias=None):
    """x (N, *, in) @ weight.T (in, out) + bias (out,) -> (N, *, out); weight is (out, in)."""
    x = as_tensor(x)
    flat = x.reshape(-1, x.shape[-1]) if x.ndim > 2 else x  # one 2-D matmul, not N small ones
    out = flat @ weight.T
    out = out if bias is None else out + bias
    return out.reshape(*x.shape[:-1], -1) if x.ndim > 2 else out


def relu(x):
    return _ew.ReLU.apply(as_tensor(x))


def sigmoid(x):
    return _ew.Sigmoid.apply(as_tensor(x))


def tanh(x):
    return _ew.Tanh.apply(as_tensor(x))


def softmax(x, dim=-1):
    return _fu.Softmax.apply(as_tensor(x), axis=dim)


def log_softmax(x, dim=-1):
    return _fu.LogSoftmax.apply(as_tensor(x), axis=dim)


def cat(tensors, dim=0):
    """Concatenate along an existing axis (torch.cat)."""
    return _mv.Concat.apply(*map(as_tensor, tensors), axis=dim)


def stack(tensors, dim=0):
    """Stack along a new axis (torch.stack)."""
    return _mv.Stack.apply(*map(as_tensor, tensors), axis=dim)


def pad(x, pad_width, value=0.0):
    """Constant padding; pad_width ((before, after), ...) for every axis, as in np.pad."""
    return _mv.Pad.apply(as_tensor(x), pad_width=tuple(map(tuple, pad_width)), value=value)


def _conv_padding(padding, kernel, stride):
    """int, (p_h, p_w), 'valid' or 'same' -> ((top, bottom), (left, right))."""
    if padding == "valid":
        return (0, 0), (0, 0)
    if padding == "same":  # notes C4 §1.4: p = (f - 1) / 2; an even f puts the extra 1 after
        assert as_pair(stride) == (1, 1), "padding='same' needs stride 1"
        return tuple(((k - 1) // 2, k // 2) for k in kernel)
    return tuple((p, p) for p in as_pair(padding))


def conv2d(x, weight, bias=None, stride=1, padding=0):
    """x (N, C, H, W), weight (F, C, kh, kw), bias (F,) -> (N, F, H_out, W_out), with
    H_out = floor((H + 2p - kh) / s) + 1 (notes C4 §1.5). padding: int, pair, 'valid', 'same'."""
    kernel = weight.shape[2:]
    return _conv.Conv2d.apply(as_tensor(x), weight, bias, stride=as_pair(stride),
                              padding=_conv_padding(padding, kernel, stride))


def max_pool2d(x, kernel_size, stride=None, padding=0):
    """x (N, C, H, W) -> (N, C, H_out, W_out); stride defaults to the kernel size."""
    kernel = as_pair(kernel_size)
    stride = kernel if stride is None else as_pair(stride)
    return _conv.MaxPool2d.apply(as_tensor(x), kernel=kernel, stride=stride,
                                 padding=_conv_padding(padding, kernel, stride))


def avg_pool2d(x, kernel_size, stride=None, padding=0):
    """x (N, C, H, W) -> (N, C, H_out, W_out); stride defaults to the kernel size."""
    kernel = as_pair(kernel_size)
    stride = kernel if stride is None else as_pair(stride)
    return _conv.AvgPool2d.apply(as_tensor(x), kernel=kernel, stride=stride,
                                 padding=_conv_padding(padding, kernel, stride))


def dropout(x, p=0.5, training=True, rng=None):
    """Inverted dropout (notes C2 §1.6): zero each unit with probability p and divide the
    survivors by keep_prob = 1 - p, so nothing changes at test time (training=False)."""
    x = as_tensor(x)
    if not training or p == 0:
        return x
    keep = init.get_rng(rng).random(x.shape) >= p
    return x * (keep / (1 - p)).astype(x.dtype)


def _normalize(x, weight, bias, axes, mean, var, eps, batch_stats):
    """Standardize over `axes`, then scale by weight and shift by bias (notes C2 §3.4)."""
    x_hat = _fu.Standardize.apply(x, mean, var, axes=axes, eps=eps, batch_stats=batch_stats)
    out = x_hat if weight is None else x_hat * weight
    return out if bias is None else out + bias


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=True,
               momentum=0.9, eps=1e-5):
    """Batch norm of x (N, C) or (N, C, H, W) per channel C (notes C2 §3.4-3.7).

    Training normalises with the batch's mean and biased variance and updates the running
    averages in place; evaluation uses the running averages. running_* are arrays (C,);
    weight (gamma) and bias (beta) are (C,) Tensors or None.
    """
    x = as_tensor(x)
    axes = (0,) if x.ndim == 2 else (0, 2, 3)
    shape = [1, x.shape[1]] + [1] * (x.ndim - 2)  # per-channel values broadcast over N, H, W
    if training:
        mean, var = x.data.mean(axis=axes, keepdims=True), x.data.var(axis=axes, keepdims=True)
        # DECISIONS §4: an EWA with beta = momentum = 0.9 (PyTorch writes this momentum=0.1)
        running_mean *= momentum
        running_mean += (1 - momentum) * mean.reshape(-1)
        running_var *= momentum
        running_var += (1 - momentum) * var.reshape(-1)  # biased 1/m, as the notes' sigma^2
    else:
        mean, var = running_mean.reshape(shape), running_var.reshape(shape)
    weight = None if weight is None else weight.reshape(shape)
    bias = None if bias is None else bias.reshape(shape)
    return _normalize(x, weight, bias, axes, mean, var, eps, batch_stats=training)


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    """Normalise x (N, ..., *normalized_shape) over its last len(normalized_shape) axes, per
    example, with the example's own mean and biased variance in training and test alike."""
    x = as_tensor(x)
    axes = tuple(range(x.ndim - len(tuple(normalized_shape)), x.ndim))
    mean, var = x.data.mean(axis=axes, keepdims=True), x.data.var(axis=axes, keepdims=True)
    return _normalize(x, weight, bias, axes, mean, var, eps, batch_stats=True)


def embedding(indices, weight):
    """Rows of weight (num_embeddings, dim) for integer indices of any shape -> (*, dim)."""
    indices = indices.data if isinstance(indices, Tensor) else np.asarray(indices)
    return weight[indices]


def lstm(x, h0, c0, weight_ih, weight_hh, bias):
    """One LSTM layer (notes C5 §1.10, DECISIONS §8: a = Gamma_o * tanh(c)).

    x (N, T, in); h0, c0 (N, H); weight_ih (4H, in); weight_hh (4H, H); bias (4H,), gates in
    the order (Gamma_u, Gamma_f, c~, Gamma_o). Returns h (N, T, H) and c (N, T, H).
    """
    xproj = linear(as_tensor(x).transpose(0, 1), weight_ih, bias)  # (T, N, 4H): one matmul
    h, c = _fu.LSTM.apply(xproj, as_tensor(h0), as_tensor(c0), weight_hh)
    return h.transpose(0, 1), c.transpose(0, 1)  # (T, N, H) -> (N, T, H)


def causal_mask(t):
    """The look-ahead mask of a decoder (notes C5 §3.9): (t, t) booleans, True where query
    position i may attend to key position j, i.e. j <= i."""
    return np.tril(np.ones((t, t), bool))


def additive_mask(mask):
    """A mask as numbers to add to the attention scores: a boolean mask (True = may attend)
    becomes 0 where True and -1e9 where False; a float mask is returned as it is. A large
    negative rather than -inf, so that a fully masked row stays finite."""
    mask = np.asarray(mask)
    return np.where(mask, 0.0, -1e9) if mask.dtype == bool else mask


def scaled_dot_product_attention(query, key, value, attn_mask=None, need_weights=False):
    """softmax(Q K^T / sqrt(d)) V for query (..., T_q, d), key (..., T_k, d), value
    (..., T_k, d_v) -> (..., T_q, d_v); with need_weights, also the weights (..., T_q, T_k).

    attn_mask: boolean, True where a query may attend to a key, or an additive float array;
    broadcast against (..., T_q, T_k).
    """
    query, key = as_tensor(query), as_tensor(key)
    scores = (query @ key.transpose(-2, -1)) * (1.0 / math.sqrt(query.shape[-1]))
    if attn_mask is not None:
        scores = scores + additive_mask(attn_mask).astype(scores.dtype)
    weights = softmax(scores, dim=-1)
    out = weights @ as_tensor(value)
    return (out, weights) if need_weights else out


def cross_entropy(logits, target):
    """Mean cross-entropy of logits (N, C) or (N, T, C) against class indices (N,) / (N, T)
    or probabilities of the logits' shape. Takes logits, never probabilities."""
    logits = as_tensor(logits)
    target = target.data if isinstance(target, Tensor) else np.asarray(target)
    classes = logits.shape[-1]
    if logits.ndim > 2:  # every position of a sequence is one more example
        probabilities = target.shape == logits.shape
        logits = logits.reshape(-1, classes)
        target = target.reshape(-1, classes) if probabilities else target.reshape(-1)
    return _fu.CrossEntropyWithLogits.apply(logits, target)


def binary_cross_entropy_with_logits(logits, target):
    """Mean binary cross-entropy of logits z (any shape) against targets y in [0, 1] of the
    same shape (notes C1: L = -(y log y_hat + (1 - y) log(1 - y_hat)), y_hat = sigma(z))."""
    target = target.data if isinstance(target, Tensor) else np.asarray(target)
    return _fu.BCEWithLogits.apply(as_tensor(logits), target)


def mse_loss(prediction, target):
    """Mean of (prediction - target)^2 over all elements."""
    diff = as_tensor(prediction) - target
    return (diff * diff).mean()


def triplet_loss(anchor, positive, negative, margin=0.2, reduction="sum"):
    """Triplet loss on encodings (N, d) (notes C4 §4.4): max(||f(A) - f(P)||^2 -
    ||f(A) - f(N)||^2 + alpha, 0), with alpha = margin, summed over the batch as the notes'
    J = sum_i L (reduction='mean' averages instead). Distances are squared, as in the notes."""
    anchor = as_tensor(anchor)
    d_pos = ((anchor - positive) ** 2).sum(dim=-1)
    d_neg = ((anchor - negative) ** 2).sum(dim=-1)
    losses = relu(d_pos - d_neg + margin)  # DECISIONS §4: max(., 0)' = 0 at 0, like ReLU
    return losses.sum() if reduction == "sum" else losses.mean()
