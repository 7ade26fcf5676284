"""Word embeddings (notes C5 §2.4) and the sinusoidal positional encoding of transformers."""
import numpy as np

from .. import functional as F
from .. import init
from .module import Module, Parameter


class Embedding(Module):
    """Integer indices of any shape (N, *) -> vectors (N, *, embedding_dim).

    weight (num_embeddings, embedding_dim): row w is the vector of word w. Looking a row up
    is the notes' E . o_w without building the one-hot o_w. Initialised N(0, 1), as PyTorch.
    """

    def __init__(self, num_embeddings, embedding_dim, rng=None):
        super().__init__()
        self.num_embeddings, self.embedding_dim = num_embeddings, embedding_dim
        self.weight = Parameter(init.normal((num_embeddings, embedding_dim), 1.0, rng))

    def forward(self, indices):
        return F.embedding(indices, self.weight)

    def extra_repr(self):
        return f"{self.num_embeddings}, {self.embedding_dim}"


def sinusoidal_encoding(max_len, d_model, dtype=np.float32):
    """(max_len, d_model): PE[pos, 2i] = sin(pos / 10000^(2i/d)), PE[pos, 2i+1] = cos(same)
    (Vaswani et al. 2017)."""
    position = np.arange(max_len)[:, None]
    frequency = np.exp(-np.log(10000.0) * np.arange(0, d_model, 2) / d_model)
    table = np.zeros((max_len, d_model))
    table[:, 0::2] = np.sin(position * frequency)
    table[:, 1::2] = np.cos(position * frequency)[:, : d_model // 2]
    return table.astype(dtype)


class PositionalEncoding(Module):
    """(N, T, d_model) -> (N, T, d_model): x + PE[:T]. The table is a fixed buffer, not learnt."""

    def __init__(self, d_model, max_len=512):
        super().__init__()
        self.d_model = d_model
        self.register_buffer("encoding", sinusoidal_encoding(max_len, d_model))

    def forward(self, x):
        x = F.as_tensor(x)
        return x + self.encoding[: x.shape[1]].astype(x.dtype, copy=False)

    def extra_repr(self):
        return f"d_model={self.d_model}, max_len={len(self.encoding)}"
