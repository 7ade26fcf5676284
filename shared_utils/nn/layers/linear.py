"""Dense layers and the parameter-free helpers that sit between layers. Data are (N, ...)."""
import numpy as np

from .. import functional as F
from .. import init
from .module import Module, Parameter


class Linear(Module):
    """y = x W^T + b for x (N, *, in_features) -> (N, *, out_features).

    weight (out_features, in_features), as the notes' W^[l] (n^[l], n^[l-1]); bias
    (out_features,). Initialised He-normal (notes C2 §1.11) with a zero bias.
    """

    def __init__(self, in_features, out_features, bias=True, rng=None):
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        self.weight = Parameter(np.zeros((out_features, in_features), np.float32))
        self.bias = Parameter(np.zeros(out_features, np.float32)) if bias else None
        self.reset_parameters(rng)

    def reset_parameters(self, rng=None):
        self.weight.data = init.he_normal(self.weight.shape, rng)
        if self.bias is not None:
            self.bias.data = init.zeros(self.bias.shape)

    def forward(self, x):
        return F.linear(x, self.weight, self.bias)

    def extra_repr(self):
        return (f"in_features={self.in_features}, out_features={self.out_features}, "
                f"bias={self.bias is not None}")


class Flatten(Module):
    """(N, d1, d2, ...) -> (N, d1 * d2 * ...), e.g. between the conv and dense parts of a CNN."""

    def forward(self, x):
        return F.as_tensor(x).flatten(1)


class Identity(Module):
    """Returns its input; a placeholder where a layer is optional."""

    def forward(self, x):
        return x


class ReLU(Module):
    """max(x, 0) element-wise, as a layer for Sequential."""

    def forward(self, x):
        return F.relu(x)


class Sigmoid(Module):
    def forward(self, x):
        return F.sigmoid(x)


class Tanh(Module):
    def forward(self, x):
        return F.tanh(x)


class Softmax(Module):
    """softmax over `dim` (the class axis, last by default)."""

    def __init__(self, dim=-1):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return F.softmax(x, self.dim)

    def extra_repr(self):
        return f"dim={self.dim}"
