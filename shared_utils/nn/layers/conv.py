"""Convolution and pooling layers on (N, C, H, W) batches (notes C4 §1.4-1.9).

The math (im2col, one matmul, col2im) is in `ops/conv.py`; these classes hold the weights
and hyperparameters. Shapes: H_out = floor((H + 2p - k) / s) + 1, likewise W_out.
"""
import numpy as np

from .. import functional as F
from .. import init
from .module import Module, Parameter


class Conv2d(Module):
    """(N, in_channels, H, W) -> (N, out_channels, H_out, W_out).

    kernel_size, stride: int or (h, w); padding: int, (h, w), 'valid' or 'same' (stride 1).
    weight (out_channels, in_channels, kh, kw), He-normal (notes C2 §1.11); bias
    (out_channels,), one number per filter (notes C4 §1.7), zero.
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, bias=True,
                 rng=None):
        super().__init__()
        self.in_channels, self.out_channels = in_channels, out_channels
        self.kernel_size = F.as_pair(kernel_size)
        self.stride, self.padding = stride, padding
        shape = (out_channels, in_channels, *self.kernel_size)
        self.weight = Parameter(np.zeros(shape, np.float32))
        self.bias = Parameter(np.zeros(out_channels, np.float32)) if bias else None
        self.reset_parameters(rng)

    def reset_parameters(self, rng=None):
        self.weight.data = init.he_normal(self.weight.shape, rng)
        if self.bias is not None:
            self.bias.data = init.zeros(self.bias.shape)

    def forward(self, x):
        return F.conv2d(x, self.weight, self.bias, self.stride, self.padding)

    def extra_repr(self):
        return (f"{self.in_channels}, {self.out_channels}, kernel_size={self.kernel_size}, "
                f"stride={self.stride}, padding={self.padding!r}")


class _Pool2d(Module):
    """kernel_size and stride: int or (h, w); stride defaults to the kernel size; padding int
    or (h, w). No parameters: "nothing for gradient descent to learn" (notes C4 §1.9)."""
    pool = None

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding

    def forward(self, x):
        return type(self).pool(x, self.kernel_size, self.stride, self.padding)

    def extra_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, padding={self.padding}"


class MaxPool2d(_Pool2d):
    """(N, C, H, W) -> (N, C, H_out, W_out): the max of each window, channel by channel."""
    pool = staticmethod(F.max_pool2d)


class AvgPool2d(_Pool2d):
    """(N, C, H, W) -> (N, C, H_out, W_out): the mean of each window, channel by channel."""
    pool = staticmethod(F.avg_pool2d)
