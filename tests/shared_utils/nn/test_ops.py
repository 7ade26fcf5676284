"""ONE catalogue of ops x input domains (minitorch's MathTest idea). Every entry is checked
three ways: gradients against centered differences in float64 (relative error < 1e-6),
the dtype kept in float32 (forward and gradients), and the inputs left unmutated."""
import numpy as np
import pytest

from shared_utils import nn
from shared_utils.nn import F
from shared_utils.nn.gradcheck import gradcheck


def real(shape, rng):
    return rng.standard_normal(shape)


def positive(shape, rng):
    return rng.uniform(0.5, 2.0, shape)


def away_from_zero(shape, rng):
    """No input near a kink (ReLU, max(., 0)): |x| in [0.2, 2]."""
    return rng.uniform(0.2, 2.0, shape) * rng.choice([-1, 1], shape)


def distinct(shape, rng):
    """No ties (max, max-pool): a shuffled grid of values 0.1 apart."""
    return rng.permutation(np.arange(np.prod(shape)) * 0.1 - 1).reshape(shape)


IDX = np.array([[0, 2], [2, 1]])  # repeated rows: the gradient must add, not overwrite
MASK = np.array([[True, False, True], [False, True, True], [True, True, False]])

# name -> (function of the input Tensors, [(shape, domain) per input])
CATALOGUE = {
    "add": (lambda a, b: a + b, [((3, 4), real), ((3, 4), real)]),
    "add_broadcast_row": (lambda a, b: a + b, [((3, 4), real), ((4,), real)]),
    "add_broadcast_both": (lambda a, b: a + b, [((3, 1), real), ((1, 4), real)]),
    "add_constant": (lambda a: a + 2.0, [((3, 4), real)]),
    "sub": (lambda a, b: a - b, [((3, 4), real), ((3, 1), real)]),
    "rsub": (lambda a: 1.0 - a, [((3, 4), real)]),
    "neg": (lambda a: -a, [((3, 4), real)]),
    "mul": (lambda a, b: a * b, [((2, 3, 4), real), ((3, 4), real)]),
    "div": (lambda a, b: a / b, [((3, 4), real), ((3, 4), positive)]),
    "rdiv": (lambda a: 2.0 / a, [((3, 4), positive)]),
    "pow_2": (lambda a: a ** 2, [((3, 4), real)]),
    "pow_fraction": (lambda a: a ** -1.5, [((3, 4), positive)]),
    "sqrt": (lambda a: a.sqrt(), [((3, 4), positive)]),
    "exp": (lambda a: a.exp(), [((3, 4), real)]),
    "log": (lambda a: a.log(), [((3, 4), positive)]),
    "tanh": (lambda a: a.tanh(), [((3, 4), real)]),
    "sigmoid": (lambda a: a.sigmoid(), [((3, 4), real)]),
    "relu": (lambda a: a.relu(), [((3, 4), away_from_zero)]),
    "maximum": (lambda a, b: a.maximum(b), [((3, 4), distinct), ((3, 4), away_from_zero)]),
    "sum_all": (lambda a: a.sum(), [((3, 4), real)]),
    "sum_axis": (lambda a: a.sum(dim=1), [((3, 4, 2), real)]),
    "sum_axes_keepdim": (lambda a: a.sum(dim=(0, 2), keepdim=True), [((3, 4, 2), real)]),
    "mean_all": (lambda a: a.mean(), [((3, 4), real)]),
    "mean_axis_keepdim": (lambda a: a.mean(dim=-1, keepdim=True), [((3, 4), real)]),
    "max_axis": (lambda a: a.max(dim=1), [((3, 5), distinct)]),
    "max_all": (lambda a: a.max(), [((3, 5), distinct)]),
    "reshape": (lambda a: a.reshape(4, -1) * a.reshape(4, -1), [((2, 6), real)]),
    "permute": (lambda a: a.permute(2, 0, 1), [((2, 3, 4), real)]),
    "transpose_T": (lambda a: a.T @ a, [((3, 2), real)]),
    "flatten_unsqueeze": (lambda a: a.flatten(1).unsqueeze(0), [((2, 3, 2), real)]),
    "getitem_slice": (lambda a: a[1:, ::-2], [((3, 5), real)]),
    "getitem_int": (lambda a: a[:, 2], [((3, 5), real)]),
    "getitem_repeated_index": (lambda a: a[IDX], [((3, 4), real)]),
    "getitem_bool_mask": (lambda a: a[MASK], [((3, 3), real)]),
    "cat": (lambda a, b, c: F.cat([a, b, c], dim=1), [((2, 3), real), ((2, 1), real),
                                                      ((2, 2), real)]),
    "stack": (lambda a, b: F.stack([a, b], dim=1), [((2, 3), real), ((2, 3), real)]),
    "pad": (lambda a: F.pad(a, ((1, 0), (2, 1)), value=0.5), [((2, 3), real)]),
    "matmul": (lambda a, b: a @ b, [((3, 4), real), ((4, 2), real)]),
    "matmul_batched_broadcast": (lambda a, b: a @ b, [((2, 3, 4), real), ((4, 5), real)]),
    "matmul_batched": (lambda a, b: a @ b, [((2, 3, 4), real), ((2, 4, 5), real)]),
    "softmax_last": (lambda a: F.softmax(a), [((3, 4), real)]),
    "softmax_first": (lambda a: F.softmax(a, dim=0), [((3, 4), real)]),
    "log_softmax": (lambda a: F.log_softmax(a, dim=-1), [((3, 4), real)]),
    "linear": (lambda x, w, b: F.linear(x, w, b), [((2, 3, 4), real), ((5, 4), real),
                                                   ((5,), real)]),
    "cross_entropy_indices": (lambda z: F.cross_entropy(z, np.array([0, 2, 1])),
                              [((3, 4), real)]),
    "cross_entropy_probabilities": (lambda z: F.cross_entropy(z, np.full((3, 4), 0.25)),
                                    [((3, 4), real)]),
    "cross_entropy_sequence": (lambda z: F.cross_entropy(z, np.array([[0, 1, 2], [2, 2, 0]])),
                               [((2, 3, 4), real)]),
    "bce_with_logits": (lambda z: F.binary_cross_entropy_with_logits(
        z, np.array([[0.0, 1, 1], [1, 0, 0.3]])), [((2, 3), real)]),
    "mse": (lambda a, b: F.mse_loss(a, b), [((3, 4), real), ((3, 4), real)]),
    "triplet": (lambda a, p, n: F.triplet_loss(a, p, n, margin=0.05),
                [((4, 3), real), ((4, 3), real), ((4, 3), real)]),
    "conv2d_same": (lambda x, w, b: F.conv2d(x, w, b, padding="same"),
                    [((2, 2, 5, 4), real), ((3, 2, 3, 3), real), ((3,), real)]),
    "conv2d_strided_nonsquare": (lambda x, w: F.conv2d(x, w, stride=(2, 1), padding=(1, 0)),
                                 [((2, 2, 5, 6), real), ((3, 2, 2, 3), real)]),
    "max_pool2d": (lambda x: F.max_pool2d(x, (2, 3), stride=(1, 2), padding=1),
                   [((2, 2, 5, 6), distinct)]),
    "avg_pool2d": (lambda x: F.avg_pool2d(x, 3, stride=2, padding=1), [((2, 2, 5, 6), real)]),
    "batch_norm_train": (lambda x, g, b: F.batch_norm(x, np.zeros(3, x.dtype),
                                                      np.ones(3, x.dtype), g, b),
                         [((4, 3, 2, 2), real), ((3,), real), ((3,), real)]),
    "batch_norm_eval": (lambda x, g, b: F.batch_norm(x, np.full(3, 0.2, x.dtype),
                                                     np.full(3, 1.5, x.dtype), g, b,
                                                     training=False),
                        [((5, 3), real), ((3,), real), ((3,), real)]),
    "layer_norm": (lambda x, g, b: F.layer_norm(x, (4,), g, b),
                   [((2, 3, 4), real), ((4,), real), ((4,), real)]),
    "dropout": (lambda x: F.dropout(x, 0.4, True, np.random.default_rng(0)), [((4, 5), real)]),
    "embedding": (lambda w: F.embedding(np.array([[1, 3], [1, 0]]), w), [((4, 3), real)]),
    "lstm": (lambda x, h, c, wi, wh, b: F.lstm(x, h, c, wi, wh, b)[0] *
             F.lstm(x, h, c, wi, wh, b)[1],
             [((2, 3, 3), real), ((2, 2), real), ((2, 2), real), ((8, 3), real),
              ((8, 2), real), ((8,), real)]),
    "attention_masked": (lambda q, k, v: F.scaled_dot_product_attention(q, k, v, MASK),
                         [((2, 3, 4), real), ((2, 3, 4), real), ((2, 3, 5), real)]),
}


