"""Weight initialisers. Each returns a new numpy array of `shape` (float32 unless `dtype`
says otherwise) drawn from `rng`, a numpy Generator; with rng=None they draw from this
module's default generator, which `manual_seed` resets for reproducible runs.

Weights follow PyTorch's layout, (out, in, *kernel), so fan_in = in * prod(kernel).
"""
import math

import numpy as np

_default_rng = np.random.default_rng()


def manual_seed(seed):
    """Reseed the generator that layers, initialisers and dropout use when given no rng."""
    global _default_rng
    _default_rng = np.random.default_rng(seed)


def get_rng(rng=None):
    """`rng` itself, or the module's default generator."""
    return _default_rng if rng is None else rng


def fans(shape):
    """(fan_in, fan_out) of a weight shaped (out, in, *kernel); a vector counts as (n, n)."""
    if len(shape) == 1:
        return shape[0], shape[0]
    receptive = math.prod(shape[2:])
    return shape[1] * receptive, shape[0] * receptive


def zeros(shape, dtype=np.float32):
    return np.zeros(shape, dtype)


def ones(shape, dtype=np.float32):
    return np.ones(shape, dtype)


def uniform(shape, bound, rng=None, dtype=np.float32):
    """U(-bound, bound)."""
    return get_rng(rng).uniform(-bound, bound, size=shape).astype(dtype)


def normal(shape, std, rng=None, dtype=np.float32):
    """N(0, std^2)."""
    return (get_rng(rng).standard_normal(shape) * std).astype(dtype)


def he_normal(shape, rng=None, dtype=np.float32):
    """N(0, 2 / fan_in), for ReLU layers: randn * sqrt(2 / n^[l-1]) (notes C2 §1.11, He et al.)."""
    return normal(shape, math.sqrt(2.0 / fans(shape)[0]), rng, dtype)


def xavier_normal(shape, rng=None, dtype=np.float32):
    """N(0, 1 / fan_in), for tanh layers: randn * sqrt(1 / n^[l-1]) (notes C2 §1.11)."""
    return normal(shape, math.sqrt(1.0 / fans(shape)[0]), rng, dtype)


def xavier_uniform(shape, rng=None, dtype=np.float32):
    """U(-b, b) with b = sqrt(6 / (fan_in + fan_out)): variance 2 / (n^[l-1] + n^[l]), the
    Bengio (Glorot) variant of notes C2 §1.11."""
    fan_in, fan_out = fans(shape)
    return uniform(shape, math.sqrt(6.0 / (fan_in + fan_out)), rng, dtype)
