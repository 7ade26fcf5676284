"""Plots the notebooks share: cost curves, image grids, mislabeled examples.

Every function draws on a new figure (or the `ax` given) and returns the Axes, so a notebook
cell can adjust it; nothing here calls plt.show().
"""
import matplotlib.pyplot as plt
import numpy as np

__all__ = ["plot_costs", "plot_cost_curves", "show_images", "show_mislabeled"]


def plot_costs(costs, learning_rate=None, every=100, ax=None):
    """The cost recorded every `every` iterations of gradient descent, against the iteration."""
    ax = ax or plt.figure(figsize=(6, 4)).gca()
    costs = np.ravel(np.asarray(costs, dtype=float))
    ax.plot(np.arange(len(costs)) * every, costs)
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J")
    if learning_rate is not None:
        ax.set_title(f"learning rate = {learning_rate:g}")
    return ax


def plot_cost_curves(curves, every=100, ax=None):
    """Several cost curves on one plot; `curves` maps a label to a list of costs."""
    ax = ax or plt.figure(figsize=(6, 4)).gca()
    for label, costs in curves.items():
        costs = np.ravel(np.asarray(costs, dtype=float))
        ax.plot(np.arange(len(costs)) * every, costs, label=str(label))
    ax.set_xlabel("iteration")
    ax.set_ylabel("cost J")
    ax.legend(loc="upper right")
    return ax


def _label(classes, value):
    name = classes[int(value)]
    return name.decode() if isinstance(name, bytes) else str(name)


def show_images(images, labels=None, classes=None, ncols=8, titles=None):
    """A grid of images, shape (m, h, w, 3), titled by their class name (or by `titles`)."""
    m = len(images)
    nrows = int(np.ceil(m / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(1.6 * ncols, 1.8 * nrows), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < m:
            ax.imshow(images[i])
            if titles is not None:
                ax.set_title(titles[i], fontsize=8)
            elif labels is not None and classes is not None:
                ax.set_title(_label(classes, np.ravel(labels)[i]), fontsize=8)
    fig.tight_layout()
    return axes


def show_mislabeled(images, Y, Y_prediction, classes, max_images=8):
    """The images whose prediction differs from the label; titles say 'predicted / actual'."""
    y, p = np.ravel(Y).astype(int), np.ravel(Y_prediction).astype(int)
    wrong = np.flatnonzero(y != p)[:max_images]
    titles = [f"pred {_label(classes, p[i])}\nis {_label(classes, y[i])}" for i in wrong]
    if len(wrong) == 0:
        print("No mislabeled images.")
        return None
    return show_images(images[wrong], titles=titles, ncols=min(len(wrong), 8))
