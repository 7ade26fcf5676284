"""The two rings (course 2, week 1): rings of radius 1 and 0.8, equal to scikit-learn's
make_circles, and telling the story course2/week1/initialization.ipynb quotes (zeros 50 % after
5000 steps; randn * 10 82.7 / 85.0 %, He 98.3 / 96.0 %, Xavier 97.7 / 96.0 % after 10000; He
99.3 / 96.0 % after the original's 15000). Determinism, shapes and the loader: test_datasets.py.
"""
import warnings

import numpy as np
import pytest
from sklearn.datasets import make_circles as sklearn_make_circles
from sklearn.linear_model import LogisticRegression

from autograder.hidden import c2w1_initialization as hidden
from shared_utils.datasets import circles
from shared_utils.datasets.circles import make_circles


def test_the_outer_ring_has_radius_1_and_the_inner_one_0_8():
    X, Y = make_circles()
    radius = np.hypot(X[0], X[1])
    assert radius[Y[0] == 0].mean() == pytest.approx(1.0, abs=0.02)  # outer ring
    assert radius[Y[0] == 1].mean() == pytest.approx(0.8, abs=0.02)  # inner ring


@pytest.mark.parametrize("m,seed,factor", [(300, 1, 0.8), (100, 2, 0.8), (51, 7, 0.5)])
def test_equals_scikit_learn_after_the_original_seeding(m, seed, factor):
    np.random.seed(seed)  # the original's load_dataset(): global seed, then make_circles
    X_sk, y_sk = sklearn_make_circles(n_samples=m, noise=0.05, factor=factor)
    X, Y = make_circles(m, noise=0.05, factor=factor, seed=seed)
    assert np.array_equal(X, X_sk.T) and np.array_equal(Y[0], y_sk)


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
