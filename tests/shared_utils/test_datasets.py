"""Every generated dataset, through the same tests: deterministic and seed-dependent with pinned
values, two-class points shaped like the original and balanced, and a loader that writes the
original's HDF5 layout and returns the generator's arrays. The story each dataset tells (the
accuracies its notebook quotes) is checked in its own file (test_circles.py, test_moons.py, ...).

The cat / non-cat story -- logistic regression 74.0 % and the L-layer net 86.0 % on the same 50
test images (docstring of shared_utils/datasets/cats.py) -- is checked where it is told: the
c1w2 and c1w4 notebooks print those figures and tests/test_notebooks.py compares them with
their text."""
import h5py
import numpy as np
import pytest

from shared_utils import datasets
from shared_utils.datasets import cats, circles, signs
from shared_utils.datasets.circles import make_circles
from shared_utils.datasets.football import make_football
from shared_utils.datasets.moons import make_moons
from shared_utils.datasets.planar import make_flower
from shared_utils.datasets.temperature import make_temperature_series

F, I, U8 = np.float64, np.int64, np.uint8
EXACT, GREY_LEVEL = {"rtol": 0, "atol": 0}, {"rtol": 0, "atol": 1}  # np.allclose's defaults else

# name -> (generator of a tuple of arrays from a seed, a seed, another seed,
#          pinned values (select, expected, tolerance): a change to a generator must be deliberate)
GENERATORS = {
    "cats": (lambda seed: cats.make_catvnoncat(12, seed=seed), 5, 6, []),
    "flower": (lambda seed: make_flower(seed=seed), 1, 2,
               [(lambda out: out[0][:, 0], [1.20444229, 3.57611415], {}),
                (lambda out: out[0][:, -1], [0.73078083, 3.06832921], {})]),
    "moons": (lambda seed: make_moons(seed=seed), 3, 4, []),  # pinned by scikit-learn's own
    "circles": (lambda seed: make_circles(seed=seed), 1, 2,
                [(lambda out: out[0][:, 0], [-0.07741354, 0.85260226], {})]),
    "football": (lambda seed: make_football(seed=seed), 77, 78,
                 [(lambda out: out[0][:, 0], [0.62866355, 0.52437792], {})]),
    "temperature": (lambda seed: (make_temperature_series(seed=seed),), 1, 2,
                    [(lambda out: out[0][3:5], [29.68527336, 39.35828073], {})]),
    "signs": (lambda seed: signs.make_signs(12, seed=seed), 5, 6,  # one grey level of slack
              [(lambda out: out[1], [3, 5, 1, 3, 2, 4, 0, 1, 0, 4, 5, 2], EXACT),  # for rounding
               (lambda out: out[0][0, 32, 32], [184, 129, 92], GREY_LEVEL),  # on other CPUs
               (lambda out: out[0][3, 10, 50], [185, 151, 155], GREY_LEVEL)]),
}


@pytest.mark.parametrize("make,seed,other,pins", GENERATORS.values(), ids=GENERATORS)
def test_generation_is_deterministic_and_seed_dependent(make, seed, other, pins):
    first, again, different = make(seed), make(seed), make(other)
    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    assert not np.array_equal(first[0], different[0])
    for select, expected, tolerance in pins:
        value = select(first)
        assert np.shape(value) == np.shape(expected)
        assert np.allclose(value, expected, **tolerance)


# name -> (generator, its default m, a smaller call, the number of label 1 it gives)
TWO_CLASSES = {
    "flower": (make_flower, 400, {"m": 60, "petals": 3, "seed": 7}, 30),
    "moons": (make_moons, 300, {"m": 31, "noise": 0.0, "seed": 0}, 16),  # m // 2: upper moon
    "circles": (make_circles, 300, {"m": 7, "seed": 5}, 4),  # the inner circle: the odd point
}


@pytest.mark.parametrize("make,m,smaller,ones", TWO_CLASSES.values(), ids=TWO_CLASSES)
def test_two_class_points_are_columns_with_balanced_0_1_labels(make, m, smaller, ones):
    X, Y = make()
    assert X.shape == (2, m) and X.dtype == np.float64
    assert Y.shape == (1, m) and Y.dtype == np.int64
    assert set(np.unique(Y)) == {0, 1} and int(Y.sum()) == m // 2
    X, Y = make(**smaller)
    assert X.shape == (2, smaller["m"]) and int(Y.sum()) == ones


