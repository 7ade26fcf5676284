"""The planar "flower": two classes of 2-D points on the alternating petals of a rose curve.

Week 3's data set (notes-course1 §6.2 and Appendix A). Class j takes the angles t in
[3.12 j, 3.12 (j + 1)] and the radius r = a sin(petals * t), both with Gaussian noise, so each class
owns every other petal: no straight line separates them, a network with a few tanh units does.
Nothing is random beyond the seeded RandomState, so the points are the same on every machine.

Measured with seed 1 (and checked by tests/shared_utils/test_planar.py): 200 points per class;
logistic regression scores about 47 % on it, a 4-unit tanh network about 90 %.
"""
import numpy as np

__all__ = ["M", "SEED", "make_flower"]

M, SEED = 400, 1  # the notebook's flower: X (2, 400), Y (1, 400)


def make_flower(m=400, petals=4, a=4.0, noise=0.2, seed=1):
    """Two-class planar flower.

    Arguments:
    m -- number of points (an even number: m // 2 per class)
    petals -- the rose curve's frequency; the curve has 2 * petals petals, half of them per class
    a -- the petals' length
    noise -- standard deviation of the noise added to each angle and each radius
    seed -- seed of the numpy RandomState that draws the noise

    Returns:
    X -- the points, float64 of shape (2, m): row 0 is x1, row 1 is x2
    Y -- labels 0/1, int64 of shape (1, m): the first m // 2 points are class 0
    """
    rng = np.random.RandomState(seed)
    n = m // 2
    X = np.zeros((m, 2))
    Y = np.zeros((m, 1), dtype=np.int64)
    for j in range(2):
        rows = slice(n * j, n * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, n) + rng.randn(n) * noise  # angle
        r = a * np.sin(petals * t) + rng.randn(n) * noise                   # radius
        X[rows] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[rows] = j
    return X.T, Y.T  # (2, m) and (1, m): one example per column, as in the notes
