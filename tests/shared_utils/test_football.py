"""The football points (course 2, week 1, regularization): shaped like the original data.mat,
labelled by a line up to some noise, and telling the story course2/week1/regularization.ipynb
quotes: after 10000 steps of gradient descent the unregularized [2, 20, 3, 1] network overfits
(train 96.2 % / test 89.0 %), L2 with lambda 0.7 (92.9 / 93.0 %) and dropout with keep_prob 0.86
(93.8 / 93.5 %) close the gap with a test accuracy at least as high, and early stopping on the
held-out cost stops after 700 iterations (93.8 / 93.5 %). Determinism and the loader:
test_datasets.py."""
import numpy as np
import pytest

from autograder.hidden import c2w1_regularization_reference as ref
from shared_utils import datasets
from shared_utils.datasets import football
from shared_utils.datasets.football import make_football


def test_shapes_dtypes_and_ranges():
    train_X, train_Y, test_X, test_Y = make_football()
    assert train_X.shape == (2, 211) and test_X.shape == (2, 200)
    assert train_Y.shape == (1, 211) and test_Y.shape == (1, 200)
    assert train_X.dtype == test_X.dtype == np.float64
    assert train_Y.dtype == test_Y.dtype == np.int64
    assert set(np.unique(train_Y)) == set(np.unique(test_Y)) == {0, 1}
    assert np.abs(np.hstack([train_X, test_X])).max() <= 0.75
    assert 0.35 < train_Y.mean() < 0.65 and 0.35 < test_Y.mean() < 0.65  # both teams win balls
    small = make_football(m_train=5, m_test=3, seed=4)
    assert [a.shape for a in small] == [(2, 5), (1, 5), (2, 3), (1, 3)]
    assert (football.M_TRAIN, football.M_TEST, football.SEED) == (211, 200, 77)


def test_labels_follow_the_line_up_to_the_noise():
    train_X, train_Y, _, _ = make_football()
    above = train_X[1] > 0.25 * np.sin(3 * train_X[0] + 0.5)
    agree = np.mean(above == train_Y[0].astype(bool))
    assert 0.85 < agree < 0.97  # mostly the line, with a few percent of noise to overfit


def _train(net, X, Y, num_iterations=10000, lambd=0.0, keep_prob=1.0):
    """The notebook's model() with the reference answers: gradient descent at rate 0.3."""
    parameters = net.initialize_parameters([X.shape[0], 20, 3, 1])
    for i in range(num_iterations):
        if keep_prob < 1:
            _, cache = ref.forward_propagation_with_dropout(X, parameters, keep_prob, seed=i)
            grads = ref.backward_propagation_with_dropout(X, Y, cache, keep_prob)
        else:
            _, cache = net.forward_propagation(X, parameters)
            grads = ref.backward_propagation_with_regularization(X, Y, cache, lambd)
        parameters = net.update_parameters(parameters, grads, 0.3)
    return parameters


def _accuracies(net, parameters, data):
    train_X, train_Y, test_X, test_Y = data
    return tuple(round(100 * float(np.mean(net.predict(X, Y, parameters) == Y)), 1)
                 for X, Y in ((train_X, train_Y), (test_X, test_Y)))


@pytest.mark.slow
def test_regularization_closes_the_gap_the_plain_network_opens(net):
    data = datasets.load_2D_dataset()
    plain = _accuracies(net, _train(net, *data[:2]), data)
    l2 = _accuracies(net, _train(net, *data[:2], lambd=0.7), data)
    dropout = _accuracies(net, _train(net, *data[:2], keep_prob=0.86), data)
    assert (plain, l2, dropout) == ((96.2, 89.0), (92.9, 93.0), (93.8, 93.5))
    assert plain[0] - plain[1] > 5  # overfitting: train >> test
    for train, test in (l2, dropout):
        assert train - test < plain[0] - plain[1] and test >= plain[1]


@pytest.mark.slow
def test_early_stopping_stops_after_700_iterations(net):
    train_X, train_Y, test_X, test_Y = data = datasets.load_2D_dataset()
    parameters, dev_costs, checkpoints = net.initialize_parameters([2, 20, 3, 1]), [], []
    for i in range(1500):
        A3, cache = net.forward_propagation(train_X, parameters)
        if i % 100 == 0:
            dev_costs.append(net.compute_loss(net.forward_propagation(test_X, parameters)[0],
                                              test_Y))
            checkpoints.append(parameters)
        parameters = net.update_parameters(parameters,
                                           net.backward_propagation(train_X, train_Y, cache), 0.3)
    best = ref.early_stopping_epoch(dev_costs)
    assert best == 7 and _accuracies(net, checkpoints[best], data) == (93.8, 93.5)


def test_huge_lambda_leaves_a_constant_predictor(net):
    data = datasets.load_2D_dataset()
    parameters = _train(net, *data[:2], num_iterations=2000, lambd=30)
    assert max(np.linalg.norm(parameters[f"W{l}"]) for l in (1, 2, 3)) < 1e-3
    assert _accuracies(net, parameters, data) == (55.9, 54.5)  # always the majority class
