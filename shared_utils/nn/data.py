"""Mini-batches (notes C2 §2.1-2.2). Arrays are batches first: X (m, ...), Y (m, ...)."""
import math

import numpy as np

from .init import get_rng

__all__ = ["minibatches", "DataLoader"]


def minibatches(X, Y=None, batch_size=64, rng=None, shuffle=True):
    """Yield (X_t, Y_t) pairs (or X_t alone when Y is None) that cover the m examples once.

    DECISIONS §4: one permutation per epoch, then partition; the last batch holds the
    remaining m mod batch_size examples. rng -- numpy Generator (None: nn.manual_seed's).
    """
    m = len(X)
    order = get_rng(rng).permutation(m) if shuffle else np.arange(m)
    for start in range(0, m, batch_size):
        index = order[start:start + batch_size]
        yield X[index] if Y is None else (X[index], Y[index])


class DataLoader:
    """An iterable over mini-batches, reshuffled on every pass (each pass is one epoch)."""

    def __init__(self, X, Y=None, batch_size=64, shuffle=True, rng=None):
        self.X, self.Y, self.batch_size, self.shuffle, self.rng = X, Y, batch_size, shuffle, rng

    def __iter__(self):
        return minibatches(self.X, self.Y, self.batch_size, self.rng, self.shuffle)

    def __len__(self):
        return math.ceil(len(self.X) / self.batch_size)
