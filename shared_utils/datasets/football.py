"""The "football" points: where a goalkeeper's long kicks land, and which team heads the ball.

A generated stand-in for the original regularization assignment's `data.mat` (course 2, week 1).
Each point is a position on the pitch, both coordinates in [-0.75, 0.75]; the label is 1 when a
player of the keeper's own team wins the header, 0 when an opponent does. Mostly it is a matter
of where the ball lands: above the curved line x2 = 0.25 sin(3 x1 + 0.5) our team tends to win.
Three kinds of noise make the labels imperfect, as in a real match:
  - near the line either team may win: P(label 1) = sigmoid(distance above the line / 0.02);
  - 2 % of the headers go the other way anywhere on the pitch;
  - in three small scrambles (discs of radius 0.1 at random places) the usual winner always
    loses. The scrambles are drawn afresh for the training and the test set: they are noise
    particular to one set, exactly what a network should not learn.
Train and test points come from one seeded RandomState, train first, so they are the same on
every machine; only numpy is needed.

Measured with seed 77 (checked by tests/shared_utils/test_football.py) for the [2, 20, 3, 1]
ReLU network of course2/common/three_layer_net.py trained for 10000 iterations of gradient
descent at learning rate 0.3: without regularization train 96.2 % / test 89.0 %; with L2,
lambda = 0.7, train 92.9 % / test 93.0 %; with dropout, keep_prob = 0.86 and a fresh mask every
iteration, train 93.8 % / test 93.5 %.
"""
import numpy as np

__all__ = ["M_TRAIN", "M_TEST", "SEED", "make_football"]

M_TRAIN, M_TEST, SEED = 211, 200, 77  # the original's sizes: train (2, 211), test (2, 200)


def _draw(rng, m, half_width, amplitude, frequency, phase, softness, flip_rate, scrambles,
          radius):
    X = rng.uniform(-half_width, half_width, (2, m))
    above = X[1] - amplitude * np.sin(frequency * X[0] + phase)  # signed distance, roughly
    Y = rng.rand(m) < 1 / (1 + np.exp(-above / softness))
    flip = rng.rand(m) < flip_rate
    for cx, cy in rng.uniform(-half_width, half_width, (2, scrambles)).T:  # the discs' centres
        flip |= np.hypot(X[0] - cx, X[1] - cy) < radius
    return X, np.where(flip, ~Y, Y).astype(np.int64).reshape(1, m)


def make_football(m_train=M_TRAIN, m_test=M_TEST, seed=SEED, half_width=0.75, amplitude=0.25,
                  frequency=3.0, phase=0.5, softness=0.02, flip_rate=0.02, scrambles=3,
                  radius=0.1):
    """The training and test points, drawn in that order from np.random.RandomState(seed).

    Arguments:
    m_train, m_test -- the number of training and test points
    seed -- seed of the RandomState that draws everything
    half_width -- the points are uniform in [-half_width, half_width]^2
    amplitude, frequency, phase -- the line x2 = amplitude * sin(frequency * x1 + phase)
    softness -- the width of the band around the line where either label is likely
    flip_rate -- the share of labels flipped anywhere
    scrambles, radius -- the number and size of the discs where every label is flipped

    Returns:
    train_X -- float64 of shape (2, m_train), one point per column
    train_Y -- labels 0/1, int64 of shape (1, m_train)
    test_X -- float64 of shape (2, m_test)
    test_Y -- labels 0/1, int64 of shape (1, m_test)
    """
    rng = np.random.RandomState(seed)
    shape = (half_width, amplitude, frequency, phase, softness, flip_rate, scrambles, radius)
    train_X, train_Y = _draw(rng, m_train, *shape)
    test_X, test_Y = _draw(rng, m_test, *shape)
    return train_X, train_Y, test_X, test_Y
