"""Inverted dropout (notes C2 §1.6-1.7) as a layer; the math is `F.dropout`."""
from .. import functional as F
from .. import init
from .module import Module


class Dropout(Module):
    """Any shape -> same shape. In training, zero each unit with probability p and scale the
    rest by 1 / (1 - p) (so keep_prob = 1 - p); in eval mode, return x unchanged.

    rng -- numpy Generator for the masks; None uses the generator `nn.manual_seed` sets.
    """

    def __init__(self, p=0.5, rng=None):
        super().__init__()
        assert 0 <= p < 1, f"Dropout p must be in [0, 1), got {p}"
        self.p, self.rng = p, rng

    def forward(self, x):
        return F.dropout(x, self.p, self.training, init.get_rng(self.rng))

    def extra_repr(self):
        return f"p={self.p}"
