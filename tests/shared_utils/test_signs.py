"""The SIGNS-like hands (course 2, week 3): balanced, quick to draw, and telling the story the
notebook quotes: softmax regression 54.2 % and the 12288-25-12-6 net 94.2 % on the 120 test
images (docstring of shared_utils/datasets/signs.py). Determinism, pinned pixels and the files:
test_datasets.py."""
import time

import numpy as np
import pytest
from threadpoolctl import threadpool_limits

from autograder.hidden import c2w3_softmax_reference as ref
from shared_utils import datasets, nn
from shared_utils.datasets import signs


def test_images_are_balanced_uint8_hands():
    X, y = signs.make_signs(12, seed=5)
    assert X.shape == (12, 64, 64, 3) and X.dtype == np.uint8
    assert y.shape == (12,) and y.dtype == np.int64
    assert np.bincount(y).tolist() == [2] * 6


def test_generation_is_quick():
    start = time.process_time()
    signs.make_signs(signs.M_TRAIN + signs.M_TEST, seed=0)
    assert time.process_time() - start < 6  # about 2 s of CPU on the course machine


def test_the_loaded_sets_are_balanced_with_the_originals_classes():
    _, train_y, _, test_y, classes = datasets.load_signs_dataset()
    assert classes.tolist() == [0, 1, 2, 3, 4, 5]
    assert np.bincount(train_y.ravel()).tolist() == [180] * 6
    assert np.bincount(test_y.ravel()).tolist() == [20] * 6


def _train(forward, parameters, X, Y, epochs=signs.NUM_EPOCHS):
    """The notebook's recipe: Adam (lr 0.0003) on mini-batches of 32, total loss per batch."""
    optimizer = nn.optim.Adam(parameters.values(), lr=0.0003)
    rng = np.random.default_rng(1)
    for _ in range(epochs):
        for X_batch, Y_batch in nn.minibatches(X.T, Y.T, 32, rng):
            optimizer.zero_grad()
            ref.reference_compute_total_loss(forward(X_batch.T, parameters), Y_batch.T).backward()
            optimizer.step()
    return parameters


def _accuracy(forward, parameters, X, y):
    with nn.no_grad():
        return round(100 * float(np.mean(np.argmax(forward(X, parameters).data, 0) == y)), 1)


@pytest.mark.slow
def test_softmax_regression_clearly_trails_a_small_deep_net():
    train_x, train_y, test_x, test_y, _ = datasets.load_signs_dataset()
    flat = train_x.reshape(len(train_x), -1).T / 255.
    mu, sigma = flat.mean(axis=1, keepdims=True), flat.std(axis=1, keepdims=True)
    X = ((flat - mu) / sigma).astype(np.float32)
    X_test = ((test_x.reshape(len(test_x), -1).T / 255. - mu) / sigma).astype(np.float32)
    Y = ref.reference_one_hot_matrix(train_y, 6).astype(np.float32)
    linear = {"W": nn.Parameter(np.zeros((6, 12288), np.float32)),
              "b": nn.Parameter(np.zeros((6, 1), np.float32))}
    forward_linear = lambda X, p: p["W"] @ X + p["b"]  # noqa: E731
    with threadpool_limits(1):  # the grader's setting; also far faster on a busy machine
        linear = _train(forward_linear, linear, X, Y)
        deep = _train(ref.reference_forward_propagation, ref.reference_initialize_parameters(),
                      X, Y)
    assert _accuracy(forward_linear, linear, X_test, test_y[0]) == 54.2
    assert _accuracy(ref.reference_forward_propagation, deep, X_test, test_y[0]) == 94.2
