"""A year of daily temperatures "like London's", for the exponentially weighted averages of
course 2, week 2 (notes C2 §2.3-2.5).

The lecture plots 365 daily temperatures in °F and starts from θ1 = 40, θ2 = 49, θ3 = 45. This
series is made, not measured: a seasonal sine, coldest around the new year and warmest in
summer, plus Gaussian day-to-day noise,

    θ_t = 50 + 15 sin(2π (t - 100) / 365) + noise_t,   t = 1, ..., 365,

with the first three days pinned to the lecture's 40, 49 and 45 so the notes' worked numbers
(v1 = 0.8 for β = 0.98, and so on) come out of the real series. Seed 1, noise 5 °F.
"""
import numpy as np

__all__ = ["DAYS", "SEED", "FIRST_DAYS", "make_temperature_series"]

DAYS, SEED = 365, 1
FIRST_DAYS = (40.0, 49.0, 45.0)  # θ1, θ2, θ3 of the lecture (notes C2 §2.3)


def make_temperature_series(days=365, noise=5.0, seed=1):
    """Daily temperatures in °F.

    Arguments:
    days -- length of the series (at least 3)
    noise -- standard deviation of the day-to-day noise, in °F
    seed -- seed of the numpy RandomState that draws the noise

    Returns:
    theta -- float64 of shape (days,): theta[t - 1] is the temperature of day t
    """
    rng = np.random.RandomState(seed)
    t = np.arange(1, days + 1)
    theta = 50 + 15 * np.sin(2 * np.pi * (t - 100) / 365) + rng.normal(0, noise, days)
    theta[:3] = FIRST_DAYS
    return theta