def _with_row_labels(x, y):
    return x, y.reshape(1, -1)  # the loaders return labels as (1, m), as the original did


# name -> (loader, its files {file: {dataset: (shape, dtype)}}, what it must return: the
#          generator's arrays; None where generating them again would take seconds)
LOADERS = {
    "catvnoncat": (datasets.load_catvnoncat, {
        "train_catvnoncat.h5": {"train_set_x": ((209, 64, 64, 3), U8),
                                "train_set_y": ((209,), I), "list_classes": ((2,), "S7")},
        "test_catvnoncat.h5": {"test_set_x": ((50, 64, 64, 3), U8), "test_set_y": ((50,), I),
                               "list_classes": ((2,), "S7")}},
        lambda: (*_with_row_labels(*cats.make_catvnoncat(cats.M_TRAIN, cats.TRAIN_SEED)),
                 *_with_row_labels(*cats.make_catvnoncat(cats.M_TEST, cats.TEST_SEED)),
                 np.array([b"non-cat", b"cat"]))),
    "planar": (datasets.load_planar_dataset,
               {"planar_flower.h5": {"X": ((2, 400), F), "Y": ((1, 400), I)}}, make_flower),
    "moons": (datasets.load_moons_dataset,
              {"moons.h5": {"train_X": ((2, 300), F), "train_Y": ((1, 300), I)}}, make_moons),
    "temperature": (datasets.load_temperature_series, {"temperature.h5": {"theta": ((365,), F)}},
                    lambda: (make_temperature_series(),)),
    "circles": (datasets.load_circles_dataset, {"circles.h5": {
        "train_X": ((2, 300), F), "train_Y": ((1, 300), I), "test_X": ((2, 100), F),
        "test_Y": ((1, 100), I)}},
        lambda: (*make_circles(circles.M_TRAIN, seed=circles.TRAIN_SEED),
                 *make_circles(circles.M_TEST, seed=circles.TEST_SEED))),
    "football": (datasets.load_2D_dataset, {"football.h5": {
        "train_X": ((2, 211), F), "train_Y": ((1, 211), I), "test_X": ((2, 200), F),
        "test_Y": ((1, 200), I)}}, make_football),
    "signs": (datasets.load_signs_dataset, {
        "train_signs.h5": {"train_set_x": ((1080, 64, 64, 3), U8), "train_set_y": ((1080,), I),
                           "list_classes": ((6,), I)},
        "test_signs.h5": {"test_set_x": ((120, 64, 64, 3), U8), "test_set_y": ((120,), I),
                          "list_classes": ((6,), I)}},
        lambda: (None, None, *_with_row_labels(*signs.make_signs(signs.M_TEST, signs.TEST_SEED)),
                 np.arange(6))),
}


def _as_tuple(loaded):
    return loaded if isinstance(loaded, tuple) else (loaded,)


@pytest.mark.parametrize("load,files,expected", LOADERS.values(), ids=LOADERS)
def test_loader_writes_the_original_layout_and_returns_the_generated_arrays(fresh_data_dir, load,
                                                                            files, expected):
    loaded = _as_tuple(load())
    for name, layout in files.items():
        with h5py.File(fresh_data_dir / name) as f:
            assert {key: (f[key].shape, f[key].dtype) for key in f} == layout
    for got, want in zip(loaded, expected(), strict=True):
        if want is not None:
            assert got.shape == want.shape and got.dtype == want.dtype
            assert np.array_equal(got, want)
    assert not list(fresh_data_dir.glob("*.tmp"))  # atomic writes leave nothing behind


def test_rebuilding_gives_identical_arrays(fresh_data_dir):
    first = {name: _as_tuple(load()) for name, (load, _, _) in LOADERS.items()}
    datasets.build_all(force=True)
    for name, (load, _, _) in LOADERS.items():
        assert all(np.array_equal(a, b) for a, b in zip(first[name], _as_tuple(load()),
                                                        strict=True)), name


def test_catvnoncat_has_the_originals_label_counts(fresh_data_dir):
    train_x, train_y, test_x, test_y, classes = datasets.load_catvnoncat()
    assert train_x.shape == (209, 64, 64, 3) and train_y.shape == (1, 209)
    assert test_x.shape == (50, 64, 64, 3) and test_y.shape == (1, 50)
    assert set(np.unique(train_y)) == {0, 1} and classes.dtype == np.dtype("S7")
    assert (int(train_y.sum()), int(test_y.sum())) == (71, 15)  # cats, as the docstring says
