"""The plotting helpers draw what they are given, on the axes they return."""
import numpy as np

from shared_utils.plotting import plot_cost_curves, plot_costs, show_images, show_mislabeled

CLASSES = np.array([b"non-cat", b"cat"])


def test_plot_costs_puts_the_cost_every_100_iterations():
    ax = plot_costs([0.7, 0.5, 0.4], learning_rate=0.005)
    x, y = ax.lines[0].get_data()
    assert list(x) == [0, 100, 200] and list(y) == [0.7, 0.5, 0.4]
    assert ax.get_title() == "learning rate = 0.005"


def test_plot_cost_curves_labels_each_curve():
    ax = plot_cost_curves({"a": [1.0, 0.5], "b": [1.0]})
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b"]


def test_show_images_titles_with_class_names():
    axes = show_images(np.zeros((3, 4, 4, 3), np.uint8), np.array([[0, 1, 1]]), CLASSES, ncols=2)
    assert [ax.get_title() for ax in axes.flat] == ["non-cat", "cat", "cat", ""]


def test_show_mislabeled_shows_only_the_mistakes(capsys):
    images = np.arange(4)[:, None, None, None] * np.ones((4, 2, 2, 3), np.uint8)
    axes = show_mislabeled(images, np.array([[1, 0, 1, 0]]), np.array([[1, 1, 0, 0]]), CLASSES)
    titles = [ax.get_title() for ax in axes.flat if ax.get_title()]
    assert titles == ["pred cat\nis non-cat", "pred non-cat\nis cat"]
    assert show_mislabeled(images, np.ones((1, 4)), np.ones((1, 4)), CLASSES) is None
    assert capsys.readouterr().out == "No mislabeled images.\n"
