"""The moons of course 2, week 2: equal to scikit-learn's make_moons, and telling the story the
optimization notebook quotes (gd and momentum stuck near 64 %, RMSprop and Adam near 94 % after
1000 epochs at alpha = 0.0007; gd with alpha = 0.3 fixed or decayed in steps 93.3 %, decayed
every epoch 66.7 %). Determinism, shapes and the loader: test_datasets.py."""
import functools

import numpy as np
import pytest
from sklearn import datasets as sk_datasets
from sklearn.linear_model import LogisticRegression

from autograder.hidden import c2w2_optimization_reference as ref
from shared_utils import datasets
from shared_utils.datasets.moons import make_moons


def test_without_noise_the_upper_moon_is_on_the_unit_circle():
    X, Y = make_moons(m=31, noise=0.0, seed=0)
    upper = X[:, Y[0] == 0]
    assert np.allclose(upper[0] ** 2 + upper[1] ** 2, 1.0)


def test_moons_equal_scikit_learns_after_the_original_seeding():
    X, Y = make_moons(seed=3)
    np.random.seed(3)  # the original course: np.random.seed(3), then make_moons without a seed
    points, labels = sk_datasets.make_moons(n_samples=300, noise=0.2)
    assert np.array_equal(X, points.T) and np.array_equal(Y[0], labels)


def test_a_line_scores_about_85_percent():
    X, Y = datasets.load_moons_dataset()
    line = LogisticRegression().fit(X.T, Y.ravel())
    assert round(100 * line.score(X.T, Y.ravel()), 1) == 85.3


def _train(net, X, Y, optimizer, learning_rate=0.0007, num_epochs=1000, decay=None):
    """The notebook's model, run with the hidden references (3-layer net, mini-batches of 64,
    a new shuffle per epoch from seed 11 on, Adam's t from 1, decay at the start of each epoch
    with epoch_num counted from 1)."""
    parameters = net.initialize_parameters([2, 5, 2, 1])
    v, s = ref.reference_initialize_adam(parameters)
    t, rate = 0, learning_rate
    for epoch_num in range(1, num_epochs + 1):
        if decay is not None:
            rate = decay(learning_rate, epoch_num, 1)
        for mX, mY in ref.reference_random_mini_batches(X, Y, 64, 10 + epoch_num):
            _, cache = net.forward_propagation(mX, parameters)
            grads = net.backward_propagation(mX, mY, cache)
            grads = {k: grads[k] for k in v}
            if optimizer == "gd":
                parameters = ref.reference_update_parameters_with_gd(parameters, grads, rate)
            elif optimizer == "momentum":
                parameters, v = ref.reference_update_parameters_with_momentum(
                    parameters, grads, v, 0.9, rate)
            elif optimizer == "rmsprop":
                parameters, s = ref.reference_update_parameters_with_rmsprop(
                    parameters, grads, s, 0.999, rate, 1e-8)
            else:
                t += 1
                parameters, v, s, _, _ = ref.reference_update_parameters_with_adam(
                    parameters, grads, v, s, t, rate)
    return round(100 * float(np.mean(net.predict(X, Y, parameters) == Y)), 1)


@pytest.mark.slow
def test_the_accuracies_the_notebook_quotes(net):
    X, Y = datasets.load_moons_dataset()
    race = {name: _train(net, X, Y, name) for name in ("gd", "momentum", "rmsprop", "adam")}
    assert race == {"gd": 63.7, "momentum": 63.3, "rmsprop": 93.7, "adam": 94.0}
    scheduled = functools.partial(ref.reference_schedule_lr_decay, time_interval=100)
    decays = [_train(net, X, Y, "gd", 0.3, 500, decay)
              for decay in (None, ref.reference_update_lr, scheduled)]
    assert decays == [93.3, 66.7, 93.3]
