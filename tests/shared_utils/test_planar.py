"""The planar flower (week 3) and the decision-boundary plot: deterministic, shaped like the
original, balanced, and telling the story the notebook quotes (47 % for a line, ~91 % for 4 units)."""
import h5py
import matplotlib.pyplot as plt
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from autograder.hidden import c1w3_planar_classification as hidden
from shared_utils import datasets
from shared_utils.datasets.planar import make_flower
from shared_utils.plotting import plot_decision_boundary


@pytest.fixture
def fresh_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SHARED_UTILS_DATA_DIR", str(tmp_path))
    return tmp_path


def test_flower_shapes_dtypes_and_class_balance():
    X, Y = make_flower()
    assert X.shape == (2, 400) and X.dtype == np.float64
    assert Y.shape == (1, 400) and Y.dtype == np.int64
    assert set(np.unique(Y)) == {0, 1} and int(Y.sum()) == 200
    assert (Y[0, :200] == 0).all() and (Y[0, 200:] == 1).all()
    assert np.abs(X).max() < 5.5  # petals of length a = 4, plus noise
    X, Y = make_flower(m=60, petals=3, seed=7)
    assert X.shape == (2, 60) and int(Y.sum()) == 30


def test_flower_is_deterministic_and_seed_dependent():
    x1, y1 = make_flower(seed=1)
    x2, y2 = make_flower(seed=1)
    x3, _ = make_flower(seed=2)
    assert np.array_equal(x1, x2) and np.array_equal(y1, y2) and not np.array_equal(x1, x3)
    # pinned values: a change to the generator must be deliberate
    assert np.allclose(x1[:, 0], [1.20444229, 3.57611415])
    assert np.allclose(x1[:, -1], [0.73078083, 3.06832921])


def test_loader_builds_the_h5_file_and_returns_the_original_layout(fresh_data_dir):
    X, Y = datasets.load_planar_dataset()
    with h5py.File(fresh_data_dir / "planar_flower.h5") as f:
        assert set(f) == {"X", "Y"} and f["X"].shape == (2, 400) and f["Y"].shape == (1, 400)
    assert X.shape == (2, 400) and Y.shape == (1, 400) and Y.dtype == np.int64
    x, y = make_flower()
    assert np.array_equal(X, x) and np.array_equal(Y, y)
    assert not list(fresh_data_dir.glob("*.tmp"))


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
