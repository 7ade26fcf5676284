"""Layers: conv and pool against naive loops (square AND non-square kernels, stride,
padding), every layer's gradients in float64, the recurrent cells against the notes'
formulas written out step by step, and the Module machinery (modes, state dicts, repr)."""
import numpy as np
import pytest

from shared_utils import nn
from shared_utils.nn.gradcheck import gradcheck

RNG = np.random.default_rng(0)


def naive_conv(x, w, b, stride, pad):
    """Loops over every output pixel: the oracle (notes C4 §1.5-1.6)."""
    (sh, sw), (ph, pw) = stride, pad
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    f, _, kh, kw = w.shape
    ho, wo = (xp.shape[2] - kh) // sh + 1, (xp.shape[3] - kw) // sw + 1
    out = np.zeros((len(x), f, ho, wo))
    for n in range(len(x)):
        for k in range(f):
            for y in range(ho):
                for z in range(wo):
                    patch = xp[n, :, y * sh:y * sh + kh, z * sw:z * sw + kw]
                    out[n, k, y, z] = (patch * w[k]).sum() + b[k]
    return out


def naive_pool(x, kernel, stride, pad, reduce):
    (kh, kw), (sh, sw), (ph, pw) = kernel, stride, pad
    fill = -np.inf if reduce is np.max else 0.0
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)), constant_values=fill)
    ho, wo = (xp.shape[2] - kh) // sh + 1, (xp.shape[3] - kw) // sw + 1
    out = np.zeros((*x.shape[:2], ho, wo))
    for y in range(ho):
        for z in range(wo):
            out[:, :, y, z] = reduce(xp[:, :, y * sh:y * sh + kh, z * sw:z * sw + kw], axis=(2, 3))
    return out


# (in_channels, H, W, kernel, stride, padding)
CONV_CASES = [(3, 7, 7, (3, 3), (1, 1), (1, 1)), (2, 7, 6, (2, 3), (2, 1), (1, 0)),
              (2, 6, 9, (3, 2), (2, 3), (0, 2)), (1, 5, 5, (5, 5), (1, 1), (0, 0)),
              (2, 9, 8, (1, 4), (3, 2), (2, 1))]


@pytest.mark.parametrize("c, h, w, kernel, stride, pad", CONV_CASES)
def test_conv2d_matches_naive_loops_and_its_gradients(c, h, w, kernel, stride, pad):
    layer = nn.Conv2d(c, 4, kernel, stride=stride, padding=pad).to(np.float64)
    layer.bias.data = RNG.standard_normal(4)
    x = nn.Tensor(RNG.standard_normal((2, c, h, w)))
    expected = naive_conv(x.data, layer.weight.data, layer.bias.data, stride, pad)
    assert np.allclose(layer(x).data, expected)
    gradcheck(lambda: layer(x), [x, layer.weight, layer.bias])


def test_conv2d_batch_larger_than_one_block():
    layer = nn.Conv2d(2, 3, 3, padding=1).to(np.float64)
    x = RNG.standard_normal((19, 2, 4, 5))  # the op works through blocks of 8 examples
    assert np.allclose(layer(x).data, naive_conv(x, layer.weight.data, layer.bias.data,
                                                 (1, 1), (1, 1)))


def test_conv2d_notes_stride_example():
    """notes C4 §1.5 (corrected, erratum E1): 7x7 input, 3x3 filter, stride 2."""
    x = np.array([[2, 3, 7, 4, 6, 2, 9], [6, 6, 9, 8, 7, 4, 3], [3, 4, 8, 3, 8, 9, 7],
                  [7, 8, 3, 6, 6, 3, 4], [4, 2, 1, 8, 3, 4, 6], [3, 2, 4, 1, 9, 8, 3],
                  [0, 1, 3, 9, 2, 1, 4]], float)[None, None]
    w = np.array([[3, 4, 4], [1, 0, 2], [-1, 0, 3]], float)[None, None]
    out = nn.F.conv2d(x, w, stride=2).data[0, 0]
    assert out.tolist() == [[91, 100, 88], [69, 91, 117], [44, 72, 74]]


# (kernel, stride, padding)
POOL_CASES = [((2, 2), (2, 2), (0, 0)), ((3, 3), (1, 1), (1, 1)), ((2, 3), (1, 2), (1, 1)),
              ((3, 2), (2, 1), (0, 1)), ((1, 3), (3, 3), (0, 0))]


