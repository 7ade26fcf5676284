"""The two rings (course 2, week 1): deterministic, equal to scikit-learn's make_circles, shaped
like the original, and telling the story course2/week1/initialization.ipynb quotes (zeros 50 %
after 5000 steps; randn * 10 82.7 / 85.0 %, He 98.3 / 96.0 %, Xavier 97.7 / 96.0 % after 10000;
He 99.3 / 96.0 % after the original's 15000)."""
import importlib.util
import warnings
from pathlib import Path

import h5py
import numpy as np
import pytest
from sklearn.datasets import make_circles as sklearn_make_circles
from sklearn.linear_model import LogisticRegression

from autograder.hidden import c2w1_initialization as hidden
from shared_utils import datasets
from shared_utils.datasets import circles
from shared_utils.datasets.circles import make_circles

NET = Path(__file__).resolve().parents[2] / "course2" / "common" / "three_layer_net.py"


@pytest.fixture
def fresh_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SHARED_UTILS_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="module")
def net():
    spec = importlib.util.spec_from_file_location("three_layer_net_for_tests", NET)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_shapes_dtypes_and_class_balance():
    X, Y = make_circles()
    assert X.shape == (2, 300) and X.dtype == np.float64
    assert Y.shape == (1, 300) and Y.dtype == np.int64
    assert set(np.unique(Y)) == {0, 1} and int(Y.sum()) == 150
    radius = np.hypot(X[0], X[1])
    assert radius[Y[0] == 0].mean() == pytest.approx(1.0, abs=0.02)  # outer ring
    assert radius[Y[0] == 1].mean() == pytest.approx(0.8, abs=0.02)  # inner ring
    X, Y = make_circles(m=7, seed=5)
    assert X.shape == (2, 7) and int(Y.sum()) == 4  # the inner circle gets the odd point


def test_deterministic_and_seed_dependent():
    x1, y1 = make_circles(seed=1)
    x2, y2 = make_circles(seed=1)
    x3, _ = make_circles(seed=2)
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2) and not np.array_equal(x1, x3)
    assert np.allclose(x1[:, 0], [-0.07741354, 0.85260226])  # pinned: changes must be deliberate


@pytest.mark.parametrize("m,seed,factor", [(300, 1, 0.8), (100, 2, 0.8), (51, 7, 0.5)])
def test_equals_scikit_learn_after_the_original_seeding(m, seed, factor):
    np.random.seed(seed)  # the original's load_dataset(): global seed, then make_circles
    X_sk, y_sk = sklearn_make_circles(n_samples=m, noise=0.05, factor=factor)
    X, Y = make_circles(m, noise=0.05, factor=factor, seed=seed)
    assert np.array_equal(X, X_sk.T) and np.array_equal(Y[0], y_sk)


def test_loader_builds_the_h5_file_and_returns_the_original_layout(fresh_data_dir):
    train_X, train_Y, test_X, test_Y = datasets.load_circles_dataset()
    with h5py.File(fresh_data_dir / "circles.h5") as f:
        assert set(f) == {"train_X", "train_Y", "test_X", "test_Y"}
    assert train_X.shape == (2, 300) and train_X.dtype == np.float64
    assert train_Y.shape == (1, 300) and train_Y.dtype == np.int64
    assert test_X.shape == (2, 100) and test_Y.shape == (1, 100) and test_Y.dtype == np.int64
    x, y = make_circles(circles.M_TRAIN, seed=circles.TRAIN_SEED)
    assert np.array_equal(train_X, x) and np.array_equal(train_Y, y)
    x, y = make_circles(circles.M_TEST, seed=circles.TEST_SEED)
    assert np.array_equal(test_X, x) and np.array_equal(test_Y, y)
    assert not list(fresh_data_dir.glob("*.tmp"))


def test_a_line_cannot_separate_the_rings():
    X, Y = make_circles()
    line = LogisticRegression().fit(X.T, Y.ravel())
    assert 0.4 < line.score(X.T, Y.ravel()) < 0.6


def _accuracy(net, parameters, X, Y):
    with np.errstate(over="ignore"):
        return round(100 * float(np.mean(net.predict_dec(parameters, X) == Y)), 1)


def _train(net, init, X, Y, num_iterations=15000, learning_rate=0.01):
    """The notebook's model(): gradient descent on the three-layer net from `init`'s weights."""
    parameters, first_cost = init([2, 10, 5, 1]), None
    with np.errstate(over="ignore"):
        for i in range(num_iterations):
            A3, cache = net.forward_propagation(X, parameters)
            if i == 0:
                first_cost = net.compute_loss(A3, Y)
            grads = net.backward_propagation(X, Y, cache)
            parameters = net.update_parameters(parameters, grads, learning_rate)
    return parameters, first_cost


@pytest.mark.slow  # five trainings of up to 15000 steps, a few seconds each
@pytest.mark.parametrize("init,steps,first_cost,train_acc,test_acc", [
    (hidden.reference_initialize_parameters_zeros, 5000, 0.6931, 50.0, 50.0),
    (hidden.reference_initialize_parameters_random, 10000, 13.8155, 82.7, 85.0),
    (hidden.reference_initialize_parameters_he, 10000, 0.8831, 98.3, 96.0),
    (hidden.reference_initialize_parameters_xavier, 10000, 0.7295, 97.7, 96.0),
    (hidden.reference_initialize_parameters_he, 15000, 0.8831, 99.3, 96.0),  # the original's
], ids=["zeros", "random", "he", "xavier", "he-15000"])
def test_the_figures_the_notebook_quotes(net, init, steps, first_cost, train_acc, test_acc):
    train_X, train_Y = make_circles(circles.M_TRAIN, seed=circles.TRAIN_SEED)
    test_X, test_Y = make_circles(circles.M_TEST, seed=circles.TEST_SEED)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the notebook may not print warnings either
        parameters, cost = _train(net, init, train_X, train_Y, num_iterations=steps)
        assert round(cost, 4) == first_cost
        assert _accuracy(net, parameters, train_X, train_Y) == train_acc
        assert _accuracy(net, parameters, test_X, test_Y) == test_acc