def make_inputs(name, dtype):
    rng = np.random.default_rng(sum(map(ord, name)))
    return [nn.Tensor(domain(shape, rng).astype(dtype)) for shape, domain in CATALOGUE[name][1]]


@pytest.mark.parametrize("name", CATALOGUE)
def test_gradients_match_centered_differences_in_float64(name):
    fn, _ = CATALOGUE[name]
    tensors = make_inputs(name, np.float64)
    errors = gradcheck(lambda: fn(*tensors), tensors)
    assert max(errors) < 1e-6


@pytest.mark.parametrize("name", CATALOGUE)
def test_float32_stays_float32_and_inputs_are_not_mutated(name):
    fn, _ = CATALOGUE[name]
    tensors = make_inputs(name, np.float32)
    before = [t.data.copy() for t in tensors]
    for t in tensors:
        t.requires_grad = True
    out = fn(*tensors)
    out.backward(np.ones(out.shape, np.float32))
    assert out.dtype == np.float32
    assert all(t.grad.dtype == np.float32 for t in tensors)
    assert all(np.array_equal(t.data, b) for t, b in zip(tensors, before))


def test_relu_gradient_at_zero_is_zero():
    x = nn.Tensor(np.array([-1.0, 0.0, 2.0]), requires_grad=True)
    x.relu().sum().backward()
    assert x.grad.tolist() == [0.0, 0.0, 1.0]  # DECISIONS §4: ReLU'(0) = 0