@pytest.mark.parametrize("kernel, stride, pad", POOL_CASES)
@pytest.mark.parametrize("layer_class, reduce", [(nn.MaxPool2d, np.max), (nn.AvgPool2d, np.mean)])
def test_pools_match_naive_loops_and_their_gradients(layer_class, reduce, kernel, stride, pad):
    layer = layer_class(kernel, stride, pad)
    values = RNG.permutation(2 * 3 * 7 * 8) * 0.1  # distinct: no ties for max
    x = nn.Tensor(values.reshape(2, 3, 7, 8))
    assert np.allclose(layer(x).data, naive_pool(x.data, kernel, stride, pad, reduce))
    gradcheck(lambda: layer(x), [x])


def test_pools_reproduce_the_notes_examples():
    x = np.array([[1, 3, 2, 1], [2, 9, 1, 1], [1, 4, 2, 3], [5, 6, 1, 2]], float)[None, None]
    assert nn.MaxPool2d(2)(x).data[0, 0].tolist() == [[9, 2], [6, 3]]  # notes C4 §1.9
    assert nn.AvgPool2d(2)(x).data[0, 0].tolist() == [[3.75, 1.25], [4, 2]]
    x5 = np.array([[1, 3, 2, 1, 3], [2, 9, 1, 1, 5], [1, 3, 2, 3, 2], [8, 3, 5, 1, 0],
                   [5, 6, 1, 2, 9]], float)[None, None]
    assert nn.MaxPool2d(3, stride=1)(x5).data[0, 0].tolist() == [[9, 9, 5], [9, 9, 5], [8, 6, 9]]


def test_max_pool_tie_sends_the_gradient_to_the_first_maximum_only():
    x = nn.Tensor(np.ones((1, 1, 2, 2)), requires_grad=True)
    nn.MaxPool2d(2)(x).sum().backward()
    assert x.grad[0, 0].tolist() == [[1, 0], [0, 0]]


def lstm_notes(x, h, c, wi, wh, b):
    """notes C5 §1.10 with a = Gamma_o * tanh(c) (DECISIONS §8), one step at a time."""
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    hs = []
    for t in range(x.shape[1]):
        z = x[:, t] @ wi.T + h @ wh.T + b
        u, f, cand, o = np.split(z, 4, axis=1)
        c = sig(u) * np.tanh(cand) + sig(f) * c
        h = sig(o) * np.tanh(c)
        hs.append(h)
    return np.stack(hs, 1), c


def gru_notes(x, c, wi, wh, b):
    """The full GRU of notes C5 §1.9, one step at a time."""
    sig = lambda z: 1 / (1 + np.exp(-z))  # noqa: E731
    n = c.shape[1]
    out = []
    for t in range(x.shape[1]):
        xp = x[:, t] @ wi.T + b
        u = sig(xp[:, :n] + c @ wh[:n].T)
        r = sig(xp[:, n:2 * n] + c @ wh[n:2 * n].T)
        cand = np.tanh(xp[:, 2 * n:] + (r * c) @ wh[2 * n:].T)
        c = u * cand + (1 - u) * c
        out.append(c)
    return np.stack(out, 1)


def test_lstm_matches_the_notes_formulas_with_an_initial_state():
    layer = nn.LSTM(3, 4).to(np.float64)
    cell = layer.cells[0]
    x, h0, c0 = RNG.standard_normal((2, 5, 3)), RNG.standard_normal((2, 4)), RNG.normal(size=(2, 4))
    out, (h_n, c_n) = layer(x, (h0[None], c0[None]))
    hs, c_last = lstm_notes(x, h0, c0, cell.weight_ih.data, cell.weight_hh.data, cell.bias.data)
    assert np.allclose(out.data, hs) and np.allclose(h_n.data[0], hs[:, -1])
    assert np.allclose(c_n.data[0], c_last)


def test_lstm_cell_steps_equal_the_fused_sequence():
    cell = nn.LSTMCell(3, 4).to(np.float64)
    x = RNG.standard_normal((2, 5, 3))
    state = None
    for t in range(5):
        state = cell(x[:, t], state)
    h_seq, (h_n, c_n) = cell.scan(nn.Tensor(x))
    assert np.allclose(state[0].data, h_n.data) and np.allclose(state[1].data, c_n.data)


