"""One hand-computed step per optimiser (DECISIONS §4 values), the learning-rate schedules
of notes C2 §2.9, mini-batches and the fit loop."""
import math

import numpy as np
import pytest

from shared_utils import nn
from shared_utils.nn import optim, schedules

W0, G = np.array([[1.0, 2.0]]), np.array([[0.1, -0.2]])


def stepped(optimizer_class, steps=1, grad=G, **kwargs):
    """W after `steps` updates with a constant gradient."""
    w = nn.Parameter(W0.copy())
    opt = optimizer_class([w], **kwargs)
    for _ in range(steps):
        w.grad = grad.copy()
        opt.step()
    return w.data


def test_sgd_step():
    assert np.allclose(stepped(optim.SGD, lr=0.1), [[0.99, 2.02]])


def test_momentum_averages_with_one_minus_beta():
    # v1 = 0.1 g; v2 = 0.9 * 0.1 g + 0.1 g = 0.19 g (notes C2 §2.6, no bias correction)
    assert np.allclose(stepped(optim.Momentum, lr=0.1), W0 - 0.1 * 0.1 * G)
    assert np.allclose(stepped(optim.Momentum, 2, lr=0.1), W0 - 0.1 * (0.1 + 0.19) * G)


def test_rmsprop_step_has_eps_outside_the_sqrt():
    # S = 0.001 g^2, so the first step is alpha g / (|g| sqrt(0.001) + eps): 31.6 alpha
    expected = W0 - 0.01 * G / (np.abs(G) * math.sqrt(0.001) + 1e-8)
    assert np.allclose(stepped(optim.RMSprop, lr=0.01), expected, rtol=0, atol=1e-12)


def test_adam_constant_gradient_takes_steps_of_alpha():
    # notes C2 §2.8 derived test: 0.99, 2.01 / 0.98, 2.02 / 0.97, 2.03
    for t, expected in enumerate([[0.99, 2.01], [0.98, 2.02], [0.97, 2.03]], start=1):
        assert np.allclose(stepped(optim.Adam, t, lr=0.01), [expected], atol=1e-7)


def test_adam_eps_sits_outside_the_sqrt_of_the_corrected_second_moment():
    tiny = np.array([[1e-8, 1e-8]])
    # DECISIONS §4: step = alpha v^ / (sqrt(S^) + eps) = alpha g / (|g| + 1e-8) = alpha / 2;
    # eps inside the sqrt would give alpha g / sqrt(g^2 + 1e-8) = alpha * 1e-4.
    assert np.allclose(stepped(optim.Adam, grad=tiny, lr=0.1), W0 - 0.05)


def test_weight_decay_adds_lambda_w_and_missing_grads_are_skipped():
    w, untouched = nn.Parameter(W0.copy()), nn.Parameter(W0.copy())
    opt = optim.SGD([w, untouched], lr=0.1, weight_decay=0.5)
    w.grad = G.copy()
    opt.step()
    assert np.allclose(w.data, W0 - 0.1 * (G + 0.5 * W0)) and np.array_equal(untouched.data, W0)
    opt.zero_grad()
    assert w.grad is None


@pytest.mark.parametrize("optimizer_class", [optim.Momentum, optim.RMSprop, optim.Adam])
def test_saved_optimiser_state_resumes_training_exactly(optimizer_class, tmp_path):
    grads = [np.array([[0.1, -0.2]]), np.array([[0.3, 0.05]]), np.array([[-0.2, 0.4]])]

    def run(opt, w, steps):
        for g in steps:
            w.grad = g.copy()
            opt.step()

    w = nn.Parameter(W0.copy())
    straight = optimizer_class([w], lr=0.01)
    run(straight, w, grads * 2)

    w1 = nn.Parameter(W0.copy())
    first = optimizer_class([w1], lr=0.01)
    run(first, w1, grads)
    first.save(tmp_path / "opt.npz")
    w2 = nn.Parameter(w1.data.copy())
    resumed = optimizer_class([w2], lr=0.5).load(tmp_path / "opt.npz")
    assert resumed.t == 3 and resumed.lr == 0.01
    run(resumed, w2, grads)
    assert np.array_equal(w2.data, w.data)
    fresh = nn.Parameter(w1.data.copy())
    run(optimizer_class([fresh], lr=0.01), fresh, grads)  # without the state: a different W
    assert not np.allclose(fresh.data, w.data)


