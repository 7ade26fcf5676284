"""Recurrent layers on (N, T, features) batches (batch first): the ladder of notes C5 §1.3,
§1.9 and §1.10. Each cell maps one step, x (N, input_size) and a state, to the next state;
`RNN`, `GRU` and `LSTM` run cells over a whole sequence, stacked and optionally in both
directions, with one interface.

Weights follow PyTorch's layout: weight_ih (G*H, input_size) is the notes' W_ax part,
weight_hh (G*H, H) the W_aa part, one bias (G*H,), all U(-1/sqrt(H), 1/sqrt(H)). G is the
number of blocks: 1 (RNN), 3 (GRU: u, r, c~), 4 (LSTM: u, f, c~, o = PyTorch's i, f, g, o).
Every cell computes the input projection of all T steps in one matmul before the time loop.
"""
import math

import numpy as np

from .. import functional as F
from .. import init
from ..ops import fused as _fu
from ..tensor import Tensor
from .module import Module, ModuleList, Parameter


class _Cell(Module):
    blocks = 1

    def __init__(self, input_size, hidden_size, bias=True, rng=None):
        super().__init__()
        self.input_size, self.hidden_size = input_size, hidden_size
        rows = self.blocks * hidden_size
        self.weight_ih = Parameter(np.zeros((rows, input_size), np.float32))
        self.weight_hh = Parameter(np.zeros((rows, hidden_size), np.float32))
        self.bias = Parameter(np.zeros(rows, np.float32)) if bias else None
        self.reset_parameters(rng)

    def reset_parameters(self, rng=None):
        bound = 1.0 / math.sqrt(self.hidden_size)
        for p in self.parameters():
            p.data = init.uniform(p.shape, bound, rng)

    def initial_state(self, n, dtype):
        return Tensor(np.zeros((n, self.hidden_size), dtype))

    def forward(self, x, state=None):
        """One step: x (N, input_size), state (N, H) or None for zeros -> next state."""
        state = self.initial_state(len(x), x.dtype) if state is None else state
        return self.step(F.linear(x, self.weight_ih, self.bias), state, self.recurrent_weights())

    def scan(self, x, state=None):
        """All steps: x (N, T, input_size) -> (outputs (N, T, H), final state)."""
        state = self.initial_state(len(x), x.dtype) if state is None else state
        xproj, weights = F.linear(x, self.weight_ih, self.bias), self.recurrent_weights()
        outputs = []
        for t in range(x.shape[1]):
            state = self.step(xproj[:, t], state, weights)
            outputs.append(state)
        return F.stack(outputs, dim=1), state

    def extra_repr(self):
        return f"{self.input_size}, {self.hidden_size}"


class RNNCell(_Cell):
    """a<t> = tanh(W_aa a<t-1> + W_ax x<t> + b_a) (notes C5 §1.3); state a (N, H)."""

    def recurrent_weights(self):
        return self.weight_hh.T  # (H, H), transposed once per sequence, not once per step

    def step(self, xproj, h, w_hh_t):
        return F.tanh(xproj + h @ w_hh_t)


class GRUCell(_Cell):
    """The full GRU of notes C5 §1.9 (Cho et al. 2014); state c = a (N, H). Blocks (u, r, c~):
        Gamma_u = sigmoid(W_u [c<t-1>, x<t>] + b_u),  Gamma_r = sigmoid(W_r [c<t-1>, x<t>] + b_r)
        c~ = tanh(W_c [Gamma_r * c<t-1>, x<t>] + b_c),  c<t> = Gamma_u * c~ + (1 - Gamma_u) * c<t-1>
    Unlike PyTorch's GRU, Gamma_r multiplies c<t-1> before the matmul and Gamma_u weights the
    candidate, as in the notes.
    """
    blocks = 3

    def recurrent_weights(self):
        h = self.hidden_size
        return self.weight_hh[: 2 * h].T, self.weight_hh[2 * h:].T  # (H, 2H) for u, r; (H, H)

    def step(self, xproj, c, weights):
        w_ur, w_c = weights
        h = self.hidden_size
        gates = F.sigmoid(xproj[:, : 2 * h] + c @ w_ur)
        update, relevance = gates[:, :h], gates[:, h:]
        candidate = F.tanh(xproj[:, 2 * h:] + (relevance * c) @ w_c)
        return update * candidate + (1 - update) * c


