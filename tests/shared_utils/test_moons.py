"""The moons of course 2, week 2: deterministic, shaped like the original, equal to
scikit-learn's make_moons, and telling the story the optimization notebook quotes (gd and
momentum stuck near 64 %, RMSprop and Adam near 94 % after 1000 epochs at alpha = 0.0007;
gd with alpha = 0.3 fixed or decayed in steps 93.3 %, decayed every epoch 66.7 %)."""
import functools
import importlib.util

import h5py
import numpy as np
import pytest
from sklearn import datasets as sk_datasets
from sklearn.linear_model import LogisticRegression

from autograder.config import REPO_ROOT
from autograder.hidden import c2w2_optimization_reference as ref
from shared_utils import datasets
from shared_utils.datasets.moons import make_moons


@pytest.fixture
def fresh_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SHARED_UTILS_DATA_DIR", str(tmp_path))
    return tmp_path


def _net():
    path = REPO_ROOT / "course2" / "common" / "three_layer_net.py"
    spec = importlib.util.spec_from_file_location("three_layer_net", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_moons_shapes_dtypes_and_class_balance():
    X, Y = make_moons()
    assert X.shape == (2, 300) and X.dtype == np.float64
    assert Y.shape == (1, 300) and Y.dtype == np.int64
    assert set(np.unique(Y)) == {0, 1} and int(Y.sum()) == 150
    X, Y = make_moons(m=31, noise=0.0, seed=0)
    assert X.shape == (2, 31) and int(Y.sum()) == 16  # m // 2 on the upper moon
    upper = X[:, Y[0] == 0]
    assert np.allclose(upper[0] ** 2 + upper[1] ** 2, 1.0)  # without noise: on the unit circle


def test_moons_are_deterministic_and_equal_scikit_learns():
    x1, y1 = make_moons(seed=3)
    x2, y2 = make_moons(seed=3)
    x3, _ = make_moons(seed=4)
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2) and not np.array_equal(x1, x3)
    np.random.seed(3)  # the original course: np.random.seed(3), then make_moons without a seed
    points, labels = sk_datasets.make_moons(n_samples=300, noise=0.2)
    assert np.array_equal(x1, points.T) and np.array_equal(y1[0], labels)


def test_loader_builds_the_h5_file_and_returns_the_original_layout(fresh_data_dir):
    X, Y = datasets.load_moons_dataset()
    with h5py.File(fresh_data_dir / "moons.h5") as f:
        assert set(f) == {"train_X", "train_Y"} and f["train_X"].shape == (2, 300)
    assert X.shape == (2, 300) and Y.shape == (1, 300) and Y.dtype == np.int64
    x, y = make_moons()
    assert np.array_equal(X, x) and np.array_equal(Y, y)
    datasets.build_all(force=True)
    assert all(np.array_equal(a, b) for a, b in zip((X, Y), datasets.load_moons_dataset()))
    assert not list(fresh_data_dir.glob("*.tmp"))


def test_a_line_scores_about_85_percent():
    X, Y = datasets.load_moons_dataset()
    line = LogisticRegression().fit(X.T, Y.ravel())
    assert round(100 * line.score(X.T, Y.ravel()), 1) == 85.3


def _train(X, Y, optimizer, learning_rate=0.0007, num_epochs=1000, decay=None):
    """The notebook's model, run with the hidden references (3-layer net, mini-batches of 64,
    a new shuffle per epoch from seed 11 on, Adam's t from 1, decay at the start of each epoch
    with epoch_num counted from 1)."""
    net = _net()
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
def test_the_accuracies_the_notebook_quotes():
    X, Y = datasets.load_moons_dataset()
    race = {name: _train(X, Y, name) for name in ("gd", "momentum", "rmsprop", "adam")}
    assert race == {"gd": 63.7, "momentum": 63.3, "rmsprop": 93.7, "adam": 94.0}
    scheduled = functools.partial(ref.reference_schedule_lr_decay, time_interval=100)
    decays = [_train(X, Y, "gd", 0.3, 500, decay) for decay in (None, ref.reference_update_lr,
                                                                 scheduled)]
    assert decays == [93.3, 66.7, 93.3]
