"""Two noisy concentric rings: the 2-D data set of the initialization assignment (course 2, week 1).

Class 0 lies on the unit circle, class 1 on a circle of radius `factor` inside it, so the classes
are separated by a ring-shaped boundary that no straight line can draw. The points are made the
way scikit-learn's `make_circles(n_samples=m, noise=0.05)` makes them from a seeded RandomState
(its default factor 0.8, which the original course used): evenly spaced angles on each circle,
one shuffle of the points, then Gaussian noise of standard deviation `noise` on both
coordinates. Only numpy is needed; tests/shared_utils/test_circles.py checks that the result
equals scikit-learn's to the last bit. The original course drew its training set after
`np.random.seed(1)` and its test set after `np.random.seed(2)`; so does `load_circles_dataset()`
(300 and 100 points).

Measured with these seeds (checked by tests/shared_utils/test_circles.py): 150 / 50 points per
class; logistic regression scores about 50 % (a line cannot separate rings). The [2, 10, 5, 1]
ReLU network of course2/week1/initialization.ipynb, trained at learning rate 0.01, stays at 50 %
when its weights start at zero; after 10000 steps it reaches 82.7 % (train) / 85.0 % (test) from
randn * 10 and 98.3 % / 96.0 % from He initialization; after the original's 15000 steps,
83.0 % / 86.0 % and 99.3 % / 96.0 %, the original course's figures.
With factor 0.5 the rings are so far apart that even randn * 10 reaches 100 %, and the lesson
about badly scaled weights disappears; that is why the default stays at scikit-learn's 0.8.
"""
import numpy as np

__all__ = ["M_TRAIN", "M_TEST", "TRAIN_SEED", "TEST_SEED", "NOISE", "FACTOR", "make_circles"]

M_TRAIN, M_TEST = 300, 100  # train_X (2, 300), test_X (2, 100)
TRAIN_SEED, TEST_SEED = 1, 2
NOISE, FACTOR = 0.05, 0.8


def make_circles(m=300, noise=0.05, factor=0.8, seed=1):
    """Two concentric circles with Gaussian noise.

    Arguments:
    m -- number of points: m // 2 on the outer circle (class 0), the rest on the inner (class 1)
    noise -- standard deviation of the Gaussian noise added to every coordinate
    factor -- radius of the inner circle (the outer one has radius 1), in (0, 1)
    seed -- seed of the numpy RandomState that shuffles the points and draws the noise

    Returns:
    X -- the points, float64 of shape (2, m): row 0 is x1, row 1 is x2
    Y -- labels 0/1, int64 of shape (1, m), in shuffled order
    """
    rng = np.random.RandomState(seed)
    m_out = m // 2
    m_in = m - m_out
    # endpoint=False: the first point of a circle is not repeated as its last
    t_out = np.linspace(0, 2 * np.pi, m_out, endpoint=False)
    t_in = np.linspace(0, 2 * np.pi, m_in, endpoint=False)
    points = np.column_stack([np.append(np.cos(t_out), factor * np.cos(t_in)),
                              np.append(np.sin(t_out), factor * np.sin(t_in))])  # (m, 2)
    labels = np.append(np.zeros(m_out, dtype=np.int64), np.ones(m_in, dtype=np.int64))
    order = np.arange(m)
    rng.shuffle(order)  # one shuffle of the points, then the noise (scikit-learn's order)
    points, labels = points[order], labels[order]
    points = points + rng.normal(scale=noise, size=points.shape)
    return points.T, labels.reshape(1, m)  # (2, m) and (1, m): one example per column