def test_loading_state_for_other_parameters_is_refused():
    opt = optim.Adam([nn.Parameter(W0.copy())])
    opt.params[0].grad = G.copy()
    opt.step()
    other = optim.Adam([nn.Parameter(np.zeros((3, 1)))])
    with pytest.raises(AssertionError, match="shape"):
        other.load_state_dict(opt.state_dict())


def test_clip_grad_norm_scales_all_gradients_together():
    a, b = nn.Parameter(np.zeros(2)), nn.Parameter(np.zeros(1))
    a.grad, b.grad = np.array([3.0, 0.0]), np.array([4.0])
    assert optim.clip_grad_norm([a, b], 1.0) == 5.0
    assert np.allclose(a.grad, [0.6, 0]) and np.allclose(b.grad, [0.8])


def lr_sequence(schedule_class, epochs, lr=0.2, **kwargs):
    opt = optim.SGD([nn.Parameter(np.zeros(1))], lr=lr)
    schedule = schedule_class(opt, **kwargs)
    return [opt.lr] + [schedule.step() for _ in range(epochs)]


def test_inverse_time_decay_matches_the_notes_table():
    # notes C2 §2.9 (corrected by E16): 0.1, 0.0667, 0.05, 0.04 for epochs 1-4
    lrs = lr_sequence(schedules.InverseTimeDecay, 4, decay_rate=1.0)
    assert np.allclose(lrs, [0.2, 0.1, 0.2 / 3, 0.05, 0.04])


def test_exponential_staircase_and_inverse_sqrt_decay():
    assert np.allclose(lr_sequence(schedules.ExponentialDecay, 3, base=0.95),
                       [0.2, 0.19, 0.1805, 0.171475])  # notes C2 §2.9
    assert np.allclose(lr_sequence(schedules.StepDecay, 5, step_size=2),
                       [0.2, 0.2, 0.1, 0.1, 0.05, 0.05])
    assert np.allclose(lr_sequence(schedules.InverseSqrtDecay, 4, k=0.5),
                       [0.2, 0.1, 0.1 / math.sqrt(2), 0.1 / math.sqrt(3), 0.05])
    assert np.allclose(lr_sequence(schedules.LambdaLR, 2, lr_lambda=lambda e: 1 / (e + 1)),
                       [0.2, 0.1, 0.2 / 3])


def test_minibatches_are_one_permutation_then_a_partition():
    X, Y = np.arange(10)[:, None] * np.ones((1, 2)), np.arange(10)
    batches = list(nn.minibatches(X, Y, batch_size=4, rng=np.random.default_rng(1)))
    assert [len(y) for _, y in batches] == [4, 4, 2]
    order = np.concatenate([y for _, y in batches])
    assert np.array_equal(order, np.random.default_rng(1).permutation(10))  # DECISIONS §4
    assert all(np.array_equal(x[:, 0], y) for x, y in batches)  # X and Y stay paired
    loader = nn.DataLoader(X, batch_size=3, shuffle=False)
    assert len(loader) == 4 and np.array_equal(next(iter(loader))[:, 0], [0, 1, 2])


@pytest.mark.parametrize("optimizer", ["SGD", "Momentum", "RMSprop", "Adam"])
def test_every_optimiser_fits_a_separable_problem(optimizer):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((200, 2))
    y = (X[:, 0] + X[:, 1] > 0).astype(int)
    nn.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 2))
    lr = 0.3 if optimizer in ("SGD", "Momentum") else 0.01
    opt = getattr(optim, optimizer)(model.parameters(), lr=lr)
    history = nn.fit(model, nn.CrossEntropyLoss(), opt, X, y, epochs=15, batch_size=32,
                     validation_data=(X, y), rng=rng, progress=False,
                     scheduler=schedules.ExponentialDecay(opt, base=0.99))
    assert history["loss"][-1] < history["loss"][0] and history["val_accuracy"][-1] > 0.9
    assert len(history["batch_loss"]) == 15 * 7 and len(history["lr"]) == 15
    assert nn.train.predict(model, X).shape == (200, 2)
    assert repr(opt).startswith(optimizer + "(lr=")


def test_accuracy_for_indices_one_hot_and_binary_logits():
    scores = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7]])
    assert nn.train.accuracy(scores, np.array([1, 0, 0])) == pytest.approx(2 / 3)
    assert nn.train.accuracy(scores, np.eye(2)[[1, 0, 1]]) == 1.0
    assert nn.train.accuracy(np.array([[2.0], [-1.0]]), np.array([[1], [1]])) == 0.5
