"""Batch norm (notes C2 §3.4-3.7) and layer norm. The math is `F.batch_norm`/`F.layer_norm`.

BatchNorm keeps running averages of the batch mean and variance for test time: an EWA
with beta = momentum = 0.9 and eps = 1e-5 (DECISIONS §4). PyTorch calls the same update
momentum=0.1 (the weight of the new batch); here momentum is the notes' beta.
"""
import numpy as np

from .. import functional as F
from .module import Module, Parameter


class _BatchNorm(Module):
    expected_ndim = None

    def __init__(self, num_features, eps=1e-5, momentum=0.9, affine=True):
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.weight = Parameter(np.ones(num_features, np.float32)) if affine else None
        self.bias = Parameter(np.zeros(num_features, np.float32)) if affine else None
        self.register_buffer("running_mean", np.zeros(num_features, np.float32))
        self.register_buffer("running_var", np.ones(num_features, np.float32))

    def forward(self, x):
        assert x.ndim == self.expected_ndim, (
            f"{type(self).__name__} expects {self.expected_ndim}-D input, got shape {x.shape}")
        return F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias,
                            self.training, self.momentum, self.eps)

    def extra_repr(self):
        return f"{self.num_features}, eps={self.eps}, momentum={self.momentum}"


class BatchNorm1d(_BatchNorm):
    """(N, C) -> (N, C), normalised per feature C over the batch; gamma = weight (C,), beta =
    bias (C,). Put it between z = W a + b and the activation (notes C2 §3.5); the Linear
    before it can drop its bias, which beta replaces."""
    expected_ndim = 2


class BatchNorm2d(_BatchNorm):
    """(N, C, H, W) -> (N, C, H, W), normalised per channel C over N, H and W."""
    expected_ndim = 4


class LayerNorm(Module):
    """(N, ..., *normalized_shape) -> same shape, normalised over the last axes of each
    example (no running statistics: the same in training and test)."""

    def __init__(self, normalized_shape, eps=1e-5):
        super().__init__()
        shape = (normalized_shape,) if isinstance(normalized_shape, int) else normalized_shape
        self.normalized_shape, self.eps = tuple(shape), eps
        self.weight = Parameter(np.ones(self.normalized_shape, np.float32))
        self.bias = Parameter(np.zeros(self.normalized_shape, np.float32))

    def forward(self, x):
        return F.layer_norm(x, self.normalized_shape, self.weight, self.bias, self.eps)

    def extra_repr(self):
        return f"{self.normalized_shape}, eps={self.eps}"
