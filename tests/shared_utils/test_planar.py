"""The planar flower (week 3) and the decision-boundary plot: petals that take turns, and the
story the notebook quotes (47 % for a line, ~91 % for 4 units). Determinism, shapes and the
loader: test_datasets.py."""
import matplotlib.pyplot as plt
import numpy as np
from sklearn.linear_model import LogisticRegression

from autograder.hidden import c1w3_planar_classification as hidden
from shared_utils import datasets
from shared_utils.datasets.planar import make_flower
from shared_utils.plotting import plot_decision_boundary


def test_the_petals_take_turns_and_reach_about_4():
    X, Y = make_flower()
    assert (Y[0, :200] == 0).all() and (Y[0, 200:] == 1).all()
    assert np.abs(X).max() < 5.5  # petals of length a = 4, plus noise


def test_a_line_fails_and_four_tanh_units_succeed():
    X, Y = datasets.load_planar_dataset()
    line = LogisticRegression().fit(X.T, Y.ravel())
    assert round(100 * line.score(X.T, Y.ravel()), 2) == 47.0
    params = hidden.reference_nn_model(X, Y, 4, num_iterations=10000)
    assert round(100 * float(np.mean(hidden.reference_predict(params, X) == Y)), 2) == 90.75


def test_plot_decision_boundary_asks_for_columns_and_draws_both_classes():
    X, Y = np.array([[-1.0, 1.0, 2.0], [0.0, 0.5, -1.0]]), np.array([[0, 1, 1]])
    seen = []

    def predict_fn(P):
        seen.append(P.shape)
        return (P[0] > 0).astype(int)  # class 1 to the right of x1 = 0

    fig, ax = plt.subplots()
    assert plot_decision_boundary(predict_fn, X, Y, ax=ax, resolution=50) is ax
    assert seen == [(2, 2500)]  # one call, points as columns
    x_lo, x_hi = ax.get_xlim()
    assert x_lo <= -2.0 and x_hi >= 3.0  # the data plus a margin of 1
    scatter = [c for c in ax.collections if c.get_offsets().shape == (3, 2)]
    assert len(scatter) == 1 and np.array_equal(scatter[0].get_offsets(), X.T)
    assert list(scatter[0].get_array()) == [0, 1, 1]
    plt.close(fig)


def test_plot_decision_boundary_accepts_any_label_shape_and_a_new_figure():
    X, Y = make_flower(m=40)
    ax = plot_decision_boundary(lambda P: np.zeros((1, P.shape[1])), X, Y, resolution=20)
    assert ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"
    plt.close(ax.figure)
