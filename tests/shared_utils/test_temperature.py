"""The year of temperatures of course 2, week 2: shaped (365,), seasonal, and starting with the
lecture's 40, 49, 45 so the notes' worked averages (T5, T6) come out of it. Determinism and the
loader: test_datasets.py."""
import numpy as np

from shared_utils import datasets
from shared_utils.datasets.temperature import make_temperature_series


def test_series_shape_first_days_and_season():
    theta = make_temperature_series()
    assert theta.shape == (365,) and theta.dtype == np.float64
    assert theta[:3].tolist() == [40.0, 49.0, 45.0]
    winter, summer = theta[:60].mean(), theta[150:240].mean()
    assert winter < 42 < 58 < summer  # coldest around the new year, warmest in summer
    assert 20 < theta.min() and theta.max() < 80


def test_the_pinned_days_do_not_depend_on_the_seed():
    assert np.array_equal(make_temperature_series(seed=1)[:3], make_temperature_series(seed=2)[:3])


def test_the_notes_worked_averages_come_out_of_the_series():
    theta = datasets.load_temperature_series()
    v, values = 0.0, []
    for day in theta[:3]:
        v = 0.98 * v + 0.02 * day
        values.append(v)
    assert np.allclose(values, [0.8, 1.764, 2.62872])  # T6 (and erratum E14: 0.8, not 8)
