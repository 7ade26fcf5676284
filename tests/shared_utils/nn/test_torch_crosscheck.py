"""Optional cross-checks against PyTorch (a dev-only extra, requirements-dev.txt): the same
weights must give the same outputs and gradients. Skipped when torch is not installed; the
finite-difference and naive-loop tests in this folder are the oracles that always run."""
import numpy as np
import pytest

from shared_utils import nn

pytestmark = pytest.mark.slow  # importing torch alone takes seconds
RNG = np.random.default_rng(0)


@pytest.fixture(scope="module")
def torch():
    """Imported only when these tests run, so `-m "not slow"` never pays for it."""
    return pytest.importorskip("torch")


def both(torch, array):
    """The same float64 data as our Tensor and as a torch tensor, both needing grads."""
    return nn.Tensor(array.copy(), requires_grad=True), torch.tensor(array, requires_grad=True)


def assert_same(ours, theirs):
    assert np.allclose(ours.data, theirs.detach().numpy(), atol=1e-10)


def test_conv_and_pools_match_torch(torch):
    (x, xt), (w, wt), (b, bt) = both(torch, RNG.normal(size=(2, 3, 7, 6))), both(
        torch, RNG.normal(size=(4, 3, 3, 2))), both(torch, RNG.normal(size=4))
    out = nn.F.max_pool2d(nn.F.conv2d(x, w, b, stride=(2, 1), padding=(1, 1)), (2, 3), 1, 1)
    out = nn.F.avg_pool2d(out, 2, stride=1)
    ref = torch.nn.functional.conv2d(xt, wt, bt, stride=(2, 1), padding=(1, 1))
    ref = torch.nn.functional.avg_pool2d(torch.nn.functional.max_pool2d(ref, (2, 3), 1, 1), 2, 1)
    assert_same(out, ref)
    grad = RNG.normal(size=out.shape)
    out.backward(grad)
    ref.backward(torch.tensor(grad))
    for ours, theirs in ((x, xt), (w, wt), (b, bt)):
        assert np.allclose(ours.grad, theirs.grad.numpy())


def test_lstm_matches_torch_gate_order_and_gradients(torch):
    ours = nn.LSTM(3, 4).to(np.float64)
    theirs = torch.nn.LSTM(3, 4, batch_first=True).double()
    cell = ours.cells[0]
    with torch.no_grad():
        theirs.weight_ih_l0.copy_(torch.tensor(cell.weight_ih.data))
        theirs.weight_hh_l0.copy_(torch.tensor(cell.weight_hh.data))
        theirs.bias_ih_l0.copy_(torch.tensor(cell.bias.data))
        theirs.bias_hh_l0.zero_()  # one bias here; torch's two add up
    x, xt = both(torch, RNG.normal(size=(2, 5, 3)))
    out, (h_n, c_n) = ours(x)
    ref, (h_ref, c_ref) = theirs(xt)
    assert_same(out, ref)
    assert_same(c_n, c_ref)
    (out.sum() + c_n.sum()).backward()
    (ref.sum() + c_ref.sum()).backward()
    assert np.allclose(x.grad, xt.grad.numpy())
    assert np.allclose(cell.weight_hh.grad, theirs.weight_hh_l0.grad.numpy())


def test_batchnorm_layernorm_and_cross_entropy_match_torch(torch):
    (x, xt), y = both(torch, RNG.normal(size=(6, 3, 2, 2))), RNG.integers(0, 3, 6)
    ours_bn = nn.BatchNorm2d(3).to(np.float64)
    theirs_bn = torch.nn.BatchNorm2d(3, momentum=0.1).double()  # torch's 0.1 = our beta 0.9
    out = ours_bn(x)
    ref = theirs_bn(xt)
    assert_same(out, ref)
    assert np.allclose(ours_bn.running_mean, theirs_bn.running_mean.numpy())
    logits = nn.F.layer_norm(out.mean(dim=(2, 3)), (3,))
    logits_ref = torch.nn.functional.layer_norm(ref.mean(dim=(2, 3)), (3,))
    loss = nn.F.cross_entropy(logits * 3, y)
    loss_ref = torch.nn.functional.cross_entropy(logits_ref * 3, torch.tensor(y))
    assert_same(loss, loss_ref)
    loss.backward()
    loss_ref.backward()
    assert np.allclose(x.grad, xt.grad.numpy())


def test_adam_matches_torch_adam(torch):
    w, wt = both(torch, RNG.normal(size=(3, 2)))
    opt, opt_t = nn.optim.Adam([w], lr=0.01), torch.optim.Adam([wt], lr=0.01, eps=1e-8)
    for _ in range(5):
        grad = RNG.normal(size=(3, 2)) * 1e-6  # tiny: where the place of eps shows
        w.grad, wt.grad = grad.copy(), torch.tensor(grad)
        opt.step()
        opt_t.step()
    assert np.allclose(w.data, wt.detach().numpy(), atol=1e-12)
