"""Datasets for the course, generated from fixed seeds and stored once as HDF5.

Nothing is downloaded: each dataset is made by a seeded generator in this package (or taken from
data that ships inside an installed package) and written to `data_dir()` the first time it is
needed. `python -m shared_utils.datasets build` writes them all up front (`make` does this).

    >>> from shared_utils.datasets import load_catvnoncat
    >>> train_x_orig, train_y, test_x_orig, test_y, classes = load_catvnoncat()
"""
import os
from pathlib import Path

import numpy as np

from . import cats, planar
from . import moons, temperature
from . import circles
from . import football
from . import signs
from ._h5 import read_h5, write_h5

__all__ = ["data_dir", "build_all", "load_catvnoncat", "load_planar_dataset",
           "load_moons_dataset", "load_temperature_series",
           "load_circles_dataset",
           "load_2D_dataset",
           "load_signs_dataset"]


def data_dir():
    """Where the HDF5 files live: $SHARED_UTILS_DATA_DIR, else `h5/` beside this module."""
    override = os.environ.get("SHARED_UTILS_DATA_DIR")
    return Path(override) if override else Path(__file__).resolve().parent / "h5"


def _build_catvnoncat(directory):
    classes = np.array(cats.CLASSES)  # dtype |S7, as in the original files
    for split, m, seed in (("train", cats.M_TRAIN, cats.TRAIN_SEED),
                           ("test", cats.M_TEST, cats.TEST_SEED)):
        x, y = cats.make_catvnoncat(m, seed)
        write_h5(directory / f"{split}_catvnoncat.h5",
                 {f"{split}_set_x": x, f"{split}_set_y": y, "list_classes": classes})


def _build_planar(directory):
    X, Y = planar.make_flower(planar.M, seed=planar.SEED)
    write_h5(directory / "planar_flower.h5", {"X": X, "Y": Y})


def _build_moons(directory):
    X, Y = moons.make_moons(moons.M, noise=moons.NOISE, seed=moons.SEED)
    write_h5(directory / "moons.h5", {"train_X": X, "train_Y": Y})


def _build_temperature(directory):
    theta = temperature.make_temperature_series(temperature.DAYS, seed=temperature.SEED)
    write_h5(directory / "temperature.h5", {"theta": theta})


def _build_circles(directory):
    arrays = {}
    for split, m, seed in (("train", circles.M_TRAIN, circles.TRAIN_SEED),
                           ("test", circles.M_TEST, circles.TEST_SEED)):
        X, Y = circles.make_circles(m, noise=circles.NOISE, factor=circles.FACTOR, seed=seed)
        arrays.update({f"{split}_X": X, f"{split}_Y": Y})
    write_h5(directory / "circles.h5", arrays)


def _build_football(directory):
    train_X, train_Y, test_X, test_Y = football.make_football()
    write_h5(directory / "football.h5",
             {"train_X": train_X, "train_Y": train_Y, "test_X": test_X, "test_Y": test_Y})


def _build_signs(directory):
    classes = signs.CLASSES.astype(np.int64)  # the original files list the classes 0-5
    for split, m, seed in (("train", signs.M_TRAIN, signs.TRAIN_SEED),
                           ("test", signs.M_TEST, signs.TEST_SEED)):
        x, y = signs.make_signs(m, seed)
        write_h5(directory / f"{split}_signs.h5",
                 {f"{split}_set_x": x, f"{split}_set_y": y, "list_classes": classes})


# name -> (files it writes, builder)
_REGISTRY = {
    "catvnoncat": (("train_catvnoncat.h5", "test_catvnoncat.h5"), _build_catvnoncat),
    "planar": (("planar_flower.h5",), _build_planar),
    "moons": (("moons.h5",), _build_moons),
    "temperature": (("temperature.h5",), _build_temperature),
    "circles": (("circles.h5",), _build_circles),
    "football": (("football.h5",), _build_football),
    "signs": (("train_signs.h5", "test_signs.h5"), _build_signs),
}


def _ensure(name, force=False):
    directory = data_dir()
    files, builder = _REGISTRY[name]
    if force or not all((directory / f).exists() for f in files):
        builder(directory)
    return [directory / f for f in files]


def build_all(force=False):
    """Write every dataset's files (skipping those already present unless `force`)."""
    return [path for name in _REGISTRY for path in _ensure(name, force)]