def test_softmax_and_losses_stay_finite_for_huge_logits():
    z = nn.Tensor(np.array([[1000.0, 0.0, -1000.0], [5e4, 5e4, 0.0]]), requires_grad=True)
    p, logp = F.softmax(z).data, F.log_softmax(z).data
    assert np.allclose(p[0], [1, 0, 0]) and np.allclose(p[1], [0.5, 0.5, 0])
    assert np.isfinite(logp[np.isfinite(logp)]).all() and logp[0, 0] == 0
    loss = F.cross_entropy(z, np.array([2, 0]))
    loss.backward()
    assert np.isfinite(loss.item()) and np.isfinite(z.grad).all()
    bce = F.binary_cross_entropy_with_logits(np.array([100.0, -100.0]), np.array([0.0, 1.0]))
    assert np.isclose(bce.item(), 100.0)
    with np.errstate(all="raise"):
        assert F.sigmoid(np.array([-1000.0, 1000.0])).data.tolist() == [0.0, 1.0]


def test_softmax_matches_the_notes_example():
    p = F.softmax(np.array([5.0, 2.0, -1.0, 3.0])).data  # notes C2 §3.8
    assert np.allclose(p, [0.842, 0.042, 0.002, 0.114], atol=1e-3)


def test_cross_entropy_from_indices_equals_from_one_hot():
    z = np.random.default_rng(0).standard_normal((4, 3))
    y = np.array([0, 2, 1, 1])
    assert np.isclose(F.cross_entropy(z, y).item(), F.cross_entropy(z, np.eye(3)[y]).item())
    assert np.isclose(F.cross_entropy(z, y).item(),
                      -np.log(np.exp(z) / np.exp(z).sum(1, keepdims=True))[range(4), y].mean())


def test_triplet_loss_matches_the_notes_margin_example():
    # notes C4 §4.4: d(A,P) = 0.5, d(A,N) = 0.51, alpha = 0.2 -> L = 0.19; d(A,N) = 0.8 -> 0
    a = np.zeros((2, 1))
    p = np.sqrt([[0.5], [0.5]])
    n = np.sqrt([[0.51], [0.8]])
    assert np.isclose(F.triplet_loss(a, p, n, margin=0.2).item(), 0.19)


def test_same_padding_keeps_the_size_for_odd_and_even_kernels():
    x = np.zeros((1, 1, 6, 5))
    for kernel in [(3, 3), (2, 4), (5, 1)]:
        assert F.conv2d(x, np.zeros((2, 1, *kernel)), padding="same").shape == (1, 2, 6, 5)