class LSTMCell(_Cell):
    """The LSTM of notes C5 §1.10 with a = Gamma_o * tanh(c) (DECISIONS §8); state (h, c),
    each (N, H). Runs the fused `ops.fused.LSTM`, one step at a time or a whole sequence."""
    blocks = 4

    def initial_state(self, n, dtype):
        return super().initial_state(n, dtype), super().initial_state(n, dtype)

    def recurrent_weights(self):
        return self.weight_hh

    def step(self, xproj, state, weight_hh):
        h, c = _fu.LSTM.apply(xproj.unsqueeze(0), *state, weight_hh)  # one step: T = 1
        return h[0], c[0]

    def scan(self, x, state=None):
        h0, c0 = self.initial_state(len(x), x.dtype) if state is None else state
        h, c = F.lstm(x, h0, c0, self.weight_ih, self.weight_hh, self.bias)
        return h, (h[:, -1], c[:, -1])


class _Recurrent(Module):
    """x (N, T, input_size) -> (output (N, T, D*H), final state (num_layers*D, N, H)), with
    D = 2 if bidirectional else 1; the LSTM's state is a pair (h, c) of such arrays. Layer
    l > 0 reads the outputs of layer l - 1; the backward direction reads time reversed.
    state: an initial state shaped like the final one, or None for zeros.
    dropout: inverted dropout with this probability on the outputs of every layer but the
    last, in training mode only (as PyTorch; notes C2 §1.6)."""
    cell = None

    def __init__(self, input_size, hidden_size, num_layers=1, bidirectional=False, dropout=0.0,
                 rng=None):
        super().__init__()
        assert 0 <= dropout < 1, f"dropout must be in [0, 1), got {dropout}"
        self.input_size, self.hidden_size, self.dropout = input_size, hidden_size, dropout
        self.num_layers, self.directions = num_layers, 2 if bidirectional else 1
        sizes = [input_size] + [hidden_size * self.directions] * (num_layers - 1)
        self.cells = ModuleList(type(self).cell(size, hidden_size, rng=rng)
                                for size in sizes for _ in range(self.directions))

    def forward(self, x, state=None):
        x = x if isinstance(x, Tensor) else Tensor(x)
        finals = []
        for layer in range(self.num_layers):
            outputs = []
            for direction in range(self.directions):
                k = layer * self.directions + direction
                initial = None if state is None else _select(state, k)
                sequence = x if direction == 0 else x[:, ::-1]
                out, final = self.cells[k].scan(sequence, initial)
                outputs.append(out if direction == 0 else out[:, ::-1])
                finals.append(final)
            x = outputs[0] if self.directions == 1 else F.cat(outputs, dim=-1)
            if layer < self.num_layers - 1:
                x = F.dropout(x, self.dropout, self.training)
        if isinstance(finals[0], tuple):  # LSTM: stack h and c separately
            return x, tuple(F.stack(list(part)) for part in zip(*finals))
        return x, F.stack(finals)

    def extra_repr(self):
        return (f"{self.input_size}, {self.hidden_size}, num_layers={self.num_layers}, "
                f"bidirectional={self.directions == 2}, dropout={self.dropout}")


def _select(state, k):
    """The initial state of cell k from a stacked (num_layers*D, N, H) state (or pair)."""
    return tuple(s[k] for s in state) if isinstance(state, tuple) else state[k]


class RNN(_Recurrent):
    """Stacked tanh RNN (notes C5 §1.3, §1.11-1.12)."""
    cell = RNNCell


class GRU(_Recurrent):
    """Stacked full GRU (notes C5 §1.9)."""
    cell = GRUCell


class LSTM(_Recurrent):
    """Stacked LSTM (notes C5 §1.10); the fused op makes one layer one graph node."""
    cell = LSTMCell