def test_gru_matches_the_notes_formulas():
    layer = nn.GRU(3, 4).to(np.float64)
    cell = layer.cells[0]
    x, c0 = RNG.standard_normal((2, 5, 3)), RNG.standard_normal((2, 4))
    out, _ = layer(x, c0[None])
    assert np.allclose(out.data, gru_notes(x, c0, cell.weight_ih.data, cell.weight_hh.data,
                                           cell.bias.data))


def test_gru_update_gate_extremes_follow_the_notes():
    cell = nn.GRUCell(2, 3).to(np.float64)
    c0 = RNG.standard_normal((1, 3))
    cell.bias.data[:3] = -50  # Gamma_u ~ 0: the memory is kept (notes C5 §1.9)
    assert np.allclose(cell(RNG.standard_normal((1, 2)), c0).data, c0, atol=1e-12)


def test_stacked_bidirectional_shapes():
    out, h_n = nn.RNN(3, 4, num_layers=2, bidirectional=True)(np.zeros((2, 5, 3), np.float32))
    assert out.shape == (2, 5, 8) and h_n.shape == (4, 2, 4)
    out, (h_n, c_n) = nn.LSTM(3, 4, num_layers=3)(np.zeros((2, 5, 3), np.float32))
    assert out.shape == (2, 5, 4) and h_n.shape == c_n.shape == (3, 2, 4)


def test_bidirectional_rnn_matches_the_tanh_recurrence_both_ways():
    layer = nn.RNN(3, 4, bidirectional=True).to(np.float64)
    x = RNG.standard_normal((2, 5, 3))
    out, h_n = layer(x)
    first = layer.cells[0]
    h = np.zeros((2, 4))
    for t in range(5):
        h = np.tanh(x[:, t] @ first.weight_ih.data.T + h @ first.weight_hh.data.T
                    + first.bias.data)
    assert np.allclose(out.data[:, -1, :4], h) and np.allclose(h_n.data[0], h)
    backward = layer.cells[1]  # reads time reversed: its last state belongs to step 0
    h = np.tanh(x[:, -1] @ backward.weight_ih.data.T + backward.bias.data)
    assert np.allclose(out.data[:, -1, 4:], h)


def float64(layer):
    return layer.to(np.float64)


# name -> (layer, input shape, how to turn the output into one Tensor)
LAYERS = {
    "linear": (lambda: nn.Linear(4, 3), (2, 4), None),
    "sequential_mlp": (lambda: nn.Sequential(nn.Linear(4, 5), nn.Tanh(), nn.Linear(5, 2),
                                             nn.Sigmoid()), (3, 4), None),
    "conv_pool_flatten": (lambda: nn.Sequential(nn.Conv2d(2, 3, 3, padding="same"),
                                                nn.AvgPool2d(2), nn.Flatten()), (2, 2, 4, 4), None),
    "batchnorm1d_train": (lambda: nn.BatchNorm1d(3), (5, 3), None),
    "batchnorm2d_train": (lambda: nn.BatchNorm2d(2), (3, 2, 3, 2), None),
    "batchnorm2d_eval": (lambda: nn.BatchNorm2d(2).eval(), (3, 2, 3, 2), None),
    "layernorm": (lambda: nn.LayerNorm(4), (2, 3, 4), None),
    "rnn": (lambda: nn.RNN(3, 2), (2, 4, 3), lambda out: out[0]),
    "gru_bidirectional": (lambda: nn.GRU(3, 2, bidirectional=True), (2, 4, 3),
                          lambda out: out[0]),
    "lstm_two_layers": (lambda: nn.LSTM(3, 2, num_layers=2), (2, 4, 3),
                        lambda out: out[0] + out[1][1].sum()),
    "lstm_cell": (lambda: nn.LSTMCell(3, 2), (2, 3), lambda out: out[0] * out[1]),
    "rnn_cell": (lambda: nn.RNNCell(3, 2), (2, 3), None),
    "multihead_attention": (lambda: nn.MultiheadAttention(4, 2), (2, 3, 4),
                            "attention"),
    "positional_encoding": (lambda: nn.PositionalEncoding(4, max_len=6), (2, 3, 4), None),
}


