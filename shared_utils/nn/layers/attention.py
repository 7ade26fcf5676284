"""Multi-head attention on (N, T, embed_dim) batches (batch first), built on
`F.scaled_dot_product_attention`: softmax(Q K^T / sqrt(d)) V (Vaswani et al. 2017).
The attention weights play the part of the notes' alpha<t, t'> (C5 §3.8): non-negative
and summing to 1 over the keys t' for each query t."""
import numpy as np

from .. import functional as F
from .linear import Linear
from .module import Module


class MultiheadAttention(Module):
    """query (N, T_q, E), key and value (N, T_k, E) -> (output (N, T_q, E), weights).

    Each of num_heads heads attends with its own E / num_heads slice of the projected Q, K,
    V; the heads' outputs are concatenated and projected by out_proj. weights is
    (N, T_q, T_k), averaged over the heads, or None with need_weights=False.

    attn_mask -- boolean, True where a query may attend to a key (e.g. F.causal_mask(T), the
                 notes' look-ahead mask), or additive floats; broadcast to (N, heads, T_q, T_k).
    key_padding_mask -- (N, T_k) booleans, True at padding positions that no query attends
                 to (the notes' padding mask). True means "ignore" here, as in PyTorch.
    """

    def __init__(self, embed_dim, num_heads, bias=True, rng=None):
        super().__init__()
        assert embed_dim % num_heads == 0, f"embed_dim {embed_dim} % num_heads {num_heads} != 0"
        self.embed_dim, self.num_heads = embed_dim, num_heads
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (
            Linear(embed_dim, embed_dim, bias, rng) for _ in range(4))
        for proj in (self.q_proj, self.k_proj, self.v_proj, self.out_proj):
            proj.weight.data *= np.float32(np.sqrt(0.5))  # He's 2/fan_in -> 1/fan_in: no ReLU

    def _split_heads(self, x):
        n, t, _ = x.shape  # (N, T, E) -> (N, heads, T, E / heads)
        return x.reshape(n, t, self.num_heads, -1).transpose(1, 2)

    def forward(self, query, key, value, attn_mask=None, key_padding_mask=None,
                need_weights=True):
        if key_padding_mask is not None:
            padding = np.where(np.asarray(key_padding_mask, bool), -1e9, 0.0)[:, None, None, :]
            attn_mask = padding if attn_mask is None else F.additive_mask(attn_mask) + padding
        q, k, v = (self._split_heads(proj(x)) for proj, x in
                   ((self.q_proj, query), (self.k_proj, key), (self.v_proj, value)))
        out, weights = F.scaled_dot_product_attention(q, k, v, attn_mask, need_weights=True)
        n, _, t, _ = out.shape
        out = self.out_proj(out.transpose(1, 2).reshape(n, t, self.embed_dim))  # (N, T_q, E)
        return out, (weights.mean(dim=1) if need_weights else None)

    def extra_repr(self):
        return f"embed_dim={self.embed_dim}, num_heads={self.num_heads}"
