"""Two interleaved half-moons: the 2-D data set of the optimization assignment (course 2, week 2).

Class 0 lies on the upper half of the unit circle, class 1 on a lower half-circle shifted right
by 1 and down by 0.5, so the two arcs hook into each other and no straight line separates them.
The points are made the way scikit-learn's `make_moons(n_samples=300, noise=0.2)` makes them
after `np.random.seed(3)` (the original course's data): evenly spaced angles on each arc, one
shuffle of the points, then Gaussian noise of standard deviation `noise` on both coordinates,
all from one seeded RandomState. Only numpy is needed; tests/shared_utils/test_moons.py checks
that the result equals scikit-learn's to the last bit.

Measured with seed 3 (checked by tests/shared_utils/test_moons.py): 150 points per class;
scikit-learn's logistic regression scores 85.3 % on them. The optimization notebook's
[2, 5, 2, 1] ReLU network, after 1000 epochs of mini-batches of 64 at alpha = 0.0007, scores
63.7 % with gradient descent, 63.3 % with momentum, 93.7 % with RMSprop and 94.0 % with Adam.
"""
import numpy as np

__all__ = ["M", "NOISE", "SEED", "make_moons"]

M, NOISE, SEED = 300, 0.2, 3  # the notebook's moons: train_X (2, 300), train_Y (1, 300)


def make_moons(m=300, noise=0.2, seed=3):
    """Two interleaving half-circles with Gaussian noise.

    Arguments:
    m -- number of points: m // 2 on the upper moon (class 0), the rest on the lower (class 1)
    noise -- standard deviation of the Gaussian noise added to every coordinate
    seed -- seed of the numpy RandomState that shuffles the points and draws the noise

    Returns:
    X -- the points, float64 of shape (2, m): row 0 is x1, row 1 is x2
    Y -- labels 0/1, int64 of shape (1, m), in shuffled order
    """
    rng = np.random.RandomState(seed)
    m_out = m // 2
    m_in = m - m_out
    t_out, t_in = np.linspace(0, np.pi, m_out), np.linspace(0, np.pi, m_in)
    points = np.column_stack([np.append(np.cos(t_out), 1 - np.cos(t_in)),
                              np.append(np.sin(t_out), 1 - np.sin(t_in) - 0.5)])  # (m, 2)
    labels = np.append(np.zeros(m_out, dtype=np.int64), np.ones(m_in, dtype=np.int64))
    order = np.arange(m)
    rng.shuffle(order)  # one shuffle of the points, then the noise (scikit-learn's order)
    points, labels = points[order], labels[order]
    points = points + rng.normal(scale=noise, size=points.shape)
    return points.T, labels.reshape(1, m)  # (2, m) and (1, m): one example per column