@pytest.mark.parametrize("name", LAYERS)
def test_layer_gradients_match_centered_differences(name):
    make, shape, pick = LAYERS[name]
    layer = float64(make())
    x = nn.Tensor(RNG.standard_normal(shape))
    if pick == "attention":
        mask = np.tril(np.ones((3, 3), bool))
        fn = lambda: layer(x, x, x, attn_mask=mask)[0]  # noqa: E731
    else:
        fn = (lambda: layer(x)) if pick is None else (lambda: pick(layer(x)))
    gradcheck(fn, [x, *layer.parameters()])


def test_embedding_gradient_adds_repeated_rows():
    layer = float64(nn.Embedding(5, 3))
    idx = np.array([[1, 4, 1], [0, 1, 2]])
    assert layer(idx).shape == (2, 3, 3)
    gradcheck(lambda: layer(idx), [layer.weight])


def test_dropout_is_inverted_and_off_in_eval():
    layer = nn.Dropout(0.25, rng=np.random.default_rng(0))
    x = np.ones((200, 100), np.float32)
    out = layer(x).data
    assert np.isclose((out == 0).mean(), 0.25, atol=0.01)
    assert np.allclose(out[out != 0], 1 / 0.75) and np.isclose(out.mean(), 1, atol=0.02)
    assert np.array_equal(layer.eval()(x).data, x)


def test_batchnorm_running_averages_follow_decision_4():
    layer = nn.BatchNorm1d(2)
    assert layer.eps == 1e-5 and layer.momentum == 0.9
    x = np.array([[1.0, 2.0], [3.0, 6.0]], np.float32)
    out = layer(x).data
    assert np.allclose(out, [[-1, -1], [1, 1]], atol=1e-4)  # biased variance, 1/m
    assert np.allclose(layer.running_mean, 0.1 * np.array([2.0, 4.0]))
    assert np.allclose(layer.running_var, 0.9 + 0.1 * np.array([1.0, 4.0]))
    layer.eval()
    expected = (x - layer.running_mean) / np.sqrt(layer.running_var + 1e-5)
    assert np.allclose(layer(x).data, expected, atol=1e-6)
    assert np.allclose(layer(x[:1]).data, expected[:1], atol=1e-6)  # works for m = 1


def test_batchnorm_identity_property_of_the_notes():
    """gamma = sqrt(var + eps) and beta = mean give z_tilde = z (notes C2 §3.4)."""
    z = RNG.standard_normal((6, 3))
    layer = float64(nn.BatchNorm1d(3))
    layer.weight.data, layer.bias.data = np.sqrt(z.var(0) + 1e-5), z.mean(0)
    assert np.allclose(layer(z).data, z)


def test_layers_reject_the_wrong_input_rank():
    with pytest.raises(AssertionError, match="expects 4-D"):
        nn.BatchNorm2d(3)(np.zeros((2, 3)))


def small_net():
    return nn.Sequential(nn.Conv2d(1, 2, 3), nn.BatchNorm2d(2), nn.ReLU(), nn.Flatten(),
                         nn.Dropout(0.5), nn.Linear(8, 3))


def test_parameters_names_modes_and_repr():
    net = small_net()
    names = [name for name, _ in net.named_parameters()]
    assert names == ["0.weight", "0.bias", "1.weight", "1.bias", "5.weight", "5.bias"]
    assert len(list(net.parameters())) == 6 and len(list(net.modules())) == 7
    assert [n for n, _ in net.named_buffers()] == ["1.running_mean", "1.running_var"]
    assert all(not m.training for m in net.eval().modules())
    assert all(m.training for m in net.train().modules())
    assert "(5): Linear(in_features=8, out_features=3, bias=True)" in repr(net)
    assert len(net) == 6 and isinstance(net[-1], nn.Linear)


def test_shared_parameters_are_listed_once():
    shared = nn.Linear(2, 2)
    assert len(list(nn.Sequential(shared, nn.ReLU(), shared).parameters())) == 2


