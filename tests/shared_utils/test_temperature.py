"""The year of temperatures of course 2, week 2: deterministic, shaped (365,), seasonal, and
starting with the lecture's 40, 49, 45 so the notes' worked averages (T5, T6) come out of it."""
import h5py
import numpy as np
import pytest

from shared_utils import datasets
from shared_utils.datasets.temperature import make_temperature_series


@pytest.fixture
def fresh_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SHARED_UTILS_DATA_DIR", str(tmp_path))
    return tmp_path


def test_series_shape_first_days_and_season():
    theta = make_temperature_series()
    assert theta.shape == (365,) and theta.dtype == np.float64
    assert theta[:3].tolist() == [40.0, 49.0, 45.0]
    winter, summer = theta[:60].mean(), theta[150:240].mean()
    assert winter < 42 < 58 < summer  # coldest around the new year, warmest in summer
    assert 20 < theta.min() and theta.max() < 80


def test_series_is_deterministic_and_seed_dependent():
    a, b, c = make_temperature_series(seed=1), make_temperature_series(seed=1), \
        make_temperature_series(seed=2)
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert np.array_equal(a[:3], c[:3])  # the pinned days do not depend on the seed
    assert np.allclose(a[3:5], [29.68527336, 39.35828073])  # pinned: changes must be deliberate


def test_loader_builds_the_h5_file(fresh_data_dir):
    theta = datasets.load_temperature_series()
    with h5py.File(fresh_data_dir / "temperature.h5") as f:
        assert set(f) == {"theta"} and f["theta"].shape == (365,)
    assert np.array_equal(theta, make_temperature_series())


def test_the_notes_worked_averages_come_out_of_the_series():
    theta = datasets.load_temperature_series()
    v, values = 0.0, []
    for day in theta[:3]:
        v = 0.98 * v + 0.02 * day
        values.append(v)
    assert np.allclose(values, [0.8, 1.764, 2.62872])  # T6 (and erratum E14: 0.8, not 8)
