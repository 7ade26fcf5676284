"""The engine's invariants (STYLE rule 4): accumulation, shape and dtype checks, unbroadcast,
no_grad, multi-output Functions, deep graphs."""
import numpy as np
import pytest

from shared_utils import nn
from shared_utils.nn.tensor import Function, _unbroadcast


def leaf(*shape, dtype=np.float64, seed=0):
    return nn.Tensor(np.random.default_rng(seed).standard_normal(shape).astype(dtype),
                     requires_grad=True)


def test_a_tensor_used_twice_accumulates_both_paths():
    x = leaf(3)
    (x * x + x).sum().backward()
    assert np.allclose(x.grad, 2 * x.data + 1)


def test_a_node_reached_by_two_paths_waits_for_both():
    x = leaf(2)
    a = x * 2
    b = a * 3  # the root reads a directly and through b
    (a + b).sum().backward()
    assert np.allclose(x.grad, 8)


def test_backward_twice_adds_to_the_leaf_grad_until_zeroed():
    x = leaf(2)
    (3 * x).sum().backward()
    (3 * x).sum().backward()
    assert np.allclose(x.grad, 6)


def test_leaf_grad_is_a_private_copy():
    a, b = leaf(2), leaf(2, seed=1)
    (a + b).sum().backward()  # Add hands the same array to both inputs
    a.grad[0] = 99
    assert b.grad[0] == 1


def test_unbroadcast_sums_over_broadcast_axes():
    g = np.ones((2, 3, 4))
    assert _unbroadcast(g, (3, 1)).shape == (3, 1) and _unbroadcast(g, (3, 1))[0, 0] == 8
    assert _unbroadcast(g, ()).shape == () and _unbroadcast(g, ()) == 24
    a, b = leaf(3, 1), leaf(1, 4)
    (a * b).sum().backward()
    assert a.grad.shape == (3, 1) and np.allclose(a.grad[:, 0], b.data.sum())


class _WrongShape(Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2

    @staticmethod
    def backward(ctx, grad):
        return grad.sum(axis=0)


class _WrongDtype(_WrongShape):
    @staticmethod
    def backward(ctx, grad):
        return grad.astype(np.float32)


def test_engine_rejects_a_gradient_of_the_wrong_shape_and_names_the_op():
    with pytest.raises(AssertionError, match="_WrongShape.backward returned a gradient of shape"):
        _WrongShape.apply(leaf(2, 3)).sum().backward()


def test_engine_rejects_a_gradient_of_the_wrong_dtype():
    with pytest.raises(AssertionError, match="_WrongDtype.backward returned float32"):
        _WrongDtype.apply(leaf(2, 3)).sum().backward()


def test_mixing_float_dtypes_in_one_op_raises_with_a_hint():
    with pytest.raises(TypeError, match="astype"):
        leaf(2) + leaf(2, dtype=np.float32)


def test_python_numbers_take_the_tensor_dtype():
    for dtype in (np.float32, np.float64):
        x = leaf(3, dtype=dtype)
        y = (2.5 * x - 1) / 3 + x ** 2
        y.sum().backward()
        assert y.dtype == dtype and x.grad.dtype == dtype


def test_lists_become_float32_and_arrays_keep_their_dtype():
    assert nn.Tensor([1.0, 2.0]).dtype == np.float32
    assert nn.Tensor(np.zeros(2)).dtype == np.float64
    assert nn.Tensor(np.arange(3)).dtype.kind == "i"


def test_no_grad_builds_no_graph_as_context_and_decorator():
    x = leaf(2)
    with nn.no_grad():
        y = x * 2
    assert not y.requires_grad and y._ctx is None and nn.is_grad_enabled()

    @nn.no_grad()
    def f(t):
        return t * 2

    assert not f(x).requires_grad and nn.is_grad_enabled()


def test_no_grad_restores_the_mode_after_an_exception():
    with pytest.raises(ValueError):
        with nn.no_grad():
            raise ValueError
    assert nn.is_grad_enabled()


def test_detach_cuts_the_graph():
    x = leaf(2)
    y = (x * 2).detach() * x
    y.sum().backward()
    assert np.allclose(x.grad, 2 * x.data)


def test_backward_of_a_non_scalar_needs_a_gradient():
    with pytest.raises(AssertionError, match="needs a grad for a tensor of"):
        (leaf(2) * 2).backward()


class _TwoOutputs(Function):
    @staticmethod
    def forward(ctx, x):
        return x * 2, x * 3

    @staticmethod
    def backward(ctx, grad_double, grad_triple):
        return 2 * grad_double + 3 * grad_triple


def test_multi_output_function_gets_zeros_for_an_unused_output():
    x = leaf(3)
    double, triple = _TwoOutputs.apply(x)
    double.sum().backward()
    assert np.allclose(x.grad, 2)
    x.grad = None
    double, triple = _TwoOutputs.apply(x)
    (double + triple).sum().backward()
    assert np.allclose(x.grad, 5)


def test_a_deep_graph_needs_no_recursion():
    x = leaf(1)
    y = x
    for _ in range(5000):
        y = y + 1
    y.sum().backward()
    assert x.grad[0] == 1


def test_constant_inputs_get_no_grad_and_paths_without_grad_are_skipped():
    x, c = leaf(2), nn.Tensor(np.ones(2))
    (x * c).sum().backward()
    assert c.grad is None and np.allclose(x.grad, 1)


def test_tensor_helpers():
    x = nn.Tensor(np.arange(6.0).reshape(2, 3))
    assert x.shape == (2, 3) and x.ndim == 2 and len(x) == 2
    assert x.T.shape == (3, 2) and x.transpose(0, 1).shape == (3, 2)
    assert x.permute(1, 0).shape == (3, 2) and x.unsqueeze(0).shape == (1, 2, 3)
    assert x.reshape(3, 2).shape == (3, 2) and x.view(-1).shape == (6,)
    assert x.sum().item() == 15 and "Tensor(" in repr(x)
    assert np.array_equal(x.numpy(), x.data)


def test_arrays_on_the_left_defer_to_the_tensor():
    t = leaf(3)
    y = (np.ones(3) - t) * np.full(3, 2.0) + np.zeros(3)
    assert isinstance(y, nn.Tensor)
    y.sum().backward()
    assert np.allclose(t.grad, -2)