def test_state_dict_round_trips_through_npz(tmp_path):
    net = small_net()
    net(RNG.standard_normal((4, 1, 4, 4)).astype(np.float32))  # move the running averages
    net.save(tmp_path / "net.npz")
    copy = small_net().load(tmp_path / "net.npz")
    x = RNG.standard_normal((3, 1, 4, 4)).astype(np.float32)
    assert np.array_equal(net.eval()(x).data, copy.eval()(x).data)
    state = copy.state_dict()
    assert set(state) == {"0.weight", "0.bias", "1.weight", "1.bias", "1.running_mean",
                          "1.running_var", "5.weight", "5.bias"}
    state["5.weight"] = np.zeros((2, 2))
    with pytest.raises(AssertionError, match="5.weight has shape"):
        copy.load_state_dict(state)
    with pytest.raises(AssertionError, match="missing"):
        copy.load_state_dict({})


def test_to_float64_converts_parameters_and_buffers():
    net = small_net().to(np.float64)
    assert all(p.dtype == np.float64 for p in net.parameters())
    assert net[1].running_mean.dtype == np.float64


def test_initialisation_follows_the_notes_and_the_seed():
    nn.manual_seed(3)
    a = nn.Linear(500, 400).weight.data
    nn.manual_seed(3)
    assert np.array_equal(a, nn.Linear(500, 400).weight.data)
    assert a.dtype == np.float32 and np.isclose(a.std(), np.sqrt(2 / 500), rtol=0.02)


def test_multihead_attention_weights_are_a_distribution_that_respects_the_mask():
    layer = nn.MultiheadAttention(8, 2)
    x = RNG.standard_normal((2, 4, 8)).astype(np.float32)
    mask = np.tril(np.ones((4, 4), bool))
    out, weights = layer(x, x, x, attn_mask=mask)
    assert out.shape == (2, 4, 8) and weights.shape == (2, 4, 4)
    assert np.allclose(weights.data.sum(-1), 1) and np.all(weights.data[:, ~mask] < 1e-6)


def test_key_padding_mask_hides_padded_keys_and_combines_with_the_causal_mask():
    layer = nn.MultiheadAttention(8, 2)
    x = RNG.standard_normal((2, 4, 8)).astype(np.float32)
    padding = np.array([[False, False, False, True], [False, True, True, True]])
    _, weights = layer(x, x, x, key_padding_mask=padding)
    assert np.allclose(weights.data.sum(-1), 1)
    assert np.all(weights.data.transpose(0, 2, 1)[padding] < 1e-6)  # no query looks at a pad
    causal = nn.F.causal_mask(4)
    assert causal.shape == (4, 4) and causal[2, 1] and not causal[1, 2]
    _, both = layer(x, x, x, attn_mask=causal, key_padding_mask=padding)
    hidden = ~causal[None] | padding[:, None, :]
    assert np.all(both.data[hidden] < 1e-6) and np.allclose(both.data.sum(-1), 1)


def test_dropout_between_recurrent_layers_only_in_training():
    x = RNG.standard_normal((3, 5, 4)).astype(np.float32)
    nn.manual_seed(0)
    plain = nn.LSTM(4, 6, num_layers=2)
    nn.manual_seed(0)
    dropped = nn.LSTM(4, 6, num_layers=2, dropout=0.5)
    assert not np.allclose(plain(x)[0].data, dropped(x)[0].data)
    dropped.eval()
    assert np.array_equal(plain(x)[0].data, dropped(x)[0].data)
    nn.manual_seed(0)
    single = nn.GRU(4, 6, dropout=0.5)  # one layer: nothing between layers to drop
    nn.manual_seed(0)
    assert np.array_equal(single(x)[0].data, nn.GRU(4, 6)(x)[0].data)


def test_positional_encoding_table():
    table = nn.PositionalEncoding(6, max_len=10).encoding
    assert table.shape == (10, 6) and np.allclose(table[0], [0, 1, 0, 1, 0, 1])
    assert np.isclose(table[3, 2], np.sin(3 / 10000 ** (2 / 6)))


def test_models_accept_numpy_batches():
    x = RNG.standard_normal((2, 1, 4, 4)).astype(np.float32)
    model = nn.Sequential(nn.Flatten(), nn.Linear(16, 3))
    assert model(x).shape == (2, 3) and isinstance(model(x), nn.Tensor)
    assert isinstance(nn.PositionalEncoding(4)(x[:, 0]), nn.Tensor)
    with pytest.raises(TypeError, match="astype"):
        model(x.astype(np.float64))  # float64 data into float32 weights: say how to fix it
