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
from ._h5 import read_h5, write_h5

__all__ = ["data_dir", "build_all", "load_catvnoncat", "load_planar_dataset"]


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


# name -> (files it writes, builder)
_REGISTRY = {
    "catvnoncat": (("train_catvnoncat.h5", "test_catvnoncat.h5"), _build_catvnoncat),
    "planar": (("planar_flower.h5",), _build_planar),
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
