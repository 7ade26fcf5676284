"""Plots the notebooks share: cost curves, image grids, mislabeled examples.

Every function draws on a new figure (or the `ax` given) and returns the Axes, so a notebook
cell can adjust it; nothing here calls plt.show().
"""
import matplotlib.pyplot as plt
import numpy as np

__all__ = ["plot_costs", "plot_cost_curves", "show_images", "show_mislabeled",
           "plot_decision_boundary"]


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


def plot_decision_boundary(predict_fn, X, Y, ax=None, resolution=300, margin=1.0):
    """The regions a 2-D classifier assigns to each class, with the data points on top.

    predict_fn -- takes points as columns, shape (2, k) like the course's X, and returns k labels
                  in any shape (e.g. `lambda P: predict(parameters, P)`, or for scikit-learn
                  `lambda P: clf.predict(P.T)`)
    X -- the points, shape (2, m); Y -- their labels 0/1, shape (1, m)
    resolution -- grid points per axis (the grid spans the data plus `margin` on every side)
    """
    ax = ax or plt.figure(figsize=(6, 5)).gca()
    X, y = np.asarray(X, dtype=float), np.ravel(Y)
    x1 = np.linspace(X[0].min() - margin, X[0].max() + margin, resolution)
    x2 = np.linspace(X[1].min() - margin, X[1].max() + margin, resolution)
    g1, g2 = np.meshgrid(x1, x2)
    grid = np.vstack([g1.ravel(), g2.ravel()])  # (2, resolution**2): one point per column
    regions = np.asarray(predict_fn(grid), dtype=float).reshape(g1.shape)
    # each region in a light shade of its class's colour (class 0 red, class 1 blue)
    ax.contourf(g1, g2, regions, levels=[-0.5, 0.5, 1.5],
                colors=[plt.cm.Spectral(0.0), plt.cm.Spectral(1.0)], alpha=0.3)
    ax.scatter(X[0], X[1], c=y, s=15, cmap=plt.cm.Spectral, vmin=0, vmax=1, edgecolors="k",
               linewidths=0.3)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    return ax