def load_catvnoncat():
    """The cat / non-cat images, shaped like the original course's `load_dataset()`.

    Returns:
    train_set_x_orig -- uint8 images, shape (209, 64, 64, 3)
    train_set_y -- labels 0/1, shape (1, 209)
    test_set_x_orig -- uint8 images, shape (50, 64, 64, 3)
    test_set_y -- labels 0/1, shape (1, 50)
    classes -- array([b'non-cat', b'cat'])
    """
    train_file, test_file = _ensure("catvnoncat")
    train_x, train_y, classes = read_h5(train_file, ("train_set_x", "train_set_y", "list_classes"))
    test_x, test_y = read_h5(test_file, ("test_set_x", "test_set_y"))
    return train_x, train_y.reshape(1, -1), test_x, test_y.reshape(1, -1), classes


def load_planar_dataset():
    """The planar "flower" of week 3, shaped like the original course's `load_planar_dataset()`.

    Returns:
    X -- the points, float64 of shape (2, 400), one example per column
    Y -- labels 0/1, int64 of shape (1, 400)
    """
    (path,) = _ensure("planar")
    return read_h5(path, ("X", "Y"))


def load_moons_dataset():
    """The two half-moons of course 2, week 2 (optimization), shaped like the original course's
    `load_dataset()` (scikit-learn's make_moons(300, noise=0.2) after np.random.seed(3)).

    Returns:
    train_X -- the points, float64 of shape (2, 300), one example per column
    train_Y -- labels 0/1, int64 of shape (1, 300)
    """
    (path,) = _ensure("moons")
    return read_h5(path, ("train_X", "train_Y"))


def load_temperature_series():
    """A year of daily temperatures in °F for the exponentially weighted averages of course 2,
    week 2 (notes C2 §2.3); the first three days are the lecture's 40, 49 and 45.

    Returns:
    theta -- float64 of shape (365,): theta[t - 1] is the temperature of day t
    """
    (path,) = _ensure("temperature")
    (theta,) = read_h5(path, ("theta",))
    return theta


def load_circles_dataset():
    """The two noisy concentric rings of course 2, week 1 (initialization), shaped like the
    original course's `load_dataset()` (scikit-learn's make_circles(n, noise=0.05) after
    np.random.seed(1) for the training set and np.random.seed(2) for the test set).

    Returns:
    train_X -- the points, float64 of shape (2, 300), one example per column
    train_Y -- labels 0/1 (1 = inner ring), int64 of shape (1, 300)
    test_X -- float64 of shape (2, 100)
    test_Y -- int64 of shape (1, 100)
    """
    (path,) = _ensure("circles")
    return read_h5(path, ("train_X", "train_Y", "test_X", "test_Y"))


def load_2D_dataset():
    """The "football" points of course 2, week 1 (regularization), under the original course's
    name: where a goalkeeper's kicks land (x1, x2) and whether his team won the header (1) or
    not (0); see shared_utils/datasets/football.py.

    Returns:
    train_X -- the points, float64 of shape (2, 211), one example per column
    train_Y -- labels 0/1, int64 of shape (1, 211)
    test_X -- float64 of shape (2, 200)
    test_Y -- int64 of shape (1, 200)
    """
    (path,) = _ensure("football")
    return read_h5(path, ("train_X", "train_Y", "test_X", "test_Y"))


def load_signs_dataset():
    """The SIGNS-like hand images of course 2, week 3 (a hand showing 0-5 raised fingers; see
    shared_utils/datasets/signs.py), shaped like the original course's `load_dataset()`.

    Returns:
    train_set_x_orig -- uint8 images, shape (1080, 64, 64, 3)
    train_set_y -- labels 0-5, int64 of shape (1, 1080)
    test_set_x_orig -- uint8 images, shape (120, 64, 64, 3)
    test_set_y -- labels 0-5, int64 of shape (1, 120)
    classes -- array([0, 1, 2, 3, 4, 5]), int64
    """
    train_file, test_file = _ensure("signs")
    train_x, train_y, classes = read_h5(train_file, ("train_set_x", "train_set_y", "list_classes"))
    test_x, test_y = read_h5(test_file, ("test_set_x", "test_set_y"))
    return train_x, train_y.reshape(1, -1), test_x, test_y.reshape(1, -1), classes
